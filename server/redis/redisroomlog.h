// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include "message.h"
#include "redisconnection.h"
#include "redisroomschema.h"
#include "redisscript.h"

namespace Tagarela {

/*!
 * A room's numbered log kept in Redis, shared by every server of the room: appends batches of
 * events (one script call numbers and stores a batch atomically, recognising client-ids
 * already stored), reads history pages and looks client-ids up. Every call returns at once;
 * the answer comes to a handler on this thread, only while its context object exists.
 *
 * Appends from one RedisRoomLog reach Redis in the order append() was called: one script call
 * is in flight at a time, and the batches that wait meanwhile go together in the next one.
 *
 * An append that fails (Redis down, no reply in time) was not acknowledged; it may or may not
 * have been stored (a reply can be lost after Redis did the work). Its events reach the room
 * through RedisRoomTail if they were; resending with the same client-id lands once.
 *
 * It follows its connection: when it connects, the log loads its scripts (SCRIPT LOAD) and
 * opens the history (creating it if Redis has none), then says ready().
 */
class RedisRoomLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisRoomLog)

public:
    static constexpr quint64 NoLimit = std::numeric_limits<qint64>::max();

    struct Options
    {
        QString prefix = QStringLiteral("tagarela"); //!< first part of every key
        QString room = QStringLiteral("lobby");
        QString origin; //!< this server's id, stored with each event it appends
        int historyLimit = 100'000; //!< entries the stream keeps (at least 1)
        int clientIdLimit = 10'000; //!< client-ids remembered (at least 1)
        int maxEventsPerCall = 500; //!< waiting batches joined into one script call up to this
    };

    /*! What one stored event got. */
    struct Stored
    {
        quint64 seq = 0;
        qint64 time = 0;
        bool duplicate = false; //!< its client-id was stored before, with this seq and time
    };
    struct AppendResult
    {
        bool ok = false;
        QString error; //!< why not, when !ok
        QString historyId;
        QList<Stored> events; //!< one per event of the batch, in order, when ok
    };
    struct Page
    {
        bool ok = false;
        QString error;
        QList<Message> messages; //!< oldest first, seq set
        bool more = false; //!< older ones exist (above after)
        int examined = 0; //!< stream entries read to answer (scan())
    };
    struct Lookup
    {
        bool ok = false;
        QString error;
        bool found = false;
        quint64 seq = 0;
        qint64 time = 0;
        std::optional<Message> message; //!< if the stream still keeps it
    };
    enum class Durability {
        Always, //!< appendonly yes, appendfsync always: an acknowledged write is on disk
        Weaker, //!< a crash of Redis or of its machine can lose acknowledged writes
        Unknown, //!< CONFIG GET is not allowed (or failed): nobody can tell
    };
    struct DurabilityReport
    {
        Durability durability = Durability::Unknown;
        QString appendonly; //!< as Redis said it, when known
        QString appendfsync;
        QString error; //!< why Unknown
    };

    using AppendHandler = std::function<void(const AppendResult &)>;
    using PageHandler = std::function<void(const Page &)>;
    using LookupHandler = std::function<void(const Lookup &)>;
    using DurabilityHandler = std::function<void(const DurabilityReport &)>;

    /*! \a connection is shared (not owned); it must outlive the log. */
    RedisRoomLog(RedisConnection *connection, const Options &options, QObject *parent = nullptr);

    const Options &options() const { return m_options; }
    const RedisRoomKeys &keys() const { return m_keys; }
    /*! The scripts could be read from the resources; errorString() says why not. */
    bool isValid() const;
    QString errorString() const;
    /*! Opened on the current connection: the history id is known. */
    bool isReady() const { return m_ready; }
    QString historyId() const { return m_historyId; }
    /*! The highest seq this log has seen (given, or passed to observe()). */
    quint64 lastSeq() const { return m_lastSeq; }

    /*!
     * Numbers and stores \a batch (Chat, Notice, Joined, Left, Renamed messages; a time of 0
     * takes Redis's clock) as one atomic step, after every batch appended before it.
     */
    void append(const QList<Message> &batch, const QObject *context, AppendHandler done);
    /*!
     * The newest \a max chats and notices with \a after < seq < \a before, oldest first;
     * more says whether older ones exist.
     */
    void range(quint64 after, quint64 before, int max, const QObject *context, PageHandler done);
    /*! Whether a message is one a scan() looks for. */
    using Filter = std::function<bool(const Message &)>;
    /*!
     * The newest \a max chats and notices with \a after < seq < \a before that \a accept
     * takes, oldest first, read newest first with XREVRANGE in pages and looking at
     * \a scanLimit entries at most: a bounded search, in as many calls as it takes (none
     * blocks). more: an older one is taken too, or the look stopped at \a scanLimit before
     * \a after.
     */
    void scan(quint64 after, quint64 before, int max, int scanLimit, Filter accept,
              const QObject *context, PageHandler done);
    /*! The seq and time a client-id was stored with, and the message if it is still kept. */
    void findClientId(const QString &clientId, const QObject *context, LookupHandler done);
    /*! Reads appendonly and appendfsync (CONFIG GET): can Redis lose acknowledged writes? */
    void checkDurability(const QObject *context, DurabilityHandler done);
    /*!
     * Tells the log that \a seq of \a historyId was seen (delivered by the tail), so that a
     * Redis that lost those numbers starts a new history instead of giving them again.
     */
    void observe(const QString &historyId, quint64 seq);

Q_SIGNALS:
    /*! Opened after connecting: the history's id and last seq. */
    void ready(const QString &historyId, quint64 lastSeq);
    /*! A new history began (Redis lost the room's data): the old numbers mean nothing now. */
    void historyChanged(const QString &historyId);

private:
    struct Waiting
    {
        QList<Message> batch;
        QPointer<const QObject> context;
        bool hasContext = false;
        AppendHandler done;
        bool open = false; //!< the empty call that opens the history
    };

    void connectionUp();
    void connectionDown();
    void sendNext();
    void appended(const QList<Waiting> &sent, const RedisReply &reply);
    void fail(const QList<Waiting> &items, const QString &error);
    void takeHistory(const QString &historyId, bool isNew);
    struct Scan;
    void scanOn(const std::shared_ptr<Scan> &scan);

    RedisConnection *m_connection;
    Options m_options;
    RedisRoomKeys m_keys;
    RedisScript m_append;
    RedisScript m_range;
    RedisScript m_find;
    std::deque<Waiting> m_waiting;
    bool m_inFlight = false;
    bool m_ready = false;
    QString m_historyId;
    quint64 m_lastSeq = 0;
};

} // namespace Tagarela
