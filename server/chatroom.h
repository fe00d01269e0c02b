// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <set>

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "message.h"

namespace Tagarela {

class Broadcast;
class RoomMember;

/*!
 * The room: who is here under which nickname, and who receives what. No sockets: members are
 * RoomMember objects, and every event goes out as one Broadcast to each of them in join order.
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

        bool ok() const { return error == ErrorCode::None; }
    };

    ChatRoom();

    /*! Milliseconds since the epoch for event times; replaceable in tests. */
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    /*! Whether chat text goes to the log (--quiet turns it off); presence always does. */
    void setLogChatText(bool log) { m_logChatText = log; }

    /*! Adds \a member as \a nick and tells everyone else ("joined"). */
    NickResult join(RoomMember *member, const QString &nick);
    /*! Removes \a member and tells everyone left ("left"). Does nothing for a non-member. */
    void leave(RoomMember *member, const QString &reason);
    /*! Renames \a member and tells everyone, \a member included ("renamed"). */
    NickResult rename(RoomMember *member, const QString &nick);
    /*! Sends \a text from \a member to everyone, \a member included ("chat"). */
    void say(RoomMember *member, const QString &text, bool action);
    /*! Sends a notice from the host to everyone ("notice"). */
    void notice(const QString &text);

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
    NickResult checkNick(const QString &nick, RoomMember *except) const;
    void deliverToAll(const Broadcast &broadcast, RoomMember *except = nullptr);

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
};

} // namespace Tagarela
