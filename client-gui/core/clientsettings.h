// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>

namespace Tagarela::ClientSettings {

// The desktop client's one settings file: recent servers, certificate pins, resume state and
// view choices. Named here rather than taken from QCoreApplication, so that the program and
// its tests always share one file whatever names they set.
inline constexpr QLatin1StringView Organization {"Tagarela"};
inline constexpr QLatin1StringView Application {"tagarela"};

} // namespace Tagarela::ClientSettings
