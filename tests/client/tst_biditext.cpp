// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QString>
#include <QTest>

#include "biditext.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

class TestBidiText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isolated_data();
    void isolated();
    void isolatesBalance_data();
    void isolatesBalance();
};

// In the expected strings: [ is FSI (U+2068), ] is PDI (U+2069), > is RLO (U+202E),
// ( is LRI (U+2066), ) is RLI (U+2067).
static QString spelled(QString text)
{
    text.replace(u'[', QChar(0x2068));
    text.replace(u']', QChar(0x2069));
    text.replace(u'>', QChar(0x202e));
    text.replace(u'(', QChar(0x2066));
    text.replace(u')', QChar(0x2067));
    return text;
}

void TestBidiText::isolated_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("left to right only") << u"hello, world 42!"_s << u"hello, world 42!"_s;
    QTest::newRow("accents and Han") << u"olá 李小龙"_s << u"olá 李小龙"_s;
    QTest::newRow("Hebrew") << u"שלום"_s << spelled(u"[שלום]"_s);
    QTest::newRow("Arabic with digits") << u"علي 12"_s << spelled(u"[علي 12]"_s);
    QTest::newRow("Arabic-Indic digits") << u"٣"_s << spelled(u"[٣]"_s);
    QTest::newRow("right-to-left override") << spelled(u"ab>cd"_s) << spelled(u"[ab>cd]"_s);
    QTest::newRow("right-to-left mark") << u"ab\u200f"_s << spelled(u"[ab\u200f]"_s);
    QTest::newRow("stray PDI dropped") << spelled(u"a]>b"_s) << spelled(u"[a>b]"_s);
    QTest::newRow("matched isolate kept") << spelled(u"a)b]c"_s) << spelled(u"[a)b]c]"_s);
    QTest::newRow("open isolates closed") << spelled(u"a)b(c"_s) << spelled(u"[a)b(c]]]"_s);
    QTest::newRow("one isolate per line") << spelled(u"a>b\nc]d"_s) << spelled(u"[a>b]\n[cd]"_s);
    QTest::newRow("open isolate closed before the line ends")
        << spelled(u")x\ny"_s) << spelled(u"[)x]]\n[y]"_s);
    QTest::newRow("right-to-left letter outside the BMP")
        << u"\U00010800"_s << spelled(u"[\U00010800]"_s);
}

void TestBidiText::isolated()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(BidiText::isolated(text), expected);
}

void TestBidiText::isolatesBalance_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("stray PDIs") << spelled(u"]]]>x"_s);
    QTest::newRow("nested, unclosed") << spelled(u"(()x>"_s);
    QTest::newRow("mixed over lines") << spelled(u"(\n]]\n)>(\n"_s);
}

// Whatever the text, the isolate opened first is the one the last PDI closes: nothing leaks.
void TestBidiText::isolatesBalance()
{
    QFETCH(QString, text);
    const QString result = BidiText::isolated(text);
    int depth = 0;
    for (const QChar c : result) {
        if (c == u'\n') {
            QCOMPARE(depth, 0);
            continue;
        }
        const QChar::Direction direction = c.direction();
        if (direction == QChar::DirLRI || direction == QChar::DirRLI || direction == QChar::DirFSI)
            ++depth;
        else if (direction == QChar::DirPDI)
            QVERIFY2(--depth >= 0, qPrintable(result));
        else
            QVERIFY(depth > 0);
    }
    QCOMPARE(depth, 0);
}

QTEST_GUILESS_MAIN(TestBidiText)
#include "tst_biditext.moc"
