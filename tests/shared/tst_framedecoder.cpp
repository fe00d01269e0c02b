// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QByteArray>
#include <QByteArrayList>
#include <QRandomGenerator>
#include <QTest>

#include "framedecoder.h"
#include "protocol.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

// A length prefix written out by hand, so that the tests do not trust FrameDecoder::encode().
QByteArray header(quint32 length)
{
    QByteArray bytes;
    bytes.append(static_cast<char>((length >> 24) & 0xff));
    bytes.append(static_cast<char>((length >> 16) & 0xff));
    bytes.append(static_cast<char>((length >> 8) & 0xff));
    bytes.append(static_cast<char>(length & 0xff));
    return bytes;
}

QByteArray frame(const QByteArray &payload)
{
    return header(static_cast<quint32>(payload.size())) + payload;
}

QByteArray joinFrames(const QByteArrayList &payloads)
{
    QByteArray stream;
    for (const QByteArray &payload : payloads)
        stream += frame(payload);
    return stream;
}

QByteArrayList drain(FrameDecoder &decoder)
{
    QByteArrayList frames;
    while (decoder.hasFrame())
        frames.append(decoder.next());
    return frames;
}

// Feeds \a stream in pieces of \a chunkSize bytes (0: all at once); false if a feed failed.
bool feedInChunks(FrameDecoder &decoder, const QByteArray &stream, int chunkSize)
{
    if (chunkSize <= 0)
        return decoder.feed(stream);
    for (qsizetype at = 0; at < stream.size(); at += chunkSize) {
        if (!decoder.feed(
                QByteArrayView(stream).sliced(at, qMin<qsizetype>(chunkSize, stream.size() - at))))
            return false;
    }
    return true;
}

QByteArray binaryPayload(int size)
{
    QByteArray payload(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        payload[i] = static_cast<char>(i * 7 + 3);
    return payload;
}

} // namespace

class TestFrameDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesStream_data();
    void decodesStream();
    void splitsAtEveryOffset_data();
    void splitsAtEveryOffset();
    void rejectsBadLength_data();
    void rejectsBadLength();
    void rejectsBadLengthAfterGoodFrames();
    void acceptsExactlyTheLimit_data();
    void acceptsExactlyTheLimit();
    void customLimit();
    void truncatedPayloadStaysIncomplete_data();
    void truncatedPayloadStaysIncomplete();
    void nextWithoutFrameIsEmpty();
    void encode_data();
    void encode();
    void randomChunkingKeepsFrames_data();
    void randomChunkingKeepsFrames();
    void randomGarbage_data();
    void randomGarbage();
};

void TestFrameDecoder::decodesStream_data()
{
    QTest::addColumn<QByteArrayList>("payloads");
    QTest::addColumn<int>("chunkSize");

    const QByteArrayList one {"hello"_ba};
    const QByteArrayList many {"a"_ba,
                               "bc"_ba,
                               binaryPayload(255),
                               "\0\0\0\0"_ba,
                               binaryPayload(256),
                               "\xff\xff\xff\xff"_ba,
                               binaryPayload(1000)};
    const QByteArrayList utf8 {"olá, João"_ba, "😀"_ba};

    QTest::newRow("single frame") << one << 0;
    QTest::newRow("single frame, byte at a time") << one << 1;
    QTest::newRow("many frames coalesced in one chunk") << many << 0;
    QTest::newRow("many frames, byte at a time") << many << 1;
    QTest::newRow("many frames, chunks of 3") << many << 3;
    QTest::newRow("many frames, chunks of 7") << many << 7;
    QTest::newRow("many frames, chunks of 4096") << many << 4096;
    QTest::newRow("UTF-8 payloads, byte at a time") << utf8 << 1;
    QTest::newRow("largest default payload")
        << QByteArrayList {binaryPayload(Protocol::DefaultMaxFrame)} << 1000;
}

void TestFrameDecoder::decodesStream()
{
    QFETCH(QByteArrayList, payloads);
    QFETCH(int, chunkSize);

    const QByteArray stream = joinFrames(payloads);
    FrameDecoder decoder;
    QVERIFY(feedInChunks(decoder, stream, chunkSize));
    QCOMPARE(decoder.error(), FrameError::None);
    QCOMPARE(decoder.bufferedBytes(), 0);
    QCOMPARE(drain(decoder), payloads);
    QVERIFY(!decoder.hasFrame());
}

void TestFrameDecoder::splitsAtEveryOffset_data()
{
    QTest::addColumn<int>("split");

    // Two frames of 9 and 15 bytes: every offset, including each inside either header.
    const int size = static_cast<int>(joinFrames({"hello"_ba, "olá, João"_ba}).size());
    for (int split = 0; split <= size; ++split)
        QTest::addRow("split at %d", split) << split;
}

void TestFrameDecoder::splitsAtEveryOffset()
{
    QFETCH(int, split);

    const QByteArray first = "hello"_ba;
    const QByteArray second = "olá, João"_ba; // 11 bytes
    const QByteArray stream = frame(first) + frame(second);
    const int firstFrameSize = 4 + 5;

    FrameDecoder decoder;
    QVERIFY(decoder.feed(stream.left(split)));
    if (split < firstFrameSize) {
        QVERIFY(!decoder.hasFrame());
        QCOMPARE(decoder.bufferedBytes(), split);
    } else {
        QCOMPARE(decoder.next(), first);
        QVERIFY(!decoder.hasFrame() || split == stream.size());
        QCOMPARE(decoder.bufferedBytes(), split == stream.size() ? 0 : split - firstFrameSize);
    }

    QVERIFY(decoder.feed(stream.mid(split)));
    QCOMPARE(decoder.bufferedBytes(), 0);
    QByteArrayList expected {first, second};
    if (split >= firstFrameSize)
        expected.removeFirst();
    QCOMPARE(drain(decoder), expected);
    QCOMPARE(decoder.error(), FrameError::None);
}

void TestFrameDecoder::rejectsBadLength_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<quint32>("length");
    QTest::addColumn<FrameError>("expected");

    const int defaultLimit = Protocol::DefaultMaxFrame;
    QTest::newRow("zero length") << defaultLimit << 0u << FrameError::ZeroLength;
    QTest::newRow("limit + 1") << defaultLimit << static_cast<quint32>(defaultLimit + 1)
                               << FrameError::TooLarge;
    QTest::newRow("0x80000000 (negative as int)")
        << defaultLimit << 0x80000000u << FrameError::TooLarge;
    QTest::newRow("0xFFFFFFFF") << defaultLimit << 0xFFFFFFFFu << FrameError::TooLarge;
    QTest::newRow("custom limit 16, length 17") << 16 << 17u << FrameError::TooLarge;
    QTest::newRow("custom limit 16, zero length") << 16 << 0u << FrameError::ZeroLength;
}

void TestFrameDecoder::rejectsBadLength()
{
    QFETCH(int, limit);
    QFETCH(quint32, length);
    QFETCH(FrameError, expected);

    FrameDecoder decoder(limit);
    const QByteArray bad = header(length);

    // Three header bytes say nothing yet.
    QVERIFY(decoder.feed(bad.left(3)));
    QCOMPARE(decoder.error(), FrameError::None);
    QCOMPARE(decoder.bufferedBytes(), 3);

    // The fourth settles it, before any byte of the body is taken.
    QVERIFY(!decoder.feed(bad.mid(3)));
    QCOMPARE(decoder.error(), expected);
    QCOMPARE(decoder.rejectedLength(), length);
    QCOMPARE(decoder.bufferedBytes(), 0);
    QVERIFY(!decoder.hasFrame());

    // Nothing after the error is accepted, not even a well-formed frame.
    QVERIFY(!decoder.feed(binaryPayload(100)));
    QVERIFY(!decoder.feed(frame("late"_ba)));
    QCOMPARE(decoder.bufferedBytes(), 0);
    QVERIFY(!decoder.hasFrame());
    QCOMPARE(decoder.error(), expected);
    QCOMPARE(decoder.rejectedLength(), length);
}

void TestFrameDecoder::rejectsBadLengthAfterGoodFrames()
{
    // A good frame, a hostile header and a body, all in one chunk.
    const QByteArray chunk = frame("good"_ba) + header(0xFFFFFFFFu) + binaryPayload(5000);
    FrameDecoder decoder;
    QVERIFY(!decoder.feed(chunk));
    QCOMPARE(decoder.error(), FrameError::TooLarge);
    QCOMPARE(decoder.rejectedLength(), 0xFFFFFFFFu);
    QCOMPARE(decoder.bufferedBytes(), 0);
    // The frame completed before the bad header is still handed out, and nothing else.
    QCOMPARE(drain(decoder), QByteArrayList {"good"_ba});
    QVERIFY(!decoder.feed(frame("more"_ba)));
    QVERIFY(!decoder.hasFrame());
}

void TestFrameDecoder::acceptsExactlyTheLimit_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("chunkSize");

    QTest::newRow("default limit, one chunk") << Protocol::DefaultMaxFrame << 0;
    QTest::newRow("default limit, chunks of 1000") << Protocol::DefaultMaxFrame << 1000;
    QTest::newRow("limit 1") << 1 << 0;
    QTest::newRow("limit 16, byte at a time") << 16 << 1;
}

void TestFrameDecoder::acceptsExactlyTheLimit()
{
    QFETCH(int, limit);
    QFETCH(int, chunkSize);

    const QByteArray payload = binaryPayload(limit);
    FrameDecoder decoder(limit);
    QVERIFY(feedInChunks(decoder, frame(payload) + frame(payload), chunkSize));
    QCOMPARE(decoder.error(), FrameError::None);
    QCOMPARE(drain(decoder), (QByteArrayList {payload, payload}));
    QCOMPARE(decoder.bufferedBytes(), 0);
}

void TestFrameDecoder::customLimit()
{
    QCOMPARE(FrameDecoder().maxPayload(), Protocol::DefaultMaxFrame);

    FrameDecoder decoder(16);
    QCOMPARE(decoder.maxPayload(), 16);
    QVERIFY(decoder.feed(frame(binaryPayload(16))));
    QCOMPARE(decoder.next(), binaryPayload(16));

    // Raising the limit between frames applies to the next header.
    decoder.setMaxPayload(32);
    QCOMPARE(decoder.maxPayload(), 32);
    QVERIFY(decoder.feed(frame(binaryPayload(32))));
    QCOMPARE(decoder.next(), binaryPayload(32));

    decoder.setMaxPayload(8);
    QVERIFY(!decoder.feed(frame(binaryPayload(9))));
    QCOMPARE(decoder.error(), FrameError::TooLarge);
    QCOMPARE(decoder.rejectedLength(), 9u);
}

void TestFrameDecoder::truncatedPayloadStaysIncomplete_data()
{
    QTest::addColumn<int>("payloadSize");
    QTest::addColumn<int>("delivered");

    QTest::newRow("header only") << 10 << 0;
    QTest::newRow("one body byte of ten") << 10 << 1;
    QTest::newRow("all but one byte") << 10 << 9;
    QTest::newRow("half of a large frame") << 60000 << 30000;
}

void TestFrameDecoder::truncatedPayloadStaysIncomplete()
{
    QFETCH(int, payloadSize);
    QFETCH(int, delivered);

    const QByteArray full = frame(binaryPayload(payloadSize));
    FrameDecoder decoder;
    QVERIFY(decoder.feed(full.left(4 + delivered)));
    QVERIFY(!decoder.hasFrame());
    QCOMPARE(decoder.next(), QByteArray());
    QCOMPARE(decoder.bufferedBytes(), 4 + delivered);
    QCOMPARE(decoder.error(), FrameError::None);

    QVERIFY(decoder.feed(full.mid(4 + delivered)));
    QCOMPARE(drain(decoder), QByteArrayList {binaryPayload(payloadSize)});
    QCOMPARE(decoder.bufferedBytes(), 0);
}

void TestFrameDecoder::nextWithoutFrameIsEmpty()
{
    FrameDecoder decoder;
    QVERIFY(!decoder.hasFrame());
    QCOMPARE(decoder.next(), QByteArray());
    QVERIFY(decoder.feed(QByteArrayView()));
    QCOMPARE(decoder.bufferedBytes(), 0);
    QCOMPARE(decoder.error(), FrameError::None);
}

void TestFrameDecoder::encode_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("expectedHeader");

    QTest::newRow("three bytes") << "abc"_ba
                                 << "\x00\x00\x00\x03"_ba;
    QTest::newRow("258 bytes (big-endian check)") << binaryPayload(258) << "\x00\x00\x01\x02"_ba;
    QTest::newRow("65536 bytes") << binaryPayload(65536) << "\x00\x01\x00\x00"_ba;
    QTest::newRow("NUL and 0xFF bytes") << "\x00\xff\x00"_ba
                                        << "\x00\x00\x00\x03"_ba;
}

void TestFrameDecoder::encode()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, expectedHeader);

    const QByteArray encoded = FrameDecoder::encode(payload);
    QCOMPARE(encoded.size(), Protocol::FrameHeaderSize + payload.size());
    QCOMPARE(encoded.left(Protocol::FrameHeaderSize), expectedHeader);
    QCOMPARE(encoded.mid(Protocol::FrameHeaderSize), payload);

    FrameDecoder decoder(static_cast<int>(payload.size()));
    QVERIFY(decoder.feed(encoded));
    QCOMPARE(drain(decoder), QByteArrayList {payload});
}

void TestFrameDecoder::randomChunkingKeepsFrames_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 20260101u, 0xdeadbeefu})
        QTest::addRow("seed %u", seed) << seed;
}

void TestFrameDecoder::randomChunkingKeepsFrames()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);

    QByteArrayList payloads;
    for (int i = 0; i < 200; ++i) {
        QByteArray payload(random.bounded(1, 300), Qt::Uninitialized);
        for (char &byte : payload)
            byte = static_cast<char>(random.bounded(256));
        payloads.append(payload);
    }
    const QByteArray stream = joinFrames(payloads);

    FrameDecoder decoder(300);
    QByteArrayList decoded;
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype take = qMin<qsizetype>(random.bounded(1, 40), stream.size() - at);
        QVERIFY(decoder.feed(QByteArrayView(stream).sliced(at, take)));
        at += take;
        decoded += drain(decoder);
    }
    QCOMPARE(decoder.bufferedBytes(), 0);
    QCOMPARE(decoded, payloads);
}

void TestFrameDecoder::randomGarbage_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {7u, 42u, 1234u, 99999u, 0xcafef00du})
        QTest::addRow("seed %u", seed) << seed;
}

void TestFrameDecoder::randomGarbage()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);

    int streamsWithFrames = 0;
    int streamsWithErrors = 0;
    for (int iteration = 0; iteration < 300; ++iteration) {
        const int limit = random.bounded(1, 512);
        FrameDecoder decoder(limit);
        // Half the bytes are zero so that small, acceptable lengths turn up often.
        QByteArray stream(random.bounded(0, 2048), Qt::Uninitialized);
        for (char &byte : stream)
            byte = random.bounded(2) ? '\0' : static_cast<char>(random.bounded(256));

        qsizetype consumed = 0;
        qsizetype frameBytes = 0;
        int frames = 0;
        bool failed = false;
        for (qsizetype at = 0; at < stream.size();) {
            const qsizetype take = qMin<qsizetype>(random.bounded(1, 64), stream.size() - at);
            const bool accepted = decoder.feed(QByteArrayView(stream).sliced(at, take));
            at += take;
            while (decoder.hasFrame()) {
                const QByteArray payload = decoder.next();
                QVERIFY(!payload.isEmpty());
                QVERIFY(payload.size() <= limit);
                frameBytes += Protocol::FrameHeaderSize + payload.size();
                ++frames;
            }
            if (!accepted) {
                failed = true;
                break;
            }
            consumed = at;
        }

        if (failed) {
            ++streamsWithErrors;
            QVERIFY(decoder.error() == FrameError::ZeroLength ||
                    decoder.error() == FrameError::TooLarge);
            if (decoder.error() == FrameError::ZeroLength)
                QCOMPARE(decoder.rejectedLength(), 0u);
            else
                QVERIFY(decoder.rejectedLength() > static_cast<quint32>(limit));
            QCOMPARE(decoder.bufferedBytes(), 0);
            QVERIFY(!decoder.feed("\x00\x00\x00\x01x"_ba));
            QVERIFY(!decoder.hasFrame());
        } else {
            QCOMPARE(decoder.error(), FrameError::None);
            // Every byte accepted is in a frame handed out or still buffered.
            QCOMPARE(frameBytes + decoder.bufferedBytes(), consumed);
            QVERIFY(decoder.bufferedBytes() < Protocol::FrameHeaderSize + limit);
        }
        if (frames > 0)
            ++streamsWithFrames;
    }
    // The generator must exercise both outcomes, or this test proves little.
    QVERIFY(streamsWithFrames > 10);
    QVERIFY(streamsWithErrors > 10);
}

QTEST_GUILESS_MAIN(TestFrameDecoder)
#include "tst_framedecoder.moc"
