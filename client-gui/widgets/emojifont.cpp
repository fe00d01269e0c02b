// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emojifont.h"

#include <algorithm>

#include <QFontDatabase>
#include <QFontInfo>
#include <QTextBoundaryFinder>

#include <unicode/uchar.h>

namespace Tagarela::EmojiFont {

using namespace Qt::StringLiterals;

namespace {

constexpr char32_t TextSelector = 0xFE0E;
constexpr char32_t EmojiSelector = 0xFE0F;
constexpr char32_t Keycap = 0x20E3;
constexpr char32_t ZeroWidthJoiner = 0x200D;
constexpr char32_t FirstChatEmoji = 0x2600; // below: arrows, ©, ™, ‼ stay text

// The cheap test that lets most lines skip the grapheme walk: emoji all lie above U+2300
// (surrogates included), except digits, # and * with a keycap, which need U+20E3 or U+FE0F
// anyway.
bool mayHoldEmoji(QStringView text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x20E3; });
}

bool isEmoji(QStringView cluster)
{
    bool first = true;
    bool pictographic = false;
    bool joined = false;
    const QList<uint> codePoints = cluster.toUcs4();
    for (const uint point : codePoints) {
        const auto c = static_cast<char32_t>(point);
        if (c == TextSelector)
            return false;
        if (c == EmojiSelector || c == Keycap)
            pictographic = true;
        if (c == ZeroWidthJoiner)
            joined = true;
        const auto code = static_cast<UChar32>(c);
        if (first) {
            first = false;
            if (u_hasBinaryProperty(code, UCHAR_EMOJI_PRESENTATION) ||
                (c >= FirstChatEmoji && u_hasBinaryProperty(code, UCHAR_EMOJI))) {
                pictographic = true;
            }
        } else if (joined && u_hasBinaryProperty(code, UCHAR_EXTENDED_PICTOGRAPHIC)) {
            pictographic = true;
        }
    }
    return pictographic;
}

} // namespace

QString family()
{
    return u"Noto Color Emoji"_s;
}

bool isInstalled()
{
    return QFontDatabase::hasFamily(family());
}

QString shaped(const QString &text)
{
    if (!text.contains(QChar(EmojiSelector)))
        return text;
    QString result = text;
    result.remove(QChar(EmojiSelector));
    return result;
}

QList<Range> find(QStringView text)
{
    QList<Range> ranges;
    if (!mayHoldEmoji(text))
        return ranges;
    const QString copy = text.toString();
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, copy);
    qsizetype start = 0;
    for (qsizetype end = graphemes.toNextBoundary(); end >= 0; end = graphemes.toNextBoundary()) {
        if (end > start && isEmoji(text.mid(start, end - start))) {
            if (!ranges.isEmpty() && ranges.last().start + ranges.last().length == start)
                ranges.last().length += end - start;
            else
                ranges.append({start, end - start});
        }
        start = end;
    }
    return ranges;
}

QFont withFallback(const QFont &font)
{
    QFont result = font;
    // An alias such as "Sans Serif" is no family of its own: the first real family in the list
    // would be the emoji one, and digits and spaces would come from it. The font it resolves
    // to goes first.
    QStringList families = font.families();
    if (families.isEmpty())
        families.append(font.family());
    const QString resolved = QFontInfo(font).family();
    if (!families.contains(resolved))
        families.prepend(resolved);
    if (!families.contains(family()))
        families.append(family());
    result.setFamilies(families);
    return result;
}

} // namespace Tagarela::EmojiFont
