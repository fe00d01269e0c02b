// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

} // namespace Tagarela
