// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Tagarela {

/*! One line in the chat view: a message, an action, or a quieter notice. */
struct ChatLine
{
    enum class Kind {
        Chat, //!< <nick> text
        Action, //!< * nick text
        Joined, //!< nick joined
        Left, //!< nick left (text = reason)
        Renamed, //!< nick (old) is now known as text (new)
        Notice, //!< from the host: text
        Info, //!< from this program: connected, reconnecting, /help output...
        Error, //!< an error the server or this program reports
        Marker, //!< a divider in the log: new messages, a gap, older messages not loaded...
    };

    /*! Where the user's own message stands; everyone else's is Confirmed. */
    enum class Delivery {
        Confirmed, //!< stored by the server (or not a message of ours)
        Pending, //!< in the outbox, waiting for the server's ack
        Failed, //!< refused by the server (text is the reason); never sent again by itself
    };

    enum class Marker {
        None,
        NewMessages, //!< after the history shown on joining: what follows is live
        Missed, //!< before the messages sent while the user was away (a gap filled)
        NotLoaded, //!< older missed messages exist that were not loaded; click to load
        Loading, //!< older history is on its way
        Start, //!< the server has nothing older
        Server, //!< what follows comes from another server (text: its address)
    };

    Kind kind = Kind::Info;
    qint64 time = 0; //!< milliseconds since the epoch, UTC
    QString nick;
    QString text;
    bool mentionsMe = false; //!< a chat or action whose text names the user's nickname
    /*!
     * Chat, action and notice: the server's sequence number, 0 if none (not stored yet, or an
     * older server). Markers: the number of the message they stand before.
     */
    quint64 seq = 0;
    QString clientId; //!< the user's own messages: the id the outbox gave them
    bool history = false; //!< a past message from the server's history: no notification
    Delivery delivery = Delivery::Confirmed;
    QString note; //!< Pending: why it waits ("not stored yet"); Failed: why it was refused
    Marker marker = Marker::None;
    quint64 before = 0; //!< NotLoaded: fetch the messages older than this to fill the gap
    QString to; //!< a private chat or action: the nickname it is for; empty: the room

    bool isPrivate() const { return !to.isEmpty(); }
    /*!
     * A private line: the other person of the conversation, for the user called \a me (the
     * recipient of what \a me sent, the sender of the rest). Empty for the room.
     */
    QString peer(const QString &me) const
    {
        if (to.isEmpty())
            return {};
        return nick.compare(me, Qt::CaseInsensitive) == 0 ? to : nick;
    }

    bool isUnconfirmed() const { return delivery != Delivery::Confirmed; }
};

} // namespace Tagarela

// Every member can be moved in memory as it is: a log of 100,000 lines grows (and drops its
// oldest lines) by moving bytes, not by copying each line, which stalled the window.
Q_DECLARE_TYPEINFO(Tagarela::ChatLine, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(Tagarela::ChatLine)
