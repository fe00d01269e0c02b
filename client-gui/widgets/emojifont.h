// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QList>
#include <QString>
#include <QStringView>

namespace Tagarela::EmojiFont {

/*! Where emoji are in a text: the UTF-16 units of one or more whole emoji. */
struct Range
{
    qsizetype start = 0;
    qsizetype length = 0;
    friend bool operator==(const Range &a, const Range &b)
    {
        return a.start == b.start && a.length == b.length;
    }
};

/*! The colour emoji family (Noto Color Emoji, from fonts-noto-color-emoji). */
QString family();
/*! Whether the colour emoji family is installed. */
bool isInstalled();

/*!
 * The emoji in \a text, each a whole grapheme (so 🏳️‍🌈, a skin tone or a keycap is one):
 * characters drawn as emoji by default (😀 ☕), and those with a text form that chat shows as
 * emoji anyway (❤ ✔ ☺, U+2600 and above) unless followed by the text selector U+FE0E.
 * Digits, #, © and ™ count only with U+FE0F or a keycap.
 */
QList<Range> find(QStringView text);

/*!
 * \a text without the emoji selector U+FE0F, for drawing. Qt 6.4 shapes each character in the
 * first font that has it, and the emoji font has no U+FE0F: the selector went to another font
 * and split 🏳️‍🌈 into 🏳 and 🌈. Without it the sequence stays in the emoji font,
 * whose ligatures do not need it; find() counts the characters as emoji all the same.
 */
QString shaped(const QString &text);

/*!
 * \a font with the colour emoji family after its own: the fallback for emoji that the
 * font has no glyph for. Emoji that the font does have in black and white (❤) need a format
 * of their own as well (find(), MessageDelegate, EmojiHighlighter).
 */
QFont withFallback(const QFont &font);

} // namespace Tagarela::EmojiFont
