// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <limits>
#include <optional>

#include <QList>
#include <QString>

#include "message.h"

namespace Tagarela {

/*!
 * A history that blocks: every call returns when its work is done (on disk, for SQLite). Not
 * what the room talks to: a HistoryStore runs one in a thread of its own (ThreadedHistoryStore)
 * or in memory (MemoryHistoryStore), and is used from that one thread only.
 *
 * Messages are Message values of type Chat or Notice with their seq, time and, for chats,
 * from, text, action and client-id. Sequence numbers are assigned by the caller, strictly
 * increasing; the database remembers the highest one it was given, also when it keeps no texts.
 */
class HistoryDatabase
{
public:
    static constexpr quint64 NoLimit = std::numeric_limits<qint64>::max();

    virtual ~HistoryDatabase() = default;

    /*! Opens the database (creating it if needed). False, with errorString(), on failure. */
    [[nodiscard]] virtual bool open() = 0;
    /*! What went wrong last. */
    virtual QString errorString() const = 0;
    /*! Names this sequence of messages; the same for as long as the database exists. */
    virtual QString historyId() const = 0;
    /*! The highest sequence number ever appended (or reserved); 0 for a new database. */
    virtual quint64 lastSeq() const = 0;

    /*!
     * Stores \a messages, oldest first, all or nothing, durably before it returns (one
     * transaction), then deletes the oldest beyond the retention limit. False, with
     * errorString(), if nothing was stored; the next call tries again from scratch.
     */
    [[nodiscard]] virtual bool append(const QList<Message> &messages) = 0;
    /*!
     * The newest \a max messages with \a after < seq < \a before, oldest first. Empty on a read
     * error (logged).
     */
    virtual QList<Message> range(quint64 after, quint64 before, int max) = 0;
    /*! The stored chat with this client-id, if any. */
    virtual std::optional<Message> findClientId(const QString &clientId) = 0;
    /*!
     * The newest \a max messages with seq < \a before whose text holds \a query, among those
     * \a viewer may see (isVisibleTo()), oldest first. How a text "holds" the query is the
     * engine's: SQLite matches words starting with each word of it (full-text index), memory
     * any case-insensitive substring. Empty on a read error (logged).
     */
    virtual QList<Message> search(const QString &query, quint64 before, int max,
                                  const QString &viewer) = 0;

    /*! The newest \a count messages, oldest first. */
    QList<Message> latest(int count) { return range(0, NoLimit, count); }
    /*! The newest \a max messages after \a seq, oldest first. */
    QList<Message> after(quint64 seq, int max) { return range(seq, NoLimit, max); }
    /*! The newest \a max messages before \a seq, oldest first. */
    QList<Message> before(quint64 seq, int max) { return range(0, seq, max); }

    /*!
     * Whether the person called \a nick may see \a message: a message for the room, or a
     * private one from or to that nickname (compared as nicknames are, docs/PROTOCOL.md 8.1).
     */
    static bool isVisibleTo(const Message &message, const QString &nick);

    /*! A new random history id: 32 hex digits. */
    static QString newHistoryId();
};

} // namespace Tagarela
