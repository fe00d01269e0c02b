// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QImage>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QToolTip>

#include "chatline.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "messageview.h"
#include "newmessagecounter.h"
#include "newmessagesbutton.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

ChatLine chat(const QString &text, qint64 time, bool mention = false)
{
    ChatLine line;
    line.kind = ChatLine::Kind::Chat;
    line.time = time;
    line.nick = u"bia"_s;
    line.text = text;
    line.mentionsMe = mention;
    return line;
}

qint64 todayAt(int hour, int daysAgo = 0)
{
    return QDateTime(QDate::currentDate().addDays(-daysAgo), QTime(hour, 0)).toMSecsSinceEpoch();
}

QList<ChatLine> manyLines(int count, qint64 time)
{
    QList<ChatLine> lines;
    for (int i = 0; i < count; ++i)
        lines.append(chat(u"line %1"_s.arg(i), time));
    return lines;
}

// Whether a pixel of \a color is on row \a y (or next to it) of \a image.
bool lineOfColor(const QImage &image, int y, const QColor &color)
{
    for (int row = std::max(0, y - 1); row <= std::min(image.height() - 1, y + 1); ++row) {
        if (image.pixelColor(image.width() / 2, row).rgb() == color.rgb())
            return true;
    }
    return false;
}

} // namespace

class TestMessageView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void daySeparatorsOpenEachDay();
    void olderPageOfTheSameDayTakesTheSeparatorAway();
    void timeStampTooltipHasTheFullDate();
    void newMessagesButtonWhileScrolledUp();
    void scrollingToTheBottomHidesTheButton();
    void lastReadMarkerWhereTheWindowLostTheFocus();
    void zoomOfALongLogMeasuresWhatIsInSightFirst();
    void resizeOfALongLogMeasuresWhatIsInSightFirst();
    void dragSelectsPartOfAMessage();
    void dragAcrossMessagesCopiesTimeAndNickPerLine();
    void clickClearsTheTextSelection();
    void rightClickOnALinkCopiesItsAddress();
    void rightClickOnAMessageCopiesItsWords();

private:
    MessageModel *m_model = nullptr;
    MessageView *m_view = nullptr;
};

void TestMessageView::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestMessageView::init()
{
    m_model = new MessageModel;
    m_view = new MessageView;
    m_view->setModel(m_model);
    m_view->resize(480, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestMessageView::cleanup()
{
    delete m_view;
    delete m_model;
}

void TestMessageView::daySeparatorsOpenEachDay()
{
    m_model->append(chat(u"two days ago"_s, todayAt(10, 2)));
    m_model->append(chat(u"yesterday"_s, todayAt(10, 1)));
    m_model->append(chat(u"yesterday again"_s, todayAt(11, 1)));
    m_model->append(chat(u"today"_s, todayAt(9)));
    QTRY_VERIFY(m_view->visualRect(m_model->index(3)).isValid());
    const int band = MessageDelegate::dayHeaderHeight(m_view->font());
    const int plain = m_view->visualRect(m_model->index(2)).height();
    for (const int row : {0, 1, 3})
        QCOMPARE(m_view->visualRect(m_model->index(row)).height(), plain + band);
    QCOMPARE(MessageModel::dayName(m_model->dayStartingAt(3), QDate::currentDate()), u"Today"_s);
    QCOMPARE(MessageModel::dayName(m_model->dayStartingAt(1), QDate::currentDate()),
             u"Yesterday"_s);

    // The band has a rule across it, the line under it none.
    const QImage image = m_view->viewport()->grab().toImage();
    const QRect opening = m_view->visualRect(m_model->index(1));
    const int middle = opening.top() + band / 2;
    const QColor base = m_view->palette().color(QPalette::Base);
    const auto inked = [&](int y) {
        for (int x = 8; x < 60; ++x) {
            if (image.pixelColor(x, y).rgb() != base.rgb())
                return true;
        }
        return false;
    };
    QVERIFY(inked(middle) || inked(middle - 1) || inked(middle + 1));
    const QRect continuing = m_view->visualRect(m_model->index(2));
    QVERIFY(!inked(continuing.top()));
}

void TestMessageView::olderPageOfTheSameDayTakesTheSeparatorAway()
{
    ChatLine first = chat(u"first loaded"_s, todayAt(12));
    first.seq = 10;
    m_model->append(first);
    QTRY_VERIFY(m_view->visualRect(m_model->index(0)).isValid());
    const int band = MessageDelegate::dayHeaderHeight(m_view->font());
    const int withBand = m_view->visualRect(m_model->index(0)).height();
    // A page of older history from the same morning: the band moves up to the new first line.
    QList<ChatLine> page;
    for (quint64 seq = 7; seq <= 9; ++seq) {
        ChatLine older = chat(u"older %1"_s.arg(seq), todayAt(8));
        older.seq = seq;
        page.append(older);
    }
    m_model->append(page);
    QTRY_COMPARE(m_view->visualRect(m_model->index(3)).height(), withBand - band);
    QCOMPARE(m_view->visualRect(m_model->index(0)).height(), withBand);
}

void TestMessageView::timeStampTooltipHasTheFullDate()
{
    const qint64 time = todayAt(14, 3) + 25 * 60 * 1000;
    m_model->append(chat(u"hello"_s, todayAt(13, 3)));
    m_model->append(chat(u"look at the time"_s, time));
    QTRY_VERIFY(m_view->visualRect(m_model->index(1)).isValid());
    const QRect row = m_view->visualRect(m_model->index(1));
    const QString expected = MessageModel::fullTime(time);
    QVERIFY(expected.contains(
        QLocale().toString(QDate::currentDate().addDays(-3), QLocale::LongFormat)));
    QVERIFY(expected.contains(u"14:25"_s));
    QTest::mouseMove(m_view->viewport(), QPoint(row.left() + 8, row.center().y()));
    QTRY_COMPARE(QToolTip::text(), expected);
    // Over the text, no date.
    QTest::mouseMove(m_view->viewport(), QPoint(row.right() - 20, row.center().y()));
    QTRY_VERIFY(!QToolTip::isVisible() || QToolTip::text() != expected);
}

void TestMessageView::newMessagesButtonWhileScrolledUp()
{
    m_model->append(manyLines(200, todayAt(9)));
    QTRY_VERIFY(m_view->verticalScrollBar()->maximum() > 0);
    QTRY_COMPARE(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->maximum());
    NewMessagesButton *button = m_view->newMessagesButton();
    QVERIFY(!button->isVisible());
    // Lines arriving at the bottom, watched: nothing to point at.
    m_model->append(chat(u"seen"_s, todayAt(10)));
    QVERIFY(!button->isVisible());

    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_Home);
    QTRY_COMPARE(m_view->verticalScrollBar()->value(), 0);
    QVERIFY(!m_view->isFollowingBottom());
    m_model->append(chat(u"one"_s, todayAt(10)));
    m_model->append({chat(u"ana: two"_s, todayAt(10), true), chat(u"three"_s, todayAt(10))});
    QTRY_VERIFY(button->isVisible());
    QCOMPARE(button->text(), NewMessageCounter::label(3, 1));
    QCOMPARE(m_view->verticalScrollBar()->value(), 0);
    // Over the bottom corner of the log.
    const QRect area = m_view->viewport()->geometry();
    QVERIFY(area.contains(button->geometry()));
    QVERIFY(button->geometry().bottom() > area.center().y());
    QVERIFY(button->geometry().right() > area.center().x());

    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->maximum());
    QVERIFY(m_view->isFollowingBottom());
    QVERIFY(!button->isVisible());
    // Following again: the next line is seen, not counted.
    m_model->append(chat(u"four"_s, todayAt(10)));
    QTRY_COMPARE(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->maximum());
    QVERIFY(!button->isVisible());
}

void TestMessageView::scrollingToTheBottomHidesTheButton()
{
    m_model->append(manyLines(200, todayAt(9)));
    QTRY_VERIFY(m_view->verticalScrollBar()->maximum() > 0);
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_Home);
    QTRY_COMPARE(m_view->verticalScrollBar()->value(), 0);
    m_model->append(chat(u"new"_s, todayAt(10)));
    QTRY_VERIFY(m_view->newMessagesButton()->isVisible());
    QCOMPARE(m_view->newMessagesButton()->text(), NewMessageCounter::label(1, 0));
    QTest::keyClick(m_view, Qt::Key_End);
    QTRY_VERIFY(!m_view->newMessagesButton()->isVisible());
    QVERIFY(m_view->isFollowingBottom());
}

void TestMessageView::lastReadMarkerWhereTheWindowLostTheFocus()
{
    QWidget other;
    other.resize(100, 100);
    other.show();
    m_model->append(manyLines(5, todayAt(9)));
    m_view->activateWindow();
    QTRY_VERIFY(m_view->isActiveWindow());
    QCOMPARE(m_view->lastReadRow(), -1);

    other.activateWindow();
    QTRY_VERIFY(!m_view->isActiveWindow());
    QCOMPARE(m_view->lastReadRow(), 4);
    // Nothing newer yet: no line to draw.
    QTRY_VERIFY(m_view->visualRect(m_model->index(4)).isValid());
    int y = m_view->visualRect(m_model->index(4)).bottom();
    QVERIFY(!lineOfColor(m_view->viewport()->grab().toImage(), y, MessageView::lastReadColor()));

    m_model->append({chat(u"while away"_s, todayAt(10)), chat(u"and more"_s, todayAt(10))});
    QTRY_VERIFY(m_view->visualRect(m_model->index(6)).isValid());
    QCOMPARE(m_view->lastReadRow(), 4);
    y = m_view->visualRect(m_model->index(4)).bottom();
    QVERIFY(lineOfColor(m_view->viewport()->grab().toImage(), y, MessageView::lastReadColor()));

    // Back, read, away again: the marker moves down to the newest line.
    m_view->activateWindow();
    QTRY_VERIFY(m_view->isActiveWindow());
    QCOMPARE(m_view->lastReadRow(), 4);
    other.activateWindow();
    QTRY_VERIFY(!m_view->isActiveWindow());
    QCOMPARE(m_view->lastReadRow(), 6);
}

namespace {

QString words(int count)
{
    QString text;
    for (int i = 0; i < count; ++i)
        text += u"word"_s + QString::number(i) + u' ';
    return text.trimmed();
}

// Every row's height as laid out now, then as measured afresh: estimates left none wrong.
void compareWithFreshHeights(MessageView *view, MessageModel *model)
{
    QList<int> heights;
    for (int row = 0; row < model->rowCount(); ++row)
        heights.append(view->visualRect(model->index(row)).height());
    view->messageDelegate()->clearCache();
    view->doItemsLayout();
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(view->visualRect(model->index(row)).height(), heights.at(row));
}

} // namespace

void TestMessageView::zoomOfALongLogMeasuresWhatIsInSightFirst()
{
    const int rows = MessageView::EstimateAbove + 1000;
    QList<ChatLine> lines;
    for (int i = 0; i < rows; ++i)
        lines.append(chat(QString::number(i) + u' ' + words(i % 23), todayAt(9)));
    m_model->setScrollbackLimit(rows);
    m_model->append(lines);
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QTRY_COMPARE(m_view->messageDelegate()->estimateCount(), 0);
    bar->setValue(bar->maximum() / 2);
    QVERIFY(!m_view->isFollowingBottom());
    const QPoint top(5, 5);
    QTRY_VERIFY(m_view->indexAt(top).isValid());
    const QString reading = m_view->indexAt(top).data(MessageModel::TextRole).toString();
    const int offset = m_view->visualRect(m_view->indexAt(top)).top();

    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_Plus, Qt::ControlModifier);
    m_view->doItemsLayout(); // the layout the zoom scheduled, now
    // Only the lines in sight were laid out in the new size; the others wait.
    const int estimated = m_view->messageDelegate()->estimateCount();
    QVERIFY2(estimated > rows / 2, qPrintable(QString::number(estimated)));
    QCOMPARE(m_view->indexAt(top).data(MessageModel::TextRole).toString(), reading);
    // Measured a slice at a time; then every height is the measured one, and the line read
    // is where it was.
    QTRY_COMPARE_WITH_TIMEOUT(m_view->messageDelegate()->estimateCount(), 0, 30000);
    QCOMPARE(m_view->indexAt(top).data(MessageModel::TextRole).toString(), reading);
    QCOMPARE(m_view->visualRect(m_view->indexAt(top)).top(), offset);
    compareWithFreshHeights(m_view, m_model);
}

void TestMessageView::resizeOfALongLogMeasuresWhatIsInSightFirst()
{
    const int rows = MessageView::EstimateAbove + 1000;
    QList<ChatLine> lines;
    for (int i = 0; i < rows; ++i)
        lines.append(chat(QString::number(i) + u' ' + words(i % 23), todayAt(9)));
    m_model->setScrollbackLimit(rows);
    m_model->append(lines);
    // In a window, so that its resize is the view's at once, not when the platform says so.
    QWidget window;
    m_view->setParent(&window);
    m_view->setGeometry(0, 0, 480, 300);
    window.resize(480, 300);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QTRY_COMPARE(m_view->messageDelegate()->estimateCount(), 0);

    m_view->resize(m_view->width() - 120, m_view->height());
    m_view->doItemsLayout(); // the layout the resize scheduled, now
    QVERIFY(m_view->messageDelegate()->estimateCount() > 0);
    QVERIFY(m_view->isFollowingBottom());
    QTRY_COMPARE_WITH_TIMEOUT(m_view->messageDelegate()->estimateCount(), 0, 30000);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(m_view->indexAt(QPoint(5, m_view->viewport()->height() - 3))
                 .data(MessageModel::TextRole)
                 .toString(),
             lines.last().text);
    compareWithFreshHeights(m_view, m_model);
    m_view->setParent(nullptr); // cleanup() deletes it
}

namespace {

QStyleOptionViewItem optionFor(MessageView *view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    option.widget = view;
    option.rect = view->visualRect(index);
    return option;
}

// Right-clicks \a pos of the view's viewport and returns the menu that opens.
QMenu *rightClick(MessageView *view, QPoint pos)
{
    QTest::mouseClick(view->viewport(), Qt::RightButton, {}, pos);
    if (!QApplication::activePopupWidget()) {
        // Where the platform does not turn the click into a context menu event itself.
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view->viewport(), &event);
    }
    return qobject_cast<QMenu *>(QApplication::activePopupWidget());
}

} // namespace

void TestMessageView::dragSelectsPartOfAMessage()
{
    m_model->append(chat(u"hello wonderful world"_s, todayAt(9)));
    m_model->append(chat(u"second line"_s, todayAt(9)));
    QTRY_VERIFY(m_view->visualRect(m_model->index(1)).isValid());
    const QModelIndex index = m_model->index(1);
    const QRect row = m_view->visualRect(index);
    const QPoint from(row.left() + row.width() / 5, row.center().y());
    const QPoint to(row.right() - 2, row.center().y());
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);

    const QString shown =
        m_view->messageDelegate()->shownText(optionFor(m_view, index), index).text;
    const qsizetype start =
        m_view->messageDelegate()->cursorAt(optionFor(m_view, index), index, from);
    QVERIFY2(start > 0 && start < shown.size() - 3, qPrintable(QString::number(start)));
    QVERIFY(m_view->hasTextSelection());
    QCOMPARE(m_view->selectedText(), shown.mid(start));
    // Not whole rows: the row selection stays empty.
    QVERIFY(!m_view->selectionModel()->hasSelection());

    QApplication::clipboard()->clear();
    QTest::keySequence(m_view, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), shown.mid(start));
}

void TestMessageView::dragAcrossMessagesCopiesTimeAndNickPerLine()
{
    m_model->append(chat(u"first of the day"_s, todayAt(8)));
    m_model->append(chat(u"alpha beta gamma"_s, todayAt(9)));
    m_model->append(chat(u"middle line"_s, todayAt(10)));
    m_model->append(chat(u"delta epsilon zeta"_s, todayAt(11)));
    QTRY_VERIFY(m_view->visualRect(m_model->index(3)).isValid());
    const QRect first = m_view->visualRect(m_model->index(1));
    const QRect last = m_view->visualRect(m_model->index(3));
    const QPoint from(first.left() + first.width() / 4, first.center().y());
    const QPoint to(last.left() + last.width() / 4, last.center().y());
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), QPoint(from.x(), first.bottom() + 6));
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);

    const QStringList lines = m_view->selectedText().split(u'\n');
    QCOMPARE(lines.size(), 3);
    const auto stamp = [](qint64 time) -> QString {
        return u'[' + MessageModel::timeStamp(time) + u"] "_s;
    };
    const QString middle = MessageModel::describe(m_model->line(2));
    QCOMPARE(lines.at(1), stamp(todayAt(10)) + middle);
    // The first line from where the drag began, under its time and nick.
    const QString nick = middle.left(middle.indexOf(u' ') + 1);
    QVERIFY2(lines.at(0).startsWith(stamp(todayAt(9)) + nick), qPrintable(lines.at(0)));
    QVERIFY(lines.at(0).endsWith(u"gamma"_s));
    QVERIFY(lines.at(2).startsWith(stamp(todayAt(11))));
    QVERIFY(!lines.at(2).endsWith(u"zeta"_s));
    QVERIFY(!m_view->selectedText().contains(u"first of the day"_s));

    QApplication::clipboard()->clear();
    QTest::keySequence(m_view, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), lines.join(u'\n'));
}

void TestMessageView::clickClearsTheTextSelection()
{
    m_model->append(chat(u"some words to select"_s, todayAt(9)));
    QTRY_VERIFY(m_view->visualRect(m_model->index(0)).isValid());
    const QRect row = m_view->visualRect(m_model->index(0));
    const QPoint from(row.left() + row.width() / 5, row.bottom() - 4);
    const QPoint to(row.right() - 2, row.bottom() - 4);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    QVERIFY(m_view->hasTextSelection());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, from);
    QVERIFY(!m_view->hasTextSelection());
    QVERIFY(m_view->selectedText().isEmpty());
}

void TestMessageView::rightClickOnALinkCopiesItsAddress()
{
    m_model->append(chat(u"see https://example.org/notes now"_s, todayAt(9)));
    QTRY_VERIFY(m_view->visualRect(m_model->index(0)).isValid());
    const QModelIndex index = m_model->index(0);
    const QList<MessageDelegate::LinkArea> areas =
        m_view->messageDelegate()->linkAreas(optionFor(m_view, index), index);
    QCOMPARE(areas.size(), 1);
    const QPoint onLink = areas.first().rect.center().toPoint();
    QApplication::clipboard()->clear();
    QMenu *menu = rightClick(m_view, onLink);
    QVERIFY(menu);
    QStringList texts;
    for (const QAction *action : menu->actions())
        texts.append(action->text());
    QVERIFY2(texts.contains(MessageView::tr("&Open Link")), qPrintable(texts.join(u'|')));
    QTest::keyClick(menu, Qt::Key_A); // Copy Link &Address
    QTRY_COMPARE(QApplication::clipboard()->text(), u"https://example.org/notes"_s);
    QTRY_VERIFY(!QApplication::activePopupWidget());
}

void TestMessageView::rightClickOnAMessageCopiesItsWords()
{
    m_model->append(chat(u"just the words, please"_s, todayAt(9)));
    QTRY_VERIFY(m_view->visualRect(m_model->index(0)).isValid());
    const QRect row = m_view->visualRect(m_model->index(0));
    QApplication::clipboard()->clear();
    QMenu *menu = rightClick(m_view, QPoint(row.right() - 4, row.bottom() - 4));
    QVERIFY(menu);
    QTest::keyClick(menu, Qt::Key_T); // Copy &Text
    QTRY_COMPARE(QApplication::clipboard()->text(), u"just the words, please"_s);
}

QTEST_MAIN(TestMessageView)
#include "tst_messageview.moc"
