// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The server binary as its host runs it: options, exit codes, console, signals, log.

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "framedtestclient.h"
#include "linetestclient.h"
#include "serverprocess.h"
#include "testcertificate.h"
#include "testprinters.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

QString serverBinary()
{
    return QString::fromUtf8(TAGARELA_SERVER_BINARY);
}

} // namespace

class TestServerProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void help();
    void version();
    void badOption_data();
    void badOption();
    void portTaken();
    void reusePortSharesThePort();
    void portTakenWithoutReusePort();
    void badCertificate();
    void tlsAndPasswordThroughProcess();
    void chatThroughProcess();
    void consoleCommands();
    void consoleQuit();
    void terminateSignal();
    void logShowsTraffic();
    void quietHidesChat();
};

void TestServerProcess::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo::exists(serverBinary()), qPrintable(serverBinary()));
}

void TestServerProcess::help()
{
    ServerProcess server(serverBinary());
    QVERIFY(server.start({u"--help"_s}));
    QVERIFY(server.waitForFinished());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    const QString help = server.standardOutput();
    QVERIFY2(help.contains(u"--port"_s), qPrintable(help));
    QVERIFY(help.contains(u"--max-clients"_s));
    QVERIFY(help.contains(u"--bind"_s));
    QVERIFY(help.contains(u"--quiet"_s));
}

void TestServerProcess::version()
{
    ServerProcess server(serverBinary());
    QVERIFY(server.start({u"--version"_s}));
    QVERIFY(server.waitForFinished());
    QCOMPARE(server.exitCode(), 0);
    QCOMPARE(server.standardOutput().trimmed(),
             u"tagarela-server "_s + QString::fromUtf8(TAGARELA_VERSION));
}

void TestServerProcess::badOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("port not a number") << QStringList {u"--port"_s, u"abc"_s} << u"--port"_s;
    QTest::newRow("port too high") << QStringList {u"--port"_s, u"70000"_s} << u"--port"_s;
    QTest::newRow("negative limit")
        << QStringList {u"--max-clients"_s, u"-1"_s} << u"--max-clients"_s;
    QTest::newRow("bad address") << QStringList {u"--bind"_s, u"not-an-ip"_s} << u"--bind"_s;
    QTest::newRow("unknown option") << QStringList {u"--colour"_s} << u"colour"_s;
    QTest::newRow("stray argument") << QStringList {u"3000"_s} << u"3000"_s;
}

void TestServerProcess::badOption()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    ServerProcess server(serverBinary());
    QVERIFY(server.start(arguments));
    QVERIFY(server.waitForFinished());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 2);
    const QString error = server.standardError();
    QVERIFY2(error.contains(named), qPrintable(error));
    QVERIFY(error.contains(u"--help"_s));
    QVERIFY(server.standardOutput().isEmpty());
}

void TestServerProcess::portTaken()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress(QHostAddress::LocalHost), 0));
    const QString port = QString::number(squatter.serverPort());

    ServerProcess server(serverBinary());
    QVERIFY(server.start({u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, port}));
    QVERIFY(server.waitForFinished());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 1);
    const QString error = server.standardError();
    QVERIFY2(error.contains(u"port "_s + port), qPrintable(error));
    QVERIFY(!error.contains(u"listening"_s));
}

void TestServerProcess::reusePortSharesThePort()
{
    ServerProcess first(serverBinary());
    QVERIFY(first.startListening({u"--reuse-port"_s, u"--name"_s, u"first"_s}));
    const QString port = QString::number(first.port());
    ServerProcess second(serverBinary());
    QVERIFY(second.start({u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, port, u"--reuse-port"_s,
                          u"--name"_s, u"second"_s}));
    QVERIFY2(second.waitForStandardError(u"listening on 127.0.0.1 port "_s + port),
             qPrintable(second.standardError()));

    // The kernel spreads connections by a hash of their addresses and ports: within a bounded
    // number of connections both servers answer one (each a chance of one half).
    QSet<QString> answered;
    for (int i = 0; i < 64 && answered.size() < 2; ++i) {
        FramedTestClient client(first.port());
        QVERIFY(client.handshake());
        answered.insert(client.received(MessageType::HandshakeOk).constFirst().server);
    }
    QCOMPARE(answered, (QSet<QString> {u"first"_s, u"second"_s}));

    // When one of them ends, the other still takes every connection on the port.
    first.process().terminate();
    QVERIFY(first.waitForFinished());
    for (int i = 0; i < 4; ++i) {
        FramedTestClient client(first.port());
        QVERIFY(client.handshake());
        QCOMPARE(client.received(MessageType::HandshakeOk).constFirst().server, u"second"_s);
    }
}

void TestServerProcess::portTakenWithoutReusePort()
{
    // A server with --reuse-port shares its port only with others that ask for it too.
    ServerProcess first(serverBinary());
    QVERIFY(first.startListening({u"--reuse-port"_s}));
    const QString port = QString::number(first.port());
    ServerProcess second(serverBinary());
    QVERIFY(second.start({u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, port}));
    QVERIFY(second.waitForFinished());
    QCOMPARE(second.exitCode(), 1);
    QVERIFY2(second.standardError().contains(u"cannot listen on 127.0.0.1 port "_s + port),
             qPrintable(second.standardError()));

    // And one with --reuse-port cannot take the port of a server without it, and says why.
    ServerProcess plain(serverBinary());
    QVERIFY(plain.startListening());
    const QString plainPort = QString::number(plain.port());
    ServerProcess late(serverBinary());
    QVERIFY(late.start({u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, plainPort, u"--reuse-port"_s}));
    QVERIFY(late.waitForFinished());
    QCOMPARE(late.exitCode(), 1);
    const QString error = late.standardError();
    QVERIFY2(error.contains(u"cannot listen on 127.0.0.1 port "_s + plainPort), qPrintable(error));
    QVERIFY2(error.contains(u"cannot bind: Address already in use"_s), qPrintable(error));
}

void TestServerProcess::badCertificate()
{
    const QString missing = u"/nonexistent/tagarela-cert.pem"_s;
    ServerProcess server(serverBinary());
    QVERIFY(server.start({u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s, u"--tls-cert"_s,
                          missing, u"--tls-key"_s, missing}));
    QVERIFY(server.waitForFinished());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 1);
    const QString error = server.standardError();
    QVERIFY2(error.contains(missing), qPrintable(error));
    QVERIFY2(error.contains(u"certificate"_s), qPrintable(error));
    QVERIFY(!error.contains(u"listening"_s));
}

void TestServerProcess::tlsAndPasswordThroughProcess()
{
    const TestCertificate certificate;
    QVERIFY2(certificate.isValid(), qPrintable(certificate.errorString()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString passwordFile = dir.filePath(u"password"_s);
    {
        QFile file(passwordFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("s3cret\n");
    }
    ServerProcess server(serverBinary());
    QVERIFY(server.startListening({u"--tls-cert"_s, certificate.certificateFile(), u"--tls-key"_s,
                                   certificate.keyFile(), u"--require-tls"_s, u"--password-file"_s,
                                   passwordFile}));

    // As openssl s_client would: encrypted lines, the password first.
    LineTestClient text(server.port());
    text.setTls(certificate.certificate());
    QVERIFY(text.connectToServer());
    QVERIFY(text.waitForLine(LineTestClient::passwordPrompt()));
    text.sendLine(u"s3cret"_s);
    QVERIFY(text.join(u"ana"_s));
    FramedTestClient framed(server.port());
    framed.setTls(certificate.certificate());
    framed.setPassword(u"s3cret"_s);
    QVERIFY(framed.join(u"bia"_s));
    text.sendLine(u"over the wire, encrypted"_s);
    QVERIFY(framed.waitFor(MessageType::Chat, Match::text(u"over the wire, encrypted"_s)));

    FramedTestClient plain(server.port());
    plain.setPassword(u"s3cret"_s);
    QVERIFY(!plain.handshake());
    QVERIFY(plain.waitFor(MessageType::Bye, Match::code(ErrorCode::TlsRequired)));
}

void TestServerProcess::chatThroughProcess()
{
    ServerProcess server(serverBinary());
    QVERIFY(server.startListening());
    LineTestClient ana(server.port());
    LineTestClient bia(server.port());
    FramedTestClient caio(server.port());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(caio.join(u"caio"_s));
    QVERIFY(ana.waitForLine(u"*** caio joined"_s));

    ana.sendLine(u"hello from ana"_s);
    QVERIFY(bia.waitForLine(u"] <ana> hello from ana"_s));
    QVERIFY(ana.waitForLine(u"] <ana> hello from ana"_s));
    const auto fromAna = caio.waitFor(MessageType::Chat, Match::text(u"hello from ana"_s));
    QVERIFY(fromAna);
    QCOMPARE(fromAna->from, u"ana"_s);

    caio.say(u"ol\u00e1 from caio"_s);
    QVERIFY(ana.waitForLine(u"] <caio> ol\u00e1 from caio"_s));
    QVERIFY(bia.waitForLine(u"] <caio> ol\u00e1 from caio"_s));

    bia.sendLine(u"/me waves"_s);
    QVERIFY(ana.waitForLine(u"] * bia waves"_s));
    const auto wave = caio.waitFor(MessageType::Chat, Match::text(u"waves"_s));
    QVERIFY(wave);
    QVERIFY(wave->action);
}

void TestServerProcess::consoleCommands()
{
    ServerProcess server(serverBinary());
    QVERIFY(server.startListening());
    FramedTestClient ana(server.port());
    LineTestClient bia(server.port());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    server.writeLine(u"/who"_s);
    QVERIFY(server.waitForStandardOutput(u"  bia  127.0.0.1:"_s));
    QVERIFY2(server.standardOutput().contains(u"  ana  127.0.0.1:"_s),
             qPrintable(server.standardOutput()));

    server.writeLine(u"/say hello everyone"_s);
    const auto notice = ana.waitFor(MessageType::Notice);
    QVERIFY(notice);
    QCOMPARE(notice->text, u"hello everyone"_s);
    QVERIFY(bia.waitForLine(u"-host- hello everyone"_s));

    server.writeLine(u"/kick nobody"_s);
    QVERIFY(server.waitForStandardOutput(u"nobody"_s));

    server.writeLine(u"/kick bia"_s);
    QVERIFY(bia.waitForLine(u"*** You were kicked by the host."_s));
    QVERIFY(bia.waitForClosed());
    const auto left = ana.waitFor(MessageType::Left, Match::nick(u"bia"_s));
    QVERIFY(left);

    server.writeLine(u"/kick ana too chatty"_s);
    const auto bye = ana.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::Kicked);
    QVERIFY(bye->text.contains(u"too chatty"_s));
    QVERIFY(ana.waitForClosed());

    // Still running, and still accepting.
    QVERIFY(!server.isFinished());
    FramedTestClient caio(server.port());
    QVERIFY(caio.join(u"caio"_s));
}

void TestServerProcess::consoleQuit()
{
    ServerProcess server(serverBinary());
    QVERIFY(server.startListening());
    FramedTestClient ana(server.port());
    LineTestClient bia(server.port());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    server.writeLine(u"/quit"_s);
    const auto bye = ana.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::Shutdown);
    QVERIFY(ana.waitForClosed());
    QVERIFY(bia.waitForLine(u"*** The server is shutting down."_s));
    QVERIFY(bia.waitForClosed());
    QVERIFY(server.waitForFinished());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

void TestServerProcess::terminateSignal()
{
    ServerProcess server(serverBinary());
    QVERIFY(server.startListening());
    FramedTestClient ana(server.port());
    LineTestClient bia(server.port());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    server.process().terminate(); // SIGTERM
    const auto bye = ana.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::Shutdown);
    QVERIFY(ana.waitForClosed());
    QVERIFY(bia.waitForLine(u"*** The server is shutting down."_s));
    QVERIFY(bia.waitForClosed());
    QVERIFY(server.waitForFinished());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

void TestServerProcess::logShowsTraffic()
{
    ServerProcess server(serverBinary());
    QVERIFY(server.startListening());
    FramedTestClient ana(server.port());
    LineTestClient bia(server.port());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    ana.say(u"a secret recipe"_s);
    bia.sendLine(u"tell me more"_s);
    QVERIFY(bia.waitForLine(u"<bia> tell me more"_s));
    QVERIFY(server.waitForStandardError(u"tell me more"_s));
    const QString log = server.standardError();
    QVERIFY2(log.contains(u"ana joined"_s), qPrintable(log));
    QVERIFY(log.contains(u"bia joined"_s));
    QVERIFY(log.contains(u"<ana@127.0.0.1:"_s));
    QVERIFY(log.contains(u"a secret recipe"_s));
    QVERIFY(log.contains(u"<bia@127.0.0.1:"_s));
}

void TestServerProcess::quietHidesChat()
{
    ServerProcess server(serverBinary());
    QVERIFY(server.startListening({u"--quiet"_s}));
    FramedTestClient ana(server.port());
    LineTestClient bia(server.port());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    ana.say(u"a secret recipe"_s);
    QVERIFY(bia.waitForLine(u"<ana> a secret recipe"_s));
    bia.sendLine(u"/quit"_s);
    QVERIFY(bia.waitForClosed());
    QVERIFY(ana.waitFor(MessageType::Left, Match::nick(u"bia"_s)));

    // The log is written before the chat goes out: by now it holds whatever it will.
    QVERIFY(server.waitForStandardError(u"bia left"_s));
    const QString log = server.standardError();
    QVERIFY2(log.contains(u"ana joined"_s), qPrintable(log));
    QVERIFY(log.contains(u"bia joined"_s));
    QVERIFY(!log.contains(u"a secret recipe"_s));
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
