// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <algorithm>

namespace Tagarela {

RateLimiter::RateLimiter(double ratePerSecond, int burst)
    : m_rate(ratePerSecond)
    , m_burst(std::max(1, burst))
    , m_tokens(m_burst)
{ }

bool RateLimiter::tryTake(qint64 nowMs)
{
    if (m_rate <= 0)
        return true;
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
    m_lastMs = std::max(m_lastMs, nowMs);
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        m_refusedInARow = 0;
        return true;
    }
    ++m_refusedInARow;
    return false;
}

} // namespace Tagarela
