// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "latencyhistogram.h"

#include <algorithm>
#include <cmath>

namespace Tagarela::Bench {

namespace {

constexpr int ExactBelowBits = 10; // values under 1024 ns have a bucket each
constexpr int SubBucketBits = 9;
constexpr quint64 ExactBelow = quint64(1) << ExactBelowBits;
constexpr int BucketCount = int(ExactBelow) + (64 - ExactBelowBits) * (1 << SubBucketBits);

int bucketOf(quint64 value)
{
    if (value < ExactBelow)
        return int(value);
    const int exponent = 63 - __builtin_clzll(value);
    const int mantissa = int((value >> (exponent - SubBucketBits)) & ((1u << SubBucketBits) - 1));
    return int(ExactBelow) + (exponent - ExactBelowBits) * (1 << SubBucketBits) + mantissa;
}

// The middle of a bucket: the error is at most half a bucket.
quint64 valueOf(int bucket)
{
    if (bucket < int(ExactBelow))
        return quint64(bucket);
    const int index = bucket - int(ExactBelow);
    const int exponent = index / (1 << SubBucketBits) + ExactBelowBits;
    const quint64 mantissa = quint64(index % (1 << SubBucketBits));
    const quint64 low = (quint64(1) << exponent) | (mantissa << (exponent - SubBucketBits));
    const quint64 width = quint64(1) << (exponent - SubBucketBits);
    return low + width / 2;
}

} // namespace

LatencyHistogram::LatencyHistogram()
    : m_buckets(size_t(BucketCount), 0)
{ }

void LatencyHistogram::add(quint64 nanoseconds)
{
    ++m_buckets[size_t(bucketOf(nanoseconds))];
    ++m_count;
    m_sum += nanoseconds;
    m_max = std::max(m_max, nanoseconds);
}

quint64 LatencyHistogram::percentile(double fraction) const
{
    if (m_count == 0)
        return 0;
    const quint64 rank = std::max<quint64>(1, quint64(std::ceil(fraction * double(m_count))));
    quint64 seen = 0;
    for (int bucket = 0; bucket < BucketCount; ++bucket) {
        seen += m_buckets[size_t(bucket)];
        if (seen >= rank)
            return std::min(valueOf(bucket), m_max);
    }
    return m_max;
}

} // namespace Tagarela::Bench
