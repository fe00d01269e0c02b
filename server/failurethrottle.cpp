// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "failurethrottle.h"

#include <algorithm>

#include "addresskey.h"

namespace Tagarela {

FailureThrottle::FailureThrottle(const Limits &limits)
    : m_limits(limits)
{ }

QHostAddress FailureThrottle::keyOf(const QHostAddress &address)
{
    return addressKey(address);
}

void FailureThrottle::recordFailure(const QHostAddress &address, qint64 nowMs)
{
    if (m_limits.maxFailures <= 0)
        return;
    const QHostAddress key = keyOf(address);
    if (!m_records.contains(key))
        makeRoom(nowMs);
    Record &record = m_records[key];
    record.last = nowMs;
    record.failures.append(nowMs);
    while (!record.failures.isEmpty() && nowMs - record.failures.constFirst() > m_limits.windowMs)
        record.failures.removeFirst();
    while (record.failures.size() > m_limits.maxFailures)
        record.failures.removeFirst();
    if (record.failures.size() >= m_limits.maxFailures) {
        record.lockedUntil = nowMs + m_limits.lockoutMs;
        record.failures.clear(); // a fresh count once the lockout is over
    }
}

bool FailureThrottle::isLockedOut(const QHostAddress &address, qint64 nowMs) const
{
    return lockoutRemainingMs(address, nowMs) > 0;
}

qint64 FailureThrottle::lockoutRemainingMs(const QHostAddress &address, qint64 nowMs) const
{
    const auto found = m_records.constFind(keyOf(address));
    if (found == m_records.constEnd() || found->lockedUntil <= nowMs)
        return 0;
    return found->lockedUntil - nowMs;
}

void FailureThrottle::makeRoom(qint64 nowMs)
{
    if (m_records.size() < m_limits.maxAddresses)
        return;
    // First what no longer matters: no lockout and no failure within the window.
    for (auto it = m_records.begin(); it != m_records.end();) {
        const bool stale = it->lockedUntil <= nowMs && nowMs - it->last > m_limits.windowMs;
        it = stale ? m_records.erase(it) : std::next(it);
    }
    if (m_records.size() < m_limits.maxAddresses)
        return;
    // Then the oldest record, preferring one that is not locked out.
    auto victim = m_records.end();
    for (auto it = m_records.begin(); it != m_records.end(); ++it) {
        if (victim == m_records.end()) {
            victim = it;
            continue;
        }
        const bool locked = it->lockedUntil > nowMs;
        const bool victimLocked = victim->lockedUntil > nowMs;
        if ((victimLocked && !locked) || (locked == victimLocked && it->last < victim->last))
            victim = it;
    }
    if (victim != m_records.end())
        m_records.erase(victim);
}

} // namespace Tagarela
