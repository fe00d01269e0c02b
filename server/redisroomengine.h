// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include "redisaddress.h"
#include "redisroomlog.h"
#include "redisroomschema.h"
#include "redisscript.h"
#include "roomengine.h"

namespace Tagarela {

class RedisConnection;
class RedisRoomTail;
struct ServerConfig;

/*!
 * The room kept in Redis and shared by every server connected to it (docs/SCALING.md). A batch
 * is numbered and stored by RedisRoomLog (one script call, atomically, in the one order of the
 * room); every event stored, by this server or another, comes back through RedisRoomTail and
 * is fed to the room in seq order. History pages are read from Redis.
 *
 * An ack must come before its chat: an event that this server appended, fed by the tail
 * before Redis's answer to the append reached us (two connections, no order between them),
 * waits, and everything after it with it, until that answer has been handled.
 *
 * Two connections to Redis: one for appends and reads, one for the tail's blocking XREAD.
 */
class RedisRoomEngine final
    : public QObject
    , public RoomEngine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisRoomEngine)

public:
    /*! Stream entries one search looks at, at most. */
    static constexpr int SearchScanLimit = 10'000;

    explicit RedisRoomEngine(const ServerConfig &config, QObject *parent = nullptr);
    ~RedisRoomEngine() override;

    /*!
     * Connects, opens the room (Redis makes one if it has none) and starts following it.
     * Blocks, at start-up only, until Redis answers or config.redisOpenTimeoutMs passed; says
     * on the console when Redis may lose acknowledged messages.
     */
    [[nodiscard]] bool open() override;
    bool isOpen() const override { return m_open; }
    QString errorString() const override { return m_error; }
    QString historyId() const override { return m_historyId; }
    quint64 lastSeq() const override { return m_lastSeq; }
    int commitCount() const override { return m_commits; }
    bool isWriting() const override { return m_writing; }
    void append(QList<Message> messages, Stored done) override;
    std::optional<Message> ackFor(const QString &clientId) const override;
    void page(quint64 after, quint64 before, int max, QObject *context, PageReady done) override;
    /*!
     * A bounded scan of the stream, newest first from \a before: the messages whose text holds
     * \a query ignoring case (as the memory store matches), within the history limit, looking
     * at SearchScanLimit entries at most. An answer that found nothing there says no more.
     */
    void search(const QString &query, quint64 before, int max, const QString &viewer,
                QObject *context, PageReady done) override;

    bool feedsEvents() const override { return true; }
    bool sharesPresence() const override { return true; }
    void announce(const Message &event, bool holdNick) override;
    bool claimsNicks() const override { return true; }
    /*!
     * Runs claim.lua: the nickname is taken in the members hash and its user's token hashes
     * stored, atomically among the servers, unless a user of another server has it or it is
     * held for someone else's token. A token of a user whose server has not let it go yet
     * (it has not noticed the drop, or died and was not swept yet) waits, trying again, for
     * twice the lease at most.
     */
    void claimNick(const NickClaim &claim, Claimed done) override;
    void releaseNick(const QString &nick) override;
    void flush(int timeoutMs, QObject *context, std::function<void()> done) override;
    bool isRemoteNick(const QString &key) const override { return m_remote.contains(key); }
    QString remoteNick(const QString &key) const override { return m_remote.value(key); }
    QStringList remoteNicks() const override { return m_remote.values(); }
    bool sharesCommands() const override { return true; }
    void sendCommand(const Message &command) override;
    QStringList sharedBans() const override { return m_sharedBans; }

    /*! Connected to Redis and the room opened: appends can succeed. */
    bool isConnected() const;
    /*! This server's id, stored with every event it appends. */
    QString origin() const { return m_origin; }

private:
    void onTail(const QList<RoomEvent> &events);
    void feed(const Message &event, bool ours);
    void feedHeld();
    void onAppended(const QList<Message> &batch, const RedisRoomLog::AppendResult &result,
                    const Stored &done);
    void rememberClientId(const QString &clientId, quint64 seq, qint64 time);
    /*! Users on other servers, as the feed tells of them. */
    void track(const Message &event, bool ours);
    void takeMembers(const RedisReply &reply);
    void renewLease();
    /*! Looks for servers whose lease ran out and announces their users left, once. */
    void sweep();
    void cleanUp(const QString &origin, const QList<std::pair<QByteArray, QByteArray>> &users);
    /*!
     * One try of \a claim: "wait" is tried again until \a giveUpAt, "taken" for a nickname
     * not known here as another server's until \a releaseBy (ms since the epoch).
     */
    void runClaim(const NickClaim &claim, qint64 giveUpAt, qint64 releaseBy, Claimed done);
    /*!
     * release.lua for \a pairs (nickname key, value it must hold), each held for \a holdMs
     * (0: none); \a done gets the keys let go.
     */
    void release(const QList<QByteArray> &pairs, int holdMs,
                 std::function<void(const QList<QByteArray> &released)> done);
    /*! Presence on its way to Redis: one more, one fewer (flush()). */
    void sending();
    void sent();

    struct Acked
    {
        quint64 seq = 0;
        qint64 time = 0;
    };

    QString m_url;
    QString m_origin;
    int m_openTimeoutMs = 0;
    int m_historyLimit = 0; //!< history pages reach this many numbers back (0: none)
    // Declared before what uses them, so that they outlive it.
    std::unique_ptr<RedisConnection> m_logConnection;
    std::unique_ptr<RedisConnection> m_tailConnection;
    std::unique_ptr<RedisRoomLog> m_log;
    std::unique_ptr<RedisRoomTail> m_tail;
    RedisRoomKeys m_keys;
    RedisScript m_release;
    RedisScript m_claim;
    int m_graceMs = 0; //!< how long a dropped user's nickname is held (--resume-grace)
    int m_presenceSending = 0; //!< announcements and releases not answered yet
    std::vector<std::function<void()>> m_flushed; //!< flush() callers waiting for them
    QHash<QByteArray, int> m_leaving; //!< nickname keys of leaves whose release is not sent
    QHash<QByteArray, std::vector<std::function<void()>>> m_claimsWaiting; //!< for m_leaving
    int m_leaseMs = 0;
    QTimer m_leaseTimer; //!< renews this server's lease and sweeps for dead servers
    QHash<QString, QString> m_remote; //!< users on other servers: nickname key to nickname
    QStringList m_sharedBans; //!< read at open()
    bool m_open = false;
    QString m_error;
    QString m_historyId;
    quint64 m_lastSeq = 0; //!< the last seq fed to the room
    quint64 m_answeredSeq = 0; //!< the highest seq of this server's appends answered
    int m_commits = 0;
    bool m_writing = false;
    std::deque<std::pair<Message, bool>> m_held; //!< events (and ours) waiting for an answer
    QHash<QString, Acked> m_clientIds;
    std::deque<QString> m_clientIdOrder; //!< oldest first, for forgetting
};

} // namespace Tagarela
