// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// How tagarela-bench reads what it receives, without MessageCodec on the way: the frame
// scanner must never call a payload a chat unless MessageCodec reads the same chat from it,
// a carried line or frame must be finished with exactly its own bytes, and the digits of a
// delivery must read as the plain loop reads them.

#include <limits>
#include <utility>

#include <QByteArray>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

#include "message.h"
#include "messagecodec.h"
#include "protocol.h"
#include "serverframe.h"
#include "wirescan.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;
using namespace Tagarela::Bench;

namespace {

constexpr quint32 MaxFrame = quint32(Protocol::MaxServerFrame);

// Empty when scanServerFrame() and MessageCodec agree about payload; otherwise what differs.
// A scanned chat must decode to the same chat; a decoded chat must scan as that chat or be
// left to MessageCodec (NeedsFullDecode), never be taken for some other message.
QString disagreement(QByteArrayView payload)
{
    const ScannedFrame scanned = scanServerFrame(payload);
    const DecodeResult decoded = MessageCodec::decode(payload);
    const bool decodedChat = decoded.ok() && decoded.message.type == MessageType::Chat;
    if (scanned.kind == FrameKind::Chat) {
        if (!decodedChat)
            return u"scanned as a chat, decoded as something else"_s;
        const Message &m = decoded.message;
        if (m.from.toUtf8() != scanned.from || m.text.toUtf8() != scanned.text ||
            m.time != qint64(scanned.time) || m.action != scanned.action) {
            return u"scanned and decoded chats differ"_s;
        }
        return {};
    }
    if (decodedChat && scanned.kind != FrameKind::NeedsFullDecode)
        return u"a chat scanned as another kind of message"_s;
    // joined and welcome are taken by their type: MessageCodec must not see another type.
    for (const auto &[kind, type] : {std::pair {FrameKind::Joined, MessageType::Joined},
                                     std::pair {FrameKind::Welcome, MessageType::Welcome}}) {
        if (scanned.kind == kind && decoded.ok() && decoded.message.type != type)
            return u"scanned as %1, decoded as %2"_s.arg(messageTypeName(type),
                                                         messageTypeName(decoded.message.type));
        if (decoded.ok() && decoded.message.type == type && scanned.kind != kind &&
            scanned.kind != FrameKind::NeedsFullDecode) {
            return u"a %1 scanned as another kind of message"_s.arg(messageTypeName(type));
        }
    }
    return {};
}

QByteArray textHead(qsizetype size)
{
    QByteArray head;
    if (size < 24) {
        head += char(0x60 | size);
    } else if (size < 256) {
        head += char(0x78);
        head += char(size);
    } else {
        head += char(0x79);
        head += char(size >> 8);
        head += char(size & 0xff);
    }
    return head;
}

QByteArray text(QByteArrayView bytes)
{
    return textHead(bytes.size()) + bytes.toByteArray();
}

QByteArray frame(QByteArrayView payload)
{
    QByteArray bytes(4, '\0');
    qToBigEndian<quint32>(quint32(payload.size()), bytes.data());
    return bytes + payload.toByteArray();
}

} // namespace

class TestWireScan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chatsScanAsTheCodecReadsThem_data();
    void chatsScanAsTheCodecReadsThem();
    void everyDamagedFrameIsJudgedAsTheCodecJudgesIt();
    void keysInAnotherOrderAndRepeatedKeys();
    void otherMessagesByType();
    void bytesToFinish_data();
    void bytesToFinish();
    void streamsCutAnywhereComeBackWhole_data();
    void streamsCutAnywhereComeBackWhole();
    void digitsReadAsThePlainLoopReadsThem();
    void anyByteThatIsNotADigitIsRefused();
};

void TestWireScan::chatsScanAsTheCodecReadsThem_data()
{
    QTest::addColumn<Message>("chat");
    QTest::addColumn<bool>("scanned"); // false: left to MessageCodec

    const QString hundred = QString(100, u'x');
    QTest::newRow("room chat") << Message::chat(u"b1"_s, hundred, false, 1'765'000'000'000, 7)
                               << true;
    QTest::newRow("first seq, time 0") << Message::chat(u"a"_s, u"hi"_s, false, 0, 1) << true;
    QTest::newRow("seq over 32 bits")
        << Message::chat(u"b99999"_s, hundred, false, 1'765'000'000'000, quint64(1) << 40) << true;
    QTest::newRow("largest time") << Message::chat(u"b1"_s, hundred, false,
                                                   std::numeric_limits<qint64>::max(), 3)
                                  << true;
    for (const int size : {1, 7, 8, 9, 23, 24, 255, 256, 4000}) {
        QTest::addRow("text of %d bytes", size)
            << Message::chat(u"b1"_s, QString(size, u'q'), false, 1'765'000'000'000, 9) << true;
    }
    QTest::newRow("action") << Message::chat(u"b1"_s, hundred, true, 1'765'000'000'000, 7) << true;
    QTest::newRow("client-id") << Message::chat(u"b1"_s, hundred, false, 1'765'000'000'000, 7,
                                                u"c-42"_s)
                               << true;
    Message privateChat = Message::chat(u"b1"_s, hundred, false, 1'765'000'000'000, 7);
    privateChat.to = u"b2"_s;
    QTest::newRow("private") << privateChat << true;
    QTest::newRow("non-ASCII text")
        << Message::chat(u"b1"_s, u"olá, você"_s, false, 1'765'000'000'000, 7) << false;
    QTest::newRow("non-ASCII nick")
        << Message::chat(u"joão"_s, hundred, false, 1'765'000'000'000, 7) << false;
}

void TestWireScan::chatsScanAsTheCodecReadsThem()
{
    QFETCH(Message, chat);
    QFETCH(bool, scanned);
    const QByteArray payload = MessageCodec::encode(chat);
    const ScannedFrame frame = scanServerFrame(payload);
    QCOMPARE(frame.kind, scanned ? FrameKind::Chat : FrameKind::NeedsFullDecode);
    if (scanned) {
        QCOMPARE(frame.type, QByteArrayView("chat"));
        QCOMPARE(frame.from, chat.from.toUtf8());
        QCOMPARE(frame.text, chat.text.toUtf8());
        QCOMPARE(qint64(frame.time), chat.time);
        QCOMPARE(frame.action, chat.action);
    }
    QCOMPARE(disagreement(payload), QString());
}

// Every byte of a room chat (and of what else comes in bulk: joined, welcome) changed in a
// few ways, every truncation, a byte too many: whatever the scanner makes of it, MessageCodec
// must agree.
void TestWireScan::everyDamagedFrameIsJudgedAsTheCodecJudgesIt()
{
    const QList<std::pair<QByteArray, FrameKind>> samples {
        {MessageCodec::encode(
             Message::chat(u"b12"_s, QString(30, u'z'), false, 1'765'000'000'000, 300)),
         FrameKind::Chat},
        {MessageCodec::encode(
             Message::chat(u"b12"_s, QString(30, u'z'), true, 1'765'000'000'000, 300)),
         FrameKind::Chat},
        {MessageCodec::encode(Message::joined(u"b4321"_s, 1'765'000'000'000)), FrameKind::Joined},
        {MessageCodec::encode(Message::welcome(u"b2"_s, {u"b1"_s, u"b2"_s, u"b10"_s})),
         FrameKind::Welcome},
    };
    for (const auto &[good, kind] : samples) {
        QCOMPARE(scanServerFrame(good).kind, kind);
        for (qsizetype at = 0; at < good.size(); ++at) {
            for (const unsigned char flip : {0x01, 0x02, 0x10, 0x20, 0x40, 0x80, 0xff}) {
                QByteArray bad = good;
                bad[at] = char(bad[at] ^ flip);
                const QString problem = disagreement(bad);
                QVERIFY2(problem.isEmpty(),
                         qPrintable(u"byte %1 ^ 0x%2: %3"_s.arg(at).arg(flip, 0, 16).arg(problem)));
            }
            const QString truncated = disagreement(good.first(at));
            QVERIFY2(truncated.isEmpty(),
                     qPrintable(u"first %1 bytes: %2"_s.arg(at).arg(truncated)));
            QCOMPARE(scanServerFrame(good.first(at)).kind, FrameKind::NeedsFullDecode);
        }
        const QByteArray longer = good + QByteArray(1, '\0');
        QCOMPARE(scanServerFrame(longer).kind, FrameKind::NeedsFullDecode);
        QCOMPARE(disagreement(longer), QString());
    }
}

void TestWireScan::keysInAnotherOrderAndRepeatedKeys()
{
    const QByteArray time = QByteArray("\x1b", 1) + QByteArray::fromHex("0000019b00000000");
    // The same chat with its keys in another order: not the server's layout, still a chat.
    const QByteArray reordered = "\xa5" + text("time") + time + text("text") + text("hello") +
        text("from") + text("b1") + text("seq") + "\x05" + text("type") + text("chat");
    ScannedFrame frame = scanServerFrame(reordered);
    QCOMPARE(frame.kind, FrameKind::Chat);
    QCOMPARE(frame.text, QByteArrayView("hello"));
    QCOMPARE(frame.from, QByteArrayView("b1"));
    QCOMPARE(disagreement(reordered), QString());

    // A key twice: the first counts, as in MessageCodec.
    const QByteArray repeated = "\xa6" + text("type") + text("chat") + text("seq") + "\x05" +
        text("from") + text("b1") + text("text") + text("first") + text("time") + time +
        text("text") + text("second");
    frame = scanServerFrame(repeated);
    QCOMPARE(frame.kind, FrameKind::Chat);
    QCOMPARE(frame.text, QByteArrayView("first"));
    QCOMPARE(disagreement(repeated), QString());

    // The server's layout with a field missing is no chat.
    const QByteArray noTime = "\xa4" + text("type") + text("chat") + text("seq") + "\x05" +
        text("from") + text("b1") + text("text") + text("hello");
    QCOMPARE(scanServerFrame(noTime).kind, FrameKind::NeedsFullDecode);
    QCOMPARE(disagreement(noTime), QString());
}

void TestWireScan::otherMessagesByType()
{
    // The server's layout of a joined, and the same fields in another order.
    const QByteArray joined = MessageCodec::encode(Message::joined(u"b7"_s, 1'765'000'000'000));
    QCOMPARE(joined.first(7), QByteArray("\xa3\x64type\x66", 7));
    QCOMPARE(scanServerFrame(joined).type, QByteArrayView("joined"));
    const QByteArray reordered =
        "\xa3" + text("time") + "\x05" + text("nick") + text("b7") + text("type") + text("joined");
    QCOMPARE(scanServerFrame(reordered).kind, FrameKind::Joined);
    QCOMPARE(scanServerFrame(MessageCodec::encode(Message::joined(u"joão"_s, 5))).kind,
             FrameKind::NeedsFullDecode);
    // A welcome's list: every item ASCII text, or MessageCodec judges it.
    QStringList many;
    for (int i = 0; i < 3000; ++i)
        many.append(u"b%1"_s.arg(i));
    QCOMPARE(scanServerFrame(MessageCodec::encode(Message::welcome(u"b1"_s, many))).kind,
             FrameKind::Welcome);
    many.append(u"joão"_s);
    QCOMPARE(scanServerFrame(MessageCodec::encode(Message::welcome(u"b1"_s, many))).kind,
             FrameKind::NeedsFullDecode);
    many.last() = QString(30, u'x'); // longer than a one-byte head
    QCOMPARE(scanServerFrame(MessageCodec::encode(Message::welcome(u"b1"_s, many))).kind,
             FrameKind::Welcome);

    QCOMPARE(
        scanServerFrame(MessageCodec::encode(Message::joined(u"b7"_s, 1'765'000'000'000))).kind,
        FrameKind::Joined);
    QCOMPARE(
        scanServerFrame(MessageCodec::encode(Message::welcome(u"b7"_s, {u"b1"_s, u"b7"_s}))).kind,
        FrameKind::Welcome);
    QByteArray items;
    MessageCodec::appendUser(&items, u"b1"_s);
    QCOMPARE(scanServerFrame(MessageCodec::encodeWelcome(u"b1"_s, items, 1, {})).kind,
             FrameKind::Welcome);
    QCOMPARE(scanServerFrame(MessageCodec::encode(Message::ping(5))).kind, FrameKind::Other);
    QCOMPARE(
        scanServerFrame(MessageCodec::encode(Message::left(u"b7"_s, u"bye"_s, 1'765'000'000'000)))
            .kind,
        FrameKind::Other);
}

void TestWireScan::bytesToFinish_data()
{
    QTest::addColumn<bool>("lines");
    QTest::addColumn<QByteArray>("carried");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("expected");

    QTest::newRow("line ends here")
        << true << QByteArray("[12:00] <b1") << QByteArray("> hi\nnext") << 5;
    QTest::newRow("line ends at once") << true << QByteArray("abc") << QByteArray("\nnext\n") << 1;
    QTest::newRow("line goes on") << true << QByteArray("abc") << QByteArray("defg") << 4;

    const QByteArray ten = frame("0123456789");
    QTest::newRow("payload ends here") << false << ten.first(7) << ten.sliced(7) + ten << 7;
    QTest::newRow("payload goes on") << false << ten.first(7) << ten.sliced(7, 3) << 3;
    QTest::newRow("header ends here, payload follows")
        << false << ten.first(2) << ten.sliced(2) + ten << 12;
    QTest::newRow("header goes on") << false << ten.first(1) << ten.sliced(1, 2) << 2;
    QTest::newRow("header ends with the read") << false << ten.first(1) << ten.sliced(1, 3) << 3;
    QTest::newRow("zero length: the header only")
        << false << QByteArray(2, '\0') << QByteArray(6, '\0') << 2;
    QByteArray huge(4, '\0');
    qToBigEndian<quint32>(MaxFrame + 1, huge.data());
    QTest::newRow("too long: the header only")
        << false << huge.first(3) << huge.sliced(3) + "xyz" << 1;
}

void TestWireScan::bytesToFinish()
{
    QFETCH(bool, lines);
    QFETCH(QByteArray, carried);
    QFETCH(QByteArray, data);
    QFETCH(int, expected);
    QCOMPARE(int(Bench::bytesToFinish(lines ? Unit::Line : Unit::Frame, carried, data.constData(),
                                      size_t(data.size()), MaxFrame)),
             expected);
}

void TestWireScan::streamsCutAnywhereComeBackWhole_data()
{
    QTest::addColumn<bool>("lines");
    QTest::addColumn<QByteArrayList>("units");
    QTest::newRow("lines") << true
                           << QByteArrayList {"[12:00] <b1> hello\n", "\n", "x\n",
                                              QByteArray(300, 'y') + '\n', "*** bye\n"};
    QTest::newRow("frames") << false
                            << QByteArrayList {frame("a"), frame(QByteArray(300, 'b')), frame("cd"),
                                               frame(QByteArray(70'000, 'e'))};
}

// Two reads cut anywhere in a stream and a third for the rest, handled as the bench does:
// finish what was carried, then take whole units from the read and carry its tail.
void TestWireScan::streamsCutAnywhereComeBackWhole()
{
    QFETCH(bool, lines);
    QFETCH(QByteArrayList, units);
    const Unit unit = lines ? Unit::Line : Unit::Frame;
    const QByteArray stream = units.join();
    const auto whole = [&](QByteArrayView bytes, QByteArrayList *out) {
        qsizetype at = 0;
        for (const QByteArray &u : units) {
            Q_UNUSED(u);
            qsizetype end = -1;
            if (lines) {
                const qsizetype feed = bytes.indexOf('\n', at);
                end = feed < 0 ? -1 : feed + 1;
            } else if (bytes.size() - at >= 4) {
                end = at + 4 + qFromBigEndian<quint32>(bytes.data() + at);
                if (end > bytes.size())
                    end = -1;
            }
            if (end < 0)
                break;
            out->append(bytes.sliced(at, end - at).toByteArray());
            at = end;
        }
        return at;
    };
    const qsizetype step = lines ? 1 : 97;
    for (qsizetype first = 1; first < stream.size(); first += step) {
        for (qsizetype second = first; second < stream.size(); second += step * 3) {
            QByteArrayList got;
            QByteArray carried;
            for (const QByteArrayView read : {QByteArrayView(stream).first(first),
                                              QByteArrayView(stream).sliced(first, second - first),
                                              QByteArrayView(stream).sliced(second)}) {
                QByteArrayView rest = read;
                if (!carried.isEmpty()) {
                    const size_t finish = Bench::bytesToFinish(unit, carried, rest.data(),
                                                               size_t(rest.size()), MaxFrame);
                    carried += rest.first(qsizetype(finish));
                    rest = rest.sliced(qsizetype(finish));
                    const qsizetype used = whole(carried, &got);
                    // Either the carried unit is now whole, or the read is used up.
                    QVERIFY(used == carried.size() || (used == 0 && rest.isEmpty()));
                    carried.remove(0, used);
                    if (!carried.isEmpty())
                        continue;
                }
                const qsizetype used = whole(rest, &got);
                carried = rest.sliced(used).toByteArray();
            }
            QVERIFY(carried.isEmpty());
            QCOMPARE(got, units);
        }
    }
}

void TestWireScan::digitsReadAsThePlainLoopReadsThem()
{
    QRandomGenerator random(12);
    for (int round = 0; round < 20'000; ++round) {
        for (const int digits : {1, 6, 8, 9, 16, 19, 20}) {
            char text[20];
            quint64 expected = 0;
            for (int i = 0; i < digits; ++i) {
                const int digit = round < 10 ? round : int(random.bounded(10));
                text[i] = char('0' + digit);
                expected = expected * 10 + quint64(digit);
            }
            quint64 got = 0;
            QVERIFY(parseDigits(text, digits, &got));
            QCOMPARE(got, expected);
        }
    }
}

void TestWireScan::anyByteThatIsNotADigitIsRefused()
{
    for (int position = 0; position < 20; ++position) {
        for (int byte = 0; byte < 256; ++byte) {
            if (byte >= '0' && byte <= '9')
                continue;
            QByteArray text(20, '7');
            text[position] = char(byte);
            quint64 got = 0;
            QVERIFY2(!parseDigits(text.constData(), 20, &got),
                     qPrintable(u"byte %1 at %2"_s.arg(byte).arg(position)));
        }
    }
}

QTEST_GUILESS_MAIN(TestWireScan)
#include "tst_wirescan.moc"
