// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendpacer.h"

#include <algorithm>
#include <cmath>

namespace Tagarela {

namespace {

// Inside the server's limit: a tenth slower, and one message of the burst kept in reserve, for
// the jitter of the network that can bunch paced messages up on the way.
constexpr double IntervalMargin = 1.1;
constexpr double BurstReserve = 1;

} // namespace

void SendPacer::reset(int rateMs, int burst, qint64 nowMs)
{
    m_intervalMs = rateMs > 0 ? rateMs * IntervalMargin : 0;
    m_capacity = std::max(1.0, double(burst) - BurstReserve);
    m_tokens = m_capacity;
    m_lastMs = nowMs;
}

void SendPacer::refill(qint64 nowMs)
{
    if (m_intervalMs <= 0 || nowMs <= m_lastMs)
        return;
    m_tokens = std::min(m_capacity, m_tokens + double(nowMs - m_lastMs) / m_intervalMs);
    m_lastMs = nowMs;
}

bool SendPacer::tryTake(qint64 nowMs)
{
    if (m_intervalMs <= 0)
        return true;
    refill(nowMs);
    if (m_tokens < 1)
        return false;
    m_tokens -= 1;
    return true;
}

void SendPacer::take(qint64 nowMs, double tokens)
{
    if (m_intervalMs <= 0 || tokens <= 0)
        return;
    refill(nowMs);
    m_tokens -= tokens;
}

void SendPacer::drain(qint64 nowMs)
{
    refill(nowMs);
    m_tokens = std::min(m_tokens, 0.0);
}

qint64 SendPacer::msUntilNext(qint64 nowMs)
{
    if (m_intervalMs <= 0)
        return 0;
    refill(nowMs);
    if (m_tokens >= 1)
        return 0;
    return qint64(std::ceil((1 - m_tokens) * m_intervalMs));
}

} // namespace Tagarela
