// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisroomtail.h"

#include <memory>

#include "redislogging.h"

using namespace Qt::StringLiterals;

namespace Tagarela {

namespace {
// After an error answer (not a lost connection: that waits for connected()), try again later
// rather than in a tight loop.
constexpr int RetryMs = 1000;
} // namespace

RedisRoomTail::RedisRoomTail(RedisConnection *connection, const Options &options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_options(options)
    , m_keys(RedisRoomKeys::forRoom(options.prefix, options.room))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RedisRoomTail::read);
    connect(m_connection, &RedisConnection::connected, this, &RedisRoomTail::read);
}

void RedisRoomTail::start(const QString &historyId, quint64 afterSeq)
{
    m_historyId = historyId;
    m_last = afterSeq;
    m_running = true;
    m_reading = false;
    ++m_generation;
    read();
}

void RedisRoomTail::stop()
{
    m_running = false;
    m_reading = false;
    ++m_generation;
    m_retry.stop();
}

void RedisRoomTail::read()
{
    if (!m_running || m_reading || !m_connection->isConnected())
        return;
    m_reading = true;
    m_retry.stop();
    // The history's id first, in the same round trip: a tail that comes back after Redis lost
    // the room must not take the new history's numbers for the old one's.
    auto meta = std::make_shared<RedisReply>();
    const quint64 generation = m_generation;
    m_connection->command({"HGET", m_keys.meta, "history-id"}, this,
                          [meta](const RedisReply &reply) { *meta = reply; });
    m_connection->command(
        {"XREAD", "COUNT", QByteArray::number(m_options.readCount), "BLOCK",
         QByteArray::number(m_options.blockMs), "STREAMS", m_keys.log,
         QByteArray::number(m_last) + "-0"},
        this,
        [this, meta, generation](const RedisReply &reply) {
            if (generation != m_generation)
                return;
            m_reading = false;
            readDone(*meta, reply);
        },
        m_options.blockMs + m_connection->options().commandTimeoutMs);
}

void RedisRoomTail::readDone(const RedisReply &meta, const RedisReply &reply)
{
    if (meta.type == RedisReply::Type::NoReply || reply.type == RedisReply::Type::NoReply)
        return; // the connection is gone: connected() starts reading again
    if (meta.failed() || reply.failed()) {
        qCWarning(lcRedis) << "reading room" << m_options.room
                           << "failed:" << (meta.failed() ? meta.text : reply.text);
        m_retry.start(RetryMs);
        return;
    }
    const QString current = QString::fromUtf8(meta.text);
    if (meta.type == RedisReply::Type::String && current != m_historyId) {
        changeHistory(current);
        read();
        return;
    }

    QList<RoomEvent> delivered;
    QString restartWith;
    // [[log, [entry, ...]]], or nil when BLOCK ran out.
    if (reply.type == RedisReply::Type::Array && !reply.elements.isEmpty() &&
        reply.elements.at(0).elements.size() == 2) {
        for (const RedisReply &entry : reply.elements.at(0).elements.at(1).elements) {
            const auto event = RedisRoomSchema::eventFromEntry(entry);
            if (!event) {
                qCWarning(lcRedis)
                    << "room" << m_options.room
                    << ": an entry that is not an event:" << entry.elements.value(0).text;
                continue;
            }
            if (event->historyId != m_historyId) {
                // Written after a new history began while this read waited. Deliver what came
                // before, then the new history from its start.
                restartWith = event->historyId;
                break;
            }
            const quint64 seq = event->message.seq;
            if (seq <= m_last)
                continue; // cannot happen with XREAD after m_last; never deliver twice
            if (m_last != 0 && seq != m_last + 1) {
                qCWarning(lcRedis) << "room" << m_options.room << ": entries after" << m_last
                                   << "and before" << seq << "were trimmed before they were read";
                Q_EMIT skipped(m_last, seq);
            }
            m_last = seq;
            delivered.append(*event);
        }
    }
    if (!delivered.isEmpty())
        Q_EMIT events(delivered);
    if (!restartWith.isEmpty() && m_running)
        changeHistory(restartWith);
    read();
}

void RedisRoomTail::changeHistory(const QString &historyId)
{
    const bool hadOne = !m_historyId.isEmpty();
    m_historyId = historyId;
    m_last = 0;
    if (hadOne)
        qCCritical(lcRedis) << "room" << m_options.room << ": a new history began:" << historyId;
    Q_EMIT historyChanged(historyId);
}

} // namespace Tagarela
