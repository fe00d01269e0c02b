// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTest>

#include "chatline.h"
#include "messagemodel.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

// 2023-11-14 22:13:20 UTC.
constexpr qint64 SomeTime = 1'700'000'000'000;

QString stamp(qint64 time)
{
    return u'[' + QDateTime::fromMSecsSinceEpoch(time).toString(u"HH:mm"_s) + u"] "_s;
}

ChatLine line(ChatLine::Kind kind, const QString &nick, const QString &text, qint64 time = SomeTime)
{
    ChatLine made;
    made.kind = kind;
    made.time = time;
    made.nick = nick;
    made.text = text;
    return made;
}

ChatLine chat(const QString &text, int number = 0)
{
    return line(ChatLine::Kind::Chat, u"ana"_s, text, SomeTime + number * 1000);
}

QList<ChatLine> numbered(int first, int count)
{
    QList<ChatLine> lines;
    for (int i = first; i < first + count; ++i)
        lines.append(chat(QString::number(i), i));
    return lines;
}

ChatLine seqChat(quint64 seq, const QString &nick = u"bia"_s)
{
    ChatLine made = line(ChatLine::Kind::Chat, nick, QString::number(seq), SomeTime + qint64(seq));
    made.seq = seq;
    return made;
}

ChatLine pending(const QString &text, const QString &clientId)
{
    ChatLine made = line(ChatLine::Kind::Chat, u"ana"_s, text);
    made.clientId = clientId;
    made.delivery = ChatLine::Delivery::Pending;
    return made;
}

ChatLine marker(ChatLine::Marker kind, quint64 seq, const QString &text = u"|"_s)
{
    ChatLine made = line(ChatLine::Kind::Marker, {}, text);
    made.marker = kind;
    made.seq = seq;
    return made;
}

// "12", "info", "|" (a marker), "p:text" (pending), "f:text" (failed): the log at a glance.
QStringList shape(const MessageModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        const ChatLine l = model.line(row);
        if (l.kind == ChatLine::Kind::Marker)
            out.append(u"|"_s);
        else if (l.delivery == ChatLine::Delivery::Pending)
            out.append(u"p:"_s + l.text);
        else if (l.delivery == ChatLine::Delivery::Failed)
            out.append(u"f:"_s + l.text);
        else
            out.append(l.text);
    }
    return out;
}

QStringList texts(const MessageModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row).data(MessageModel::TextRole).toString());
    return out;
}

} // namespace

class TestMessageModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void startsEmpty();
    void appendOne();
    void appendBatchIsOneInsertion();
    void appendEmptyBatch();
    void roles();
    void displayText_data();
    void displayText();
    void scrollbackDropsOldestInChunks();
    void scrollbackBoundsRowCount();
    void batchLargerThanLimit();
    void lowerLimitTrims();
    void clear();
    void lineOutOfRange();
    void plainTextExport();
    void htmlExport();
    void htmlEscapesText();

    void ordersBySeqAndDropsDuplicates();
    void prependsOlderHistory();
    void linesWithoutNumberStayWhereTheyArrived();
    void pendingStaysAtTheBottomUntilConfirmed();
    void confirmationOutOfOrder();
    void historyConfirmsAPendingLine();
    void failedAndDiscarded();
    void markersStandBeforeTheirNumber();
    void markersOfOneNumberKeepTheirOrder();
    void newSequenceIsNotComparedWithTheOld();
    void clearKeepsUnconfirmed();
    void scrollbackForgetsDroppedNumbers();
    void olderHistoryOverTheLimitLeavesNoHole();

    void dayStartsWhereTheLocalDayChanges();
    void dayOfOlderHistoryInsertedAbove();
    void dayNames();
    void fullTimeHasTheDate();
    void savedLogsHaveTheirDays();
    void findIgnoresCaseAndCountsEveryHit();
};

void TestMessageModel::initTestCase()
{
    // A zone with no daylight saving, so that the stamps do not depend on the machine.
    qputenv("TZ", "<-03>3");
}

void TestMessageModel::startsEmpty()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.scrollbackLimit(), MessageModel::DefaultScrollbackLimit);
    QCOMPARE(model.scrollbackLimit(), 10'000);
    QCOMPARE(model.toPlainText(), QString());
}

void TestMessageModel::appendOne()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(chat(u"hello"_s));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 0);
    model.append(chat(u"again"_s));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QCOMPARE(texts(model), (QStringList {u"hello"_s, u"again"_s}));
}

void TestMessageModel::appendBatchIsOneInsertion()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(chat(u"first"_s));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(numbered(0, 1000));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1000);
    QCOMPARE(model.rowCount(), 1001);
    QCOMPARE(model.line(1).text, u"0"_s);
    QCOMPARE(model.line(1000).text, u"999"_s);
}

void TestMessageModel::appendEmptyBatch()
{
    MessageModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(QList<ChatLine>());
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestMessageModel::roles()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ChatLine mention = line(ChatLine::Kind::Action, u"bia"_s, u"waves at ana"_s);
    mention.mentionsMe = true;
    model.append(mention);
    const QModelIndex index = model.index(0);
    QCOMPARE(index.data(MessageModel::KindRole).toInt(), static_cast<int>(ChatLine::Kind::Action));
    QCOMPARE(index.data(MessageModel::TimeRole).toDateTime(),
             QDateTime::fromMSecsSinceEpoch(SomeTime));
    QCOMPARE(index.data(MessageModel::NickRole).toString(), u"bia"_s);
    QCOMPARE(index.data(MessageModel::TextRole).toString(), u"waves at ana"_s);
    QCOMPARE(index.data(MessageModel::MentionRole).toBool(), true);
    QCOMPARE(index.data(Qt::DisplayRole).toString(), stamp(SomeTime) + u"* bia waves at ana"_s);
    QVERIFY(!index.data(Qt::DecorationRole).isValid());

    model.append(chat(u"plain"_s));
    QCOMPARE(model.index(1).data(MessageModel::MentionRole).toBool(), false);

    const QHash<int, QByteArray> names = model.roleNames();
    QCOMPARE(names.value(MessageModel::NickRole), "nick"_ba);
    QCOMPARE(names.value(Qt::DisplayRole), "display"_ba);
}

void TestMessageModel::displayText_data()
{
    QTest::addColumn<ChatLine>("line");
    QTest::addColumn<QString>("expected"); // without the stamp

    QTest::newRow("chat") << line(ChatLine::Kind::Chat, u"ana"_s, u"hi there"_s)
                          << u"<ana> hi there"_s;
    QTest::newRow("action") << line(ChatLine::Kind::Action, u"ana"_s, u"waves"_s)
                            << u"* ana waves"_s;
    QTest::newRow("joined") << line(ChatLine::Kind::Joined, u"ana"_s, {}) << u"ana joined"_s;
    QTest::newRow("left") << line(ChatLine::Kind::Left, u"ana"_s, {}) << u"ana left"_s;
    QTest::newRow("left with reason")
        << line(ChatLine::Kind::Left, u"ana"_s, u"off to bed"_s) << u"ana left (off to bed)"_s;
    QTest::newRow("left with placeholder")
        << line(ChatLine::Kind::Left, u"ana"_s, u"%1 %2"_s) << u"ana left (%1 %2)"_s;
    QTest::newRow("renamed") << line(ChatLine::Kind::Renamed, u"ana"_s, u"bia"_s)
                             << u"ana is now known as bia"_s;
    QTest::newRow("notice") << line(ChatLine::Kind::Notice, {}, u"restarting soon"_s)
                            << u"-host- restarting soon"_s;
    QTest::newRow("notice from") << line(ChatLine::Kind::Notice, u"host"_s, u"hello"_s)
                                 << u"-host- hello"_s;
    QTest::newRow("info") << line(ChatLine::Kind::Info, {}, u"Connected to here as ana."_s)
                          << u"Connected to here as ana."_s;
    QTest::newRow("error") << line(ChatLine::Kind::Error, {}, u"Nickname taken"_s)
                           << u"Error: Nickname taken"_s;
    // Issue 13: what others wrote is isolated (FSI U+2068 ... PDI U+2069) when it can change
    // direction, so that a U+202E cannot turn the brackets and words around it.
    QTest::newRow("chat with a right-to-left override")
        << line(ChatLine::Kind::Chat, u"ana"_s, u"abc\u202edef"_s)
        << u"<ana> \u2068abc\u202edef\u2069"_s;
    QTest::newRow("chat from a Hebrew nickname")
        << line(ChatLine::Kind::Chat, u"דנה"_s, u"123"_s) << u"<\u2068דנה\u2069> 123"_s;
    QTest::newRow("action with a stray PDI")
        << line(ChatLine::Kind::Action, u"ana"_s, u"x\u2069\u202ey"_s)
        << u"* ana \u2068x\u202ey\u2069"_s;
    QTest::newRow("left with an override in the reason")
        << line(ChatLine::Kind::Left, u"ana"_s, u"bye\u202e"_s)
        << u"ana left (\u2068bye\u202e\u2069)"_s;
    QTest::newRow("renamed to Arabic") << line(ChatLine::Kind::Renamed, u"ana"_s, u"علي"_s)
                                       << u"ana is now known as \u2068علي\u2069"_s;
    QTest::newRow("notice with an embedding")
        << line(ChatLine::Kind::Notice, {}, u"\u202bx"_s) << u"-host- \u2068\u202bx\u2069"_s;
    QTest::newRow("error with an override")
        << line(ChatLine::Kind::Error, {}, u"\u202ex"_s) << u"Error: \u2068\u202ex\u2069"_s;
}

void TestMessageModel::displayText()
{
    QFETCH(ChatLine, line);
    QFETCH(QString, expected);
    MessageModel model;
    model.append(line);
    QCOMPARE(MessageModel::describe(line), expected);
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), stamp(line.time) + expected);
    QCOMPARE(MessageModel::plainText(line), stamp(line.time) + expected);
}

void TestMessageModel::scrollbackDropsOldestInChunks()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScrollbackLimit(100);
    model.append(numbered(0, 100));
    QCOMPARE(model.rowCount(), 100);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    // One more line than fits: a tenth of the limit goes at once.
    model.append(chat(u"100"_s, 100));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 9);
    QCOMPARE(model.rowCount(), 91);
    QCOMPARE(model.line(0).text, u"10"_s);
    QCOMPARE(model.line(90).text, u"100"_s);

    // The next nine lines fit without removing anything.
    for (int i = 101; i < 110; ++i)
        model.append(chat(QString::number(i), i));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 100);

    model.append(chat(u"110"_s, 110));
    QCOMPARE(removed.size(), 2);
    QCOMPARE(model.line(0).text, u"20"_s);
}

void TestMessageModel::scrollbackBoundsRowCount()
{
    MessageModel model;
    model.setScrollbackLimit(1000);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    int next = 0;
    for (int batch = 0; batch < 200; ++batch) {
        const int size = 1 + (batch * 37) % 150;
        model.append(numbered(next, size));
        next += size;
        QVERIFY2(model.rowCount() <= 1000, qPrintable(QString::number(model.rowCount())));
    }
    // Removal is amortised: far fewer removals than appends.
    QVERIFY(removed.size() > 0);
    QVERIFY(removed.size() <= next / 100);
    // The newest lines are all there, oldest first.
    QCOMPARE(model.line(model.rowCount() - 1).text, QString::number(next - 1));
    QCOMPARE(model.line(0).text, QString::number(next - model.rowCount()));
}

void TestMessageModel::batchLargerThanLimit()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScrollbackLimit(50);
    model.append(numbered(0, 30));
    model.append(numbered(30, 120));
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.line(0).text, u"100"_s);
    QCOMPARE(model.line(49).text, u"149"_s);
}

void TestMessageModel::lowerLimitTrims()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(numbered(0, 40));
    model.setScrollbackLimit(25);
    QCOMPARE(model.rowCount(), 25);
    QCOMPARE(model.line(0).text, u"15"_s);
    model.setScrollbackLimit(0); // at least one line stays
    QCOMPARE(model.scrollbackLimit(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.line(0).text, u"39"_s);
}

void TestMessageModel::clear()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(numbered(0, 10));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    model.clear();
    QCOMPARE(reset.size(), 1);
    model.append(chat(u"after"_s));
    QCOMPARE(texts(model), QStringList {u"after"_s});
}

void TestMessageModel::lineOutOfRange()
{
    MessageModel model;
    model.append(chat(u"only"_s));
    QCOMPARE(model.line(0).text, u"only"_s);
    QCOMPARE(model.line(1).text, QString());
    QCOMPARE(model.line(-1).text, QString());
    QVERIFY(!model.data(model.index(0).sibling(1, 0)).isValid());
}

void TestMessageModel::plainTextExport()
{
    MessageModel model;
    model.append(line(ChatLine::Kind::Info, {}, u"Connected."_s));
    model.append(line(ChatLine::Kind::Joined, u"bia"_s, {}));
    model.append(line(ChatLine::Kind::Chat, u"bia"_s, u"<b>hi</b> & bye"_s));
    const QString s = stamp(SomeTime);
    QCOMPARE(model.toPlainText(),
             MessageModel::dayLine(QDateTime::fromMSecsSinceEpoch(SomeTime).date()) + u'\n' + s +
                 u"Connected.\n"_s + s + u"bia joined\n"_s + s + u"<bia> <b>hi</b> & bye\n"_s);
}

void TestMessageModel::htmlExport()
{
    MessageModel model;
    model.append(line(ChatLine::Kind::Chat, u"ana"_s, u"hello"_s));
    model.append(line(ChatLine::Kind::Action, u"bia"_s, u"waves"_s));
    model.append(line(ChatLine::Kind::Left, u"bia"_s, u"bye"_s));
    ChatLine mention = line(ChatLine::Kind::Chat, u"bia"_s, u"ana: look"_s);
    mention.mentionsMe = true;
    model.append(mention);
    model.append(line(ChatLine::Kind::Chat, u"José"_s, u"olá, ação"_s));

    const auto nickColor = [](const QString &nick) {
        return nick == u"ana"_s ? u"#112233"_s : u"#445566"_s;
    };
    const QString html = model.toHtml(nickColor);
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(html.contains(u"<meta charset=\"utf-8\">"_s));
    QVERIFY(html.contains(u"<title>"_s));
    QVERIFY(html.contains(u"<body>"_s));
    QVERIFY(html.trimmed().endsWith(u"</html>"_s));
    QCOMPARE(html.count(u"<p "_s), 5);

    const QString time = QDateTime::fromMSecsSinceEpoch(SomeTime).toString(u"HH:mm"_s);
    QVERIFY(html.contains(u"<span class=\"time\">["_s + time + u"]</span>"_s));
    QVERIFY(html.contains(u"style=\"color:#112233\">&lt;ana&gt;</span> hello"_s));
    QVERIFY(html.contains(u"* <span class=\"nick\" style=\"color:#445566\">bia</span> waves"_s));
    // Without colours, the nicks are plain spans.
    const QString plain = model.toHtml();
    QVERIFY(plain.contains(u"<span class=\"nick\">&lt;ana&gt;</span> hello"_s));
    QVERIFY(!plain.contains(u"style=\"color:"_s));
    QVERIFY(html.contains(u"class=\"quiet\""_s));
    QVERIFY(html.contains(u"bia left (bye)"_s));
    QVERIFY(html.contains(u"class=\"chat mention\""_s));
    QVERIFY(html.contains(u"olá, ação"_s));
    QVERIFY(html.contains(u"José"_s));
}

void TestMessageModel::htmlEscapesText()
{
    MessageModel model;
    model.append(line(ChatLine::Kind::Chat, u"<x>"_s, u"<b>bold</b> & \"quoted\" <script>"_s));
    model.append(line(ChatLine::Kind::Left, u"a&b"_s, u"</p><p>"_s));
    const QString html = model.toHtml();
    QVERIFY(!html.contains(u"<b>"_s));
    QVERIFY(!html.contains(u"<script>"_s));
    QVERIFY(!html.contains(u"<x>"_s));
    QVERIFY(html.contains(u"&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &lt;script&gt;"_s));
    QVERIFY(html.contains(u"&lt;&lt;x&gt;&gt;"_s));
    QVERIFY(html.contains(u"a&amp;b left (&lt;/p&gt;&lt;p&gt;)"_s));
    // Only the two paragraphs the model wrote.
    QCOMPARE(html.count(u"<p "_s), 2);
    QCOMPARE(html.count(u"</p>"_s), 2);
}

void TestMessageModel::ordersBySeqAndDropsDuplicates()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model);
    model.append(seqChat(10));
    model.append(seqChat(12));
    model.append(seqChat(10)); // a duplicate delivery
    model.append(seqChat(11)); // late
    model.append(QList<ChatLine> {seqChat(12), seqChat(13), seqChat(11)});
    QCOMPARE(shape(model), (QStringList {u"10"_s, u"11"_s, u"12"_s, u"13"_s}));
    QCOMPARE(model.oldestSeq(), 10u);
    QCOMPARE(model.index(1).data(MessageModel::SeqRole).toULongLong(), 11u);
}

void TestMessageModel::prependsOlderHistory()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model);
    model.append(line(ChatLine::Kind::Info, {}, u"info"_s));
    model.append(QList<ChatLine> {seqChat(50), seqChat(51)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(QList<ChatLine> {seqChat(47), seqChat(48), seqChat(49)});
    // One insertion for the batch, above the oldest message.
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    QCOMPARE(shape(model), (QStringList {u"info"_s, u"47"_s, u"48"_s, u"49"_s, u"50"_s, u"51"_s}));
    QCOMPARE(model.oldestSeq(), 47u);
}

void TestMessageModel::linesWithoutNumberStayWhereTheyArrived()
{
    MessageModel model;
    model.append(seqChat(5));
    model.append(line(ChatLine::Kind::Joined, u"caio"_s, u"joined"_s));
    model.append(seqChat(7));
    model.append(seqChat(6));
    QCOMPARE(shape(model), (QStringList {u"5"_s, u"joined"_s, u"6"_s, u"7"_s}));
}

void TestMessageModel::pendingStaysAtTheBottomUntilConfirmed()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model);
    model.append(seqChat(1));
    model.append(pending(u"mine"_s, u"id-1"_s));
    // Others' messages arrive above the pending one, which the server will number later.
    model.append(seqChat(2));
    model.append(line(ChatLine::Kind::Info, {}, u"info"_s));
    QCOMPARE(shape(model), (QStringList {u"1"_s, u"2"_s, u"info"_s, u"p:mine"_s}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.confirm(u"id-1"_s, 3, SomeTime + 3);
    QCOMPARE(shape(model), (QStringList {u"1"_s, u"2"_s, u"info"_s, u"mine"_s}));
    QCOMPARE(model.line(3).seq, 3u);
    QCOMPARE(model.line(3).time, SomeTime + 3);
    // The chat that follows the ack is the same message: no second line.
    ChatLine echo = seqChat(3, u"ana"_s);
    echo.clientId = u"id-1"_s;
    model.append(echo);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.size(), 0);
}

void TestMessageModel::confirmationOutOfOrder()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model);
    model.append(pending(u"a"_s, u"id-a"_s));
    model.append(pending(u"b"_s, u"id-b"_s));
    model.confirm(u"id-b"_s, 8, SomeTime);
    QCOMPARE(shape(model), (QStringList {u"b"_s, u"p:a"_s}));
    model.append(seqChat(9));
    QCOMPARE(shape(model), (QStringList {u"b"_s, u"9"_s, u"p:a"_s}));
    model.confirm(u"id-a"_s, 10, SomeTime);
    QCOMPARE(shape(model), (QStringList {u"b"_s, u"9"_s, u"a"_s}));
    model.confirm(u"id-a"_s, 10, SomeTime); // a second ack changes nothing
    QCOMPARE(model.rowCount(), 3);
}

void TestMessageModel::historyConfirmsAPendingLine()
{
    MessageModel model;
    model.append(seqChat(4));
    model.append(pending(u"a"_s, u"id-a"_s));
    ChatLine back = seqChat(5, u"ana"_s);
    back.text = u"a"_s;
    back.clientId = u"id-a"_s;
    back.history = true;
    model.append(QList<ChatLine> {back, seqChat(6)});
    QCOMPARE(shape(model), (QStringList {u"4"_s, u"a"_s, u"6"_s}));
    QCOMPARE(model.line(1).seq, 5u);
}

void TestMessageModel::failedAndDiscarded()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model);
    model.append(pending(u"bad"_s, u"id-1"_s));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDelivery(u"id-1"_s, ChatLine::Delivery::Failed, u"too long"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(shape(model), QStringList {u"f:bad"_s});
    QVERIFY(model.index(0).data(Qt::DisplayRole).toString().contains(u"too long"_s));
    // Failed lines stay at the bottom too, until resent or discarded.
    model.append(seqChat(1));
    QCOMPARE(shape(model), (QStringList {u"1"_s, u"f:bad"_s}));
    model.removeOutgoing(u"id-1"_s);
    QCOMPARE(shape(model), QStringList {u"1"_s});
}

void TestMessageModel::markersStandBeforeTheirNumber()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model);
    model.append(seqChat(10));
    // A resume: the gap marker names after + 1, the not-loaded one the first message sent.
    model.append(QList<ChatLine> {marker(ChatLine::Marker::Missed, 11),
                                  marker(ChatLine::Marker::NotLoaded, 99), seqChat(99),
                                  seqChat(100)});
    QCOMPARE(shape(model), (QStringList {u"10"_s, u"|"_s, u"|"_s, u"99"_s, u"100"_s}));
    // The gap, fetched later, goes between the two markers.
    model.removeMarkers(ChatLine::Marker::NotLoaded);
    model.append(QList<ChatLine> {seqChat(97), seqChat(98)});
    QCOMPARE(shape(model), (QStringList {u"10"_s, u"|"_s, u"97"_s, u"98"_s, u"99"_s, u"100"_s}));
    QCOMPARE(model.findMarker(ChatLine::Marker::Missed), 1);
    QCOMPARE(model.findMarker(ChatLine::Marker::NotLoaded), -1);
    // A marker with no number (loading) goes above the oldest message.
    model.append(marker(ChatLine::Marker::Loading, 0));
    QCOMPARE(model.findMarker(ChatLine::Marker::Loading), 0);
    QCOMPARE(model.index(1).data(MessageModel::MarkerRole).toInt(), int(ChatLine::Marker::None));
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), u"— | —"_s);
}

void TestMessageModel::markersOfOneNumberKeepTheirOrder()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model);
    // A join whose history ended at 5 ("new messages" before 6), then a drop: the catch-up's
    // gap marker names 6 too. It came later, so it stands after the first marker.
    model.append(QList<ChatLine> {seqChat(5), marker(ChatLine::Marker::NewMessages, 6)});
    model.append(QList<ChatLine> {marker(ChatLine::Marker::Missed, 6), seqChat(6), seqChat(7)});
    QCOMPARE(shape(model), (QStringList {u"5"_s, u"|"_s, u"|"_s, u"6"_s, u"7"_s}));
    QCOMPARE(model.findMarker(ChatLine::Marker::NewMessages), 1);
    QCOMPARE(model.findMarker(ChatLine::Marker::Missed), 2);
}

void TestMessageModel::newSequenceIsNotComparedWithTheOld()
{
    MessageModel model;
    model.append(QList<ChatLine> {seqChat(1), seqChat(2)});
    model.append(pending(u"p"_s, u"id"_s));
    model.startSequence();
    // The server started numbering afresh: 1 and 2 are new messages, below the old ones.
    model.append(QList<ChatLine> {seqChat(1), seqChat(2)});
    QCOMPARE(shape(model), (QStringList {u"1"_s, u"2"_s, u"1"_s, u"2"_s, u"p:p"_s}));
    QCOMPARE(model.oldestSeq(), 1u);
    model.confirm(u"id"_s, 3, SomeTime);
    QCOMPARE(shape(model), (QStringList {u"1"_s, u"2"_s, u"1"_s, u"2"_s, u"p"_s}));
}

void TestMessageModel::clearKeepsUnconfirmed()
{
    MessageModel model;
    model.append(seqChat(1));
    model.append(pending(u"p"_s, u"id"_s));
    model.clear();
    QCOMPARE(shape(model), QStringList {u"p:p"_s});
    model.append(seqChat(1)); // not a duplicate any more: the log forgot it
    QCOMPARE(shape(model), (QStringList {u"1"_s, u"p:p"_s}));
    model.replaceOutgoing({pending(u"q"_s, u"id-q"_s)});
    QCOMPARE(shape(model), (QStringList {u"1"_s, u"p:q"_s}));
}

void TestMessageModel::scrollbackForgetsDroppedNumbers()
{
    MessageModel model;
    model.setScrollbackLimit(10);
    for (quint64 seq = 1; seq <= 12; ++seq)
        model.append(seqChat(seq));
    QVERIFY(model.rowCount() <= 10);
    QVERIFY(model.oldestSeq() > 1);
    QCOMPARE(model.line(model.rowCount() - 1).seq, 12u);
}

void TestMessageModel::olderHistoryOverTheLimitLeavesNoHole()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScrollbackLimit(100);
    const auto page = [](quint64 first, quint64 last) {
        QList<ChatLine> lines;
        for (quint64 seq = first; seq <= last; ++seq)
            lines.append(seqChat(seq));
        return lines;
    };
    model.append(page(1006, 1100));
    // Ten older lines where five fit: the five oldest of them are the ones that go, not the
    // lines below them (newer), which would leave messages missing in the middle of the log.
    model.append(page(996, 1005));
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.line(0).seq, 1001u);
    for (int row = 1; row < model.rowCount(); ++row)
        QCOMPARE(model.line(row).seq, model.line(row - 1).seq + 1);
    // Full: older lines have no room at all.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(page(991, 995));
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.line(0).seq, 1001u);
    QCOMPARE(model.oldestSeq(), 1001u);
    // New lines at the bottom still push the oldest out, a chunk at a time.
    model.append(seqChat(1101));
    QCOMPARE(model.rowCount(), 91);
    QCOMPARE(model.line(0).seq, 1011u);
    QCOMPARE(model.line(90).seq, 1101u);
    // What was never inserted is no duplicate when it comes again, once there is room.
    model.setScrollbackLimit(200);
    model.append(page(991, 1010));
    QCOMPARE(model.rowCount(), 111);
    QCOMPARE(model.line(0).seq, 991u);
    for (int row = 1; row < model.rowCount(); ++row)
        QCOMPARE(model.line(row).seq, model.line(row - 1).seq + 1);
}

namespace {

// Local midnight of 2023-11-14 plus \a hours (the test runs at UTC-3).
qint64 at(int day, double hours)
{
    const QDateTime midnight(QDate(2023, 11, day), QTime(0, 0));
    return midnight.toMSecsSinceEpoch() + qint64(hours * 3600 * 1000);
}

QList<int> dayStarts(const MessageModel &model)
{
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QDate day = model.index(row).data(MessageModel::DayRole).toDate();
        if (day != model.dayStartingAt(row))
            return {-1}; // the role and the function disagree
        if (day.isValid())
            rows.append(row);
    }
    return rows;
}

} // namespace

void TestMessageModel::dayStartsWhereTheLocalDayChanges()
{
    MessageModel model;
    // 23:59 and 00:01 local time are two days, though the same UTC day (UTC-3).
    model.append(line(ChatLine::Kind::Chat, u"ana"_s, u"late"_s, at(14, 23.98)));
    model.append(line(ChatLine::Kind::Chat, u"bia"_s, u"later"_s, at(14, 23.99)));
    model.append(marker(ChatLine::Marker::NewMessages, 0));
    model.append(line(ChatLine::Kind::Chat, u"ana"_s, u"next day"_s, at(15, 0.02)));
    model.append(line(ChatLine::Kind::Joined, u"cid"_s, {}, at(15, 9)));
    model.append(line(ChatLine::Kind::Chat, u"ana"_s, u"days later"_s, at(18, 12)));
    QCOMPARE(dayStarts(model), (QList<int> {0, 3, 5}));
    QCOMPARE(model.dayStartingAt(0), QDate(2023, 11, 14));
    QCOMPARE(model.dayStartingAt(3), QDate(2023, 11, 15));
    QCOMPARE(model.dayStartingAt(5), QDate(2023, 11, 18));
    // A marker has no day of its own.
    QVERIFY(!model.day(2).isValid());
    QVERIFY(!model.dayStartingAt(2).isValid());
    QVERIFY(!model.dayStartingAt(99).isValid());
}

void TestMessageModel::dayOfOlderHistoryInsertedAbove()
{
    MessageModel model;
    ChatLine today = seqChat(10);
    today.time = at(15, 10);
    model.append(today);
    QCOMPARE(dayStarts(model), QList<int> {0});
    // An older page from the day before goes in at the top: the first line of each day opens it.
    QList<ChatLine> page;
    for (quint64 seq = 7; seq <= 9; ++seq) {
        ChatLine older = seqChat(seq);
        older.time = at(14, 20 + double(seq) / 10);
        page.append(older);
    }
    model.append(page);
    QCOMPARE(model.line(0).seq, 7ULL);
    QCOMPARE(dayStarts(model), (QList<int> {0, 3}));
    // And a page of the same day makes the old first line continue the day.
    ChatLine sameDay = seqChat(5);
    sameDay.time = at(14, 8);
    model.append(sameDay);
    QCOMPARE(dayStarts(model), (QList<int> {0, 4}));
}

void TestMessageModel::dayNames()
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QDate today(2026, 12, 1);
    QCOMPARE(MessageModel::dayName(today, today), u"Today"_s);
    QCOMPARE(MessageModel::dayName(today.addDays(-1), today), u"Yesterday"_s);
    QCOMPARE(MessageModel::dayName(today.addDays(-2), today), u"Sunday, 29 November 2026"_s);
    QCOMPARE(MessageModel::dayLine(today), u"— Tuesday, 1 December 2026 —"_s);
    QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
    QCOMPARE(MessageModel::dayName(today.addDays(-2), today),
             QLocale().toString(today.addDays(-2), QLocale::LongFormat));
    QVERIFY(MessageModel::dayName(today.addDays(-2), today).contains(u"novembro"_s));
    QLocale::setDefault(previous);
}

void TestMessageModel::fullTimeHasTheDate()
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QCOMPARE(MessageModel::fullTime(at(14, 13.5)), u"Tuesday, 14 November 2023, 13:30:00"_s);
    QLocale::setDefault(previous);
}

void TestMessageModel::savedLogsHaveTheirDays()
{
    MessageModel model;
    model.append(line(ChatLine::Kind::Chat, u"ana"_s, u"one"_s, at(14, 22)));
    model.append(line(ChatLine::Kind::Chat, u"bia"_s, u"two"_s, at(14, 23)));
    model.append(line(ChatLine::Kind::Chat, u"ana"_s, u"three"_s, at(16, 1)));
    const QString day14 = MessageModel::dayLine(QDate(2023, 11, 14));
    const QString day16 = MessageModel::dayLine(QDate(2023, 11, 16));
    QCOMPARE(model.toPlainText(),
             day14 + u"\n[22:00] <ana> one\n[23:00] <bia> two\n"_s + day16 +
                 u"\n[01:00] <ana> three\n"_s);
    const QString html = model.toHtml();
    QCOMPARE(html.count(u"<h2 class=\"day\">"_s), 2);
    QVERIFY(html.indexOf(QLocale().toString(QDate(2023, 11, 14), QLocale::LongFormat)) <
            html.indexOf(u"one"_s));
    QVERIFY(html.indexOf(QLocale().toString(QDate(2023, 11, 16), QLocale::LongFormat)) >
            html.indexOf(u"two"_s));
}

void TestMessageModel::findIgnoresCaseAndCountsEveryHit()
{
    MessageModel model;
    model.append(chat(u"Hello there"_s));
    model.append(line(ChatLine::Kind::Joined, u"bia"_s, {}));
    model.append(chat(u"hello, HELLO"_s));
    model.append(chat(u"nothing"_s));
    QCOMPARE(MessageModel::findIn(u"aaaa"_s, u"aa"_s), (QList<qsizetype> {0, 2}));
    QVERIFY(model.find(QString()).isEmpty());
    QVERIFY(model.find(u"absent"_s).isEmpty());
    const QList<MessageModel::FindHit> hits = model.find(u"hELLo"_s);
    QCOMPARE(hits.size(), 3);
    QCOMPARE(hits.at(0).row, 0);
    QCOMPARE(hits.at(1).row, 2);
    QCOMPARE(hits.at(2).row, 2);
    // The positions are in the text as shown, without the time.
    const QString shown = MessageModel::describe(model.line(2));
    QCOMPARE(shown.mid(hits.at(1).start, hits.at(1).length), u"hello"_s);
    QCOMPARE(shown.mid(hits.at(2).start, hits.at(2).length), u"HELLO"_s);
    // Nicks and the quieter lines are found too.
    QCOMPARE(model.find(u"bia joined"_s).size(), 1);
    QCOMPARE(model.find(u"ANA"_s).size(), 3);
}

QTEST_GUILESS_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
