// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>

#include <QHash>
#include <QHostAddress>
#include <QList>

namespace Tagarela {

/*!
 * Counts wrong passwords and locks out those who make too many. Pure: the caller passes the
 * time. Four limits, each of which a guesser meets by itself:
 *
 * - per address: maxFailures within window lock the address out for lockout. An IPv6 address
 *   counts as its /64 network, which one machine or home usually has all of;
 * - per IPv6 /48 (a site, which an attacker can also hold all of): maxNetworkFailures lock
 *   the whole /48 out;
 * - per table: records are kept for at most maxAddresses addresses (and as many /48s). A full
 *   table forgets only what no longer matters (no lockout, no failure within the window), never
 *   a lockout or a recent failure. Failures from addresses that find no room are counted
 *   together, as if they came from one address: when that count locks, every address without
 *   a record of its own (a newcomer) is refused;
 * - per server: maxTotalFailures within window, from anywhere, lock out every address that has
 *   not given the right password before (recordSuccess()), so that no number of addresses
 *   guesses faster than that.
 */
class FailureThrottle final
{
public:
    struct Limits
    {
        int maxFailures = 5; //!< failures within window that lock an address out; 0: never
        int maxNetworkFailures = 20; //!< ... an IPv6 /48 out; 0: /48s are not counted
        int maxTotalFailures = 100; //!< ... everyone but known addresses out; 0: no such limit
        qint64 windowMs = 10 * 60 * 1000;
        qint64 lockoutMs = 10 * 60 * 1000;
        int maxAddresses = 4096; //!< records kept at most (addresses, /48s, known addresses)
    };

    /*! Who a lockout is for. */
    enum class Lockout {
        None,
        Address, //!< this address (or /64)
        Network, //!< its /48
        Newcomers, //!< the table is full: addresses without a record of their own
        Everyone, //!< the server's budget of failures is spent: all but known addresses
    };

    FailureThrottle() = default;
    explicit FailureThrottle(const Limits &limits);

    const Limits &limits() const { return m_limits; }

    /*! Notes a wrong password from \a address at \a nowMs (any monotonic milliseconds). */
    void recordFailure(const QHostAddress &address, qint64 nowMs);
    /*! Notes the right password from \a address: it is known from now on (see Everyone). */
    void recordSuccess(const QHostAddress &address, qint64 nowMs);
    /*! True while \a address is refused. */
    bool isLockedOut(const QHostAddress &address, qint64 nowMs) const;
    /*! How long \a address stays refused, 0 if it is not. */
    qint64 lockoutRemainingMs(const QHostAddress &address, qint64 nowMs) const;
    /*! Why \a address is refused (the lockout that lasts longest), and for how long. */
    Lockout lockout(const QHostAddress &address, qint64 nowMs, qint64 *remainingMs = nullptr) const;
    /*! Address records kept now. */
    int size() const { return int(m_addresses.size()); }

    /*! The key \a address is counted under: itself, or its /64 network for IPv6. */
    static QHostAddress keyOf(const QHostAddress &address);
    /*! The /48 network of an IPv6 \a address; a null address for IPv4. */
    static QHostAddress networkOf(const QHostAddress &address);

private:
    struct Record
    {
        QList<qint64> failures; //!< the latest, at most the limit, oldest first
        qint64 lockedUntil = -1;
        qint64 last = 0;
    };
    using Table = QHash<QHostAddress, Record>;

    void count(Record &record, qint64 nowMs, int maxFailures) const;
    /*! Counts a failure for \a key in \a table; false if the table has no room for it. */
    bool countIn(Table &table, const QHostAddress &key, qint64 nowMs, int maxFailures);
    bool isStale(const Record &record, qint64 nowMs) const;
    qint64 totalLockoutRemainingMs(qint64 nowMs) const;

    Limits m_limits;
    Table m_addresses;
    Table m_networks;
    Record m_newcomers; //!< failures of addresses that found no room in a full table
    std::deque<qint64> m_recent; //!< the latest failures from anywhere, at most maxTotalFailures
    QHash<QHostAddress, qint64> m_known; //!< keys that gave the right password, and when
};

} // namespace Tagarela
