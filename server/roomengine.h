// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include "historystore.h"
#include "message.h"

namespace Tagarela {

struct ServerConfig;

/*! One history answer: messages oldest first; more: older ones exist. */
struct HistoryPage
{
    QList<Message> messages;
    bool more = false;
    /*!
     * Stored entries the engine read one by one to answer (a search without an index, as on
     * Redis): what the answer cost besides its size. 0 when an index answered.
     */
    int examined = 0;
};

/*!
 * The room's numbered past and its order: the seam between ChatRoom and the engine that keeps
 * the room (docs/SCALING.md). The room's code is the same with either engine:
 *
 * - MessageLog, the embedded engine: one server, its HistoryStore (SQLite on a writer thread,
 *   or memory). What a batch stored is sent out by the room itself, with its acks.
 * - RedisRoomEngine: several servers sharing one room in Redis. A batch is numbered in Redis,
 *   and every server hears every stored event, its own included, from the engine's feed, in
 *   the one order Redis gave them (feedsEvents()).
 *
 * Asynchronous: append() answers on a later turn, one batch in flight at a time; page() may
 * answer at once (from memory) or later.
 */
class RoomEngine
{
public:
    /*! Called with what became of a batch. */
    using Stored = std::function<void(const HistoryStore::Appended &result)>;
    /*! Called with a history answer. */
    using PageReady = std::function<void(const HistoryPage &page)>;
    /*!
     * Called with each stored event, in seq order, when feedsEvents(); \a ours: this server
     * appended it.
     */
    using Feed = std::function<void(const Message &event, bool ours)>;
    /*! Called with each host's command from any server (sharesCommands()), in order. */
    using Commands = std::function<void(const Message &command, bool ours)>;

    RoomEngine() = default;
    virtual ~RoomEngine() = default;
    RoomEngine(const RoomEngine &) = delete;
    RoomEngine &operator=(const RoomEngine &) = delete;

    /*! The engine \a config asks for: Redis with --redis, otherwise the embedded one. */
    static std::unique_ptr<RoomEngine> create(const ServerConfig &config);

    /*! Opens the history; blocks, at start-up only. False, with errorString(). */
    [[nodiscard]] virtual bool open() = 0;
    virtual bool isOpen() const = 0;
    virtual QString errorString() const = 0;
    virtual QString historyId() const = 0;
    /*! The highest number of a stored event the room has been told of. */
    virtual quint64 lastSeq() const = 0;
    /*! Batches handed over so far. */
    virtual int commitCount() const = 0;
    /*! A batch is being stored. */
    virtual bool isWriting() const = 0;

    /*!
     * Hands \a messages (seq unset) over as one batch; \a done is called on a later turn with
     * what became of it. One batch at a time: call again only once \a done was called.
     */
    virtual void append(QList<Message> messages, Stored done) = 0;
    /*! The ack for the stored chat with \a clientId, if it is remembered (no read). */
    virtual std::optional<Message> ackFor(const QString &clientId) const = 0;
    /*!
     * The newest \a max messages with \a after < seq < \a before among those the room has been
     * told of. \a done is called before this returns if the answer is in memory, otherwise on a
     * later turn, if \a context still exists.
     */
    virtual void page(quint64 after, quint64 before, int max, QObject *context, PageReady done) = 0;

    /*!
     * The newest \a max messages with seq < \a before holding \a query that \a viewer may
     * see (private messages only to their two people); \a done is called on a later turn, if
     * \a context still exists. Only asked of an engine that supportsSearch().
     */
    virtual void search(const QString &query, quint64 before, int max, const QString &viewer,
                        QObject *context, PageReady done) = 0;
    /*! Whether search() answers (handshake-ok's "search" feature). */
    virtual bool supportsSearch() const { return true; }
    /*!
     * Whether private messages (say {to}) are stored and delivered to their two people only
     * (handshake-ok's "private" feature); an engine without them refuses say {to}.
     */
    virtual bool supportsPrivateMessages() const { return true; }

    /*!
     * True if stored events reach the room through the feed (setFeed()) rather than with the
     * answer to append(): then the room acknowledges a batch when it is answered and sends each
     * event to its members when the feed brings it. The engine makes sure an event of a batch
     * is fed only after that batch's answer, so an ack still comes before its chat.
     */
    virtual bool feedsEvents() const { return false; }
    /*! Where fed events go (the room). */
    void setFeed(Feed feed) { m_feed = std::move(feed); }

    /*!
     * True if joins, leaves and renames are shared with other servers: the room hands them
     * to announce() and sends them to its members when the feed brings them back, in order
     * with everyone else's; the nicknames of other servers' users are remote.
     */
    virtual bool sharesPresence() const { return false; }
    /*!
     * Tells every server of \a event (Joined, Left or Renamed of a member here); with a Left,
     * \a holdNick: the nickname is held for the user's resume tokens for the grace period, on
     * every server.
     */
    virtual void announce(const Message &event, bool holdNick)
    {
        Q_UNUSED(event);
        Q_UNUSED(holdNick);
    }

    /*! A nickname a member of this server wants: a join, or a rename (previousNick). */
    struct NickClaim
    {
        QString nick;
        QString previousNick; //!< a rename: the nickname let go
        QString resume; //!< a join: the resume token presented, if any
        QString token; //!< the member's resume token once in (none for text clients)
        QString previousToken; //!< the token that stays good beside it, if any ...
        qint64 previousUntil = 0; //!< ... until then (also for a token that opens a hold)
        qint64 now = 0; //!< the room's time, ms since the epoch
    };
    /*! The answer to a claim. */
    enum class Claim {
        Granted, //!< the nickname is this member's
        Resumed, //!< it was held for the token presented, which opened it
        Taken, //!< a user of another server has it
        Held, //!< it is held for someone else's token
        Unreachable, //!< no answer: the nickname is taken here only, as if alone
    };
    using Claimed = std::function<void(Claim answer)>;
    /*!
     * True if nicknames are claimed atomically among the servers sharing the room: the room
     * joins or renames a member only once claimNick() answered.
     */
    virtual bool claimsNicks() const { return false; }
    /*! Claims \a claim's nickname; \a done is called on a later turn, while the engine lives. */
    virtual void claimNick(const NickClaim &claim, Claimed done)
    {
        Q_UNUSED(claim);
        done(Claim::Granted);
    }
    /*! Lets go of \a nick, claimed for a member that went before the answer came. */
    virtual void releaseNick(const QString &nick) { Q_UNUSED(nick); }
    /*!
     * Calls \a done once what was announced so far has reached the other servers, or after
     * \a timeoutMs (a clean shutdown waits for it); at once if nothing is on its way.
     */
    virtual void flush(int timeoutMs, QObject *context, std::function<void()> done)
    {
        Q_UNUSED(timeoutMs);
        Q_UNUSED(context);
        done();
    }
    /*! Whether a user on another server has the nickname with Validation::nickKey() \a key. */
    virtual bool isRemoteNick(const QString &key) const
    {
        Q_UNUSED(key);
        return false;
    }
    /*!
     * The nickname of the user on another server whose Validation::nickKey() is \a key, as that
     * user has it; empty if there is none.
     */
    virtual QString remoteNick(const QString &key) const
    {
        Q_UNUSED(key);
        return {};
    }
    /*! The nicknames of the users on other servers. */
    virtual QStringList remoteNicks() const { return {}; }

    /*!
     * True if the host's commands reach every server: sendCommand() hands one over, and each
     * server (this one too) gets it through setCommands()'s handler, in the room's order.
     */
    virtual bool sharesCommands() const { return false; }
    virtual void sendCommand(const Message &command) { Q_UNUSED(command); }
    void setCommands(Commands commands) { m_commands = std::move(commands); }
    /*! The bans made on any server, as BanList::Entry::toString() wrote them (after open()). */
    virtual QStringList sharedBans() const { return {}; }

    /*! The host's commands: "kick" (nick, reason), "ban" and "unban" (text: the address). */
    static Message kickCommand(const QString &nick, const QString &reason);
    static Message banCommand(const QString &entry);
    static Message unbanCommand(const QString &entry);

protected:
    Feed m_feed;
    Commands m_commands;
};

} // namespace Tagarela
