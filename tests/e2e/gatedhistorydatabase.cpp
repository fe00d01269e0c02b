// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatedhistorydatabase.h"

#include <chrono>
#include <thread>

#include "sqlitehistorydatabase.h"
#include "threadedhistorystore.h"

namespace Tagarela::Testing {

using namespace Qt::StringLiterals;

void CommitGate::setDelayMs(int ms)
{
    const std::lock_guard lock(m_mutex);
    m_delayMs = ms;
}

void CommitGate::close()
{
    const std::lock_guard lock(m_mutex);
    m_closed = true;
    m_allowed = 0;
}

void CommitGate::allow(int count)
{
    {
        const std::lock_guard lock(m_mutex);
        m_allowed += count;
    }
    m_changed.notify_all();
}

void CommitGate::open()
{
    {
        const std::lock_guard lock(m_mutex);
        m_closed = false;
    }
    m_changed.notify_all();
}

void CommitGate::failNext(int count)
{
    const std::lock_guard lock(m_mutex);
    m_failures += count;
}

int CommitGate::waiting() const
{
    const std::lock_guard lock(m_mutex);
    return m_waiting;
}

int CommitGate::passed() const
{
    const std::lock_guard lock(m_mutex);
    return m_passed;
}

bool CommitGate::waitForFinished(int count, int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                              [this, count] { return m_finished >= count; });
}

void CommitGate::finish()
{
    {
        const std::lock_guard lock(m_mutex);
        ++m_finished;
    }
    m_changed.notify_all();
}

bool CommitGate::pass()
{
    std::unique_lock lock(m_mutex);
    ++m_waiting;
    m_changed.wait_for(lock, std::chrono::milliseconds(MaxWaitMs),
                       [this] { return !m_closed || m_allowed > 0; });
    if (m_closed && m_allowed > 0)
        --m_allowed;
    --m_waiting;
    const int delayMs = m_delayMs;
    const bool fail = m_failures > 0;
    if (fail)
        --m_failures;
    lock.unlock();
    // The slow disk: this is the store's writer thread, not the test's.
    if (delayMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
    lock.lock();
    ++m_passed;
    return !fail;
}

GatedHistoryDatabase::GatedHistoryDatabase(std::unique_ptr<HistoryDatabase> inner,
                                           std::shared_ptr<CommitGate> gate, Gated gated)
    : m_inner(std::move(inner))
    , m_gate(std::move(gate))
    , m_gated(gated)
{ }

QList<Message> GatedHistoryDatabase::range(quint64 after, quint64 before, int max)
{
    if (m_gated != Gated::Reads)
        return m_inner->range(after, before, max);
    const bool ok = m_gate->pass();
    QList<Message> messages = ok ? m_inner->range(after, before, max) : QList<Message>();
    m_gate->finish();
    return messages;
}

bool GatedHistoryDatabase::append(const QList<Message> &messages)
{
    if (m_gated != Gated::Appends)
        return m_inner->append(messages);
    if (!m_gate->pass()) {
        m_error = u"a failure made by the test"_s;
        m_gate->finish();
        return false;
    }
    const bool stored = m_inner->append(messages);
    if (!stored)
        m_error = m_inner->errorString();
    m_gate->finish();
    return stored;
}

std::unique_ptr<HistoryStore> gatedSqliteStore(const QString &dataDir, int limit,
                                               std::shared_ptr<CommitGate> gate,
                                               std::shared_ptr<CommitGate> readGate)
{
    return std::make_unique<ThreadedHistoryStore>(
        [dataDir, limit, gate] {
            return std::make_unique<GatedHistoryDatabase>(
                std::make_unique<SqliteHistoryDatabase>(dataDir, limit), gate);
        },
        [dataDir, limit, readGate]() -> std::unique_ptr<HistoryDatabase> {
            auto reader = std::make_unique<SqliteHistoryDatabase>(
                dataDir, limit, SqliteHistoryDatabase::Access::ReadOnly);
            if (!readGate)
                return reader;
            return std::make_unique<GatedHistoryDatabase>(std::move(reader), readGate,
                                                          GatedHistoryDatabase::Gated::Reads);
        },
        // As HistoryStore::create() makes it: without history only the counter is written.
        limit == 0 ? ThreadedHistoryStore::Keeps::CounterOnly
                   : ThreadedHistoryStore::Keeps::Messages);
}

} // namespace Tagarela::Testing
