// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The proof of issue 11 (step 2) under faults: three servers share one room in a real
// redis-server, the desktop client's core talks to them through the fault proxy of
// tst_faultproxy (which cuts connections at random points), and one server, a real process,
// is SIGKILLed while everyone sends. Its clients go on to another server of their address
// lists, keep their nicknames with their resume tokens, and every client ends with the same
// messages in one seq order, each once, none missing.
#include <memory>
#include <vector>

#include <QHostAddress>
#include <QTest>
#include <QTimer>

#include "chatclient.h"
#include "chatperson.h"
#include "chatserver.h"
#include "faultproxy.h"
#include "messagemodel.h"
#include "redistestserver.h"
#include "serverconfig.h"
#include "serverprocess.h"
#include "testserverconfig.h"

using namespace Tagarela;
using namespace Tagarela::TestSupport;
using namespace Qt::StringLiterals;

namespace {

constexpr int LongWaitMs = 30'000;
constexpr int LeaseMs = 1500;

} // namespace

class TestRedisFailover final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serverKilledMidStream();
};

void TestRedisFailover::initTestCase()
{
    startClientsAfresh();
}

void TestRedisFailover::serverKilledMidStream()
{
    constexpr int PerClient = 120;
    constexpr int MaxCuts = 12; // per proxy; then it only relays, so that the end is calm
    constexpr quint32 Seed = 20'261'207;

    RedisTestServer redis;
    QVERIFY2(redis.start(), qPrintable(redis.errorString()));

    // The server that dies: a real process, with a lease short enough to wait out.
    qputenv("TAGARELA_TEST_REDIS_LEASE_MS", QByteArray::number(LeaseMs));
    ServerProcess doomed(QStringLiteral(TAGARELA_SERVER_BINARY));
    const bool started =
        doomed.startListening({u"--redis"_s, redis.url(), u"--max-rate"_s, u"0"_s}, LongWaitMs);
    qunsetenv("TAGARELA_TEST_REDIS_LEASE_MS");
    QVERIFY2(started, qPrintable(doomed.standardError()));
    std::vector<std::unique_ptr<ChatServer>> servers;
    for (const QString &name : {u"one"_s, u"two"_s}) {
        ServerConfig config = Testing::serverConfig(name);
        config.redisUrl = redis.url();
        config.redisOpenTimeoutMs = LongWaitMs;
        config.redisBlockMs = 1000;
        config.redisLeaseMs = LeaseMs;
        config.maxRate = 0;
        servers.push_back(std::make_unique<ChatServer>(config));
        QVERIFY2(servers.back()->listen(), qPrintable(servers.back()->errorString()));
    }

    // A fault proxy in front of each server.
    const QList<quint16> upstream {doomed.port(), servers[0]->serverPort(),
                                   servers[1]->serverPort()};
    std::vector<std::unique_ptr<FaultProxy>> proxies;
    for (int i = 0; i < 3; ++i) {
        auto proxy = std::make_unique<FaultProxy>(QHostAddress::LocalHost, upstream.at(i),
                                                  Seed + quint32(i));
        proxy->setUpstreamBudget(200, 6'000);
        proxy->setDownstreamBudget(200, 40'000);
        proxy->setMaxCuts(MaxCuts);
        QVERIFY(proxy->listen());
        proxies.push_back(std::move(proxy));
    }
    const auto address = [&proxies](int i) {
        return u"127.0.0.1:%1"_s.arg(proxies[std::size_t(i)]->port());
    };
    // Two on the doomed server (then the first of the others), one on each of the others.
    const QStringList lists {address(0) + u", "_s + address(1), address(0) + u", "_s + address(2),
                             address(1) + u", "_s + address(2), address(2) + u", "_s + address(1)};
    const int clients = int(lists.size());

    std::vector<std::unique_ptr<ChatPerson>> people;
    QStringList expected;
    for (int i = 0; i < clients; ++i) {
        auto person = std::make_unique<ChatPerson>();
        person->model->follow(person->client.get());
        person->client->setReconnectDelays(5, 100);
        person->client->setRandomSeed(Seed + quint32(i));
        person->client->connectToServer(lists.at(i), 0, u"p%1"_s.arg(i));
        for (int n = 0; n < PerClient; ++n)
            expected.append(u"p%1 m%2"_s.arg(i).arg(n));
        people.push_back(std::move(person));
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(people.cbegin(), people.cend(),
                                         [](const auto &p) { return p->client->hasHistory(); }),
                             LongWaitMs);
    QStringList nicks;
    for (const auto &person : people)
        nicks.append(person->client->nick());
    QCOMPARE(nicks, (QStringList {u"p0"_s, u"p1"_s, u"p2"_s, u"p3"_s}));

    // Each sends one message every 5 ms, whether connected or not: the outbox keeps them.
    for (int i = 0; i < clients; ++i) {
        ChatPerson *person = people[std::size_t(i)].get();
        person->sender.setInterval(5);
        connect(&person->sender, &QTimer::timeout, person->client.get(), [person, i] {
            if (person->sent == PerClient) {
                person->sender.stop();
                return;
            }
            if (person->client->say(u"p%1 m%2"_s.arg(i).arg(person->sent)))
                ++person->sent;
        });
        person->sender.start();
    }

    // Mid-stream: the doomed server dies without a word, and its address refuses from now on.
    QTRY_VERIFY_WITH_TIMEOUT(people[0]->sent >= PerClient / 3 && people[1]->sent >= PerClient / 3,
                             LongWaitMs);
    doomed.process().kill();
    QVERIFY(doomed.waitForFinished(LongWaitMs));
    proxies[0]->close();
    const int sentBeforeKill = people[0]->sent;
    QVERIFY(sentBeforeKill < PerClient);

    const auto converged = [&] {
        for (const auto &person : people) {
            if (person->sent < PerClient || !person->client->outbox().isEmpty())
                return false;
            const SeenChats seen = seenBy(*person->model);
            if (seen.unconfirmed > 0 || seen.seqs.size() < expected.size())
                return false;
        }
        return true;
    };
    const bool done = QTest::qWaitFor(converged, 4 * LongWaitMs);

    QString details;
    int cuts = 0;
    for (const auto &proxy : proxies) {
        cuts += proxy->cutCount();
        details += u"\nproxy: %1 connections, %2 cuts"_s.arg(proxy->connectionCount())
                       .arg(proxy->cutCount());
    }
    for (const auto &person : people) {
        const SeenChats seen = seenBy(*person->model);
        details += u"\n%1 (%2): state %3, sent %4, outbox %5, %6 lines, %7 unconfirmed"_s
                       .arg(person->client->nick(), person->client->host())
                       .arg(int(person->client->state()))
                       .arg(person->sent)
                       .arg(person->client->outbox().size())
                       .arg(seen.seqs.size())
                       .arg(seen.unconfirmed);
    }
    QVERIFY2(done, qPrintable(u"no convergence:"_s + details));
    QVERIFY2(cuts > 0, qPrintable(u"no cuts:"_s + details));

    // The doomed server's clients are on the others now, under their own nicknames.
    QCOMPARE(people[0]->client->currentAddress().port, proxies[1]->port());
    QCOMPARE(people[1]->client->currentAddress().port, proxies[2]->port());
    nicks.clear();
    for (const auto &person : people)
        nicks.append(person->client->nick());
    QCOMPARE(nicks, (QStringList {u"p0"_s, u"p1"_s, u"p2"_s, u"p3"_s}));
    // Every server lists the four (a client cut off at the end may still be coming back).
    for (const auto &server : servers) {
        QTRY_COMPARE_WITH_TIMEOUT(server->room().nicks(),
                                  (QStringList {u"p0"_s, u"p1"_s, u"p2"_s, u"p3"_s}), LongWaitMs);
    }

    const SeenChats reference = seenBy(*people.front()->model);
    QStringList sorted = reference.texts;
    sorted.sort();
    QStringList wanted = expected;
    wanted.sort();
    // Nothing missing, nothing twice, in strictly increasing numbers.
    QVERIFY2(sorted == wanted, qPrintable(details));
    for (qsizetype i = 1; i < reference.seqs.size(); ++i)
        QVERIFY2(reference.seqs.at(i - 1) < reference.seqs.at(i), qPrintable(details));
    // Everyone the same, in the same order.
    for (const auto &person : people) {
        const SeenChats seen = seenBy(*person->model);
        QVERIFY2(seen.seqs == reference.seqs, qPrintable(details));
        QVERIFY2(seen.texts == reference.texts, qPrintable(details));
    }
    // Each one's own messages were stored in the order they were typed.
    for (int i = 0; i < clients; ++i) {
        QStringList own;
        for (const QString &text : reference.texts) {
            if (text.startsWith(u"p%1 "_s.arg(i)))
                own.append(text);
        }
        QStringList typed;
        for (int n = 0; n < PerClient; ++n)
            typed.append(u"p%1 m%2"_s.arg(i).arg(n));
        QVERIFY2(own == typed, qPrintable(details));
    }
    qInfo().noquote() << u"seed %1, killed after p0 sent %2"_s.arg(Seed).arg(sentBeforeKill)
                      << details;
}

QTEST_GUILESS_MAIN(TestRedisFailover)
#include "tst_redisfailover.moc"
