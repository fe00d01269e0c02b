// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>

#include "message.h"
#include "redisreply.h"

namespace Tagarela {

/*!
 * The Redis keys of one room, all in one place (docs/SCALING.md says what each holds). The
 * room's name is in braces, a Redis Cluster hash tag, so that a cluster keeps a room's keys
 * together as its scripts need.
 */
struct RedisRoomKeys
{
    QByteArray log; //!< Stream: the room's events, ID "<seq>-0"
    QByteArray meta; //!< Hash: history-id, seq (the last number given)
    QByteArray clientIds; //!< Hash: client-id -> "<seq> <time>"
    QByteArray clientIdOrder; //!< Sorted set: client-id scored by seq, to forget the oldest
    QByteArray members; //!< Hash: nickname key -> "<origin> <nick>" of every user, any server
    QByteArray leasePrefix; //!< + origin: String, a live server's lease (PX, renewed)
    QByteArray cleanupPrefix; //!< + origin: String, who announced a dead server's users left
    QByteArray bans; //!< Set: the addresses and subnets banned on any server, as written
    QByteArray tokens; //!< Hash: nickname key -> the hashes of its user's resume tokens
    QByteArray holdPrefix; //!< + nickname key: String, a held nickname's token hashes (PX)

    /*! "tagarela:{lobby}:log" and so on, for \a prefix "tagarela" and \a room "lobby". */
    static RedisRoomKeys forRoom(const QString &prefix, const QString &room);
};

/*! One entry of a room's stream: an event, its number, and where it came from. */
struct RoomEvent
{
    Message message; //!< Chat, Notice, Joined, Left or Renamed, with seq and time
    QString origin; //!< the id of the server that appended it
    QString historyId; //!< the history it belongs to
};

/*!
 * The stream's entry format. Fields, each left out when empty: type ("chat", "notice",
 * "joined", "left", "renamed": the protocol's names; "private": a chat for one person, named
 * apart so that a server older than private messages skips it rather than show it to
 * everyone; "kick", "ban", "unban": the host's commands for every server), from, nick, text,
 * reason, action ("1"), client-id, time (ms since the epoch), to (a private message's
 * recipient; entries from before private messages have none), origin, history.
 */
namespace RedisRoomSchema {
/*! The stream types history pages hold, as range.lua takes them. */
inline constexpr char HistoryTypes[] = "chat private notice";
/*! The 9 arguments append.lua takes per event. */
QList<QByteArray> appendArguments(const Message &message);
/*! An entry as XRANGE/XREAD give it ([id, [field, value, ...]]); nothing if malformed. */
std::optional<RoomEvent> eventFromEntry(const RedisReply &entry);
/*! The seq of a stream entry ID "<seq>-0"; 0 if it is not one. */
quint64 seqFromId(const QByteArray &id);
} // namespace RedisRoomSchema

} // namespace Tagarela
