// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emojihighlighter.h"

#include <QTextCharFormat>

#include "emojifont.h"

namespace Tagarela {

EmojiHighlighter::EmojiHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{ }

EmojiHighlighter::~EmojiHighlighter() = default;

void EmojiHighlighter::highlightBlock(const QString &text)
{
    const QList<EmojiFont::Range> ranges = EmojiFont::find(text);
    if (ranges.isEmpty())
        return;
    QTextCharFormat format;
    format.setFontFamilies(QStringList {EmojiFont::family()});
    for (const EmojiFont::Range &range : ranges)
        setFormat(static_cast<int>(range.start), static_cast<int>(range.length), format);
}

} // namespace Tagarela
