// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "newmessagesbutton.h"

#include <QStyle>

#include "newmessagecounter.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

constexpr int Margin = 12; // from the corner of the log

} // namespace

NewMessagesButton::NewMessagesButton(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(u"newMessagesButton"_s);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAutoRaise(false);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::NoFocus); // the focus stays in the input while the user types
    setToolTip(tr("Go to the latest messages"));
    // Over the text of the log: a solid button in the selection colours stands out from it.
    setStyleSheet(u"QToolButton { background: palette(highlight); color: palette(highlighted-text);"
                  " border: none; border-radius: 10px; padding: 4px 10px; font-weight: bold; }"_s);
    hide();
}

NewMessagesButton::~NewMessagesButton() = default;

void NewMessagesButton::setCounts(int count, int mentions)
{
    m_count = count;
    m_mentions = mentions;
    if (count <= 0) {
        hide();
        return;
    }
    setText(NewMessageCounter::label(count, mentions));
    setAccessibleName(text());
    adjustSize();
    show();
    raise();
}

void NewMessagesButton::place(const QRect &area)
{
    const QSize size = sizeHint();
    const QRect logical(area.right() - Margin - size.width() + 1,
                        area.bottom() - Margin - size.height() + 1, size.width(), size.height());
    setGeometry(QStyle::visualRect(layoutDirection(), area, logical));
}

} // namespace Tagarela
