// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QScrollBar>
#include <QSignalSpy>
#include <QString>
#include <QTest>

#include "chatinput.h"
#include "typetext.h"
#include "validation.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;
using Tagarela::TestSupport::typeText;

class TestChatInput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void describesItself();
    void enterSubmitsAndClears();
    void keypadEnterSubmits();
    void shiftEnterAddsALine();
    void blankIsNotSubmitted();
    void tabsAreSentAsSpaces();
    void historyKeepsTheDraft();
    void arrowsMoveInsideALongText();
    void historyIsCapped();
    void overLimitIsRejected();
    void lengthCountsUtf8Bytes();
    void setMaxBytesReports();
    void growsWithItsText();

private:
    void type(const QString &text) { typeText(m_input, text); }
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(m_input, key, modifiers);
    }

    ChatInput *m_input = nullptr;
};

void TestChatInput::init()
{
    m_input = new ChatInput;
    m_input->resize(400, m_input->sizeHint().height());
    m_input->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_input));
}

void TestChatInput::cleanup()
{
    delete m_input;
    m_input = nullptr;
}

void TestChatInput::describesItself()
{
    QVERIFY(!m_input->placeholderText().isEmpty());
    QCOMPARE(m_input->accessibleName(), ChatInput::tr("Message input"));
    QVERIFY(m_input->tabChangesFocus());
}

void TestChatInput::enterSubmitsAndClears()
{
    QSignalSpy submitted(m_input, &ChatInput::submitted);
    type(u"hello"_s);
    QVERIFY(submitted.isEmpty());
    press(Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.at(0).at(0).toString(), u"hello"_s);
    QVERIFY(m_input->toPlainText().isEmpty());
}

void TestChatInput::keypadEnterSubmits()
{
    QSignalSpy submitted(m_input, &ChatInput::submitted);
    type(u"hi"_s);
    press(Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(submitted.size(), 1);
}

void TestChatInput::shiftEnterAddsALine()
{
    QSignalSpy submitted(m_input, &ChatInput::submitted);
    type(u"first"_s);
    press(Qt::Key_Return, Qt::ShiftModifier);
    type(u"second"_s);
    QVERIFY(submitted.isEmpty());
    QCOMPARE(m_input->toPlainText(), u"first\nsecond"_s);
    QCOMPARE(m_input->blockCount(), 2);
    press(Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.at(0).at(0).toString(), u"first\nsecond"_s);
}

void TestChatInput::blankIsNotSubmitted()
{
    QSignalSpy submitted(m_input, &ChatInput::submitted);
    QSignalSpy rejected(m_input, &ChatInput::rejected);
    press(Qt::Key_Return);
    type(u"   "_s);
    press(Qt::Key_Return, Qt::ShiftModifier);
    press(Qt::Key_Return);
    QVERIFY(submitted.isEmpty());
    QVERIFY(rejected.isEmpty());
    QVERIFY(m_input->history().isEmpty());
}

void TestChatInput::tabsAreSentAsSpaces()
{
    QSignalSpy submitted(m_input, &ChatInput::submitted);
    m_input->setPlainText(u"a\tb"_s);
    press(Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.at(0).at(0).toString(), u"a b"_s);
}

void TestChatInput::historyKeepsTheDraft()
{
    type(u"one"_s);
    press(Qt::Key_Return);
    type(u"two"_s);
    press(Qt::Key_Return);
    type(u"draft"_s);

    press(Qt::Key_Up);
    QCOMPARE(m_input->toPlainText(), u"two"_s);
    press(Qt::Key_Up);
    QCOMPARE(m_input->toPlainText(), u"one"_s);
    press(Qt::Key_Up); // the oldest stays
    QCOMPARE(m_input->toPlainText(), u"one"_s);
    press(Qt::Key_Down);
    QCOMPARE(m_input->toPlainText(), u"two"_s);
    press(Qt::Key_Down);
    QCOMPARE(m_input->toPlainText(), u"draft"_s);
    QCOMPARE(m_input->textCursor().position(), 5);
    press(Qt::Key_Down); // nothing below the draft
    QCOMPARE(m_input->toPlainText(), u"draft"_s);

    // A recalled entry sent again is not stored twice in a row.
    press(Qt::Key_Up);
    QSignalSpy submitted(m_input, &ChatInput::submitted);
    press(Qt::Key_Return);
    QCOMPARE(submitted.at(0).at(0).toString(), u"two"_s);
    QCOMPARE(m_input->history(), QStringList({u"one"_s, u"two"_s}));
    // After sending, browsing starts again from the newest, with an empty draft.
    press(Qt::Key_Up);
    QCOMPARE(m_input->toPlainText(), u"two"_s);
    press(Qt::Key_Down);
    QCOMPARE(m_input->toPlainText(), QString());
}

void TestChatInput::arrowsMoveInsideALongText()
{
    type(u"old"_s);
    press(Qt::Key_Return);
    type(u"line one"_s);
    press(Qt::Key_Return, Qt::ShiftModifier);
    type(u"line two"_s);

    press(Qt::Key_Up); // to the first line, no recall
    QCOMPARE(m_input->toPlainText(), u"line one\nline two"_s);
    QCOMPARE(m_input->textCursor().blockNumber(), 0);
    press(Qt::Key_Up); // now recall
    QCOMPARE(m_input->toPlainText(), u"old"_s);
    press(Qt::Key_Down);
    QCOMPARE(m_input->toPlainText(), u"line one\nline two"_s);
}

void TestChatInput::historyIsCapped()
{
    for (int i = 0; i < ChatInput::MaxHistory + 5; ++i) {
        m_input->setPlainText(QString::number(i));
        press(Qt::Key_Return);
    }
    const QStringList history = m_input->history();
    QCOMPARE(history.size(), ChatInput::MaxHistory);
    QCOMPARE(history.first(), u"5"_s);
    QCOMPARE(history.last(), QString::number(ChatInput::MaxHistory + 4));
}

void TestChatInput::overLimitIsRejected()
{
    m_input->setMaxBytes(5);
    QSignalSpy submitted(m_input, &ChatInput::submitted);
    QSignalSpy rejected(m_input, &ChatInput::rejected);
    QSignalSpy overLimit(m_input, &ChatInput::overLimitChanged);
    const QColor normalBase = m_input->palette().color(QPalette::Base);

    type(u"abcde"_s);
    QVERIFY(!m_input->isOverLimit());
    type(u"f"_s);
    QVERIFY(m_input->isOverLimit());
    QVERIFY(m_input->property("overLimit").toBool());
    QCOMPARE(overLimit.size(), 1);
    QVERIFY(m_input->palette().color(QPalette::Base) != normalBase);

    press(Qt::Key_Return);
    QVERIFY(submitted.isEmpty());
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).at(0).toString(), Validation::describe(TextProblem::TooLong, 5));
    QCOMPARE(m_input->toPlainText(), u"abcdef"_s);

    press(Qt::Key_Backspace);
    QVERIFY(!m_input->isOverLimit());
    QCOMPARE(m_input->palette().color(QPalette::Base), normalBase);
    press(Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.at(0).at(0).toString(), u"abcde"_s);
}

void TestChatInput::lengthCountsUtf8Bytes()
{
    QSignalSpy length(m_input, &ChatInput::lengthChanged);
    type(u"olá"_s);
    QCOMPARE(m_input->toPlainText(), u"olá"_s);
    QVERIFY(!length.isEmpty());
    QCOMPARE(length.last().at(0).toInt(), 4);
    QCOMPARE(length.last().at(1).toInt(), m_input->maxBytes());

    m_input->setPlainText(u"😀"_s);
    QCOMPARE(length.last().at(0).toInt(), 4);
    press(Qt::Key_Return);
    QCOMPARE(length.last().at(0).toInt(), 0);
}

void TestChatInput::setMaxBytesReports()
{
    QSignalSpy length(m_input, &ChatInput::lengthChanged);
    type(u"abc"_s);
    m_input->setMaxBytes(2);
    QCOMPARE(length.last().at(0).toInt(), 3);
    QCOMPARE(length.last().at(1).toInt(), 2);
    QVERIFY(m_input->isOverLimit());
}

void TestChatInput::growsWithItsText()
{
    const int oneLine = m_input->sizeHint().height();
    type(u"a"_s);
    QCOMPARE(m_input->sizeHint().height(), oneLine);
    press(Qt::Key_Return, Qt::ShiftModifier);
    type(u"b"_s);
    press(Qt::Key_Return, Qt::ShiftModifier);
    type(u"c"_s);
    const int threeLines = m_input->sizeHint().height();
    QVERIFY2(threeLines > oneLine, qPrintable(u"%1 %2"_s.arg(oneLine).arg(threeLines)));

    m_input->setPlainText(u"1\n2\n3\n4\n5\n6"_s);
    const int sixLines = m_input->sizeHint().height();
    QVERIFY(sixLines > threeLines);
    m_input->setPlainText(u"1\n2\n3\n4\n5\n6\n7\n8\n9\n10"_s);
    QCOMPARE(m_input->sizeHint().height(), sixLines);

    // The hint fits its lines: no scrolling until there are more than six.
    QString text = u"1"_s;
    for (int line = 2; line <= ChatInput::MaxVisibleLines + 1; ++line) {
        m_input->setPlainText(text);
        m_input->resize(m_input->width(), m_input->sizeHint().height());
        QTRY_COMPARE(m_input->verticalScrollBar()->maximum(), 0);
        text += u'\n' + QString::number(line);
    }
    m_input->setPlainText(text);
    m_input->resize(m_input->width(), m_input->sizeHint().height());
    QTRY_VERIFY(m_input->verticalScrollBar()->maximum() > 0);

    m_input->clear();
    QCOMPARE(m_input->sizeHint().height(), oneLine);
}

QTEST_MAIN(TestChatInput)
#include "tst_chatinput.moc"
