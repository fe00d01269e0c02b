// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverconfig.h"

#include <limits>
#include <optional>

#include <QCommandLineParser>
#include <QFile>
#include <QStandardPaths>

#include "redisaddress.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// The first line of \a path, without its line end, or an error that names the file.
std::optional<QByteArray> readFirstLine(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    QByteArray line = file.readLine(64 * 1024);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

struct NumberOption
{
    QCommandLineOption option;
    qint64 min;
    qint64 max;
    qint64 scale; //!< multiplies the value given (seconds to milliseconds, KiB to bytes)
    std::function<void(ServerConfig *, qint64)> store;
};

} // namespace

ServerOptions::Outcome ServerOptions::parse(const QStringList &arguments, ServerConfig *config,
                                            QString *message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Tagarela chat server. Every message a client sends reaches every connected "
           "client. Framed clients and text clients (telnet, nc) share one port.\n"
           "Console commands: /who, /say TEXT, /kick NICK [REASON], /ban ADDRESS, /unban ADDRESS, "
           "/bans, /quit, /help."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();

    const QCommandLineOption bind(u"bind"_s,
                                  tr("Address to listen on (default: every interface, IPv4 "
                                     "and IPv6)."),
                                  tr("address"));
    const QCommandLineOption reusePort(
        u"reuse-port"_s,
        tr("Let other servers started with --reuse-port listen on the same port of this host "
           "(SO_REUSEPORT): the system spreads new connections among them. Without a shared "
           "engine, each server is a room of its own."));
    const QCommandLineOption name(u"name"_s,
                                  tr("Server name shown to clients (default: the "
                                     "host name)."),
                                  tr("name"));
    const QCommandLineOption quiet(u"quiet"_s,
                                   tr("Do not show chat traffic on the console; joins, leaves "
                                      "and errors are still shown."));
    const QCommandLineOption dataDir(
        u"data-dir"_s,
        tr("Directory for the message history and the bans (default: %1).").arg(defaultDataDir()),
        tr("directory"));
    const QCommandLineOption noHistory(u"no-history"_s,
                                       tr("Keep no message history: nothing said is written to "
                                          "disk."));
    const QCommandLineOption backup(
        u"backup"_s,
        tr("Copy the history of the data directory to file, consistent and checked, while a "
           "server may be running on it; then exit."),
        tr("file"));
    const QCommandLineOption tlsCert(u"tls-cert"_s,
                                     tr("PEM certificate file: accept TLS connections on the "
                                        "same port (needs --tls-key)."),
                                     tr("file"));
    const QCommandLineOption tlsKey(u"tls-key"_s, tr("PEM private key file for --tls-cert."),
                                    tr("file"));
    const QCommandLineOption requireTls(u"require-tls"_s,
                                        tr("Refuse connections that are not encrypted (needs "
                                           "--tls-cert)."));
    const QCommandLineOption passwordFile(
        u"password-file"_s,
        tr("File whose first line is the password clients must give. The %1 environment "
           "variable works too; a password is never taken from the command line.")
            .arg(QLatin1StringView(PasswordVariable)),
        tr("file"));
    const QCommandLineOption redis(
        u"redis"_s,
        tr("Share the room with every server on the same Redis: redis://HOST[:PORT][/DB] or "
           "unix:/PATH/redis.sock. The history is kept there instead of the data directory "
           "(docs/SCALING.md)."),
        tr("url"));
    const QCommandLineOption redisPasswordFile(
        u"redis-password-file"_s,
        tr("File whose first line is the password for Redis (AUTH). The %1 environment variable "
           "works too; a password is never taken from the command line.")
            .arg(QLatin1StringView(RedisPasswordVariable)),
        tr("file"));
    const ServerConfig defaults;
    const qint64 intMax = std::numeric_limits<int>::max();
    const auto number = [](const QString &key, const QString &help, const QString &value,
                           qint64 defaultValue) {
        return QCommandLineOption(key, help.arg(defaultValue), value);
    };
    const QString n = tr("n");
    const QString bytes = tr("bytes");
    const QString seconds = tr("seconds");
    const std::vector<NumberOption> numbers = {
        {number(u"port"_s, tr("TCP port to listen on (default: %1)."), tr("port"), defaults.port),
         0, 65535, 1,
         [](ServerConfig *c, qint64 v) {
             c->port = quint16(v);
         }},
        {number(u"max-clients"_s, tr("Most connections at once; 0 for no limit (default: %1)."), n,
                defaults.maxClients),
         0, intMax, 1,
         [](ServerConfig *c, qint64 v) {
             c->maxClients = int(v);
         }},
        {number(u"max-per-ip"_s,
                tr("Most connections from one address; 0 for no limit (default: %1). Behind "
                   "a TCP tunnel every client has the tunnel's address."),
                n, defaults.maxPerIp),
         0, intMax, 1,
         [](ServerConfig *c, qint64 v) {
             c->maxPerIp = int(v);
         }},
        {number(u"max-rate"_s,
                tr("Messages per second one client may send; 0 for no limit (default: %1)."), n,
                qint64(defaults.maxRate)),
         0, 1'000'000, 1,
         [](ServerConfig *c, qint64 v) {
             c->maxRate = double(v);
         }},
        {number(u"rate-burst"_s,
                tr("Messages one client may send in a burst before --max-rate applies "
                   "(default: %1)."),
                n, defaults.rateBurst),
         1, 1'000'000, 1,
         [](ServerConfig *c, qint64 v) {
             c->rateBurst = int(v);
         }},
        {number(u"max-frame"_s, tr("Largest frame a framed client may send (default: %1)."), bytes,
                defaults.maxFrame),
         256, 16 * 1024 * 1024, 1,
         [](ServerConfig *c, qint64 v) {
             c->maxFrame = int(v);
         }},
        {number(u"max-text"_s, tr("Longest chat message in UTF-8 bytes (default: %1)."), bytes,
                defaults.maxText),
         16, 1024 * 1024, 1,
         [](ServerConfig *c, qint64 v) {
             c->maxText = int(v);
         }},
        {number(u"max-line"_s, tr("Longest line a text client may send (default: %1)."), bytes,
                defaults.maxLine),
         64, 1024 * 1024, 1,
         [](ServerConfig *c, qint64 v) {
             c->maxLine = int(v);
         }},
        {number(u"max-pending"_s,
                tr("Output queued to one client before it is dropped as too slow a reader, "
                   "in KiB; 0 for no limit (default: %1)."),
                tr("KiB"), defaults.maxPendingOutput / 1024),
         0, intMax, 1024,
         [](ServerConfig *c, qint64 v) {
             c->maxPendingOutput = v;
         }},
        {number(u"max-pending-total"_s,
                tr("Output queued to all clients together, in MiB: past it, the clients with "
                   "the most waiting are dropped as too slow readers; 0 for no limit "
                   "(default: %1)."),
                tr("MiB"), defaults.maxPendingTotal / (1024 * 1024)),
         0, 1024 * 1024, 1024 * 1024,
         [](ServerConfig *c, qint64 v) {
             c->maxPendingTotal = v;
         }},
        {number(u"max-unjoined"_s,
                tr("Most connections that have not joined yet (handshake, password, nickname), "
                   "within --max-clients; when they are full, a newcomer takes the place of "
                   "the one from the busiest address that waited longest; 0 for no limit of "
                   "their own (default: %1)."),
                n, defaults.maxUnjoined),
         0, intMax, 1,
         [](ServerConfig *c, qint64 v) {
             c->maxUnjoined = int(v);
         }},
        {number(u"handshake-timeout"_s,
                tr("Seconds a framed client has to finish its handshake (default: %1)."), seconds,
                defaults.handshakeTimeoutMs / 1000),
         1, 3600, 1000,
         [](ServerConfig *c, qint64 v) {
             c->handshakeTimeoutMs = int(v);
         }},
        {number(u"nick-timeout"_s,
                tr("Seconds a text client has to choose a nickname (default: %1)."), seconds,
                defaults.nickTimeoutMs / 1000),
         1, 3600, 1000,
         [](ServerConfig *c, qint64 v) {
             c->nickTimeoutMs = int(v);
         }},
        {number(u"heartbeat"_s,
                tr("Seconds between heartbeats to framed clients; 0 for none (default: %1)."),
                seconds, defaults.heartbeatMs / 1000),
         0, 3600, 1000,
         [](ServerConfig *c, qint64 v) {
             c->heartbeatMs = int(v);
         }},
        {number(u"history-limit"_s,
                tr("Most messages kept in the history; older ones are deleted (default: %1)."), n,
                defaults.historyLimit),
         1, intMax, 1,
         [](ServerConfig *c, qint64 v) {
             c->historyLimit = int(v);
         }},
        {number(u"resume-grace"_s,
                tr("Seconds a dropped user's nickname is kept for them to reconnect "
                   "(default: %1)."),
                seconds, defaults.resumeGraceMs / 1000),
         0, 86400, 1000,
         [](ServerConfig *c, qint64 v) {
             c->resumeGraceMs = int(v);
         }},
        {number(u"heartbeat-timeout"_s,
                tr("Seconds of silence after which a framed client is dropped (default: %1)."),
                seconds, defaults.heartbeatTimeoutMs / 1000),
         1, 86400, 1000,
         [](ServerConfig *c, qint64 v) {
             c->heartbeatTimeoutMs = int(v);
         }},
    };

    parser.addOption(bind);
    parser.addOption(reusePort);
    for (const NumberOption &option : numbers)
        parser.addOption(option.option);
    parser.addOption(name);
    parser.addOption(quiet);
    parser.addOption(dataDir);
    parser.addOption(noHistory);
    parser.addOption(backup);
    parser.addOption(tlsCert);
    parser.addOption(tlsKey);
    parser.addOption(requireTls);
    parser.addOption(passwordFile);
    parser.addOption(redis);
    parser.addOption(redisPasswordFile);

    // A password on the command line is readable by every user of the machine (ps): say why
    // there is no such option rather than "unknown option".
    for (const QString &argument : std::as_const(arguments)) {
        for (const QString &option : {u"password"_s, u"redis-password"_s}) {
            if (argument == u"--"_s + option || argument.startsWith(u"--"_s + option + u'=') ||
                argument == u"-"_s + option || argument.startsWith(u"-"_s + option + u'=')) {
                *message =
                    tr("--%1: a password is never taken from the command line, where "
                       "other users of this machine can read it. Use --%1-file or the "
                       "%2 environment variable.")
                        .arg(option,
                             QLatin1StringView(option == u"password"_s ? PasswordVariable
                                                                       : RedisPasswordVariable));
                return Outcome::ExitError;
            }
        }
    }
    if (!parser.parse(arguments)) {
        *message = parser.errorText();
        return Outcome::ExitError;
    }
    // addHelpOption() also adds --help-all, which parse() accepts but helpOption does not
    // cover: without this check "--help-all" would start the server.
    if (parser.isSet(helpOption) || parser.isSet(u"help-all"_s)) {
        *message = parser.helpText();
        return Outcome::ExitOk;
    }
    if (parser.isSet(versionOption)) {
        *message = QCoreApplication::applicationName() + u' ' +
            QCoreApplication::applicationVersion() + u'\n';
        return Outcome::ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *message = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return Outcome::ExitError;
    }

    ServerConfig result;
    if (parser.isSet(bind)) {
        const QString value = parser.value(bind);
        if (!result.bindAddress.setAddress(value)) {
            *message = tr("--bind: \"%1\" is not an IPv4 or IPv6 address.").arg(value);
            return Outcome::ExitError;
        }
    }
    for (const NumberOption &option : numbers) {
        if (!parser.isSet(option.option))
            continue;
        const QString key = option.option.names().constFirst();
        bool ok = false;
        const qint64 value = parser.value(option.option).toLongLong(&ok);
        if (!ok || value < option.min || value > option.max) {
            *message = tr("--%1: expected a whole number from %2 to %3, got \"%4\".")
                           .arg(key)
                           .arg(option.min)
                           .arg(option.max)
                           .arg(parser.value(option.option));
            return Outcome::ExitError;
        }
        option.store(&result, value * option.scale);
    }
    if (result.heartbeatMs > 0 && result.heartbeatTimeoutMs <= result.heartbeatMs) {
        *message = tr("--heartbeat-timeout must be longer than --heartbeat.");
        return Outcome::ExitError;
    }
    if (result.maxText + 64 > result.maxFrame) {
        *message = tr("--max-frame must leave room for --max-text (at least --max-text + 64).");
        return Outcome::ExitError;
    }
    result.reusePort = parser.isSet(reusePort);
    result.serverName = parser.value(name);
    result.quiet = parser.isSet(quiet);
    result.dataDir = parser.isSet(dataDir) ? parser.value(dataDir) : defaultDataDir();
    if (result.dataDir.isEmpty()) {
        *message = tr("--data-dir: the directory must not be empty.");
        return Outcome::ExitError;
    }
    result.noHistory = parser.isSet(noHistory);
    if (parser.isSet(backup)) {
        result.backupFile = parser.value(backup);
        if (result.backupFile.isEmpty()) {
            *message = tr("--backup: the file name must not be empty.");
            return Outcome::ExitError;
        }
    }

    result.tlsCertFile = parser.value(tlsCert);
    result.tlsKeyFile = parser.value(tlsKey);
    result.requireTls = parser.isSet(requireTls);
    if (result.tlsCertFile.isEmpty() != result.tlsKeyFile.isEmpty()) {
        *message = tr("--tls-cert and --tls-key go together.");
        return Outcome::ExitError;
    }
    if (result.requireTls && result.tlsCertFile.isEmpty()) {
        *message = tr("--require-tls needs --tls-cert and --tls-key.");
        return Outcome::ExitError;
    }

    if (parser.isSet(passwordFile)) {
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            *message =
                tr("--password-file: cannot read %1: %2").arg(file.fileName(), file.errorString());
            return Outcome::ExitError;
        }
        // The first line; a trailing CR or LF is not part of the password.
        QByteArray line = file.readLine(64 * 1024);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        result.password = QString::fromUtf8(line);
        if (result.password.isEmpty()) {
            *message = tr("--password-file: the first line of %1 is empty.").arg(file.fileName());
            return Outcome::ExitError;
        }
    } else {
        result.password = qEnvironmentVariable(PasswordVariable);
    }

    if (parser.isSet(redis)) {
        result.redisUrl = parser.value(redis);
        QString error;
        if (!RedisAddress::parse(result.redisUrl, &error)) {
            *message = tr("--redis: %1").arg(error);
            return Outcome::ExitError;
        }
        if (parser.isSet(redisPasswordFile)) {
            const std::optional<QByteArray> line =
                readFirstLine(parser.value(redisPasswordFile), &error);
            if (!line) {
                *message = tr("--redis-password-file: cannot read %1: %2")
                               .arg(parser.value(redisPasswordFile), error);
                return Outcome::ExitError;
            }
            if (line->isEmpty()) {
                *message = tr("--redis-password-file: the first line of %1 is empty.")
                               .arg(parser.value(redisPasswordFile));
                return Outcome::ExitError;
            }
            result.redisPassword = *line;
        } else {
            result.redisPassword = qgetenv(RedisPasswordVariable);
        }
        // For tests only (no option): a lease of seconds, so that a dead server is noticed
        // quickly, or a long one, so that only a clean shutdown's leaves can be seen.
        bool leaseSet = false;
        const int leaseMs = qEnvironmentVariableIntValue("TAGARELA_TEST_REDIS_LEASE_MS", &leaseSet);
        if (leaseSet && leaseMs > 0)
            result.redisLeaseMs = leaseMs;
    } else if (parser.isSet(redisPasswordFile)) {
        *message = tr("--redis-password-file needs --redis.");
        return Outcome::ExitError;
    }
    *config = result;
    return Outcome::Run;
}

QString ServerOptions::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace Tagarela
