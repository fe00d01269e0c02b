// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisconnection.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <vector>

#include <QHostAddress>
#include <QHostInfo>
#include <QRandomGenerator>

#include "redislogging.h"
#include "redisqtadapter.h"

#include <hiredis/async.h>

using namespace Qt::StringLiterals;

namespace Tagarela {

RedisConnection::RedisConnection(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_backoffMs(options.reconnectMinMs)
{
    m_clock.start();
    m_reconnectTimer.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    m_timeoutTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RedisConnection::open);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Resolving) {
            QHostInfo::abortHostLookup(m_lookupId);
            attemptFailed(u"%1: the host name was not resolved within %2 ms"_s.arg(
                m_options.address.toString(), QString::number(m_options.connectTimeoutMs)));
        } else if (m_state == State::Connecting) {
            drop(u"%1: no answer within %2 ms"_s.arg(m_options.address.toString(),
                                                     QString::number(m_options.connectTimeoutMs)));
        }
    });
    connect(&m_timeoutTimer, &QTimer::timeout, this, &RedisConnection::checkTimeouts);
}

RedisConnection::~RedisConnection()
{
    if (m_state == State::Resolving)
        QHostInfo::abortHostLookup(m_lookupId);
    if (m_context) {
        // Nothing of ours may be called any more: hiredis fails the waiting commands into a
        // callback that, with no connection to go to, only frees them.
        redisAsyncContext *context = m_context;
        m_context = nullptr;
        context->data = nullptr;
        delete m_adapter; // gives the event hooks back
        m_adapter = nullptr;
        redisAsyncFree(context);
    }
    qDeleteAll(m_lost);
}

void RedisConnection::open()
{
    if (m_state == State::Resolving || m_state == State::Connecting || m_state == State::Connected)
        return;
    m_reconnectTimer.stop();
    if (m_context) {
        // close() from inside a callback: hiredis frees the old context when it returns, and
        // finishRelease() reconnects then.
        m_state = State::Waiting;
        return;
    }
    m_dropReason.clear();
    m_candidates.clear();
    m_connectTimer.start(m_options.connectTimeoutMs);
    const RedisAddress &address = m_options.address;
    if (address.kind == RedisAddress::Kind::Tcp &&
        QHostAddress(address.host).protocol() == QAbstractSocket::UnknownNetworkLayerProtocol) {
        // hiredis would resolve the name itself, with a blocking getaddrinfo().
        m_state = State::Resolving;
        m_lookupId = QHostInfo::lookupHost(address.host, this, &RedisConnection::hostLookedUp);
        return;
    }
    connectTo(address.host);
}

void RedisConnection::hostLookedUp(const QHostInfo &info)
{
    if (m_state != State::Resolving || info.lookupId() != m_lookupId)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        m_connectTimer.stop();
        attemptFailed(u"%1: %2"_s.arg(m_options.address.toString(), info.errorString()));
        return;
    }
    // Every address of the name in turn (IPv6 and IPv4, say) until one answers.
    for (const QHostAddress &ip : info.addresses())
        m_candidates.append(ip.toString());
    connectTo(m_candidates.takeFirst());
}

void RedisConnection::connectTo(const QString &ip)
{
    const RedisAddress &address = m_options.address;
    redisAsyncContext *context = address.kind == RedisAddress::Kind::Unix
        ? redisAsyncConnectUnix(address.socketPath.toLocal8Bit().constData())
        : redisAsyncConnect(ip.toLatin1().constData(), address.port);
    if (!context || context->err) {
        const QString reason =
            u"%1: %2"_s.arg(address.toString(),
                            context ? QString::fromLocal8Bit(context->errstr) : u"out of memory"_s);
        if (context)
            redisAsyncFree(context);
        if (!m_candidates.isEmpty()) {
            qCInfo(lcRedis) << "could not connect to" << ip << ":" << reason;
            connectTo(m_candidates.takeFirst());
            return;
        }
        m_connectTimer.stop();
        attemptFailed(reason);
        return;
    }
    m_connectTimer.start(m_options.connectTimeoutMs);
    m_socketConnected = false;
    m_context = context;
    m_context->data = this;
    m_adapter = new RedisQtAdapter(context, this);
    connect(m_adapter, &RedisQtAdapter::released, this, &RedisConnection::released);
    redisAsyncSetConnectCallback(context, &RedisConnection::connectCallback);
    m_state = State::Connecting;
    sendHandshake();
}

void RedisConnection::connectCallback(const redisAsyncContext *context, int status)
{
    // Success shows in the handshake's replies and failure in released(); this only tells a
    // refused address (the next one may answer) from a Redis that refused us.
    if (auto *self = static_cast<RedisConnection *>(context->data); self && status == REDIS_OK)
        self->m_socketConnected = true;
}

void RedisConnection::sendHandshake()
{
    // hiredis queues these until the socket is connected; Redis answers them in order. PING
    // last: Redis refuses it while it is still loading its data after a restart.
    QList<QList<QByteArray>> commands;
    if (!m_options.password.isEmpty())
        commands.append({"AUTH", m_options.password});
    if (m_options.address.db != 0)
        commands.append({"SELECT", QByteArray::number(m_options.address.db)});
    if (!m_options.clientName.isEmpty())
        commands.append({"CLIENT", "SETNAME", m_options.clientName});
    commands.append({"PING"});
    m_handshakeLeft = int(commands.size());
    for (const QList<QByteArray> &args : std::as_const(commands)) {
        auto *pending = new Pending;
        pending->context = this;
        const QByteArray name = args.constFirst();
        pending->handler = [this, name](const RedisReply &reply) {
            if (m_state != State::Connecting)
                return;
            if (reply.failed()) {
                drop(u"%1: %2 failed: %3"_s.arg(m_options.address.toString(),
                                                QString::fromLatin1(name),
                                                QString::fromUtf8(reply.text)));
                return;
            }
            if (--m_handshakeLeft > 0)
                return;
            m_connectTimer.stop();
            m_state = State::Connected;
            m_handshakeDone = true;
            m_backoffMs = m_options.reconnectMinMs;
            qCInfo(lcRedis) << "connected to" << m_options.address.toString();
            Q_EMIT connected();
        };
        send(args, pending, m_options.connectTimeoutMs);
    }
}

void RedisConnection::command(const QList<QByteArray> &args, const QObject *context,
                              ReplyHandler handler, int timeoutMs)
{
    auto *pending = new Pending;
    pending->context = context;
    pending->handler = std::move(handler);
    if (m_state != State::Connected) {
        failLater(pending, "not connected to Redis");
        return;
    }
    send(args, pending, timeoutMs > 0 ? timeoutMs : m_options.commandTimeoutMs);
}

void RedisConnection::send(const QList<QByteArray> &args, Pending *pending, int timeoutMs)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(args.size()));
    lengths.reserve(size_t(args.size()));
    for (const QByteArray &arg : args) {
        argv.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    if (redisAsyncCommandArgv(m_context, &RedisConnection::replyCallback, pending, int(argv.size()),
                              argv.data(), lengths.data()) != REDIS_OK) {
        failLater(pending, "the connection to Redis is closing");
        return;
    }
    pending->deadline = m_clock.elapsed() + timeoutMs;
    m_pending.push_back(pending);
    if (!m_timeoutTimer.isActive() || m_timeoutTimer.remainingTime() > timeoutMs)
        m_timeoutTimer.start(timeoutMs);
}

void RedisConnection::replyCallback(redisAsyncContext *context, void *reply, void *data)
{
    auto *pending = static_cast<Pending *>(data);
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self) {
        delete pending; // the connection is being deleted
        return;
    }
    self->replied(pending, static_cast<redisReply *>(reply));
}

void RedisConnection::replied(Pending *pending, redisReply *reply)
{
    Q_ASSERT(!m_pending.empty() && m_pending.front() == pending);
    m_pending.pop_front();
    if (!reply) {
        // hiredis is tearing the connection down; answer after it is done, not from inside it.
        m_lost.append(pending);
        return;
    }
    if (pending->context && pending->handler)
        pending->handler(RedisReply::fromHiredis(reply));
    delete pending;
}

void RedisConnection::released(const QByteArray &error)
{
    // Called by hiredis while it frees the context: the waiting commands are in m_lost.
    const bool wasConnected = m_handshakeDone;
    m_handshakeDone = false;
    m_context = nullptr;
    m_adapter->deleteLater();
    m_adapter = nullptr;
    m_connectTimer.stop();
    m_timeoutTimer.stop();
    QString reason = m_dropReason;
    if (reason.isEmpty()) {
        reason = u"%1: %2"_s.arg(m_options.address.toString(),
                                 error.isEmpty() ? u"connection closed"_s
                                                 : QString::fromLocal8Bit(error));
    }
    m_dropReason.clear();
    if (m_state != State::Closed)
        m_state = State::Waiting;
    // Queued to break re-entrancy: hiredis is still inside redisAsyncFree and its caller.
    QMetaObject::invokeMethod(
        this, [this, reason, wasConnected] { finishRelease(reason, wasConnected); },
        Qt::QueuedConnection);
}

void RedisConnection::finishRelease(const QString &reason, bool wasConnected)
{
    const QList<Pending *> lost = std::exchange(m_lost, {});
    const RedisReply failure = RedisReply::noReply(reason.toUtf8());
    for (Pending *pending : lost) {
        if (pending->context && pending->handler)
            pending->handler(failure);
        delete pending;
    }
    if (wasConnected) {
        qCWarning(lcRedis) << "lost the connection to Redis:" << reason;
        Q_EMIT disconnected(reason);
    } else if (m_state == State::Waiting && !m_socketConnected && !m_candidates.isEmpty()) {
        qCInfo(lcRedis) << "could not connect to Redis:" << reason << "- trying the next address";
        connectTo(m_candidates.takeFirst());
        return;
    } else if (m_state != State::Closed) {
        qCWarning(lcRedis) << "could not connect to Redis:" << reason;
        Q_EMIT connectFailed(reason);
    }
    // Unless a handler has already called open() (or close()) meanwhile.
    if (m_state == State::Waiting && !m_context && !m_reconnectTimer.isActive())
        scheduleReconnect();
}

void RedisConnection::attemptFailed(const QString &reason)
{
    m_state = State::Waiting;
    qCWarning(lcRedis) << "could not connect to Redis:" << reason;
    Q_EMIT connectFailed(reason);
    if (m_state == State::Waiting && !m_reconnectTimer.isActive())
        scheduleReconnect();
}

void RedisConnection::drop(const QString &reason)
{
    if (!m_context)
        return;
    m_dropReason = reason;
    // From inside a reply callback hiredis frees the context once the callback returns;
    // released() follows either way.
    redisAsyncFree(m_context);
}

void RedisConnection::close()
{
    m_reconnectTimer.stop();
    m_connectTimer.stop();
    if (m_state == State::Resolving)
        QHostInfo::abortHostLookup(m_lookupId);
    m_state = State::Closed;
    m_backoffMs = m_options.reconnectMinMs;
    if (m_context) {
        // released() (now, or after the current callback) fails what waits and says so.
        m_dropReason = u"closed"_s;
        redisAsyncFree(m_context);
    }
}

void RedisConnection::checkTimeouts()
{
    if (m_pending.empty())
        return;
    const qint64 now = m_clock.elapsed();
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Pending *pending : m_pending) {
        if (pending->deadline <= now) {
            drop(u"%1: no reply within the command timeout"_s.arg(m_options.address.toString()));
            return;
        }
        next = std::min(next, pending->deadline);
    }
    m_timeoutTimer.start(int(std::min<qint64>(next - now, std::numeric_limits<int>::max())));
}

void RedisConnection::scheduleReconnect()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Waiting;
    // A little jitter so that servers that lost Redis together do not return in lockstep.
    const int wait = m_backoffMs + int(QRandomGenerator::global()->bounded(m_backoffMs / 4 + 1));
    m_reconnectTimer.start(wait);
    m_backoffMs = std::min(m_backoffMs * 2, m_options.reconnectMaxMs);
}

void RedisConnection::failLater(Pending *pending, const QByteArray &why)
{
    // Queued so that the handler never runs inside command(): callers need not be re-entrant.
    std::shared_ptr<Pending> owned(pending);
    QMetaObject::invokeMethod(
        this,
        [owned, why] {
            if (owned->context && owned->handler)
                owned->handler(RedisReply::noReply(why));
        },
        Qt::QueuedConnection);
}

} // namespace Tagarela
