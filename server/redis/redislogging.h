// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Tagarela {
/*! The Redis engine: connections, scripts, the room's log in Redis ("tagarela.redis"). */
Q_DECLARE_LOGGING_CATEGORY(lcRedis)
} // namespace Tagarela
