// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "message.h"

namespace Tagarela {

/*! How room events read for text-mode (telnet, nc) clients. Pure. */
class TextFormat final
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::TextFormat)

public:
    /*!
     * The lines a text client sees for \a event (chat, joined, left, renamed, notice), each
     * starting with "[HH:MM] " in local time. A multi-line text gives one line per line.
     * A private chat reads "*from* text" to its recipient, and "-> *to* text" to \a viewer
     * when \a viewer sent it.
     */
    static QStringList lines(const Message &event, const QString &viewer = {});
    /*! lines() as CRLF-ended UTF-8, ready for the socket. */
    static QByteArray encode(const Message &event, const QString &viewer = {});
    /*! A server reply to one text client: "*** text". */
    static QString reply(const QString &text);
    /*! "3 users here: ana, bia, caio" */
    static QString userList(const QStringList &nicks);
    /*! "3 users here." */
    static QString userCount(int count);
};

} // namespace Tagarela
