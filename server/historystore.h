// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <limits>
#include <memory>
#include <optional>

#include <QList>
#include <QString>

#include "message.h"

namespace Tagarela {

struct ServerConfig;

/*!
 * Where the room's chat messages and notices are kept, and the sequence counter with them.
 * The seam for other back ends (a PostgreSQL or Redis one): the room only needs these calls.
 *
 * Messages are Message values of type Chat or Notice with their seq, time and, for chats,
 * from, text, action and client-id. Sequence numbers are assigned by the caller, strictly
 * increasing; the store remembers the highest one it was given, also when it keeps no texts.
 */
class HistoryStore
{
public:
    static constexpr quint64 NoLimit = std::numeric_limits<qint64>::max();

    virtual ~HistoryStore() = default;

    /*! Opens the store (creating it if needed). False, with errorString(), on failure. */
    [[nodiscard]] virtual bool open() = 0;
    /*! What went wrong last. */
    virtual QString errorString() const = 0;
    /*! Names this sequence of messages; the same for as long as the store exists. */
    virtual QString historyId() const = 0;
    /*! The highest sequence number ever appended (or reserved); 0 for a new store. */
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

    /*! The newest \a count messages, oldest first. */
    QList<Message> latest(int count) { return range(0, NoLimit, count); }
    /*! The newest \a max messages after \a seq, oldest first. */
    QList<Message> after(quint64 seq, int max) { return range(seq, NoLimit, max); }
    /*! The newest \a max messages before \a seq, oldest first. */
    QList<Message> before(quint64 seq, int max) { return range(0, seq, max); }

    /*!
     * The store \a config asks for: SQLite in config.dataDir, or in memory if it is empty.
     * With config.noHistory it keeps no messages, only the counter and the history id.
     */
    static std::unique_ptr<HistoryStore> create(const ServerConfig &config);
    /*! A new random history id: 32 hex digits. */
    static QString newHistoryId();
};

} // namespace Tagarela
