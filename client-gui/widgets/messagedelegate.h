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

class QDate;
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

    /*!
     * While on, a row whose height is not known for the current font and width but was
     * measured before (for another font or width) gets an estimate, scaled from its text's
     * width, unless it is between \a exactFirst and \a exactLast (the rows in sight). A new
     * zoom or width then costs no text layout for the rows out of sight; refineEstimates()
     * measures them afterwards, a slice at a time.
     */
    void setEstimating(bool estimating, int exactFirst = 0, int exactLast = -1);
    /*! How many rows have an estimated height. */
    int estimateCount() const { return m_estimates; }
    /*!
     * Measures the estimated rows from \a first to \a last, for about \a budgetNs at most.
     * Returns whether a height changed (the view lays out again).
     */
    bool refineEstimates(const QStyleOptionViewItem &option, const QAbstractItemModel *model,
                         int first, int last, qint64 budgetNs);

    /*!
     * Highlights every occurrence of \a query (ignoring case) in the text of the lines, and
     * the one at \a currentStart of row \a currentRow more strongly. An empty query: none.
     */
    void setFindHighlight(const QString &query, int currentRow = -1, qsizetype currentStart = -1);
    QString findQuery() const { return m_findQuery; }

    /*!
     * Draws the characters \a start of row \a firstRow to \a end of row \a lastRow as selected
     * (positions in shownText()); \a firstRow -1: nothing.
     */
    void setTextSelection(int firstRow, qsizetype start, int lastRow, qsizetype end);
    /*! A row's text as drawn, without the time, and where its message's words start. */
    struct ShownText
    {
        QString text;
        qsizetype bodyStart = 0; //!< after "<nick> " or "* nick "; 0 for other lines
    };
    ShownText shownText(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    /*! The position in shownText() nearest to \a pos, in the coordinates of option.rect. */
    qsizetype cursorAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                       QPoint pos) const;

    /*! The height of the band above the first line of a day ("Today", "Monday, 30 ..."). */
    static int dayHeaderHeight(const QFont &font);
    /*! What the tooltip at \a pos says: the full date and time over a time stamp, else empty. */
    QString toolTipAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                      QPoint pos) const;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

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
        float textEms = -1; //!< the text's unwrapped width in average characters, -1: unknown
        bool band = false; //!< the row opens a day (has the band above it)
        bool estimated = false; //!< height is estimate()'s, not measured
    };

    ComposedLine compose(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    /*! \a option with its rect below the row's day band, if it has one. */
    QStyleOptionViewItem contentOption(const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const;
    void paintDayHeader(QPainter *painter, const QStyleOptionViewItem &option,
                        const QDate &day) const;
    void invalidateRow(int row);
    void forget(CachedSize &cached) const;
    void measure(CachedSize &cached, const QStyleOptionViewItem &option, const QModelIndex &index,
                 int textWidth) const;
    void estimate(CachedSize &cached, const QFont &font, int textWidth) const;
    qreal averageCharWidth(const QFont &font) const;
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
    mutable int m_estimates = 0;
    mutable QFont m_averageFont;
    mutable qreal m_averageCharWidth = 0;
    bool m_estimating = false;
    int m_exactFirst = 0;
    int m_exactLast = -1;
    int m_selectionFirst = -1;
    qsizetype m_selectionStart = 0;
    int m_selectionLast = -1;
    qsizetype m_selectionEnd = 0;
    QString m_findQuery;
    int m_findRow = -1;
    qsizetype m_findStart = -1;
};

} // namespace Tagarela
