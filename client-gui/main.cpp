// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>

#include "chatclient.h"
#include "chatwindow.h"
#include "connectdialog.h"
#include "messagemodel.h"
#include "serveraddress.h"
#include "serverhistory.h"
#include "translations.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

QIcon applicationIcon()
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(u":/icons/tagarela-%1.png"_s.arg(size), QSize(size, size));
    return icon;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"tagarela"_s);
    QApplication::setApplicationDisplayName(u"Tagarela"_s);
    QApplication::setApplicationVersion(QStringLiteral(TAGARELA_VERSION));
    QApplication::setOrganizationName(u"Tagarela"_s);
    QApplication::setDesktopFileName(u"tagarela"_s);
    QApplication::setWindowIcon(applicationIcon());

    // --lang must be known before the translators, and they before the help text.
    QString language;
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == "--lang"_L1 && i + 1 < arguments.size())
            language = arguments.at(i + 1);
        else if (arguments.at(i).startsWith("--lang="_L1))
            language = arguments.at(i).mid(7);
    }
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    installTranslations(&app, locale);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Tagarela chat client. Without options it asks where to connect."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(
        u"host"_s,
        QApplication::translate("main",
                                "Server to connect to: host or host:port, or several servers "
                                "of one room separated by commas, tried in turn "
                                "(\"host1:3000, host2:3000\"; IPv6 as [::1]:3000)."),
        QApplication::translate("main", "host"));
    const QCommandLineOption portOption(
        u"port"_s, QApplication::translate("main", "Server port (default: 3000)."),
        QApplication::translate("main", "port"));
    const QCommandLineOption nickOption(u"nick"_s,
                                        QApplication::translate("main", "Your nickname."),
                                        QApplication::translate("main", "nickname"));
    const QCommandLineOption tlsOption(
        u"tls"_s, QApplication::translate("main", "Connect with TLS (an encrypted connection)."));
    const QCommandLineOption langOption(
        u"lang"_s, QApplication::translate("main", "Language of the program, e.g. pt_BR or en."),
        QApplication::translate("main", "language"));
    const QCommandLineOption scrollbackOption(
        u"scrollback"_s,
        QApplication::translate("main",
                                "Messages kept in the window; older ones are dropped "
                                "(default: %1).")
            .arg(MessageModel::DefaultScrollbackLimit),
        QApplication::translate("main", "count"));
    parser.addOptions(
        {hostOption, portOption, nickOption, tlsOption, langOption, scrollbackOption});
    parser.process(app);

    quint16 port = 0;
    if (parser.isSet(portOption)) {
        bool ok = false;
        const uint value = parser.value(portOption).toUInt(&ok);
        if (!ok || value == 0 || value > 65535) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QApplication::translate(
                             "main", "--port: expected a number from 1 to 65535.")));
            return 2;
        }
        port = quint16(value);
    }

    ChatClient client;
    ChatWindow window(&client);
    if (parser.isSet(scrollbackOption)) {
        bool ok = false;
        const int lines = parser.value(scrollbackOption).toInt(&ok);
        if (!ok || lines < 100) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QApplication::translate(
                             "main", "--scrollback: expected a number of at least 100.")));
            return 2;
        }
        window.messageModel()->setScrollbackLimit(lines);
    }
    const QString host = parser.value(hostOption).trimmed();
    if (!host.isEmpty()) {
        const ServerAddressList::Parsed addresses =
            ServerAddressList::parse(host, port == 0 ? ConnectDialog::DefaultPort : port);
        if (!addresses.isValid()) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(QApplication::translate("main", "--host: %1").arg(addresses.error)));
            return 2;
        }
    }
    const QString nick =
        parser.isSet(nickOption) ? parser.value(nickOption) : ServerHistory().lastNick();
    const bool tls = parser.isSet(tlsOption);
    if (!host.isEmpty() && !nick.isEmpty()) {
        window.connectDirectly(host, port == 0 ? ConnectDialog::DefaultPort : port, nick, tls);
    } else {
        window.showConnectDialog(host, port, nick);
        if (tls)
            window.connectDialog()->setUseTls(true);
    }
    return QApplication::exec();
}
