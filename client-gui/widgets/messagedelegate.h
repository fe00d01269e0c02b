// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QColor>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QRectF>
#include <QStaticText>
#include <QStyledItemDelegate>
#include <QUrl>

class QTextLayout;

namespace Tagarela {

class NickPalette;

/*!
 * Paints one MessageModel row: the time dimmed in a column of its own, the nick bold in its
 * colour, the text wrapped to the rest of the view's width and its links underlined. Joins, parts,
 * renames, notices and information are quieter, errors are in a warning colour, and lines that
 * mention the user get a tinted background.
 *
 * Text is laid out with QTextLayout. Heights are cached per row for the current width and
 * font, and the cache follows the rows of the model it is used with (appends, trimming of the
 * scrollback), so that the view can ask for the size of every row on each layout. Use one
 * delegate per view: two widths would keep throwing the cache away.
 */
class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageDelegate)

public:
    /*! A link in a line's text: the characters it covers and where it points. */
    struct LinkSpan
    {
        qsizetype start = 0;
        qsizetype length = 0;
        QUrl url;
    };

    /*! Where a link is drawn, in the coordinates of option.rect; one per line it spans. */
    struct LinkArea
    {
        QRectF rect;
        QUrl url;
    };

    explicit MessageDelegate(QObject *parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /*! The link under \a pos (in the coordinates of option.rect), or an empty QUrl. */
    QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, QPoint pos) const;
    /*! The rectangles of every link of the row drawn in option.rect. */
    QList<LinkArea> linkAreas(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    /*! The http, https and ftp URLs and "www." addresses in \a text. */
    static QList<LinkSpan> findLinks(const QString &text);

    /*! Forgets every cached height, for a change the delegate cannot see (a new style). */
    void clearCache();

    /*! The QDateTime format of the time stamps (ClientPreferences::timePattern()). */
    void setTimeFormat(const QString &format);
    QString timeFormat() const { return m_timeFormat; }
    /*! Where nicknames take their colours from; without one, NickColor::forNick(). */
    void setNickPalette(const NickPalette *palette);

private:
    struct ComposedLine;
    struct CachedSize
    {
        int height = -1; //!< -1: not known
        int naturalWidth = -1; //!< the width of the text on one line, -1 if it wrapped
    };

    ComposedLine compose(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void prepareLayout(QTextLayout &layout, const ComposedLine &composed,
                       const QStyleOptionViewItem &option) const;
    QRect bodyRect(const QStyleOptionViewItem &option) const;
    QRect stampRect(const QStyleOptionViewItem &option) const;
    int stampColumnWidth(const QFont &font) const;
    QColor nickColor(const QString &nick, const QColor &background) const;
    int viewWidth(const QStyleOptionViewItem &option) const;
    void syncCache(const QAbstractItemModel *model, const QFont &font, int textWidth) const;
    void watchModel(const QAbstractItemModel *model) const;
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    // Caches filled from the const sizeHint() and paint(): they change no visible state.
    mutable std::vector<CachedSize> m_sizes;
    mutable QPointer<const QAbstractItemModel> m_cachedModel;
    mutable QFont m_cachedFont;
    mutable int m_cachedWidth = -1;
    mutable QPointer<const QWidget> m_lastWidget;
    mutable QPointer<QWidget> m_lastViewport;
    mutable QHash<QString, QColor> m_nickColors;
    mutable QRgb m_nickColorsBackground = 0;
    mutable QFont m_stampFont;
    mutable int m_stampColumnWidth = -1;
    mutable QHash<QString, QStaticText> m_stamps; //!< bounded by StampCacheLimit
    QString m_timeFormat = QStringLiteral("HH:mm");
    QPointer<const NickPalette> m_nickPalette;
};

} // namespace Tagarela
