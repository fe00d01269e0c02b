// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace Tagarela {

RateLimiter::RateLimiter(double ratePerSecond, int burst)
    : m_rate(ratePerSecond)
    , m_burst(std::max(1, burst))
    , m_tokens(m_burst)
{ }

void RateLimiter::refill(qint64 nowMs)
{
    // The first call sets the reference point; a clock that goes back adds nothing.
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
    m_lastMs = std::max(m_lastMs, nowMs);
}

bool RateLimiter::tryTake(qint64 nowMs)
{
    if (m_rate <= 0)
        return true;
    refill(nowMs);
    if (m_tokens < 1.0) {
        ++m_refusedInARow;
        return false;
    }
    m_tokens -= 1.0;
    m_refusedInARow = 0;
    return true;
}

void RateLimiter::charge(qint64 nowMs, double tokens)
{
    if (m_rate <= 0 || tokens <= 0)
        return;
    refill(nowMs);
    m_tokens -= tokens;
}

qint64 RateLimiter::msUntilNext(qint64 nowMs)
{
    if (m_rate <= 0)
        return 0;
    refill(nowMs);
    if (m_tokens >= 1.0)
        return 0;
    return std::max<qint64>(1, qint64(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate)));
}

bool RateLimiter::isFull(qint64 nowMs)
{
    if (m_rate <= 0)
        return true;
    refill(nowMs);
    return m_tokens >= m_burst;
}

} // namespace Tagarela
