// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatserver.h"

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <QCryptographicHash>
#include <QDir>
#include <QHostInfo>

#include "addresskey.h"
#include "clientsession.h"
#include "connection.h"
#include "roommember.h"
#include "serverlogging.h"
#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {
// Connections over the limits are kept just long enough to be told why; beyond this many at
// once they are cut off without a word, so a connection flood cannot grow the server.
constexpr int MaxRejecting = 64;
// How long a shutdown waits for clients to take their goodbye.
constexpr int ShutDownGraceMs = 3000;
// How long a shutdown waits for Redis to take the leaves (docs/SCALING.md).
constexpr int ShutDownFlushMs = 2000;
// Connections accepted but not yet sorted into plain and TLS (for at most the detection
// timeout), and TLS handshakes in progress: at most this many of each.
constexpr int MaxSorting = 256;
constexpr int MaxTlsHandshakes = 256;
constexpr int MaxTlsHandshakesPerAddress = 4;
// Freed output after which memory is given back to the system, and how long after the
// sessions left.
constexpr qint64 TrimAfterBytes = 4 * 1024 * 1024;
constexpr int TrimDelayMs = 200;
// Protocol-error log lines of all clients together: a burst, then a few a second; a summary
// of what was held back at most this often.
constexpr int ProtocolLogBurst = 20;
constexpr int ProtocolLogIntervalMs = 200;
constexpr int ProtocolLogSummaryMs = 10'000;

FailureThrottle::Limits throttleLimits(const ServerConfig &config)
{
    FailureThrottle::Limits limits;
    limits.maxFailures = config.passwordMaxFailures;
    limits.windowMs = config.passwordWindowMs;
    limits.lockoutMs = config.passwordLockoutMs;
    limits.maxNetworkFailures = config.passwordNetworkMaxFailures;
    limits.maxTotalFailures = config.passwordTotalMaxFailures;
    limits.maxAddresses = config.passwordMaxAddresses;
    return limits;
}
} // namespace

ChatServer::ChatServer(const ServerConfig &config, QObject *parent)
    : ChatServer(config, RoomEngine::create(config), parent)
{ }

ChatServer::ChatServer(const ServerConfig &config, std::unique_ptr<HistoryStore> store,
                       QObject *parent)
    : ChatServer(config,
                 std::make_unique<MessageLog>(std::move(store), MessageLog::cacheSizeFor(config)),
                 parent)
{ }

ChatServer::ChatServer(const ServerConfig &config, std::unique_ptr<RoomEngine> engine,
                       QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_room(m_config, std::move(engine))
    , m_passwords(config.password, throttleLimits(config))
    , m_protocolLog(ProtocolLogBurst, ProtocolLogIntervalMs)
{
    m_clock.start();
    // Resolved once here rather than by every session that greets a client.
    if (m_config.serverName.isEmpty())
        m_config.serverName = QHostInfo::localHostName();
    m_room.setLogChatText(!config.quiet);
    m_room.setBatchPresence(true);
    m_room.engine().setCommands(
        [this](const Message &command, bool ours) { onCommand(command, ours); });
    m_unjoined.setLimits({m_config.maxUnjoined, 0, m_config.busyMinAgeMs});
    m_output.limit = m_config.maxPendingTotal;
    m_trimTimer.setSingleShot(true);
    connect(&m_trimTimer, &QTimer::timeout, this, &ChatServer::returnMemory);
    connect(&m_listener, &Listener::connectionReady, this, &ChatServer::onConnectionReady);
    m_protocolLogSummary.setInterval(ProtocolLogSummaryMs);
    connect(&m_protocolLogSummary, &QTimer::timeout, this, [this] {
        const int held = m_protocolLog.takeSuppressed();
        if (held > 0) {
            qCWarning(lcServer).noquote()
                << tr("%n more protocol error(s) from clients were not logged", nullptr, held);
        }
    });
    m_protocolLogSummary.start();
    m_shutDownTimer.setSingleShot(true);
    connect(&m_shutDownTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcServer).noquote() << tr("Some clients did not close in time; closing anyway");
        const QSet<ClientSession *> left = m_sessions;
        for (ClientSession *session : left)
            session->connection()->abort(ErrorCode::Shutdown, {});
        finishShutDown();
    });
}

ChatServer::~ChatServer()
{
    // Sessions are children; make them leave while the room still exists. Not only those in
    // m_sessions: a finished one may still wait for its deleteLater() (when the server is
    // destroyed without going back to the event loop), and ~QObject would delete it after the
    // room and the configuration it refers to.
    const QList<ClientSession *> sessions =
        findChildren<ClientSession *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(sessions);
}

bool ChatServer::prepare()
{
    if (m_prepared)
        return true;
    if (!m_config.tlsCertFile.isEmpty()) {
        const std::optional<QSslConfiguration> tls = Listener::loadTlsConfiguration(
            m_config.tlsCertFile, m_config.tlsKeyFile, &m_errorString);
        if (!tls)
            return false;
        // What clients see on first use: the host tells friends this, in some other way.
        const QByteArray fingerprint =
            tls->localCertificate().digest(QCryptographicHash::Sha256).toHex(':').toUpper();
        qCInfo(lcServer).noquote() << tr("TLS is on. Certificate SHA-256 fingerprint: %1")
                                          .arg(QString::fromLatin1(fingerprint));
        m_listener.setTlsConfiguration(*tls);
        m_listener.setDetectTimeout(m_config.detectTimeoutMs);
        m_listener.setHandshakeTimeout(m_config.handshakeTimeoutMs);
        m_listener.setMaxSorting(MaxSorting, m_config.maxPerIp);
        // Few handshakes per address: an honest one takes milliseconds (issue 13: 16 addresses
        // with 16 stalled handshakes each held every place for 10 s).
        m_listener.setHandshakeLimits(
            MaxTlsHandshakes,
            m_config.maxPerIp > 0 ? std::min(m_config.maxPerIp, MaxTlsHandshakesPerAddress) : 0,
            m_config.busyMinAgeMs);
    }
    const QString banFile = banFilePath();
    if (!banFile.isEmpty()) {
        QStringList problems;
        const bool loaded = m_bans.load(banFile, &problems);
        for (const QString &problem : std::as_const(problems))
            qCWarning(lcServer).noquote() << tr("Ban list: %1").arg(problem);
        if (!loaded)
            qCWarning(lcServer).noquote() << tr("Starting without the bans that could not be read");
        else if (!m_bans.entries().isEmpty())
            qCInfo(lcServer).noquote()
                << tr("%n address(es) or subnet(s) banned", nullptr, int(m_bans.entries().size()));
    }
    m_prepared = true;
    return true;
}

bool ChatServer::openHistory()
{
    if (m_room.engine().isOpen())
        return true;
    if (!m_room.openHistory()) {
        m_errorString = m_room.historyError();
        return false;
    }
    // Bans made on other servers sharing the room.
    const QStringList shared = m_room.engine().sharedBans();
    bool added = false;
    for (const QString &text : shared) {
        if (const std::optional<BanList::Entry> entry = BanList::parse(text))
            added = m_bans.add(*entry) || added;
    }
    QString saveError;
    if (added)
        (void)saveBans(&saveError);
    QString where;
    if (!m_config.redisUrl.isEmpty())
        where = tr("in Redis at %1").arg(m_config.redisUrl);
    else if (m_config.dataDir.isEmpty())
        where = tr("in memory only");
    else if (m_config.noHistory)
        where = tr("not kept (numbers in %1)").arg(m_config.dataDir);
    else
        where = m_config.dataDir;
    qCInfo(lcServer).noquote()
        << tr("History: %1; last message number %2").arg(where).arg(m_room.engine().lastSeq());
    return true;
}

bool ChatServer::listen()
{
    if (!prepare() || !openHistory())
        return false;
    m_listener.setMaxPendingConnections(1024);
    // Qt's default backlog of 50 overflows when many clients arrive at once (everyone
    // reconnecting after a restart): the kernel then drops their SYNs and they wait seconds
    // to retry. The kernel caps this at net.core.somaxconn.
    m_listener.setListenBacklogSize(1024);
    if (m_config.reusePort)
        return m_listener.listenReusingPort(m_config.bindAddress, m_config.port, &m_errorString);
    if (m_listener.listen(m_config.bindAddress, m_config.port))
        return true;
    // A machine without IPv6 cannot bind the dual-stack "any" address: fall back to IPv4.
    if (m_config.bindAddress == QHostAddress(QHostAddress::Any) &&
        m_listener.serverError() == QAbstractSocket::UnsupportedSocketOperationError &&
        m_listener.listen(QHostAddress::AnyIPv4, m_config.port)) {
        return true;
    }
    m_errorString = m_listener.errorString();
    return false;
}

void ChatServer::onConnectionReady(Connection *connection, bool silent)
{
    if (m_shuttingDown) {
        connection->abort(ErrorCode::Shutdown, {});
        connection->deleteLater();
        return;
    }
    const QHostAddress address = connection->peerAddress();
    const bool encrypted = connection->isEncrypted();
    using Rejection = ClientSession::Rejection;
    Rejection rejection = Rejection::None;
    const qint64 now = m_clock.elapsed();
    const int open = connectionCount() - m_rejecting - int(m_evicted.size());
    const bool full = m_config.maxClients > 0 && open >= m_config.maxClients;
    // A full server, or full places for connections that have not joined, may still take a
    // newcomer in place of one of those that has waited long enough (issue 13: silent
    // connections from a few addresses kept everyone else out).
    AdmissionPool::Decision place;
    if (m_bans.isBanned(address))
        rejection = Rejection::Banned;
    else if (m_config.requireTls && !encrypted)
        rejection = Rejection::TlsRequired;
    else if (place = m_unjoined.admit(address, now, full); !place.admit)
        rejection = full ? Rejection::ServerFull : Rejection::Busy;
    else if (m_config.maxPerIp > 0 && connectionsFrom(address) >= m_config.maxPerIp)
        rejection = Rejection::TooManyConnections;
    else if (m_passwords.isLockedOut(address, now))
        rejection = Rejection::TooManyFailures;

    if (rejection != Rejection::None) {
        if (m_rejecting >= MaxRejecting) {
            connection->abort(ErrorCode::None, {});
            connection->deleteLater();
            return;
        }
        ++m_rejecting;
    } else {
        ++m_perAddress[addressKey(address)];
        if (auto *victim = static_cast<ClientSession *>(place.evict)) {
            m_unjoined.remove(victim);
            m_evicted.insert(victim);
            victim->evict();
        }
    }
    auto *session = new ClientSession(connection, &m_room, m_config, rejection, this);
    session->setPasswordCheck(&m_passwords, &m_clock);
    session->setProtocolLog(&m_protocolLog);
    session->connection()->setOutputBudget(&m_output);
    if (silent)
        session->connection()->setDetectTimeout(0);
    m_sessions.insert(session);
    connect(session, &ClientSession::finished, this, &ChatServer::onSessionFinished);
    if (rejection == Rejection::None) {
        m_unjoined.add(session, address, now);
        connect(session, &ClientSession::joinedRoom, this,
                [this](ClientSession *joined) { m_unjoined.remove(joined); });
        hurryUnjoined(session);
    }
    qCDebug(lcServer).noquote() << "Connection from" << session->address()
                                << (encrypted ? "(TLS)" : "");
    session->start();
}

void ChatServer::onSessionFinished(ClientSession *session)
{
    if (!m_sessions.remove(session))
        return;
    m_unjoined.remove(session);
    m_evicted.remove(session);
    if (session->isRejected()) {
        --m_rejecting;
    } else {
        const QHostAddress key = addressKey(session->peerAddress());
        if (--m_perAddress[key] <= 0)
            m_perAddress.remove(key);
    }
    session->deleteLater();
    // Once a lot of output has been freed (slow readers gone), give the memory back to the
    // system: glibc keeps freed heap memory for reuse, and the server's resident size would
    // otherwise stay at its peak (issue 13). Later, so that the sessions are deleted first,
    // and once for many leaving together.
    if (m_output.peak - m_output.queued >= TrimAfterBytes && !m_trimTimer.isActive())
        m_trimTimer.start(TrimDelayMs);
    finishShutDownIfIdle();
}

void ChatServer::returnMemory()
{
    const qint64 freed = m_output.peak - m_output.queued;
    m_output.peak = m_output.queued;
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
    ++m_memoryReturns;
    qCDebug(lcServer).noquote() << "Returned freed memory after" << freed
                                << "bytes of output were let go";
}

void ChatServer::hurryUnjoined(ClientSession *newcomer)
{
    // Under pressure a connection that has not joined gets the handshake timeout to do so,
    // text clients included (they normally have the nickname timeout): the places empty
    // quickly, and an honest newcomer still has time to type a nickname.
    if (!m_unjoined.isUnderPressure()) {
        m_hurrying = false;
        return;
    }
    if (m_hurrying) {
        newcomer->hurryLogin(m_config.handshakeTimeoutMs);
        return;
    }
    m_hurrying = true;
    qCWarning(lcServer).noquote()
        << tr("%n connection(s) have not joined yet: each now has %1 s to join", nullptr,
              m_unjoined.size())
               .arg(m_config.handshakeTimeoutMs / 1000);
    const QList<QObject *> waiting = m_unjoined.entries();
    for (QObject *entry : waiting)
        static_cast<ClientSession *>(entry)->hurryLogin(m_config.handshakeTimeoutMs);
}

int ChatServer::connectionsFrom(const QHostAddress &address) const
{
    return m_perAddress.value(addressKey(address));
}

QStringList ChatServer::describeMembers() const
{
    QStringList lines;
    const QStringList nicks = m_room.nicks();
    for (const QString &nick : nicks) {
        const RoomMember *member = m_room.find(nick);
        lines.append(nick + u"  "_s + (member ? member->address() : tr("on another server")));
    }
    return lines;
}

bool ChatServer::kick(const QString &nick, const QString &reason)
{
    if (kickHere(nick, reason))
        return true;
    RoomEngine &engine = m_room.engine();
    if (!engine.sharesCommands() || !engine.isRemoteNick(Validation::nickKey(nick)))
        return false;
    qCInfo(lcServer).noquote() << tr("Kicking %1 on another server").arg(nick);
    engine.sendCommand(RoomEngine::kickCommand(nick, reason));
    return true;
}

bool ChatServer::kickHere(const QString &nick, const QString &reason)
{
    RoomMember *member = m_room.find(nick);
    if (!member)
        return false;
    for (ClientSession *session : std::as_const(m_sessions)) {
        if (session == member) {
            session->kick(reason);
            return true;
        }
    }
    return false;
}

QString ChatServer::banFilePath() const
{
    if (m_config.dataDir.isEmpty())
        return {};
    return QDir(m_config.dataDir).filePath(u"bans.txt"_s);
}

bool ChatServer::saveBans(QString *error) const
{
    const QString path = banFilePath();
    if (path.isEmpty())
        return true;
    if (m_bans.save(path, error))
        return true;
    qCWarning(lcServer).noquote() << tr("Could not save the ban list %1: %2").arg(path, *error);
    return false;
}

ChatServer::BanResult ChatServer::ban(const BanList::Entry &entry)
{
    if (m_room.engine().sharesCommands())
        m_room.engine().sendCommand(RoomEngine::banCommand(entry.toString()));
    return banHere(entry);
}

ChatServer::BanResult ChatServer::banHere(const BanList::Entry &entry)
{
    BanResult result;
    result.added = m_bans.add(entry);
    if (!result.added)
        return result;
    // Collected first: closing a session must not change the set being walked.
    QList<ClientSession *> banned;
    for (ClientSession *session : std::as_const(m_sessions)) {
        if (entry.contains(session->peerAddress()) && session->connection()->isOpen())
            banned.append(session);
    }
    for (ClientSession *session : std::as_const(banned))
        session->ban();
    result.disconnected = int(banned.size());
    qCInfo(lcServer).noquote() << tr("Banned %1").arg(entry.toString());
    (void)saveBans(&result.saveError);
    return result;
}

bool ChatServer::unban(const BanList::Entry &entry, QString *saveError)
{
    if (m_room.engine().sharesCommands())
        m_room.engine().sendCommand(RoomEngine::unbanCommand(entry.toString()));
    return unbanHere(entry, saveError);
}

bool ChatServer::unbanHere(const BanList::Entry &entry, QString *saveError)
{
    if (!m_bans.remove(entry))
        return false;
    qCInfo(lcServer).noquote() << tr("Lifted the ban on %1").arg(entry.toString());
    (void)saveBans(saveError);
    return true;
}

void ChatServer::onCommand(const Message &command, bool ours)
{
    if (ours)
        return; // done here when it was given
    if (command.typeName == "kick"_L1) {
        (void)kickHere(command.nick, command.reason);
        return;
    }
    const std::optional<BanList::Entry> entry = BanList::parse(command.text);
    if (!entry)
        return;
    QString saveError;
    if (command.typeName == "ban"_L1)
        (void)banHere(*entry);
    else if (command.typeName == "unban"_L1)
        (void)unbanHere(*entry, &saveError);
}

void ChatServer::shutDown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_listener.close();
    m_listener.abortInProgress();
    qCInfo(lcServer).noquote() << tr("Shutting down: telling %n client(s)", nullptr,
                                     int(m_sessions.size()));
    const QSet<ClientSession *> sessions = m_sessions;
    for (ClientSession *session : sessions)
        session->shutDown();
    m_shutDownTimer.start(ShutDownGraceMs);
    finishShutDownIfIdle();
}

void ChatServer::finishShutDownIfIdle()
{
    if (!m_shuttingDown || !m_sessions.isEmpty() || !m_shutDownTimer.isActive())
        return;
    if (m_room.isStoring() || m_room.hasPending()) {
        // A notice from the console, or the messages of a client that went without a word.
        m_room.afterStored(nullptr, this, [this] { finishShutDownIfIdle(); });
        return;
    }
    m_shutDownTimer.stop();
    finishShutDown();
}

void ChatServer::finishShutDown()
{
    // The leaves reach the other servers sharing the room (Redis) before the process ends,
    // so that they see the users go now rather than when this server's lease runs out.
    m_room.engine().flush(ShutDownFlushMs, this, [this] { Q_EMIT shutDownFinished(); });
}

} // namespace Tagarela
