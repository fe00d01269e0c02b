// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagedelegate.h"

#include <algorithm>

#include <QAbstractItemView>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QStyle>
#include <QTextLayout>
#include <QTextOption>
#include <QToolTip>
#include <QtMath>

#include "biditext.h"
#include "chatline.h"
#include "emojifont.h"
#include "messagemodel.h"
#include "nickcolor.h"
#include "nickpalette.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

constexpr int HorizontalMargin = 4;
constexpr int VerticalMargin = 1;
constexpr int MentionAlpha = 56; // of 255: a tint, so that selection still stands out
constexpr qreal DimAmount = 0.42; // how far dimmed text moves towards the background
constexpr qreal WrapFill = 0.9; // how full a wrapped line is, on average, for estimates
constexpr int DayPadding = 4; // above and below the day's name
constexpr int FindAlpha = 90; // of 255: every hit of the find bar
constexpr int CurrentFindAlpha = 200; // the hit the find bar is on
constexpr int ErrorHue = 0;
constexpr qreal ErrorSaturation = 0.85;
constexpr int StampCacheLimit = 4096; // with seconds there are 86,400 stamps in a day

QColor mix(const QColor &from, const QColor &to, qreal amount)
{
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * amount,
                            a.greenF() + (b.greenF() - a.greenF()) * amount,
                            a.blueF() + (b.blueF() - a.blueF()) * amount);
}

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &option)
{
    if (!option.state.testFlag(QStyle::State_Enabled))
        return QPalette::Disabled;
    return option.state.testFlag(QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive;
}

QTextLayout::FormatRange formatRange(qsizetype start, qsizetype length,
                                     const QTextCharFormat &format)
{
    QTextLayout::FormatRange range;
    range.start = static_cast<int>(start);
    range.length = static_cast<int>(length);
    range.format = format;
    return range;
}

QTextCharFormat colored(const QColor &color)
{
    QTextCharFormat format;
    format.setForeground(color);
    return format;
}

qreal layoutLines(QTextLayout &layout, qreal width)
{
    width = std::max<qreal>(width, 1);
    qreal y = 0;
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    return y;
}

} // namespace

// The text of a row without its time stamp, which has a column of its own: the stamp is
// never needed to size a row, and the text wraps under itself rather than under the stamp.
struct MessageDelegate::ComposedLine
{
    QString text;
    qsizetype described = 0; //!< the length of describe()'s part of text (before any note)
    qsizetype bodyStart = 0; //!< where the message's own words start (after "<nick> ")
    bool centered = false; //!< a marker: across the middle of the view
    QList<QTextLayout::FormatRange> formats;
    QList<LinkSpan> links;
};

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

MessageDelegate::~MessageDelegate() = default;

QList<MessageDelegate::LinkSpan> MessageDelegate::findLinks(const QString &text)
{
    static const QRegularExpression pattern(
        // Direction controls end a link: they are never part of an address, and the isolates
        // around a message must not end up in one.
        uR"((?<![\w@./])(?:(?:https?|ftp)://|www\.))"
        uR"([^\s<>"\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]+)"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QList<LinkSpan> links;
    // Most lines have no link: do not run the expression over them.
    if (!text.contains("://"_L1) && !text.contains("www."_L1, Qt::CaseInsensitive))
        return links;
    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        qsizetype start = match.capturedStart();
        qsizetype length = match.capturedLength();
        // Punctuation that ends a sentence, and a closing bracket that opened before the link,
        // belong to the text around it.
        while (length > 0) {
            const QChar last = text.at(start + length - 1);
            const QStringView link = QStringView(text).mid(start, length);
            if (u".,;:!?'\""_s.contains(last) ||
                (last == u')' && link.count(u'(') < link.count(u')')) ||
                (last == u']' && link.count(u'[') < link.count(u']')) ||
                (last == u'}' && link.count(u'{') < link.count(u'}'))) {
                --length;
            } else {
                break;
            }
        }
        const QString address = text.mid(start, length);
        const bool bare = address.startsWith("www."_L1, Qt::CaseInsensitive);
        const QUrl url(bare ? u"http://"_s + address : address, QUrl::TolerantMode);
        if (length > 4 && url.isValid() && !url.host().isEmpty())
            links.append({start, length, url});
    }
    return links;
}

QColor MessageDelegate::nickColor(const QString &nick, const QColor &background) const
{
    if (background.rgba() != m_nickColorsBackground) {
        m_nickColors.clear();
        m_nickColorsBackground = background.rgba();
    }
    auto it = m_nickColors.constFind(nick);
    if (it == m_nickColors.constEnd()) {
        it = m_nickColors.insert(nick,
                                 m_nickPalette ? m_nickPalette->color(nick, background)
                                               : NickColor::forNick(nick, background));
    }
    return *it;
}

void MessageDelegate::setNickPalette(const NickPalette *palette)
{
    if (m_nickPalette)
        disconnect(m_nickPalette, nullptr, this, nullptr);
    m_nickPalette = palette;
    m_nickColors.clear();
    if (palette)
        connect(palette, &NickPalette::changed, this, [this] { m_nickColors.clear(); });
}

void MessageDelegate::setTimeFormat(const QString &format)
{
    if (format == m_timeFormat)
        return;
    m_timeFormat = format;
    m_stampColumnWidth = -1;
    m_stamps.clear();
    clearCache();
}

MessageDelegate::ComposedLine MessageDelegate::compose(const QStyleOptionViewItem &option,
                                                       const QModelIndex &index) const
{
    ChatLine line;
    line.kind = static_cast<ChatLine::Kind>(index.data(MessageModel::KindRole).toInt());
    line.nick = EmojiFont::shaped(index.data(MessageModel::NickRole).toString());
    line.text = EmojiFont::shaped(index.data(MessageModel::TextRole).toString());
    line.delivery = static_cast<ChatLine::Delivery>(index.data(MessageModel::DeliveryRole).toInt());
    line.note = index.data(MessageModel::NoteRole).toString();
    line.marker = static_cast<ChatLine::Marker>(index.data(MessageModel::MarkerRole).toInt());

    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group = colorGroup(option);
    const QColor background = option.palette.color(group, QPalette::Base);
    const QColor foreground =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);

    // Colours ride on the ranges that change the font anyway, so that they cost the text
    // shaper no extra runs.
    ComposedLine composed;
    QTextCharFormat nickFormat;
    nickFormat.setFontWeight(QFont::Bold);
    if (!selected)
        nickFormat.setForeground(nickColor(line.nick, background));

    switch (line.kind) {
    // Nicknames and texts in isolates of their own (MessageModel::describe does the same for
    // the other kinds): a U+202E in a message must not turn the delivery note around.
    case ChatLine::Kind::Chat: {
        const QString shownNick = u'<' + BidiText::isolated(line.nick) + u'>';
        composed.text = shownNick + u' ' + BidiText::isolated(line.text);
        composed.bodyStart = shownNick.size() + 1;
        composed.formats.append(formatRange(0, shownNick.size(), nickFormat));
        break;
    }
    case ChatLine::Kind::Action: {
        const QString shownNick = BidiText::isolated(line.nick);
        composed.text = u"* "_s + shownNick + u' ' + BidiText::isolated(line.text);
        composed.bodyStart = shownNick.size() + 3;
        QTextCharFormat italic;
        italic.setFontItalic(true);
        composed.formats.append(formatRange(0, composed.text.size(), italic));
        composed.formats.append(formatRange(2, shownNick.size(), nickFormat));
        break;
    }
    case ChatLine::Kind::Error: {
        composed.text = MessageModel::describe(line);
        const QColor warning =
            selected ? foreground : NickColor::readableOn(ErrorHue, ErrorSaturation, background);
        composed.formats.append(formatRange(0, composed.text.size(), colored(warning)));
        break;
    }
    case ChatLine::Kind::Joined:
    case ChatLine::Kind::Left:
    case ChatLine::Kind::Renamed:
    case ChatLine::Kind::Notice:
    case ChatLine::Kind::Info: {
        composed.text = MessageModel::describe(line);
        QTextCharFormat quiet =
            colored(selected ? foreground : mix(foreground, background, DimAmount));
        quiet.setFontItalic(true);
        composed.formats.append(formatRange(0, composed.text.size(), quiet));
        break;
    }
    case ChatLine::Kind::Marker: {
        composed.text = MessageModel::describe(line);
        composed.centered = true;
        // The one a click acts on looks like a link; the others are quiet dividers.
        QTextCharFormat format;
        if (line.marker == ChatLine::Marker::NotLoaded) {
            format = colored(selected ? foreground : option.palette.color(group, QPalette::Link));
            format.setFontUnderline(true);
        } else {
            format = colored(selected ? foreground : mix(foreground, background, DimAmount));
            format.setFontWeight(QFont::DemiBold);
        }
        composed.formats.append(formatRange(0, composed.text.size(), format));
        break;
    }
    }

    // The user's own messages on their way are dimmed, with a note saying how far they got;
    // refused ones say why in the warning colour.
    if (line.delivery != ChatLine::Delivery::Confirmed && !selected) {
        composed.formats.append(
            formatRange(0, composed.text.size(), colored(mix(foreground, background, DimAmount))));
    }
    composed.described = composed.text.size();
    const QString note = MessageModel::deliveryNote(line);
    if (!note.isEmpty()) {
        const QString suffix = u"  "_s + note;
        QTextCharFormat noteFormat;
        noteFormat.setFontItalic(true);
        if (!selected) {
            noteFormat.setForeground(
                line.delivery == ChatLine::Delivery::Failed
                    ? NickColor::readableOn(ErrorHue, ErrorSaturation, background)
                    : mix(foreground, background, DimAmount));
        }
        composed.formats.append(formatRange(composed.text.size(), suffix.size(), noteFormat));
        composed.text += suffix;
    }

    // A line break inside a message must not end the paragraph QTextLayout lays out.
    composed.text.replace(u'\n', QChar::LineSeparator);

    QTextCharFormat linkFormat;
    linkFormat.setFontUnderline(true);
    if (!selected)
        linkFormat.setForeground(option.palette.color(group, QPalette::Link));
    composed.links = findLinks(composed.text);
    for (const LinkSpan &link : std::as_const(composed.links))
        composed.formats.append(formatRange(link.start, link.length, linkFormat));

    // Emoji in colour, also those the chat font has in black and white (❤ ✔).
    const QList<EmojiFont::Range> emoji = EmojiFont::find(composed.text);
    if (!emoji.isEmpty()) {
        QTextCharFormat emojiFormat;
        emojiFormat.setFontFamilies(QStringList {EmojiFont::family()});
        for (const EmojiFont::Range &range : emoji)
            composed.formats.append(formatRange(range.start, range.length, emojiFormat));
    }
    // The find bar's hits, in describe()'s text as MessageModel::find() finds them.
    if (!m_findQuery.isEmpty()) {
        const QString described = composed.text.left(composed.described);
        const QList<qsizetype> starts = MessageModel::findIn(described, m_findQuery);
        for (const qsizetype start : starts) {
            const bool current = index.row() == m_findRow && start == m_findStart;
            QColor mark = current ? QColor(255, 140, 0) : QColor(255, 214, 0);
            mark.setAlpha(current ? CurrentFindAlpha : FindAlpha);
            QTextCharFormat format;
            format.setBackground(mark);
            if (current)
                format.setForeground(QColor(0, 0, 0));
            composed.formats.append(formatRange(start, m_findQuery.size(), format));
        }
    }
    // The text the user selected with the mouse, over everything else.
    if (m_selectionFirst >= 0 && index.row() >= m_selectionFirst &&
        index.row() <= m_selectionLast) {
        const qsizetype start = index.row() == m_selectionFirst ? m_selectionStart : 0;
        const qsizetype end =
            index.row() == m_selectionLast ? m_selectionEnd : composed.text.size();
        if (end > start) {
            QTextCharFormat format;
            format.setBackground(option.palette.brush(group, QPalette::Highlight));
            format.setForeground(option.palette.brush(group, QPalette::HighlightedText));
            composed.formats.append(formatRange(start, end - start, format));
        }
    }
    return composed;
}

void MessageDelegate::setTextSelection(int firstRow, qsizetype start, int lastRow, qsizetype end)
{
    m_selectionFirst = firstRow;
    m_selectionStart = start;
    m_selectionLast = lastRow;
    m_selectionEnd = end;
}

MessageDelegate::ShownText MessageDelegate::shownText(const QStyleOptionViewItem &option,
                                                      const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const ComposedLine composed = compose(option, index);
    QString text = composed.text;
    text.replace(QChar::LineSeparator, u'\n');
    return {text, composed.bodyStart};
}

qsizetype MessageDelegate::cursorAt(const QStyleOptionViewItem &fullOption,
                                    const QModelIndex &index, QPoint pos) const
{
    if (!index.isValid())
        return 0;
    const QStyleOptionViewItem option = contentOption(fullOption, index);
    const ComposedLine composed = compose(option, index);
    const QRect body = bodyRect(option);
    if (pos.y() < body.top())
        return 0;
    QTextLayout layout;
    prepareLayout(layout, composed, option);
    layoutLines(layout, body.width());
    const QPointF local = pos - body.topLeft();
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine line = layout.lineAt(i);
        if (local.y() < line.y() + line.height())
            return line.xToCursor(local.x());
    }
    return composed.text.size();
}

int MessageDelegate::dayHeaderHeight(const QFont &font)
{
    return QFontMetrics(font).height() + 2 * DayPadding;
}

QStyleOptionViewItem MessageDelegate::contentOption(const QStyleOptionViewItem &option,
                                                    const QModelIndex &index) const
{
    QStyleOptionViewItem content(option);
    if (index.data(MessageModel::DayRole).toDate().isValid())
        content.rect.setTop(option.rect.top() + dayHeaderHeight(option.font));
    return content;
}

void MessageDelegate::paintDayHeader(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QDate &day) const
{
    const QPalette::ColorGroup group = colorGroup(option);
    const QColor foreground = option.palette.color(group, QPalette::Text);
    const QColor background = option.palette.color(group, QPalette::Base);
    QFont font = option.font;
    font.setWeight(QFont::DemiBold);
    const QFontMetrics metrics(font);
    const QRect band(option.rect.left(), option.rect.top(), option.rect.width(),
                     dayHeaderHeight(option.font));
    // Read at paint time: "Today" becomes "Yesterday" at midnight without a new layout.
    const QString name = MessageModel::dayName(day, QDate::currentDate());
    const int textWidth = metrics.horizontalAdvance(name);
    const int gap = metrics.horizontalAdvance(u' ') * 2;
    const int middle = band.center().y();
    const int textLeft = band.center().x() - textWidth / 2;
    painter->setPen(QPen(mix(foreground, background, 0.75), 1));
    painter->drawLine(band.left() + HorizontalMargin, middle, textLeft - gap, middle);
    painter->drawLine(textLeft + textWidth + gap, middle, band.right() - HorizontalMargin, middle);
    painter->setFont(font);
    painter->setPen(mix(foreground, background, DimAmount));
    painter->drawText(band, Qt::AlignCenter | Qt::TextSingleLine, name);
}

int MessageDelegate::stampColumnWidth(const QFont &font) const
{
    if (m_stampColumnWidth < 0 || font != m_stampFont) {
        // Wide enough for any stamp of the format in this font, and a space: a morning and an
        // afternoon time, their digits all made the widest digit.
        const QFontMetrics metrics(font);
        QChar widest = u'0';
        int digit = 0;
        for (char16_t c = u'0'; c <= u'9'; ++c) {
            if (metrics.horizontalAdvance(QChar(c)) > digit) {
                digit = metrics.horizontalAdvance(QChar(c));
                widest = QChar(c);
            }
        }
        int stamp = 0;
        for (const QTime time : {QTime(10, 0, 0), QTime(22, 0, 0)}) {
            QString sample = time.toString(m_timeFormat);
            for (QChar &c : sample) {
                if (c.isDigit())
                    c = widest;
            }
            stamp = std::max(stamp, metrics.horizontalAdvance(sample));
        }
        m_stampColumnWidth = stamp + metrics.horizontalAdvance(u"  "_s);
        m_stampFont = font;
        m_stamps.clear();
    }
    return m_stampColumnWidth;
}

QRect MessageDelegate::stampRect(const QStyleOptionViewItem &option) const
{
    const QRect inner =
        option.rect.adjusted(HorizontalMargin, VerticalMargin, -HorizontalMargin, -VerticalMargin);
    const QRect logical(inner.topLeft(), QSize(stampColumnWidth(option.font), inner.height()));
    return QStyle::visualRect(option.direction, inner, logical);
}

QRect MessageDelegate::bodyRect(const QStyleOptionViewItem &option) const
{
    const QRect inner =
        option.rect.adjusted(HorizontalMargin, VerticalMargin, -HorizontalMargin, -VerticalMargin);
    const int stamp = stampColumnWidth(option.font);
    const QRect logical = inner.adjusted(stamp, 0, 0, 0);
    return QStyle::visualRect(option.direction, inner, logical);
}

void MessageDelegate::prepareLayout(QTextLayout &layout, const ComposedLine &composed,
                                    const QStyleOptionViewItem &option) const
{
    layout.setText(composed.text);
    layout.setFont(option.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    textOption.setTextDirection(option.direction);
    if (composed.centered)
        textOption.setAlignment(Qt::AlignHCenter);
    layout.setTextOption(textOption);
    layout.setFormats(composed.formats);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &fullOption,
                            const QModelIndex &index) const
{
    if (!index.isValid())
        return;
    painter->save();
    painter->setClipRect(fullOption.rect, Qt::IntersectClip);
    const QDate day = index.data(MessageModel::DayRole).toDate();
    if (day.isValid())
        paintDayHeader(painter, fullOption, day);
    const QStyleOptionViewItem option = contentOption(fullOption, index);

    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group = colorGroup(option);
    if (selected) {
        painter->fillRect(option.rect, option.palette.brush(group, QPalette::Highlight));
    } else if (index.data(MessageModel::MentionRole).toBool()) {
        QColor tint = option.palette.color(group, QPalette::Highlight);
        tint.setAlpha(MentionAlpha);
        painter->fillRect(option.rect, tint);
    }

    const QColor foreground =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor background = option.palette.color(group, QPalette::Base);
    painter->setFont(option.font);
    painter->setPen(selected ? foreground : mix(foreground, background, DimAmount));
    // Markers stand for no moment; a message not stored yet has no server time, so it shows
    // a clock instead of the time it was typed.
    const auto kind = static_cast<ChatLine::Kind>(index.data(MessageModel::KindRole).toInt());
    const auto delivery =
        static_cast<ChatLine::Delivery>(index.data(MessageModel::DeliveryRole).toInt());
    QString stamp;
    if (delivery == ChatLine::Delivery::Pending)
        stamp = u"\u25F7"_s; // ◷
    else if (delivery == ChatLine::Delivery::Failed)
        stamp = u"\u26A0"_s; // ⚠
    else if (kind != ChatLine::Kind::Marker)
        stamp =
            index.data(MessageModel::TimeRole).toDateTime().toLocalTime().toString(m_timeFormat);
    stampColumnWidth(option.font); // drops the prepared stamps if the font changed
    auto it = m_stamps.find(stamp);
    if (it == m_stamps.end()) {
        if (m_stamps.size() >= StampCacheLimit)
            m_stamps.clear();
        QStaticText prepared(stamp);
        prepared.setTextFormat(Qt::PlainText);
        prepared.prepare(QTransform(), option.font);
        it = m_stamps.insert(stamp, prepared);
    }
    const QRect stampArea = stampRect(option);
    const qreal stampX = option.direction == Qt::RightToLeft
        ? stampArea.right() + 1 - it->size().width()
        : stampArea.left();
    painter->drawStaticText(QPointF(stampX, stampArea.top()), *it);

    const ComposedLine composed = compose(option, index);
    const QRect body = bodyRect(option);
    QTextLayout layout;
    prepareLayout(layout, composed, option);
    layoutLines(layout, body.width());
    painter->setPen(foreground);
    layout.draw(painter, body.topLeft());

    if (option.state.testFlag(QStyle::State_HasFocus)) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(option);
        focus.rect = option.rect;
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor =
            option.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);
        const QStyle *style = option.widget ? option.widget->style() : nullptr;
        if (style)
            style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, option.widget);
    }
    painter->restore();
}

int MessageDelegate::viewWidth(const QStyleOptionViewItem &option) const
{
    // The view asks for every row's size on each layout: look the viewport up once.
    if (option.widget != m_lastWidget || !m_lastWidget) {
        m_lastWidget = option.widget;
        const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
        m_lastViewport = view ? view->viewport() : nullptr;
    }
    return m_lastViewport ? m_lastViewport->width() : option.rect.width();
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = viewWidth(option);
    if (!index.isValid())
        return {width, 0};
    const int textWidth = std::max(1, width - 2 * HorizontalMargin - stampColumnWidth(option.font));
    syncCache(index.model(), option.font, textWidth);

    const auto row = static_cast<std::size_t>(index.row());
    if (row >= m_sizes.size())
        m_sizes.resize(row + 1);
    CachedSize &cached = m_sizes[row];
    if (cached.height < 0) {
        if (m_estimating && cached.textEms >= 0 &&
            (index.row() < m_exactFirst || index.row() > m_exactLast)) {
            estimate(cached, option.font, textWidth);
        } else {
            measure(cached, option, index, textWidth);
        }
    }
    return {width, cached.height};
}

void MessageDelegate::measure(CachedSize &cached, const QStyleOptionViewItem &option,
                              const QModelIndex &index, int textWidth) const
{
    const ComposedLine composed = compose(option, index);
    QTextLayout layout;
    prepareLayout(layout, composed, option);
    const qreal height =
        std::max<qreal>(layoutLines(layout, textWidth), QFontMetrics(option.font).height());
    cached.band = index.data(MessageModel::DayRole).toDate().isValid();
    cached.height = qCeil(height) + 2 * VerticalMargin;
    if (cached.band)
        cached.height += dayHeaderHeight(option.font);
    cached.naturalWidth = layout.lineCount() == 1 ? qCeil(layout.lineAt(0).naturalTextWidth()) : -1;
    qreal ink = 0;
    for (int i = 0; i < layout.lineCount(); ++i)
        ink += layout.lineAt(i).naturalTextWidth();
    cached.textEms = static_cast<float>(ink / averageCharWidth(option.font));
    if (cached.estimated) {
        cached.estimated = false;
        --m_estimates;
    }
}

void MessageDelegate::estimate(CachedSize &cached, const QFont &font, int textWidth) const
{
    // The text's width in this font, from its width in the font it was measured in, wrapped
    // with some room lost at the ends of lines. Exact later (refineEstimates()).
    const qreal ink = cached.textEms * averageCharWidth(font);
    const int lines = ink <= textWidth ? 1 : qCeil(ink / (textWidth * WrapFill));
    cached.height = lines * QFontMetrics(font).height() + 2 * VerticalMargin;
    if (cached.band)
        cached.height += dayHeaderHeight(font);
    cached.naturalWidth = -1;
    if (!cached.estimated) {
        cached.estimated = true;
        ++m_estimates;
    }
}

qreal MessageDelegate::averageCharWidth(const QFont &font) const
{
    if (m_averageCharWidth <= 0 || font != m_averageFont) {
        m_averageFont = font;
        m_averageCharWidth = std::max<qreal>(1, QFontMetricsF(font).averageCharWidth());
    }
    return m_averageCharWidth;
}

void MessageDelegate::setEstimating(bool estimating, int exactFirst, int exactLast)
{
    m_estimating = estimating;
    m_exactFirst = exactFirst;
    m_exactLast = exactLast;
}

bool MessageDelegate::refineEstimates(const QStyleOptionViewItem &option,
                                      const QAbstractItemModel *model, int first, int last,
                                      qint64 budgetNs)
{
    if (m_estimates <= 0 || model != m_cachedModel || !model)
        return false;
    const int textWidth = m_cachedWidth;
    if (option.font != m_cachedFont || textWidth < 1)
        return false;
    QElapsedTimer clock;
    clock.start();
    bool changed = false;
    const auto end = std::min<std::size_t>(m_sizes.size(), static_cast<std::size_t>(last) + 1);
    for (auto row = static_cast<std::size_t>(std::max(0, first)); row < end; ++row) {
        CachedSize &cached = m_sizes[row];
        if (!cached.estimated)
            continue;
        const int before = cached.height;
        measure(cached, option, model->index(static_cast<int>(row), 0), textWidth);
        changed = changed || cached.height != before;
        if ((row & 63) == 0 && clock.nsecsElapsed() > budgetNs)
            break;
    }
    return changed;
}

void MessageDelegate::syncCache(const QAbstractItemModel *model, const QFont &font,
                                int textWidth) const
{
    if (model != m_cachedModel)
        watchModel(model);
    if (font != m_cachedFont) {
        // The heights go, the widths of the texts stay: estimate() scales them to the new font.
        m_cachedFont = font;
        for (CachedSize &cached : m_sizes) {
            cached.height = -1;
            cached.naturalWidth = -1;
        }
    }
    if (textWidth != m_cachedWidth) {
        // A line that fitted on one line still does if it is no wider than the new width; only
        // the others need laying out again, which keeps resizing a long log affordable.
        for (CachedSize &cached : m_sizes) {
            if (cached.naturalWidth < 0 || cached.naturalWidth > textWidth)
                cached.height = -1;
        }
        m_cachedWidth = textWidth;
    }
}

void MessageDelegate::watchModel(const QAbstractItemModel *model) const
{
    // Called from the const sizeHint(): the connections only keep the cache in step with the
    // model's rows, they change nothing anyone can see.
    auto *self = const_cast<MessageDelegate *>(this);
    if (m_cachedModel)
        disconnect(m_cachedModel, nullptr, self, nullptr);
    m_cachedModel = model;
    m_sizes.clear();
    m_estimates = 0;
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsInserted, self, &MessageDelegate::onRowsInserted);
    connect(model, &QAbstractItemModel::rowsRemoved, self, &MessageDelegate::onRowsRemoved);
    connect(model, &QAbstractItemModel::dataChanged, self, &MessageDelegate::onDataChanged);
    connect(model, &QAbstractItemModel::modelReset, self, &MessageDelegate::clearCache);
    connect(model, &QAbstractItemModel::layoutChanged, self, &MessageDelegate::clearCache);
    connect(model, &QAbstractItemModel::rowsMoved, self, &MessageDelegate::clearCache);
}

void MessageDelegate::invalidateRow(int row)
{
    if (row >= 0 && static_cast<std::size_t>(row) < m_sizes.size())
        forget(m_sizes[static_cast<std::size_t>(row)]);
}

void MessageDelegate::forget(CachedSize &cached) const
{
    if (cached.estimated)
        --m_estimates;
    cached = CachedSize();
}

// The line below a change may open a day now, or no longer (a page of older history from the
// same day above it): its band comes or goes, so its height is measured again. A marker
// between them has no day, so the next dated line is up to a few rows further down.
void MessageDelegate::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || static_cast<std::size_t>(first) >= m_sizes.size())
        return;
    m_sizes.insert(m_sizes.begin() + first, static_cast<std::size_t>(last - first + 1),
                   CachedSize());
    for (int row = last + 1; row <= last + 3; ++row)
        invalidateRow(row);
}

void MessageDelegate::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || static_cast<std::size_t>(first) >= m_sizes.size())
        return;
    const auto end = std::min(m_sizes.size(), static_cast<std::size_t>(last) + 1);
    for (auto row = static_cast<std::size_t>(first); row < end; ++row)
        forget(m_sizes[row]);
    m_sizes.erase(m_sizes.begin() + first, m_sizes.begin() + static_cast<std::ptrdiff_t>(end));
    for (int row = first; row <= first + 2; ++row)
        invalidateRow(row);
}

void MessageDelegate::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (topLeft.parent().isValid())
        return;
    // A confirmed line gets the server's time, which can put it in another day.
    const auto end = std::min(m_sizes.size(), static_cast<std::size_t>(bottomRight.row()) + 3);
    for (auto row = static_cast<std::size_t>(topLeft.row()); row < end; ++row)
        forget(m_sizes[row]);
}

void MessageDelegate::setFindHighlight(const QString &query, int currentRow, qsizetype currentStart)
{
    m_findQuery = query;
    m_findRow = query.isEmpty() ? -1 : currentRow;
    m_findStart = query.isEmpty() ? -1 : currentStart;
}

QString MessageDelegate::toolTipAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                   QPoint pos) const
{
    if (!index.isValid())
        return {};
    const auto kind = static_cast<ChatLine::Kind>(index.data(MessageModel::KindRole).toInt());
    const QDateTime time = index.data(MessageModel::TimeRole).toDateTime();
    const QStyleOptionViewItem content = contentOption(option, index);
    if (kind == ChatLine::Kind::Marker || time.toMSecsSinceEpoch() <= 0 ||
        !stampRect(content).contains(pos)) {
        return {};
    }
    return MessageModel::fullTime(time.toMSecsSinceEpoch());
}

bool MessageDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !view)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString tip = toolTipAt(option, index, event->pos());
    if (tip.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), tip, view->viewport(),
                       stampRect(contentOption(option, index)));
    return true;
}

void MessageDelegate::clearCache()
{
    m_sizes.clear();
    m_estimates = 0;
}

QList<MessageDelegate::LinkArea> MessageDelegate::linkAreas(const QStyleOptionViewItem &fullOption,
                                                            const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const QStyleOptionViewItem option = contentOption(fullOption, index);
    const ComposedLine composed = compose(option, index);
    if (composed.links.isEmpty())
        return {};
    const QRect body = bodyRect(option);
    QTextLayout layout;
    prepareLayout(layout, composed, option);
    layoutLines(layout, body.width());

    QList<LinkArea> areas;
    for (const LinkSpan &link : composed.links) {
        const auto start = static_cast<int>(link.start);
        const auto end = static_cast<int>(link.start + link.length);
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            const int lineStart = line.textStart();
            const int lineEnd = lineStart + line.textLength();
            if (end <= lineStart || start >= lineEnd)
                continue;
            const qreal x1 = line.cursorToX(std::max(start, lineStart));
            const qreal x2 = line.cursorToX(std::min(end, lineEnd));
            const QRectF rect(QPointF(std::min(x1, x2), line.y()),
                              QPointF(std::max(x1, x2), line.y() + line.height()));
            areas.append({rect.translated(body.topLeft()), link.url});
        }
    }
    return areas;
}

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                             QPoint pos) const
{
    if (!option.rect.contains(pos))
        return {};
    const QList<LinkArea> areas = linkAreas(option, index);
    for (const LinkArea &area : areas) {
        if (area.rect.contains(pos))
            return area.url;
    }
    return {};
}

} // namespace Tagarela
