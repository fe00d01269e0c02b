// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatinput.h"

#include <algorithm>

#include <QAbstractTextDocumentLayout>
#include <QColor>
#include <QFontMetrics>
#include <QKeyEvent>
#include <QPalette>
#include <QResizeEvent>
#include <QTextCursor>
#include <QTextDocument>
#include <QtMath>

#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

QColor blend(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * amountOfB,
                            a.greenF() + (b.greenF() - a.greenF()) * amountOfB,
                            a.blueF() + (b.blueF() - a.blueF()) * amountOfB);
}

} // namespace

ChatInput::ChatInput(QWidget *parent)
    : QPlainTextEdit(parent)
{
    updatePlaceholder();
    setAccessibleName(tr("Message input"));
    // Tab moves on to the next control, as in a line edit: a tab cannot be sent anyway.
    setTabChangesFocus(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    connect(this, &QPlainTextEdit::textChanged, this, &ChatInput::updateLength);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &ChatInput::updateHeight);
}

ChatInput::~ChatInput() = default;

void ChatInput::setMaxBytes(int maxBytes)
{
    if (maxBytes <= 0 || maxBytes == m_maxBytes)
        return;
    m_maxBytes = maxBytes;
    updateLength();
}

int ChatInput::usedBytes() const
{
    return int(toPlainText().toUtf8().size());
}

QSize ChatInput::sizeHint() const
{
    const int lines =
        std::clamp(int(document()->documentLayout()->documentSize().height()), 1, MaxVisibleLines);
    // QFrame keeps its frame in the contents margins. QPlainTextEdit scrolls unless the lines
    // fit in the viewport less one pixel.
    const QMargins margins = contentsMargins();
    const int height = lines * fontMetrics().lineSpacing() +
        2 * qCeil(document()->documentMargin()) + 1 + margins.top() + margins.bottom();
    return {QPlainTextEdit::sizeHint().width(), height};
}

QSize ChatInput::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), sizeHint().height()};
}

bool ChatInput::event(QEvent *event)
{
    // Tab is taken for focus changes before keyPressEvent() sees it: completion goes first.
    if (event->type() == QEvent::KeyPress && m_nicks) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && (key->modifiers() & ~Qt::KeypadModifier) == 0) {
            const std::optional<NickCompleter::Result> completed =
                m_completer.complete(toPlainText(), textCursor().position(), m_nicks());
            if (completed) {
                setPlainText(completed->text);
                QTextCursor cursor = textCursor();
                cursor.setPosition(completed->cursor);
                setTextCursor(cursor);
                return true;
            }
        }
    }
    return QPlainTextEdit::event(event);
}

void ChatInput::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (modifiers == Qt::NoModifier) {
            submit();
            return;
        }
        if (modifiers == Qt::ShiftModifier) {
            // A new paragraph rather than QPlainTextEdit's line separator (U+2028).
            textCursor().insertText(u"\n"_s);
            ensureCursorVisible();
            return;
        }
        break;
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (modifiers == Qt::NoModifier) {
            Q_EMIT logScrollRequested(event->key() == Qt::Key_PageUp
                                          ? QAbstractSlider::SliderPageStepSub
                                          : QAbstractSlider::SliderPageStepAdd);
            return;
        }
        break;
    case Qt::Key_Home:
    case Qt::Key_End:
        if (modifiers == Qt::ControlModifier) {
            Q_EMIT logScrollRequested(event->key() == Qt::Key_Home
                                          ? QAbstractSlider::SliderToMinimum
                                          : QAbstractSlider::SliderToMaximum);
            return;
        }
        break;
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (modifiers == Qt::NoModifier) {
            const bool up = event->key() == Qt::Key_Up;
            QTextCursor probe = textCursor();
            // Only from the edge line, so that the arrows still move through a long text.
            if (!probe.movePosition(up ? QTextCursor::Up : QTextCursor::Down)) {
                recall(up ? -1 : 1);
                return;
            }
        }
        break;
    default:
        break;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void ChatInput::submit()
{
    QString text = toPlainText();
    // A pasted tab is a control character the server refuses; it reads as a space anyway.
    text.replace(u'\t', u' ');
    const TextProblem problem = Validation::checkText(text, m_maxBytes);
    if (problem == TextProblem::Empty)
        return;
    if (problem != TextProblem::None) {
        Q_EMIT rejected(Validation::describe(problem, m_maxBytes));
        return;
    }
    if (m_history.isEmpty() || m_history.constLast() != text)
        m_history.append(text);
    while (m_history.size() > MaxHistory)
        m_history.removeFirst();
    m_historyIndex = -1;
    m_draft.clear();
    clear();
    Q_EMIT submitted(text);
}

void ChatInput::recall(int step)
{
    if (m_history.isEmpty())
        return;
    const int last = int(m_history.size()) - 1;
    if (step < 0) {
        if (m_historyIndex == 0)
            return;
        if (m_historyIndex < 0) {
            m_draft = toPlainText();
            m_historyIndex = last;
        } else {
            --m_historyIndex;
        }
        showText(m_history.at(m_historyIndex));
    } else {
        if (m_historyIndex < 0)
            return;
        if (m_historyIndex == last) {
            m_historyIndex = -1;
            showText(m_draft);
            m_draft.clear();
        } else {
            ++m_historyIndex;
            showText(m_history.at(m_historyIndex));
        }
    }
}

void ChatInput::showText(const QString &text)
{
    setPlainText(text);
    moveCursor(QTextCursor::End);
}

void ChatInput::updateLength()
{
    const int used = usedBytes();
    const bool over = used > m_maxBytes;
    if (over != m_overLimit) {
        m_overLimit = over;
        if (over) {
            // Tinted from the current colours, so that it reads as a warning in dark themes too.
            QPalette tinted = palette();
            for (const auto group : {QPalette::Active, QPalette::Inactive}) {
                tinted.setColor(group, QPalette::Base,
                                blend(tinted.color(group, QPalette::Base), Qt::red, 0.25));
            }
            setPalette(tinted);
            setAccessibleDescription(Validation::describe(TextProblem::TooLong, m_maxBytes));
        } else {
            setPalette(QPalette());
            setAccessibleDescription({});
        }
        Q_EMIT overLimitChanged(over);
    } else if (over) {
        setAccessibleDescription(Validation::describe(TextProblem::TooLong, m_maxBytes));
    }
    Q_EMIT lengthChanged(used, m_maxBytes);
}

void ChatInput::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updatePlaceholder();
}

void ChatInput::updatePlaceholder()
{
    // A wrapped placeholder would be cut by the one-line box: the short form, elided at worst.
    const QString full = tr("Type a message — Enter sends, Shift+Enter adds a line");
    const int room = viewport()->width() - 2 * qCeil(document()->documentMargin()) - 2;
    const QFontMetrics metrics = fontMetrics();
    QString shown = full;
    if (metrics.horizontalAdvance(full) > room)
        shown = metrics.elidedText(tr("Type a message"), Qt::ElideRight, std::max(room, 0));
    if (shown != placeholderText())
        setPlaceholderText(shown);
}

void ChatInput::updateHeight()
{
    updateGeometry();
}

} // namespace Tagarela
