// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// A server Connection that owns its descriptor (no QTcpSocket): partial writes to a slow
// reader, the slow-reader cap and the shared output budget, the last words before a close, a
// peer that resets or half-closes, and reading more than one turn's worth.

#include <memory>

#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "connection.h"
#include "testprinters.h"

#include <sys/socket.h>

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
    QByteArray received;
    QTRY_COMPARE_WITH_TIMEOUT((received += pair.client->readAll()).size(), expected.size(), 30000);
    QCOMPARE(received, expected);
    QTRY_COMPARE(pair.server->pendingOutput(), qint64(0));
    QVERIFY(pair.server->isOpen());
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

QTEST_GUILESS_MAIN(TestDescriptorConnection)
#include "tst_descriptorconnection.moc"
