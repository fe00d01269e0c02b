// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "redisaddress.h"
#include "redisconnection.h"
#include "redistestserver.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

constexpr int Wait = 20'000;

RedisConnection::Options optionsFor(const QString &url, const QByteArray &password = {})
{
    RedisConnection::Options options;
    QString error;
    const auto address = RedisAddress::parse(url, &error);
    if (!address)
        qFatal("bad test address %s: %s", qPrintable(url), qPrintable(error));
    options.address = *address;
    options.password = password;
    options.reconnectMinMs = 20;
    options.reconnectMaxMs = 200;
    return options;
}

// Sends one command and waits for its reply, running the event loop meanwhile.
RedisReply run(RedisConnection &connection, const QList<QByteArray> &args, int timeoutMs = 0)
{
    std::optional<RedisReply> result;
    QObject context;
    connection.command(
        args, &context, [&result](const RedisReply &reply) { result = reply; }, timeoutMs);
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, Wait))
        return RedisReply::noReply("the test waited in vain");
    return *result;
}

} // namespace

class TestRedisConnection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parsesAddresses_data();
    void parsesAddresses();
    void refusesBadAddresses_data();
    void refusesBadAddresses();
    void runsCommands();
    void failsLaterWhenNotConnected();
    void forgetsHandlersOfDeadContexts();
    void authenticates();
    void refusesAWrongPassword();
    void selectsTheDatabase();
    void connectsOverTcp();
    void reconnectsAfterRedisIsKilled();
    void dropsAConnectionThatStopsAnswering();
    void retriesWhileRedisIsAbsent();

private:
    std::unique_ptr<RedisTestServer> m_redis;
};

void TestRedisConnection::initTestCase()
{
    m_redis = std::make_unique<RedisTestServer>();
    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));
}

void TestRedisConnection::parsesAddresses_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("db");
    QTest::addColumn<QString>("written");
    const int tcp = int(RedisAddress::Kind::Tcp);
    const int unix = int(RedisAddress::Kind::Unix);
    QTest::newRow("host") << u"redis://cache.example"_s << tcp << u"cache.example"_s << 6379
                          << QString() << 0 << u"redis://cache.example:6379"_s;
    QTest::newRow("port and db") << u"redis://10.0.0.5:7000/3"_s << tcp << u"10.0.0.5"_s << 7000
                                 << QString() << 3 << u"redis://10.0.0.5:7000/3"_s;
    QTest::newRow("trailing slash") << u"redis://localhost/"_s << tcp << u"localhost"_s << 6379
                                    << QString() << 0 << u"redis://localhost:6379"_s;
    QTest::newRow("ipv6") << u"redis://[::1]:6380/1"_s << tcp << u"::1"_s << 6380 << QString() << 1
                          << u"redis://[::1]:6380/1"_s;
    QTest::newRow("unix") << u"unix:/run/redis/redis-server.sock"_s << unix << QString() << 6379
                          << u"/run/redis/redis-server.sock"_s << 0
                          << u"unix:/run/redis/redis-server.sock"_s;
    QTest::newRow("unix triple slash") << u"unix:///tmp/r.sock"_s << unix << QString() << 6379
                                       << u"/tmp/r.sock"_s << 0 << u"unix:/tmp/r.sock"_s;
    QTest::newRow("unix db") << u"unix:/tmp/r.sock?db=2"_s << unix << QString() << 6379
                             << u"/tmp/r.sock"_s << 2 << u"unix:/tmp/r.sock?db=2"_s;
}

void TestRedisConnection::parsesAddresses()
{
    QFETCH(QString, url);
    QString error;
    const auto address = RedisAddress::parse(url, &error);
    QVERIFY2(address, qPrintable(error));
    QTEST(int(address->kind), "kind");
    QTEST(address->host, "host");
    QTEST(int(address->port), "port");
    QTEST(address->socketPath, "path");
    QTEST(address->db, "db");
    QTEST(address->toString(), "written");
}

void TestRedisConnection::refusesBadAddresses_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("no scheme") << u"localhost:6379"_s << u"is not a Redis address"_s;
    QTest::newRow("http") << u"http://localhost"_s << u"is not a Redis address"_s;
    QTest::newRow("password in url") << u"redis://:secret@localhost"_s << u"password"_s;
    QTest::newRow("user in url") << u"redis://me@localhost"_s << u"password"_s;
    QTest::newRow("no host") << u"redis:///3"_s << u"no host"_s;
    QTest::newRow("port zero") << u"redis://localhost:0"_s << u"port"_s;
    QTest::newRow("port too big") << u"redis://localhost:70000"_s << u"valid"_s;
    QTest::newRow("empty port") << u"redis://localhost:/1"_s << u"port"_s;
    QTest::newRow("db not a number") << u"redis://localhost/abc"_s << u"database number"_s;
    QTest::newRow("negative db") << u"redis://localhost/-1"_s << u"database number"_s;
    QTest::newRow("path after db") << u"redis://localhost/1/2"_s << u"database number"_s;
    QTest::newRow("query") << u"redis://localhost/1?x=1"_s << u"query"_s;
    QTest::newRow("relative socket") << u"unix:redis.sock"_s << u"absolute path"_s;
    QTest::newRow("empty socket") << u"unix:"_s << u"absolute path"_s;
    QTest::newRow("socket bad query") << u"unix:/tmp/r.sock?x=1"_s << u"?db=N"_s;
    QTest::newRow("socket too long") << u"unix:/"_s + QString(120, u'a') << u"107 bytes"_s;
}

void TestRedisConnection::refusesBadAddresses()
{
    QFETCH(QString, url);
    QFETCH(QString, says);
    QString error;
    QVERIFY(!RedisAddress::parse(url, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
}

void TestRedisConnection::runsCommands()
{
    RedisConnection connection(optionsFor(m_redis->url()));
    QSignalSpy connected(&connection, &RedisConnection::connected);
    connection.open();
    QVERIFY(connected.wait(Wait));
    QVERIFY(connection.isConnected());

    const QByteArray binary("a\0b\r\n$3\r\n", 9);
    QCOMPARE(run(connection, {"SET", "commands:binary", binary}).text, "OK");
    const RedisReply value = run(connection, {"GET", "commands:binary"});
    QCOMPARE(value.type, RedisReply::Type::String);
    QCOMPARE(value.text, binary);
    QCOMPARE(run(connection, {"GET", "commands:missing"}).type, RedisReply::Type::Nil);
    QCOMPARE(run(connection, {"INCRBY", "commands:counter", "41"}).integer, 41);
    run(connection, {"RPUSH", "commands:list", "one", "two"});
    const RedisReply list = run(connection, {"LRANGE", "commands:list", "0", "-1"});
    QCOMPARE(list.type, RedisReply::Type::Array);
    QCOMPARE(list.elements.size(), 2);
    QCOMPARE(list.elements.at(1).text, "two");
    const RedisReply wrongType = run(connection, {"INCR", "commands:list"});
    QCOMPARE(wrongType.type, RedisReply::Type::Error);
    QVERIFY(wrongType.isError("WRONGTYPE"));
    QVERIFY(wrongType.failed());

    // Many commands in flight at once come back in order.
    QList<qint64> seen;
    QObject context;
    for (int i = 0; i < 500; ++i) {
        connection.command({"INCR", "commands:pipelined"}, &context,
                           [&seen](const RedisReply &reply) { seen.append(reply.integer); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 500, Wait);
    for (int i = 0; i < 500; ++i)
        QCOMPARE(seen.at(i), i + 1);
}

void TestRedisConnection::failsLaterWhenNotConnected()
{
    RedisConnection connection(optionsFor(m_redis->url()));
    bool inside = true;
    std::optional<RedisReply> result;
    QObject context;
    connection.command({"PING"}, &context, [&](const RedisReply &reply) {
        QVERIFY(!inside);
        result = reply;
    });
    inside = false;
    QVERIFY(!result);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), Wait);
    QCOMPARE(result->type, RedisReply::Type::NoReply);
    QVERIFY(result->text.contains("not connected"));
}

void TestRedisConnection::forgetsHandlersOfDeadContexts()
{
    RedisConnection connection(optionsFor(m_redis->url()));
    QSignalSpy connected(&connection, &RedisConnection::connected);
    connection.open();
    QVERIFY(connected.wait(Wait));

    bool deadCalled = false;
    auto doomed = std::make_unique<QObject>();
    connection.command({"PING"}, doomed.get(),
                       [&deadCalled](const RedisReply &) { deadCalled = true; });
    doomed.reset();
    QCOMPARE(run(connection, {"PING"}).text, "PONG"); // answered after the first one
    QVERIFY(!deadCalled);
}

void TestRedisConnection::authenticates()
{
    RedisTestServer locked;
    QVERIFY2(locked.start({u"--requirepass"_s, u"s3cr3t pass"_s}),
             qPrintable(locked.errorString()));
    RedisConnection connection(optionsFor(locked.url(), "s3cr3t pass"));
    QSignalSpy connected(&connection, &RedisConnection::connected);
    connection.open();
    QVERIFY(connected.wait(Wait));
    QCOMPARE(run(connection, {"SET", "auth:key", "v"}).text, "OK");

    // Without the password Redis answers nothing but NOAUTH: the attempt fails, and again.
    RedisConnection anonymous(optionsFor(locked.url()));
    QSignalSpy failed(&anonymous, &RedisConnection::connectFailed);
    anonymous.open();
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 2, Wait);
    QVERIFY2(failed.constFirst().constFirst().toString().contains(u"NOAUTH"_s),
             qPrintable(failed.constFirst().constFirst().toString()));
    QVERIFY(!anonymous.isConnected());
}

void TestRedisConnection::refusesAWrongPassword()
{
    RedisTestServer locked;
    QVERIFY2(locked.start({u"--requirepass"_s, u"right"_s}), qPrintable(locked.errorString()));
    RedisConnection connection(optionsFor(locked.url(), "wrong"));
    QSignalSpy failed(&connection, &RedisConnection::connectFailed);
    QSignalSpy connected(&connection, &RedisConnection::connected);
    connection.open();
    QVERIFY(failed.wait(Wait));
    const QString reason = failed.constFirst().constFirst().toString();
    QVERIFY2(reason.contains(u"AUTH failed"_s) && reason.contains(u"WRONGPASS"_s),
             qPrintable(reason));
    QCOMPARE(connected.size(), 0);
}

void TestRedisConnection::selectsTheDatabase()
{
    RedisConnection db3(optionsFor(m_redis->url() + u"?db=3"_s));
    RedisConnection db0(optionsFor(m_redis->url()));
    QSignalSpy connected3(&db3, &RedisConnection::connected);
    QSignalSpy connected0(&db0, &RedisConnection::connected);
    db3.open();
    db0.open();
    QVERIFY(connected3.wait(Wait));
    QTRY_COMPARE_WITH_TIMEOUT(connected0.size(), 1, Wait);
    QCOMPARE(run(db3, {"SET", "select:key", "three"}).text, "OK");
    QCOMPARE(run(db0, {"EXISTS", "select:key"}).integer, 0);
    QCOMPARE(run(db0, {"SELECT", "3"}).text, "OK");
    QCOMPARE(run(db0, {"GET", "select:key"}).text, "three");
}

void TestRedisConnection::connectsOverTcp()
{
    // A free port for Redis to listen on, on loopback only.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(probe.serverPort());
    probe.close();
    RedisTestServer redis;
    QVERIFY2(redis.start({u"--port"_s, port, u"--bind"_s, u"127.0.0.1"_s}),
             qPrintable(redis.errorString()));

    // By address, and by name (looked up without blocking; if the name gives ::1 first, the
    // refused address is followed by the next one).
    for (const QString &url :
         {u"redis://127.0.0.1:%1/2"_s.arg(port), u"redis://localhost:%1/2"_s.arg(port)}) {
        RedisConnection connection(optionsFor(url));
        QSignalSpy connected(&connection, &RedisConnection::connected);
        connection.open();
        QVERIFY2(connected.wait(Wait), qPrintable(url));
        QCOMPARE(run(connection, {"INCR", "tcp:count"}).integer >= 1, true);
        const RedisReply info = run(connection, {"CLIENT", "INFO"});
        QVERIFY2(info.text.contains(" db=2 "), info.text.constData());
    }
}

void TestRedisConnection::reconnectsAfterRedisIsKilled()
{
    RedisTestServer redis;
    QVERIFY2(redis.start(), qPrintable(redis.errorString()));
    RedisConnection connection(optionsFor(redis.url()));
    QSignalSpy connected(&connection, &RedisConnection::connected);
    QSignalSpy disconnected(&connection, &RedisConnection::disconnected);
    connection.open();
    QVERIFY(connected.wait(Wait));
    QCOMPARE(run(connection, {"SET", "kill:key", "kept"}).text, "OK");

    // A command waiting when Redis dies fails: it has no answer.
    std::optional<RedisReply> blocked;
    QObject context;
    connection.command(
        {"BLPOP", "kill:nothing", "0"}, &context,
        [&blocked](const RedisReply &reply) { blocked = reply; }, 60'000);
    redis.kill();
    QTRY_VERIFY_WITH_TIMEOUT(blocked.has_value(), Wait);
    QCOMPARE(blocked->type, RedisReply::Type::NoReply);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Wait);
    QVERIFY(!connection.isConnected());
    QCOMPARE(run(connection, {"PING"}).type, RedisReply::Type::NoReply);

    QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, Wait);
    QCOMPARE(run(connection, {"GET", "kill:key"}).text, "kept"); // the AOF kept it
}

void TestRedisConnection::dropsAConnectionThatStopsAnswering()
{
    RedisConnection connection(optionsFor(m_redis->url()));
    QSignalSpy connected(&connection, &RedisConnection::connected);
    QSignalSpy disconnected(&connection, &RedisConnection::disconnected);
    connection.open();
    QVERIFY(connected.wait(Wait));

    // BLPOP holds the reply back for 30 s; the client gives up after 300 ms, and so does the
    // PING behind it, which Redis cannot answer before.
    std::optional<RedisReply> blocked;
    std::optional<RedisReply> behind;
    QObject context;
    connection.command(
        {"BLPOP", "timeout:nothing", "30"}, &context,
        [&blocked](const RedisReply &reply) { blocked = reply; }, 300);
    connection.command({"PING"}, &context, [&behind](const RedisReply &reply) { behind = reply; });
    QTRY_VERIFY_WITH_TIMEOUT(blocked.has_value() && behind.has_value(), Wait);
    QCOMPARE(blocked->type, RedisReply::Type::NoReply);
    QVERIFY2(blocked->text.contains("timeout"), blocked->text.constData());
    QCOMPARE(behind->type, RedisReply::Type::NoReply);
    QCOMPARE(disconnected.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, Wait);
    QCOMPARE(run(connection, {"PING"}).text, "PONG");
}

void TestRedisConnection::retriesWhileRedisIsAbsent()
{
    QTemporaryDir dir;
    const QString socket = dir.filePath(u"nobody.sock"_s);
    RedisConnection connection(optionsFor(u"unix:"_s + socket));
    QSignalSpy failed(&connection, &RedisConnection::connectFailed);
    connection.open();
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 3, Wait);
    QVERIFY2(failed.constFirst().constFirst().toString().contains(socket),
             qPrintable(failed.constFirst().constFirst().toString()));
    connection.close();
    QVERIFY(!connection.isConnected());
}

QTEST_GUILESS_MAIN(TestRedisConnection)
#include "tst_redisconnection.moc"
