// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deadlinesweep.h"

#include <algorithm>
#include <limits>

#include <QTimerEvent>

namespace Tagarela {

/*! The entries scheduled with one delay, in the order of their deadlines. */
struct DeadlineSweep::Queue
{
    DeadlineSweep *sweep = nullptr;
    int delayMs = 0;
    DeadlineSweep::Entry *head = nullptr;
    DeadlineSweep::Entry *tail = nullptr;
};

namespace {
thread_local std::unique_ptr<DeadlineSweep> threadSweep;
} // namespace

DeadlineSweep::Entry::~Entry()
{
    cancel();
}

void DeadlineSweep::Entry::cancel()
{
    if (m_queue)
        m_queue->sweep->unlink(this);
}

DeadlineSweep *DeadlineSweep::forThisThread()
{
    if (!threadSweep)
        threadSweep.reset(new DeadlineSweep);
    return threadSweep.get();
}

DeadlineSweep::DeadlineSweep()
{
    m_clock.start();
}

DeadlineSweep::~DeadlineSweep()
{
    // Entries that outlive their thread's sweep (leaked) must not reach into it.
    for (const std::unique_ptr<Queue> &queue : m_queues) {
        for (Entry *entry = queue->head; entry;) {
            Entry *next = entry->m_next;
            entry->m_queue = nullptr;
            entry->m_previous = entry->m_next = nullptr;
            entry = next;
        }
    }
}

void DeadlineSweep::schedule(Entry *entry, int delayMs)
{
    entry->cancel();
    delayMs = std::max(delayMs, 1);
    auto found = std::find_if(m_queues.begin(), m_queues.end(),
                              [delayMs](const auto &queue) { return queue->delayMs == delayMs; });
    Queue *queue;
    if (found != m_queues.end()) {
        queue = found->get();
    } else {
        m_queues.push_back(std::make_unique<Queue>());
        queue = m_queues.back().get();
        queue->sweep = this;
        queue->delayMs = delayMs;
    }
    // A later deadline than every other in its queue: the clock does not go back.
    entry->m_deadline = m_clock.elapsed() + delayMs;
    entry->m_queue = queue;
    entry->m_previous = queue->tail;
    entry->m_next = nullptr;
    if (queue->tail)
        queue->tail->m_next = entry;
    else
        queue->head = entry;
    queue->tail = entry;
    ++m_scheduled;
    if (m_armedFor < 0 || entry->m_deadline < m_armedFor)
        arm();
}

void DeadlineSweep::unlink(Entry *entry)
{
    Queue *queue = entry->m_queue;
    if (entry->m_previous)
        entry->m_previous->m_next = entry->m_next;
    else
        queue->head = entry->m_next;
    if (entry->m_next)
        entry->m_next->m_previous = entry->m_previous;
    else
        queue->tail = entry->m_previous;
    entry->m_queue = nullptr;
    entry->m_previous = entry->m_next = nullptr;
    --m_scheduled;
    // The timer stays armed: a sweep that finds nothing due only re-arms it.
}

void DeadlineSweep::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    m_armedFor = -1;
    const qint64 now = m_clock.elapsed();
    m_lastSweep = now;
    // The earliest head each time, so that what is due runs in the order of its deadlines
    // across queues too. An entry that schedules itself again is due at least 1 ms after now,
    // so the loop ends.
    for (;;) {
        Entry *due = nullptr;
        for (const std::unique_ptr<Queue> &queue : m_queues) {
            if (queue->head && queue->head->m_deadline <= now &&
                (!due || queue->head->m_deadline < due->m_deadline)) {
                due = queue->head;
            }
        }
        if (!due)
            break;
        unlink(due);
        due->deadlineReached();
    }
    // No entry refers to an empty queue; a test's many delays do not pile up.
    m_queues.erase(std::remove_if(m_queues.begin(), m_queues.end(),
                                  [](const auto &queue) { return !queue->head; }),
                   m_queues.end());
    arm();
}

void DeadlineSweep::arm()
{
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const std::unique_ptr<Queue> &queue : m_queues) {
        if (queue->head)
            earliest = std::min(earliest, queue->head->m_deadline);
    }
    if (earliest == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        m_armedFor = -1;
        return;
    }
    // Deadlines a few microseconds apart (a burst of connections) run in one sweep, not one
    // timer event each.
    const qint64 at = std::max(earliest, m_lastSweep + ResolutionMs);
    if (at == m_armedFor && m_timer.isActive())
        return;
    const qint64 delay = std::max<qint64>(at - m_clock.elapsed(), 0);
    m_timer.start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())), Qt::PreciseTimer,
                  this);
    m_armedFor = at;
}

} // namespace Tagarela
