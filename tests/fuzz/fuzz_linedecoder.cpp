// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: LineDecoder, what a telnet or nc client's bytes go through.
//
// Input: byte 0 picks the line limit (0: the server's default, else 1 to 255 bytes, so that
// the limit is easy to reach); byte 1 where to split the stream (as a fraction of it, so that
// the split moves with the stream); the rest is the stream. The stream is decoded whole,
// split in two, and byte at a time; the three must agree. Every line must be free of line-end
// bytes, within the limit, valid text and made of the stream's bytes, or report why not.

#include <cstddef>
#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include "fuzzcheck.h"
#include "linedecoder.h"

using namespace Tagarela;
using Tagarela::Fuzz::require;

namespace {

constexpr int ServerMaxLine = 4096; // ServerConfig::maxLine

struct Decoded
{
    QList<TextLine> lines;
    qsizetype buffered = 0;

    friend bool operator==(const Decoded &a, const Decoded &b)
    {
        if (a.buffered != b.buffered || a.lines.size() != b.lines.size())
            return false;
        for (qsizetype i = 0; i < a.lines.size(); ++i) {
            if (a.lines.at(i).text != b.lines.at(i).text ||
                a.lines.at(i).problem != b.lines.at(i).problem)
                return false;
        }
        return true;
    }
};

void drain(LineDecoder &decoder, Decoded &decoded, int maxLineBytes)
{
    while (decoder.hasLine())
        decoded.lines.append(decoder.next());
    decoded.buffered = decoder.bufferedBytes();
    require(decoded.buffered <= maxLineBytes, "a partial line is buffered up to the limit only");
}

Decoded decodeWhole(QByteArrayView stream, int maxLineBytes)
{
    LineDecoder decoder(maxLineBytes);
    Decoded decoded;
    decoder.feed(stream);
    drain(decoder, decoded, maxLineBytes);
    require(!decoder.hasLine() && decoder.next().text.isNull(), "next() without a line is empty");
    return decoded;
}

Decoded decodeSplit(QByteArrayView stream, int maxLineBytes, qsizetype split)
{
    LineDecoder decoder(maxLineBytes);
    Decoded decoded;
    decoder.feed(stream.first(split));
    drain(decoder, decoded, maxLineBytes);
    decoder.feed(stream.sliced(split));
    drain(decoder, decoded, maxLineBytes);
    return decoded;
}

Decoded decodeByteAtATime(QByteArrayView stream, int maxLineBytes)
{
    LineDecoder decoder(maxLineBytes);
    Decoded decoded;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        decoder.feed(stream.sliced(i, 1));
        drain(decoder, decoded, maxLineBytes);
    }
    return decoded;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int maxLineBytes = data[0] == 0 ? ServerMaxLine : data[0];
    const QByteArrayView stream(data + 2, qsizetype(size - 2));
    const qsizetype split = stream.size() * data[1] / 255;

    const Decoded whole = decodeWhole(stream, maxLineBytes);
    require(decodeSplit(stream, maxLineBytes, split) == whole, "a split changes the lines");
    require(decodeByteAtATime(stream, maxLineBytes) == whole, "byte-at-a-time changes the lines");

    QByteArray text;
    for (const TextLine &line : whole.lines) {
        if (line.problem != TextLine::Problem::None) {
            require(line.text.isEmpty(), "a refused line carries no text");
            continue;
        }
        require(!line.text.contains(u'\r') && !line.text.contains(u'\n'),
                "no line end inside a line");
        require(line.text.isValidUtf16(), "a line is valid text");
        const QByteArray utf8 = line.text.toUtf8();
        require(utf8.size() <= maxLineBytes, "a line within the limit");
        text += utf8;
    }
    // Line ends and telnet commands are removed, nothing is added: the text of the lines, one
    // after the other, is the stream with bytes left out.
    qsizetype at = 0;
    for (char byte : stream) {
        if (at < text.size() && text.at(at) == byte)
            ++at;
    }
    require(at == text.size(), "the lines are the stream's bytes, in order");
    return 0;
}
