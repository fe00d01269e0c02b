// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagedelegate.h"

#include <algorithm>

#include <QAbstractItemView>
#include <QDateTime>
#include <QFontMetrics>
#include <QPainter>
#include <QRegularExpression>
#include <QStyle>
#include <QTextLayout>
#include <QTextOption>
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
        composed.formats.append(formatRange(0, shownNick.size(), nickFormat));
        break;
    }
    case ChatLine::Kind::Action: {
        const QString shownNick = BidiText::isolated(line.nick);
        composed.text = u"* "_s + shownNick + u' ' + BidiText::isolated(line.text);
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
    return composed;
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

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    if (!index.isValid())
        return;
    painter->save();
    painter->setClipRect(option.rect, Qt::IntersectClip);

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
        const ComposedLine composed = compose(option, index);
        QTextLayout layout;
        prepareLayout(layout, composed, option);
        const qreal height =
            std::max<qreal>(layoutLines(layout, textWidth), QFontMetrics(option.font).height());
        cached.height = qCeil(height) + 2 * VerticalMargin;
        cached.naturalWidth =
            layout.lineCount() == 1 ? qCeil(layout.lineAt(0).naturalTextWidth()) : -1;
    }
    return {width, cached.height};
}

void MessageDelegate::syncCache(const QAbstractItemModel *model, const QFont &font,
                                int textWidth) const
{
    if (model != m_cachedModel)
        watchModel(model);
    if (font != m_cachedFont) {
        m_cachedFont = font;
        m_sizes.clear();
    }
    if (textWidth != m_cachedWidth) {
        // A line that fitted on one line still does if it is no wider than the new width; only
        // the others need laying out again, which keeps resizing a long log affordable.
        for (CachedSize &cached : m_sizes) {
            if (cached.naturalWidth < 0 || cached.naturalWidth > textWidth)
                cached = CachedSize();
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
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsInserted, self, &MessageDelegate::onRowsInserted);
    connect(model, &QAbstractItemModel::rowsRemoved, self, &MessageDelegate::onRowsRemoved);
    connect(model, &QAbstractItemModel::dataChanged, self, &MessageDelegate::onDataChanged);
    connect(model, &QAbstractItemModel::modelReset, self, &MessageDelegate::clearCache);
    connect(model, &QAbstractItemModel::layoutChanged, self, &MessageDelegate::clearCache);
    connect(model, &QAbstractItemModel::rowsMoved, self, &MessageDelegate::clearCache);
}

void MessageDelegate::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || static_cast<std::size_t>(first) >= m_sizes.size())
        return;
    m_sizes.insert(m_sizes.begin() + first, static_cast<std::size_t>(last - first + 1),
                   CachedSize());
}

void MessageDelegate::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || static_cast<std::size_t>(first) >= m_sizes.size())
        return;
    const auto end = std::min(m_sizes.size(), static_cast<std::size_t>(last) + 1);
    m_sizes.erase(m_sizes.begin() + first, m_sizes.begin() + static_cast<std::ptrdiff_t>(end));
}

void MessageDelegate::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (topLeft.parent().isValid())
        return;
    const auto end = std::min(m_sizes.size(), static_cast<std::size_t>(bottomRight.row()) + 1);
    for (auto row = static_cast<std::size_t>(topLeft.row()); row < end; ++row)
        m_sizes[row] = CachedSize();
}

void MessageDelegate::clearCache()
{
    m_sizes.clear();
}

QList<MessageDelegate::LinkArea> MessageDelegate::linkAreas(const QStyleOptionViewItem &option,
                                                            const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
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
