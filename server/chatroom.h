// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include "broadcast.h"
#include "message.h"
#include "messagelog.h"
#include "roomengine.h"

namespace Tagarela {

class Broadcast;
class RoomMember;
struct ServerConfig;

/*!
 * The room: who is here under which nickname, and who receives what. No sockets: members are
 * RoomMember objects, and every event goes out as one Broadcast to each of them in join order
 * (the public messages of one stored batch as one BroadcastRun, a buffer per chunk).
 *
 * Chat messages and notices are stored before anyone sees them (docs/PROTOCOL.md 6.9): say()
 * and notice() queue them, and commit() hands the whole queue to the store as one batch
 * through the MessageLog. The room does not wait: it goes on reading, fanning out and
 * answering while the store writes, and what is said meanwhile makes up the next batch (one
 * batch in flight at a time, so batches grow with the load). When the store answers, the room
 * acknowledges and broadcasts the batch in seq order, or tells its senders it was not stored,
 * and hands over the next batch. A dropped member's nickname is held for it for a grace
 * period, for a hello with its resume token (6.11).
 *
 * The room's order and past come from a RoomEngine: the embedded one (MessageLog over a
 * HistoryStore), or Redis for several servers sharing one room, whose engine feeds every
 * stored event back to the room, its own included, so all servers send one order.
 */
class ChatRoom final
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::ChatRoom)

public:
    /*! The answer to join() and rename(). */
    struct NickResult
    {
        ErrorCode error = ErrorCode::None; //!< None, InvalidNick or NickTaken
        QString text; //!< why, for the user
        QString suggestion; //!< with NickTaken: a free nickname
        QString nick; //!< on success: the nickname as stored
        QString resume; //!< on a successful join: the member's new resume token

        bool ok() const { return error == ErrorCode::None; }
    };

    /*! A room without a data directory: history in memory, defaults for the rest. */
    ChatRoom();
    /*! A room with the history, retention and grace \a config asks for. */
    explicit ChatRoom(const ServerConfig &config);
    /*! The same, with its history in \a store (an engine of the caller's choice, or a test's). */
    ChatRoom(const ServerConfig &config, std::unique_ptr<HistoryStore> store);
    /*! The same, kept by \a engine (RoomEngine::create(), or a test's). */
    ChatRoom(const ServerConfig &config, std::unique_ptr<RoomEngine> engine);
    ~ChatRoom();

    /*! Milliseconds since the epoch for event times; replaceable in tests. */
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    /*!
     * With \a batch, the joins, leaves and renames of one event-loop turn go to each member
     * together (RoomMember::deliverAll()), once per turn instead of once per event: a join
     * burst in a big room costs one delivery per member per turn (in a room of more than 250,
     * per a few turns: the batch then waits up to a millisecond per 250 members, at most
     * 50 ms, since each costs a write to everyone). Each member still gets
     * exactly the events it would get one by one, in the same order: whatever else the room
     * sends, and whatever settlePresence() is told of, waits until the batch is out.
     */
    void setBatchPresence(bool batch) { m_batchPresence = batch; }
    /*! Sends the batched presence events now; by itself at the end of the turn (or so). */
    void flushPresence();
    /*!
     * Call before sending \a member anything that does not come through the room (a reply,
     * a history page): sends the batch first if \a member is due any of it.
     */
    void settlePresence(RoomMember *member);
    /*! Whether chat text goes to the log (--quiet turns it off); presence always does. */
    void setLogChatText(bool log) { m_logChatText = log; }

    /*! Opens the history; must succeed before anything is said. */
    [[nodiscard]] bool openHistory();
    QString historyError() const { return m_engine->errorString(); }
    QString historyId() const { return m_engine->historyId(); }
    RoomEngine &engine() { return *m_engine; }
    /*!
     * The newest \a max messages with \a after < seq < \a before (0: no bound) among those
     * already sent to everyone. \a done gets them before this returns if they are in memory,
     * otherwise on a later turn once read, if \a context still exists.
     */
    void history(quint64 after, quint64 before, int max, QObject *context,
                 RoomEngine::PageReady done);
    /*!
     * history() as \a viewer may see it: private messages only if they are from or to its
     * nickname now (HistoryDatabase::isVisibleTo()). So a page may hold fewer than \a max.
     */
    void history(RoomMember *viewer, quint64 after, quint64 before, int max, QObject *context,
                 RoomEngine::PageReady done);
    /*!
     * The newest \a max messages before \a before (0: no bound) holding \a query that
     * \a viewer may see, like history(): \a done gets them on a later turn.
     */
    void search(RoomMember *viewer, const QString &query, quint64 before, int max, QObject *context,
                RoomEngine::PageReady done);

    /*!
     * Adds \a member as \a nick and tells everyone else ("joined"). With the \a resume token
     * of the user who had \a nick, it gets the nickname back while it is held, and displaces
     * that user's old connection if it is still here.
     */
    NickResult join(RoomMember *member, const QString &nick, const QString &resume = {});
    /*! Called with the answer to a join or rename. */
    using NickAnswer = std::function<void(const NickResult &result)>;
    /*!
     * join() for any engine: with one that claims nicknames (RoomEngine::claimsNicks(), Redis)
     * \a done is called on a later turn, once the claim is answered, unless \a member went
     * (cancelClaims()) meanwhile; otherwise before this returns. The synchronous join() and
     * rename() are for the embedded engine only.
     */
    void join(RoomMember *member, const QString &nick, const QString &resume, NickAnswer done);
    /*! rename() for any engine, answered like the asynchronous join(). */
    void rename(RoomMember *member, const QString &nick, NickAnswer done);
    /*!
     * \a member is going: a join or rename it waits for is not answered, and what Redis gives
     * it is let go again.
     */
    void cancelClaims(RoomMember *member);
    /*!
     * Removes \a member and tells everyone left ("left"). Does nothing for a non-member.
     * With \a holdNick (a dropped connection) the nickname is kept for its resume token for
     * the grace period.
     */
    void leave(RoomMember *member, const QString &reason, bool holdNick = false);
    /*! Renames \a member and tells everyone, \a member included ("renamed"). */
    NickResult rename(RoomMember *member, const QString &nick);
    /*!
     * Queues \a text from \a member for everyone, \a member included ("chat"), to be sent
     * once stored. A \a clientId already stored or queued is acknowledged again instead.
     * With \a to, a private message: for \a member and whoever is \a to only, here or on
     * another server sharing the room; if nobody anywhere is, \a member is told so
     * ("no-such-nick") and nothing is stored.
     */
    void say(RoomMember *member, const QString &text, bool action, const QString &clientId = {},
             const QString &to = {});
    /*! Queues a notice from the host for everyone ("notice"), to be sent once stored. */
    void notice(const QString &text);
    /*!
     * Hands everything queued to the store as one batch, unless a batch is being stored: then
     * the queue goes as soon as that one is answered. Runs by itself once per event-loop turn;
     * tests may call it.
     */
    void commit();
    /*!
     * Calls \a done once every say of \a member queued so far (with \a member null: every
     * message queued so far) has been answered: acknowledged and broadcast, or refused. At
     * once if there is none; otherwise on a later turn, if \a context still exists.
     */
    void afterStored(RoomMember *member, QObject *context, std::function<void()> done);
    /*! Batches handed to the store so far. */
    int commitCount() const { return m_engine->commitCount(); }
    /*! Messages queued for the next batch. */
    int pendingCount() const { return int(m_pending.entries.size()); }
    bool hasPending() const { return !m_pending.entries.empty(); }
    /*! A batch is being stored. */
    bool isStoring() const { return m_engine->isWriting(); }
    /*! Messages in the batch being stored. */
    int storingCount() const { return m_engine->isWriting() ? int(m_writing.entries.size()) : 0; }

    bool contains(RoomMember *member) const { return m_nicks.contains(member); }
    QString nickOf(RoomMember *member) const { return m_nicks.value(member); }
    RoomMember *find(const QString &nick) const;
    /*!
     * Every nickname, sorted case-insensitively (kept sorted: O(N), no sort per call), those
     * on other servers sharing the room included.
     */
    QStringList nicks() const;
    /*! The "users" of a welcome, encoded: see encodedNicks(). */
    struct EncodedNicks
    {
        QByteArray items; //!< MessageCodec::appendUser() of each, in the order of nicks()
        qsizetype count = 0;
    };
    /*!
     * nicks() as a welcome carries them (MessageCodec::encodeWelcome()). Kept up to date with
     * every join, leave and rename, so a welcome in a big room costs a copy, not an encoding of
     * every nickname (the room's own; with nicknames on other servers, encoded on each call).
     */
    EncodedNicks encodedNicks() const;
    /*! Members in join order. */
    const QList<RoomMember *> &members() const { return m_members; }
    int size() const { return int(m_members.size()); }
    /*! True if \a nick is in use (here or on another server), other than by \a except. */
    bool isTaken(const QString &nick, RoomMember *except = nullptr) const;

private:
    /*!
     * A say or notice in a batch. A new message itself is in the batch's messages, not here:
     * it is made there once and handed to the store with them, not moved from entry to list.
     */
    struct Pending
    {
        RoomMember *sender = nullptr; //!< null for a notice, or once the sender has left
        int repeatOf = -1; //!< a repeated client-id: the index of the original in this batch
        QString repeatOfWriting; //!< a repeated client-id in the batch being stored
        /*! A repeated client-id that is already stored: its ack (rare, so not kept inline). */
        std::unique_ptr<Message> storedAck;

        /*! A new message for the store, not a repeat of one stored or being stored. */
        bool isNew() const { return repeatOf < 0 && repeatOfWriting.isEmpty() && !storedAck; }
    };
    /*!
     * What a stored batch sends one member alone, at its place among the batch's public
     * events: before the \a at-th of them. Small, and no Message of its own for the common
     * case, an ack of a stored message (made when it is sent).
     */
    struct Personal
    {
        enum class Kind : quint8 {
            Ack, //!< the ack of the stored message at index
            Private, //!< the private message at index, from or to this member
            Told, //!< the index-th of the batch's other replies (an error, an older ack)
        };
        qsizetype at = 0;
        qsizetype index = 0;
        Kind kind = Kind::Ack;
    };
    /*! Someone waiting for a batch to be answered (afterStored()). */
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void()> done;
    };
    /*! The messages of one batch and who waits for it. */
    struct Batch
    {
        std::vector<Pending> entries;
        /*! The new messages of entries (Pending::isNew()), in their order: the store's batch. */
        QList<Message> messages;
        QHash<QString, int> clientIds; //!< client-id of a new chat to its index in entries
        std::vector<Waiter> waiters;

        bool hasSaysFrom(const RoomMember *member) const;
        /*! Whether any entry is a new message for the store (Pending::isNew()). */
        bool hasMessagesToStore() const;
    };
    /*!
     * A member's resume tokens: the one in its last welcome, and the one it presented to get
     * that welcome, which a client whose connection dropped before the welcome arrived still
     * holds (docs/PROTOCOL.md 6.11). The older one is good only for a short while after it
     * was first used, so that whoever saw it cannot displace the user for good.
     */
    struct Tokens
    {
        QString current;
        QString previous;
        qint64 previousUntil = 0; //!< room time after which previous is retired

        bool matches(const QString &token, qint64 now) const
        {
            return !token.isEmpty() &&
                (token == current || (token == previous && now < previousUntil));
        }
    };
    /*! A dropped user's nickname, kept for its resume tokens. */
    struct Hold
    {
        QString nick;
        Tokens tokens;
        qint64 until = 0;
        QHostAddress address; //!< addressKey() of where the user was
    };

    NickResult checkNick(const QString &nick, RoomMember *except) const;
    /*! NickTaken for \a nick, with a free suggestion; \a inUse: by someone, not held. */
    NickResult refusal(const QString &nick, RoomMember *except, bool inUse) const;
    void admit(RoomMember *member, const NickResult &result, const Tokens &tokens, bool resumed);
    void renameNow(RoomMember *member, const QString &nick);
    void deliverToAll(const Broadcast &broadcast, RoomMember *except = nullptr);
    /*! A stored chat or notice: to everyone, or a private one to its two people only. */
    void deliverStored(const Broadcast &broadcast, RoomMember *sender);
    /*! A new message at the end of the next batch's messages, for say() and notice(). */
    Message &newMessage();
    void queue(Pending &&pending);
    /*! Keeps the entries' storage of an answered batch for the next one. */
    void recycle(std::vector<Pending> &&entries);
    void onStored(const HistoryStore::Appended &result);
    /*! An event the engine fed back (feedsEvents()): sent to every member, in seq order. */
    void onFed(const Message &event, bool ours);
    /*!
     * Tells everyone but \a except of a join, leave or rename: at once, or through the engine
     * when it shares presence with other servers (then onFed() sends it).
     */
    void announce(const Message &event, RoomMember *except = nullptr, bool holdNick = false);
    void answer(const Batch &batch, const HistoryStore::Appended &result);
    void expireHolds();
    bool isHeld(const QString &key) const;
    /*! Holds \a nick for \a member's tokens, unless its address or the room holds enough. */
    void hold(RoomMember *member, const QString &nick, const Tokens &tokens);
    void forgetHold(QHash<QString, Hold>::iterator hold);

    /*! The order of nicks(): case-insensitive, ties broken by the exact text. */
    struct NickOrder
    {
        bool operator()(const QString &a, const QString &b) const;
    };
    /*! A nickname in m_sorted, and the size of its item in m_sortedItems. */
    struct SortedNick
    {
        QString nick;
        qsizetype bytes = 0;
    };
    /*! Where \a nick is, or would go, in m_sorted. */
    std::vector<SortedNick>::const_iterator sortedPlace(const QString &nick) const;
    void addSorted(const QString &nick);
    void removeSorted(const QString &nick);
    /*! Where \a index's item begins in m_sortedItems. */
    qsizetype sortedOffset(size_t index) const;

    QList<RoomMember *> m_members;
    QHash<RoomMember *, QString> m_nicks;
    QHash<QString, RoomMember *> m_byKey; //!< Validation::nickKey() to member
    std::vector<SortedNick> m_sorted; //!< every nickname, in the order of nicks()
    QByteArray m_sortedItems; //!< m_sorted encoded for a welcome (EncodedNicks::items)
    std::function<qint64()> m_clock;
    bool m_logChatText = true;

    std::unique_ptr<RoomEngine> m_engine;
    Batch m_pending; //!< the next batch, growing
    Batch m_writing; //!< the batch being stored, while m_engine->isWriting()
    /*!
     * An answered batch's entries, emptied, their storage kept for the batch after next: a
     * batch does not grow its vector from nothing (and touch fresh memory) every time.
     */
    std::vector<Pending> m_spareEntries;
    QObject m_commitContext; //!< where the per-turn commit is posted; gone with the room
    bool m_commitPosted = false;

    bool m_batchPresence = false;
    BroadcastRun m_presence; //!< presence events not yet sent (setBatchPresence())
    QHash<RoomMember *, qsizetype> m_presenceFrom; //!< joined meanwhile: the first event it gets
    bool m_presencePosted = false;

    int m_graceMs = 0;
    int m_tokenOverlapMs = 0; //!< how long a presented token stays good beside the new one
    QHash<RoomMember *, Tokens> m_tokens; //!< every member's resume tokens
    QHash<QString, Hold> m_holds; //!< Validation::nickKey() to the hold on it
    std::deque<QString> m_holdOrder; //!< keys in the order their holds end
    QHash<QHostAddress, int> m_holdsPerAddress; //!< live holds per addressKey()
    int m_maxHolds = 0; //!< holds at most in all (0: no limit)
    int m_maxHoldsPerAddress = 0; //!< holds at most per addressKey() (0: no limit)
    QHash<RoomMember *, quint64> m_claims; //!< members waiting for a claim, by its number
    quint64 m_nextClaim = 0;
    QSet<QString> m_claimedKeys; //!< nickname keys being claimed here: reserved meanwhile
};

} // namespace Tagarela
