// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcheck.h"

#include <cstdio>
#include <cstdlib>

namespace Tagarela::Fuzz {

void require(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "Property broken: %s\n", what);
    std::abort();
}

} // namespace Tagarela::Fuzz
