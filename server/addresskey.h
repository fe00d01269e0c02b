// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>

namespace Tagarela {

/*!
 * The key every per-address limit counts \a address under (connections, TLS handshakes, held
 * nicknames, password failures): an IPv4 address itself, an IPv6 address its /64 network.
 * One machine or home usually has a whole /64, so counting single IPv6 addresses would let a
 * client step to a fresh address for every connection.
 */
QHostAddress addressKey(const QHostAddress &address);

} // namespace Tagarela
