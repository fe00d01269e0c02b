// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include "protocol.h"
#include "serverconfig.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

using Outcome = ServerOptions::Outcome;

QStringList commandLine(const QStringList &options)
{
    return QStringList {u"tagarela-server"_s} + options;
}

// The config field an option sets, as a number, by the option's name.
qint64 field(const ServerConfig &config, const QString &option)
{
    if (option == "port"_L1)
        return config.port;
    if (option == "max-clients"_L1)
        return config.maxClients;
    if (option == "max-per-ip"_L1)
        return config.maxPerIp;
    if (option == "max-rate"_L1)
        return qint64(config.maxRate);
    if (option == "rate-burst"_L1)
        return config.rateBurst;
    if (option == "max-frame"_L1)
        return config.maxFrame;
    if (option == "max-text"_L1)
        return config.maxText;
    if (option == "max-line"_L1)
        return config.maxLine;
    if (option == "max-pending"_L1)
        return config.maxPendingOutput;
    if (option == "max-pending-total"_L1)
        return config.maxPendingTotal;
    if (option == "max-unjoined"_L1)
        return config.maxUnjoined;
    if (option == "handshake-timeout"_L1)
        return config.handshakeTimeoutMs;
    if (option == "nick-timeout"_L1)
        return config.nickTimeoutMs;
    if (option == "heartbeat"_L1)
        return config.heartbeatMs;
    if (option == "heartbeat-timeout"_L1)
        return config.heartbeatTimeoutMs;
    qFatal("unknown option in test data");
}

} // namespace

class TestServerOptions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void defaults();
    void number_data();
    void number();
    void badNumber_data();
    void badNumber();
    void bind_data();
    void bind();
    void badBind_data();
    void badBind();
    void nameAndQuiet();
    void reusePort();
    void helpAndVersion_data();
    void helpAndVersion();
    void badCommandLine_data();
    void badCommandLine();
    void heartbeatTimeoutMustExceedHeartbeat_data();
    void heartbeatTimeoutMustExceedHeartbeat();
    void frameMustHoldText();
    void redis_data();
    void redis();
    void redisPasswordFromFileOrEnvironment();
    void badRedis_data();
    void badRedis();
};

void TestServerOptions::initTestCase()
{
    QCoreApplication::setApplicationName(u"tagarela-server"_s);
    QCoreApplication::setApplicationVersion(u"9.8.7"_s);
}

void TestServerOptions::defaults()
{
    ServerConfig config;
    config.port = 1; // proves that parse() writes it
    config.maxClients = -1;
    config.quiet = true;
    QString message;
    QCOMPARE(ServerOptions::parse(commandLine({}), &config, &message), Outcome::Run);

    QCOMPARE(config.bindAddress, QHostAddress(QHostAddress::Any));
    QCOMPARE(config.port, quint16(3000));
    QCOMPARE(config.serverName, QString());
    QCOMPARE(config.maxClients, 1000);
    QCOMPARE(config.maxPerIp, 16);
    QCOMPARE(config.maxRate, 5.0);
    QCOMPARE(config.rateBurst, 20);
    QCOMPARE(config.maxFrame, Protocol::DefaultMaxFrame);
    QCOMPARE(config.maxText, Protocol::DefaultMaxText);
    QCOMPARE(config.maxLine, 4096);
    QCOMPARE(config.maxPendingOutput, qint64(1024 * 1024));
    QCOMPARE(config.maxPendingTotal, qint64(64 * 1024 * 1024));
    QCOMPARE(config.maxUnjoined, 256);
    QCOMPARE(config.handshakeTimeoutMs, 10'000);
    QCOMPARE(config.nickTimeoutMs, 120'000);
    QCOMPARE(config.heartbeatMs, Protocol::DefaultHeartbeatMs);
    QCOMPARE(config.heartbeatTimeoutMs, 45'000);
    QCOMPARE(config.detectTimeoutMs, 1000);
    QCOMPARE(config.quiet, false);
}

void TestServerOptions::number_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("option"); // the one whose field is checked
    QTest::addColumn<qint64>("expected");

    const auto row = [](const char *name, const QStringList &options, const QString &option,
                        qint64 expected) {
        QTest::newRow(name) << options << option << expected;
    };
    row("port", {u"--port"_s, u"4567"_s}, u"port"_s, 4567);
    row("port=", {u"--port=4568"_s}, u"port"_s, 4568);
    row("port 0", {u"--port"_s, u"0"_s}, u"port"_s, 0);
    row("port 65535", {u"--port"_s, u"65535"_s}, u"port"_s, 65535);
    row("max-clients", {u"--max-clients"_s, u"50"_s}, u"max-clients"_s, 50);
    row("max-clients 0", {u"--max-clients"_s, u"0"_s}, u"max-clients"_s, 0);
    row("max-per-ip", {u"--max-per-ip"_s, u"3"_s}, u"max-per-ip"_s, 3);
    row("max-per-ip 0", {u"--max-per-ip"_s, u"0"_s}, u"max-per-ip"_s, 0);
    row("max-rate", {u"--max-rate"_s, u"12"_s}, u"max-rate"_s, 12);
    row("max-rate 0", {u"--max-rate"_s, u"0"_s}, u"max-rate"_s, 0);
    row("rate-burst", {u"--rate-burst"_s, u"7"_s}, u"rate-burst"_s, 7);
    row("rate-burst 1", {u"--rate-burst"_s, u"1"_s}, u"rate-burst"_s, 1);
    row("max-frame", {u"--max-frame"_s, u"100000"_s}, u"max-frame"_s, 100000);
    row("max-frame 16 MiB", {u"--max-frame"_s, u"16777216"_s}, u"max-frame"_s, 16 * 1024 * 1024);
    row("max-frame 256", {u"--max-frame"_s, u"256"_s, u"--max-text"_s, u"16"_s}, u"max-frame"_s,
        256);
    row("max-text", {u"--max-text"_s, u"1000"_s}, u"max-text"_s, 1000);
    row("max-text 16", {u"--max-text"_s, u"16"_s}, u"max-text"_s, 16);
    row("max-text 1 MiB", {u"--max-text"_s, u"1048576"_s, u"--max-frame"_s, u"2000000"_s},
        u"max-text"_s, 1024 * 1024);
    row("max-line", {u"--max-line"_s, u"512"_s}, u"max-line"_s, 512);
    row("max-line 64", {u"--max-line"_s, u"64"_s}, u"max-line"_s, 64);
    row("max-pending KiB", {u"--max-pending"_s, u"64"_s}, u"max-pending"_s, 64 * 1024);
    row("max-pending 0", {u"--max-pending"_s, u"0"_s}, u"max-pending"_s, 0);
    row("max-pending large", {u"--max-pending"_s, u"4194304"_s}, u"max-pending"_s,
        qint64(4194304) * 1024);
    row("max-pending-total MiB", {u"--max-pending-total"_s, u"16"_s}, u"max-pending-total"_s,
        16 * 1024 * 1024);
    row("max-pending-total 0", {u"--max-pending-total"_s, u"0"_s}, u"max-pending-total"_s, 0);
    row("max-unjoined", {u"--max-unjoined"_s, u"32"_s}, u"max-unjoined"_s, 32);
    row("max-unjoined 0", {u"--max-unjoined"_s, u"0"_s}, u"max-unjoined"_s, 0);
    row("handshake-timeout s", {u"--handshake-timeout"_s, u"3"_s}, u"handshake-timeout"_s, 3000);
    row("nick-timeout s", {u"--nick-timeout"_s, u"60"_s}, u"nick-timeout"_s, 60'000);
    row("heartbeat s", {u"--heartbeat"_s, u"20"_s}, u"heartbeat"_s, 20'000);
    row("heartbeat 0", {u"--heartbeat"_s, u"0"_s}, u"heartbeat"_s, 0);
    row("heartbeat 0 allows any timeout",
        {u"--heartbeat"_s, u"0"_s, u"--heartbeat-timeout"_s, u"1"_s}, u"heartbeat-timeout"_s, 1000);
    row("heartbeat-timeout s", {u"--heartbeat-timeout"_s, u"90"_s}, u"heartbeat-timeout"_s, 90'000);
    row("heartbeat-timeout max", {u"--heartbeat-timeout"_s, u"86400"_s}, u"heartbeat-timeout"_s,
        86'400'000);
    row("heartbeat max", {u"--heartbeat"_s, u"3600"_s, u"--heartbeat-timeout"_s, u"3601"_s},
        u"heartbeat"_s, 3'600'000);
    row("leading zeros", {u"--max-clients"_s, u"007"_s}, u"max-clients"_s, 7);
}

void TestServerOptions::number()
{
    QFETCH(QStringList, options);
    QFETCH(QString, option);
    QFETCH(qint64, expected);

    ServerConfig config;
    QString message;
    const Outcome outcome = ServerOptions::parse(commandLine(options), &config, &message);
    QVERIFY2(outcome == Outcome::Run, qPrintable(message));
    QCOMPARE(field(config, option), expected);

    // Options not given keep their defaults.
    QStringList given;
    for (const QString &argument : std::as_const(options)) {
        if (argument.startsWith(u"--"_s))
            given.append(argument.mid(2).section(u'=', 0, 0));
    }
    const ServerConfig defaults;
    const QStringList all = {u"port"_s,
                             u"max-clients"_s,
                             u"max-per-ip"_s,
                             u"max-rate"_s,
                             u"rate-burst"_s,
                             u"max-frame"_s,
                             u"max-text"_s,
                             u"max-line"_s,
                             u"max-pending"_s,
                             u"max-pending-total"_s,
                             u"max-unjoined"_s,
                             u"nick-timeout"_s,
                             u"handshake-timeout"_s,
                             u"heartbeat"_s,
                             u"heartbeat-timeout"_s};
    for (const QString &other : all) {
        if (!given.contains(other))
            QCOMPARE(field(config, other), field(defaults, other));
    }
}

void TestServerOptions::badNumber_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");

    const auto row = [](const QString &option, const QString &value) {
        QTest::addRow("%s %s", qPrintable(option), qPrintable(value)) << option << value;
    };
    row(u"port"_s, u"-1"_s);
    row(u"port"_s, u"65536"_s);
    row(u"port"_s, u"http"_s);
    row(u"port"_s, u""_s);
    row(u"port"_s, u"80x"_s);
    row(u"port"_s, u"1.5"_s);
    row(u"max-clients"_s, u"-1"_s);
    row(u"max-clients"_s, u"2147483648"_s);
    row(u"max-clients"_s, u"many"_s);
    row(u"max-per-ip"_s, u"-1"_s);
    row(u"max-per-ip"_s, u"99999999999"_s);
    row(u"max-rate"_s, u"-1"_s);
    row(u"max-rate"_s, u"1000001"_s);
    row(u"max-rate"_s, u"0.5"_s);
    row(u"rate-burst"_s, u"0"_s);
    row(u"rate-burst"_s, u"1000001"_s);
    row(u"max-frame"_s, u"255"_s);
    row(u"max-frame"_s, u"16777217"_s);
    row(u"max-frame"_s, u"64k"_s);
    row(u"max-text"_s, u"15"_s);
    row(u"max-text"_s, u"1048577"_s);
    row(u"max-line"_s, u"63"_s);
    row(u"max-line"_s, u"1048577"_s);
    row(u"max-pending"_s, u"-1"_s);
    row(u"max-pending"_s, u"2147483648"_s);
    row(u"max-pending-total"_s, u"-1"_s);
    row(u"max-pending-total"_s, u"1048577"_s);
    row(u"max-unjoined"_s, u"-1"_s);
    row(u"handshake-timeout"_s, u"0"_s);
    row(u"handshake-timeout"_s, u"3601"_s);
    row(u"nick-timeout"_s, u"0"_s);
    row(u"nick-timeout"_s, u"3601"_s);
    row(u"heartbeat"_s, u"-1"_s);
    row(u"heartbeat"_s, u"3601"_s);
    row(u"heartbeat-timeout"_s, u"0"_s);
    row(u"heartbeat-timeout"_s, u"86401"_s);
    row(u"heartbeat-timeout"_s, u"soon"_s);
}

void TestServerOptions::badNumber()
{
    QFETCH(QString, option);
    QFETCH(QString, value);

    ServerConfig config;
    QString message;
    // "--opt=value" so that a negative number is not read as an option.
    const QStringList arguments = commandLine({u"--"_s + option + u'=' + value});
    QCOMPARE(ServerOptions::parse(arguments, &config, &message), Outcome::ExitError);
    QVERIFY2(message.contains(u"--"_s + option + u':'), qPrintable(message));
    QVERIFY2(message.contains(u'"' + value + u'"'), qPrintable(message));
}

void TestServerOptions::bind_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QHostAddress>("expected");

    QTest::newRow("::1") << u"::1"_s << QHostAddress(QHostAddress::LocalHostIPv6);
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("0.0.0.0") << u"0.0.0.0"_s << QHostAddress(QHostAddress::AnyIPv4);
    QTest::newRow("::") << u"::"_s << QHostAddress(QHostAddress::AnyIPv6);
    QTest::newRow("192.0.2.7") << u"192.0.2.7"_s << QHostAddress(u"192.0.2.7"_s);
    QTest::newRow("2001:db8::1") << u"2001:db8::1"_s << QHostAddress(u"2001:db8::1"_s);
}

void TestServerOptions::bind()
{
    QFETCH(QString, address);
    QFETCH(QHostAddress, expected);

    ServerConfig config;
    QString message;
    const Outcome outcome =
        ServerOptions::parse(commandLine({u"--bind"_s, address}), &config, &message);
    QVERIFY2(outcome == Outcome::Run, qPrintable(message));
    QCOMPARE(config.bindAddress, expected);
    QCOMPARE(config.port, quint16(3000));
}

void TestServerOptions::badBind_data()
{
    QTest::addColumn<QString>("address");

    QTest::newRow("word") << u"not-an-address"_s;
    QTest::newRow("host name") << u"localhost"_s;
    QTest::newRow("octet too large") << u"256.0.0.1"_s;
    QTest::newRow("with port") << u"127.0.0.1:3000"_s;
    QTest::newRow("bad IPv6") << u"::1::2"_s;
    QTest::newRow("empty") << QString();
}

void TestServerOptions::badBind()
{
    QFETCH(QString, address);

    ServerConfig config;
    QString message;
    QCOMPARE(ServerOptions::parse(commandLine({u"--bind"_s, address}), &config, &message),
             Outcome::ExitError);
    QVERIFY2(message.contains(u"--bind"_s), qPrintable(message));
    QVERIFY2(message.contains(u'"' + address + u'"'), qPrintable(message));
}

void TestServerOptions::nameAndQuiet()
{
    ServerConfig config;
    QString message;
    QCOMPARE(ServerOptions::parse(commandLine({u"--name"_s, u"Sala da Tagarela"_s, u"--quiet"_s}),
                                  &config, &message),
             Outcome::Run);
    QCOMPARE(config.serverName, u"Sala da Tagarela"_s);
    QCOMPARE(config.quiet, true);
    QCOMPARE(config.port, quint16(3000));
}

void TestServerOptions::reusePort()
{
    ServerConfig config;
    QString message;
    QCOMPARE(ServerOptions::parse(commandLine({}), &config, &message), Outcome::Run);
    QCOMPARE(config.reusePort, false);
    QCOMPARE(ServerOptions::parse(commandLine({u"--reuse-port"_s}), &config, &message),
             Outcome::Run);
    QCOMPARE(config.reusePort, true);
}

void TestServerOptions::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("help"); // false: version

    QTest::newRow("--help") << QStringList {u"--help"_s} << true;
    QTest::newRow("-h") << QStringList {u"-h"_s} << true;
    QTest::newRow("--help-all") << QStringList {u"--help-all"_s} << true;
    QTest::newRow("--help with others") << QStringList {u"--port"_s, u"1"_s, u"--help"_s} << true;
    QTest::newRow("--version") << QStringList {u"--version"_s} << false;
    QTest::newRow("-v") << QStringList {u"-v"_s} << false;
}

void TestServerOptions::helpAndVersion()
{
    QFETCH(QStringList, options);
    QFETCH(bool, help);

    ServerConfig config;
    QString message;
    QCOMPARE(ServerOptions::parse(commandLine(options), &config, &message), Outcome::ExitOk);
    QVERIFY(!message.isEmpty());
    if (help) {
        const QStringList documented = {u"--bind"_s,
                                        u"--port"_s,
                                        u"--max-clients"_s,
                                        u"--max-per-ip"_s,
                                        u"--max-rate"_s,
                                        u"--rate-burst"_s,
                                        u"--max-frame"_s,
                                        u"--max-text"_s,
                                        u"--max-line"_s,
                                        u"--max-pending"_s,
                                        u"--handshake-timeout"_s,
                                        u"--nick-timeout"_s,
                                        u"--heartbeat"_s,
                                        u"--heartbeat-timeout"_s,
                                        u"--name"_s,
                                        u"--quiet"_s,
                                        u"--help"_s,
                                        u"--version"_s};
        for (const QString &option : documented)
            QVERIFY2(message.contains(option), qPrintable(option));
        // Defaults are shown in the help.
        QVERIFY2(message.contains(u"3000"_s), qPrintable(message));
    } else {
        QCOMPARE(message, u"tagarela-server 9.8.7\n"_s);
    }
}

void TestServerOptions::badCommandLine_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("mentioned");

    QTest::newRow("unknown option") << QStringList {u"--colour"_s} << u"colour"_s;
    QTest::newRow("unknown short option") << QStringList {u"-x"_s} << u"x"_s;
    QTest::newRow("missing value") << QStringList {u"--port"_s} << u"port"_s;
    QTest::newRow("positional") << QStringList {u"extra"_s} << u"extra"_s;
    QTest::newRow("value to a flag") << QStringList {u"--quiet=yes"_s} << u"quiet"_s;
}

void TestServerOptions::badCommandLine()
{
    QFETCH(QStringList, options);
    QFETCH(QString, mentioned);

    ServerConfig config;
    QString message;
    QCOMPARE(ServerOptions::parse(commandLine(options), &config, &message), Outcome::ExitError);
    QVERIFY2(message.contains(mentioned), qPrintable(message));
}

void TestServerOptions::heartbeatTimeoutMustExceedHeartbeat_data()
{
    QTest::addColumn<QStringList>("options");

    QTest::newRow("equal") << QStringList {u"--heartbeat"_s, u"30"_s, u"--heartbeat-timeout"_s,
                                           u"30"_s};
    QTest::newRow("shorter") << QStringList {u"--heartbeat"_s, u"30"_s, u"--heartbeat-timeout"_s,
                                             u"10"_s};
    QTest::newRow("timeout below default heartbeat")
        << QStringList {u"--heartbeat-timeout"_s, u"15"_s};
    QTest::newRow("heartbeat above default timeout") << QStringList {u"--heartbeat"_s, u"45"_s};
}

void TestServerOptions::heartbeatTimeoutMustExceedHeartbeat()
{
    QFETCH(QStringList, options);

    ServerConfig config;
    QString message;
    QCOMPARE(ServerOptions::parse(commandLine(options), &config, &message), Outcome::ExitError);
    QVERIFY2(message.contains(u"--heartbeat-timeout"_s), qPrintable(message));
    QVERIFY2(message.contains(u"--heartbeat "_s) || message.contains(u"--heartbeat."_s),
             qPrintable(message));
}

void TestServerOptions::frameMustHoldText()
{
    ServerConfig config;
    QString message;
    QCOMPARE(ServerOptions::parse(commandLine({u"--max-frame"_s, u"4063"_s}), &config, &message),
             Outcome::ExitError);
    QVERIFY2(message.contains(u"--max-frame"_s), qPrintable(message));
    QVERIFY2(message.contains(u"--max-text"_s), qPrintable(message));

    QCOMPARE(ServerOptions::parse(commandLine({u"--max-frame"_s, u"4064"_s}), &config, &message),
             Outcome::Run);
    QCOMPARE(config.maxFrame, 4064);
}

void TestServerOptions::redis_data()
{
    QTest::addColumn<QString>("url");

    QTest::newRow("tcp") << u"redis://10.0.0.5:6380/2"_s;
    QTest::newRow("tcp default port") << u"redis://redis.example"_s;
    QTest::newRow("unix") << u"unix:/run/redis/redis.sock"_s;
}

void TestServerOptions::redis()
{
    QFETCH(QString, url);

    ServerConfig config;
    QString message;
    QCOMPARE(ServerOptions::parse(commandLine({}), &config, &message), Outcome::Run);
    QVERIFY(config.redisUrl.isEmpty()); // without --redis, the embedded engine
    QCOMPARE(ServerOptions::parse(commandLine({u"--redis"_s, url}), &config, &message),
             Outcome::Run);
    QCOMPARE(config.redisUrl, url);
}

void TestServerOptions::redisPasswordFromFileOrEnvironment()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"redis-password"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("from file\r\nsecond line\n");
    file.close();

    qputenv(ServerOptions::RedisPasswordVariable, "from environment");
    ServerConfig config;
    QString message;
    QCOMPARE(
        ServerOptions::parse(commandLine({u"--redis"_s, u"unix:/tmp/r.sock"_s}), &config, &message),
        Outcome::Run);
    QCOMPARE(config.redisPassword, QByteArray("from environment"));
    // The file wins over the environment.
    QCOMPARE(ServerOptions::parse(commandLine({u"--redis"_s, u"unix:/tmp/r.sock"_s,
                                               u"--redis-password-file"_s, file.fileName()}),
                                  &config, &message),
             Outcome::Run);
    QCOMPARE(config.redisPassword, QByteArray("from file"));
    qunsetenv(ServerOptions::RedisPasswordVariable);
    QCOMPARE(
        ServerOptions::parse(commandLine({u"--redis"_s, u"unix:/tmp/r.sock"_s}), &config, &message),
        Outcome::Run);
    QCOMPARE(config.redisPassword, QByteArray());
}

void TestServerOptions::badRedis_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("mentioned");

    QTest::newRow("not a url") << QStringList {u"--redis"_s, u"localhost:6379"_s} << u"--redis"_s;
    QTest::newRow("relative socket")
        << QStringList {u"--redis"_s, u"unix:redis.sock"_s} << u"--redis"_s;
    QTest::newRow("password on the command line")
        << QStringList {u"--redis"_s, u"unix:/tmp/r.sock"_s, u"--redis-password"_s, u"secret"_s}
        << u"TAGARELA_REDIS_PASSWORD"_s;
    QTest::newRow("password= on the command line")
        << QStringList {u"--redis-password=secret"_s} << u"--redis-password-file"_s;
    QTest::newRow("missing password file")
        << QStringList {u"--redis"_s, u"unix:/tmp/r.sock"_s, u"--redis-password-file"_s,
                        u"/nonexistent/tagarela-redis-password"_s}
        << u"/nonexistent/tagarela-redis-password"_s;
    QTest::newRow("password file without --redis")
        << QStringList {u"--redis-password-file"_s, u"/etc/hostname"_s} << u"--redis"_s;
}

void TestServerOptions::badRedis()
{
    QFETCH(QStringList, options);
    QFETCH(QString, mentioned);

    ServerConfig config;
    QString message;
    QCOMPARE(ServerOptions::parse(commandLine(options), &config, &message), Outcome::ExitError);
    QVERIFY2(message.contains(mentioned), qPrintable(message));
    QVERIFY2(!message.contains(u"secret"_s), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestServerOptions)

#include "tst_serveroptions.moc"
