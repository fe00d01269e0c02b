// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Denial of service (issue 13): attacks that used to freeze the server, lock everyone out or
// keep its memory, each run against the server in-process over loopback sockets, while an
// honest text client and an honest framed client keep chatting. Distinct attackers are
// distinct loopback addresses (127.0.0.2 and up); every load loop is bounded.

#include <algorithm>
#include <memory>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <QFile>
#include <QHostAddress>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include "chatserver.h"
#include "framedtestclient.h"
#include "linetestclient.h"
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

using Sockets = std::vector<std::unique_ptr<QTcpSocket>>;

// The n-th attacker's address: 127.0.0.2, 127.0.0.3 ... (all loopback).
QHostAddress attacker(int n)
{
    return QHostAddress(QHostAddress(u"127.0.0.2"_s).toIPv4Address() + quint32(n));
}

// A raw connection from \a from, as an attacker's tool would open it.
std::unique_ptr<QTcpSocket> connectFrom(const QHostAddress &from, quint16 port,
                                        const QHostAddress &to = QHostAddress::LocalHost)
{
    auto socket = std::make_unique<QTcpSocket>();
    if (!socket->bind(from, 0))
        return nullptr;
    socket->connectToHost(to, port);
    // The kernel completes the connection without the server's event loop.
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

// Opens \a perAddress connections from each of \a addresses attackers into \a sockets.
bool openConnections(Sockets *sockets, int addresses, int perAddress, quint16 port)
{
    for (int a = 0; a < addresses; ++a) {
        for (int i = 0; i < perAddress; ++i) {
            std::unique_ptr<QTcpSocket> socket = connectFrom(attacker(a), port);
            if (!socket)
                return false;
            sockets->push_back(std::move(socket));
        }
    }
    return true;
}

// The start of a TLS ClientHello: a record header announcing 512 bytes, then nothing more.
QByteArray stalledClientHello()
{
    return QByteArray::fromHex("16030102000100");
}

// The server's resident memory, in bytes.
qint64 residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * ::sysconf(_SC_PAGESIZE) : -1;
}

// Everything \a socket has received so far, read off its buffer into \a into.
QByteArray readAll(QTcpSocket *socket, QByteArray *into)
{
    *into += socket->readAll();
    return *into;
}

} // namespace

class TestDos final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void maxPerIpCountsIpv6By64();
    void nickAttemptsBeforeJoiningAreLimited_data();
    void nickAttemptsBeforeJoiningAreLimited();
    void silentConnectionsDoNotFillTheServer();
    void stalledTlsHandshakesLockNobodyOut();
    void refusedTlsHandshakeIsTold();
    void slowReadersAreDroppedAtTheOutputBudget();
    void memoryIsReturnedAfterSlowReadersLeave();

private:
    std::unique_ptr<ChatServer> startServer(const ServerConfig &config);
    // An honest text client and an honest framed client join as "\a tag-t" and "\a tag-f",
    // each hears what the other says, and the framed client's ping is answered.
    void honestClientsChat(quint16 port, const QString &tag);

    std::unique_ptr<TestCertificate> m_certificate;
};

void TestDos::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QSslSocket::supportsSsl(), "Qt's OpenSSL TLS backend is missing");
    m_certificate = std::make_unique<TestCertificate>();
    QVERIFY2(m_certificate->isValid(), qPrintable(m_certificate->errorString()));
}

std::unique_ptr<ChatServer> TestDos::startServer(const ServerConfig &config)
{
    auto server = std::make_unique<ChatServer>(config);
    if (!server->listen()) {
        qWarning() << "listen:" << server->errorString();
        return nullptr;
    }
    return server;
}

void TestDos::honestClientsChat(quint16 port, const QString &tag)
{
    const QString textNick = tag + u"-t"_s;
    const QString framedNick = tag + u"-f"_s;
    LineTestClient text(port);
    QVERIFY2(text.join(textNick, 20'000), qPrintable(text.lines().join(u'\n')));
    FramedTestClient framed(port);
    QVERIFY2(framed.join(framedNick, 20'000), qPrintable(framed.closedDetail()));

    framed.say(u"from "_s + framedNick);
    QVERIFY(text.waitForLine(u"<"_s + framedNick + u"> from "_s + framedNick, 20'000));
    text.sendLine(u"from "_s + textNick);
    QVERIFY(framed.waitFor(MessageType::Chat, Match::text(u"from "_s + textNick), 20'000));
    QVERIFY(framed.pingAndWait(20'000));
}

// --- Connections per address ------------------------------------------------------------------

void TestDos::maxPerIpCountsIpv6By64()
{
    ServerConfig config = Testing::serverConfig();
    config.bindAddress = QHostAddress(QHostAddress::LocalHostIPv6);
    config.maxPerIp = 2;
    const auto server = startServer(config);
    QVERIFY(server);

    Sockets sockets;
    for (int i = 0; i < 3; ++i) {
        std::unique_ptr<QTcpSocket> socket = connectFrom(
            QHostAddress::LocalHostIPv6, server->serverPort(), QHostAddress::LocalHostIPv6);
        QVERIFY(socket);
        sockets.push_back(std::move(socket));
    }
    // The third is told, as a text client (it says nothing), that its address is full.
    QByteArray third;
    QTRY_VERIFY_WITH_TIMEOUT(readAll(sockets.at(2).get(), &third).contains("Too many connections"),
                             10'000);
    // ::1 counts with every address of its /64: another host there would find it full too.
    QCOMPARE(server->connectionsFrom(QHostAddress(u"::1"_s)), 2);
    QCOMPARE(server->connectionsFrom(QHostAddress(u"::abcd:1"_s)), 2);
    QCOMPARE(server->connectionsFrom(QHostAddress(u"0:0:0:1::1"_s)), 0);
}

// --- Nicknames before joining -----------------------------------------------------------------

void TestDos::nickAttemptsBeforeJoiningAreLimited_data()
{
    QTest::addColumn<bool>("framed");
    QTest::newRow("text") << false;
    QTest::newRow("framed") << true;
}

void TestDos::nickAttemptsBeforeJoiningAreLimited()
{
    QFETCH(bool, framed);
    const auto server = startServer(Testing::serverConfig());
    QVERIFY(server);
    const quint16 port = server->serverPort();
    FramedTestClient holder(port);
    QVERIFY(holder.join(u"x"_s));

    // Issue 13: 9 KB of "x" lines, each answered with a search for a free "x<n>".
    constexpr int Attempts = 300;
    std::unique_ptr<QTcpSocket> attack = connectFrom(attacker(0), port);
    QVERIFY(attack);
    QByteArray paste;
    if (framed) {
        paste = WireBytes::login(u"x"_s);
        for (int i = 1; i < Attempts; ++i)
            paste += WireBytes::frame(Message::hello(u"x"_s));
    } else {
        for (int i = 0; i < Attempts; ++i)
            paste += "x\r\n";
    }
    attack->write(paste);
    QTRY_COMPARE_WITH_TIMEOUT(attack->state(), QAbstractSocket::UnconnectedState, 20'000);
    const QByteArray answer = attack->readAll();
    if (framed) {
        const QList<Message> messages = WireBytes::decodeStream(answer);
        QVERIFY(!messages.isEmpty());
        int taken = 0;
        for (const Message &message : messages)
            taken += message.code == ErrorCode::NickTaken ? 1 : 0;
        QVERIFY2(taken > 0 && taken < 20, qPrintable(QString::number(taken)));
        QVERIFY(std::any_of(messages.cbegin(), messages.cend(), [](const Message &m) {
            return m.type == MessageType::Error && m.code == ErrorCode::RateLimited;
        }));
        QCOMPARE(messages.constLast().type, MessageType::Bye);
        QCOMPARE(messages.constLast().code, ErrorCode::Flood);
    } else {
        const QString text = QString::fromUtf8(answer);
        const qsizetype taken = text.count(u"The nickname x is taken"_s);
        QVERIFY2(taken > 0 && taken < 20, qPrintable(QString::number(taken)));
        QVERIFY(text.contains(u"trying nicknames too fast"_s));
        QVERIFY(text.contains(u"disconnected for trying nicknames too fast"_s));
    }
    QVERIFY(holder.isConnected());
    honestClientsChat(port, u"honest"_s);
}

// --- Connections that never join ----------------------------------------------------------------

void TestDos::silentConnectionsDoNotFillTheServer()
{
    // Issue 13, scaled down: as 63 addresses x 16 silent connections filled 1000 places.
    ServerConfig config = Testing::serverConfig();
    config.maxClients = 64;
    config.maxUnjoined = 16;
    config.busyMinAgeMs = 0;
    config.handshakeTimeoutMs = 3000;
    const auto server = startServer(config);
    QVERIFY(server);
    const quint16 port = server->serverPort();
    FramedTestClient early(port);
    QVERIFY(early.join(u"early"_s));

    Sockets silent;
    QVERIFY(openConnections(&silent, 4, config.maxPerIp, port));
    // Each is greeted (a text client, it seems), told it cannot stay, or closed.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(silent.cbegin(), silent.cend(),
                                         [](const std::unique_ptr<QTcpSocket> &socket) {
                                             return socket->bytesAvailable() > 0 ||
                                                 socket->state() != QAbstractSocket::ConnectedState;
                                         }),
                             20'000);

    // Newcomers take the places of those that waited longest; joined users keep theirs.
    honestClientsChat(port, u"honest"_s);
    if (QTest::currentTestFailed())
        return;
    early.say(u"still here"_s);
    QVERIFY(early.waitFor(MessageType::Chat, Match::text(u"still here"_s), 20'000));
    QVERIFY(server->unjoinedCount() <= config.maxUnjoined);

    // Under pressure the silent ones get the handshake timeout, not the nickname timeout.
    QTRY_COMPARE_WITH_TIMEOUT(server->unjoinedCount(), 0, 30'000);
    for (const auto &socket : silent)
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 10'000);
}

// --- TLS handshakes -------------------------------------------------------------------------

void TestDos::stalledTlsHandshakesLockNobodyOut()
{
    ServerConfig config = Testing::serverConfig();
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    config.busyMinAgeMs = 0;
    const auto server = startServer(config);
    QVERIFY(server);
    const quint16 port = server->serverPort();

    // Issue 13: 16 addresses x 16 stalled handshakes reset every newcomer for 10 s.
    Sockets stalled;
    QVERIFY(openConnections(&stalled, 16, config.maxPerIp, port));
    for (const auto &socket : stalled)
        socket->write(stalledClientHello());
    QTRY_VERIFY_WITH_TIMEOUT(server->tlsHandshakeCount() >= 16 * 4, 20'000);

    honestClientsChat(port, u"plain"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(server->tlsHandshakeCount(), 16 * 4); // four per address
    FramedTestClient tls(port);
    tls.setTls(m_certificate->certificate());
    QVERIFY(tls.join(u"tls"_s, 20'000));
    QVERIFY(tls.isEncrypted());
    LineTestClient listener(port);
    QVERIFY(listener.join(u"listener"_s, 20'000));
    tls.say(u"through the crowd"_s);
    QVERIFY(listener.waitForLine(u"<tls> through the crowd"_s, 20'000));
    QVERIFY(tls.pingAndWait(20'000));
}

void TestDos::refusedTlsHandshakeIsTold()
{
    ServerConfig config = Testing::serverConfig();
    config.tlsCertFile = m_certificate->certificateFile();
    config.tlsKeyFile = m_certificate->keyFile();
    config.busyMinAgeMs = 600'000; // nobody has waited long enough to lose a place
    const auto server = startServer(config);
    QVERIFY(server);
    const quint16 port = server->serverPort();

    Sockets stalled;
    QVERIFY(openConnections(&stalled, 1, 4, port));
    for (const auto &socket : stalled)
        socket->write(stalledClientHello());
    QTRY_COMPARE_WITH_TIMEOUT(server->tlsHandshakeCount(), 4, 20'000);

    // A fifth handshake from that address is refused with a TLS alert (fatal, internal_error),
    // not reset without a word.
    std::unique_ptr<QTcpSocket> fifth = connectFrom(attacker(0), port);
    QVERIFY(fifth);
    fifth->write(stalledClientHello());
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT(readAll(fifth.get(), &answer).size() >= 7, 20'000);
    QCOMPARE(answer.left(7).toHex(), QByteArray("15030300020250"));
    QTRY_COMPARE_WITH_TIMEOUT(fifth->state(), QAbstractSocket::UnconnectedState, 20'000);
    QCOMPARE(server->tlsHandshakeCount(), 4);

    honestClientsChat(port, u"honest"_s);
}

// --- Output and memory --------------------------------------------------------------------------

void TestDos::slowReadersAreDroppedAtTheOutputBudget()
{
    ServerConfig config = Testing::serverConfig();
    config.maxPendingOutput = 256 * 1024 * 1024; // each one's own cap out of the way
    config.maxPendingTotal = 1024 * 1024;
    const auto server = startServer(config);
    QVERIFY(server);
    const quint16 port = server->serverPort();
    FramedTestClient sender(port);
    QVERIFY(sender.join(u"sender"_s));
    LineTestClient text(port);
    QVERIFY(text.join(u"reader"_s));

    // Issue 13: joined clients that never read, each holding up to --max-pending.
    constexpr int SlowReaders = 8;
    Sockets slow;
    for (int i = 0; i < SlowReaders; ++i) {
        std::unique_ptr<QTcpSocket> socket = connectFrom(attacker(i), port);
        QVERIFY(socket);
        socket->setReadBufferSize(4096);
        socket->write(WireBytes::login(u"slow"_s + QString::number(i)));
        slow.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->room().size(), 2 + SlowReaders, 20'000);

    // Bounded: at most MaxBatches * BatchSize * 3000 bytes to each, far more than the kernel
    // buffers and the budget, far less than each one's own cap.
    constexpr int BatchSize = 50;
    constexpr int MaxBatches = 100;
    const QString padding(3000, u'x');
    // A reader over the budget goes once it holds OutputBudget::ShareBytes; one message more.
    const qint64 bound =
        config.maxPendingTotal + SlowReaders * (OutputBudget::ShareBytes + 2 * padding.size());
    int sent = 0;
    for (int batch = 0; batch < MaxBatches && server->room().size() > 2; ++batch) {
        for (int i = 0; i < BatchSize; ++i)
            sender.say(QString::number(++sent) + padding);
        QVERIFY(sender.waitForCount(MessageType::Chat, sent, {}, 20'000));
        QVERIFY2(server->queuedOutput() <= bound,
                 qPrintable(u"%1 bytes queued"_s.arg(server->queuedOutput())));
    }
    QCOMPARE(server->room().nicks(), (QStringList {u"reader"_s, u"sender"_s}));
    QVERIFY(text.waitForLine(u"> "_s + QString::number(sent) + padding, 20'000));
    QVERIFY(sender.waitFor(MessageType::Left, Match::nick(u"slow0"_s)));
    honestClientsChat(port, u"honest"_s);
}

void TestDos::memoryIsReturnedAfterSlowReadersLeave()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's allocator keeps freed memory in quarantine, not glibc's heap");
#endif
    ServerConfig config = Testing::serverConfig();
    config.maxPendingOutput = 8 * 1024 * 1024;
    config.maxPendingTotal = 0;
    // The room keeps the newest messages in memory, up to the history limit: kept small, so
    // that what stays resident is not the few thousand messages this test sends.
    config.historyLimit = 100;
    const auto server = startServer(config);
    QVERIFY(server);
    const quint16 port = server->serverPort();
    FramedTestClient sender(port);
    QVERIFY(sender.join(u"sender"_s));
#if defined(__GLIBC__)
    // What the tests before this one freed is given back first: growth would reuse it unseen.
    ::malloc_trim(0);
#endif
    const qint64 before = residentBytes();
    QVERIFY(before > 0);

    // Issue 13: 240 clients that never read held 265 MB, and it stayed after they left.
    constexpr int SlowReaders = 12;
    Sockets slow;
    for (int i = 0; i < SlowReaders; ++i) {
        std::unique_ptr<QTcpSocket> socket = connectFrom(attacker(i), port);
        QVERIFY(socket);
        socket->setReadBufferSize(4096);
        socket->write(WireBytes::login(u"slow"_s + QString::number(i)));
        slow.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->room().size(), 1 + SlowReaders, 20'000);

    constexpr int BatchSize = 50;
    constexpr int MaxBatches = 100;
    const QString padding(3000, u'x');
    int sent = 0;
    qint64 peak = 0;
    for (int batch = 0; batch < MaxBatches && server->room().size() > 1; ++batch) {
        for (int i = 0; i < BatchSize; ++i)
            sender.say(QString::number(++sent) + padding);
        QVERIFY(sender.waitForCount(MessageType::Chat, BatchSize, {}, 20'000));
        // What the sender in this process received is not the server's memory.
        sender.forgetMessages();
        peak = std::max(peak, residentBytes());
    }
    QCOMPARE(server->room().size(), 1);
    const qint64 grown = peak - before;
    // The slow readers' queues hold the same broadcast frames (shared, not copied: a plain
    // connection keeps what the kernel did not take as references), so together they hold
    // about one reader's cap (8 MB), not one each.
    QVERIFY2(grown > config.maxPendingOutput / 2,
             qPrintable(u"grew by %1 bytes only"_s.arg(grown)));
    // Given back: most of what the slow readers' queues took is no longer resident.
    QTRY_VERIFY2_WITH_TIMEOUT(
        residentBytes() < before + grown / 3,
        qPrintable(u"before %1, peak %2, now %3"_s.arg(before).arg(peak).arg(residentBytes())),
        20'000);
    honestClientsChat(port, u"honest"_s);
}

QTEST_GUILESS_MAIN(TestDos)
#include "tst_dos.moc"
