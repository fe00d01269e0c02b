// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "descriptorpoller.h"

#include <algorithm>
#include <cerrno>

#include <QSocketNotifier>

#if defined(Q_OS_LINUX)
#include <sys/epoll.h>
#include <unistd.h>
#endif

namespace Tagarela {

namespace {
#if defined(Q_OS_LINUX)
quint32 epollEvents(quint32 interest)
{
    // EPOLLRDHUP: a peer's end of stream is reported as readable (recv() then says 0), also
    // when nothing else is to be read. Errors and hang-ups come whatever is asked for.
    quint32 events = 0;
    if (interest & DescriptorPoller::Read)
        events |= EPOLLIN | EPOLLRDHUP;
    if (interest & DescriptorPoller::Write)
        events |= EPOLLOUT;
    return events;
}

quint64 eventData(int descriptor, quint32 generation)
{
    return quint64(generation) << 32 | quint32(descriptor);
}
#endif

thread_local std::unique_ptr<DescriptorPoller> threadPoller;
} // namespace

DescriptorPoller *DescriptorPoller::forThisThread()
{
    if (threadPoller)
        return threadPoller.get();
#if defined(Q_OS_LINUX)
    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0)
        return nullptr;
    threadPoller.reset(new DescriptorPoller(epoll));
    return threadPoller.get();
#else
    errno = ENOSYS;
    return nullptr;
#endif
}

DescriptorPoller::DescriptorPoller(int epollDescriptor)
    : m_epoll(epollDescriptor)
    , m_notifier(std::make_unique<QSocketNotifier>(epollDescriptor, QSocketNotifier::Read))
{
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                     [this] { dispatch(); });
}

DescriptorPoller::~DescriptorPoller()
{
    m_notifier.reset();
#if defined(Q_OS_LINUX)
    ::close(m_epoll);
#endif
}

void DescriptorPoller::setHeld(bool held)
{
    if (m_notifier)
        m_notifier->setEnabled(!held);
}

bool DescriptorPoller::add(int descriptor, Watcher *watcher, quint32 interest)
{
#if defined(Q_OS_LINUX)
    if (descriptor < 0 || !watcher) {
        errno = EBADF;
        return false;
    }
    if (size_t(descriptor) >= m_entries.size())
        m_entries.resize(std::max(size_t(descriptor) + 1, m_entries.size() * 2));
    Entry &entry = m_entries[size_t(descriptor)];
    if (entry.watcher) {
        errno = EEXIST;
        return false;
    }
    // Never 0, so that a zeroed event matches nothing.
    if (++m_generation == 0)
        ++m_generation;
    epoll_event event {};
    event.events = epollEvents(interest);
    event.data.u64 = eventData(descriptor, m_generation);
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, descriptor, &event) != 0)
        return false;
    entry = Entry {watcher, m_generation, interest};
    ++m_watched;
    return true;
#else
    Q_UNUSED(descriptor);
    Q_UNUSED(watcher);
    Q_UNUSED(interest);
    errno = ENOSYS;
    return false;
#endif
}

bool DescriptorPoller::setInterest(int descriptor, quint32 interest)
{
#if defined(Q_OS_LINUX)
    if (descriptor < 0 || size_t(descriptor) >= m_entries.size() ||
        !m_entries[size_t(descriptor)].watcher) {
        errno = EBADF;
        return false;
    }
    Entry &entry = m_entries[size_t(descriptor)];
    if (entry.interest == interest)
        return true;
    epoll_event event {};
    event.events = epollEvents(interest);
    event.data.u64 = eventData(descriptor, entry.generation);
    if (::epoll_ctl(m_epoll, EPOLL_CTL_MOD, descriptor, &event) != 0)
        return false;
    entry.interest = interest;
    return true;
#else
    Q_UNUSED(descriptor);
    Q_UNUSED(interest);
    errno = ENOSYS;
    return false;
#endif
}

void DescriptorPoller::remove(int descriptor)
{
#if defined(Q_OS_LINUX)
    if (descriptor < 0 || size_t(descriptor) >= m_entries.size() ||
        !m_entries[size_t(descriptor)].watcher) {
        return;
    }
    // Explicitly: the kernel drops a closed descriptor from the set only once no other copy
    // (a dup(), a forked child) refers to the same open socket.
    (void)::epoll_ctl(m_epoll, EPOLL_CTL_DEL, descriptor, nullptr);
    m_entries[size_t(descriptor)] = Entry {};
    --m_watched;
#else
    Q_UNUSED(descriptor);
#endif
}

void DescriptorPoller::dispatch()
{
#if defined(Q_OS_LINUX)
    if (++m_turn == 0)
        ++m_turn;
    epoll_event events[MaxEvents];
    for (int round = 0; round < MaxRounds; ++round) {
        int count;
        do {
            count = ::epoll_wait(m_epoll, events, MaxEvents, 0);
        } while (count < 0 && errno == EINTR);
        int fresh = 0;
        for (int i = 0; i < count; ++i) {
            const quint64 data = events[i].data.u64;
            const size_t descriptor = size_t(quint32(data));
            const quint32 generation = quint32(data >> 32);
            // Looked up now, not before the batch: an earlier event may have removed it.
            if (descriptor >= m_entries.size())
                continue;
            Entry &entry = m_entries[descriptor];
            if (!entry.watcher || entry.generation != generation || entry.turn == m_turn)
                continue;
            entry.turn = m_turn;
            ++fresh;
            const quint32 flags = events[i].events;
            quint32 ready = 0;
            if (flags & (EPOLLIN | EPOLLRDHUP))
                ready |= Readable;
            if (flags & EPOLLOUT)
                ready |= Writable;
            if (flags & (EPOLLERR | EPOLLHUP))
                ready |= Failed;
            // The last use of entry: the watcher may add descriptors, which can move it.
            entry.watcher->descriptorReady(ready);
        }
        // Fewer than asked for: the kernel had no more. None new: only those heard already.
        if (count < MaxEvents || fresh == 0)
            break;
    }
#endif
}

} // namespace Tagarela
