// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "wirebytes.h"

#include "framedecoder.h"
#include "messagecodec.h"
#include "protocol.h"

namespace Tagarela::WireBytes {

namespace {

// Generous: the server's own frames (a long user list) may exceed what clients may send.
constexpr int MaxServerFrame = 16 * 1024 * 1024;

// The head of a CBOR text string of \a size bytes (major type 3), for sizes below 2^16.
QByteArray textHead(qsizetype size)
{
    QByteArray head;
    if (size < 24) {
        head.append(static_cast<char>(0x60 + size));
    } else if (size < 256) {
        head.append(static_cast<char>(0x78));
        head.append(static_cast<char>(size));
    } else {
        head.append(static_cast<char>(0x79));
        head.append(static_cast<char>(size >> 8));
        head.append(static_cast<char>(size & 0xff));
    }
    return head;
}

QByteArray text(QByteArrayView utf8)
{
    return textHead(utf8.size()) + utf8.toByteArray();
}

} // namespace

QByteArray frame(const Message &message)
{
    return FrameDecoder::encode(MessageCodec::encode(message));
}

QByteArray login(const QString &nick)
{
    return Protocol::magic().toByteArray() +
        frame(Message::handshake(Protocol::supportedVersions())) + frame(Message::hello(nick));
}

QByteArray sayWithRawText(QByteArrayView utf8)
{
    QByteArray payload;
    payload.append(static_cast<char>(0xa2)); // a map of two pairs
    payload += text("type") + text("say");
    payload += text("text") + text(utf8);
    return FrameDecoder::encode(payload);
}

QByteArray sayWithRawText(QByteArrayView utf8, const QString &clientId)
{
    QByteArray payload;
    payload.append(static_cast<char>(0xa3)); // a map of three pairs
    payload += text("type") + text("say");
    payload += text("text") + text(utf8);
    payload += text("client-id") + text(clientId.toUtf8());
    return FrameDecoder::encode(payload);
}

QList<Message> decodeStream(QByteArrayView stream)
{
    FrameDecoder decoder(MaxServerFrame);
    QList<Message> messages;
    if (!decoder.feed(stream))
        return messages;
    while (decoder.hasFrame()) {
        const DecodeResult result = MessageCodec::decode(decoder.next());
        if (!result.ok())
            break;
        messages.append(result.message);
    }
    return messages;
}

} // namespace Tagarela::WireBytes
