// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "failurethrottle.h"

#include <algorithm>

#include "addresskey.h"

namespace Tagarela {

namespace {

QHostAddress ipv6Prefix(const QHostAddress &address, int bytes)
{
    Q_IPV6ADDR raw = address.toIPv6Address();
    std::fill(raw.c + bytes, raw.c + 16, quint8(0));
    return QHostAddress(raw);
}

} // namespace

FailureThrottle::FailureThrottle(const Limits &limits)
    : m_limits(limits)
{ }

QHostAddress FailureThrottle::keyOf(const QHostAddress &address)
{
    return addressKey(address);
}

QHostAddress FailureThrottle::networkOf(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return {};
    return ipv6Prefix(address, 6);
}

bool FailureThrottle::isStale(const Record &record, qint64 nowMs) const
{
    return record.lockedUntil <= nowMs && nowMs - record.last > m_limits.windowMs;
}

void FailureThrottle::count(Record &record, qint64 nowMs, int maxFailures) const
{
    record.last = nowMs;
    record.failures.append(nowMs);
    while (!record.failures.isEmpty() && nowMs - record.failures.constFirst() > m_limits.windowMs)
        record.failures.removeFirst();
    while (record.failures.size() > maxFailures)
        record.failures.removeFirst();
    if (record.failures.size() >= maxFailures) {
        record.lockedUntil = nowMs + m_limits.lockoutMs;
        record.failures.clear(); // a fresh count once the lockout is over
    }
}

bool FailureThrottle::countIn(Table &table, const QHostAddress &key, qint64 nowMs, int maxFailures)
{
    auto found = table.find(key);
    if (found == table.end()) {
        if (table.size() >= m_limits.maxAddresses) {
            // Only what no longer matters goes: a lockout or a recent failure is never
            // forgotten to make room, or a guesser could flush its own record.
            for (auto it = table.begin(); it != table.end();)
                it = isStale(*it, nowMs) ? table.erase(it) : std::next(it);
        }
        if (table.size() >= m_limits.maxAddresses)
            return false;
        found = table.insert(key, Record {});
    }
    count(*found, nowMs, maxFailures);
    return true;
}

void FailureThrottle::recordFailure(const QHostAddress &address, qint64 nowMs)
{
    if (m_limits.maxFailures <= 0)
        return;
    const QHostAddress key = keyOf(address);
    // A known address that guesses wrong is a stranger again (a shared address, say).
    m_known.remove(key);
    bool counted = countIn(m_addresses, key, nowMs, m_limits.maxFailures);
    const QHostAddress network = networkOf(address);
    if (!network.isNull() && m_limits.maxNetworkFailures > 0)
        counted = countIn(m_networks, network, nowMs, m_limits.maxNetworkFailures) && counted;
    if (!counted)
        count(m_newcomers, nowMs, m_limits.maxFailures);
    if (m_limits.maxTotalFailures > 0) {
        m_recent.push_back(nowMs);
        while (m_recent.size() > size_t(m_limits.maxTotalFailures))
            m_recent.pop_front();
    }
}

void FailureThrottle::recordSuccess(const QHostAddress &address, qint64 nowMs)
{
    const QHostAddress key = keyOf(address);
    if (!m_known.contains(key) && m_known.size() >= m_limits.maxAddresses) {
        // Forget the address that came longest ago.
        auto oldest = m_known.begin();
        for (auto it = m_known.begin(); it != m_known.end(); ++it) {
            if (*it < *oldest)
                oldest = it;
        }
        if (oldest != m_known.end())
            m_known.erase(oldest);
    }
    if (m_limits.maxAddresses > 0)
        m_known.insert(key, nowMs);
}

qint64 FailureThrottle::totalLockoutRemainingMs(qint64 nowMs) const
{
    if (m_limits.maxTotalFailures <= 0 || m_recent.size() < size_t(m_limits.maxTotalFailures))
        return 0;
    // The budget is spent until the oldest of the latest failures leaves the window.
    return std::max<qint64>(0, m_recent.front() + m_limits.windowMs + 1 - nowMs);
}

FailureThrottle::Lockout FailureThrottle::lockout(const QHostAddress &address, qint64 nowMs,
                                                  qint64 *remainingMs) const
{
    Lockout scope = Lockout::None;
    qint64 longest = 0;
    const auto consider = [&](Lockout candidate, qint64 remaining) {
        if (remaining > longest) {
            longest = remaining;
            scope = candidate;
        }
    };
    const QHostAddress key = keyOf(address);
    const auto own = m_addresses.constFind(key);
    if (own != m_addresses.cend())
        consider(Lockout::Address, own->lockedUntil - nowMs);
    const QHostAddress network = networkOf(address);
    if (!network.isNull()) {
        const auto site = m_networks.constFind(network);
        if (site != m_networks.cend())
            consider(Lockout::Network, site->lockedUntil - nowMs);
    }
    const bool known = m_known.contains(key);
    if (!known && own == m_addresses.cend())
        consider(Lockout::Newcomers, m_newcomers.lockedUntil - nowMs);
    if (!known)
        consider(Lockout::Everyone, totalLockoutRemainingMs(nowMs));
    if (remainingMs)
        *remainingMs = longest;
    return scope;
}

bool FailureThrottle::isLockedOut(const QHostAddress &address, qint64 nowMs) const
{
    return lockoutRemainingMs(address, nowMs) > 0;
}

qint64 FailureThrottle::lockoutRemainingMs(const QHostAddress &address, qint64 nowMs) const
{
    qint64 remaining = 0;
    lockout(address, nowMs, &remaining);
    return remaining;
}

} // namespace Tagarela
