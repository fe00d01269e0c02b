// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tagarela::Fuzz {

/*!
 * Aborts, with \a what on stderr, unless \a condition holds: libFuzzer then keeps the input
 * as a crash. Used for the properties a target checks beyond the sanitizers.
 */
void require(bool condition, const char *what);

} // namespace Tagarela::Fuzz
