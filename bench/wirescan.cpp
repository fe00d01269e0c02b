// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "wirescan.h"

#include <algorithm>
#include <cstring>

#include <QtEndian>

#include "protocol.h"

namespace Tagarela::Bench {

namespace {

// Eight ASCII digits at once (every delivery carries 35 of them): false unless each byte is
// '0' to '9'. The multiplications are the well-known SWAR reduction (as in simdjson): pairs,
// then quadruples, then the eight.
bool parseEightDigits(const char *p, quint64 *out)
{
    // Read as little-endian whatever the machine: the first digit in the lowest byte.
    quint64 word = qFromLittleEndian<quint64>(p);
    // Every byte 0x30-0x3f, so that adding 6 cannot carry; then every byte at most 0x39.
    if ((word & 0xf0f0f0f0f0f0f0f0u) != 0x3030303030303030u ||
        ((word + 0x0606060606060606u) & 0xf0f0f0f0f0f0f0f0u) != 0x3030303030303030u) {
        return false;
    }
    word = ((word & 0x0f0f0f0f0f0f0f0fu) * 2561) >> 8;
    word = ((word & 0x00ff00ff00ff00ffu) * 6553601) >> 16;
    *out = ((word & 0x0000ffff0000ffffu) * 42949672960001u) >> 32;
    return true;
}

} // namespace

size_t bytesToFinish(Unit unit, QByteArrayView carried, const char *data, size_t size,
                     quint32 maxFrame)
{
    if (unit == Unit::Line) {
        const void *end = std::memchr(data, '\n', size);
        return end ? size_t(static_cast<const char *>(end) - data) + 1 : size;
    }
    const size_t header = size_t(Protocol::FrameHeaderSize);
    const size_t fromCarried = std::min(size_t(carried.size()), header);
    if (fromCarried + size < header)
        return size;
    unsigned char h[Protocol::FrameHeaderSize];
    std::memcpy(h, carried.data(), fromCarried);
    std::memcpy(h + fromCarried, data, header - fromCarried);
    const quint32 length = qFromBigEndian<quint32>(h);
    if (length == 0 || length > maxFrame)
        return header - fromCarried;
    const size_t rest = header + size_t(length) - size_t(carried.size());
    return std::min(rest, size);
}

bool parseDigits(const char *p, int digits, quint64 *out)
{
    quint64 value = 0;
    for (; digits >= 8; digits -= 8, p += 8) {
        quint64 eight = 0;
        if (!parseEightDigits(p, &eight))
            return false;
        value = value * 100'000'000 + eight;
    }
    for (int i = 0; i < digits; ++i) {
        const unsigned digit = unsigned(p[i] - '0');
        if (digit > 9)
            return false;
        value = value * 10 + digit;
    }
    *out = value;
    return true;
}

} // namespace Tagarela::Bench
