// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logthrottle.h"

#include <algorithm>

namespace Tagarela {

LogThrottle::LogThrottle(int burst, qint64 intervalMs)
    : m_burst(std::max(burst, 1))
    , m_intervalMs(std::max<qint64>(intervalMs, 1))
    , m_creditMs(m_burst * m_intervalMs)
{
    m_clock.start();
}

bool LogThrottle::admit(qint64 nowMs)
{
    if (nowMs > m_last) {
        m_creditMs = std::min(m_burst * m_intervalMs, m_creditMs + (nowMs - m_last));
        m_last = nowMs;
    }
    if (m_creditMs >= m_intervalMs) {
        m_creditMs -= m_intervalMs;
        return true;
    }
    ++m_suppressed;
    return false;
}

int LogThrottle::takeSuppressed()
{
    const int count = m_suppressed;
    m_suppressed = 0;
    return count;
}

} // namespace Tagarela
