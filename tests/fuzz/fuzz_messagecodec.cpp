// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: MessageCodec::decode(), what every frame payload from a peer goes through.
//
// Input: one frame payload. A payload that decodes must survive encode() and decode() again
// unchanged, encode() must be stable from then on, and encodeFrame() must frame exactly what
// encode() writes; one of an unknown type must keep its type name the same way; any other
// failure must say why, and a client-id recovered from a payload with invalid UTF-8 must be
// short, valid text.

#include <cstddef>
#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "framedecoder.h"
#include "fuzzcheck.h"
#include "message.h"
#include "messagecodec.h"

using namespace Tagarela;
using Tagarela::Fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const DecodeResult first = MessageCodec::decode(QByteArrayView(data, qsizetype(size)));
    if (first.ok()) {
        require(first.message.type != MessageType::Unknown, "a decoded message has a type");
        const QByteArray encoded = MessageCodec::encode(first.message);
        const DecodeResult second = MessageCodec::decode(encoded);
        require(second.ok(), "what encode() writes decodes");
        require(second.message == first.message, "encode() then decode() gives the same message");
        require(MessageCodec::encode(second.message) == encoded, "encode() is stable");
        // encodeFrame() writes chats and notices by a path of their own: the same bytes.
        require(MessageCodec::encodeFrame(first.message) == FrameDecoder::encode(encoded),
                "encodeFrame() is encode() in a frame");
        return 0;
    }

    require(!first.detail.isEmpty(), "a failure says why");
    if (first.error == ErrorCode::UnknownType) {
        require(first.message.type == MessageType::Unknown, "an unknown type is Unknown");
        const DecodeResult second = MessageCodec::decode(MessageCodec::encode(first.message));
        require(second.error == ErrorCode::UnknownType &&
                    second.message.typeName == first.message.typeName,
                "an unknown type's name survives encode() and decode()");
        return 0;
    }
    require(first.error == ErrorCode::Protocol || first.error == ErrorCode::InvalidUtf8,
            "decode() fails with protocol or invalid-utf8 only");
    // The client-id recovered from a payload with invalid UTF-8 is short, valid text.
    require(first.clientId.isEmpty() || first.error == ErrorCode::InvalidUtf8,
            "only invalid-utf8 recovers a client-id");
    require(first.clientId.size() <= 256 && first.clientId.toUtf8().size() <= 256 &&
                QString::fromUtf8(first.clientId.toUtf8()) == first.clientId,
            "a recovered client-id is short, valid text");
    require(first.message == Message(), "a failed decode yields no message");
    return 0;
}
