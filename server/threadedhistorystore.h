// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>

#include "historystore.h"

namespace Tagarela {

/*!
 * A HistoryStore over blocking HistoryDatabases, each on a thread of its own so that the event
 * loop never waits for a disk: a writer that stores the batches one after the other, and a
 * reader (a second connection: SQLite's WAL lets it read while the writer writes) for history
 * and paging. Each database is made, opened, used and closed in its own thread; the threads
 * answer the loop by queued calls.
 *
 * Destroying the store waits, for StopTimeoutMs at most, until the batch being written is
 * written: what the room was about to acknowledge is durable when the server exits.
 *
 * With Keeps::CounterOnly (no history) the writer's database keeps no messages, only its
 * counter, which it reserves ahead in blocks: after an append its lastSeq() is how far the
 * numbers are durably reserved (SqliteHistoryDatabase with limit 0). The store then numbers
 * the batches itself, and answers a batch whose numbers are all reserved already on a later
 * turn of the event loop, without a hand-off to the writer: there is nothing to write. Only
 * a batch that needs more numbers goes to the writer (once per block), and so do the batches
 * after it until it is answered, so that the answers keep their order.
 */
class ThreadedHistoryStore final : public HistoryStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadedHistoryStore)

public:
    /*! Makes a database; called in the thread that will use it. */
    using Factory = std::function<std::unique_ptr<HistoryDatabase>()>;

    static constexpr int StopTimeoutMs = 10'000;

    /*! What the writer's database keeps. */
    enum class Keeps {
        Messages, //!< the messages, numbered by the writer
        CounterOnly, //!< its counter only, reserved ahead in blocks (no history)
    };

    /*!
     * A store whose writer thread uses \a writer's database, and its reader \a reader's;
     * \a keeps says what the writer's keeps.
     */
    ThreadedHistoryStore(Factory writer, Factory reader, Keeps keeps = Keeps::Messages,
                         QObject *parent = nullptr);
    ~ThreadedHistoryStore() override;

    Opened open(int newest) override;
    quint64 append(QList<Message> messages, bool checkClientIds) override;
    quint64 read(quint64 after, quint64 before, int max) override;
    quint64 search(const QString &query, quint64 before, int max, const QString &viewer) override;

private:
    class Worker;

    /*! append() with Keeps::CounterOnly. */
    void appendCounted(quint64 ticket, QList<Message> messages);

    std::unique_ptr<Worker> m_writer;
    std::unique_ptr<Worker> m_reader;
    quint64 m_lastTicket = 0;
    const Keeps m_keeps;
    // Keeps::CounterOnly only, all in the event loop's thread:
    quint64 m_lastSeq = 0; //!< the highest number given out
    quint64 m_reservedSeq = 0; //!< the numbers up to this are durably reserved
};

} // namespace Tagarela
