// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>

namespace Tagarela {

/*!
 * Counts wrong passwords per address and locks out an address that makes too many: after
 * maxFailures within window, it is refused for lockout. Pure: the caller passes the time.
 *
 * An IPv6 address counts as its /64 network, which one machine or home usually has all of:
 * otherwise a client could step to a fresh address for every guess. The table is bounded:
 * when it is full, the oldest record that is not locked out is forgotten first.
 */
class FailureThrottle final
{
public:
    struct Limits
    {
        int maxFailures = 5; //!< failures within window that lock an address out; 0: never
        qint64 windowMs = 10 * 60 * 1000;
        qint64 lockoutMs = 10 * 60 * 1000;
        int maxAddresses = 4096; //!< records kept at most
    };

    FailureThrottle() = default;
    explicit FailureThrottle(const Limits &limits);

    const Limits &limits() const { return m_limits; }

    /*! Notes a wrong password from \a address at \a nowMs (any monotonic milliseconds). */
    void recordFailure(const QHostAddress &address, qint64 nowMs);
    /*! True while \a address is refused. */
    bool isLockedOut(const QHostAddress &address, qint64 nowMs) const;
    /*! How long \a address stays refused, 0 if it is not. */
    qint64 lockoutRemainingMs(const QHostAddress &address, qint64 nowMs) const;
    /*! Records kept now. */
    int size() const { return int(m_records.size()); }

    /*! The key \a address is counted under: itself, or its /64 network for IPv6. */
    static QHostAddress keyOf(const QHostAddress &address);

private:
    struct Record
    {
        QList<qint64> failures; //!< the latest, at most maxFailures, oldest first
        qint64 lockedUntil = -1;
        qint64 last = 0;
    };

    void makeRoom(qint64 nowMs);

    Limits m_limits;
    QHash<QHostAddress, Record> m_records;
};

} // namespace Tagarela
