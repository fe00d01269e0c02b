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
 */
class ThreadedHistoryStore final : public HistoryStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadedHistoryStore)

public:
    /*! Makes a database; called in the thread that will use it. */
    using Factory = std::function<std::unique_ptr<HistoryDatabase>()>;

    static constexpr int StopTimeoutMs = 10'000;

    /*! A store whose writer thread uses \a writer's database, and its reader \a reader's. */
    ThreadedHistoryStore(Factory writer, Factory reader, QObject *parent = nullptr);
    ~ThreadedHistoryStore() override;

    Opened open(int newest) override;
    quint64 append(QList<Message> messages, bool checkClientIds) override;
    quint64 read(quint64 after, quint64 before, int max) override;
    quint64 search(const QString &query, quint64 before, int max, const QString &viewer) override;

private:
    class Worker;

    std::unique_ptr<Worker> m_writer;
    std::unique_ptr<Worker> m_reader;
    quint64 m_lastTicket = 0;
};

} // namespace Tagarela
