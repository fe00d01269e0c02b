// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <set>
#include <vector>

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include "message.h"
#include "messagelog.h"

namespace Tagarela {

class Broadcast;
class RoomMember;
struct ServerConfig;

/*!
 * The room: who is here under which nickname, and who receives what. No sockets: members are
 * RoomMember objects, and every event goes out as one Broadcast to each of them in join order.
 *
 * Chat messages and notices are stored before anyone sees them (docs/PROTOCOL.md 6.9): say()
 * and notice() queue them, and once per event-loop turn commit() numbers and stores the whole
 * queue in one transaction through the MessageLog, then acknowledges and broadcasts them, or
 * tells their senders they were not stored. A dropped member's nickname is held for it for a
 * grace period, for a hello with its resume token (6.11).
 *
 * This is the seam for several servers sharing one room: the events it produces are
 * plain Messages, so a later implementation can publish them through a shared engine.
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
    ~ChatRoom();

    /*! Milliseconds since the epoch for event times; replaceable in tests. */
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    /*! Whether chat text goes to the log (--quiet turns it off); presence always does. */
    void setLogChatText(bool log) { m_logChatText = log; }

    /*! Opens the history; must succeed before anything is said. */
    [[nodiscard]] bool openHistory();
    QString historyError() const { return m_log.errorString(); }
    QString historyId() const { return m_log.historyId(); }
    MessageLog &log() { return m_log; }
    /*! The newest \a max messages with \a after < seq < \a before (0: no bound). */
    MessageLog::Page history(quint64 after, quint64 before, int max);

    /*!
     * Adds \a member as \a nick and tells everyone else ("joined"). With the \a resume token
     * of the user who had \a nick, it gets the nickname back while it is held, and displaces
     * that user's old connection if it is still here.
     */
    NickResult join(RoomMember *member, const QString &nick, const QString &resume = {});
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
     */
    void say(RoomMember *member, const QString &text, bool action, const QString &clientId = {});
    /*! Queues a notice from the host for everyone ("notice"), to be sent once stored. */
    void notice(const QString &text);
    /*!
     * Stores everything queued in one transaction, then acknowledges and broadcasts it; on
     * failure tells the senders it was not stored. Runs by itself once per event-loop turn;
     * tests may call it. False if the store failed.
     */
    bool commit();
    /*! Transactions so far. */
    int commitCount() const { return m_log.commitCount(); }
    bool hasPending() const { return !m_pending.empty(); }

    bool contains(RoomMember *member) const { return m_nicks.contains(member); }
    QString nickOf(RoomMember *member) const { return m_nicks.value(member); }
    RoomMember *find(const QString &nick) const;
    /*! Every nickname, sorted case-insensitively (kept sorted: O(N), no sort per call). */
    QStringList nicks() const;
    /*! Members in join order. */
    const QList<RoomMember *> &members() const { return m_members; }
    int size() const { return int(m_members.size()); }
    /*! True if \a nick is in use, other than by \a except. */
    bool isTaken(const QString &nick, RoomMember *except = nullptr) const;

private:
    /*! A say or notice waiting for the next commit. */
    struct Pending
    {
        RoomMember *sender = nullptr; //!< null for a notice, or once the sender has left
        Message message; //!< a new chat or notice; unused for a repeat
        int repeatOf = -1; //!< a repeated client-id: the index of the queued original
        std::optional<Message> storedAck; //!< a repeated client-id that is already stored
    };
    /*!
     * A member's resume tokens: the one in its last welcome, and the one it presented to get
     * that welcome, which a client whose connection dropped before the welcome arrived still
     * holds (docs/PROTOCOL.md 6.11).
     */
    struct Tokens
    {
        QString current;
        QString previous;

        bool matches(const QString &token) const
        {
            return !token.isEmpty() && (token == current || token == previous);
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
    void deliverToAll(const Broadcast &broadcast, RoomMember *except = nullptr);
    void queue(Pending pending);
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

    QList<RoomMember *> m_members;
    QHash<RoomMember *, QString> m_nicks;
    QHash<QString, RoomMember *> m_byKey; //!< Validation::nickKey() to member
    std::set<QString, NickOrder> m_sorted; //!< every nickname, in the order of nicks()
    std::function<qint64()> m_clock;
    bool m_logChatText = true;

    MessageLog m_log;
    std::vector<Pending> m_pending;
    QHash<QString, int> m_pendingClientIds; //!< client-id to index in m_pending
    QObject m_commitContext; //!< where the per-turn commit is posted; gone with the room
    bool m_commitPosted = false;

    int m_graceMs = 0;
    QHash<RoomMember *, Tokens> m_tokens; //!< every member's resume tokens
    QHash<QString, Hold> m_holds; //!< Validation::nickKey() to the hold on it
    std::deque<QString> m_holdOrder; //!< keys in the order their holds end
    QHash<QHostAddress, int> m_holdsPerAddress; //!< live holds per addressKey()
    int m_maxHolds = 0; //!< holds at most in all (0: no limit)
    int m_maxHoldsPerAddress = 0; //!< holds at most per addressKey() (0: no limit)
};

} // namespace Tagarela
