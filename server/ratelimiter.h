// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Tagarela {

/*!
 * A token bucket: \a burst messages at once, refilled at \a ratePerSecond. Pure: the caller
 * passes the time, so tests need no clock. A rate of 0 lets everything through.
 */
class RateLimiter final
{
public:
    RateLimiter(double ratePerSecond, int burst);

    /*! Takes a token at time \a nowMs (any monotonic milliseconds). False: over the rate. */
    [[nodiscard]] bool tryTake(qint64 nowMs);

    /*! Messages refused since the last one let through. */
    int refusedInARow() const { return m_refusedInARow; }

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
    int m_refusedInARow = 0;
};

} // namespace Tagarela
