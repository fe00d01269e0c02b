// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

namespace Tagarela {
Q_LOGGING_CATEGORY(lcConnection, "tagarela.connection", QtInfoMsg)
} // namespace Tagarela
