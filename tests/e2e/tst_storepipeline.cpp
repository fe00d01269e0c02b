// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The room never waits for its storage: with a store whose commits are slow, stalled or fail
// (a CommitGate between the server's SQLite store and its writer thread), pings are answered,
// what is stored is fanned out, batches grow, acks and chats keep seq order, and closing
// connections and the server wait for what they said. Real sockets on 127.0.0.1, in-process.

#include <memory>
#include <vector>

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "chatserver.h"
#include "connection.h"
#include "framedecoder.h"
#include "framedtestclient.h"
#include "gatedhistorydatabase.h"
#include "linetestclient.h"
#include "messagecodec.h"
#include "serverconfig.h"
#include "sqlitehistorydatabase.h"
#include "testprinters.h"
#include "testserverconfig.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

// Generous: the machine running the tests may be busy.
constexpr int LongMs = 20'000;
// What the test store's disk takes per commit.
constexpr int SlowCommitMs = 50;

Match::Predicate clientId(const QString &id)
{
    return [id](const Message &m) {
        return m.clientId == id;
    };
}

// Waits for one round trip of a ping on \a client's connection: whatever the server had sent
// before answering it has arrived.
bool roundTrip(FramedTestClient &client)
{
    QSignalSpy pong(client.connection(), &Connection::latencyMeasured);
    client.connection()->ping();
    return pong.wait(LongMs);
}

qsizetype indexOf(const QList<Message> &messages, MessageType type,
                  const Match::Predicate &predicate = {})
{
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (messages.at(i).type == type && (!predicate || predicate(messages.at(i))))
            return i;
    }
    return -1;
}

QByteArray frameOf(const Message &message)
{
    return FrameDecoder::encode(MessageCodec::encode(message));
}

} // namespace

class TestStorePipeline final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void slowStoreDelaysNeitherPingsNorFanOut();
    void burstKeepsSeqOrderAndBatchesGrow();
    void failedBatchIsRefusedToEachSender();
    void repeatWhileInFlightIsAckedWithTheOriginal();
    void joinGetsItsHistoryBeforeLive();
    void shutDownWaitsForTheBatchInFlight();

    void saysAndQuitInOneWriteAreAcknowledgedFirst();
    void textLinesAndQuitInOneWriteAreSeenFirst();
    void floodAcknowledgesWhatWasAdmitted();

private:
    // A server over the gated store in a fresh data directory (with \a readGate on its reads).
    void startServer(std::shared_ptr<Testing::CommitGate> readGate = {});
    quint16 port() const { return m_server->serverPort(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Testing::CommitGate> m_gate;
    ServerConfig m_config;
    std::unique_ptr<ChatServer> m_server;
};

void TestStorePipeline::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStorePipeline::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_gate = std::make_shared<Testing::CommitGate>();
    m_gate->setDelayMs(SlowCommitMs);
    m_config = Testing::serverConfig(u"pipeline"_s);
    m_config.dataDir = m_dir->filePath(u"data"_s);
}

void TestStorePipeline::cleanup()
{
    if (m_gate)
        m_gate->open(); // a failed test must not leave the writer waiting
    m_server.reset();
}

void TestStorePipeline::startServer(std::shared_ptr<Testing::CommitGate> readGate)
{
    m_server = std::make_unique<ChatServer>(m_config,
                                            Testing::gatedSqliteStore(m_config.dataDir,
                                                                      m_config.historyLimit, m_gate,
                                                                      std::move(readGate)));
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestStorePipeline::slowStoreDelaysNeitherPingsNorFanOut()
{
    startServer();
    FramedTestClient ana(port());
    FramedTestClient bia(port());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    m_gate->close();
    ana.say(u"first"_s, u"a1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_gate->waiting(), 1, LongMs); // its commit hangs
    // The event loop does not: pings are answered, and the next message queues up.
    QVERIFY(roundTrip(ana));
    QVERIFY(roundTrip(bia));
    QCOMPARE(ana.count(MessageType::Ack), 0);
    bia.say(u"second"_s, u"b1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->room().pendingCount(), 1, LongMs);

    // The first batch is through: it is acknowledged and fanned out while the second hangs.
    m_gate->allow(1);
    QVERIFY(ana.waitFor(MessageType::Ack, clientId(u"a1"_s), LongMs));
    const auto first = bia.waitFor(MessageType::Chat, Match::text(u"first"_s), LongMs);
    QVERIFY(first);
    QTRY_COMPARE_WITH_TIMEOUT(m_gate->waiting(), 1, LongMs);
    QCOMPARE(m_gate->passed(), 1);
    QVERIFY(roundTrip(bia));
    QCOMPARE(bia.count(MessageType::Ack), 0);
    QCOMPARE(ana.count(MessageType::Chat, Match::text(u"second"_s)), 0);

    m_gate->open();
    const auto ack = bia.waitFor(MessageType::Ack, clientId(u"b1"_s), LongMs);
    QVERIFY(ack);
    QCOMPARE(ack->seq, first->seq + 1);
    QVERIFY(ana.waitFor(MessageType::Chat, Match::text(u"second"_s), LongMs));
}

void TestStorePipeline::burstKeepsSeqOrderAndBatchesGrow()
{
    startServer();
    constexpr int Clients = 3;
    constexpr int PerClient = 100;
    constexpr int Total = Clients * PerClient;
    std::vector<std::unique_ptr<FramedTestClient>> clients;
    for (int c = 0; c < Clients; ++c) {
        clients.push_back(std::make_unique<FramedTestClient>(port()));
        QVERIFY(clients.back()->join(u"c%1"_s.arg(c)));
    }
    const int commitsBefore = m_server->room().commitCount();

    // While the first commit hangs, everything else arrives and waits: one batch.
    m_gate->close();
    for (int i = 0; i < PerClient; ++i) {
        for (int c = 0; c < Clients; ++c)
            clients[size_t(c)]->say(u"%1-%2"_s.arg(c).arg(i), u"id-%1-%2"_s.arg(c).arg(i));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->room().pendingCount() + m_server->room().storingCount(),
                              Total, LongMs);
    m_gate->open();
    for (const auto &client : clients)
        QVERIFY(client->waitForCount(MessageType::Chat, Total, {}, LongMs));
    const int commits = m_server->room().commitCount() - commitsBefore;
    QVERIFY2(commits <= 2, qPrintable(u"%1 commits for %2 messages"_s.arg(commits).arg(Total)));

    // Everyone sees one sequence, without gaps; each sender's acks come in that order, each
    // just before its chat.
    const QList<Message> chats = clients.front()->received(MessageType::Chat);
    for (qsizetype i = 1; i < chats.size(); ++i)
        QCOMPARE(chats.at(i).seq, chats.at(i - 1).seq + 1);
    for (int c = 0; c < Clients; ++c) {
        const FramedTestClient &client = *clients[size_t(c)];
        QCOMPARE(client.received(MessageType::Chat), chats);
        const QList<Message> acks = client.received(MessageType::Ack);
        QCOMPARE(acks.size(), PerClient);
        for (qsizetype i = 0; i < acks.size(); ++i) {
            QCOMPARE(acks.at(i).clientId, u"id-%1-%2"_s.arg(c).arg(i));
            if (i > 0)
                QVERIFY(acks.at(i).seq > acks.at(i - 1).seq);
            const qsizetype ackAt =
                indexOf(client.messages(), MessageType::Ack, clientId(acks.at(i).clientId));
            const qsizetype chatAt =
                indexOf(client.messages(), MessageType::Chat, clientId(acks.at(i).clientId));
            QCOMPARE(chatAt, ackAt + 1);
            QCOMPARE(client.messages().at(chatAt).seq, acks.at(i).seq);
        }
    }
}

void TestStorePipeline::failedBatchIsRefusedToEachSender()
{
    startServer();
    FramedTestClient ana(port());
    FramedTestClient bia(port());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    m_gate->close();
    m_gate->failNext(1);
    ana.say(u"lost"_s, u"a1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_gate->waiting(), 1, LongMs);
    bia.say(u"lost too"_s, u"b1"_s); // not in the failing batch: that one is at the disk
    QTRY_COMPARE_WITH_TIMEOUT(m_server->room().pendingCount(), 1, LongMs);
    m_gate->open();

    const auto refused = ana.waitFor(MessageType::Error, clientId(u"a1"_s), LongMs);
    QVERIFY(refused);
    QCOMPARE(refused->code, ErrorCode::NotStored);
    const auto ack = bia.waitFor(MessageType::Ack, clientId(u"b1"_s), LongMs);
    QVERIFY(ack);
    QVERIFY(ack->seq > 1); // the failed batch used its number up
    QVERIFY(ana.waitFor(MessageType::Chat, Match::text(u"lost too"_s), LongMs));
    QCOMPARE(ana.count(MessageType::Chat, Match::text(u"lost"_s)), 0);
    QCOMPARE(bia.count(MessageType::Chat, Match::text(u"lost"_s)), 0);
    QCOMPARE(ana.count(MessageType::Ack), 0);

    // Sent again, it is stored, numbered above everything before.
    ana.say(u"lost"_s, u"a1"_s);
    const auto again = ana.waitFor(MessageType::Ack, clientId(u"a1"_s), LongMs);
    QVERIFY(again);
    QVERIFY(again->seq > ack->seq);
    QVERIFY(bia.waitFor(MessageType::Chat, Match::text(u"lost"_s), LongMs));

    // Two senders in one failing batch: each is told.
    m_gate->close();
    m_gate->failNext(2);
    ana.say(u"blocker"_s, u"a2"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_gate->waiting(), 1, LongMs);
    ana.say(u"x"_s, u"a3"_s);
    bia.say(u"y"_s, u"b2"_s);
    ana.say(u"x"_s, u"a3"_s); // a repeat in the same batch
    QTRY_COMPARE_WITH_TIMEOUT(m_server->room().pendingCount(), 3, LongMs);
    m_gate->open();
    QVERIFY(ana.waitForCount(MessageType::Error, 2, clientId(u"a3"_s), LongMs));
    QVERIFY(ana.waitFor(MessageType::Error, clientId(u"a2"_s), LongMs));
    QVERIFY(bia.waitFor(MessageType::Error, clientId(u"b2"_s), LongMs));
    QVERIFY(roundTrip(bia));
    QCOMPARE(bia.count(MessageType::Chat, Match::text(u"x"_s)), 0);
}

void TestStorePipeline::repeatWhileInFlightIsAckedWithTheOriginal()
{
    startServer();
    FramedTestClient ana(port());
    FramedTestClient bia(port());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    // Resent (a reconnect, an impatient client) while the first is being written.
    m_gate->close();
    ana.say(u"once"_s, u"x"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_gate->waiting(), 1, LongMs);
    ana.say(u"once"_s, u"x"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->room().pendingCount(), 1, LongMs);
    m_gate->open();
    QVERIFY(ana.waitForCount(MessageType::Ack, 2, {}, LongMs));
    const QList<Message> acks = ana.received(MessageType::Ack);
    QCOMPARE(acks.at(0), acks.at(1));

    ana.say(u"marker"_s);
    QVERIFY(bia.waitFor(MessageType::Chat, Match::text(u"marker"_s), LongMs));
    QCOMPARE(bia.chatTexts(), (QStringList {u"once"_s, u"marker"_s}));
    QCOMPARE(bia.received(MessageType::Chat).constFirst().seq, acks.at(0).seq);
}

void TestStorePipeline::joinGetsItsHistoryBeforeLive()
{
    // More than the server keeps in memory (5000): a catch-up from far back is read from disk.
    constexpr int Stored = 6000;
    {
        SqliteHistoryDatabase database(m_config.dataDir, m_config.historyLimit);
        QVERIFY(database.open());
        QList<Message> messages;
        for (int seq = 1; seq <= Stored; ++seq)
            messages.append(
                Message::chat(u"old"_s, u"old %1"_s.arg(seq), false, 1000 + seq, quint64(seq)));
        QVERIFY(database.append(messages));
    }
    auto reads = std::make_shared<Testing::CommitGate>();
    reads->close();
    startServer(reads);
    FramedTestClient bia(port());
    QVERIFY(bia.join(u"bia"_s)); // the newest 100: from memory, not held by the read gate

    FramedTestClient caio(port());
    QVERIFY(caio.handshake());
    Message hello = Message::hello(u"caio"_s);
    hello.after = 100;
    caio.send(hello);
    QVERIFY(caio.waitFor(MessageType::Welcome, {}, LongMs));
    QTRY_COMPARE_WITH_TIMEOUT(reads->waiting(), 1, LongMs);

    // Said, stored and sent to everyone while caio's history is being read: caio gets it after.
    bia.say(u"live"_s, u"l1"_s);
    QVERIFY(bia.waitFor(MessageType::Chat, Match::text(u"live"_s), LongMs));
    QVERIFY(bia.waitFor(MessageType::Joined, Match::nick(u"caio"_s), LongMs));
    QVERIFY(roundTrip(caio));
    QCOMPARE(caio.count(MessageType::History), 0);
    QCOMPARE(caio.count(MessageType::Chat), 0);

    reads->open();
    QVERIFY(caio.waitFor(MessageType::Chat, Match::text(u"live"_s), LongMs));
    const QList<Message> &seen = caio.messages();
    const qsizetype liveAt = indexOf(seen, MessageType::Chat, Match::text(u"live"_s));
    QList<Message> history;
    qsizetype lastFrameAt = -1;
    for (qsizetype i = 0; i < seen.size(); ++i) {
        if (seen.at(i).type == MessageType::History) {
            history += seen.at(i).messages;
            lastFrameAt = i;
        }
    }
    QVERIFY(lastFrameAt >= 0);
    QVERIFY(lastFrameAt < liveAt);
    QVERIFY(seen.at(lastFrameAt).end);
    QVERIFY(seen.at(lastFrameAt).more); // 5000 at most: 1001 to 6000
    QCOMPARE(history.size(), 5000);
    QCOMPARE(history.constFirst().seq, quint64(Stored - 4999));
    QCOMPARE(history.constLast().seq, quint64(Stored));
    QCOMPARE(seen.at(liveAt).seq, quint64(Stored + 1));
}

void TestStorePipeline::shutDownWaitsForTheBatchInFlight()
{
    startServer();
    auto ana = std::make_unique<FramedTestClient>(port());
    QVERIFY(ana->join(u"ana"_s));

    m_gate->close();
    for (int i = 1; i <= 3; ++i)
        ana->say(u"m%1"_s.arg(i), u"id-%1"_s.arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->room().pendingCount() + m_server->room().storingCount(), 3,
                              LongMs);
    QSignalSpy finished(m_server.get(), &ChatServer::shutDownFinished);
    m_server->shutDown();
    QVERIFY(roundTrip(*ana)); // the server would have said goodbye by now
    QCOMPARE(ana->count(MessageType::Bye), 0);
    QVERIFY(finished.isEmpty());

    m_gate->open();
    QVERIFY(ana->waitForClosed(LongMs));
    QCOMPARE(ana->count(MessageType::Ack), 3);
    QCOMPARE(ana->messages().constLast().type, MessageType::Bye);
    QCOMPARE(ana->messages().constLast().code, ErrorCode::Shutdown);
    QVERIFY(finished.count() == 1 || finished.wait(LongMs));
    m_server.reset();

    SqliteHistoryDatabase database(m_config.dataDir, m_config.historyLimit);
    QVERIFY(database.open());
    QList<QString> texts;
    const QList<Message> stored = database.latest(10);
    for (const Message &message : stored)
        texts.append(message.text);
    QCOMPARE(texts, (QStringList {u"m1"_s, u"m2"_s, u"m3"_s}));
}

void TestStorePipeline::saysAndQuitInOneWriteAreAcknowledgedFirst()
{
    // The default in-process store (memory): answered on a later turn, like any store.
    ChatServer server(Testing::serverConfig(u"pipeline"_s));
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    QByteArray burst;
    for (int i = 1; i <= 5; ++i)
        burst += frameOf(Message::say(u"m%1"_s.arg(i), false, u"q%1"_s.arg(i)));
    burst += frameOf(Message::quit(u"done"_s));
    ana.sendBytes(burst);
    QVERIFY(ana.waitForClosed(LongMs));

    const QList<Message> &seen = ana.messages();
    const qsizetype byeAt = indexOf(seen, MessageType::Bye);
    QCOMPARE(byeAt, seen.size() - 1);
    QCOMPARE(seen.at(byeAt).code, ErrorCode::Quit);
    QCOMPARE(ana.count(MessageType::Ack), 5);
    QCOMPARE(ana.count(MessageType::Chat), 5);
    QVERIFY(bia.waitFor(MessageType::Left, Match::nick(u"ana"_s), LongMs));
    QCOMPARE(bia.chatTexts(), (QStringList {u"m1"_s, u"m2"_s, u"m3"_s, u"m4"_s, u"m5"_s}));
    QVERIFY(indexOf(bia.messages(), MessageType::Left) >
            indexOf(bia.messages(), MessageType::Chat, Match::text(u"m5"_s)));
}

void TestStorePipeline::textLinesAndQuitInOneWriteAreSeenFirst()
{
    ChatServer server(Testing::serverConfig(u"pipeline"_s));
    QVERIFY(server.listen());
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    LineTestClient dora(server.serverPort());
    QVERIFY(dora.join(u"dora"_s));

    dora.sendBytes("one\r\ntwo\r\nthree\r\n/quit\r\n");
    QVERIFY(dora.waitForClosed(LongMs));
    const QStringList lines = dora.lines();
    const qsizetype goodbyeAt = lines.indexOf(u"*** Goodbye."_s);
    QVERIFY2(goodbyeAt >= 0, qPrintable(lines.join(u'\n')));
    const QStringList own = dora.linesContaining(u"<dora> "_s);
    QCOMPARE(own.size(), 3);
    for (const QString &line : own)
        QVERIFY2(lines.indexOf(line) < goodbyeAt, qPrintable(lines.join(u'\n')));
    QVERIFY(own.at(2).endsWith(u"<dora> three"_s));
    QVERIFY(bia.waitForCount(MessageType::Chat, 3, {}, LongMs));
}

void TestStorePipeline::floodAcknowledgesWhatWasAdmitted()
{
    ServerConfig config = Testing::serverConfig(u"pipeline"_s);
    config.maxRate = 1;
    config.rateBurst = 3;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));

    // Three within the burst, then more than four bursts' worth waiting (docs/PROTOCOL.md 7.2):
    // cut off for an excess flood, in the same read.
    QByteArray burst;
    for (int i = 1; i <= 20; ++i)
        burst += frameOf(Message::say(u"m%1"_s.arg(i), false, u"q%1"_s.arg(i)));
    ana.sendBytes(burst);
    QVERIFY(ana.waitForClosed(LongMs));
    const QList<Message> &seen = ana.messages();
    QCOMPARE(seen.constLast().type, MessageType::Bye);
    QCOMPARE(seen.constLast().code, ErrorCode::Flood);
    QCOMPARE(ana.count(MessageType::Ack), 3);
    QCOMPARE(ana.chatTexts(), (QStringList {u"m1"_s, u"m2"_s, u"m3"_s}));
}

QTEST_GUILESS_MAIN(TestStorePipeline)

#include "tst_storepipeline.moc"
