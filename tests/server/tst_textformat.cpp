// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QByteArray>
#include <QDateTime>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

#include "message.h"
#include "textformat.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

// 2023-11-14 22:13:20 UTC.
constexpr qint64 SomeTime = 1'700'000'000'000;

QString stampFor(qint64 time)
{
    return u'[' + QDateTime::fromMSecsSinceEpoch(time).toString(u"HH:mm"_s) + u"] "_s;
}

} // namespace

class TestTextFormat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void lines_data();
    void lines();
    void stamp_data();
    void stamp();
    void stampIsLocalTime();
    void stampFollowsTheMinute();
    void encode_data();
    void encode();
    void encodeIsUtf8();
    void reply();
    void userListEmpty();
    void userList_data();
    void userList();
    void userCount_data();
    void userCount();
};

void TestTextFormat::initTestCase()
{
    // A zone three hours west of UTC with no daylight saving, so that a stamp in UTC would
    // differ from the local one; Qt re-reads TZ before every local-time conversion.
    qputenv("TZ", "<-03>3");
}

void TestTextFormat::lines_data()
{
    QTest::addColumn<Message>("event");
    QTest::addColumn<QStringList>("expected"); // without the time stamp

    QTest::newRow("chat") << Message::chat(u"ana"_s, u"olá mundo"_s, false, SomeTime)
                          << QStringList {u"<ana> olá mundo"_s};
    QTest::newRow("action") << Message::chat(u"ana"_s, u"waves at bia"_s, true, SomeTime)
                            << QStringList {u"* ana waves at bia"_s};
    QTest::newRow("multi-line chat")
        << Message::chat(u"ana"_s, u"one\ntwo\nthree"_s, false, SomeTime)
        << QStringList {u"<ana> one"_s, u"<ana> two"_s, u"<ana> three"_s};
    QTest::newRow("multi-line action") << Message::chat(u"bia"_s, u"one\ntwo"_s, true, SomeTime)
                                       << QStringList {u"* bia one"_s, u"* bia two"_s};
    QTest::newRow("empty line inside chat")
        << Message::chat(u"ana"_s, u"a\n\nb"_s, false, SomeTime)
        << QStringList {u"<ana> a"_s, u"<ana> "_s, u"<ana> b"_s};
    QTest::newRow("joined") << Message::joined(u"caio"_s, SomeTime)
                            << QStringList {u"*** caio joined"_s};
    QTest::newRow("left") << Message::left(u"caio"_s, QString(), SomeTime)
                          << QStringList {u"*** caio left"_s};
    QTest::newRow("left with reason") << Message::left(u"caio"_s, u"gone fishing"_s, SomeTime)
                                      << QStringList {u"*** caio left (gone fishing)"_s};
    QTest::newRow("renamed") << Message::renamed(u"ana"_s, u"Anna"_s, SomeTime)
                             << QStringList {u"*** ana is now known as Anna"_s};
    QTest::newRow("notice") << Message::notice(u"restart at noon"_s, SomeTime)
                            << QStringList {u"-host- restart at noon"_s};
    QTest::newRow("multi-line notice") << Message::notice(u"restart\nat noon"_s, SomeTime)
                                       << QStringList {u"-host- restart"_s, u"-host- at noon"_s};
    QTest::newRow("ping") << Message::ping(7) << QStringList();
    QTest::newRow("users") << Message::userList({u"ana"_s}) << QStringList();
    QTest::newRow("welcome") << Message::welcome(u"ana"_s, {u"ana"_s}) << QStringList();
}

void TestTextFormat::lines()
{
    QFETCH(Message, event);
    QFETCH(QStringList, expected);

    const QString stamp = stampFor(event.time);
    for (QString &line : expected)
        line.prepend(stamp);
    QCOMPARE(TextFormat::lines(event), expected);
}

void TestTextFormat::stamp_data()
{
    QTest::addColumn<qint64>("time");

    QTest::newRow("epoch") << qint64(0);
    QTest::newRow("some time") << SomeTime;
    QTest::newRow("one minute later") << SomeTime + 60'000;
    QTest::newRow("just before midnight UTC")
        << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("noon UTC")
        << QDateTime(QDate(2024, 7, 1), QTime(12, 5), Qt::UTC).toMSecsSinceEpoch();
}

void TestTextFormat::stamp()
{
    QFETCH(qint64, time);

    const QStringList all = {
        TextFormat::lines(Message::chat(u"ana"_s, u"x"_s, false, time)).constFirst(),
        TextFormat::lines(Message::joined(u"ana"_s, time)).constFirst(),
        TextFormat::lines(Message::notice(u"x"_s, time)).constFirst(),
    };
    const QString expected = stampFor(time);
    static const QRegularExpression shape(u"^\\[\\d\\d:\\d\\d\\] $"_s);
    QVERIFY2(shape.match(expected).hasMatch(), qPrintable(expected));
    for (const QString &line : all)
        QVERIFY2(line.startsWith(expected), qPrintable(line));
}

void TestTextFormat::stampIsLocalTime()
{
    // 2024-07-01 12:05 UTC is 09:05 three hours west (set in initTestCase).
    const qint64 time = QDateTime(QDate(2024, 7, 1), QTime(12, 5), Qt::UTC).toMSecsSinceEpoch();
    if (QDateTime::fromMSecsSinceEpoch(time).offsetFromUtc() != -3 * 3600)
        QSKIP("The system ignores TZ; cannot tell local time from UTC here");
    QCOMPARE(TextFormat::lines(Message::joined(u"ana"_s, time)),
             QStringList {u"[09:05] *** ana joined"_s});
}

// The stamp is kept per minute: each line still gets its own minute's, back and forth.
void TestTextFormat::stampFollowsTheMinute()
{
    const qint64 time = QDateTime(QDate(2024, 7, 1), QTime(12, 5), Qt::UTC).toMSecsSinceEpoch();
    if (QDateTime::fromMSecsSinceEpoch(time).offsetFromUtc() != -3 * 3600)
        QSKIP("The system ignores TZ; cannot tell local time from UTC here");
    const auto stampAt = [](qint64 at) {
        return TextFormat::lines(Message::joined(u"ana"_s, at)).front().left(8);
    };
    QCOMPARE(stampAt(time + 59'999), u"[09:05] "_s);
    QCOMPARE(stampAt(time + 60'000), u"[09:06] "_s);
    QCOMPARE(stampAt(time), u"[09:05] "_s);
    QCOMPARE(stampAt(time + 24 * 3600'000), u"[09:05] "_s);
    QCOMPARE(stampAt(time - 1), u"[09:04] "_s);
}

void TestTextFormat::encode_data()
{
    QTest::addColumn<Message>("event");

    QTest::newRow("chat") << Message::chat(u"ana"_s, u"hello"_s, false, SomeTime);
    QTest::newRow("multi-line chat") << Message::chat(u"ana"_s, u"a\nb\nc"_s, false, SomeTime);
    QTest::newRow("action") << Message::chat(u"ana"_s, u"waves"_s, true, SomeTime);
    QTest::newRow("empty chat") << Message::chat(u"ana"_s, QString(), false, SomeTime);
    QTest::newRow("action in UTF-8") << Message::chat(u"joão"_s, u"acena 🎉"_s, true, SomeTime);
    QTest::newRow("multi-line action") << Message::chat(u"ana"_s, u"a\nb"_s, true, SomeTime);
    QTest::newRow("left") << Message::left(u"ana"_s, u"bye"_s, SomeTime);
    QTest::newRow("renamed") << Message::renamed(u"ana"_s, u"bia"_s, SomeTime);
    QTest::newRow("multi-line notice") << Message::notice(u"a\nb"_s, SomeTime);
}

void TestTextFormat::encode()
{
    QFETCH(Message, event);

    const QStringList lines = TextFormat::lines(event);
    QVERIFY(!lines.isEmpty());
    const QByteArray bytes = TextFormat::encode(event);
    QVERIFY(bytes.endsWith("\r\n"));

    const QList<QByteArray> parts = bytes.split('\n');
    QCOMPARE(parts.size(), lines.size() + 1); // after the last LF: nothing
    QVERIFY(parts.constLast().isEmpty());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QVERIFY2(parts.at(i).endsWith('\r'), parts.at(i).constData());
        QCOMPARE(parts.at(i).chopped(1), lines.at(i).toUtf8());
        QVERIFY(!parts.at(i).chopped(1).contains('\r'));
    }
}

void TestTextFormat::encodeIsUtf8()
{
    const Message event = Message::chat(u"joão"_s, u"olá ✓ 🎉"_s, false, SomeTime);
    const QByteArray expected = stampFor(SomeTime).toLatin1() +
        "<jo\xc3\xa3o> ol\xc3\xa1 \xe2\x9c\x93 \xf0\x9f\x8e\x89\r\n"_ba;
    QCOMPARE(TextFormat::encode(event), expected);

    QVERIFY(TextFormat::encode(Message::ping(1)).isEmpty());
}

void TestTextFormat::reply()
{
    QCOMPARE(TextFormat::reply(u"Welcome, ana."_s), u"*** Welcome, ana."_s);
    QCOMPARE(TextFormat::reply(QString()), u"*** "_s);
}

void TestTextFormat::userListEmpty()
{
    const QString text = TextFormat::userList({});
    QVERIFY(!text.isEmpty());
    QCOMPARE(text, TextFormat::tr("Nobody is here yet."));
    QVERIFY(!text.contains(u"%"_s));
}

void TestTextFormat::userList_data()
{
    QTest::addColumn<QStringList>("nicks");
    QTest::addColumn<QString>("list");

    QTest::newRow("one") << QStringList {u"ana"_s} << u"ana"_s;
    QTest::newRow("three") << QStringList {u"ana"_s, u"Bia"_s, u"caio"_s} << u"ana, Bia, caio"_s;
    QTest::newRow("order kept") << QStringList {u"zeca"_s, u"ana"_s} << u"zeca, ana"_s;
}

void TestTextFormat::userList()
{
    QFETCH(QStringList, nicks);
    QFETCH(QString, list);

    const QString text = TextFormat::userList(nicks);
    // The count's wording depends on the translation (plural forms); the list does not.
    QVERIFY2(text.endsWith(u": "_s + list), qPrintable(text));
    QVERIFY2(text.contains(QString::number(nicks.size())), qPrintable(text));
    QVERIFY2(!text.contains(u"%"_s), qPrintable(text));
    QCOMPARE(text.count(u':'), 1);
}

void TestTextFormat::userCount_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one") << 1;
    QTest::newRow("two") << 2;
    QTest::newRow("five thousand") << 5000;
}

void TestTextFormat::userCount()
{
    QFETCH(int, count);
    // A number, whatever the room's size: no names, one short sentence.
    const QString text = TextFormat::userCount(count);
    QVERIFY2(text.contains(QString::number(count)), qPrintable(text));
    QVERIFY2(!text.contains(u"%"_s) && !text.contains(u':'), qPrintable(text));
    QVERIFY2(text.size() < 40, qPrintable(text));
    QCOMPARE(TextFormat::userCount(0), TextFormat::tr("Nobody is here yet."));
}

QTEST_GUILESS_MAIN(TestTextFormat)

#include "tst_textformat.moc"
