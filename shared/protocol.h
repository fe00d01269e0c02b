// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Tagarela {

/*!
 * Constants of the wire protocol, described in docs/PROTOCOL.md.
 */
namespace Protocol {

/*! The bytes a framed client sends first. The leading 0x00 tells it from a text client. */
inline constexpr char MagicBytes[] = {'\0', 'T', 'A', 'G', 'A', 'R', 'E', 'L', 'A'};
inline constexpr int MagicSize = int(sizeof(MagicBytes));

inline QByteArrayView magic()
{
    return QByteArrayView(MagicBytes, MagicSize);
}

/*!
 * The first byte of a TLS handshake record (a ClientHello starts 16 03 0x): a client that
 * starts with it wants TLS on the same port.
 */
inline constexpr char TlsHandshakeByte = 0x16;

/*! Protocol versions this build speaks, oldest first. */
inline QList<int> supportedVersions()
{
    return {1};
}

/*! Size of the big-endian length prefix of every frame. */
inline constexpr int FrameHeaderSize = 4;

/*! Default largest frame payload, in bytes. */
inline constexpr int DefaultMaxFrame = 64 * 1024;

/*!
 * Largest frame a client accepts from a server. max-frame bounds what clients send; the
 * server's own frames (the user list of a large room) may be larger, up to this.
 */
inline constexpr int MaxServerFrame = 16 * 1024 * 1024;

/*! Default largest chat text, in UTF-8 bytes. */
inline constexpr int DefaultMaxText = 4000;

/*! Longest nickname, in Unicode code points. */
inline constexpr int MaxNickLength = 24;

/*! Default interval between heartbeats, in milliseconds. */
inline constexpr int DefaultHeartbeatMs = 15'000;

/*!
 * Rate limiting (docs/PROTOCOL.md 7.2): an answer to `who` or `fetch` counts against the
 * client's rate as one more message per this many bytes of it (frames with their length
 * prefixes; fractions count), on top of the request itself.
 */
inline constexpr int AnswerBytesPerMessage = 4096;
/*!
 * A search that reads stored entries one by one (no index: the Redis engine) counts as one
 * message against the rate for this many entries read.
 */
inline constexpr int ExaminedPerMessage = 1000;

/*! Picks the highest version both sides speak; 0 if none. */
int chooseVersion(const QList<int> &offered);

} // namespace Protocol
} // namespace Tagarela
