// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include "messagemodel.h"

class QAction;
class QLabel;
class QLineEdit;
class QToolButton;

namespace Tagarela {

class MessageView;

/*!
 * Finds text in the log, as a browser's find bar does: Ctrl+F opens it, every hit is
 * highlighted as the user types (ignoring case), "2 of 7" counts them, Enter or F3 goes to the
 * next, Shift+Enter or Shift+F3 to the previous (wrapping around), and Esc closes it and gives
 * the focus back. The current hit is scrolled into view. Hits are counted top to bottom; the
 * first one shown is the first in sight, or the newest above it.
 */
class FindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    FindBar(MessageView *view, MessageModel *model, QWidget *parent = nullptr);
    ~FindBar() override;

    /*! Where the focus goes when the bar closes (the input box). */
    void setReturnFocus(QWidget *widget) { m_returnFocus = widget; }
    /*! Ctrl+F, added to the view's window; a menu can show it too. */
    QAction *findAction() const { return m_findAction; }

    QLineEdit *queryEdit() const { return m_edit; }
    QString query() const;
    int hitCount() const { return static_cast<int>(m_hits.size()); }
    /*! The current hit, 0-based, or -1. */
    int currentHit() const { return m_current; }
    /*! "2 of 7", "No matches", or empty with no query. */
    QString countText() const;

public Q_SLOTS:
    void open();
    void close();
    void findNext();
    void findPrevious();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /*! Finds the query again; \a keepCurrent: stay on the same hit if it is still there. */
    void search(bool keepCurrent);
    void step(int by);
    /*! Highlights the current hit and counts; \a scroll: brings it into view. */
    void showCurrent(bool scroll = true);

    MessageView *m_view;
    MessageModel *m_model;
    QLineEdit *m_edit = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QAction *m_findAction = nullptr;
    QPointer<QWidget> m_returnFocus;
    QList<MessageModel::FindHit> m_hits;
    int m_current = -1;
    QPersistentModelIndex m_currentRow; //!< the current hit's line, through inserts above it
    qsizetype m_currentStart = -1;
    QTimer m_refresh; //!< the log changed under an open bar: find again, once per burst
};

} // namespace Tagarela
