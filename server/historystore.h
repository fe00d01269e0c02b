// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QList>
#include <QObject>
#include <QString>

#include "historydatabase.h"
#include "message.h"

namespace Tagarela {

struct ServerConfig;

/*!
 * Where the room's chat messages and notices are kept, and who numbers them: the seam between
 * the room and its storage engine (SQLite on a writer thread, memory for tests, later Redis).
 * The room's code is the same whichever engine is behind it.
 *
 * Asynchronous: append() and read() return at once with a ticket, and the answer comes as the
 * signal appended() or readFinished() on a later turn of the event loop, never from within the
 * call. Batches are answered in the order they were given. The room keeps at most one batch in
 * flight, so that the next one grows while the store writes (group commit).
 *
 * The store numbers a batch's messages: strictly increasing, never reused (a batch that fails
 * uses its numbers up), also across restarts. A message whose client-id the store has already
 * (asked for with checkClientIds) is not stored again: the answer carries the stored one.
 */
class HistoryStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    static constexpr quint64 NoLimit = HistoryDatabase::NoLimit;

    /*! The answer to open(). */
    struct Opened
    {
        bool ok = false;
        QString error; //!< why not, when !ok
        QString historyId;
        quint64 lastSeq = 0; //!< the highest number given out so far
        QList<Message> newest; //!< the newest messages asked for, oldest first
    };

    /*! The answer to append(): what became of one batch. */
    struct Appended
    {
        quint64 ticket = 0; //!< as append() returned it
        bool ok = false; //!< durable; false: nothing of the batch was stored
        QString error; //!< why not, when !ok
        /*!
         * The batch in the order given, each message with the seq it got; for a message whose
         * client-id was stored before, that earlier message instead (and repeated set).
         */
        QList<Message> messages;
        QList<bool> repeated;
    };

    /*! The answer to read(). */
    struct Read
    {
        quint64 ticket = 0;
        QList<Message> messages; //!< oldest first; empty on a read error (logged)
    };

    explicit HistoryStore(QObject *parent = nullptr)
        : QObject(parent)
    { }
    ~HistoryStore() override = default;

    /*!
     * Opens the store (creating it if needed) and reads its newest \a newest messages. Blocks:
     * call it once at start-up, before the server serves anyone.
     */
    [[nodiscard]] virtual Opened open(int newest) = 0;
    /*!
     * Stores \a messages (chats and notices, oldest first, seq unset) as one durable batch, all
     * or nothing, and deletes the oldest beyond the retention limit. With \a checkClientIds the
     * store looks up the client-ids the caller no longer remembers. Answered by appended().
     */
    virtual quint64 append(QList<Message> messages, bool checkClientIds) = 0;
    /*!
     * Reads the newest \a max messages with \a after < seq < \a before, without waiting for
     * batches being written. Answered by readFinished().
     */
    virtual quint64 read(quint64 after, quint64 before, int max) = 0;
    /*!
     * Reads the newest \a max messages with seq < \a before that hold \a query and that
     * \a viewer may see (HistoryDatabase::search()), off the event loop like read().
     * Answered by readFinished().
     */
    virtual quint64 search(const QString &query, quint64 before, int max,
                           const QString &viewer) = 0;

    /*!
     * The store \a config asks for: SQLite in config.dataDir, or in memory if it is empty.
     * With config.noHistory it keeps no messages, only the counter and the history id.
     */
    static std::unique_ptr<HistoryStore> create(const ServerConfig &config);

protected:
    /*! open() on a blocking \a database, in the thread that uses it. */
    static Opened openDatabase(HistoryDatabase &database, int newest);
    /*!
     * One batch on a blocking \a database: numbers the messages after \a lastSeq (which it
     * advances, also on failure), recognises stored client-ids, and appends the rest.
     */
    static Appended appendTo(HistoryDatabase &database, quint64 *lastSeq, quint64 ticket,
                             QList<Message> messages, bool checkClientIds);

Q_SIGNALS:
    void appended(const Tagarela::HistoryStore::Appended &result);
    void readFinished(const Tagarela::HistoryStore::Read &result);
};

} // namespace Tagarela
