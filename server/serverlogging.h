// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Tagarela {
/*! Start, stop, limits, errors ("tagarela.server"). */
Q_DECLARE_LOGGING_CATEGORY(lcServer)
/*! Chat traffic and presence: what the host watches ("tagarela.traffic"). */
Q_DECLARE_LOGGING_CATEGORY(lcTraffic)
} // namespace Tagarela
