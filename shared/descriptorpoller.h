// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include <QtGlobal>

class QSocketNotifier;

namespace Tagarela {

/*!
 * One epoll set per thread for the descriptors that server connections own: Qt's event loop
 * watches one descriptor (the set's, with one QSocketNotifier) instead of one per connection,
 * and the set tells each watcher what is ready. Qt's dispatcher polls every descriptor it
 * watches on every turn; thousands of idle connections made that a tenth of the server's time.
 *
 * Level-triggered: what a watcher leaves unread (a connection reads a bounded amount per
 * event) is reported again by a later epoll_wait(), after the descriptors the kernel had
 * queued before it, so one busy peer cannot starve the others. One activation (one turn of
 * the event loop) takes events MaxEvents at a time until every ready descriptor has been
 * heard once, as Qt's dispatcher did with a notifier each, so that the output of a turn is
 * still flushed (and presence still batched) once per turn; a descriptor reported again in
 * the same turn waits for the next one, so the per-turn read bound holds. At most MaxRounds
 * calls per turn.
 *
 * Each registration has a generation, carried in its epoll events: an event still in the batch
 * for a descriptor removed meanwhile (its connection closed or deleted by an earlier event of
 * the same batch), or closed and reused by another registration, is dropped, never delivered
 * to the wrong watcher or to a deleted one.
 *
 * Linux only (epoll). Not thread-safe: each thread has its own set, and a descriptor is
 * watched by the set of the thread that added it.
 */
class DescriptorPoller final
{
    Q_DISABLE_COPY_MOVE(DescriptorPoller)

public:
    /*! What a watcher wants to hear about (a bit set). */
    enum Interest : quint32 { None = 0, Read = 1, Write = 2 };

    /*! What is ready (a bit set). Failed: an error or hang-up, reported whatever the interest. */
    enum Ready : quint32 { Readable = 1, Writable = 2, Failed = 4 };

    class Watcher
    {
    public:
        /*!
         * \a ready is a set of Ready bits for the descriptor. The watcher may remove itself,
         * or others, or delete them, from here.
         */
        virtual void descriptorReady(quint32 ready) = 0;

    protected:
        Watcher() = default;
        ~Watcher() = default;
        Q_DISABLE_COPY_MOVE(Watcher)
    };

    /*! Events taken from the kernel per epoll_wait() call. */
    static constexpr int MaxEvents = 256;
    /*! epoll_wait() calls per turn at most. */
    static constexpr int MaxRounds = 64;

    /*! This thread's set, made on first use; nullptr if the system has none (errno says why). */
    static DescriptorPoller *forThisThread();

    ~DescriptorPoller();

    /*!
     * Starts watching \a descriptor for \a watcher with \a interest (Interest bits). False if
     * the kernel refused (errno says why); nothing is watched then.
     */
    [[nodiscard]] bool add(int descriptor, Watcher *watcher, quint32 interest);
    /*! Changes what \a descriptor is watched for; one system call only if it changes. */
    [[nodiscard]] bool setInterest(int descriptor, quint32 interest);
    /*! Stops watching \a descriptor, before it is closed; events still in a batch are dropped. */
    void remove(int descriptor);

    /*!
     * While held, no descriptor is reported ready: what arrives waits in the kernel (tests use
     * it to play a turn that comes late on a loaded server).
     */
    void setHeld(bool held);

    /*! How many descriptors are watched (for tests). */
    int watchedCount() const { return m_watched; }
    /*! What \a descriptor is watched for (Interest bits; None if it is not watched). */
    quint32 interest(int descriptor) const
    {
        return descriptor >= 0 && size_t(descriptor) < m_entries.size()
            ? m_entries[size_t(descriptor)].interest
            : quint32(None);
    }

private:
    DescriptorPoller(int epollDescriptor);
    void dispatch();

    struct Entry
    {
        Watcher *watcher = nullptr;
        quint32 generation = 0;
        quint32 interest = None;
        quint32 turn = 0; //!< the last dispatch() that told it something
    };

    int m_epoll = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::vector<Entry> m_entries; //!< by descriptor number
    quint32 m_generation = 0;
    quint32 m_turn = 0;
    int m_watched = 0;
};

} // namespace Tagarela
