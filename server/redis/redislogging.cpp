// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redislogging.h"

namespace Tagarela {
Q_LOGGING_CATEGORY(lcRedis, "tagarela.redis")
} // namespace Tagarela
