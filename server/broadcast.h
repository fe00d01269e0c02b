// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QByteArray>

#include "message.h"

namespace Tagarela {

/*!
 * One room event on its way to every member. Each wire form is encoded at most once, on first
 * use, and every member gets the same implicitly shared QByteArray.
 */
class Broadcast final
{
public:
    explicit Broadcast(Message event)
        : m_event(std::move(event))
    { }

    const Message &event() const { return m_event; }
    /*! The event as one frame, for framed clients. */
    const QByteArray &frame() const;
    /*! The event as CRLF-ended lines, for text clients. */
    const QByteArray &text() const;

private:
    Message m_event;
    mutable QByteArray m_frame;
    mutable QByteArray m_text;
};

/*!
 * Room events sent together, in order: the joins, leaves and renames of one event-loop turn
 * (ChatRoom::setBatchPresence()). Their frames, or their lines, go to a member as one buffer,
 * shared by every member that gets them all: one delivery per member per turn, not one per
 * event.
 */
class BroadcastRun final
{
public:
    void append(Message event);
    qsizetype size() const { return qsizetype(m_events.size()); }
    bool isEmpty() const { return m_events.empty(); }
    const Broadcast &at(qsizetype index) const { return m_events[size_t(index)]; }
    /*! The frames of the events from \a from on, one after another. */
    QByteArray frames(qsizetype from = 0) const;
    /*! The lines of the events from \a from on, one after another. */
    QByteArray text(qsizetype from = 0) const;

private:
    std::vector<Broadcast> m_events;
    mutable QByteArray m_frames; //!< frames(0), on first use
    mutable QByteArray m_text; //!< text(0), on first use
};

} // namespace Tagarela
