// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Tagarela {
/*! Connections: accept, detect, close, protocol errors ("tagarela.connection"). */
Q_DECLARE_LOGGING_CATEGORY(lcConnection)
} // namespace Tagarela
