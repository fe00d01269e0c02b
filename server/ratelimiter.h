// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Tagarela {

/*!
 * A token bucket: \a burst messages at once, refilled at \a ratePerSecond. Pure: the caller
 * passes the time, so tests need no clock. A rate of 0 lets everything through.
 *
 * A message needs a whole token. An answer larger than its request (a user list, a page of
 * history) is charged on top with charge(), which may leave the bucket in debt: the client's
 * next message then waits until the debt is paid back at the rate.
 */
class RateLimiter final
{
public:
    RateLimiter(double ratePerSecond, int burst);

    bool isLimited() const { return m_rate > 0; }
    int burst() const { return int(m_burst); }

    /*! Takes a token at time \a nowMs (any monotonic milliseconds). False: over the rate. */
    [[nodiscard]] bool tryTake(qint64 nowMs);
    /*! Takes \a tokens at \a nowMs whether the bucket has them or not. */
    void charge(qint64 nowMs, double tokens);
    /*! Milliseconds from \a nowMs until tryTake() succeeds; 0 if it would now. */
    [[nodiscard]] qint64 msUntilNext(qint64 nowMs);
    /*! True if the bucket has refilled to its burst by \a nowMs: the client is within the rate. */
    [[nodiscard]] bool isFull(qint64 nowMs);
    /*! Messages refused by tryTake() since the last one it let through. */
    int refusedInARow() const { return m_refusedInARow; }

private:
    void refill(qint64 nowMs);

    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
    int m_refusedInARow = 0;
};

} // namespace Tagarela
