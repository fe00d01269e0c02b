// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

namespace Tagarela {

class Broadcast;
class BroadcastRun;
struct Message;

/*!
 * What the room needs of someone in it. The room never sees a socket: a session implements
 * this over a Connection, a test over a list.
 */
class RoomMember
{
public:
    virtual ~RoomMember() = default;

    /*!
     * Hands \a broadcast to this member. Must not call back into the room: a member that
     * cannot take it (a slow reader) closes itself and leaves on a later event-loop turn.
     */
    virtual void deliver(const Broadcast &broadcast) = 0;
    /*!
     * Hands the events of \a run from \a from to \a to (excluded), in order, as deliver()
     * would one by one (which the default does). None of them is a private message: they read
     * the same to everyone. Same rule as deliver().
     */
    virtual void deliverAll(const BroadcastRun &run, qsizetype from, qsizetype to);
    /*!
     * Hands \a message to this member alone: the ack of its say, or the error that it could
     * not be stored. Same rule as deliver().
     */
    virtual void tell(const Message &message) = 0;
    /*!
     * Everything this member is due for now has been handed over: send it now rather than at
     * the end of the event-loop turn (the default does nothing). Same rule as deliver().
     */
    virtual void flush() { }
    /*!
     * The same user came back on another connection: this member has been removed from the
     * room and should say goodbye ("replaced") and close. Must not call back into the room.
     */
    virtual void displace() = 0;
    /*! Where the member connects from, for the console. */
    virtual QString address() const = 0;
    /*!
     * The address the member connects from, for per-address limits (held nicknames). The
     * default, a null address, counts every such member as one address.
     */
    virtual QHostAddress peerAddress() const { return {}; }
};

} // namespace Tagarela
