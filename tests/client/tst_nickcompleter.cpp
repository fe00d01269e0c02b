// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include <QTest>

#include "nickcompleter.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestNickCompleter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completes_data();
    void completes();
    void cyclesOnRepeatedTab();
    void typingStartsAfresh();
    void nothingToComplete();
};

namespace {

const QStringList Nicks {u"bia"_s, u"Ana"_s, u"anabela"_s, u"caio"_s};

} // namespace

void TestNickCompleter::completes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cursor");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("expectedCursor");
    QTest::newRow("start of line") << u"ca"_s << 2 << u"caio: "_s << 6;
    QTest::newRow("ignores case, first in order") << u"AN"_s << 2 << u"Ana: "_s << 5;
    QTest::newRow("elsewhere") << u"hi bi"_s << 5 << u"hi bia "_s << 7;
    QTest::newRow("in the middle") << u"hi bi, how"_s << 5 << u"hi bia , how"_s << 7;
    QTest::newRow("before a space") << u"hi bi how"_s << 5 << u"hi bia how"_s << 6;
    QTest::newRow("a whole name") << u"caio"_s << 4 << u"caio: "_s << 6;
}

void TestNickCompleter::completes()
{
    QFETCH(QString, text);
    QFETCH(int, cursor);
    QFETCH(QString, expected);
    QFETCH(int, expectedCursor);
    NickCompleter completer;
    const auto result = completer.complete(text, cursor, Nicks);
    QVERIFY(result);
    QCOMPARE(result->text, expected);
    QCOMPARE(result->cursor, expectedCursor);
}

void TestNickCompleter::cyclesOnRepeatedTab()
{
    NickCompleter completer;
    auto result = completer.complete(u"an"_s, 2, Nicks);
    QVERIFY(result);
    QCOMPARE(result->text, u"Ana: "_s);
    result = completer.complete(result->text, result->cursor, Nicks);
    QVERIFY(result);
    QCOMPARE(result->text, u"anabela: "_s);
    QCOMPARE(result->cursor, 9);
    // And round again.
    result = completer.complete(result->text, result->cursor, Nicks);
    QVERIFY(result);
    QCOMPARE(result->text, u"Ana: "_s);

    // Elsewhere in the line, the text after the word stays.
    result = completer.complete(u"hello an and"_s, 8, Nicks);
    QVERIFY(result);
    QCOMPARE(result->text, u"hello Ana and"_s);
    result = completer.complete(result->text, result->cursor, Nicks);
    QVERIFY(result);
    QCOMPARE(result->text, u"hello anabela and"_s);
}

void TestNickCompleter::typingStartsAfresh()
{
    NickCompleter completer;
    auto result = completer.complete(u"an"_s, 2, Nicks);
    QVERIFY(result);
    // The user typed after the completion: a new word, a new cycle.
    const QString typed = result->text + u"hi c"_s;
    result = completer.complete(typed, int(typed.size()), Nicks);
    QVERIFY(result);
    QCOMPARE(result->text, u"Ana: hi caio "_s);
}

void TestNickCompleter::nothingToComplete()
{
    NickCompleter completer;
    QVERIFY(!completer.complete(u""_s, 0, Nicks));
    QVERIFY(!completer.complete(u"hi "_s, 3, Nicks));
    QVERIFY(!completer.complete(u"zed"_s, 3, Nicks));
    QVERIFY(!completer.complete(u"an"_s, 2, {}));
}

QTEST_GUILESS_MAIN(TestNickCompleter)

#include "tst_nickcompleter.moc"
