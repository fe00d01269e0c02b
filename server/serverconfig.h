// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include "protocol.h"

namespace Tagarela {

/*! Everything the server can be told on its command line, with the defaults it runs on. */
struct ServerConfig
{
    QHostAddress bindAddress = QHostAddress::Any; //!< Any: every interface, IPv4 and IPv6
    quint16 port = 3000;
    bool reusePort = false; //!< SO_REUSEPORT: several processes share the port
    QString serverName; //!< announced in handshake-ok; empty: the host name
    int maxClients = 1000; //!< connections at once; 0: no limit
    int maxPerIp = 16; //!< connections from one address; 0: no limit
    double maxRate = 5; //!< messages per second per client; 0: no limit
    int rateBurst = 20; //!< messages a client may send at once before the rate applies
    int maxFrame = Protocol::DefaultMaxFrame; //!< bytes
    int maxText = Protocol::DefaultMaxText; //!< UTF-8 bytes
    int maxLine = 4096; //!< bytes, text mode
    qint64 maxPendingOutput = 1024 * 1024; //!< bytes queued to one client; 0: no limit
    qint64 maxPendingTotal = 64 * 1024 * 1024; //!< bytes queued to all clients; 0: no limit
    int maxUnjoined = 256; //!< connections that have not joined yet (within maxClients); 0: none
    //! How long a connection that has not joined (or is in its TLS handshake) waited before a
    //! newcomer may take its place when those are full (no option; tests).
    int busyMinAgeMs = 1000;
    int handshakeTimeoutMs = 10'000; //!< framed clients: from accept to welcome
    int nickTimeoutMs = 120'000; //!< text clients: from accept to a valid nickname
    int heartbeatMs = Protocol::DefaultHeartbeatMs;
    int heartbeatTimeoutMs = 45'000;
    int detectTimeoutMs = 1000; //!< silence after which a client is greeted as a text client
    bool quiet = false; //!< no chat traffic on the console

    // Storage (issue 6): history, sequence numbers, bans.
    QString dataDir; //!< where the server keeps its files; empty: nothing on disk (tests)
    int historyLimit = 100'000; //!< messages kept; older ones are deleted
    bool noHistory = false; //!< keep no messages (sequence numbers still persist)
    int resumeGraceMs = 120'000; //!< how long a dropped user's nickname is held for them
    int resumeTokenOverlapMs = 30'000; //!< a presented token's life beside the new one (tests)
    int catchUpLimit = 5000; //!< most messages for a hello with "after" (no option; tests)
    QString backupFile; //!< --backup: copy the history in dataDir to this file and exit

    // Several servers sharing one room in Redis (issue 11, docs/SCALING.md).
    QString redisUrl; //!< --redis: redis://HOST[:PORT][/DB] or unix:/PATH; empty: no Redis
    QByteArray redisPassword; //!< from --redis-password-file or TAGARELA_REDIS_PASSWORD
    QString redisPrefix = QStringLiteral("tagarela"); //!< first part of every key (no option)
    QString redisRoom = QStringLiteral("lobby"); //!< the room's name in its keys (no option)
    int redisOpenTimeoutMs = 30'000; //!< how long the start waits for Redis (no option; tests)
    int redisCommandTimeoutMs = 5000; //!< a reply's longest wait (no option; tests)
    int redisBlockMs = 5000; //!< one XREAD BLOCK of the tail (no option; tests)
    int redisLeaseMs = 15'000; //!< a server not heard of this long is dead (no option; tests)

    // Security (issue 7).
    QString tlsCertFile; //!< PEM certificate (chain); with tlsKeyFile, TLS is accepted
    QString tlsKeyFile; //!< PEM private key
    bool requireTls = false; //!< refuse plain connections
    QString password; //!< empty: no password (from --password-file or TAGARELA_PASSWORD)
    int passwordDelayMs = 1000; //!< how long a wrong password waits for its answer
    int passwordMaxFailures = 5; //!< wrong passwords from one address that lock it out...
    qint64 passwordWindowMs = 10 * 60 * 1000; //!< ...within this time...
    qint64 passwordLockoutMs = 10 * 60 * 1000; //!< ...for this long
    int passwordNetworkMaxFailures = 20; //!< ...an IPv6 /48 (no option; tests)
    int passwordTotalMaxFailures = 100; //!< ...everyone not known, server-wide (no option; tests)
    int passwordMaxAddresses = 4096; //!< records the throttle keeps (no option; tests)
};

/*! Parses the command line into a ServerConfig. */
class ServerOptions final
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::ServerOptions)

public:
    enum class Outcome { Run, ExitOk, ExitError };

    /*!
     * Reads \a arguments. On Run, \a config is filled. On ExitOk (--help, --version) the text
     * to print is in \a message; on ExitError the error is.
     */
    static Outcome parse(const QStringList &arguments, ServerConfig *config, QString *message);

    /*! The data directory used when --data-dir is not given: the platform's app data place. */
    static QString defaultDataDir();
    /*! The environment variable that may hold the password. */
    static constexpr char PasswordVariable[] = "TAGARELA_PASSWORD";
    /*! The environment variable that may hold the password for Redis. */
    static constexpr char RedisPasswordVariable[] = "TAGARELA_REDIS_PASSWORD";
};

} // namespace Tagarela
