// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QByteArray>
#include <QByteArrayList>
#include <QStringList>
#include <QTest>

#include "linedecoder.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

// One decoded line as a string the tests can compare: "text:<text>", "too-long:" or
// "invalid-utf8:". A problem line that kept its text would show it after the colon.
QString render(const TextLine &line)
{
    switch (line.problem) {
    case TextLine::Problem::None:
        return u"text:"_s + line.text;
    case TextLine::Problem::TooLong:
        return u"too-long:"_s + line.text;
    case TextLine::Problem::InvalidUtf8:
        return u"invalid-utf8:"_s + line.text;
    }
    return u"?"_s;
}

QStringList drain(LineDecoder &decoder)
{
    QStringList lines;
    while (decoder.hasLine())
        lines.append(render(decoder.next()));
    return lines;
}

QStringList decode(const QByteArrayList &chunks, int maxLineBytes)
{
    LineDecoder decoder(maxLineBytes);
    QStringList lines;
    for (const QByteArray &chunk : chunks) {
        decoder.feed(chunk);
        lines += drain(decoder);
    }
    return lines;
}

QString text(const QString &line)
{
    return u"text:"_s + line;
}

const QString TooLong = u"too-long:"_s;
const QString InvalidUtf8 = u"invalid-utf8:"_s;

// Telnet bytes (RFC 854, 855).
#define IAC "\xff"
#define WILL "\xfb"
#define WONT "\xfc"
#define DO "\xfd"
#define DONT "\xfe"
#define SB "\xfa"
#define SE "\xf0"
#define NOP "\xf1"
#define AYT "\xf6"

} // namespace

class TestLineDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesLines_data();
    void decodesLines();
    void decodesLinesByteAtATime_data();
    void decodesLinesByteAtATime();
    void decodesLinesSplitAnywhere_data();
    void decodesLinesSplitAnywhere();
    void overlongLineIsBoundedAndReportedOnce();
    void lineOfExactlyTheLimit();
    void keepsPartialLineUntilItEnds();
    void defaults();
};

void TestLineDecoder::decodesLines_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<int>("maxLineBytes");
    QTest::addColumn<QStringList>("expected");

    const int big = 4096;

    // Line ends.
    QTest::newRow("LF") << QByteArrayList {"hello\n"_ba} << big << QStringList {text(u"hello"_s)};
    QTest::newRow("CR") << QByteArrayList {"hello\r"_ba} << big << QStringList {text(u"hello"_s)};
    QTest::newRow("CRLF") << QByteArrayList {"hello\r\n"_ba} << big
                          << QStringList {text(u"hello"_s)};
    QTest::newRow("CR NUL") << QByteArrayList {"hello\r\0"_ba} << big
                            << QStringList {text(u"hello"_s)};
    QTest::newRow("mixed line ends")
        << QByteArrayList {"a\nb\rc\r\nd\r\0e\n"_ba} << big
        << QStringList {text(u"a"_s), text(u"b"_s), text(u"c"_s), text(u"d"_s), text(u"e"_s)};
    QTest::newRow("CRLF split across chunks")
        << QByteArrayList {"hello\r"_ba, "\nworld\r"_ba, "\n"_ba} << big
        << QStringList {text(u"hello"_s), text(u"world"_s)};
    QTest::newRow("CR NUL split across chunks")
        << QByteArrayList {"hello\r"_ba, "\0world\n"_ba} << big
        << QStringList {text(u"hello"_s), text(u"world"_s)};
    QTest::newRow("CR CR is an empty line") << QByteArrayList {"a\r\rb\r\n"_ba} << big
                                            << QStringList {text(u"a"_s), text({}), text(u"b"_s)};
    QTest::newRow("CRLF CRLF is an empty line")
        << QByteArrayList {"a\r\n\r\n"_ba} << big << QStringList {text(u"a"_s), text({})};
    QTest::newRow("empty lines") << QByteArrayList {"\n\n\r\n"_ba} << big
                                 << QStringList {text({}), text({}), text({})};
    QTest::newRow("LF CR is two line ends") << QByteArrayList {"a\n\rb\n"_ba} << big
                                            << QStringList {text(u"a"_s), text({}), text(u"b"_s)};
    QTest::newRow("multiple lines in one chunk")
        << QByteArrayList {"one\ntwo\nthree\n"_ba} << big
        << QStringList {text(u"one"_s), text(u"two"_s), text(u"three"_s)};
    QTest::newRow("no line end yet") << QByteArrayList {"partial"_ba} << big << QStringList {};
    QTest::newRow("line spread over chunks")
        << QByteArrayList {"he"_ba, "l"_ba, "lo wo"_ba, "rld\n"_ba} << big
        << QStringList {text(u"hello world"_s)};
    QTest::newRow("spaces are kept") << QByteArrayList {"  two  spaces  \n"_ba} << big
                                     << QStringList {text(u"  two  spaces  "_s)};

    // Telnet negotiation is removed wherever it falls.
    QTest::newRow("IAC WILL before a line")
        << QByteArrayList {IAC WILL "\x01hello\n"_ba} << big << QStringList {text(u"hello"_s)};
    QTest::newRow("IAC DO inside a line")
        << QByteArrayList {"he" IAC DO "\x03llo\n"_ba} << big << QStringList {text(u"hello"_s)};
    QTest::newRow("IAC WONT and IAC DONT") << QByteArrayList {"a" IAC WONT "\x01" IAC DONT "\x22"
                                                              "b\n"_ba}
                                           << big << QStringList {text(u"ab"_s)};
    QTest::newRow("option byte that looks like a line end") << QByteArrayList {"a" IAC DO "\n"
                                                                               "b" IAC WILL "\r"
                                                                               "c\n"_ba}
                                                            << big << QStringList {text(u"abc"_s)};
    QTest::newRow("IAC SB ... IAC SE inside a line")
        << QByteArrayList {"a" IAC SB "\x18\x01" IAC SE "b\n"_ba} << big
        << QStringList {text(u"ab"_s)};
    QTest::newRow("subnegotiation holding IAC IAC and line ends")
        << QByteArrayList {IAC SB "\x18\x00x" IAC IAC "\r\n" IAC SE "ok\n"_ba} << big
        << QStringList {text(u"ok"_s)};
    QTest::newRow("IAC NOP") << QByteArrayList {"a" IAC NOP "b\n"_ba} << big
                             << QStringList {text(u"ab"_s)};
    QTest::newRow("IAC AYT") << QByteArrayList {"a" IAC AYT "b\n"_ba} << big
                             << QStringList {text(u"ab"_s)};
    QTest::newRow("IAC IAC") << QByteArrayList {"a" IAC IAC "b\n"_ba} << big
                             << QStringList {text(u"ab"_s)};
    QTest::newRow("IAC WILL split across chunks") << QByteArrayList {"a" IAC ""_ba, WILL ""_ba,
                                                                     "\x01"
                                                                     "b\n"_ba}
                                                  << big << QStringList {text(u"ab"_s)};
    QTest::newRow("subnegotiation split across chunks")
        << QByteArrayList {"a" IAC ""_ba, SB "\x18"_ba, "\x01" IAC ""_ba, SE "b\n"_ba} << big
        << QStringList {text(u"ab"_s)};
    QTest::newRow("negotiation between CR and LF")
        << QByteArrayList {"a\r" IAC NOP "\nb\n"_ba} << big
        << QStringList {text(u"a"_s), text(u"b"_s)};
    QTest::newRow("negotiation only")
        << QByteArrayList {IAC DO "\x01" IAC WILL "\x03"_ba} << big << QStringList {};

    // UTF-8.
    QTest::newRow("UTF-8 text") << QByteArrayList {"olá, João\n"_ba} << big
                                << QStringList {text(u"olá, João"_s)};
    QTest::newRow("UTF-8 split inside a character")
        << QByteArrayList {"Jo\xc3"_ba, "\xa3o 😀\n"_ba} << big << QStringList {text(u"João 😀"_s)};
    QTest::newRow("invalid UTF-8, next line fine")
        << QByteArrayList {"bad \xc3\x28 text\nok\n"_ba} << big
        << QStringList {InvalidUtf8, text(u"ok"_s)};
    QTest::newRow("overlong UTF-8")
        << QByteArrayList {"\xc0\xaf\nok\n"_ba} << big << QStringList {InvalidUtf8, text(u"ok"_s)};
    QTest::newRow("Latin-1 bytes")
        << QByteArrayList {"ol\xe1\n"_ba} << big << QStringList {InvalidUtf8};
    QTest::newRow("UTF-8 cut by the line end")
        << QByteArrayList {"a\xe2\x82\nb\n"_ba} << big << QStringList {InvalidUtf8, text(u"b"_s)};

    // Length limit.
    QTest::newRow("one byte over the limit")
        << QByteArrayList {"123456789\nok\n"_ba} << 8 << QStringList {TooLong, text(u"ok"_s)};
    QTest::newRow("far over the limit, over many chunks")
        << QByteArrayList {"0123456789"_ba, "0123456789"_ba, "01234"_ba, "\r\nnext\r\n"_ba} << 8
        << QStringList {TooLong, text(u"next"_s)};
    QTest::newRow("over the limit, CR and LF in separate chunks")
        << QByteArrayList {"123456789\r"_ba, "\nok\n"_ba} << 8
        << QStringList {TooLong, text(u"ok"_s)};
    QTest::newRow("telnet does not count toward the limit")
        << QByteArrayList {"1234" IAC SB "\x18xxxxxxxxxxxx" IAC SE "5678\n"_ba} << 8
        << QStringList {text(u"12345678"_s)};
    QTest::newRow("limit counts bytes, not characters")
        << QByteArrayList {"ãããã\nããã\n"_ba} << 7 << QStringList {TooLong, text(u"ããã"_s)};
}

void TestLineDecoder::decodesLines()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(int, maxLineBytes);
    QFETCH(QStringList, expected);

    QCOMPARE(decode(chunks, maxLineBytes), expected);
}

void TestLineDecoder::decodesLinesByteAtATime_data()
{
    decodesLines_data();
}

void TestLineDecoder::decodesLinesByteAtATime()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(int, maxLineBytes);
    QFETCH(QStringList, expected);

    QByteArrayList bytes;
    for (char byte : chunks.join())
        bytes.append(QByteArray(1, byte));
    QCOMPARE(decode(bytes, maxLineBytes), expected);
}

void TestLineDecoder::decodesLinesSplitAnywhere_data()
{
    decodesLines_data();
}

void TestLineDecoder::decodesLinesSplitAnywhere()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(int, maxLineBytes);
    QFETCH(QStringList, expected);

    const QByteArray stream = chunks.join();
    for (qsizetype split = 0; split <= stream.size(); ++split) {
        const QStringList lines = decode({stream.left(split), stream.mid(split)}, maxLineBytes);
        if (lines != expected)
            QFAIL(qPrintable(u"split at %1: got %2"_s.arg(split).arg(lines.join(u" | "))));
    }
}

void TestLineDecoder::overlongLineIsBoundedAndReportedOnce()
{
    const int limit = 64;
    LineDecoder decoder(limit);
    QCOMPARE(decoder.maxLineBytes(), limit);

    const QByteArray chunk(100, 'x');
    for (int i = 0; i < 100; ++i) {
        decoder.feed(chunk);
        QVERIFY(!decoder.hasLine());
        QVERIFY2(decoder.bufferedBytes() <= limit,
                 qPrintable(u"%1 bytes buffered"_s.arg(decoder.bufferedBytes())));
    }
    QCOMPARE(decoder.bufferedBytes(), limit);

    decoder.feed("\r\nhello\n"_ba);
    QCOMPARE(drain(decoder), (QStringList {TooLong, text(u"hello"_s)}));
    QCOMPARE(decoder.bufferedBytes(), 0);

    // The report is once per line: the limit applies afresh to the next one.
    decoder.feed(QByteArray(QByteArray(limit, 'y') + "\n"_ba));
    QCOMPARE(drain(decoder), QStringList {text(QString(limit, u'y'))});
}

void TestLineDecoder::lineOfExactlyTheLimit()
{
    LineDecoder decoder(5);
    decoder.feed("12345\n123456\n12345"_ba);
    QCOMPARE(drain(decoder), (QStringList {text(u"12345"_s), TooLong}));
    QCOMPARE(decoder.bufferedBytes(), 5);
    decoder.feed("\r"_ba);
    QCOMPARE(drain(decoder), QStringList {text(u"12345"_s)});
}

void TestLineDecoder::keepsPartialLineUntilItEnds()
{
    LineDecoder decoder;
    decoder.feed("olá"_ba);
    QVERIFY(!decoder.hasLine());
    QCOMPARE(decoder.bufferedBytes(), 4);
    // Telnet commands are not buffered.
    decoder.feed(IAC DO "\x01" IAC SB "abc"_ba);
    QCOMPARE(decoder.bufferedBytes(), 4);
    decoder.feed(IAC SE " mundo\r"_ba);
    QCOMPARE(decoder.bufferedBytes(), 0);
    QVERIFY(decoder.hasLine());
    const TextLine line = decoder.next();
    QCOMPARE(line.problem, TextLine::Problem::None);
    QCOMPARE(line.text, u"olá mundo"_s);
    QVERIFY(!decoder.hasLine());
}

void TestLineDecoder::defaults()
{
    LineDecoder decoder;
    QCOMPARE(decoder.maxLineBytes(), 4096);
    QVERIFY(!decoder.hasLine());
    const TextLine none = decoder.next();
    QCOMPARE(none.problem, TextLine::Problem::None);
    QVERIFY(none.text.isEmpty());

    decoder.setMaxLineBytes(3);
    QCOMPARE(decoder.maxLineBytes(), 3);
    decoder.feed("abcd\nabc\n"_ba);
    QCOMPARE(drain(decoder), (QStringList {TooLong, text(u"abc"_s)}));
}

QTEST_GUILESS_MAIN(TestLineDecoder)
#include "tst_linedecoder.moc"
