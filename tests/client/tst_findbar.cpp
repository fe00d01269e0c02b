// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTest>
#include <QVBoxLayout>

#include "chatline.h"
#include "findbar.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "messageview.h"
#include "typetext.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;
using Tagarela::TestSupport::typeText;

namespace {

ChatLine chat(const QString &text)
{
    ChatLine line;
    line.kind = ChatLine::Kind::Chat;
    line.time = 1'700'000'000'000;
    line.nick = u"bia"_s;
    line.text = text;
    return line;
}

QString of(int current, int total)
{
    return FindBar::tr("%1 of %2").arg(current).arg(total);
}

// Whether \a image has a pixel near \a color (the highlights are blended with the page).
bool hasColor(const QImage &image, const QColor &color)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - color.red()) < 24 && qAbs(c.green() - color.green()) < 24 &&
                qAbs(c.blue() - color.blue()) < 24) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

class TestFindBar final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void ctrlFFindsAsYouTypeAndCounts();
    void enterAndF3StepThroughTheHits();
    void escapeClosesAndGivesTheFocusBack();
    void currentHitIsScrolledIntoView();
    void noMatchSaysSo();

private:
    void openAndType(const QString &text);

    QWidget *m_window = nullptr;
    MessageModel *m_model = nullptr;
    MessageView *m_view = nullptr;
    FindBar *m_bar = nullptr;
    QLineEdit *m_input = nullptr;
};

void TestFindBar::init()
{
    m_window = new QWidget;
    m_model = new MessageModel(m_window);
    m_view = new MessageView(m_window);
    m_view->setModel(m_model);
    m_bar = new FindBar(m_view, m_model, m_window);
    m_input = new QLineEdit(m_window);
    m_bar->setReturnFocus(m_input);
    auto *layout = new QVBoxLayout(m_window);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_input);
    m_model->append(
        {chat(u"alpha one"_s), chat(u"beta"_s), chat(u"Alpha two ALPHA"_s), chat(u"gamma"_s)});
    m_window->resize(500, 400);
    m_window->show();
    m_window->activateWindow();
    QTRY_VERIFY(m_window->isActiveWindow());
    m_input->setFocus();
    QTRY_VERIFY(m_input->hasFocus());
}

void TestFindBar::cleanup()
{
    delete m_window;
}

void TestFindBar::openAndType(const QString &text)
{
    QVERIFY(!m_bar->isVisible());
    QTest::keyClick(m_input, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_bar->isVisible());
    QTRY_VERIFY(m_bar->queryEdit()->hasFocus());
    typeText(m_bar->queryEdit(), text);
}

void TestFindBar::ctrlFFindsAsYouTypeAndCounts()
{
    QTest::keyClick(m_input, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_bar->isVisible());
    QTRY_VERIFY(m_bar->queryEdit()->hasFocus());
    // Every key finds again.
    QTest::keyClick(m_bar->queryEdit(), Qt::Key_A);
    const int afterA = m_bar->hitCount();
    QVERIFY(afterA > 3);
    typeText(m_bar->queryEdit(), u"lph"_s);
    QCOMPARE(m_bar->hitCount(), 3);
    QTest::keyClick(m_bar->queryEdit(), Qt::Key_A);
    QCOMPARE(m_bar->hitCount(), 3);
    QCOMPARE(m_bar->currentHit(), 0);
    QCOMPARE(m_bar->countText(), of(1, 3));
    QCOMPARE(m_bar->findChild<QLabel *>(u"findCount"_s)->text(), of(1, 3));
    QCOMPARE(m_view->messageDelegate()->findQuery(), u"alpha"_s);

    // The hits are painted: the current one in orange, the others in yellow.
    const QImage image = m_view->viewport()->grab().toImage();
    QVERIFY(hasColor(image, QColor(255, 162, 51)));
    QVERIFY(hasColor(image, QColor(255, 241, 165)));
}

void TestFindBar::enterAndF3StepThroughTheHits()
{
    openAndType(u"alpha"_s);
    QCOMPARE(m_bar->countText(), of(1, 3));
    QLineEdit *edit = m_bar->queryEdit();
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(m_bar->countText(), of(2, 3));
    QTest::keyClick(edit, Qt::Key_F3);
    QCOMPARE(m_bar->countText(), of(3, 3));
    QTest::keyClick(edit, Qt::Key_F3);
    QCOMPARE(m_bar->countText(), of(1, 3));
    QTest::keyClick(edit, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(m_bar->countText(), of(3, 3));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_bar->countText(), of(2, 3));
    // F3 from the log too, while the bar is open.
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_F3);
    QCOMPARE(m_bar->countText(), of(3, 3));
}

void TestFindBar::escapeClosesAndGivesTheFocusBack()
{
    openAndType(u"beta"_s);
    QCOMPARE(m_bar->hitCount(), 1);
    QTest::keyClick(m_bar->queryEdit(), Qt::Key_Escape);
    QTRY_VERIFY(!m_bar->isVisible());
    QTRY_VERIFY(m_input->hasFocus());
    QVERIFY(m_view->messageDelegate()->findQuery().isEmpty());
    // Open again: the last query is there, selected, and found again.
    QTest::keyClick(m_input, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_bar->queryEdit()->hasFocus());
    QCOMPARE(m_bar->queryEdit()->selectedText(), u"beta"_s);
    QCOMPARE(m_bar->hitCount(), 1);
    QCOMPARE(m_view->messageDelegate()->findQuery(), u"beta"_s);
}

void TestFindBar::currentHitIsScrolledIntoView()
{
    QList<ChatLine> lines;
    lines.append(chat(u"the needle is here"_s));
    for (int i = 0; i < 300; ++i)
        lines.append(chat(u"hay %1"_s.arg(i)));
    m_model->append(lines);
    QTRY_COMPARE(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->maximum());
    const QModelIndex needle = m_model->index(4);
    QVERIFY(!m_view->viewport()->rect().intersects(m_view->visualRect(needle)));
    openAndType(u"NEEDLE"_s);
    QCOMPARE(m_bar->countText(), of(1, 1));
    QTRY_VERIFY(m_view->viewport()->rect().contains(m_view->visualRect(needle)));

    // The user goes back down; new lines (one with a hit) do not pull the log up again.
    QTest::keyClick(m_view, Qt::Key_End, Qt::ControlModifier);
    QTRY_COMPARE(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->maximum());
    m_model->append({chat(u"more hay"_s), chat(u"another needle"_s)});
    QTRY_COMPARE(m_bar->hitCount(), 2);
    QCOMPARE(m_bar->countText(), of(1, 2));
    QTRY_COMPARE(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->maximum());
    QVERIFY(!m_view->viewport()->rect().intersects(m_view->visualRect(needle)));
}

void TestFindBar::noMatchSaysSo()
{
    openAndType(u"zebra"_s);
    QCOMPARE(m_bar->hitCount(), 0);
    QCOMPARE(m_bar->countText(), FindBar::tr("No matches"));
    QCOMPARE(m_bar->currentHit(), -1);
    QTest::keyClick(m_bar->queryEdit(), Qt::Key_Return);
    QCOMPARE(m_bar->currentHit(), -1);
}

QTEST_MAIN(TestFindBar)
#include "tst_findbar.moc"
