// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Tagarela {

/*!
 * A consistent copy of a data directory's history database, taken while a server may be
 * writing to it (tagarela-server --backup).
 *
 * The copy is one read transaction on a read-only connection of its own (SQLite's VACUUM
 * INTO): in WAL mode the server's commits go on beside it and never make it start over, which
 * is what stalled the sqlite3 shell's ".backup" on a busy server. The copy holds every message
 * committed before the read began. It is written to a temporary file next to the target (mode
 * 0600), flushed to disk, checked with PRAGMA integrity_check, and only then renamed over the
 * target, so the target is either the old file or a complete new copy.
 */
class HistoryBackup final
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::HistoryBackup)

public:
    struct Result
    {
        bool ok = false;
        QString error; //!< what went wrong, for the operator; empty when ok
        qint64 messages = 0; //!< messages in the copy
        quint64 lastSeq = 0; //!< the newest message's number in the copy; 0: none
        qint64 bytes = 0; //!< size of the copy
    };

    /*! Copies the history in \a dataDir to the file \a target (replaced if it exists). */
    [[nodiscard]] static Result write(const QString &dataDir, const QString &target);
};

} // namespace Tagarela
