// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Nicknames across servers sharing one room in a real redis-server (issue 11, step 2): claimed
// atomically (two servers asked for one name in the same instant: one wins), held for the
// resume grace when their user drops or their server dies, resumed on any server with the
// token, and let go of at once when a server shuts down cleanly.
#include <memory>
#include <vector>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include "chatserver.h"
#include "framedtestclient.h"
#include "linetestclient.h"
#include "message.h"
#include "redistestserver.h"
#include "serverprocess.h"
#include "testserverconfig.h"
#include "validation.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

constexpr int LongWaitMs = 30'000;
// A lease the tests can wait out: a dead server is noticed within seconds.
constexpr int ShortLeaseMs = 1500;

// The welcome or the refusal \a client got for its hello; nullopt if neither came.
std::optional<Message> answerToHello(FramedTestClient &client)
{
    const auto answered = [&client] {
        return client.count(MessageType::Welcome) + client.count(MessageType::Error) > 0;
    };
    if (!QTest::qWaitFor(answered, LongWaitMs))
        return std::nullopt;
    const QList<Message> welcome = client.received(MessageType::Welcome);
    return welcome.isEmpty() ? client.received(MessageType::Error).constFirst()
                             : welcome.constFirst();
}

// Everything Redis wrote to its append-only files (every write, appendfsync always).
QByteArray redisFiles(const RedisTestServer &redis)
{
    QByteArray all;
    QDirIterator files(QFileInfo(redis.socketPath()).absolutePath(), QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

Match::Predicate withClientId(const QString &clientId)
{
    return [clientId](const Message &message) {
        return message.clientId == clientId;
    };
}

Message helloWith(const QString &nick, const QString &resume, quint64 after = 0)
{
    Message hello = Message::hello(nick);
    hello.resume = resume;
    hello.after = after;
    return hello;
}

} // namespace

class TestRedisNicks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void simultaneousJoinsOneWins();
    void simultaneousRenamesOneWins();
    void droppedUserResumesOnAnotherServer();
    void quitLetsTheNicknameGo();
    void deadServersNicknamesHeldAndResumed();
    void cleanShutdownTellsTheOthersAtOnce();

private:
    ServerConfig configFor(const QString &name) const;
    ChatServer *startServer(const QString &name);

    std::unique_ptr<RedisTestServer> m_redis;
    std::vector<std::unique_ptr<ChatServer>> m_servers;
};

void TestRedisNicks::init()
{
    m_redis = std::make_unique<RedisTestServer>();
    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));
}

void TestRedisNicks::cleanup()
{
    m_servers.clear();
    m_redis.reset();
}

ServerConfig TestRedisNicks::configFor(const QString &name) const
{
    ServerConfig config = Testing::serverConfig(name);
    config.redisUrl = m_redis->url();
    config.redisOpenTimeoutMs = LongWaitMs;
    config.redisBlockMs = 1000;
    config.redisLeaseMs = ShortLeaseMs;
    return config;
}

ChatServer *TestRedisNicks::startServer(const QString &name)
{
    auto server = std::make_unique<ChatServer>(configFor(name));
    if (!server->listen()) {
        qWarning() << "server" << name << "did not start:" << server->errorString();
        return nullptr;
    }
    m_servers.push_back(std::move(server));
    return m_servers.back().get();
}

void TestRedisNicks::simultaneousJoinsOneWins()
{
    ChatServer *one = startServer(u"one"_s);
    ChatServer *two = startServer(u"two"_s);
    QVERIFY(one && two);

    // Several rounds: each time both hellos are on their way before either is answered.
    for (int round = 0; round < 5; ++round) {
        const QString nick = u"ana%1"_s.arg(round);
        FramedTestClient first(one->serverPort());
        FramedTestClient second(two->serverPort());
        QVERIFY(first.handshake());
        QVERIFY(second.handshake());
        first.send(Message::hello(nick));
        second.send(Message::hello(nick));
        const std::optional<Message> a = answerToHello(first);
        const std::optional<Message> b = answerToHello(second);
        QVERIFY(a && b);
        QCOMPARE(int(a->type == MessageType::Welcome) + int(b->type == MessageType::Welcome), 1);
        const Message &refused = a->type == MessageType::Error ? *a : *b;
        QCOMPARE(refused.code, ErrorCode::NickTaken);
        QVERIFY(!refused.suggestion.isEmpty());
        QVERIFY(Validation::nickKey(refused.suggestion) != Validation::nickKey(nick));
        // Both servers agree on who has it.
        QTRY_VERIFY_WITH_TIMEOUT(one->room().isTaken(nick) && two->room().isTaken(nick),
                                 LongWaitMs);
        QCOMPARE(int(one->room().find(nick) != nullptr) + int(two->room().find(nick) != nullptr),
                 1);
        // The refused one takes the suggestion.
        FramedTestClient &loser = a->type == MessageType::Error ? first : second;
        QVERIFY(loser.join(refused.suggestion, LongWaitMs));
    }
}

void TestRedisNicks::simultaneousRenamesOneWins()
{
    ChatServer *one = startServer(u"one"_s);
    ChatServer *two = startServer(u"two"_s);
    QVERIFY(one && two);
    FramedTestClient ana(one->serverPort());
    FramedTestClient bia(two->serverPort());
    QVERIFY(ana.join(u"ana"_s, LongWaitMs));
    QVERIFY(bia.join(u"bia"_s, LongWaitMs));

    for (int round = 0; round < 5; ++round) {
        const QString wanted = u"zoe%1"_s.arg(round);
        ana.send(Message::setNick(wanted));
        bia.send(Message::setNick(wanted));
        const auto isRename = [&wanted](const Message &m) {
            return m.nick == wanted;
        };
        const auto refusals = [&] {
            return ana.count(MessageType::Error, Match::code(ErrorCode::NickTaken)) +
                bia.count(MessageType::Error, Match::code(ErrorCode::NickTaken));
        };
        // Each sees the one rename (its own or the other's), once; the other was refused.
        QTRY_COMPARE_WITH_TIMEOUT(ana.count(MessageType::Renamed, isRename), 1, LongWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(bia.count(MessageType::Renamed, isRename), 1, LongWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(refusals(), round + 1, LongWaitMs);
        QCOMPARE(
            int(one->room().find(wanted) != nullptr) + int(two->room().find(wanted) != nullptr), 1);
    }
}

void TestRedisNicks::droppedUserResumesOnAnotherServer()
{
    ChatServer *one = startServer(u"one"_s);
    ChatServer *two = startServer(u"two"_s);
    QVERIFY(one && two);
    FramedTestClient bob(two->serverPort());
    QVERIFY(bob.join(u"bob"_s, LongWaitMs));
    FramedTestClient ana(one->serverPort());
    QVERIFY(ana.join(u"ana"_s, LongWaitMs));
    const QString token = ana.received(MessageType::Welcome).constFirst().resume;
    QVERIFY(!token.isEmpty());
    bob.say(u"before"_s, u"c-before"_s);
    const std::optional<Message> before =
        ana.waitFor(MessageType::Chat, Match::text(u"before"_s), LongWaitMs);
    QVERIFY(before);

    // The connection drops (no quit): the nickname is held for ana's token, on every server.
    ana.disconnectFromServer();
    QVERIFY(bob.waitFor(MessageType::Left, Match::nick(u"ana"_s), LongWaitMs));
    bob.say(u"while away"_s, u"c-away"_s);
    QVERIFY(bob.waitFor(MessageType::Ack, withClientId(u"c-away"_s), LongWaitMs));
    // Redis keeps the token's hash for the hold, never the token.
    const QByteArray hash =
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
    QTRY_VERIFY_WITH_TIMEOUT(redisFiles(*m_redis).contains(hash), LongWaitMs);
    QVERIFY(!redisFiles(*m_redis).contains(token.toUtf8()));
    FramedTestClient impostor(two->serverPort());
    QVERIFY(!impostor.join(u"ana"_s, LongWaitMs));
    QVERIFY(impostor.waitFor(MessageType::Error, Match::code(ErrorCode::NickTaken), LongWaitMs));
    FramedTestClient wrongToken(two->serverPort());
    QVERIFY(
        !wrongToken.join(helloWith(u"ana"_s, u"0123456789abcdef0123456789abcdef"_s), LongWaitMs));

    // ana comes back through the other server with its token: the nickname, and what was
    // said meanwhile.
    FramedTestClient back(two->serverPort());
    QVERIFY(back.join(helloWith(u"ana"_s, token, before->seq), LongWaitMs));
    QCOMPARE(back.nick(), u"ana"_s);
    QVERIFY(!back.received(MessageType::Welcome).constFirst().resume.isEmpty());
    QVERIFY(back.waitFor(MessageType::History, {}, LongWaitMs));
    QList<Message> caughtUp;
    for (const Message &frame : back.received(MessageType::History))
        caughtUp += frame.messages;
    QCOMPARE(caughtUp.size(), 1);
    QCOMPARE(caughtUp.constFirst().text, u"while away"_s);
    QVERIFY(bob.waitForCount(MessageType::Joined, 2, Match::nick(u"ana"_s), LongWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(one->room().isTaken(u"ana"_s), LongWaitMs);
    QVERIFY(!one->room().find(u"ana"_s));
    // Its old server holds it no more: once ana quits, anyone there may take it.
    back.send(Message::quit());
    QVERIFY(back.waitForClosed(LongWaitMs));
    QVERIFY(bob.waitForCount(MessageType::Left, 2, Match::nick(u"ana"_s), LongWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(!one->room().isTaken(u"ana"_s), LongWaitMs);
    FramedTestClient newcomer(one->serverPort());
    QVERIFY(newcomer.join(u"ana"_s, LongWaitMs));
}

void TestRedisNicks::quitLetsTheNicknameGo()
{
    ChatServer *one = startServer(u"one"_s);
    ChatServer *two = startServer(u"two"_s);
    QVERIFY(one && two);
    FramedTestClient bob(two->serverPort());
    QVERIFY(bob.join(u"bob"_s, LongWaitMs));
    FramedTestClient ana(one->serverPort());
    QVERIFY(ana.join(u"ana"_s, LongWaitMs));
    ana.send(Message::quit());
    QVERIFY(ana.waitForClosed(LongWaitMs));
    QVERIFY(bob.waitFor(MessageType::Left, Match::nick(u"ana"_s), LongWaitMs));
    // Not held: someone else takes it on the other server at once.
    FramedTestClient other(two->serverPort());
    QVERIFY(other.join(u"ana"_s, LongWaitMs));
    // And a text client, which has no token, is never held either.
    auto text = std::make_unique<LineTestClient>(one->serverPort());
    QVERIFY(text->join(u"carla"_s, LongWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(two->room().isTaken(u"carla"_s), LongWaitMs);
    text.reset(); // the connection drops
    QVERIFY(bob.waitFor(MessageType::Left, Match::nick(u"carla"_s), LongWaitMs));
    FramedTestClient carla(two->serverPort());
    QVERIFY(carla.join(u"carla"_s, LongWaitMs));
}

void TestRedisNicks::deadServersNicknamesHeldAndResumed()
{
    // A real process, so that it can die without a word; its lease short enough to wait out.
    qputenv("TAGARELA_TEST_REDIS_LEASE_MS", QByteArray::number(ShortLeaseMs));
    ServerProcess doomed(QStringLiteral(TAGARELA_SERVER_BINARY));
    const bool started = doomed.startListening({u"--redis"_s, m_redis->url()}, LongWaitMs);
    qunsetenv("TAGARELA_TEST_REDIS_LEASE_MS");
    QVERIFY(started);
    ChatServer *one = startServer(u"one"_s);
    ChatServer *two = startServer(u"two"_s);
    QVERIFY(one && two);
    FramedTestClient bob(one->serverPort());
    QVERIFY(bob.join(u"bob"_s, LongWaitMs));
    FramedTestClient victim(doomed.port());
    QVERIFY(victim.join(u"victim"_s, LongWaitMs));
    const QString token = victim.received(MessageType::Welcome).constFirst().resume;
    QVERIFY(bob.waitFor(MessageType::Joined, Match::nick(u"victim"_s), LongWaitMs));
    bob.say(u"before"_s, u"c-before"_s);
    const std::optional<Message> before =
        victim.waitFor(MessageType::Chat, Match::text(u"before"_s), LongWaitMs);
    QVERIFY(before);

    doomed.process().kill();
    QVERIFY(doomed.waitForFinished(LongWaitMs));
    QVERIFY(victim.waitForClosed(LongWaitMs));
    QVERIFY(bob.waitFor(MessageType::Left, Match::nick(u"victim"_s), LongWaitMs));
    bob.say(u"after"_s, u"c-after"_s);
    QVERIFY(bob.waitFor(MessageType::Ack, withClientId(u"c-after"_s), LongWaitMs));

    // Held for the resume grace, on every server: nobody else gets it.
    FramedTestClient latecomer(two->serverPort());
    QVERIFY(!latecomer.join(u"victim"_s, LongWaitMs));
    QVERIFY(latecomer.waitFor(MessageType::Error, Match::code(ErrorCode::NickTaken), LongWaitMs));
    // Its user, with the token, gets it back on another server, with what it missed.
    FramedTestClient back(two->serverPort());
    QVERIFY(back.join(helloWith(u"victim"_s, token, before->seq), LongWaitMs));
    QCOMPARE(back.nick(), u"victim"_s);
    QList<Message> caughtUp;
    for (const Message &frame : back.received(MessageType::History))
        caughtUp += frame.messages;
    QCOMPARE(caughtUp.size(), 1);
    QCOMPARE(caughtUp.constFirst().text, u"after"_s);
    QVERIFY(bob.waitForCount(MessageType::Joined, 2, Match::nick(u"victim"_s), LongWaitMs));
    // Announced left once, by one survivor.
    bob.say(u"marker"_s, u"c-marker"_s);
    QVERIFY(back.waitFor(MessageType::Chat, Match::text(u"marker"_s), LongWaitMs));
    QCOMPARE(bob.count(MessageType::Left, Match::nick(u"victim"_s)), 1);
    QCOMPARE(back.count(MessageType::Left, Match::nick(u"victim"_s)), 0);
}

void TestRedisNicks::cleanShutdownTellsTheOthersAtOnce()
{
    // A lease far longer than the test: only the leaving server's own words can tell the
    // others that its users left.
    qputenv("TAGARELA_TEST_REDIS_LEASE_MS", QByteArray::number(3'600'000));
    ServerProcess leaving(QStringLiteral(TAGARELA_SERVER_BINARY));
    const bool started = leaving.startListening({u"--redis"_s, m_redis->url()}, LongWaitMs);
    qunsetenv("TAGARELA_TEST_REDIS_LEASE_MS");
    QVERIFY(started);
    ChatServer *one = startServer(u"one"_s);
    QVERIFY(one);
    FramedTestClient bob(one->serverPort());
    QVERIFY(bob.join(u"bob"_s, LongWaitMs));
    std::vector<std::unique_ptr<FramedTestClient>> theirs;
    for (int i = 0; i < 5; ++i) {
        theirs.push_back(std::make_unique<FramedTestClient>(leaving.port()));
        QVERIFY(theirs.back()->join(u"user%1"_s.arg(i), LongWaitMs));
    }
    QVERIFY(bob.waitForCount(MessageType::Joined, 5, {}, LongWaitMs));

    leaving.process().terminate(); // SIGTERM
    QVERIFY(leaving.waitForFinished(LongWaitMs));
    QCOMPARE(leaving.exitStatus(), QProcess::NormalExit);
    QVERIFY(bob.waitForCount(MessageType::Left, 5, {}, LongWaitMs));
    for (int i = 0; i < 5; ++i) {
        const QString nick = u"user%1"_s.arg(i);
        QVERIFY(!one->room().isTaken(nick));
        // Gone from Redis too: a server that starts now does not count them in.
        FramedTestClient again(one->serverPort());
        QVERIFY(again.join(nick, LongWaitMs));
        again.send(Message::quit());
        QVERIFY(again.waitForClosed(LongWaitMs));
    }
    ChatServer *later = startServer(u"later"_s);
    QVERIFY(later);
    QCOMPARE(later->room().nicks(), QStringList {u"bob"_s});
}

QTEST_GUILESS_MAIN(TestRedisNicks)
#include "tst_redisnicks.moc"
