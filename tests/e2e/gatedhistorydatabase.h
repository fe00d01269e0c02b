// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>

#include <QString>

#include "historydatabase.h"
#include "historystore.h"

namespace Tagarela::Testing {

/*!
 * What a test controls of a GatedHistoryDatabase's commits, from the test's thread while the
 * commits run on the store's writer thread: how long each takes (a slow disk), whether it
 * waits at the gate until the test lets it through, and whether it fails (a full disk).
 */
class CommitGate final
{
public:
    /*! A commit that waits longer than this goes through anyway: a broken test fails, not hangs. */
    static constexpr int MaxWaitMs = 30'000;

    /*! Each commit takes \a ms more (the writer thread sleeps: the disk is slow). */
    void setDelayMs(int ms);
    /*! From now on commits wait at the gate until allow() or open(). */
    void close();
    /*! Lets \a count more commits through the closed gate. */
    void allow(int count = 1);
    /*! Lets every commit through, now and later. */
    void open();
    /*! The next \a count commits fail, nothing of them stored. */
    void failNext(int count = 1);

    /*! Commits waiting at the gate now. */
    int waiting() const;
    /*! Commits through the gate so far (stored or failed). */
    int passed() const;
    /*!
     * Blocks the calling thread (its event loop too, so no answer of the store is delivered
     * meanwhile) until \a count commits are finished, for \a timeoutMs at most.
     */
    [[nodiscard]] bool waitForFinished(int count, int timeoutMs = MaxWaitMs);

    /*! Called by the database for each commit: waits as told; false if it is to fail. */
    [[nodiscard]] bool pass();
    /*! Called by the database when a commit that passed is over. */
    void finish();

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_delayMs = 0;
    bool m_closed = false;
    int m_allowed = 0;
    int m_failures = 0;
    int m_waiting = 0;
    int m_passed = 0;
    int m_finished = 0;
};

/*!
 * A HistoryDatabase whose appends (or reads) go through a CommitGate first, then to \a inner.
 */
class GatedHistoryDatabase final : public HistoryDatabase
{
public:
    enum class Gated { Appends, Reads };

    GatedHistoryDatabase(std::unique_ptr<HistoryDatabase> inner, std::shared_ptr<CommitGate> gate,
                         Gated gated = Gated::Appends);

    bool open() override { return m_inner->open(); }
    QString errorString() const override { return m_error; }
    QString historyId() const override { return m_inner->historyId(); }
    quint64 lastSeq() const override { return m_inner->lastSeq(); }
    bool append(const QList<Message> &messages) override;
    QList<Message> range(quint64 after, quint64 before, int max) override;
    std::optional<Message> findClientId(const QString &clientId) override
    {
        return m_inner->findClientId(clientId);
    }
    QList<Message> search(const QString &query, quint64 before, int max,
                          const QString &viewer) override
    {
        return m_inner->search(query, before, max, viewer);
    }

private:
    std::unique_ptr<HistoryDatabase> m_inner;
    std::shared_ptr<CommitGate> m_gate;
    Gated m_gated;
    QString m_error;
};

/*!
 * The server's SQLite store in \a dataDir keeping \a limit messages, with its commits through
 * \a gate (a store on a slow, stalled or failing disk) and, with a \a readGate, its reads
 * through that.
 */
std::unique_ptr<HistoryStore> gatedSqliteStore(const QString &dataDir, int limit,
                                               std::shared_ptr<CommitGate> gate,
                                               std::shared_ptr<CommitGate> readGate = {});

} // namespace Tagarela::Testing
