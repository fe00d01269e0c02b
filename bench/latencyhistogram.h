// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QtGlobal>

namespace Tagarela::Bench {

/*!
 * Latencies in nanoseconds, in log-linear buckets: exact below 1 µs, then 512 buckets per
 * power of two (under 0.2 % error), so millions of samples cost a fixed 230 KB.
 */
class LatencyHistogram final
{
public:
    LatencyHistogram();

    void add(quint64 nanoseconds);
    quint64 count() const { return m_count; }
    quint64 max() const { return m_max; }
    double mean() const { return m_count ? double(m_sum) / double(m_count) : 0.0; }
    /*! The value below which \a fraction (0..1) of the samples lie; 0 without samples. */
    quint64 percentile(double fraction) const;

private:
    std::vector<quint64> m_buckets;
    quint64 m_count = 0;
    quint64 m_max = 0;
    quint64 m_sum = 0;
};

} // namespace Tagarela::Bench
