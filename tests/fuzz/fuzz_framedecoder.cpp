// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: FrameDecoder, the first code that sees a framed client's bytes.
//
// Input: byte 0 picks the payload limit (0: the default, else 1 to 255 bytes, so that the
// limit is easy to reach); byte 1 the chunk size of a second decoding (0: byte at a time);
// the rest is the stream. The stream is decoded whole, in chunks and byte at a time; the three
// must agree, and the result must be exactly what the stream's length prefixes say.

#include <cstddef>
#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QtEndian>

#include "framedecoder.h"
#include "fuzzcheck.h"
#include "protocol.h"

using namespace Tagarela;
using Tagarela::Fuzz::require;

namespace {

struct Decoded
{
    QList<QByteArray> frames;
    bool failed = false;
    FrameError error = FrameError::None;
    quint32 rejectedLength = 0;
    qsizetype buffered = 0;

    friend bool operator==(const Decoded &a, const Decoded &b)
    {
        return a.frames == b.frames && a.failed == b.failed && a.error == b.error &&
            a.rejectedLength == b.rejectedLength && a.buffered == b.buffered;
    }
};

// Feeds \a stream in chunks of \a chunkSize bytes (all of it if 0), taking frames as they come.
Decoded decode(QByteArrayView stream, int maxPayload, qsizetype chunkSize)
{
    FrameDecoder decoder(maxPayload);
    Decoded result;
    if (chunkSize <= 0)
        chunkSize = stream.size();
    for (qsizetype at = 0; at < stream.size(); at += chunkSize) {
        const bool accepted = decoder.feed(stream.sliced(at, qMin(chunkSize, stream.size() - at)));
        require(accepted == (decoder.error() == FrameError::None),
                "feed() returns false exactly when the decoder is in error");
        while (decoder.hasFrame())
            result.frames.append(decoder.next());
        if (!accepted) {
            result.failed = true;
            break;
        }
    }
    require(decoder.next().isNull(), "next() without a frame is empty");
    result.error = decoder.error();
    result.rejectedLength = decoder.rejectedLength();
    result.buffered = decoder.bufferedBytes();
    if (result.failed) {
        require(!decoder.feed(QByteArrayView("\0\0\0\1x", 5)),
                "a decoder in error accepts nothing more");
        require(!decoder.hasFrame(), "a decoder in error yields nothing more");
        require(decoder.bufferedBytes() == 0, "a decoder in error keeps nothing");
    }
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int maxPayload = data[0] == 0 ? Protocol::DefaultMaxFrame : data[0];
    const qsizetype chunkSize = data[1];
    const QByteArrayView stream(data + 2, qsizetype(size - 2));

    const Decoded whole = decode(stream, maxPayload, 0);
    require(decode(stream, maxPayload, chunkSize) == whole, "chunking changes the result");
    require(decode(stream, maxPayload, 1) == whole, "byte-at-a-time changes the result");

    // What the length prefixes say: each frame in turn, then a bad header or a partial frame.
    qsizetype at = 0;
    for (const QByteArray &frame : whole.frames) {
        require(!frame.isEmpty() && frame.size() <= maxPayload, "a frame within the limits");
        const QByteArray encoded = FrameDecoder::encode(frame);
        require(stream.sliced(at).startsWith(encoded), "the frames are the stream's, in order");
        at += encoded.size();
    }
    if (whole.failed) {
        require(stream.size() - at >= Protocol::FrameHeaderSize, "an error needs a whole header");
        const auto announced = qFromBigEndian<quint32>(stream.data() + at);
        require(announced == whole.rejectedLength, "the rejected length is the header's");
        require(whole.error == (announced == 0 ? FrameError::ZeroLength : FrameError::TooLarge),
                "the error names the problem");
        require(announced == 0 || announced > quint32(maxPayload), "only a bad header is refused");
    } else {
        require(whole.buffered == stream.size() - at, "what is not a frame is buffered");
        require(whole.buffered < Protocol::FrameHeaderSize + maxPayload,
                "less than a whole frame is buffered");
    }
    return 0;
}
