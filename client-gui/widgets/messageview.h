// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>

#include <QList>
#include <QListView>
#include <QPersistentModelIndex>
#include <QPoint>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QMenu;

namespace Tagarela {

class MessageDelegate;
class NewMessageCounter;
class NewMessagesButton;

/*!
 * The chat: a list of MessageModel rows drawn by a MessageDelegate. It follows new lines while
 * the user is at the bottom and keeps still while they read further up, even as the scrollback
 * drops old lines above them or older history is inserted above them. Rows can be selected and
 * copied as plain text, links open in the browser, and zooming changes the view's font.
 */
class MessageView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageView)

public:
    static constexpr qreal MinimumPointSize = 6;
    static constexpr qreal MaximumPointSize = 48;
    /*!
     * In a log longer than this, a new font or width measures only the lines in sight at once;
     * the others get estimated heights, measured afterwards a slice at a time.
     */
    static constexpr int EstimateAbove = 2000;

    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

    MessageDelegate *messageDelegate() const { return m_delegate; }

    /*!
     * What Copy copies: the text selected with the mouse (within one message, as it is; across
     * several, a line each with its time and author), else the selected rows' plain text,
     * oldest first, one per line.
     */
    QString selectedText() const;
    /*! Whether text is selected with the mouse (more than an empty range). */
    bool hasTextSelection() const;
    void clearTextSelection();
    /*!
     * Adds what a right-click at \a pos (viewport coordinates) offers: Copy; on a link, Open
     * Link and Copy Link Address; on a message, Copy Text (its words, without time or nick).
     */
    void addContextActions(QMenu *menu, QPoint pos);
    /*! True while new lines scroll the view (the user is at the bottom). */
    bool isFollowingBottom() const { return m_followBottom; }

    /*! Whether clicking a link opens it (QDesktopServices); linkActivated() comes anyway. */
    void setOpenLinks(bool open) { m_openLinks = open; }
    bool openLinks() const { return m_openLinks; }

    /*!
     * Where text typed while the log has the focus goes (the input box): the keys move the
     * focus there and are typed into it, instead of being lost on the list.
     */
    void setTypingTarget(QWidget *target) { m_typingTarget = target; }

    /*! The button that shows the new messages below while the user reads further up. */
    NewMessagesButton *newMessagesButton() const { return m_newMessagesButton; }

    /*!
     * The last line the user had read when the window last lost the focus (the marker line is
     * drawn under it while newer lines follow), or -1.
     */
    int lastReadRow() const;
    /*!
     * Puts the "last read" marker under the newest line in sight, or leaves it where it is if
     * that is further down already. Done by itself when the window loses the focus.
     */
    void markRead();
    /*! The colour of the "last read" line. */
    static QColor lastReadColor();

    /*! The link under \a pos, in viewport coordinates, or an empty QUrl. */
    QUrl linkAt(QPoint pos) const;

    void setModel(QAbstractItemModel *model) override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    void doItemsLayout() override;

public Q_SLOTS:
    void copySelection();
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /*! Scrolls to the newest line and follows new lines again. */
    void followBottom();

Q_SIGNALS:
    void linkActivated(const QUrl &url);
    /*! The user scrolled (or tried to) to the very top: time to load older history. */
    void reachedTop();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    /*! A place in the text of the log: a row and a character position in its shown text. */
    struct TextPoint
    {
        QPersistentModelIndex row;
        qsizetype pos = 0;
    };
    TextPoint textPointAt(QPoint pos) const;
    void setTextSelection(const TextPoint &anchor, const TextPoint &end);
    void updateTextSelection();
    std::pair<TextPoint, TextPoint> orderedSelection() const;
    QString selectedTextOfMessages() const;

    void onScrolled();
    void setFollowing(bool follow);
    /*! Keeps the top line in place over the next layout (a zoom, a new width). */
    void anchorTopLine();
    /*! The first and last rows in sight (last is -1 with none). */
    std::pair<int, int> rowsInSight() const;
    /*! Measures a slice of the rows whose heights were estimated; lays out again when done. */
    void refineHeights();
    void placeNewMessagesButton();
    /*! Lays out now if an insertion or removal still waits for its layout. */
    void settlePendingChange();
    void onRowsAboutToBeInserted(const QModelIndex &parent, int start, int end);
    void onRangeChanged(int minimum, int maximum);
    void setPointSize(qreal pointSize);
    qreal pointSize() const;

    MessageDelegate *m_delegate = nullptr;
    qreal m_defaultPointSize = 0;
    bool m_followBottom = true;
    bool m_adjusting = false; //!< our own scrolling, not the user's
    bool m_layingOut = false;
    bool m_removingRows = false; //!< from rowsAboutToBeRemoved() to rowsRemoved()
    int m_valueBeforeRemoval = -1;
    int m_removedHeight = 0;
    bool m_openLinks = true;
    QMetaObject::Connection m_rowsRemovedConnection;
    QMetaObject::Connection m_rowsInsertedConnection;
    QMetaObject::Connection m_readConnection;
    QList<QMetaObject::Connection> m_selectionConnections;
    bool m_topReported = false; //!< reachedTop() sent; again only after leaving the top
    QPersistentModelIndex m_anchor; //!< the top line, to keep in place over inserts above it
    int m_anchorOffset = 0; //!< its distance from the top of the viewport
    QPointer<QWidget> m_typingTarget;
    QUrl m_pressedLink;
    QPoint m_pressPos;
    NewMessageCounter *m_newMessages = nullptr;
    NewMessagesButton *m_newMessagesButton = nullptr;
    QPersistentModelIndex m_lastRead;
    QTimer m_refineTimer; //!< measures estimated heights while the event loop is idle
    TextPoint m_selectionAnchor; //!< where the mouse selection started
    TextPoint m_selectionEnd; //!< where it ends now
    bool m_selectingText = false; //!< the left button is down, selecting text
};

} // namespace Tagarela
