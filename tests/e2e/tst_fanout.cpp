// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Output is queued per connection and written once per event-loop turn: what that must not
// change (order, completeness, the slow-reader cap, the last words before a close), and the
// room's incrementally sorted nickname list.

#include <algorithm>
#include <memory>
#include <vector>

#include <QHostAddress>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "broadcast.h"
#include "chatroom.h"
#include "chatserver.h"
#include "connection.h"
#include "framedtestclient.h"
#include "linetestclient.h"
#include "roommember.h"
#include "serverconfig.h"
#include "testprinters.h"
#include "testserverconfig.h"
#include "wirebytes.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

ServerConfig testConfig()
{
    return Testing::serverConfig();
}

// The chat texts in a text client's lines ("[HH:MM] <nick> text"), in order.
QStringList chatTextsOf(const LineTestClient &client, const QString &from)
{
    QStringList texts;
    const QString marker = u"] <"_s + from + u"> "_s;
    for (const QString &line : client.lines()) {
        const qsizetype at = line.indexOf(marker);
        if (at >= 0)
            texts.append(line.mid(at + marker.size()));
    }
    return texts;
}

class NullMember final : public RoomMember
{
public:
    void deliver(const Broadcast &) override { }
    void tell(const Message &) override { }
    void displace() override { }
    QString address() const override { return u"192.0.2.1"_s; }
};

// The order ChatRoom::nicks() promises, computed the slow way.
QStringList sortedReference(QStringList nicks)
{
    std::sort(nicks.begin(), nicks.end(), [](const QString &a, const QString &b) {
        const int order = a.compare(b, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a < b;
    });
    return nicks;
}

} // namespace

class TestFanout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void burstArrivesCompleteAndInOrder();
    void capCountsQueuedOutput();
    void oneFlushServesEveryConnection();
    void slowTextReaderIsDropped();
    void lastWordsBeforeCloseArrive();
    void batchKeepsEachClientsOwnInPlace();
    void nicksStaySorted();
};

void TestFanout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFanout::burstArrivesCompleteAndInOrder()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    FramedTestClient caio(server.serverPort());
    LineTestClient dora(server.serverPort());
    LineTestClient edu(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(caio.join(u"caio"_s));
    QVERIFY(dora.join(u"dora"_s));
    QVERIFY(edu.join(u"edu"_s));

    // All written in one go: the server reads many frames (and lines) per turn, and each
    // receiver's output for the turn leaves in one write, past the early-flush threshold too.
    constexpr int Count = 400;
    const QString padding(200, u'.');
    QStringList fromAna;
    QStringList fromDora;
    for (int i = 0; i < Count; ++i) {
        fromAna.append(u"ana %1 "_s.arg(i) + padding);
        ana.say(fromAna.last());
        fromDora.append(u"dora %1"_s.arg(i));
        dora.sendLine(fromDora.last());
    }

    for (FramedTestClient *client : {&ana, &bia, &caio}) {
        QVERIFY2(client->waitForCount(MessageType::Chat, 2 * Count, {}, 20000),
                 qPrintable(client->nick()));
        QCOMPARE(client->count(MessageType::Chat), 2 * Count);
        QStringList seenFromAna;
        QStringList seenFromDora;
        for (const Message &chat : client->received(MessageType::Chat))
            (chat.from == u"ana"_s ? seenFromAna : seenFromDora).append(chat.text);
        QCOMPARE(seenFromAna, fromAna);
        QCOMPARE(seenFromDora, fromDora);
    }
    for (LineTestClient *client : {&dora, &edu}) {
        QTRY_COMPARE_WITH_TIMEOUT(chatTextsOf(*client, u"ana"_s).size(), Count, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(chatTextsOf(*client, u"dora"_s).size(), Count, 20000);
        QCOMPARE(chatTextsOf(*client, u"ana"_s), fromAna);
        QCOMPARE(chatTextsOf(*client, u"dora"_s), fromDora);
    }
    // Every receiver saw the one order the server chose.
    QCOMPARE(bia.chatTexts(), ana.chatTexts());
    QCOMPARE(caio.chatTexts(), ana.chatTexts());
}

namespace {

// The texts of \a lines that read "ana N" or "pm N", in order, however each line is worded.
QStringList anaTexts(const QStringList &lines)
{
    static const QRegularExpression text(u"(?:ana|pm) \\d+$"_s);
    QStringList texts;
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = text.match(line);
        if (match.hasMatch())
            texts.append(match.captured());
    }
    return texts;
}

} // namespace

// A stored batch reaches each client as chunks shared by all, split where a client is due
// something of its own: its ack still comes right before its own chat, and a private message
// reaches its two people only, in its place among the rest.
void TestFanout::batchKeepsEachClientsOwnInPlace()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    LineTestClient dora(server.serverPort());
    LineTestClient edu(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(dora.join(u"dora"_s));
    QVERIFY(edu.join(u"edu"_s));

    constexpr int Count = 300;
    constexpr int Private = Count / 10;
    for (int i = 0; i < Count; ++i) {
        ana.say(u"ana %1"_s.arg(i), u"a%1"_s.arg(i));
        if (i % 10 == 0) {
            Message note = Message::say(u"pm %1"_s.arg(i), false, u"p%1"_s.arg(i));
            note.to = u"dora"_s;
            ana.send(note);
        }
        dora.sendLine(u"dora %1"_s.arg(i));
    }
    QVERIFY(ana.waitForCount(MessageType::Chat, 2 * Count + Private, {}, 20000));
    QVERIFY(bia.waitForCount(MessageType::Chat, 2 * Count, {}, 20000));
    QTRY_COMPARE_WITH_TIMEOUT(anaTexts(dora.lines()).size(), Count + Private, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(anaTexts(edu.lines()).size(), Count, 20000);

    // Every chat of ana's comes right after its ack, among ana's acks and chats.
    QStringList anaOrder;
    QString lastAck;
    for (const Message &message : ana.messages()) {
        if (message.type == MessageType::Ack) {
            QVERIFY2(lastAck.isEmpty(), qPrintable(lastAck));
            lastAck = message.clientId;
        } else if (message.type == MessageType::Chat && message.from == u"ana"_s) {
            QCOMPARE(message.clientId, lastAck);
            lastAck.clear();
            anaOrder.append(message.text);
        }
    }
    QCOMPARE(anaOrder.size(), Count + Private);
    // The private messages in their place for dora, nowhere for the others.
    QCOMPARE(anaTexts(dora.lines()), anaOrder);
    QStringList publicOrder = anaOrder;
    publicOrder.removeIf([](const QString &text) { return text.startsWith(u"pm "_s); });
    QCOMPARE(anaTexts(edu.lines()), publicOrder);
    QStringList biaOrder;
    for (const Message &chat : bia.received(MessageType::Chat)) {
        QVERIFY(chat.to.isEmpty());
        if (chat.from == u"ana"_s)
            biaOrder.append(chat.text);
    }
    QCOMPARE(biaOrder, publicOrder);
    QCOMPARE(bia.chatTexts().size(), 2 * Count);
}

void TestFanout::capCountsQueuedOutput()
{
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));

    // Below the cap: nothing reaches the socket before the end of the turn, yet the queue
    // counts; on the next turn it is written, and arrives whole and in order.
    QTcpSocket reader;
    reader.connectToHost(QHostAddress(QHostAddress::LocalHost), listener.serverPort());
    QVERIFY(listener.waitForNewConnection(5000));
    Connection fast(listener.nextPendingConnection(), Connection::Role::Server);
    fast.setMaxPendingOutput(1000);
    fast.start();
    const QByteArray line = QByteArray(598, 'x') + "\r\n";
    QVERIFY(fast.sendEncoded(line));
    QVERIFY(fast.sendEncoded("ok\r\n"_ba));
    QCOMPARE(fast.pendingOutput(), qint64(line.size() + 4));
    QTRY_COMPARE(fast.pendingOutput(), qint64(0));
    QByteArray received;
    QTRY_COMPARE((received += reader.readAll()).size(), line.size() + 4);
    QCOMPARE(received, line + "ok\r\n"_ba);
    // Over the cap in one turn is fine while the kernel takes it.
    for (int i = 0; i < 10; ++i)
        QVERIFY(fast.sendEncoded(line));
    QVERIFY(fast.isOpen());

    // A peer that never reads: once the kernel buffers are full, queued plus Qt-buffered
    // output reaches the cap and the connection is dropped as a slow reader.
    QTcpSocket sleeper;
    sleeper.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    sleeper.connectToHost(QHostAddress(QHostAddress::LocalHost), listener.serverPort());
    QVERIFY(listener.waitForNewConnection(5000));
    QTcpSocket *socket = listener.nextPendingConnection();
    socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 4096);
    Connection slow(socket, Connection::Role::Server);
    QList<ErrorCode> errors;
    ErrorCode closedWith = ErrorCode::None;
    bool closed = false;
    connect(&slow, &Connection::protocolError, this,
            [&errors](ErrorCode code, const QString &, bool) { errors.append(code); });
    connect(&slow, &Connection::closed, this, [&closed, &closedWith](ErrorCode code) {
        closed = true;
        closedWith = code;
    });
    constexpr qint64 Cap = 64 * 1024;
    slow.setMaxPendingOutput(Cap);
    slow.start();
    int accepted = 0;
    for (int turn = 0; turn < 10000 && slow.isOpen(); ++turn) {
        for (int i = 0; i < 20 && slow.sendEncoded(line); ++i) {
            ++accepted;
            QVERIFY(slow.pendingOutput() <= Cap);
        }
        QCoreApplication::processEvents(); // the turn ends: the queue is flushed
    }
    QVERIFY2(!slow.isOpen(), qPrintable(u"still open after %1 lines"_s.arg(accepted)));
    QCOMPARE(errors, QList<ErrorCode> {ErrorCode::SlowReader});
    QTRY_VERIFY(closed);
    QCOMPARE(closedWith, ErrorCode::SlowReader);
}

void TestFanout::oneFlushServesEveryConnection()
{
    // Connections that queue output in one turn are flushed together at its end, in the order
    // they queued; one deleted meanwhile is skipped, and one that queues again while the
    // others wait is flushed in the same round, once.
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
    constexpr int Count = 4;
    std::vector<std::unique_ptr<QTcpSocket>> readers;
    std::vector<std::unique_ptr<Connection>> connections;
    for (int i = 0; i < Count; ++i) {
        readers.push_back(std::make_unique<QTcpSocket>());
        readers.back()->connectToHost(QHostAddress(QHostAddress::LocalHost), listener.serverPort());
        QVERIFY(listener.waitForNewConnection(5000));
        connections.push_back(std::make_unique<Connection>(listener.nextPendingConnection(),
                                                           Connection::Role::Server));
        connections.back()->start();
    }
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < Count; ++i) {
            if (connections.at(i))
                QVERIFY(connections.at(i)->sendEncoded(
                    u"round %1 to %2\r\n"_s.arg(round).arg(i).toUtf8()));
        }
        QVERIFY(connections.at(0)->sendEncoded(u"again %1\r\n"_s.arg(round).toUtf8()));
        for (const auto &connection : connections) {
            if (connection)
                QVERIFY(connection->pendingOutput() > 0);
        }
        if (round == 0)
            connections.at(2).reset();
        QCoreApplication::processEvents(); // the turn ends
        for (const auto &connection : connections) {
            if (connection)
                QCOMPARE(connection->pendingOutput(), qint64(0));
        }
    }
    for (int i = 0; i < Count; ++i) {
        if (i == 2)
            continue;
        QByteArray expected;
        for (int round = 0; round < 3; ++round) {
            expected += u"round %1 to %2\r\n"_s.arg(round).arg(i).toUtf8();
            if (i == 0)
                expected += u"again %1\r\n"_s.arg(round).toUtf8();
        }
        QByteArray received;
        QTRY_COMPARE((received += readers.at(i)->readAll()).size(), expected.size());
        QCOMPARE(received, expected);
    }
}

void TestFanout::slowTextReaderIsDropped()
{
    ServerConfig config = testConfig();
    config.maxPendingOutput = 64 * 1024;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient sender(server.serverPort());
    FramedTestClient watcher(server.serverPort());
    QVERIFY(sender.join(u"sender"_s));
    QVERIFY(watcher.join(u"watcher"_s));

    // A text client that chooses a nickname and never reads again.
    QTcpSocket slow;
    slow.setReadBufferSize(4096);
    QSignalSpy slowConnected(&slow, &QTcpSocket::connected);
    slow.connectToHost(QHostAddress(QHostAddress::LocalHost), server.serverPort());
    QVERIFY(slowConnected.wait());
    slow.write("slow\r\n");
    QVERIFY(watcher.waitFor(MessageType::Joined, Match::nick(u"slow"_s)));

    constexpr int BatchSize = 50;
    constexpr int MaxBatches = 80;
    const QString padding(3000, u'x');
    int sent = 0;
    for (int batch = 0; batch < MaxBatches; ++batch) {
        if (watcher.count(MessageType::Left, Match::nick(u"slow"_s)) > 0)
            break;
        for (int i = 0; i < BatchSize; ++i)
            sender.say(QString::number(++sent) + padding);
        QVERIFY(sender.waitForCount(MessageType::Chat, sent));
    }

    const auto left = watcher.waitFor(MessageType::Left, Match::nick(u"slow"_s));
    QVERIFY2(left, qPrintable(u"still there after %1 messages"_s.arg(sent)));
    QCOMPARE(left->reason, u"too slow to read the chat"_s);
    QCOMPARE(server.room().nicks(), (QStringList {u"sender"_s, u"watcher"_s}));
    // The others got everything, in order.
    QVERIFY(watcher.waitForCount(MessageType::Chat, sent));
    const QStringList texts = watcher.chatTexts();
    for (int i = 0; i < sent; ++i)
        QVERIFY(texts.at(i).startsWith(QString::number(i + 1) + u'x'));
}

void TestFanout::lastWordsBeforeCloseArrive()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    LineTestClient dora(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(dora.join(u"dora"_s));
    QVERIFY(bia.join(u"bia"_s));

    // Queued in this turn, then closed in this turn: all of it goes out before the close.
    constexpr int Count = 100;
    for (int i = 0; i < Count; ++i)
        server.room().notice(u"notice %1"_s.arg(i));
    server.room().commit(); // handed to the store now, rather than at the end of the turn
    QVERIFY(server.kick(u"ana"_s, u"bye now"_s));
    QVERIFY(server.kick(u"dora"_s, u"bye now"_s));

    QVERIFY(ana.waitForClosed());
    QCOMPARE(ana.count(MessageType::Notice), Count);
    QCOMPARE(ana.messages().last().type, MessageType::Bye);
    QCOMPARE(ana.messages().last().code, ErrorCode::Kicked);
    QVERIFY(ana.messages().last().text.contains(u"bye now"_s));
    const QList<Message> notices = ana.received(MessageType::Notice);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(notices.at(i).text, u"notice %1"_s.arg(i));

    QVERIFY(dora.waitForClosed());
    QCOMPARE(dora.linesContaining(u"notice "_s).size(), Count);
    QVERIFY(dora.lines().last().contains(u"bye now"_s));

    // The one left in the room got everything and is still served.
    QVERIFY(bia.waitForCount(MessageType::Notice, Count));
    QVERIFY(bia.waitForCount(MessageType::Left, 2));
    QVERIFY(bia.isConnected());
}

void TestFanout::nicksStaySorted()
{
    ChatRoom room;
    room.setLogChatText(false);
    std::vector<std::unique_ptr<NullMember>> members;
    QStringList expected;
    const auto check = [&room, &expected] {
        QCOMPARE(room.nicks(), sortedReference(expected));
    };

    const QStringList joining = {u"zé"_s,     u"Bia"_s, u"ana"_s, u"Caio"_s, u"b"_s,   u"BA"_s,
                                 u"Ángela"_s, u"_x"_s,  u"bb"_s,  u"Bc"_s,   u"ZOE"_s, u"a1"_s};
    for (const QString &nick : joining) {
        members.push_back(std::make_unique<NullMember>());
        QVERIFY(room.join(members.back().get(), nick).ok());
        expected.append(nick);
        check();
    }
    // Taken in another case: refused, nothing changes.
    auto extra = std::make_unique<NullMember>();
    QCOMPARE(room.join(extra.get(), u"ANA"_s).error, ErrorCode::NickTaken);
    check();

    // Renames: to a new name, to the same name in another case, to a taken one (refused).
    QVERIFY(room.rename(members.at(2).get(), u"Zelda"_s).ok()); // ana
    expected.replace(expected.indexOf(u"ana"_s), u"Zelda"_s);
    check();
    QVERIFY(room.rename(members.at(1).get(), u"bIA"_s).ok()); // Bia
    expected.replace(expected.indexOf(u"Bia"_s), u"bIA"_s);
    check();
    QCOMPARE(room.rename(members.at(3).get(), u"zelda"_s).error, ErrorCode::NickTaken);
    check();

    // Leaves, from the middle, the front and the back; then a freed name is taken again.
    room.leave(members.at(4).get(), u"quit"_s); // b
    expected.removeOne(u"b"_s);
    check();
    room.leave(members.at(7).get(), u"quit"_s); // _x
    expected.removeOne(u"_x"_s);
    check();
    room.leave(members.at(10).get(), u"quit"_s); // ZOE
    expected.removeOne(u"ZOE"_s);
    check();
    QVERIFY(room.join(extra.get(), u"zoe"_s).ok());
    expected.append(u"zoe"_s);
    check();
    QCOMPARE(room.size(), int(expected.size()));
}

QTEST_GUILESS_MAIN(TestFanout)
#include "tst_fanout.moc"
