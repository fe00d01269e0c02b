// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QStringView>

namespace Tagarela {
/*! Connections: accept, detect, close, protocol errors ("tagarela.connection"). */
Q_DECLARE_LOGGING_CATEGORY(lcConnection)

/*!
 * \a text, which a peer chose (a nickname, chat text, a message type, a reason ...), made safe
 * for the host's console and log: control characters (C0 such as ESC, CR and LF, DEL, C1),
 * bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), the
 * line and paragraph separators and lone surrogates are written as \c \\x1B or \c \\u202E.
 * No peer can then start an escape sequence in the host's terminal, forge a log line, or
 * reorder what the host reads. With \a maxChars >= 0, at most that many characters of \a text
 * are kept and a cut is marked with "…".
 */
QString escapeForLog(QStringView text, qsizetype maxChars = -1);

/*!
 * Passes every message this process logs through escapeForLog() before the message handler
 * installed until now (Qt's own: the console, or the journal) sees it. A log line is then one
 * line, whatever a peer managed to put into it. Calling it again while it is the installed
 * handler changes nothing.
 */
void installLogEscaping();
} // namespace Tagarela
