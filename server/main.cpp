// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <climits>
#include <csignal>
#include <cstdio>

#include <QCoreApplication>

#include "chatserver.h"
#include "historybackup.h"
#include "logging.h"
#include "serverconfig.h"
#include "serverconsole.h"
#include "serverlogging.h"
#include "signalwatcher.h"
#include "translations.h"

#include <sys/resource.h>

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

// Each connection is a file descriptor: use all the process may have.
void raiseFileLimit(int maxClients)
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
    if (maxClients > 0 && limit.rlim_cur < rlim_t(maxClients) + 32) {
        qCWarning(lcServer).noquote()
            << QCoreApplication::translate("main",
                                           "The file descriptor limit %1 is lower than "
                                           "--max-clients; raise it with ulimit -n")
                   .arg(limit.rlim_cur);
    }
}

// tagarela-server --backup FILE: the history copied while a server may be writing to it.
int writeBackup(const ServerConfig &config)
{
    const HistoryBackup::Result result = HistoryBackup::write(config.dataDir, config.backupFile);
    if (!result.ok) {
        std::fprintf(
            stderr, "tagarela-server: %s\n",
            qPrintable(QCoreApplication::translate("main", "backup failed: %1").arg(result.error)));
        return 1;
    }
    // Not inside the translate() call: lupdate's parser loops forever on a template argument
    // list there.
    const int messages = int(qMin<qint64>(result.messages, INT_MAX));
    std::fputs(qPrintable(QCoreApplication::translate(
                              "main",
                              "Backed up %n message(s), the newest #%1, to %2 (%3 bytes); "
                              "integrity check ok.\n",
                              nullptr, messages)
                              .arg(result.lastSeq)
                              .arg(config.backupFile)
                              .arg(result.bytes)),
               stdout);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tagarela-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TAGARELA_VERSION));
    QCoreApplication::setOrganizationName(u"Tagarela"_s);
    installTranslations(&app);
    qSetMessagePattern(u"%{time yyyy-MM-dd HH:mm:ss} "
                       "%{if-debug}debug%{endif}%{if-info}info %{endif}%{if-warning}warn "
                       "%{endif}%{if-critical}error%{endif}%{if-fatal}fatal%{endif} %{message}"_s);
    // Peers choose nicknames, chat text, message types ...: none of it may reach the host's
    // terminal as control or bidi characters, whichever log line it ends up in.
    installLogEscaping();

    ServerConfig config;
    QString message;
    switch (ServerOptions::parse(QCoreApplication::arguments(), &config, &message)) {
    case ServerOptions::Outcome::ExitOk:
        std::fputs(qPrintable(message), stdout);
        return 0;
    case ServerOptions::Outcome::ExitError:
        std::fprintf(stderr, "tagarela-server: %s\n%s\n", qPrintable(message),
                     qPrintable(QCoreApplication::translate("main", "Try --help.")));
        return 2;
    case ServerOptions::Outcome::Run:
        break;
    }
    if (!config.backupFile.isEmpty())
        return writeBackup(config);
    raiseFileLimit(config.maxClients);
    // A file over the size limit (ulimit -f) must be a failed write that the history reports
    // ("not stored"), not the end of the server.
    std::signal(SIGXFSZ, SIG_IGN);

    SignalWatcher signals;
    ChatServer server(config);
    if (!server.prepare()) {
        std::fprintf(stderr, "tagarela-server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    if (!server.openHistory()) {
        std::fprintf(stderr, "tagarela-server: %s\n",
                     qPrintable(QCoreApplication::translate("main", "cannot open the history: %1")
                                    .arg(server.errorString())));
        return 1;
    }
    if (!server.listen()) {
        const QString where = config.bindAddress == QHostAddress(QHostAddress::Any)
            ? u"*"_s
            : config.bindAddress.toString();
        std::fprintf(
            stderr, "tagarela-server: %s\n",
            qPrintable(QCoreApplication::translate("main", "cannot listen on %1 port %2: %3")
                           .arg(where)
                           .arg(config.port)
                           .arg(server.errorString())));
        return 1;
    }
    qCInfo(lcServer).noquote() << QCoreApplication::translate(
                                      "main",
                                      "Tagarela server %1 listening on %2 port %3. "
                                      "Type /help for console commands.")
                                      .arg(QCoreApplication::applicationVersion(),
                                           config.bindAddress == QHostAddress(QHostAddress::Any)
                                               ? QCoreApplication::translate("main",
                                                                             "every interface")
                                               : server.serverAddress().toString())
                                      .arg(server.serverPort());

    ServerConsole console(&server);
    console.start();
    QObject::connect(&console, &ServerConsole::quitRequested, &server, &ChatServer::shutDown);
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &server,
                     &ChatServer::shutDown);
    QObject::connect(&server, &ChatServer::shutDownFinished, &app, [] {
        qCInfo(lcServer).noquote() << QCoreApplication::translate("main", "Stopped");
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}
