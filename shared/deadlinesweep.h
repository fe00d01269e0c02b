// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>

namespace Tagarela {

/*!
 * The deadlines of many objects on one timer per thread: each connection waits for its
 * detection timeout, then for its heartbeat interval again and again, and a Qt timer each
 * would be one registration in the event dispatcher per connection (memory, and a sorted
 * insertion into its timer list on every restart).
 *
 * Entries scheduled with the same delay wait in one first-in first-out queue: appended in the
 * order they were scheduled, they fall due in that order too, so scheduling and cancelling
 * cost O(1) and a sweep looks only at the heads of the queues (as many as there are distinct
 * delays: two on a server). One timer is armed for the earliest head; a sweep runs at most
 * once per ResolutionMs, so an entry runs at its deadline or up to ResolutionMs after it, never
 * before.
 *
 * Not thread-safe: each thread has its own sweep, and an entry is scheduled from one thread.
 */
class DeadlineSweep final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeadlineSweep)
    struct Queue;

public:
    /*! What waits for a deadline: embedded in its owner (a base class), no allocation. */
    class Entry
    {
    public:
        bool isScheduled() const { return m_queue != nullptr; }
        /*! Unschedules it, if it is. */
        void cancel();

    protected:
        Entry() = default;
        /*! Cancels it: a deleted entry never runs. (Virtual: the sweep is a friend.) */
        virtual ~Entry();
        Q_DISABLE_COPY_MOVE(Entry)

        /*!
         * The deadline passed; the entry is no longer scheduled and may schedule itself again.
         * It may cancel or delete other entries from here.
         */
        virtual void deadlineReached() = 0;

    private:
        friend class DeadlineSweep;
        Queue *m_queue = nullptr;
        Entry *m_previous = nullptr;
        Entry *m_next = nullptr;
        qint64 m_deadline = 0; //!< on the sweep's clock, in ms
    };

    static constexpr int ResolutionMs = 10;

    /*! This thread's sweep, made on first use. */
    static DeadlineSweep *forThisThread();

    ~DeadlineSweep() override;

    /*! (Re)schedules \a entry to run \a delayMs from now (at least 1 ms). */
    void schedule(Entry *entry, int delayMs);
    /*! How many entries wait (for tests). */
    int scheduledCount() const { return m_scheduled; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    DeadlineSweep();
    void unlink(Entry *entry);
    /*! Arms the timer for the earliest deadline, or stops it if nothing waits. */
    void arm();

    std::vector<std::unique_ptr<Queue>> m_queues;
    QElapsedTimer m_clock;
    QBasicTimer m_timer;
    qint64 m_armedFor = -1; //!< when the timer fires, on m_clock; -1: not armed
    qint64 m_lastSweep = -ResolutionMs;
    int m_scheduled = 0;
};

} // namespace Tagarela
