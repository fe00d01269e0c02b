// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QStringList>
#include <QTest>

#include "logging.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

QStringList captured;
QtMessageHandler qtHandler = nullptr;

void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured.append(message);
}

// What a terminal or a log reader could take for something else than text.
bool holdsControls(const QString &text)
{
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
            (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c ||
            c == 0x2028 || c == 0x2029)
            return true;
    }
    return false;
}

} // namespace

class TestLogging final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapeForLog_data();
    void escapeForLog();
    void cut();
    void everyLogMessageIsEscaped();
};

void TestLogging::escapeForLog_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"hello, world"_s << u"hello, world"_s;
    QTest::newRow("accents and emoji") << u"joão 😀 ok"_s << u"joão 😀 ok"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("escape sequence")
        << u"\x1b[2J\x1b]0;owned\x07"_s << u"\\x1B[2J\\x1B]0;owned\\x07"_s;
    QTest::newRow("forged line") << u"hi\r\n2026-01-01 info root logged in"_s
                                 << u"hi\\x0D\\x0A2026-01-01 info root logged in"_s;
    QTest::newRow("nul and tab") << QString::fromUtf16(u"a\0b\tc", 5) << u"a\\x00b\\x09c"_s;
    QTest::newRow("DEL and C1") << u"a\x7f\u009b31mb"_s << u"a\\x7F\\x9B31mb"_s;
    QTest::newRow("bidi override") << u"user\u202Egnp.exe"_s << u"user\\u202Egnp.exe"_s;
    QTest::newRow("isolates and marks")
        << u"\u2066a\u2069\u200e\u200f\u061c"_s << u"\\u2066a\\u2069\\u200E\\u200F\\u061C"_s;
    QTest::newRow("line separator") << u"a\u2028b\u2029c"_s << u"a\\u2028b\\u2029c"_s;
    QTest::newRow("lone surrogate") << QString(QChar(0xd800)) + u'x' << u"\\uD800x"_s;
}

void TestLogging::escapeForLog()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QString escaped = Tagarela::escapeForLog(text);
    QCOMPARE(escaped, expected);
    QVERIFY(!holdsControls(escaped));
}

void TestLogging::cut()
{
    QCOMPARE(Tagarela::escapeForLog(u"abcdef"_s, 3), u"abc…"_s);
    QCOMPARE(Tagarela::escapeForLog(u"abc"_s, 3), u"abc"_s);
    QCOMPARE(Tagarela::escapeForLog(u"a\x1b"
                                    u"cdef"_s,
                                    2),
             u"a\\x1B…"_s);
    // Never half a surrogate pair.
    QCOMPARE(Tagarela::escapeForLog(u"a😀b"_s, 2), u"a…"_s);
}

void TestLogging::everyLogMessageIsEscaped()
{
    qtHandler = qInstallMessageHandler(capture);
    installLogEscaping();
    installLogEscaping(); // idempotent: escaped once, not twice
    qWarning().noquote() << u"type \"\x1b]2;x\x07\"\nforged\u202E"_s;
    qInstallMessageHandler(qtHandler);
    QCOMPARE(captured.size(), 1);
    QCOMPARE(captured.constFirst(), u"type \"\\x1B]2;x\\x07\"\\x0Aforged\\u202E"_s);
}

QTEST_GUILESS_MAIN(TestLogging)

#include "tst_logging.moc"
