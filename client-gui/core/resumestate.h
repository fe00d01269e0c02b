// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tagarela {

/*!
 * Where the user is in one server's history: the highest sequence number seen and the
 * history-id it was seen under, so that a reconnection, even after a restart of the client,
 * asks for what it missed (hello after), and the resume token that gets the nickname back.
 * Kept per server and nickname in the program's QSettings, under "resume/".
 *
 * A number older than the truth is harmless (the catch-up repeats what the view already has,
 * and the view drops repeats); a newer one would hide messages. So it is saved from time to
 * time, not after every message.
 */
struct ResumeState
{
    QString historyId;
    quint64 lastSeq = 0;
    /*!
     * The resume token of the last welcome: a client restarted after a crash gets its
     * nickname back instead of finding it held for itself.
     */
    QString token;

    /*! The settings key for \a host, \a port and \a nick. */
    static QString keyFor(const QString &host, quint16 port, const QString &nick);
    static ResumeState load(const QString &key);
    void save(const QString &key) const;
    /*! True if \a historyId names the history lastSeq was seen in, so after can be used. */
    bool resumesIn(const QString &serverHistoryId) const
    {
        return lastSeq > 0 && !historyId.isEmpty() && historyId == serverHistoryId;
    }
};

} // namespace Tagarela
