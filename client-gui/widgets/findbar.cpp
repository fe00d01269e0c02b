// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "findbar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

#include "messagedelegate.h"
#include "messageview.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

FindBar::FindBar(MessageView *view, MessageModel *model, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_model(model)
{
    setObjectName(u"findBar"_s);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"findQuery"_s);
    m_edit->setPlaceholderText(tr("Find in the log"));
    m_edit->setAccessibleName(tr("Find in the log"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_count = new QLabel(this);
    m_count->setObjectName(u"findCount"_s);
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(u"0000 of 0000"_s));
    m_previousButton = new QToolButton(this);
    m_previousButton->setArrowType(Qt::UpArrow);
    m_previousButton->setToolTip(tr("Previous match (Shift+F3)"));
    m_previousButton->setAccessibleName(tr("Previous match"));
    m_nextButton = new QToolButton(this);
    m_nextButton->setArrowType(Qt::DownArrow);
    m_nextButton->setToolTip(tr("Next match (F3)"));
    m_nextButton->setAccessibleName(tr("Next match"));
    auto *closeButton = new QToolButton(this);
    closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    closeButton->setAutoRaise(true);
    closeButton->setToolTip(tr("Close (Esc)"));
    closeButton->setAccessibleName(tr("Close the find bar"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Fin&d:"), this);
    label->setBuddy(m_edit);
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_previousButton);
    layout->addWidget(m_nextButton);
    layout->addWidget(closeButton);

    // On the view, which is always shown: the window's Ctrl+F, whatever has the focus.
    m_findAction = new QAction(tr("&Find…"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    view->addAction(m_findAction);
    // F3 and Shift+F3 while the bar is open, from the bar or from the log.
    auto *next = new QAction(this);
    // F3 wherever the platform's own keys for these are others (Ctrl+G on macOS).
    QList<QKeySequence> nextKeys = QKeySequence::keyBindings(QKeySequence::FindNext);
    if (!nextKeys.contains(QKeySequence(Qt::Key_F3)))
        nextKeys.append(QKeySequence(Qt::Key_F3));
    QList<QKeySequence> previousKeys = QKeySequence::keyBindings(QKeySequence::FindPrevious);
    if (!previousKeys.contains(QKeySequence(Qt::ShiftModifier | Qt::Key_F3)))
        previousKeys.append(QKeySequence(Qt::ShiftModifier | Qt::Key_F3));
    next->setShortcuts(nextKeys);
    next->setShortcutContext(Qt::WindowShortcut);
    auto *previous = new QAction(this);
    previous->setShortcuts(previousKeys);
    previous->setShortcutContext(Qt::WindowShortcut);
    addAction(next);
    addAction(previous);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);

    connect(m_findAction, &QAction::triggered, this, &FindBar::open);
    connect(next, &QAction::triggered, this, &FindBar::findNext);
    connect(previous, &QAction::triggered, this, &FindBar::findPrevious);
    connect(m_nextButton, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_previousButton, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    connect(m_edit, &QLineEdit::textChanged, this, [this] { search(false); });
    connect(&m_refresh, &QTimer::timeout, this, [this] { search(true); });
    const auto changed = [this] {
        if (isVisible() && !query().isEmpty())
            m_refresh.start();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(model, &QAbstractItemModel::rowsMoved, this, changed);
    connect(model, &QAbstractItemModel::dataChanged, this, changed);
    connect(model, &QAbstractItemModel::modelReset, this, changed);
    hide();
}

FindBar::~FindBar() = default;

QString FindBar::query() const
{
    return m_edit->text();
}

QString FindBar::countText() const
{
    if (query().isEmpty())
        return {};
    if (m_hits.isEmpty())
        return tr("No matches");
    //: The find bar's count: "2 of 7"
    return tr("%1 of %2").arg(m_current + 1).arg(m_hits.size());
}

void FindBar::open()
{
    const bool wasVisible = isVisible();
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
    if (!wasVisible && !query().isEmpty())
        search(false);
}

void FindBar::close()
{
    hide();
    m_hits.clear();
    m_current = -1;
    m_currentRow = QPersistentModelIndex();
    m_view->messageDelegate()->setFindHighlight({});
    m_view->viewport()->update();
    if (m_returnFocus)
        m_returnFocus->setFocus(Qt::OtherFocusReason);
}

void FindBar::search(bool keepCurrent)
{
    const QString text = query();
    m_hits = m_model->find(text);
    m_current = -1;
    bool kept = false;
    if (!m_hits.isEmpty()) {
        if (keepCurrent && m_currentRow.isValid()) {
            // The same hit, if it is still there (lines may have come or gone around it).
            for (int i = 0; i < m_hits.size(); ++i) {
                if (m_hits.at(i).row == m_currentRow.row() &&
                    m_hits.at(i).start == m_currentStart) {
                    m_current = i;
                    kept = true;
                    break;
                }
            }
        }
        if (m_current < 0) {
            // The first hit in sight, else the newest above it, else the first.
            const QModelIndex top = m_view->indexAt(QPoint(1, 1));
            const int topRow = top.isValid() ? top.row() : 0;
            m_current = 0;
            for (int i = 0; i < m_hits.size(); ++i) {
                if (m_hits.at(i).row >= topRow) {
                    m_current = i;
                    break;
                }
                m_current = i;
            }
        }
    }
    // New lines while the bar is open leave the log where the user put it.
    showCurrent(!kept);
}

void FindBar::step(int by)
{
    if (!isVisible()) {
        open();
        return;
    }
    if (m_hits.isEmpty())
        return;
    const auto size = static_cast<int>(m_hits.size());
    m_current = ((m_current + by) % size + size) % size;
    showCurrent();
}

void FindBar::findNext()
{
    step(1);
}

void FindBar::findPrevious()
{
    step(-1);
}

void FindBar::showCurrent(bool scroll)
{
    const bool found = m_current >= 0 && m_current < m_hits.size();
    const MessageModel::FindHit hit = found ? m_hits.at(m_current) : MessageModel::FindHit();
    m_currentRow = found ? QPersistentModelIndex(m_model->index(hit.row)) : QPersistentModelIndex();
    m_currentStart = found ? hit.start : -1;
    m_view->messageDelegate()->setFindHighlight(query(), hit.row, hit.start);
    m_view->viewport()->update();
    if (found && scroll)
        m_view->scrollTo(m_model->index(hit.row), QAbstractItemView::EnsureVisible);
    m_count->setText(countText());
    m_previousButton->setEnabled(m_hits.size() > 1);
    m_nextButton->setEnabled(m_hits.size() > 1);
    // No match: the box says so in the warning colour, as browsers do.
    QPalette palette = m_edit->palette();
    palette.setColor(QPalette::Text,
                     !query().isEmpty() && !found ? QColor(0xc0, 0x10, 0x10)
                                                  : QWidget::palette().color(QPalette::Text));
    m_edit->setPalette(palette);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (key->modifiers().testFlag(Qt::ShiftModifier))
                findPrevious();
            else
                findNext();
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Tagarela
