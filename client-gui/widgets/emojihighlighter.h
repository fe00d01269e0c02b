// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>

namespace Tagarela {

/*!
 * Draws the emoji being typed in the colour emoji font (EmojiFont), also those the input's
 * font has in black and white (❤ ✔): the input shows them as the log will.
 */
class EmojiHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmojiHighlighter)

public:
    explicit EmojiHighlighter(QTextDocument *document);
    ~EmojiHighlighter() override;

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace Tagarela
