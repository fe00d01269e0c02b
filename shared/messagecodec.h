// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "message.h"

namespace Tagarela {

/*! The outcome of MessageCodec::decode(). */
struct DecodeResult
{
    Message message;
    ErrorCode error = ErrorCode::None; //!< Protocol, InvalidUtf8 or UnknownType on failure
    QString detail; //!< a short English explanation for logs and error replies
    /*!
     * With InvalidUtf8: the "client-id" of the top-level map, when it is a text string that
     * could be read (docs/PROTOCOL.md 6.3: the error for a say names its client-id).
     */
    QString clientId;

    bool ok() const { return error == ErrorCode::None; }
};

/*!
 * Turns a Message into a frame payload and back: one CBOR map (RFC 8949) with a "type" text
 * key and the fields of that type, as docs/PROTOCOL.md lists them. Pure: no I/O, no state.
 *
 * Decoding ignores keys it does not know, so newer peers can add fields. A payload that is not
 * a single well-formed CBOR map, has a field of the wrong CBOR type, lacks a required field, or
 * carries text that is not valid UTF-8 is an error. A well-formed message of a type this build
 * does not know decodes to MessageType::Unknown with ErrorCode::UnknownType.
 */
class MessageCodec final
{
public:
    [[nodiscard]] static QByteArray encode(const Message &message);
    [[nodiscard]] static DecodeResult decode(QByteArrayView payload);
    /*!
     * FrameDecoder::encode(encode(\a message)), byte for byte, built in one buffer: the length
     * prefix and the map together, no second copy. A chat or a notice, what a room sends most,
     * is written straight from its fields into a buffer of its exact size (each text converted
     * to UTF-8 at most once); any other message goes through encode()'s writer.
     */
    [[nodiscard]] static QByteArray encodeFrame(const Message &message);

    /*!
     * One nickname as an item of the "users" array of a welcome: a CBOR text string. A server
     * keeps these for everyone in the room (see encodeWelcome()).
     */
    static void appendUser(QByteArray *items, const QString &nick);
    /*!
     * The payload encode() gives for Message::welcome(\a nick, users) with \a resume, byte for
     * byte, where \a userItems holds \a userCount users already encoded by appendUser(), in
     * order: a large room's welcome costs copying its list, not encoding it again.
     */
    [[nodiscard]] static QByteArray encodeWelcome(const QString &nick, QByteArrayView userItems,
                                                  qsizetype userCount, const QString &resume);
    /*!
     * FrameDecoder::encode(encodeWelcome(...)), byte for byte, built in one buffer: the list
     * is copied once, not twice.
     */
    [[nodiscard]] static QByteArray encodeWelcomeFrame(const QString &nick,
                                                       QByteArrayView userItems,
                                                       qsizetype userCount, const QString &resume);
};

} // namespace Tagarela
