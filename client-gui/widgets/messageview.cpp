// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageview.h"

#include <algorithm>
#include <utility>

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDate>
#include <QDateTime>
#include <QDesktopServices>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QStringList>
#include <QWheelEvent>

#include "chatline.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "newmessagecounter.h"
#include "newmessagesbutton.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

MessageView::MessageView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
{
    setItemDelegate(m_delegate);
    setAccessibleName(tr("Messages"));
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWordWrap(true);
    setUniformItemSizes(false);
    // Every row's height depends on the width: lay out again on every resize, all at once, so
    // that the scroll range is always the whole log.
    setResizeMode(Adjust);
    setLayoutMode(SinglePass);
    setSelectionMode(ExtendedSelection);
    setSelectionBehavior(SelectRows);
    setEditTriggers(NoEditTriggers);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    m_defaultPointSize = pointSize();

    // On the view, not on the viewport, whose children scroll with the lines.
    m_newMessages = new NewMessageCounter(this);
    m_newMessagesButton = new NewMessagesButton(this);
    connect(m_newMessages, &NewMessageCounter::countChanged, this, [this](int count, int mentions) {
        m_newMessagesButton->setCounts(count, mentions);
        placeNewMessagesButton();
    });
    connect(m_newMessagesButton, &QToolButton::clicked, this, &MessageView::followBottom);

    // A slice of measuring per event-loop turn, each well under a frame.
    m_refineTimer.setInterval(0);
    connect(&m_refineTimer, &QTimer::timeout, this, &MessageView::refineHeights);

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageView::onScrolled);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &MessageView::onRangeChanged);
}

MessageView::~MessageView() = default;

void MessageView::onScrolled()
{
    // The live value, not the signal's: a layout run from inside setValue() can have moved
    // the bar again before this value arrives.
    if (m_adjusting)
        return;
    const QScrollBar *bar = verticalScrollBar();
    setFollowing(bar->value() >= bar->maximum());
    if (bar->value() > bar->minimum()) {
        m_topReported = false;
    } else if (bar->maximum() > bar->minimum() && !m_topReported) {
        m_topReported = true;
        Q_EMIT reachedTop();
    }
}

void MessageView::setFollowing(bool follow)
{
    m_followBottom = follow;
    // Back at the bottom, everything is in sight: nothing new is left to point at.
    m_newMessages->setCounting(!follow);
}

void MessageView::placeNewMessagesButton()
{
    m_newMessagesButton->place(viewport()->geometry());
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    anchorTopLine();
    QListView::resizeEvent(event);
    placeNewMessagesButton();
}

void MessageView::anchorTopLine()
{
    if (m_followBottom || m_anchor.isValid() || !model())
        return;
    const QModelIndex top = indexAt(QPoint(1, 1));
    if (!top.isValid())
        return;
    m_anchor = top;
    m_anchorOffset = visualRect(top).top();
}

std::pair<int, int> MessageView::rowsInSight() const
{
    if (!model())
        return {0, -1};
    const int rows = model()->rowCount(rootIndex());
    const QModelIndex top = indexAt(QPoint(1, 1));
    const QModelIndex bottom = indexAt(QPoint(1, viewport()->height() - 1));
    return {top.isValid() ? top.row() : 0, bottom.isValid() ? bottom.row() : rows - 1};
}

void MessageView::refineHeights()
{
    if (!model() || m_delegate->estimateCount() == 0) {
        m_refineTimer.stop();
        return;
    }
    constexpr qint64 SliceNs = 8'000'000;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const int rows = model()->rowCount(rootIndex());
    // The lines in sight first: they are drawn in the height they are given.
    const auto [first, last] = rowsInSight();
    const bool seen = m_delegate->refineEstimates(option, model(), first, last, SliceNs);
    m_delegate->refineEstimates(option, model(), 0, rows - 1, SliceNs);
    if (seen || m_delegate->estimateCount() == 0) {
        anchorTopLine();
        doItemsLayout();
    }
    if (m_delegate->estimateCount() == 0)
        m_refineTimer.stop();
}

int MessageView::lastReadRow() const
{
    return m_lastRead.isValid() ? m_lastRead.row() : -1;
}

void MessageView::markRead()
{
    if (!model() || model()->rowCount(rootIndex()) == 0)
        return;
    // The newest line in sight: what is below it was not read, whatever the window showed.
    QModelIndex newest = indexAt(QPoint(1, viewport()->height() - 1));
    if (!newest.isValid() || m_followBottom)
        newest = model()->index(model()->rowCount(rootIndex()) - 1, modelColumn(), rootIndex());
    if (m_lastRead.isValid() && m_lastRead.row() >= newest.row())
        return;
    m_lastRead = newest;
    viewport()->update();
}

QColor MessageView::lastReadColor()
{
    return QColor(0xd0, 0x30, 0x30);
}

void MessageView::changeEvent(QEvent *event)
{
    // Every widget of a window hears of its activation: the one that says where reading stopped.
    if (event->type() == QEvent::ActivationChange && !isActiveWindow())
        markRead();
    QListView::changeEvent(event);
}

void MessageView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    // Under the last line read, while newer ones follow it: where to pick up again.
    if (!m_lastRead.isValid() || !model() ||
        m_lastRead.row() >= model()->rowCount(rootIndex()) - 1) {
        return;
    }
    const QRect row = visualRect(m_lastRead);
    if (!row.isValid() || !viewport()->rect().intersects(row.adjusted(0, 0, 0, 2)))
        return;
    QPainter painter(viewport());
    painter.setPen(QPen(lastReadColor(), 2));
    painter.drawLine(QPoint(0, row.bottom()), QPoint(viewport()->width(), row.bottom()));
}

void MessageView::settlePendingChange()
{
    // Each change keeps the lines read in place by measuring the layout before it: one that
    // follows another before the layout ran would measure a layout that no longer holds (a
    // "loading" line removed right after older history went in above it).
    if (m_anchor.isValid() || m_valueBeforeRemoval >= 0)
        executeDelayedItemsLayout();
}

void MessageView::onRowsAboutToBeInserted(const QModelIndex &parent, int start, int end)
{
    Q_UNUSED(end)
    // Lines inserted above the ones the user reads (older history) must not push them down:
    // remember the top line and where it is, and put it back there after the layout.
    if (parent != rootIndex() || m_followBottom)
        return;
    settlePendingChange();
    const QModelIndex top = indexAt(QPoint(1, 1));
    if (!top.isValid() || start > top.row())
        return;
    m_anchor = top;
    m_anchorOffset = visualRect(top).top();
}

void MessageView::onRangeChanged(int minimum, int maximum)
{
    Q_UNUSED(minimum)
    // During a layout, doItemsLayout() decides; this is for the other changes (a resize).
    if (!m_followBottom || m_layingOut)
        return;
    const QScopedValueRollback guard(m_adjusting, true);
    verticalScrollBar()->setValue(maximum);
}

void MessageView::doItemsLayout()
{
    {
        // Clamping the scroll value to a shorter range is not the user scrolling.
        const QScopedValueRollback guard(m_adjusting, true);
        QScrollBar *bar = verticalScrollBar();
        // The layout can run from inside the user's own scrolling (QScrollBar::setValue()
        // scrolls the contents, which lays out pending rows): then they are leaving the
        // bottom, and must not be pulled back to it.
        const bool follow = m_followBottom && bar->value() >= bar->maximum();
        {
            const QScopedValueRollback layingOut(m_layingOut, true);
            // Only the rows in sight (where they will be after this layout) are measured
            // now if the font or the width changed; the others get an estimate, refined
            // later: a zoom or a resize of a long log costs no text layout for every line.
            const int rows = model() ? model()->rowCount(rootIndex()) : 0;
            const int span = viewport()->height() / std::max(1, fontMetrics().height()) + 20;
            int top = rows - 1 - span;
            if (!follow) {
                top = m_anchor.isValid() ? m_anchor.row() : indexAt(QPoint(1, 1)).row();
                top -= 20;
            }
            m_delegate->setEstimating(rows > EstimateAbove, top, top + span + 40);
            QListView::doItemsLayout();
            m_delegate->setEstimating(false);
        }
        if (follow)
            bar->setValue(bar->maximum());
        else if (m_anchor.isValid())
            bar->setValue(bar->value() + visualRect(m_anchor).top() - m_anchorOffset);
        else if (m_valueBeforeRemoval >= 0)
            bar->setValue(std::max(0, m_valueBeforeRemoval - m_removedHeight));
        // Put back where the user was, not at the top: the next reach of the top is a new one.
        m_topReported = bar->value() <= bar->minimum() && m_topReported;
    }
    m_anchor = QPersistentModelIndex();
    m_valueBeforeRemoval = -1;
    m_removedHeight = 0;
    if (m_delegate->estimateCount() > 0 && !m_refineTimer.isActive())
        m_refineTimer.start();
}

void MessageView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    // Lines removed above the ones the user reads (the scrollback dropping the oldest, a
    // "loading" line going): move the view up by their height once laid out, so that the text
    // under the user's eyes stays put.
    if (parent == rootIndex() && !m_followBottom && model()) {
        settlePendingChange();
        const int top = indexAt(QPoint(1, 1)).row();
        // From the top of the log, all of them go: the scrollback may take the lines read too.
        const int last = start == 0 ? end : std::min(end, top);
        if (m_valueBeforeRemoval < 0 && start <= last)
            m_valueBeforeRemoval = verticalScrollBar()->value();
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        for (int row = start; row <= last; ++row) {
            const QModelIndex index = model()->index(row, modelColumn(), rootIndex());
            m_removedHeight +=
                itemDelegateForIndex(index)->sizeHint(option, index).height() + spacing();
        }
        // The first line left then opens the log's first day, and gets its band.
        const QModelIndex next = model()->index(end + 1, modelColumn(), rootIndex());
        if (start == 0 && next.isValid() && !next.data(MessageModel::DayRole).toDate().isValid() &&
            next.data(MessageModel::KindRole).toInt() != static_cast<int>(ChatLine::Kind::Marker) &&
            next.data(MessageModel::TimeRole).toDateTime().toMSecsSinceEpoch() > 0) {
            m_removedHeight -= MessageDelegate::dayHeaderHeight(option.font);
        }
    }
    // Until rowsRemoved(): the selection model moves the current row in its own slot, after
    // this one.
    m_removingRows = true;
    QListView::rowsAboutToBeRemoved(parent, start, end);
}

void MessageView::setModel(QAbstractItemModel *model)
{
    disconnect(m_rowsRemovedConnection);
    disconnect(m_rowsInsertedConnection);
    disconnect(m_readConnection);
    for (const QMetaObject::Connection &connection : std::as_const(m_selectionConnections))
        disconnect(connection);
    m_selectionConnections.clear();
    m_selectionAnchor = {};
    m_selectionEnd = {};
    m_delegate->setTextSelection(-1, 0, -1, 0);
    m_removingRows = false;
    m_anchor = QPersistentModelIndex();
    m_lastRead = QPersistentModelIndex();
    QListView::setModel(model);
    m_newMessages->setModel(model);
    m_newMessages->setCounting(!m_followBottom);
    if (model) {
        m_readConnection =
            connect(model, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex &parent, int first, int last) {
                        // Read as they come: the marker stays under the newest line while the user
                        // watches the bottom, and stands out only for what came while away.
                        if (!parent.isValid() && isActiveWindow() && m_followBottom &&
                            m_lastRead.isValid() && m_lastRead.row() == first - 1) {
                            m_lastRead = this->model()->index(last, modelColumn(), rootIndex());
                        }
                    });
    }
    if (model) {
        // The selection's rows move with lines inserted or dropped above them.
        const auto follow = [this] {
            if (m_selectionAnchor.row.isValid() || m_selectionEnd.row.isValid())
                updateTextSelection();
        };
        m_selectionConnections = {
            connect(model, &QAbstractItemModel::rowsInserted, this, follow),
            connect(model, &QAbstractItemModel::rowsRemoved, this, follow),
            connect(model, &QAbstractItemModel::rowsMoved, this, follow),
            connect(model, &QAbstractItemModel::modelReset, this, follow),
        };
        m_rowsRemovedConnection = connect(model, &QAbstractItemModel::rowsRemoved, this,
                                          [this] { m_removingRows = false; });
        m_rowsInsertedConnection = connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                                           &MessageView::onRowsAboutToBeInserted);
    }
}

void MessageView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    // When the scrollback drops the current row, the selection model makes the next one
    // current. That is no reason to scroll to the top of the log, nor to repaint anything
    // now: the layout that follows the removal repaints everything.
    if (m_removingRows)
        return;
    QListView::currentChanged(current, previous);
}

void MessageView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    // See currentChanged().
    if (m_removingRows)
        return;
    QListView::scrollTo(index, hint);
}

void MessageView::followBottom()
{
    setFollowing(true);
    const QScopedValueRollback guard(m_adjusting, true);
    scrollToBottom();
}

QString MessageView::selectedText() const
{
    if (hasTextSelection())
        return selectedTextOfMessages();
    QModelIndexList indexes = selectedIndexes();
    std::sort(indexes.begin(), indexes.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    lines.reserve(indexes.size());
    for (const QModelIndex &index : std::as_const(indexes))
        lines.append(index.data(Qt::DisplayRole).toString());
    return lines.join(u'\n');
}

void MessageView::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        // QAbstractItemView would copy the current row only.
        copySelection();
        event->accept();
        return;
    }
    const Qt::KeyboardModifiers modifiers =
        event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    const QString text = event->text();
    if (m_typingTarget && modifiers == Qt::NoModifier && !text.isEmpty() && text.at(0).isPrint()) {
        m_typingTarget->setFocus(Qt::OtherFocusReason);
        QCoreApplication::sendEvent(m_typingTarget, event);
        return;
    }
    if (event->matches(QKeySequence::ZoomIn)) {
        zoomIn();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

QUrl MessageView::linkAt(QPoint pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->linkAt(option, index, pos);
}

MessageView::TextPoint MessageView::textPointAt(QPoint pos) const
{
    if (!model() || model()->rowCount(rootIndex()) == 0)
        return {};
    // Past the ends of the log, the selection runs to its first or last character.
    QModelIndex index = indexAt(QPoint(1, std::clamp(pos.y(), 0, viewport()->height() - 1)));
    if (!index.isValid()) {
        const int rows = model()->rowCount(rootIndex());
        const QModelIndex last = model()->index(rows - 1, modelColumn(), rootIndex());
        index = pos.y() > visualRect(last).bottom() ? last
                                                    : model()->index(0, modelColumn(), rootIndex());
    }
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return {QPersistentModelIndex(index), m_delegate->cursorAt(option, index, pos)};
}

void MessageView::setTextSelection(const TextPoint &anchor, const TextPoint &end)
{
    m_selectionAnchor = anchor;
    m_selectionEnd = end;
    updateTextSelection();
}

void MessageView::updateTextSelection()
{
    const auto [first, last] = orderedSelection();
    if (!first.row.isValid() || !last.row.isValid())
        m_delegate->setTextSelection(-1, 0, -1, 0);
    else
        m_delegate->setTextSelection(first.row.row(), first.pos, last.row.row(), last.pos);
    viewport()->update();
}

std::pair<MessageView::TextPoint, MessageView::TextPoint> MessageView::orderedSelection() const
{
    const TextPoint &a = m_selectionAnchor;
    const TextPoint &b = m_selectionEnd;
    if (!a.row.isValid() || !b.row.isValid())
        return {};
    const bool inOrder =
        a.row.row() < b.row.row() || (a.row.row() == b.row.row() && a.pos <= b.pos);
    return inOrder ? std::pair(a, b) : std::pair(b, a);
}

bool MessageView::hasTextSelection() const
{
    const auto [first, last] = orderedSelection();
    return first.row.isValid() && (first.row != last.row || first.pos != last.pos);
}

void MessageView::clearTextSelection()
{
    setTextSelection({}, {});
}

QString MessageView::selectedTextOfMessages() const
{
    const auto [first, last] = orderedSelection();
    if (!first.row.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    if (first.row == last.row) {
        const QString text = m_delegate->shownText(option, first.row).text;
        return text.mid(first.pos, last.pos - first.pos);
    }
    // Across messages: a line each, with its time and its author, as the log shows them.
    QStringList lines;
    for (int row = first.row.row(); row <= last.row.row(); ++row) {
        const QModelIndex index = model()->index(row, modelColumn(), rootIndex());
        const MessageDelegate::ShownText shown = m_delegate->shownText(option, index);
        qsizetype start = row == first.row.row() ? first.pos : 0;
        const qsizetype end = row == last.row.row() ? last.pos : shown.text.size();
        QString part = shown.text.mid(start, end - start);
        if (start > 0 && start >= shown.bodyStart && shown.bodyStart > 0)
            part = shown.text.left(shown.bodyStart) + part;
        const bool marker =
            index.data(MessageModel::KindRole).toInt() == static_cast<int>(ChatLine::Kind::Marker);
        if (!marker) {
            part = u'[' + MessageModel::timeStamp(index.data(MessageModel::TimeRole).toDateTime()) +
                u"] "_s + part;
        }
        lines.append(part);
    }
    return lines.join(u'\n');
}

void MessageView::addContextActions(QMenu *menu, QPoint pos)
{
    QAction *copy = menu->addAction(tr("&Copy"), this, &MessageView::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(hasTextSelection() || selectionModel()->hasSelection());
    const QUrl link = linkAt(pos);
    if (link.isValid()) {
        menu->addSeparator();
        menu->addAction(tr("&Open Link"), this, [this, link] {
            Q_EMIT linkActivated(link);
            if (m_openLinks)
                QDesktopServices::openUrl(link);
        });
        menu->addAction(tr("Copy Link &Address"), this, [link] {
            QGuiApplication::clipboard()->setText(link.toString(QUrl::FullyEncoded));
        });
    }
    const QModelIndex index = indexAt(pos);
    const auto kind = static_cast<ChatLine::Kind>(index.data(MessageModel::KindRole).toInt());
    if (index.isValid() && (kind == ChatLine::Kind::Chat || kind == ChatLine::Kind::Action)) {
        // The words alone: no time, no nick, no delivery note.
        menu->addAction(tr("Copy &Text"), this,
                        [text = index.data(MessageModel::TextRole).toString()] {
                            QGuiApplication::clipboard()->setText(text);
                        });
    }
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    if (contextMenuPolicy() != Qt::DefaultContextMenu) {
        QListView::contextMenuEvent(event);
        return;
    }
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    // QAbstractScrollArea hands the viewport's event over in the viewport's coordinates.
    addContextActions(menu, event->pos());
    menu->popup(event->globalPos());
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton) {
        m_pressPos = pos;
        m_pressedLink = linkAt(m_pressPos);
    }
    QListView::mousePressEvent(event);
    if (event->button() == Qt::LeftButton &&
        !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier))) {
        // Dragging selects text, in one message or across several; the rows' own selection
        // (the keyboard's) goes.
        const TextPoint point = textPointAt(pos);
        m_selectingText = point.row.isValid();
        clearSelection();
        setTextSelection(point, point);
    }
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (event->buttons() == Qt::NoButton) {
        if (linkAt(pos).isValid())
            viewport()->setCursor(Qt::PointingHandCursor);
        else
            viewport()->unsetCursor();
    }
    if (m_selectingText && event->buttons().testFlag(Qt::LeftButton)) {
        // Above or below the log, it scrolls on as the mouse moves.
        QScrollBar *bar = verticalScrollBar();
        if (pos.y() < 0)
            bar->setValue(bar->value() + pos.y());
        else if (pos.y() >= viewport()->height())
            bar->setValue(bar->value() + pos.y() - viewport()->height() + 1);
        m_selectionEnd = textPointAt(pos);
        updateTextSelection();
        return;
    }
    QListView::mouseMoveEvent(event);
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    const QUrl pressed = std::exchange(m_pressedLink, QUrl());
    QListView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && std::exchange(m_selectingText, false)) {
        clearSelection();
        if (!hasTextSelection())
            clearTextSelection(); // a click, not a drag
    }
    if (event->button() != Qt::LeftButton || !pressed.isValid())
        return;
    const QPoint pos = event->position().toPoint();
    // A press that became a drag is a selection, not a click.
    if ((pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance() ||
        linkAt(pos) != pressed) {
        return;
    }
    Q_EMIT linkActivated(pressed);
    if (m_openLinks)
        QDesktopServices::openUrl(pressed);
}

void MessageView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers().testFlag(Qt::ControlModifier)) {
        const int delta = event->angleDelta().y();
        if (delta > 0)
            zoomIn();
        else if (delta < 0)
            zoomOut();
        event->accept();
        return;
    }
    // Scrolling up at the top, or in a log too short to scroll at all, asks for more.
    const QScrollBar *bar = verticalScrollBar();
    if (event->angleDelta().y() > 0 && bar->value() <= bar->minimum())
        Q_EMIT reachedTop();
    QListView::wheelEvent(event);
}

qreal MessageView::pointSize() const
{
    const QFont current = font();
    if (current.pointSizeF() > 0)
        return current.pointSizeF();
    return current.pixelSize() * 72.0 / logicalDpiY();
}

void MessageView::setPointSize(qreal size)
{
    size = qBound(MinimumPointSize, size, MaximumPointSize);
    if (qFuzzyCompare(size, pointSize()))
        return;
    anchorTopLine();
    QFont zoomed = font();
    zoomed.setPointSizeF(size);
    setFont(zoomed);
    scheduleDelayedItemsLayout();
}

void MessageView::zoomIn()
{
    setPointSize(pointSize() + 1);
}

void MessageView::zoomOut()
{
    setPointSize(pointSize() - 1);
}

void MessageView::resetZoom()
{
    setPointSize(m_defaultPointSize);
}

} // namespace Tagarela
