// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testserverconfig.h"

#include <QHostAddress>

namespace Tagarela::Testing {

ServerConfig serverConfig(const QString &name)
{
    ServerConfig config;
    config.bindAddress = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.serverName = name;
    config.detectTimeoutMs = 200;
    config.maxRate = 0;
    return config;
}

} // namespace Tagarela::Testing
