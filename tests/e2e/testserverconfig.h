// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "serverconfig.h"

namespace Tagarela::Testing {

/*!
 * A server config for in-process tests: loopback, a port the kernel picks, a quick greeting for
 * text clients that wait for one, no rate limit unless a test is about it, and no data
 * directory (the history stays in memory).
 */
ServerConfig serverConfig(const QString &name = QStringLiteral("e2e"));

} // namespace Tagarela::Testing
