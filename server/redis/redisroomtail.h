// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "redisconnection.h"
#include "redisroomschema.h"

namespace Tagarela {

/*!
 * Follows a room's stream in Redis (XREAD BLOCK) and hands its events over in seq order,
 * each exactly once: after a lost connection it resumes after the last seq it delivered.
 * It needs a connection of its own: a blocked XREAD holds every command behind it.
 *
 * When Redis lost the room and a new history began, it says historyChanged() and delivers
 * the new history from its start. Entries trimmed from the stream before it could read them
 * (it lagged behind by more than the history limit) are reported by skipped().
 */
class RedisRoomTail final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisRoomTail)

public:
    struct Options
    {
        QString prefix = QStringLiteral("tagarela");
        QString room = QStringLiteral("lobby");
        int blockMs = 5000; //!< how long one XREAD waits for new entries
        int readCount = 500; //!< entries read at most at once
    };

    /*! \a connection is dedicated to the tail (not owned); it must outlive it. */
    RedisRoomTail(RedisConnection *connection, const Options &options, QObject *parent = nullptr);

    /*!
     * Delivers, from now on, the events of \a historyId after \a afterSeq (what the server
     * already has, from RedisRoomLog::ready()).
     */
    void start(const QString &historyId, quint64 afterSeq);
    void stop();
    QString historyId() const { return m_historyId; }
    quint64 lastDelivered() const { return m_last; }

Q_SIGNALS:
    /*! New events, oldest first, strictly increasing seq, each once. */
    void events(const QList<RoomEvent> &events);
    /*! The stream belongs to a new history now; its events follow from its start. */
    void historyChanged(const QString &historyId);
    /*! Events after \a after and before \a next were trimmed before they could be read. */
    void skipped(quint64 after, quint64 next);

private:
    void read();
    void readDone(const RedisReply &meta, const RedisReply &reply);
    void changeHistory(const QString &historyId);

    RedisConnection *m_connection;
    Options m_options;
    RedisRoomKeys m_keys;
    QString m_historyId;
    quint64 m_last = 0;
    bool m_running = false;
    bool m_reading = false;
    quint64 m_generation = 0; //!< bumped by start() and stop(): older replies are ignored
    QTimer m_retry;
};

} // namespace Tagarela
