// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include "message.h"

namespace Tagarela::WireBytes {

/*! \a message as one frame: length prefix and CBOR payload. */
QByteArray frame(const Message &message);

/*! What a framed client sends to join as \a nick: magic, handshake and hello. */
QByteArray login(const QString &nick);

/*!
 * A say frame whose CBOR text string holds \a utf8 as is, valid or not: the codec cannot build
 * one with invalid UTF-8, so the CBOR is written by hand.
 */
QByteArray sayWithRawText(QByteArrayView utf8);
/*! The same with a \a clientId (after the text). */
QByteArray sayWithRawText(QByteArrayView utf8, const QString &clientId);

/*!
 * The messages in \a stream, a server's framed output. Stops at the first frame that does not
 * decode. Bytes of an incomplete last frame are ignored.
 */
QList<Message> decodeStream(QByteArrayView stream);

} // namespace Tagarela::WireBytes
