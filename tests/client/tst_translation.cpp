// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "chatclient.h"
#include "chatwindow.h"
#include "connectdialog.h"
#include "connection.h"
#include "validation.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestTranslation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void portugueseIsComplete();
    void windowsSpeakPortuguese();
    void sharedRulesSpeakPortuguese();
    void connectionLossSpeaksPortuguese();
    void programsFollowTheSystemLocale_data();
    void programsFollowTheSystemLocale();
    void langOptionOverridesTheLocale();
    void serverConsoleSpeaksPortuguese();

private:
    QString runHelp(const QString &program, const QStringList &arguments, const QString &lang);

    QTranslator m_translator;
};

void TestTranslation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_translator.load(QLocale(QLocale::Portuguese, QLocale::Brazil), u"tagarela"_s, u"_"_s,
                              QStringLiteral(TAGARELA_QM_DIR)));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
}

void TestTranslation::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_translator);
}

void TestTranslation::portugueseIsComplete()
{
    QFile ts(QStringLiteral(TAGARELA_SOURCE_DIR) + u"/translations/tagarela_pt_BR.ts"_s);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray content = ts.readAll();
    QVERIFY(content.contains("<message"));
    QCOMPARE(content.count("type=\"unfinished\""), 0);
    QCOMPARE(content.count("type=\"vanished\""), 0);
}

void TestTranslation::windowsSpeakPortuguese()
{
    ChatClient client;
    ChatWindow window(&client);
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    QCOMPARE(menus.first()->text(), u"&Conversa"_s);
    window.showConnectDialog(u"localhost"_s, 3000, u"ana"_s);
    QVERIFY(window.connectDialog());
    QCOMPARE(window.connectDialog()->windowTitle(), u"Conectar a um servidor Tagarela"_s);
    window.connectDialog()->reject();
}

void TestTranslation::sharedRulesSpeakPortuguese()
{
    QCOMPARE(Validation::describe(NickProblem::Empty), u"O apelido está vazio."_s);
    QCOMPARE(Validation::describe(NickProblem::MixedScripts),
             u"Um apelido não pode misturar letras de escritas diferentes, como a latina e a "
             u"cirílica, nem algarismos de tipos diferentes."_s);
}

void TestTranslation::connectionLossSpeaksPortuguese()
{
    // The reason a client shows in "Connection lost (...)".
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    auto *socket = new QTcpSocket;
    Connection connection(socket, Connection::Role::Client);
    QSignalSpy closed(&connection, &Connection::closed);
    QSignalSpy accepted(&server, &QTcpServer::newConnection);
    socket->connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(accepted.wait(5000));
    QTcpSocket *peer = server.nextPendingConnection();
    QVERIFY(peer);
    QTRY_COMPARE(socket->state(), QAbstractSocket::ConnectedState);
    connection.start();
    peer->disconnectFromHost();
    QVERIFY(closed.wait(5000));
    QCOMPARE(closed.at(0).at(1).toString(), u"o outro lado fechou a conexão"_s);
}

QString TestTranslation::runHelp(const QString &program, const QStringList &arguments,
                                 const QString &lang)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"LANG"_s, lang);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        return {};
    // --help exits with 0: anything else (a crash, a sanitizer report) is no answer, and what
    // the program said on stderr is what the failing check shows.
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QString::fromUtf8(process.readAllStandardError());
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestTranslation::programsFollowTheSystemLocale_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("portuguese");
    QTest::addColumn<QString>("english");
    QTest::newRow("client") << QStringLiteral(TAGARELA_CLIENT_BINARY)
                            << u"Cliente de bate-papo Tagarela"_s << u"Tagarela chat client"_s;
    QTest::newRow("server") << QStringLiteral(TAGARELA_SERVER_BINARY)
                            << u"Servidor de bate-papo Tagarela"_s << u"Tagarela chat server"_s;
}

void TestTranslation::programsFollowTheSystemLocale()
{
    QFETCH(QString, program);
    QFETCH(QString, portuguese);
    QFETCH(QString, english);
    const QString inPortuguese = runHelp(program, {u"--help"_s}, u"pt_BR.UTF-8"_s);
    QVERIFY2(inPortuguese.contains(portuguese), qPrintable(inPortuguese));
    const QString inEnglish = runHelp(program, {u"--help"_s}, u"en_US.UTF-8"_s);
    QVERIFY2(inEnglish.contains(english), qPrintable(inEnglish));
}

void TestTranslation::langOptionOverridesTheLocale()
{
    const QString output = runHelp(QStringLiteral(TAGARELA_CLIENT_BINARY),
                                   {u"--lang"_s, u"pt_BR"_s, u"--help"_s}, u"en_US.UTF-8"_s);
    QVERIFY2(output.contains(u"Cliente de bate-papo Tagarela"_s), qPrintable(output));
}

void TestTranslation::serverConsoleSpeaksPortuguese()
{
    // From start to stop, what the host reads: its console replies and its log lines.
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE", "QT_LOGGING_RULES"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"LANG"_s, u"pt_BR.UTF-8"_s);
    process.setProcessEnvironment(env);
    process.start(
        QStringLiteral(TAGARELA_SERVER_BINARY),
        {u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s, u"--data-dir"_s, dataDir.path()});
    QVERIFY(process.waitForStarted(30000));
    process.write("/ban 2001:db8::/48\n/ban 192.0.2.300\n/quit\n");
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString log = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(out.contains(u"2001:db8::/48 banido."_s), qPrintable(out));
    QVERIFY2(out.contains(u"\"192.0.2.300\" não é um endereço"_s), qPrintable(out));
    for (const QString &line : {u"Histórico: "_s, u"escutando em 127.0.0.1"_s,
                                u"clientes a avisar: 0"_s, u"Servidor parado"_s})
        QVERIFY2(log.contains(line), qPrintable(line + u" not in:\n"_s + log));
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
