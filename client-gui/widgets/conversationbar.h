// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTabBar>

namespace Tagarela {

class ConversationList;

/*!
 * The conversations as tabs over the log: the room first, then one per person, each with its
 * unread count ("bia (2)"). Choosing a tab makes its conversation current; a private one can
 * be closed. Hidden while the room is the only conversation.
 */
class ConversationBar final : public QTabBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationBar)

public:
    explicit ConversationBar(ConversationList *list, QWidget *parent = nullptr);
    ~ConversationBar() override;

private:
    void rebuild();
    void updateTab(int index);

    ConversationList *m_list;
    bool m_syncing = false; //!< the tabs are being made to match the list
};

} // namespace Tagarela
