// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// A server Connection that owns its descriptor (no QTcpSocket): partial writes to a slow
// reader, the slow-reader cap and the shared output budget, the last words before a close, a
// peer that resets or half-closes, and reading more than one turn's worth. Watched by the
// thread's one DescriptorPoller, its timeouts in the thread's DeadlineSweep: no notifier or
// timer of its own, descriptors reused, connections closed or deleted in the middle of a
// batch of ready events, and one busy peer beside a quiet one.

#include <memory>
#include <set>
#include <vector>

#include <QAbstractEventDispatcher>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "connection.h"
#include "deadlinesweep.h"
#include "descriptorpoller.h"
#include "framedecoder.h"
#include "messagecodec.h"
#include "protocol.h"
#include "testprinters.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

// Hands accepted connections over as bare descriptors, as the server's Listener does.
class DescriptorServer final : public QTcpServer
{
public:
    QList<qintptr> descriptors;

protected:
    void incomingConnection(qintptr descriptor) override { descriptors.append(descriptor); }
};

// A client socket and the server's Connection on the descriptor accepted for it.
struct Pair
{
    std::unique_ptr<QTcpSocket> client;
    std::unique_ptr<Connection> server;
    int descriptor = -1; //!< the server's
};

Pair connectPair(DescriptorServer &listener, int receiveBuffer = 0)
{
    Pair pair;
    pair.client = std::make_unique<QTcpSocket>();
    if (receiveBuffer > 0) {
        // A slow reader: small kernel buffers, and Qt reads no further ahead than this.
        pair.client->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, receiveBuffer);
        pair.client->setReadBufferSize(receiveBuffer);
    }
    const qsizetype before = listener.descriptors.size();
    pair.client->connectToHost(QHostAddress(QHostAddress::LocalHost), listener.serverPort());
    if (!pair.client->waitForConnected(10000))
        return pair;
    for (int i = 0; i < 100 && listener.descriptors.size() == before; ++i)
        listener.waitForNewConnection(100);
    if (listener.descriptors.size() == before)
        return pair;
    const qintptr descriptor = listener.descriptors.takeLast();
    if (receiveBuffer > 0) {
        const int size = receiveBuffer;
        (void)::setsockopt(int(descriptor), SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    }
    pair.server = std::make_unique<Connection>(descriptor);
    pair.descriptor = int(descriptor);
    return pair;
}

// Numbered lines, so that a byte lost, repeated or moved by a partial write shows.
QByteArray numberedLine(int i, int width)
{
    QByteArray line = QByteArray::number(i) + ' ';
    line.append(QByteArray(width - line.size() - 2, char('a' + i % 26)));
    return line + "\r\n";
}

// Aborts with a reset (RST) instead of an orderly close.
void resetConnection(QTcpSocket &socket)
{
    const linger hard {1, 0};
    (void)::setsockopt(int(socket.socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    socket.abort();
}

// Writes down what a Connection tells its listener, in order, in the same log as its signals.
class RecordingListener final : public Connection::Listener
{
public:
    explicit RecordingListener(QStringList *log)
        : m_log(log)
    { }
    void connectionModeDetected(Connection::Mode mode) override
    {
        m_log->append(u"listener mode %1"_s.arg(int(mode)));
    }
    void connectionMessageReceived(const Message &message) override
    {
        m_log->append(u"listener message %1"_s.arg(int(message.type)));
    }
    void connectionLineReceived(const TextLine &line) override
    {
        m_log->append(u"listener line "_s + line.text);
    }
    void connectionProtocolError(ErrorCode code, const QString &, bool fatal,
                                 const QString &) override
    {
        m_log->append(u"listener error %1 %2"_s.arg(int(code)).arg(fatal));
    }
    void connectionClosed(ErrorCode code, const QString &) override
    {
        m_log->append(u"listener closed %1"_s.arg(int(code)));
    }

private:
    QStringList *m_log;
};

void logSignals(Connection *connection, QObject *context, QStringList *log)
{
    QObject::connect(connection, &Connection::modeDetected, context, [log](Connection::Mode mode) {
        log->append(u"signal mode %1"_s.arg(int(mode)));
    });
    QObject::connect(connection, &Connection::lineReceived, context,
                     [log](const TextLine &line) { log->append(u"signal line "_s + line.text); });
    QObject::connect(connection, &Connection::protocolError, context,
                     [log](ErrorCode code, const QString &, bool fatal) {
                         log->append(u"signal error %1 %2"_s.arg(int(code)).arg(fatal));
                     });
    QObject::connect(connection, &Connection::closed, context,
                     [log](ErrorCode code) { log->append(u"signal closed %1"_s.arg(int(code))); });
}

} // namespace

class TestDescriptorConnection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsLinesAndTakesPeerAddress();
    void partialWritesReachSlowReaderIntact();
    void slowReaderCapAndBudget();
    void lastWordsBeforeClose();
    void peerResetWhileOutputWaits();
    void peerResetWhileIdle();
    void halfCloseDeliversWhatCameFirst();
    void readsMoreThanOneChunk();
    void listenerHearsWhatTheSignalsSay();
    void watchedWithoutNotifierOrTimerOfItsOwn();
    void detectionAndHeartbeatTimeoutsFire();
    void detectionReadsWhatArrivedBeforeItsTimeout();
    void reusedDescriptorsReachTheRightPeer();
    void closedOrDeletedInTheMiddleOfABatch();
    void busyPeerDoesNotStarveAQuietOne();
    void flushWritesBeforeTheTurnEnds();
};

void TestDescriptorConnection::readsLinesAndTakesPeerAddress()
{
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair pair = connectPair(listener);
    QVERIFY(pair.server);
    QCOMPARE(pair.server->peerAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(pair.server->peerPort(), pair.client->localPort());
    QVERIFY(!pair.server->isEncrypted());
    QSignalSpy modes(pair.server.get(), &Connection::modeDetected);
    QSignalSpy lines(pair.server.get(), &Connection::lineReceived);
    pair.server->start();
    pair.client->write("hello\r\nworld\n");
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 2, 10000);
    QCOMPARE(modes.size(), 1);
    QCOMPARE(modes.at(0).at(0).value<Connection::Mode>(), Connection::Mode::Line);
    QCOMPARE(lines.at(0).at(0).value<TextLine>().text, u"hello"_s);
    QCOMPARE(lines.at(1).at(0).value<TextLine>().text, u"world"_s);
    QVERIFY(pair.server->sendLine(u"ok"_s));
    QByteArray received;
    QTRY_COMPARE_WITH_TIMEOUT((received += pair.client->readAll()), "ok\r\n"_ba, 10000);
}

void TestDescriptorConnection::partialWritesReachSlowReaderIntact()
{
    // Small kernel buffers on both sides: the kernel takes part of a flush, the rest waits in
    // the queue (part of a line among it) for the write notifier, and nothing is lost,
    // repeated or reordered.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair pair = connectPair(listener, 4096);
    QVERIFY(pair.server);
    pair.server->start();
    QByteArray expected;
    constexpr int Lines = 4000;
    for (int i = 0; i < Lines; ++i) {
        const QByteArray line = numberedLine(i, 50 + i % 300);
        expected += line;
        QVERIFY(pair.server->sendEncoded(line));
    }
    QCoreApplication::processEvents(); // the turn ends: the flush meets a full kernel
    QVERIFY2(pair.server->pendingOutput() > 0, "the kernel took everything: no partial write");
    QVERIFY(pair.server->pendingOutput() < expected.size());
    // Watched for room only while output waits.
    const DescriptorPoller *poller = DescriptorPoller::forThisThread();
    QCOMPARE(poller->interest(pair.descriptor), DescriptorPoller::Read | DescriptorPoller::Write);
    QByteArray received;
    QTRY_COMPARE_WITH_TIMEOUT((received += pair.client->readAll()).size(), expected.size(), 30000);
    QCOMPARE(received, expected);
    QTRY_COMPARE(pair.server->pendingOutput(), qint64(0));
    QVERIFY(pair.server->isOpen());
    QCOMPARE(poller->interest(pair.descriptor), quint32(DescriptorPoller::Read));
}

void TestDescriptorConnection::slowReaderCapAndBudget()
{
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair pair = connectPair(listener, 4096);
    QVERIFY(pair.server);
    OutputBudget budget;
    Connection &slow = *pair.server;
    slow.setOutputBudget(&budget);
    constexpr qint64 Cap = 64 * 1024;
    slow.setMaxPendingOutput(Cap);
    QList<ErrorCode> errors;
    connect(&slow, &Connection::protocolError, this,
            [&errors](ErrorCode code, const QString &, bool fatal) {
                QVERIFY(fatal);
                errors.append(code);
            });
    QSignalSpy closed(&slow, &Connection::closed);
    slow.start();
    const QByteArray line = QByteArray(598, 'x') + "\r\n";
    int accepted = 0;
    for (int turn = 0; turn < 10000 && slow.isOpen(); ++turn) {
        for (int i = 0; i < 20 && slow.sendEncoded(line); ++i) {
            ++accepted;
            QVERIFY(slow.pendingOutput() <= Cap);
            QCOMPARE(budget.queued, slow.pendingOutput());
        }
        QCoreApplication::processEvents();
    }
    QVERIFY2(!slow.isOpen(), qPrintable(u"still open after %1 lines"_s.arg(accepted)));
    QCOMPARE(errors, QList<ErrorCode> {ErrorCode::SlowReader});
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
    QCOMPARE(closed.at(0).at(0).value<ErrorCode>(), ErrorCode::SlowReader);
    QCOMPARE(budget.queued, qint64(0));
    QVERIFY(budget.peak > 0);
    // The reader sees the end, once it reads again: the descriptor was closed.
    pair.client->setReadBufferSize(0);
    QTRY_VERIFY_WITH_TIMEOUT(pair.client->state() == QAbstractSocket::UnconnectedState, 10000);
}

void TestDescriptorConnection::lastWordsBeforeClose()
{
    // Much more than the kernel takes at once, then close(): all of it arrives, then the end.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair pair = connectPair(listener, 4096);
    QVERIFY(pair.server);
    pair.server->start();
    QSignalSpy closed(pair.server.get(), &Connection::closed);
    QByteArray expected;
    for (int i = 0; i < 3000; ++i) {
        expected += numberedLine(i, 120);
        QVERIFY(pair.server->sendEncoded(expected.right(120)));
    }
    pair.server->close(ErrorCode::Kicked, u"bye"_s);
    QVERIFY(!pair.server->isOpen());
    QVERIFY(!pair.server->sendLine(u"too late"_s));
    QCOMPARE(closed.size(), 0); // still flushing
    QByteArray received;
    QTRY_COMPARE_WITH_TIMEOUT((received += pair.client->readAll()).size(), expected.size(), 30000);
    QCOMPARE(received, expected);
    QTRY_VERIFY_WITH_TIMEOUT(pair.client->state() == QAbstractSocket::UnconnectedState, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
    QCOMPARE(closed.at(0).at(0).value<ErrorCode>(), ErrorCode::Kicked);
    QCOMPARE(closed.at(0).at(1).toString(), u"bye"_s);
}

void TestDescriptorConnection::peerResetWhileOutputWaits()
{
    // Output waits for a full kernel when the peer resets: the write fails, the connection
    // closes once, and what it held leaves the budget.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair pair = connectPair(listener, 4096);
    QVERIFY(pair.server);
    OutputBudget budget;
    pair.server->setOutputBudget(&budget);
    pair.server->start();
    QSignalSpy closed(pair.server.get(), &Connection::closed);
    for (int i = 0; i < 2000; ++i)
        QVERIFY(pair.server->sendEncoded(numberedLine(i, 200)));
    QCoreApplication::processEvents();
    QVERIFY(pair.server->pendingOutput() > 0);
    QVERIFY(budget.queued > 0);
    resetConnection(*pair.client);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
    QVERIFY(!pair.server->isOpen());
    QCOMPARE(closed.at(0).at(0).value<ErrorCode>(), ErrorCode::None);
    QCOMPARE(closed.at(0).at(1).toString(), u"the peer closed the connection"_s);
    QCOMPARE(pair.server->pendingOutput(), qint64(0));
    QCOMPARE(budget.queued, qint64(0));
    QVERIFY(!pair.server->sendLine(u"anyone?"_s));
    // Once is all.
    QCoreApplication::processEvents();
    QCOMPARE(closed.size(), 1);
}

void TestDescriptorConnection::peerResetWhileIdle()
{
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair pair = connectPair(listener);
    QVERIFY(pair.server);
    pair.server->start();
    QSignalSpy closed(pair.server.get(), &Connection::closed);
    resetConnection(*pair.client);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
    QCOMPARE(closed.at(0).at(1).toString(), u"the peer closed the connection"_s);
    QVERIFY(!pair.server->isOpen());
}

void TestDescriptorConnection::halfCloseDeliversWhatCameFirst()
{
    // "printf 'a\nb\n' | nc": lines, then the end of the client's stream. Every line is read
    // before the connection reports the close.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair pair = connectPair(listener);
    QVERIFY(pair.server);
    QList<QString> lines;
    bool closedAfterLines = false;
    connect(pair.server.get(), &Connection::lineReceived, this,
            [&lines](const TextLine &line) { lines.append(line.text); });
    connect(pair.server.get(), &Connection::closed, this,
            [&lines, &closedAfterLines] { closedAfterLines = lines.size() == 3; });
    QSignalSpy closed(pair.server.get(), &Connection::closed);
    pair.server->start();
    pair.client->write("one\r\ntwo\r\nthree\r\n");
    QVERIFY(pair.client->waitForBytesWritten(5000));
    QCOMPARE(::shutdown(int(pair.client->socketDescriptor()), SHUT_WR), 0);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
    QCOMPARE(lines, (QList<QString> {u"one"_s, u"two"_s, u"three"_s}));
    QVERIFY(closedAfterLines);
    QCOMPARE(closed.at(0).at(1).toString(), u"the peer closed the connection"_s);
}

void TestDescriptorConnection::readsMoreThanOneChunk()
{
    // More than one read's worth (the shared buffer is 64 KiB, one turn reads at most 256 KiB)
    // arrives whole and in order, across reads and turns.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair pair = connectPair(listener);
    QVERIFY(pair.server);
    pair.server->setMaxLineBytes(1000);
    QList<QString> lines;
    connect(pair.server.get(), &Connection::lineReceived, this,
            [&lines](const TextLine &line) { lines.append(line.text); });
    pair.server->start();
    QByteArray sent;
    QList<QString> expected;
    constexpr int Count = 6000;
    for (int i = 0; i < Count; ++i) {
        const QByteArray line = numberedLine(i, 100 + i % 200);
        sent += line;
        expected.append(QString::fromLatin1(line.chopped(2)));
    }
    pair.client->write(sent);
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), Count, 30000);
    QCOMPARE(lines, expected);
}

void TestDescriptorConnection::listenerHearsWhatTheSignalsSay()
{
    // The server's session listens through Connection::Listener, not signal connections: it
    // hears every event once, just before the signal, and the close exactly once. A listener
    // unset hears nothing more.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));

    Pair text = connectPair(listener);
    QVERIFY(text.server);
    QStringList textLog;
    RecordingListener textListener(&textLog);
    text.server->setListener(&textListener);
    logSignals(text.server.get(), this, &textLog);
    text.server->start();
    text.client->write("hello\r\nworld\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(textLog.size(), 6, 10000);
    text.client->disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(textLog.size(), 8, 10000);
    const int line = int(Connection::Mode::Line);
    const int none = int(ErrorCode::None);
    QCOMPARE(textLog,
             (QStringList {u"listener mode %1"_s.arg(line), u"signal mode %1"_s.arg(line),
                           u"listener line hello"_s, u"signal line hello"_s,
                           u"listener line world"_s, u"signal line world"_s,
                           u"listener closed %1"_s.arg(none), u"signal closed %1"_s.arg(none)}));

    // Not the magic after a 0x00: a fatal protocol error, then the close, once each.
    Pair framed = connectPair(listener);
    QVERIFY(framed.server);
    QStringList framedLog;
    RecordingListener framedListener(&framedLog);
    framed.server->setListener(&framedListener);
    logSignals(framed.server.get(), this, &framedLog);
    framed.server->start();
    framed.client->write(QByteArray("\0NOTMAGIC", 9));
    QTRY_COMPARE_WITH_TIMEOUT(framedLog.size(), 4, 10000);
    const int protocol = int(ErrorCode::Protocol);
    QCOMPARE(
        framedLog,
        (QStringList {u"listener error %1 1"_s.arg(protocol), u"signal error %1 1"_s.arg(protocol),
                      u"listener closed %1"_s.arg(protocol), u"signal closed %1"_s.arg(protocol)}));

    // Unset: the signals go on, the listener hears nothing.
    Pair unset = connectPair(listener);
    QVERIFY(unset.server);
    QStringList unsetLog;
    RecordingListener unsetListener(&unsetLog);
    unset.server->setListener(&unsetListener);
    unset.server->setListener(nullptr);
    QSignalSpy lines(unset.server.get(), &Connection::lineReceived);
    unset.server->start();
    unset.client->write("quiet\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 1, 10000);
    QVERIFY(unsetLog.isEmpty());
}

void TestDescriptorConnection::watchedWithoutNotifierOrTimerOfItsOwn()
{
    // Qt's dispatcher watches the thread's one epoll set, not each connection: no socket
    // notifier or timer registered per connection, whatever its mode.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    DescriptorPoller *poller = DescriptorPoller::forThisThread();
    QVERIFY(poller);
    DeadlineSweep *sweep = DeadlineSweep::forThisThread();
    const int watchedBefore = poller->watchedCount();
    const int scheduledBefore = sweep->scheduledCount();
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    constexpr int Count = 12;
    std::vector<Pair> pairs;
    for (int i = 0; i < Count; ++i) {
        pairs.push_back(connectPair(listener));
        QVERIFY(pairs.back().server);
        pairs.back().server->setDetectTimeout(60'000);
        pairs.back().server->setHeartbeat(60'000, 180'000);
        pairs.back().server->start();
        QCOMPARE(poller->interest(pairs.back().descriptor), quint32(DescriptorPoller::Read));
    }
    QCOMPARE(poller->watchedCount(), watchedBefore + Count);
    // Every one waits for its detection timeout, in the sweep.
    QCOMPARE(sweep->scheduledCount(), scheduledBefore + Count);
    // Half framed (then a heartbeat each), half text (nothing to wait for).
    std::vector<std::unique_ptr<QSignalSpy>> modes;
    for (int i = 0; i < Count; ++i) {
        modes.push_back(
            std::make_unique<QSignalSpy>(pairs[size_t(i)].server.get(), &Connection::modeDetected));
        pairs[size_t(i)].client->write(i % 2 ? Protocol::magic().toByteArray() : "hi\r\n"_ba);
    }
    for (const auto &spy : modes)
        QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 10000);
    QCOMPARE(sweep->scheduledCount(), scheduledBefore + Count / 2);
    for (const Pair &pair : pairs) {
        QVERIFY(dispatcher->registeredTimers(pair.server.get()).isEmpty());
        QVERIFY(pair.server->findChildren<QSocketNotifier *>().isEmpty());
    }
    for (const Pair &pair : pairs)
        pair.server->close();
    QCOMPARE(poller->watchedCount(), watchedBefore);
    QCOMPARE(sweep->scheduledCount(), scheduledBefore);
}

void TestDescriptorConnection::detectionAndHeartbeatTimeoutsFire()
{
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));

    // Silence: a text client after the detection timeout, not before.
    Pair silent = connectPair(listener);
    QVERIFY(silent.server);
    QSignalSpy modes(silent.server.get(), &Connection::modeDetected);
    silent.server->setDetectTimeout(50);
    QElapsedTimer clock;
    clock.start();
    silent.server->start();
    QTRY_COMPARE_WITH_TIMEOUT(modes.size(), 1, 10000);
    QVERIFY(clock.elapsed() >= 50);
    QCOMPARE(modes.at(0).at(0).value<Connection::Mode>(), Connection::Mode::Line);

    // A framed client that never answers: pinged every interval, then dropped after the
    // heartbeat timeout.
    Pair mute = connectPair(listener);
    QVERIFY(mute.server);
    QSignalSpy errors(mute.server.get(), &Connection::protocolError);
    QSignalSpy closed(mute.server.get(), &Connection::closed);
    mute.server->setHeartbeat(40, 160);
    mute.server->start();
    mute.client->write(Protocol::magic().toByteArray());
    clock.start();
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
    QVERIFY(clock.elapsed() >= 160);
    QCOMPARE(closed.at(0).at(0).value<ErrorCode>(), ErrorCode::HeartbeatTimeout);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<ErrorCode>(), ErrorCode::HeartbeatTimeout);
    FrameDecoder frames(Protocol::MaxServerFrame);
    QTRY_VERIFY_WITH_TIMEOUT(mute.client->state() == QAbstractSocket::UnconnectedState ||
                                 mute.client->bytesAvailable() > 0,
                             10000);
    QVERIFY(frames.feed(mute.client->readAll()));
    int pings = 0;
    while (frames.hasFrame()) {
        const DecodeResult result = MessageCodec::decode(frames.next());
        QVERIFY(result.ok());
        if (result.message.type == MessageType::Ping)
            ++pings;
    }
    // Only one ping is ever out unanswered.
    QCOMPARE(pings, 1);
}

void TestDescriptorConnection::detectionReadsWhatArrivedBeforeItsTimeout()
{
    // A loaded server: the magic is in the kernel, but the turn that reads it comes after the
    // detection timeout's. The magic decides: a framed client, not a text one.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair pair = connectPair(listener);
    QVERIFY(pair.server);
    QSignalSpy modes(pair.server.get(), &Connection::modeDetected);
    pair.server->setDetectTimeout(20);
    pair.server->start();
    pair.client->write(Protocol::magic().toByteArray());
    QVERIFY(pair.client->flush());
    // The turn that would read it comes late: the timeout is due first.
    DescriptorPoller::forThisThread()->setHeld(true);
    const auto release = qScopeGuard([] { DescriptorPoller::forThisThread()->setHeld(false); });
    QTRY_VERIFY_WITH_TIMEOUT(!modes.isEmpty(), 10000);
    QCOMPARE(modes.size(), 1);
    QCOMPARE(modes.at(0).at(0).value<Connection::Mode>(), Connection::Mode::Framed);
}

void TestDescriptorConnection::reusedDescriptorsReachTheRightPeer()
{
    // Rounds of connections opened and closed (by either side): the kernel hands the same
    // numbers out again, and each connection hears its own client only, and answers it.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    std::set<int> seen;
    int reused = 0;
    constexpr int Rounds = 6;
    constexpr int PerRound = 16;
    for (int round = 0; round < Rounds; ++round) {
        std::vector<Pair> pairs;
        std::vector<QStringList> heard(PerRound);
        for (int i = 0; i < PerRound; ++i) {
            pairs.push_back(connectPair(listener));
            Pair &pair = pairs.back();
            QVERIFY(pair.server);
            if (!seen.insert(pair.descriptor).second)
                ++reused;
            Connection *server = pair.server.get();
            QStringList *log = &heard[size_t(i)];
            connect(server, &Connection::lineReceived, this, [server, log](const TextLine &line) {
                log->append(line.text);
                server->sendLine(u"echo "_s + line.text);
            });
            server->setDetectTimeout(0);
            server->start();
        }
        for (int i = 0; i < PerRound; ++i)
            pairs[size_t(i)].client->write(u"%1-%2\r\n"_s.arg(round).arg(i).toLatin1());
        for (int i = 0; i < PerRound; ++i) {
            const QByteArray expected = u"echo %1-%2\r\n"_s.arg(round).arg(i).toLatin1();
            QByteArray received;
            QTRY_COMPARE_WITH_TIMEOUT((received += pairs[size_t(i)].client->readAll()), expected,
                                      10000);
            QCOMPARE(heard[size_t(i)], QStringList {u"%1-%2"_s.arg(round).arg(i)});
        }
        std::vector<std::unique_ptr<QSignalSpy>> closedSpies;
        for (int i = 0; i < PerRound; ++i) {
            Pair &pair = pairs[size_t(i)];
            closedSpies.push_back(
                std::make_unique<QSignalSpy>(pair.server.get(), &Connection::closed));
            if (i % 2)
                pair.server->close();
            else
                pair.client->disconnectFromHost();
        }
        for (const auto &spy : closedSpies)
            QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 10000);
    }
    QVERIFY2(reused >= PerRound, qPrintable(u"only %1 numbers reused"_s.arg(reused)));
}

void TestDescriptorConnection::closedOrDeletedInTheMiddleOfABatch()
{
    // Every connection has input waiting, or its peer reset, when the poller runs: one batch
    // of ready events. The first to be heard deletes half of the others and aborts the rest,
    // then adopts a new connection, whose descriptor takes a number just freed. Events for the
    // others later in the batch must reach nobody: not a deleted connection (ASan), not the
    // new one.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    QTcpServer later;
    QVERIFY(later.listen(QHostAddress(QHostAddress::LocalHost), 0));
    later.pauseAccepting(); // accepted by hand, in the middle of the batch
    QTcpSocket lateClient;
    lateClient.connectToHost(QHostAddress(QHostAddress::LocalHost), later.serverPort());
    QVERIFY(lateClient.waitForConnected(10000));

    constexpr int Count = 10;
    std::vector<Pair> pairs;
    for (int i = 0; i < Count; ++i) {
        pairs.push_back(connectPair(listener));
        QVERIFY(pairs.back().server);
    }
    int heardFirst = -1;
    int linesHeard = 0;
    std::set<int> freed;
    std::unique_ptr<Connection> adopted;
    int adoptedDescriptor = -1;
    for (int i = 0; i < Count; ++i) {
        Connection *server = pairs[size_t(i)].server.get();
        connect(server, &Connection::lineReceived, this, [&, i](const TextLine &) {
            ++linesHeard;
            if (heardFirst >= 0)
                return;
            heardFirst = i;
            for (int j = 0; j < Count; ++j) {
                if (j == i)
                    continue;
                freed.insert(pairs[size_t(j)].descriptor);
                if (j % 2)
                    pairs[size_t(j)].server.reset();
                else
                    pairs[size_t(j)].server->abort(ErrorCode::Kicked, u"gone"_s);
            }
            adoptedDescriptor = ::accept(int(later.socketDescriptor()), nullptr, nullptr);
            if (adoptedDescriptor < 0)
                return;
            adopted = std::make_unique<Connection>(adoptedDescriptor);
            adopted->setDetectTimeout(0);
            adopted->start();
        });
        server->setDetectTimeout(0);
        server->start();
    }
    // Input on every other one, a reset on the rest; then wait until the kernel has it all,
    // without running the event loop (the poller must see one batch).
    for (int i = 0; i < Count; ++i) {
        if (i % 3 == 2) {
            resetConnection(*pairs[size_t(i)].client);
        } else {
            const QByteArray line = "line\r\n";
            QCOMPARE(::send(int(pairs[size_t(i)].client->socketDescriptor()), line.constData(),
                            size_t(line.size()), MSG_NOSIGNAL),
                     ssize_t(line.size()));
        }
    }
    std::vector<pollfd> waiting;
    for (const Pair &pair : pairs)
        waiting.push_back(pollfd {pair.descriptor, POLLIN, 0});
    QElapsedTimer clock;
    clock.start();
    for (size_t ready = 0; ready < waiting.size() && clock.elapsed() < 10000;) {
        (void)::poll(&waiting[ready], 1, 1000);
        if (waiting[ready].revents != 0)
            ++ready;
    }
    for (const pollfd &entry : waiting)
        QVERIFY(entry.revents != 0);

    QTRY_VERIFY_WITH_TIMEOUT(heardFirst >= 0, 10000);
    QCOMPARE(linesHeard, 1);
    QVERIFY2(adoptedDescriptor >= 0, "accept() failed");
    QVERIFY2(freed.count(adoptedDescriptor) == 1,
             qPrintable(u"the new connection took %1, no freed number"_s.arg(adoptedDescriptor)));
    // The new connection hears its own client, and nothing of the batch it was born in.
    QList<QString> lines;
    connect(adopted.get(), &Connection::lineReceived, this,
            [&lines](const TextLine &line) { lines.append(line.text); });
    QSignalSpy adoptedClosed(adopted.get(), &Connection::closed);
    lateClient.write("mine\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(lines, QList<QString> {u"mine"_s}, 10000);
    QVERIFY(adopted->isOpen());
    QCOMPARE(adoptedClosed.size(), 0);
    QVERIFY(pairs[size_t(heardFirst)].server->isOpen());
    QCOMPARE(linesHeard, 1);
}

void TestDescriptorConnection::busyPeerDoesNotStarveAQuietOne()
{
    // One peer sends far more than one turn reads (256 KiB per connection per turn); another
    // sends one line after it. The quiet line is heard while the busy stream is still coming.
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair busy = connectPair(listener);
    Pair quiet = connectPair(listener);
    QVERIFY(busy.server && quiet.server);
    busy.server->setMaxLineBytes(2000);
    qint64 busyLines = 0;
    qint64 busyLinesWhenQuietHeard = -1;
    connect(busy.server.get(), &Connection::lineReceived, this,
            [&busyLines](const TextLine &) { ++busyLines; });
    connect(quiet.server.get(), &Connection::lineReceived, this,
            [&](const TextLine &) { busyLinesWhenQuietHeard = busyLines; });
    busy.server->setDetectTimeout(0);
    quiet.server->setDetectTimeout(0);
    busy.server->start();
    quiet.server->start();
    constexpr qint64 Lines = 16 * 1024; // 16 MiB
    const QByteArray line = QByteArray(1022, 'b') + "\r\n";
    QByteArray stream;
    stream.reserve(Lines * line.size());
    for (qint64 i = 0; i < Lines; ++i)
        stream += line;
    busy.client->write(stream);
    QVERIFY(busy.client->flush()); // the kernel has some of it before the quiet line
    quiet.client->write("quiet\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(busyLinesWhenQuietHeard >= 0, 30000);
    QVERIFY2(busyLinesWhenQuietHeard < Lines,
             qPrintable(u"heard after all %1 busy lines"_s.arg(busyLinesWhenQuietHeard)));
    QTRY_COMPARE_WITH_TIMEOUT(busyLines, Lines, 60000);
}

void TestDescriptorConnection::flushWritesBeforeTheTurnEnds()
{
    // Output waits for the end of the turn, unless flushed: then it is in the kernel before
    // this thread's event loop runs again (the client waits on its own socket alone).
    DescriptorServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    Pair pair = connectPair(listener);
    QVERIFY(pair.server);
    pair.server->setDetectTimeout(0);
    pair.server->start();
    QVERIFY(pair.server->sendLine(u"first"_s));
    QVERIFY(pair.server->sendLine(u"second"_s));
    QCOMPARE(pair.server->pendingOutput(), qint64(15));
    pair.server->flush();
    QCOMPARE(pair.server->pendingOutput(), qint64(0));
    QByteArray received;
    while (received.size() < 15 && pair.client->waitForReadyRead(10000))
        received += pair.client->readAll();
    QCOMPARE(received, "first\r\nsecond\r\n"_ba);
    // Still scheduled for the end of the turn: that flush finds nothing more to write.
    QCoreApplication::processEvents();
    QCOMPARE(pair.server->pendingOutput(), qint64(0));
    QVERIFY(pair.server->isOpen());
}

QTEST_GUILESS_MAIN(TestDescriptorConnection)
#include "tst_descriptorconnection.moc"
