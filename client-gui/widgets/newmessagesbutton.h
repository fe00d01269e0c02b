// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolButton>

namespace Tagarela {

/*!
 * The button that floats over the bottom corner of the log while the user reads further up
 * and new messages arrive below: "3 new messages, 1 mention ↓". Clicking it goes to the
 * latest (the view connects clicked()). Hidden while there is nothing new.
 */
class NewMessagesButton final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewMessagesButton)

public:
    explicit NewMessagesButton(QWidget *parent = nullptr);
    ~NewMessagesButton() override;

    /*! Shows the counts (then place() it), or hides the button when \a count is 0. */
    void setCounts(int count, int mentions);
    int count() const { return m_count; }
    int mentions() const { return m_mentions; }

    /*! Puts the button in the bottom trailing corner of \a area, in its parent's coordinates. */
    void place(const QRect &area);

private:
    int m_count = 0;
    int m_mentions = 0;
};

} // namespace Tagarela
