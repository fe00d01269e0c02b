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
    };

    Kind kind = Kind::Info;
    qint64 time = 0; //!< milliseconds since the epoch, UTC
    QString nick;
    QString text;
    bool mentionsMe = false; //!< a chat or action whose text names the user's nickname
};

} // namespace Tagarela

Q_DECLARE_METATYPE(Tagarela::ChatLine)
