// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Several tagarela servers sharing one room in a real redis-server (issue 11, step 2): one
// order for everyone on every server, history from any server, nothing acknowledged lost when
// Redis is killed and restarted, and the durability warning at start.
#include <memory>
#include <vector>

#include <QHash>
#include <QSet>
#include <QTest>

#include "banlist.h"
#include "chatserver.h"
#include "framedtestclient.h"
#include "linetestclient.h"
#include "logcapture.h"
#include "message.h"
#include "protocol.h"
#include "redisroomengine.h"
#include "redistestserver.h"
#include "serverprocess.h"
#include "testserverconfig.h"
#include "wirebytes.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

constexpr int LongWaitMs = 30'000;

// "[a0:07]": unique, and no text is a prefix of another.
QString textOf(const QString &who, int i)
{
    return u"[%1:%2]"_s.arg(who).arg(i, 2, 10, QLatin1Char('0'));
}

// The chats a client received, as "seq text", in the order they came.
QStringList chatLog(const FramedTestClient &client)
{
    QStringList log;
    const QList<Message> chats = client.received(MessageType::Chat);
    for (const Message &chat : chats)
        log.append(QString::number(chat.seq) + u' ' + chat.text);
    return log;
}

bool strictlyIncreasing(const QList<Message> &messages)
{
    for (qsizetype i = 1; i < messages.size(); ++i) {
        if (messages.at(i).seq <= messages.at(i - 1).seq)
            return false;
    }
    return true;
}

// The position of the first message of \a type with \a clientId in what \a client received.
qsizetype indexOf(const FramedTestClient &client, MessageType type, const QString &clientId)
{
    const QList<Message> &all = client.messages();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).type == type && all.at(i).clientId == clientId)
            return i;
    }
    return -1;
}

Match::Predicate withClientId(const QString &clientId)
{
    return [clientId](const Message &message) {
        return message.clientId == clientId;
    };
}

Message privateSay(const QString &to, const QString &text, const QString &clientId = {})
{
    Message say = Message::say(text, false, clientId);
    say.to = to;
    return say;
}

QStringList textsOf(const QList<Message> &messages)
{
    QStringList texts;
    for (const Message &message : messages)
        texts.append(message.text);
    return texts;
}

// Every message of the history answers \a client received (join, catch-up, fetch), in order.
QList<Message> historyOf(const FramedTestClient &client)
{
    QList<Message> messages;
    const QList<Message> frames = client.received(MessageType::History);
    for (const Message &frame : frames)
        messages += frame.messages;
    return messages;
}

// Leaves with quit: a dropped connection's nickname would be held for its resume token.
bool leave(FramedTestClient &client)
{
    client.send(Message::quit());
    return client.waitForClosed(LongWaitMs);
}

// Sends \a search and returns the messages of its answer, and whether it says more.
std::pair<QList<Message>, bool> ask(FramedTestClient &client, const Message &search)
{
    const auto isEnd = [&search](const Message &m) {
        return m.end && m.query == search.query;
    };
    const int answered = client.count(MessageType::History, isEnd);
    const qsizetype start = client.messages().size();
    client.send(search);
    if (!client.waitForCount(MessageType::History, answered + 1, isEnd, LongWaitMs))
        return {{}, false};
    QList<Message> messages;
    bool more = false;
    const QList<Message> &all = client.messages();
    for (qsizetype i = start; i < all.size(); ++i) {
        if (all.at(i).type == MessageType::History && all.at(i).query == search.query) {
            messages += all.at(i).messages;
            more = all.at(i).more;
        }
    }
    return {messages, more};
}

} // namespace

class TestRedisRoom final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyoneSeesOneOrder();
    void historyAndPagingFromAnyServer();
    void redisKilledLosesNothingAcknowledged();
    void durabilityIsChecked();
    void presenceAcrossServers();
    void deadServersUsersLeftOnce();
    void kickAndBanAcrossServers();
    void privateMessagesAcrossServers();
    void searchAcrossServers();
    void searchScansCountAgainstTheRate();

private:
    ServerConfig configFor(const RedisTestServer &redis, const QString &name) const;
    ChatServer *startServer(const RedisTestServer &redis, const QString &name);

    std::unique_ptr<RedisTestServer> m_redis;
    std::vector<std::unique_ptr<ChatServer>> m_servers;
};

void TestRedisRoom::init()
{
    m_redis = std::make_unique<RedisTestServer>();
    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));
}

void TestRedisRoom::cleanup()
{
    m_servers.clear();
    m_redis.reset();
}

ServerConfig TestRedisRoom::configFor(const RedisTestServer &redis, const QString &name) const
{
    ServerConfig config = Testing::serverConfig(name);
    config.redisUrl = redis.url();
    config.redisOpenTimeoutMs = LongWaitMs;
    // Short blocking reads: a server stopped by the test does not keep a read waiting long.
    config.redisBlockMs = 1000;
    config.redisLeaseMs = 1500;
    return config;
}

ChatServer *TestRedisRoom::startServer(const RedisTestServer &redis, const QString &name)
{
    auto server = std::make_unique<ChatServer>(configFor(redis, name));
    if (!server->listen()) {
        qWarning() << "server" << name << "did not start:" << server->errorString();
        return nullptr;
    }
    m_servers.push_back(std::move(server));
    return m_servers.back().get();
}

void TestRedisRoom::everyoneSeesOneOrder()
{
    ChatServer *one = startServer(*m_redis, u"one"_s);
    ChatServer *two = startServer(*m_redis, u"two"_s);
    ChatServer *three = startServer(*m_redis, u"three"_s);
    QVERIFY(one && two && three);
    QCOMPARE(two->room().historyId(), one->room().historyId());
    QCOMPARE(three->room().historyId(), one->room().historyId());

    struct Sender
    {
        QString name;
        std::unique_ptr<FramedTestClient> client;
    };
    std::vector<Sender> senders;
    const QList<std::pair<QString, ChatServer *>> placement {
        {u"a0"_s, one}, {u"a1"_s, one}, {u"b0"_s, two}, {u"c0"_s, three}};
    for (const auto &[name, server] : placement) {
        auto client = std::make_unique<FramedTestClient>(server->serverPort());
        QVERIFY(client->join(name));
        senders.push_back({name, std::move(client)});
    }
    LineTestClient line(two->serverPort());
    QVERIFY(line.join(u"telnet"_s));

    constexpr int PerSender = 15;
    // Interleaved: every server appends while the others do.
    for (int i = 0; i < PerSender; ++i) {
        for (const Sender &sender : senders)
            sender.client->say(textOf(sender.name, i), sender.name + u'-' + QString::number(i));
    }
    const int total = PerSender * int(senders.size());
    for (const Sender &sender : senders) {
        QVERIFY2(sender.client->waitForCount(MessageType::Chat, total, {}, LongWaitMs),
                 qPrintable(sender.name + u" got "_s +
                            QString::number(sender.client->count(MessageType::Chat))));
    }

    // One order: every client got the same chats, with the same numbers, increasing.
    const QStringList reference = chatLog(*senders.front().client);
    QCOMPARE(reference.size(), total);
    QVERIFY(strictlyIncreasing(senders.front().client->received(MessageType::Chat)));
    for (const Sender &sender : senders)
        QCOMPARE(chatLog(*sender.client), reference);
    // Each text exactly once; each sender's ack before its chat, with the chat's number.
    for (const Sender &sender : senders) {
        for (int i = 0; i < PerSender; ++i) {
            const QString text = textOf(sender.name, i);
            QCOMPARE(sender.client->count(MessageType::Chat, Match::text(text)), 1);
            const QString clientId = sender.name + u'-' + QString::number(i);
            const qsizetype ack = indexOf(*sender.client, MessageType::Ack, clientId);
            const qsizetype chat = indexOf(*sender.client, MessageType::Chat, clientId);
            QVERIFY2(ack >= 0 && ack < chat, qPrintable(clientId));
            QCOMPARE(sender.client->messages().at(ack).seq, sender.client->messages().at(chat).seq);
        }
    }
    // The text client on another server too, each line once.
    for (const Sender &sender : senders) {
        for (int i = 0; i < PerSender; ++i) {
            const QString text = textOf(sender.name, i);
            QTRY_COMPARE_WITH_TIMEOUT(line.linesContaining(text).size(), 1, LongWaitMs);
        }
    }
}

void TestRedisRoom::historyAndPagingFromAnyServer()
{
    ChatServer *one = startServer(*m_redis, u"one"_s);
    ChatServer *two = startServer(*m_redis, u"two"_s);
    QVERIFY(one && two);

    FramedTestClient alice(one->serverPort());
    QVERIFY(alice.join(u"alice"_s));
    constexpr int Said = 30;
    for (int i = 0; i < Said; ++i)
        alice.say(textOf(u"h"_s, i), u"h-"_s + QString::number(i));
    QVERIFY(alice.waitForCount(MessageType::Ack, Said, {}, LongWaitMs));
    const QList<Message> acks = alice.received(MessageType::Ack);
    // The other server has it once its tail delivered the last one.
    QTRY_COMPARE_WITH_TIMEOUT(two->room().engine().lastSeq(), acks.last().seq, LongWaitMs);

    // The newest 10 on join, through the other server.
    FramedTestClient bob(two->serverPort());
    Message hello = Message::hello(u"bob"_s);
    hello.limit = 10;
    QVERIFY(bob.join(hello));
    std::optional<Message> page = bob.waitFor(MessageType::History);
    QVERIFY(page);
    QCOMPARE(page->messages.size(), 10);
    QVERIFY(page->more);
    QCOMPARE(page->messages.first().text, textOf(u"h"_s, 20));
    QCOMPARE(page->messages.last().text, textOf(u"h"_s, 29));
    QCOMPARE(page->messages.last().seq, acks.last().seq);

    // Paging back from there: the 20 older ones, and nothing older.
    bob.send(Message::fetch(page->messages.first().seq, 50));
    QVERIFY(bob.waitForCount(MessageType::History, 2, {}, LongWaitMs));
    const Message older = bob.received(MessageType::History).at(1);
    QCOMPARE(older.messages.size(), 20);
    QVERIFY(!older.more);
    QCOMPARE(older.messages.first().text, textOf(u"h"_s, 0));
    QCOMPARE(older.messages.last().text, textOf(u"h"_s, 19));

    // A catch-up after the 25th, through the other server.
    FramedTestClient carol(two->serverPort());
    Message resumed = Message::hello(u"carol"_s);
    resumed.after = acks.at(24).seq;
    QVERIFY(carol.join(resumed));
    page = carol.waitFor(MessageType::History);
    QVERIFY(page);
    QCOMPARE(page->messages.size(), 5);
    QCOMPARE(page->messages.first().text, textOf(u"h"_s, 25));

    // A text client's recent messages.
    LineTestClient line(two->serverPort());
    QVERIFY(line.join(u"telnet"_s));
    QVERIFY(line.waitForLine(textOf(u"h"_s, 29), LongWaitMs));
}

void TestRedisRoom::redisKilledLosesNothingAcknowledged()
{
    ChatServer *one = startServer(*m_redis, u"one"_s);
    ChatServer *two = startServer(*m_redis, u"two"_s);
    QVERIFY(one && two);
    FramedTestClient sender(one->serverPort());
    QVERIFY(sender.join(u"sender"_s));
    FramedTestClient watcher(two->serverPort());
    QVERIFY(watcher.join(u"watcher"_s));
    LineTestClient line(two->serverPort());
    QVERIFY(line.join(u"telnet"_s));

    constexpr int Before = 10;
    constexpr int During = 20;
    for (int i = 0; i < Before; ++i)
        sender.say(textOf(u"k"_s, i), u"k-"_s + QString::number(i));
    QVERIFY(sender.waitForCount(MessageType::Ack, Before, {}, LongWaitMs));

    // Sent, and Redis killed before the servers could have stored all of it.
    for (int i = Before; i < Before + During; ++i)
        sender.say(textOf(u"k"_s, i), u"k-"_s + QString::number(i));
    m_redis->kill();
    const auto answered = [&sender](const QString &clientId) {
        return indexOf(sender, MessageType::Ack, clientId) >= 0 ||
            indexOf(sender, MessageType::Error, clientId) >= 0;
    };
    for (int i = Before; i < Before + During; ++i) {
        const QString clientId = u"k-"_s + QString::number(i);
        QTRY_VERIFY2_WITH_TIMEOUT(answered(clientId), qPrintable(clientId), LongWaitMs);
    }
    QVERIFY(sender.count(MessageType::Error, Match::code(ErrorCode::NotStored)) > 0);
    // A text client is told in words.
    line.sendLine(u"lost line"_s);
    QVERIFY(line.waitForLine(u"could not store"_s, LongWaitMs));
    QVERIFY(sender.isConnected());
    QVERIFY(watcher.isConnected());
    QVERIFY(line.isConnected());

    QVERIFY2(m_redis->restart(), qPrintable(m_redis->errorString()));
    for (ChatServer *server : {one, two}) {
        const auto *engine = dynamic_cast<RedisRoomEngine *>(&server->room().engine());
        QVERIFY(engine);
        QTRY_VERIFY_WITH_TIMEOUT(engine->isConnected(), LongWaitMs);
    }
    // The outbox resends what was refused, with the same client-ids, until it is stored.
    QSet<QString> acked;
    for (int round = 0; round < 100; ++round) {
        QStringList refused;
        for (int i = 0; i < Before + During; ++i) {
            const QString clientId = u"k-"_s + QString::number(i);
            if (sender.count(MessageType::Ack, [&clientId](const Message &m) {
                    return m.clientId == clientId;
                }) > 0) {
                acked.insert(clientId);
            } else {
                refused.append(clientId);
            }
        }
        if (refused.isEmpty())
            break;
        const int acksBefore = sender.count(MessageType::Ack);
        const int errorsBefore = sender.count(MessageType::Error);
        for (const QString &clientId : std::as_const(refused))
            sender.say(textOf(u"k"_s, clientId.mid(2).toInt()), clientId);
        QTRY_VERIFY_WITH_TIMEOUT(sender.count(MessageType::Ack) - acksBefore +
                                         sender.count(MessageType::Error) - errorsBefore >=
                                     refused.size(),
                                 LongWaitMs);
    }
    QCOMPARE(acked.size(), Before + During);

    // Everyone converges on every message, each once, in one order, on both servers.
    for (FramedTestClient *client : {&sender, &watcher}) {
        QVERIFY(client->waitForCount(MessageType::Chat, Before + During, {}, LongWaitMs));
        for (int i = 0; i < Before + During; ++i)
            QCOMPARE(client->count(MessageType::Chat, Match::text(textOf(u"k"_s, i))), 1);
        QVERIFY(strictlyIncreasing(client->received(MessageType::Chat)));
    }
    QCOMPARE(chatLog(watcher), chatLog(sender));
    // And the history in Redis has each once: nothing acknowledged was lost.
    FramedTestClient late(two->serverPort());
    Message hello = Message::hello(u"late"_s);
    hello.limit = 100;
    QVERIFY(late.join(hello));
    const std::optional<Message> page = late.waitFor(MessageType::History);
    QVERIFY(page);
    QStringList texts;
    for (const Message &message : page->messages)
        texts.append(message.text);
    for (int i = 0; i < Before + During; ++i)
        QCOMPARE(texts.count(textOf(u"k"_s, i)), 1);
}

void TestRedisRoom::durabilityIsChecked()
{
    {
        LogCapture log;
        ChatServer *server = startServer(*m_redis, u"always"_s);
        QVERIFY(server);
        QVERIFY(log.linesContaining(u"WARNING"_s).isEmpty());
        QCOMPARE(log.linesContaining(u"appendfsync always"_s).size(), 1);
    }
    {
        RedisTestServer everysec;
        QVERIFY2(everysec.start({u"--appendfsync"_s, u"everysec"_s}),
                 qPrintable(everysec.errorString()));
        LogCapture log;
        ChatServer server(configFor(everysec, u"everysec"_s));
        QVERIFY(server.listen());
        const QStringList warnings = log.linesContaining(u"WARNING"_s);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(u"appendfsync everysec"_s),
                 qPrintable(warnings.first()));
        QVERIFY(warnings.first().contains(u"LOST"_s));
    }
    {
        RedisTestServer noConfig;
        QVERIFY2(noConfig.start({u"--rename-command"_s, u"CONFIG"_s, QString()}),
                 qPrintable(noConfig.errorString()));
        LogCapture log;
        ChatServer server(configFor(noConfig, u"unknown"_s));
        QVERIFY(server.listen());
        const QStringList warnings = log.linesContaining(u"WARNING"_s);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(u"UNKNOWN"_s), qPrintable(warnings.first()));
    }
}

void TestRedisRoom::presenceAcrossServers()
{
    ChatServer *one = startServer(*m_redis, u"one"_s);
    ChatServer *two = startServer(*m_redis, u"two"_s);
    QVERIFY(one && two);

    FramedTestClient alice(one->serverPort());
    QVERIFY(alice.join(u"alice"_s));
    // The other server knows once its tail brought the join.
    QTRY_VERIFY_WITH_TIMEOUT(two->room().isTaken(u"alice"_s), LongWaitMs);
    FramedTestClient bob(two->serverPort());
    QVERIFY(bob.join(u"bob"_s));
    // Bob's welcome lists the user on the other server; alice hears of bob, once.
    const std::optional<Message> welcome = bob.waitFor(MessageType::Welcome);
    QVERIFY(welcome);
    QCOMPARE(welcome->users, QStringList({u"alice"_s, u"bob"_s}));
    QVERIFY(alice.waitFor(MessageType::Joined, Match::nick(u"bob"_s), LongWaitMs));
    QCOMPARE(bob.count(MessageType::Joined), 0); // not told of his own join

    // A nickname taken on one server is refused on the other.
    FramedTestClient impostor(two->serverPort());
    QVERIFY(!impostor.join(u"Alice"_s));
    QVERIFY(impostor.waitFor(MessageType::Error, Match::code(ErrorCode::NickTaken)));

    // /who over both servers, for framed and text clients and the console.
    bob.send(Message::who());
    const std::optional<Message> who = bob.waitFor(MessageType::Users);
    QVERIFY(who);
    QCOMPARE(who->users, QStringList({u"alice"_s, u"bob"_s}));
    LineTestClient line(one->serverPort());
    QVERIFY(line.join(u"telnet"_s));
    QVERIFY(bob.waitFor(MessageType::Joined, Match::nick(u"telnet"_s), LongWaitMs));
    line.sendLine(u"/who"_s);
    QVERIFY(line.waitForLine(u"bob"_s));
    QVERIFY2(two->describeMembers().contains(u"alice  on another server"_s),
             qPrintable(two->describeMembers().join(u" | "_s)));

    // A rename reaches the other server, and frees the old name there.
    alice.send(Message::setNick(u"alicia"_s));
    QVERIFY(bob.waitFor(MessageType::Renamed, Match::nick(u"alicia"_s), LongWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(!two->room().isTaken(u"alice"_s), LongWaitMs);
    FramedTestClient newAlice(two->serverPort());
    QVERIFY(newAlice.join(u"alice"_s));

    // A leave too.
    bob.disconnectFromServer();
    QVERIFY(alice.waitFor(MessageType::Left, Match::nick(u"bob"_s), LongWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(!one->room().isTaken(u"bob"_s), LongWaitMs);
    QCOMPARE(alice.count(MessageType::Joined, Match::nick(u"bob"_s)), 1);
    QCOMPARE(alice.count(MessageType::Left, Match::nick(u"bob"_s)), 1);
}

void TestRedisRoom::deadServersUsersLeftOnce()
{
    // A real process, so that it can die without a word (SIGKILL).
    ServerProcess doomed(QStringLiteral(TAGARELA_SERVER_BINARY));
    QVERIFY(doomed.startListening({u"--redis"_s, m_redis->url()}, LongWaitMs));
    ChatServer *one = startServer(*m_redis, u"one"_s);
    ChatServer *two = startServer(*m_redis, u"two"_s);
    QVERIFY(one && two);

    FramedTestClient alice(one->serverPort());
    QVERIFY(alice.join(u"alice"_s));
    FramedTestClient bob(two->serverPort());
    QVERIFY(bob.join(u"bob"_s));
    FramedTestClient victim(doomed.port());
    QVERIFY(victim.join(u"victim"_s));
    QVERIFY(alice.waitFor(MessageType::Joined, Match::nick(u"victim"_s), LongWaitMs));
    QVERIFY(bob.waitFor(MessageType::Joined, Match::nick(u"victim"_s), LongWaitMs));
    QVERIFY(one->room().isTaken(u"victim"_s));

    doomed.process().kill();
    QVERIFY(doomed.waitForFinished(LongWaitMs));
    // Its lease (15 s by default) runs out; a survivor announces its user left.
    QVERIFY(alice.waitFor(MessageType::Left, Match::nick(u"victim"_s), 4 * LongWaitMs));
    QVERIFY(bob.waitFor(MessageType::Left, Match::nick(u"victim"_s), LongWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(!one->room().isTaken(u"victim"_s), LongWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!two->room().isTaken(u"victim"_s), LongWaitMs);
    // The name is held for the victim's resume token (tst_redisnicks): nobody else gets it.
    // Both survivors tried to claim the clean-up within one sweep (every 500 ms) of the
    // lease's end: a second announcement would have come by the marker.
    FramedTestClient latecomer(two->serverPort());
    QVERIFY(!latecomer.join(u"victim"_s, LongWaitMs));
    QVERIFY(latecomer.waitFor(MessageType::Error, Match::code(ErrorCode::NickTaken)));
    bob.say(u"marker"_s, u"marker"_s);
    QVERIFY(alice.waitFor(MessageType::Chat, Match::text(u"marker"_s), LongWaitMs));
    QCOMPARE(alice.count(MessageType::Left, Match::nick(u"victim"_s)), 1);
    QCOMPARE(bob.count(MessageType::Left, Match::nick(u"victim"_s)), 1);
}

void TestRedisRoom::kickAndBanAcrossServers()
{
    ChatServer *one = startServer(*m_redis, u"one"_s);
    ChatServer *two = startServer(*m_redis, u"two"_s);
    QVERIFY(one && two);

    // /kick on one server reaches a user on the other.
    FramedTestClient bob(two->serverPort());
    QVERIFY(bob.join(u"bob"_s));
    QTRY_VERIFY_WITH_TIMEOUT(one->room().isTaken(u"bob"_s), LongWaitMs);
    QVERIFY(one->kick(u"bob"_s, u"spam"_s));
    QVERIFY(bob.waitFor(MessageType::Bye, Match::code(ErrorCode::Kicked), LongWaitMs));
    QVERIFY(!one->kick(u"nobody"_s, {}));

    // /ban on one server applies on the other, and on a server that starts later.
    FramedTestClient carol(two->serverPort());
    QVERIFY(carol.join(u"carol"_s));
    const std::optional<BanList::Entry> loopback = BanList::parse(u"127.0.0.1"_s);
    QVERIFY(loopback);
    (void)one->ban(*loopback);
    QVERIFY(carol.waitFor(MessageType::Bye, Match::code(ErrorCode::Banned), LongWaitMs));
    QVERIFY(two->bans().contains(*loopback));
    ChatServer *three = startServer(*m_redis, u"three"_s);
    QVERIFY(three);
    QVERIFY(three->bans().contains(*loopback));
    FramedTestClient dave(three->serverPort());
    QVERIFY(!dave.join(u"dave"_s));
    QVERIFY(dave.waitFor(MessageType::Bye, Match::code(ErrorCode::Banned), LongWaitMs));

    // /unban on another server lifts it everywhere.
    QString saveError;
    QVERIFY(two->unban(*loopback, &saveError));
    QTRY_VERIFY_WITH_TIMEOUT(!one->bans().contains(*loopback), LongWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!three->bans().contains(*loopback), LongWaitMs);
    ChatServer *four = startServer(*m_redis, u"four"_s);
    QVERIFY(four);
    QVERIFY(!four->bans().contains(*loopback));
    FramedTestClient erin(one->serverPort());
    QVERIFY(erin.join(u"erin"_s));
}

void TestRedisRoom::privateMessagesAcrossServers()
{
    ChatServer *one = startServer(*m_redis, u"one"_s);
    ChatServer *two = startServer(*m_redis, u"two"_s);
    ChatServer *three = startServer(*m_redis, u"three"_s);
    QVERIFY(one && two && three);

    FramedTestClient ana(one->serverPort());
    FramedTestClient dan(one->serverPort());
    FramedTestClient bia(two->serverPort());
    FramedTestClient caio(three->serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(dan.join(u"dan"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(caio.join(u"caio"_s));
    const QStringList features = bia.received(MessageType::HandshakeOk).constFirst().features;
    QVERIFY(features.contains(QString::fromLatin1(Feature::PrivateMessages)));
    // Server one knows of bia once its tail brought her join.
    QTRY_VERIFY_WITH_TIMEOUT(one->room().isTaken(u"bia"_s), LongWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(two->room().isTaken(u"ana"_s), LongWaitMs);

    ana.say(u"before"_s, u"room-1"_s);
    QVERIFY(caio.waitFor(MessageType::Chat, Match::text(u"before"_s), LongWaitMs));
    // To a user on another server, spelled differently: the chat carries her nickname.
    ana.send(privateSay(u"BIA"_s, u"secret"_s, u"pm-1"_s));
    const auto ack = ana.waitFor(MessageType::Ack, withClientId(u"pm-1"_s), LongWaitMs);
    QVERIFY2(ack, qPrintable(textsOf(ana.received(MessageType::Error)).join(u" | "_s)));
    const auto mine = ana.waitFor(MessageType::Chat, Match::text(u"secret"_s), LongWaitMs);
    QVERIFY(mine);
    QCOMPARE(mine->to, u"bia"_s);
    QCOMPARE(mine->from, u"ana"_s);
    QCOMPARE(mine->seq, ack->seq);
    const auto theirs = bia.waitFor(MessageType::Chat, Match::text(u"secret"_s), LongWaitMs);
    QVERIFY(theirs);
    QCOMPARE(*theirs, *mine);
    // bia answers from her server.
    bia.send(privateSay(u"ana"_s, u"reply"_s, u"pm-2"_s));
    QVERIFY(ana.waitFor(MessageType::Chat, Match::text(u"reply"_s), LongWaitMs));
    QVERIFY(bia.waitFor(MessageType::Chat, Match::text(u"reply"_s), LongWaitMs));

    // Nobody anywhere is called so: refused, nothing stored.
    ana.send(privateSay(u"nobody"_s, u"lost"_s, u"pm-x"_s));
    const auto error = ana.waitFor(MessageType::Error, withClientId(u"pm-x"_s), LongWaitMs);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::NoSuchNick);

    // One room message after them all: whoever has it has everything before it.
    bia.say(u"after"_s, u"room-2"_s);
    for (FramedTestClient *client : {&ana, &bia, &caio, &dan})
        QVERIFY(client->waitFor(MessageType::Chat, Match::text(u"after"_s), LongWaitMs));
    for (FramedTestClient *client : {&ana, &bia})
        QCOMPARE(textsOf(client->received(MessageType::Chat)),
                 QStringList({u"before"_s, u"secret"_s, u"reply"_s, u"after"_s}));
    for (FramedTestClient *client : {&caio, &dan})
        QCOMPARE(textsOf(client->received(MessageType::Chat)),
                 QStringList({u"before"_s, u"after"_s}));

    // History on join, on any server: a newcomer sees the room only; bia, back on another
    // server, sees both.
    FramedTestClient eve(three->serverPort());
    QVERIFY(eve.join(u"eve"_s));
    QCOMPARE(textsOf(historyOf(eve)), QStringList({u"before"_s, u"after"_s}));
    QVERIFY(leave(bia));
    QTRY_VERIFY_WITH_TIMEOUT(!three->room().isTaken(u"bia"_s), LongWaitMs);
    FramedTestClient bia2(three->serverPort());
    QVERIFY(bia2.join(u"bia"_s));
    QCOMPARE(textsOf(historyOf(bia2)),
             QStringList({u"before"_s, u"secret"_s, u"reply"_s, u"after"_s}));
    QCOMPARE(historyOf(bia2).at(1).to, u"bia"_s);

    // Catch-up and fetch through another server: caio and dan get the room's only, ana both.
    const quint64 first = caio.received(MessageType::Chat).constFirst().seq;
    for (const auto &[nick, expected] :
         {std::pair {u"caio"_s, QStringList({u"after"_s})},
          std::pair {u"dan"_s, QStringList({u"after"_s})},
          std::pair {u"ana"_s, QStringList({u"secret"_s, u"reply"_s, u"after"_s})}}) {
        FramedTestClient &old = nick == u"caio"_s ? caio : (nick == u"dan"_s ? dan : ana);
        QVERIFY(leave(old));
        QTRY_VERIFY_WITH_TIMEOUT(!two->room().isTaken(nick), LongWaitMs);
        FramedTestClient back(two->serverPort());
        Message hello = Message::hello(nick);
        hello.after = first;
        QVERIFY(back.join(hello));
        QCOMPARE(textsOf(historyOf(back)), expected);
        back.send(Message::fetch(0, 10));
        QVERIFY(back.waitForCount(MessageType::History, 2, {}, LongWaitMs));
        const Message page = back.received(MessageType::History).constLast();
        QCOMPARE(textsOf(page.messages), QStringList(QStringList {u"before"_s} + expected));
        QVERIFY(leave(back));
        QTRY_VERIFY_WITH_TIMEOUT(!two->room().isTaken(nick), LongWaitMs);
    }
    QCOMPARE(eve.count(MessageType::Chat), 0);
}

void TestRedisRoom::searchAcrossServers()
{
    ChatServer *one = startServer(*m_redis, u"one"_s);
    ChatServer *two = startServer(*m_redis, u"two"_s);
    QVERIFY(one && two);

    FramedTestClient ana(one->serverPort());
    FramedTestClient bia(two->serverPort());
    FramedTestClient caio(two->serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(caio.join(u"caio"_s));
    const QStringList features = caio.received(MessageType::HandshakeOk).constFirst().features;
    QVERIFY(features.contains(QString::fromLatin1(Feature::Search)));
    QTRY_VERIFY_WITH_TIMEOUT(one->room().isTaken(u"bia"_s), LongWaitMs);

    one->room().notice(u"COFFEE is served"_s);
    QVERIFY(caio.waitFor(MessageType::Notice, Match::text(u"COFFEE is served"_s), LongWaitMs));
    ana.say(u"Coffee at ten"_s, u"s-1"_s);
    ana.send(privateSay(u"bia"_s, u"secret coffee plan"_s, u"s-2"_s));
    ana.say(u"no match here"_s, u"s-3"_s);
    QVERIFY(caio.waitFor(MessageType::Chat, Match::text(u"no match here"_s), LongWaitMs));

    // Through the other server, ignoring case, a substring: the room's for everyone, the
    // private message only for its two people.
    const auto [forCaio, caioMore] = ask(caio, Message::search(u"offee"_s, 0, 0));
    QCOMPARE(textsOf(forCaio), QStringList({u"COFFEE is served"_s, u"Coffee at ten"_s}));
    QVERIFY(!caioMore);
    const QStringList all {u"COFFEE is served"_s, u"Coffee at ten"_s, u"secret coffee plan"_s};
    const auto [forBia, biaMore] = ask(bia, Message::search(u"coffee"_s, 0, 0));
    QCOMPARE(textsOf(forBia), all);
    const auto [forAna, anaMore] = ask(ana, Message::search(u"COFFEE"_s, 0, 0));
    QCOMPARE(textsOf(forAna), all);
    QCOMPARE(forAna.at(2).to, u"bia"_s);
    const auto [none, noneMore] = ask(caio, Message::search(u"secret"_s, 0, 0));
    QVERIFY(none.isEmpty());
    QVERIFY(!noneMore);

    // Newest first within the limit, and paging back from the oldest hit.
    const auto [newest, newestMore] = ask(bia, Message::search(u"coffee"_s, 0, 2));
    QCOMPARE(textsOf(newest), all.mid(1));
    QVERIFY(newestMore);
    const auto [older, olderMore] =
        ask(bia, Message::search(u"coffee"_s, newest.constFirst().seq, 2));
    QCOMPARE(textsOf(older), all.mid(0, 1));
    QVERIFY(!olderMore);
}

void TestRedisRoom::searchScansCountAgainstTheRate()
{
    // A search on Redis reads the stream entry by entry: one that reads 3,000 entries and finds
    // nothing costs three messages of the rate besides itself, though its answer is tiny.
    ServerConfig config = configFor(*m_redis, u"one"_s);
    config.maxRate = 1;
    config.rateBurst = 10;
    auto server = std::make_unique<ChatServer>(config);
    QVERIFY2(server->listen(), qPrintable(server->errorString()));
    constexpr int Stored = 3 * Protocol::ExaminedPerMessage;
    FramedTestClient watcher(server->serverPort());
    QVERIFY(watcher.join(u"watcher"_s));
    for (int i = 0; i < Stored; ++i)
        server->room().notice(u"notice %1"_s.arg(i));
    QVERIFY(watcher.waitFor(MessageType::Notice, Match::text(u"notice %1"_s.arg(Stored - 1)),
                            LongWaitMs));

    FramedTestClient ana(server->serverPort());
    QVERIFY(ana.join(u"ana"_s));
    // Three searches, each answered: 3 of the burst of 10 for the requests, 9 more for what
    // they read.
    constexpr int Searches = 3;
    QByteArray bytes;
    for (int i = 0; i < Searches; ++i)
        bytes += WireBytes::frame(Message::search(u"nowhere to be found"_s, 0, 0));
    ana.sendBytes(bytes);
    const auto isAnswer = [](const Message &m) {
        return m.end && m.query == u"nowhere to be found"_s;
    };
    QVERIFY(ana.waitForCount(MessageType::History, Searches, isAnswer, LongWaitMs));
    QCOMPARE(ana.count(MessageType::Error), 0);
    // So the next request waits for the rate (1 a second), and the client is told; had the
    // searches cost only their requests, 7 of the burst would be left and it would not wait.
    ana.send(Message::who());
    QVERIFY(ana.waitFor(MessageType::Error, Match::code(ErrorCode::RateLimited), LongWaitMs));
    QVERIFY(ana.waitFor(MessageType::Users, {}, LongWaitMs));
    QCOMPARE(ana.count(MessageType::Bye), 0);
    m_servers.push_back(std::move(server));
}

QTEST_GUILESS_MAIN(TestRedisRoom)

#include "tst_redisroom.moc"
