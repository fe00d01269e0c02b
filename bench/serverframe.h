// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace Tagarela::Bench {

/*! What scanServerFrame() made of a payload. */
enum class FrameKind {
    Chat, //!< a well-formed chat message; the views point into the payload
    Joined, //!< a well-formed map whose "type" is "joined" (its fields are not checked)
    Welcome, //!< a well-formed map whose "type" is "welcome" (its fields are not checked)
    Other, //!< a well-formed map with some other text "type"
    NeedsFullDecode, //!< anything unusual: hand the payload to MessageCodec
};

/*! A payload as the bench needs it. */
struct ScannedFrame
{
    FrameKind kind = FrameKind::NeedsFullDecode;
    QByteArrayView type;
    QByteArrayView from;
    QByteArrayView text;
    quint64 time = 0;
    bool action = false;
};

/*!
 * Reads a server frame payload without building a QCborValue: a CBOR map with text keys whose
 * strings are all ASCII, definite lengths and no tags, which is what the server writes for the
 * messages the bench sees in bulk (chat, joined). It checks what MessageCodec checks for the
 * fields of a chat (presence, types, ranges, first of duplicate keys, nothing after the item),
 * so that it never calls a payload a chat that MessageCodec would not read as the same chat;
 * the server's own layout of a room chat takes a shorter path to the same result. Whatever
 * it does not handle (non-ASCII text, indefinite lengths, tags, malformed input) comes back as
 * NeedsFullDecode, so that the caller falls back to MessageCodec and never guesses.
 */
ScannedFrame scanServerFrame(QByteArrayView payload);

} // namespace Tagarela::Bench
