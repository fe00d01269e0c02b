// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tagarela {

class Broadcast;

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
    /*! Where the member connects from, for the console. */
    virtual QString address() const = 0;
};

} // namespace Tagarela
