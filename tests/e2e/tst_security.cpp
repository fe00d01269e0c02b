// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// TLS on the shared port, the server password and its throttle, and bans: the server
// in-process, driven over loopback sockets.

#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "chatserver.h"
#include "framedecoder.h"
#include "framedtestclient.h"
#include "linetestclient.h"
#include "logcapture.h"
#include "protocol.h"
#include "serverconfig.h"
#include "testcertificate.h"
#include "testprinters.h"
#include "testserverconfig.h"
#include "wirebytes.h"

#include <unistd.h>

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"correct horse"_s;

ServerConfig testConfig()
{
    ServerConfig config = Testing::serverConfig();
    config.passwordDelayMs = 20;
    return config;
}

// A frame of a type nobody knows, named \a name.
QByteArray unknownTypeFrame(const QString &name)
{
    Message message;
    message.type = MessageType::Unknown;
    message.typeName = name;
    return WireBytes::frame(message);
}

// What a terminal or a log reader could take for something else than text.
bool holdsControls(const QString &text)
{
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
            (c >= 0x2066 && c <= 0x2069))
            return true;
    }
    return false;
}

// One framed login from \a from (any 127.x.y.z: all of 127/8 is loopback) offering
// \a password: the code of the bye it gets, or None if it was admitted.
std::optional<ErrorCode> loginFrom(quint16 port, const QHostAddress &from, const QString &password)
{
    QTcpSocket socket;
    if (!socket.bind(from, 0))
        return std::nullopt;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    Message handshake = Message::handshake(Protocol::supportedVersions());
    handshake.password = password;
    socket.write(Protocol::magic().toByteArray() + WireBytes::frame(handshake));
    // The server runs in this thread: wait on the event loop, never block it.
    std::optional<ErrorCode> answer;
    (void)QTest::qWaitFor(
        [&] {
            for (const Message &message : WireBytes::decodeStream(socket.peek(1 << 20))) {
                if (message.type == MessageType::HandshakeOk)
                    answer = ErrorCode::None;
                else if (message.type == MessageType::Bye)
                    answer = message.code;
            }
            return answer.has_value();
        },
        10'000);
    return answer;
}

BanList::Entry entry(const QString &text)
{
    const std::optional<BanList::Entry> parsed = BanList::parse(text);
    Q_ASSERT(parsed);
    return *parsed;
}

} // namespace

class TestSecurity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // TLS
    void tlsChatWithPlainClients();
    void tlsCarriesMoreThanTheReadBuffer();
    void silentPlainClientIsGreetedOnce();
    void plainClientsKeepTheirFirstBytes();
    void serverWithoutCertificateClosesTls();
    void stalledTlsHandshakeTimesOut();
    void requireTlsRefusesPlain_data();
    void requireTlsRefusesPlain();
    void requireTlsAdmitsTls();
    void badCertificateIsAStartError_data();
    void badCertificateIsAStartError();
    void corruptTlsRecordCloses_data();
    void corruptTlsRecordCloses();
    // The console and the log
    void peerTextIsEscapedInTheLog();
    void protocolErrorsOfOneConnectionAreBounded();
    void protocolErrorsOfManyConnectionsAreBounded();
    void badFirstFrameCloses_data();
    void badFirstFrameCloses();
    // Password
    void framedPassword_data();
    void framedPassword();
    void textPassword_data();
    void textPassword();
    void wrongPasswordIsDelayed();
    void throttleAfterFailures();
    void fullThrottleTableKeepsTheGuesser();
    void nothingLeaksBeforePassword();
    void passwordOverTls();
    // Bans
    void banDisconnectsAndRefuses();
    void bansPersistAcrossRestart();
    void corruptBanFileIsReported();

private:
    std::unique_ptr<ChatServer> startServer(const ServerConfig &config);

    std::unique_ptr<TestCertificate> m_certificate;
};

void TestSecurity::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QSslSocket::supportsSsl(), "Qt's OpenSSL TLS backend is missing");
    m_certificate = std::make_unique<TestCertificate>();
    QVERIFY2(m_certificate->isValid(), qPrintable(m_certificate->errorString()));
}

std::unique_ptr<ChatServer> TestSecurity::startServer(const ServerConfig &config)
{
    auto server = std::make_unique<ChatServer>(config);
    if (!server->listen()) {
        qWarning() << "listen:" << server->errorString();
        return nullptr;
    }
    return server;
}

// --- TLS --------------------------------------------------------------------------------------

void TestSecurity::tlsChatWithPlainClients()
{
    ServerConfig config = testConfig();
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    const auto server = startServer(config);
    QVERIFY(server);

    FramedTestClient framedTls(server->serverPort());
    framedTls.setTls(m_certificate->certificate());
    QVERIFY(framedTls.join(u"ana"_s));
    QVERIFY(framedTls.isEncrypted());
    FramedTestClient framedPlain(server->serverPort());
    QVERIFY(framedPlain.join(u"bia"_s));
    LineTestClient textTls(server->serverPort());
    textTls.setTls(m_certificate->certificate());
    QVERIFY(textTls.join(u"caio"_s));
    QVERIFY(textTls.socket().isEncrypted());
    LineTestClient textPlain(server->serverPort());
    QVERIFY(textPlain.join(u"duda"_s));

    // One room, whatever the wrapping: each kind hears each other kind.
    framedTls.say(u"over tls"_s);
    textTls.sendLine(u"typed over tls"_s);
    for (const QString &text : {u"over tls"_s, u"typed over tls"_s}) {
        QVERIFY(framedTls.waitFor(MessageType::Chat, Match::text(text)));
        QVERIFY(framedPlain.waitFor(MessageType::Chat, Match::text(text)));
        QVERIFY(textTls.waitForLine(u"> "_s + text));
        QVERIFY(textPlain.waitForLine(u"> "_s + text));
    }
    framedPlain.say(u"in the clear"_s);
    QVERIFY(textTls.waitForLine(u"<bia> in the clear"_s));
}

void TestSecurity::tlsCarriesMoreThanTheReadBuffer()
{
    ServerConfig config = testConfig();
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    const auto server = startServer(config);
    QVERIFY(server);

    // Well over the 256 KiB a connection lets Qt buffer, both ways through TLS: nothing may
    // stall in the decrypted or the encrypted buffers.
    FramedTestClient sender(server->serverPort());
    sender.setTls(m_certificate->certificate());
    QVERIFY(sender.join(u"ana"_s));
    FramedTestClient receiver(server->serverPort());
    receiver.setTls(m_certificate->certificate());
    QVERIFY(receiver.join(u"bia"_s));
    constexpr int Count = 300;
    const QString filler(3000, u'x');
    for (int i = 0; i < Count; ++i)
        sender.say(QString::number(i) + filler);
    QVERIFY(receiver.waitForCount(MessageType::Chat, Count, {}, 20'000));
    QCOMPARE(receiver.chatTexts().constLast(), QString::number(Count - 1) + filler);
    QVERIFY(sender.waitForCount(MessageType::Chat, Count, {}, 20'000));
}

void TestSecurity::silentPlainClientIsGreetedOnce()
{
    ServerConfig config = testConfig();
    config.detectTimeoutMs = 1000;
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    const auto server = startServer(config);
    QVERIFY(server);

    // The listener waited out the silence already; the session must not wait a second time.
    LineTestClient client(server->serverPort());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client.connectToServer());
    QVERIFY(client.waitForLine(LineTestClient::prompt(), 5000));
    QVERIFY2(clock.elapsed() >= 900, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(clock.elapsed() < 1900, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(client.lines().constFirst().startsWith(u"*** Welcome to Tagarela"_s));
}

void TestSecurity::plainClientsKeepTheirFirstBytes()
{
    ServerConfig config = testConfig();
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    const auto server = startServer(config);
    QVERIFY(server);

    FramedTestClient joined(server->serverPort());
    QVERIFY(joined.join(u"ana"_s));

    // Magic, handshake and hello in one write: the listener's peek must leave them all.
    QTcpSocket raw;
    raw.connectToHost(QHostAddress(QHostAddress::LocalHost), server->serverPort());
    QVERIFY(raw.waitForConnected(5000));
    raw.write(WireBytes::login(u"bia"_s) + WireBytes::frame(Message::say(u"at once"_s)));
    QVERIFY(joined.waitFor(MessageType::Chat, Match::text(u"at once"_s)));

    LineTestClient text(server->serverPort());
    QVERIFY(text.connectToServer());
    text.sendBytes("caio\r\nfirst words\r\n");
    QVERIFY(text.waitForLine(u"*** You are caio."_s));
    QVERIFY(joined.waitFor(MessageType::Chat, Match::text(u"first words"_s)));
}

void TestSecurity::serverWithoutCertificateClosesTls()
{
    const auto server = startServer(testConfig());
    QVERIFY(server);
    FramedTestClient witness(server->serverPort());
    QVERIFY(witness.join(u"ana"_s));

    QSslSocket socket;
    QSignalSpy failed(&socket, &QSslSocket::errorOccurred);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, server->serverPort());
    QVERIFY(failed.wait(5000) || !failed.isEmpty());
    QVERIFY(!socket.isEncrypted());
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    // Taken for neither a framed nor a text client: nobody joined, nothing was said.
    QCOMPARE(witness.count(MessageType::Joined), 0);
    QCOMPARE(witness.count(MessageType::Chat), 0);
}

void TestSecurity::stalledTlsHandshakeTimesOut()
{
    ServerConfig config = testConfig();
    config.handshakeTimeoutMs = 300;
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    const auto server = startServer(config);
    QVERIFY(server);

    // The start of a TLS record, and then nothing.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), server->serverPort());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(QByteArray("\x16\x03\x01", 3));
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(server->connectionCount(), 0);
}

void TestSecurity::requireTlsRefusesPlain_data()
{
    QTest::addColumn<bool>("framed");
    QTest::newRow("framed") << true;
    QTest::newRow("text") << false;
}

void TestSecurity::requireTlsRefusesPlain()
{
    QFETCH(bool, framed);
    ServerConfig config = testConfig();
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    config.requireTls = true;
    const auto server = startServer(config);
    QVERIFY(server);

    if (framed) {
        FramedTestClient client(server->serverPort());
        QVERIFY(!client.handshake());
        const std::optional<Message> bye = client.waitFor(MessageType::Bye);
        QVERIFY(bye);
        QCOMPARE(bye->code, ErrorCode::TlsRequired);
        QVERIFY(client.waitForClosed());
        QCOMPARE(client.count(MessageType::HandshakeOk), 0);
    } else {
        LineTestClient client(server->serverPort());
        QVERIFY(client.connectToServer());
        client.sendLine(u"ana"_s);
        QVERIFY(client.waitForLine(u"encrypted (TLS) connections only"_s));
        // The command it suggests must work as a chat client: without -quiet, openssl takes a
        // line starting with Q or R as a command.
        QVERIFY(!client.linesContaining(u"openssl s_client -quiet -connect"_s).isEmpty());
        QVERIFY(client.waitForClosed());
        QVERIFY(client.linesContaining(u"Welcome"_s).isEmpty());
    }
}

void TestSecurity::requireTlsAdmitsTls()
{
    ServerConfig config = testConfig();
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    config.requireTls = true;
    const auto server = startServer(config);
    QVERIFY(server);

    FramedTestClient framed(server->serverPort());
    framed.setTls(m_certificate->certificate());
    QVERIFY(framed.join(u"ana"_s));
    LineTestClient text(server->serverPort());
    text.setTls(m_certificate->certificate());
    QVERIFY(text.join(u"bia"_s));
    text.sendLine(u"hello"_s);
    QVERIFY(framed.waitFor(MessageType::Chat, Match::text(u"hello"_s)));
}

void TestSecurity::badCertificateIsAStartError_data()
{
    QTest::addColumn<bool>("badCertificate");
    QTest::addColumn<bool>("missing");
    QTest::newRow("certificate missing") << true << true;
    QTest::newRow("certificate garbage") << true << false;
    QTest::newRow("key missing") << false << true;
    QTest::newRow("key garbage") << false << false;
}

void TestSecurity::badCertificateIsAStartError()
{
    QFETCH(bool, badCertificate);
    QFETCH(bool, missing);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString bad = dir.filePath(u"bad.pem"_s);
    if (!missing) {
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN NONSENSE-----\nnot base64 at all\n");
    }
    ServerConfig config = testConfig();
    config.tlsCertFile = badCertificate ? bad : m_certificate->certificateFile();
    config.tlsKeyFile = badCertificate ? m_certificate->keyFile() : bad;
    ChatServer server(config);
    QVERIFY(!server.prepare());
    QVERIFY2(server.errorString().contains(bad), qPrintable(server.errorString()));
    QVERIFY(!server.listen());
}

void TestSecurity::corruptTlsRecordCloses_data()
{
    QTest::addColumn<bool>("framed");
    QTest::newRow("framed") << true;
    QTest::newRow("text") << false;
}

void TestSecurity::corruptTlsRecordCloses()
{
    QFETCH(bool, framed);
    ServerConfig config = testConfig();
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    const auto server = startServer(config);
    QVERIFY(server);
    LogCapture log;
    FramedTestClient witness(server->serverPort());
    QVERIFY(witness.join(u"witness"_s));

    LineTestClient client(server->serverPort());
    client.setTls(m_certificate->certificate());
    QVERIFY(client.connectToServer());
    if (framed)
        client.sendBytes(WireBytes::login(u"ana"_s));
    else
        client.sendLine(u"ana"_s);
    QVERIFY(witness.waitFor(MessageType::Joined, Match::nick(u"ana"_s)));

    // An application-data record that does not decrypt, written past the client's TLS.
    const QByteArray garbage = QByteArray("\x17\x03\x03\x00\x20", 5) + QByteArray(32, '\x42');
    QCOMPARE(::write(int(client.socket().socketDescriptor()), garbage.constData(),
                     size_t(garbage.size())),
             ssize_t(garbage.size()));
    // Closed at once, not after a heartbeat timeout (45 s) or never (a text client).
    QVERIFY(client.waitForClosed(5000));
    QVERIFY(witness.waitFor(MessageType::Left, Match::nick(u"ana"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(!log.linesContaining(u"TLS error"_s).isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 1, 5000);
}

// --- The console and the log ------------------------------------------------------------------

void TestSecurity::peerTextIsEscapedInTheLog()
{
    ServerConfig config = testConfig();
    config.password = Password;
    const auto server = startServer(config);
    QVERIFY(server);
    LogCapture log;

    // Before any password: a first frame of an unknown type full of terminal controls and a
    // forged line.
    const QString evil = u"\x1b]0;owned\x07\x1b[2J\r\n2026-01-01 00:00:00 info forged\u202Etxt"_s;
    FramedTestClient stranger(server->serverPort());
    QVERIFY(stranger.connectToServer());
    stranger.sendBytes(unknownTypeFrame(evil));
    QVERIFY(stranger.waitForClosed());

    // A text client's chat line with a bidi override, after the password.
    LineTestClient text(server->serverPort());
    QVERIFY(text.connectToServer());
    text.sendLine(Password);
    QVERIFY(text.join(u"bia"_s));
    text.sendLine(u"see \u202Efdp.exe"_s);
    QVERIFY(text.waitForLine(u"<bia> see"_s));

    QTRY_VERIFY_WITH_TIMEOUT(!log.linesContaining(u"\\x1B]0;owned\\x07"_s).isEmpty(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!log.linesContaining(u"see \\u202Efdp.exe"_s).isEmpty(), 5000);
    const QStringList lines = log.lines();
    for (const QString &line : lines)
        QVERIFY2(!holdsControls(line), line.toUtf8().toPercentEncoding(" <>():@").constData());
    QVERIFY(log.linesContaining(u"forged"_s).size() == 1);
}

void TestSecurity::protocolErrorsOfOneConnectionAreBounded()
{
    const auto server = startServer(testConfig());
    QVERIFY(server);
    LogCapture log;
    FramedTestClient client(server->serverPort());
    QVERIFY(client.join(u"ana"_s));

    constexpr int Count = 500;
    QByteArray flood;
    for (int i = 0; i < Count; ++i)
        flood += unknownTypeFrame(u"junk"_s);
    client.sendBytes(flood);
    // Each is still answered: the log is what is bounded, not the protocol.
    QVERIFY(client.waitForCount(MessageType::Error, Count, Match::code(ErrorCode::UnknownType),
                                20'000));
    client.disconnectFromServer();
    QTRY_VERIFY_WITH_TIMEOUT(
        !log.linesContaining(u": %1 more protocol error"_s.arg(Count - 3)).isEmpty(), 5000);
    QCOMPARE(log.linesContaining(u"unknown message type"_s).size(), 3);
}

void TestSecurity::protocolErrorsOfManyConnectionsAreBounded()
{
    ServerConfig config = testConfig();
    config.maxPerIp = 0;
    const auto server = startServer(config);
    QVERIFY(server);
    LogCapture log;

    // 100 connections, three bad frames each: 300 lines if each connection had only its own
    // limit. Together they get a burst of 20 and then one line per 200 ms.
    QElapsedTimer clock;
    clock.start();
    constexpr int Connections = 100;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    const QByteArray bytes = Protocol::magic().toByteArray() +
        WireBytes::frame(Message::handshake(Protocol::supportedVersions())) +
        unknownTypeFrame(u"junk"_s) + unknownTypeFrame(u"junk"_s) + unknownTypeFrame(u"junk"_s) +
        WireBytes::frame(Message::quit());
    for (int i = 0; i < Connections; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), server->serverPort());
        socket->write(bytes);
        sockets.push_back(std::move(socket));
    }
    for (const auto &socket : sockets) {
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 30'000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, 10'000);
    const qint64 elapsed = clock.elapsed();
    const qsizetype logged = log.linesContaining(u"unknown message type"_s).size();
    QVERIFY2(logged >= 20, qPrintable(QString::number(logged)));
    QVERIFY2(logged <= 20 + elapsed / 200 + 1,
             qPrintable(u"%1 lines in %2 ms"_s.arg(logged).arg(elapsed)));
}

void TestSecurity::badFirstFrameCloses_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("unknown type") << unknownTypeFrame(u"\x1b[31mhi"_s);
    QTest::newRow("malformed CBOR") << FrameDecoder::encode(QByteArray("\xa2\x64typ", 5));
    QTest::newRow("invalid UTF-8") << WireBytes::sayWithRawText("\xff\xfe");
    QTest::newRow("not a map") << FrameDecoder::encode(QByteArray("\x01", 1));
    QTest::newRow("hello") << WireBytes::frame(Message::hello(u"ana"_s));
}

void TestSecurity::badFirstFrameCloses()
{
    QFETCH(QByteArray, frame);
    ServerConfig config = testConfig();
    config.password = Password;
    const auto server = startServer(config);
    QVERIFY(server);
    LogCapture log;

    FramedTestClient client(server->serverPort());
    QVERIFY(client.connectToServer());
    client.sendBytes(frame);
    const std::optional<Message> bye = client.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::Protocol);
    QVERIFY(client.waitForClosed());
    QCOMPARE(client.count(MessageType::HandshakeOk), 0);
    QCOMPARE(client.count(MessageType::Error), 0);
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, 5000);
}

// --- Password ---------------------------------------------------------------------------------

void TestSecurity::framedPassword_data()
{
    QTest::addColumn<QString>("offered");
    QTest::addColumn<ErrorCode>("bye");
    QTest::newRow("right") << Password << ErrorCode::None;
    QTest::newRow("wrong") << u"correct horse "_s << ErrorCode::WrongPassword;
    QTest::newRow("missing") << QString() << ErrorCode::PasswordRequired;
}

void TestSecurity::framedPassword()
{
    QFETCH(QString, offered);
    QFETCH(ErrorCode, bye);
    ServerConfig config = testConfig();
    config.password = Password;
    const auto server = startServer(config);
    QVERIFY(server);

    FramedTestClient client(server->serverPort());
    client.setPassword(offered);
    if (bye == ErrorCode::None) {
        QVERIFY(client.join(u"ana"_s));
        return;
    }
    QVERIFY(!client.handshake());
    const std::optional<Message> message = client.waitFor(MessageType::Bye);
    QVERIFY(message);
    QCOMPARE(message->code, bye);
    QVERIFY(client.waitForClosed());
    QCOMPARE(client.count(MessageType::HandshakeOk), 0);
}

void TestSecurity::textPassword_data()
{
    QTest::addColumn<QString>("offered");
    QTest::addColumn<bool>("admitted");
    QTest::newRow("right") << Password << true;
    QTest::newRow("wrong") << u"Correct horse"_s << false;
}

void TestSecurity::textPassword()
{
    QFETCH(QString, offered);
    QFETCH(bool, admitted);
    ServerConfig config = testConfig();
    config.password = Password;
    const auto server = startServer(config);
    QVERIFY(server);

    LineTestClient client(server->serverPort());
    QVERIFY(client.connectToServer());
    // Asked first, before any greeting.
    QVERIFY(client.waitForLine(LineTestClient::passwordPrompt()));
    QCOMPARE(client.lines(), QStringList {LineTestClient::passwordPrompt()});
    client.sendLine(offered);
    if (admitted) {
        QVERIFY(client.waitForLine(LineTestClient::prompt()));
        QVERIFY(client.join(u"ana"_s));
        return;
    }
    QVERIFY(client.waitForLine(u"*** Wrong password."_s));
    QVERIFY(client.waitForClosed());
    QVERIFY(client.linesContaining(u"Welcome"_s).isEmpty());
}

void TestSecurity::wrongPasswordIsDelayed()
{
    ServerConfig config = testConfig();
    config.password = Password;
    config.passwordDelayMs = 400;
    const auto server = startServer(config);
    QVERIFY(server);

    FramedTestClient client(server->serverPort());
    client.setPassword(u"guess"_s);
    QVERIFY(client.connectToServer());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!client.handshake());
    QVERIFY(client.waitFor(MessageType::Bye, Match::code(ErrorCode::WrongPassword)));
    QVERIFY2(clock.elapsed() >= 350, qPrintable(QString::number(clock.elapsed())));

    // The delay holds up the guesser only: the server answers others meanwhile.
    FramedTestClient slow(server->serverPort());
    slow.setPassword(u"guess again"_s);
    QVERIFY(slow.connectToServer());
    slow.send([] {
        Message handshake = Message::handshake(Protocol::supportedVersions());
        handshake.password = u"guess again"_s;
        return handshake;
    }());
    FramedTestClient friendly(server->serverPort());
    friendly.setPassword(Password);
    clock.restart();
    QVERIFY(friendly.join(u"ana"_s));
    QVERIFY2(clock.elapsed() < 350 || slow.count(MessageType::Bye) == 0,
             qPrintable(QString::number(clock.elapsed())));
}

void TestSecurity::throttleAfterFailures()
{
    ServerConfig config = testConfig();
    config.password = Password;
    config.passwordMaxFailures = 3;
    const auto server = startServer(config);
    QVERIFY(server);

    for (int i = 0; i < 3; ++i) {
        FramedTestClient guesser(server->serverPort());
        guesser.setPassword(u"guess %1"_s.arg(i));
        QVERIFY(!guesser.handshake());
        QVERIFY2(guesser.waitFor(MessageType::Bye, Match::code(ErrorCode::WrongPassword)),
                 qPrintable(QString::number(i)));
    }
    // Locked out now, even with the right password, refused before the handshake.
    FramedTestClient framed(server->serverPort());
    QVERIFY(framed.connectToServer());
    const std::optional<Message> bye = framed.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::TooManyFailures);
    QVERIFY2(bye->text.contains(u"Try again in 10 minute"_s), qPrintable(bye->text));

    LineTestClient text(server->serverPort());
    QVERIFY(text.connectToServer());
    text.sendLine(Password);
    QVERIFY(text.waitForLine(u"Too many wrong passwords"_s));
    QVERIFY(text.waitForClosed());
    QVERIFY(text.linesContaining(LineTestClient::passwordPrompt()).isEmpty());
}

void TestSecurity::fullThrottleTableKeepsTheGuesser()
{
    ServerConfig config = testConfig();
    config.password = Password;
    config.passwordMaxFailures = 3;
    config.passwordMaxAddresses = 8;
    config.passwordTotalMaxFailures = 0; // the table alone
    const auto server = startServer(config);
    QVERIFY(server);

    // Between its guesses, the guesser fails once from more other addresses than the table
    // holds: before, that pushed its own record out and it could guess for ever.
    const QHostAddress guesser(u"127.0.0.2"_s);
    int other = 10;
    for (int round = 0; round < 3; ++round) {
        QCOMPARE(loginFrom(server->serverPort(), guesser, u"guess %1"_s.arg(round)),
                 std::optional<ErrorCode>(ErrorCode::WrongPassword));
        for (int i = 0; i < 10; ++i) {
            const std::optional<ErrorCode> code =
                loginFrom(server->serverPort(), QHostAddress(u"127.0.1.%1"_s.arg(other++)), u"x"_s);
            QVERIFY(code == ErrorCode::WrongPassword || code == ErrorCode::TooManyFailures);
        }
    }
    QCOMPARE(loginFrom(server->serverPort(), guesser, Password),
             std::optional<ErrorCode>(ErrorCode::TooManyFailures));
    // An address with a record of its own and no failures to speak of still gets in.
    QCOMPARE(loginFrom(server->serverPort(), QHostAddress(u"127.0.1.10"_s), Password),
             std::optional<ErrorCode>(ErrorCode::None));
}

void TestSecurity::nothingLeaksBeforePassword()
{
    ServerConfig config = testConfig();
    config.password = Password;
    config.passwordDelayMs = 200;
    const auto server = startServer(config);
    QVERIFY(server);

    FramedTestClient ana(server->serverPort());
    ana.setPassword(Password);
    QVERIFY(ana.join(u"ana"_s));

    // Outsiders: a framed client that sent only the magic, one whose handshake is wrong and
    // waits for its answer, and a text client at the password prompt.
    FramedTestClient magicOnly(server->serverPort());
    QVERIFY(magicOnly.connectToServer());
    FramedTestClient wrong(server->serverPort());
    QVERIFY(wrong.connectToServer());
    Message handshake = Message::handshake(Protocol::supportedVersions());
    handshake.password = u"nope"_s;
    wrong.send(handshake);
    LineTestClient text(server->serverPort());
    QVERIFY(text.connectToServer());
    QVERIFY(text.waitForLine(LineTestClient::passwordPrompt()));

    // The room carries on meanwhile.
    FramedTestClient bia(server->serverPort());
    bia.setPassword(Password);
    QVERIFY(bia.join(u"bia"_s));
    ana.say(u"secret plans"_s);
    bia.say(u"more secrets"_s);
    QVERIFY(ana.waitFor(MessageType::Chat, Match::text(u"more secrets"_s)));
    bia.send(Message::quit());
    QVERIFY(ana.waitFor(MessageType::Left, Match::nick(u"bia"_s)));

    QVERIFY(wrong.waitForClosed());
    QCOMPARE(wrong.messages().size(), 1);
    QCOMPARE(wrong.messages().constFirst().type, MessageType::Bye);
    QCOMPARE(wrong.messages().constFirst().code, ErrorCode::WrongPassword);
    QVERIFY(magicOnly.messages().isEmpty());
    magicOnly.send(Message::who());
    magicOnly.send(Message::hello(u"sneaky"_s));
    QVERIFY(magicOnly.waitForClosed());
    for (const Message &message : magicOnly.messages())
        QCOMPARE(message.type, MessageType::Bye);

    text.sendLine(u"/who"_s);
    QVERIFY(text.waitForLine(u"*** Wrong password."_s));
    QVERIFY(text.waitForClosed());
    for (const QString &line : text.lines()) {
        QVERIFY2(!line.contains(u"ana"_s) && !line.contains(u"bia"_s) &&
                     !line.contains(u"secret"_s) && !line.contains(u"e2e"_s),
                 qPrintable(line));
    }
}

void TestSecurity::passwordOverTls()
{
    ServerConfig config = testConfig();
    config.password = Password;
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    const auto server = startServer(config);
    QVERIFY(server);

    FramedTestClient framed(server->serverPort());
    framed.setTls(m_certificate->certificate());
    framed.setPassword(Password);
    QVERIFY(framed.join(u"ana"_s));
    LineTestClient text(server->serverPort());
    text.setTls(m_certificate->certificate());
    QVERIFY(text.connectToServer());
    QVERIFY(text.waitForLine(LineTestClient::passwordPrompt()));
    text.sendLine(Password);
    QVERIFY(text.join(u"bia"_s));
    text.sendLine(u"hi ana"_s);
    QVERIFY(framed.waitFor(MessageType::Chat, Match::text(u"hi ana"_s)));
}

// --- Bans -------------------------------------------------------------------------------------

void TestSecurity::banDisconnectsAndRefuses()
{
    const auto server = startServer(testConfig());
    QVERIFY(server);
    FramedTestClient ana(server->serverPort());
    QVERIFY(ana.join(u"ana"_s));
    LineTestClient bia(server->serverPort());
    QVERIFY(bia.join(u"bia"_s));

    // The test's own address.
    const ChatServer::BanResult result = server->ban(entry(u"127.0.0.1"_s));
    QVERIFY(result.added);
    QCOMPARE(result.disconnected, 2);
    QVERIFY(result.saveError.isEmpty());
    QVERIFY(ana.waitFor(MessageType::Bye, Match::code(ErrorCode::Banned)));
    QVERIFY(ana.waitForClosed());
    QVERIFY(bia.waitForLine(u"*** You are banned from this server."_s));
    QVERIFY(bia.waitForClosed());
    QCOMPARE(server->ban(entry(u"127.0.0.1"_s)).added, false);

    // Refused before anything else, framed and text.
    FramedTestClient again(server->serverPort());
    again.setPassword(u"irrelevant"_s);
    QVERIFY(!again.handshake());
    QVERIFY(again.waitFor(MessageType::Bye, Match::code(ErrorCode::Banned)));
    LineTestClient text(server->serverPort());
    QVERIFY(text.connectToServer());
    QVERIFY(text.waitForLine(u"banned"_s));
    QVERIFY(text.waitForClosed());
    QVERIFY(text.linesContaining(u"Welcome"_s).isEmpty());

    QString saveError;
    QVERIFY(server->unban(entry(u"127.0.0.1"_s), &saveError));
    QVERIFY(!server->unban(entry(u"127.0.0.1"_s), &saveError));
    FramedTestClient back(server->serverPort());
    QVERIFY(back.join(u"ana"_s));
}

void TestSecurity::bansPersistAcrossRestart()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    ServerConfig config = testConfig();
    config.dataDir = dataDir.path();
    {
        auto server = startServer(config);
        QVERIFY(server);
        QVERIFY(server->ban(entry(u"127.0.0.0/8"_s)).saveError.isEmpty());
        QVERIFY(server->ban(entry(u"2001:db8::/32"_s)).saveError.isEmpty());
    }
    QVERIFY(QFile::exists(dataDir.filePath(u"bans.txt"_s)));

    auto server = startServer(config);
    QVERIFY(server);
    QCOMPARE(server->bans().size(), 2);
    FramedTestClient client(server->serverPort());
    QVERIFY(!client.handshake());
    QVERIFY(client.waitFor(MessageType::Bye, Match::code(ErrorCode::Banned)));

    QString saveError;
    QVERIFY(server->unban(entry(u"127.0.0.0/8"_s), &saveError));
    QVERIFY(saveError.isEmpty());
    server.reset();
    server = startServer(config);
    QVERIFY(server);
    QCOMPARE(server->bans().size(), 1);
    FramedTestClient welcome(server->serverPort());
    QVERIFY(welcome.join(u"ana"_s));
}

void TestSecurity::corruptBanFileIsReported()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    {
        QFile file(dataDir.filePath(u"bans.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const char text[] =
            "# a comment\nnot an address\n\xff\xfe\0garbage\n127.0.0.1\n300.1.1.1/8\n";
        file.write(text, sizeof text - 1);
    }
    ServerConfig config = testConfig();
    config.dataDir = dataDir.path();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"line 2: \"not an address\""_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"line 3: "_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"line 5: \"300.1.1.1/8\""_s));
    const auto server = startServer(config);
    QVERIFY(server);
    QCOMPARE(server->bans().size(), 1);
    QCOMPARE(server->bans().constFirst().toString(), u"127.0.0.1"_s);
}

QTEST_GUILESS_MAIN(TestSecurity)

#include "tst_security.moc"
