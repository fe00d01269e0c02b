// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlogging.h"

namespace Tagarela {
Q_LOGGING_CATEGORY(lcServer, "tagarela.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTraffic, "tagarela.traffic", QtInfoMsg)
} // namespace Tagarela
