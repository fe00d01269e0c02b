// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

#include <QByteArrayView>
#include <QtGlobal>

namespace Tagarela::Bench {

/*! How the bench's connections cut their input: lines (text mode, plain) or frames. */
enum class Unit { Line, Frame };

/*!
 * How many of the \a size bytes at \a data finish the line or frame whose start an earlier read
 * left in \a carried: up to and with the line feed, or the frame's header and then its payload;
 * all \a size bytes if they do not finish it. A frame header whose length is 0 or above
 * \a maxFrame takes only the header's bytes, for the frame reader to refuse.
 */
size_t bytesToFinish(Unit unit, QByteArrayView carried, const char *data, size_t size,
                     quint32 maxFrame);

/*!
 * The \a digits ASCII digits at \a p as a number (modulo 2^64, like the plain loop); false if
 * any of them is not '0' to '9'.
 */
bool parseDigits(const char *p, int digits, quint64 *out);

} // namespace Tagarela::Bench
