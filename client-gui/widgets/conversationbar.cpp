// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationbar.h"

#include "conversationlist.h"

namespace Tagarela {

ConversationBar::ConversationBar(ConversationList *list, QWidget *parent)
    : QTabBar(parent)
    , m_list(list)
{
    setObjectName(QStringLiteral("conversations"));
    setAccessibleName(tr("Conversations"));
    setDocumentMode(true);
    setTabsClosable(true);
    setExpanding(false);
    setFocusPolicy(Qt::NoFocus);
    connect(m_list, &ConversationList::opened, this, [this] { rebuild(); });
    connect(m_list, &ConversationList::closed, this, [this] { rebuild(); });
    connect(m_list, &ConversationList::changed, this, &ConversationBar::updateTab);
    connect(m_list, &ConversationList::currentChanged, this, [this](int index) {
        m_syncing = true;
        setCurrentIndex(index);
        m_syncing = false;
    });
    connect(this, &QTabBar::currentChanged, this, [this](int index) {
        if (!m_syncing)
            m_list->setCurrent(index);
    });
    connect(this, &QTabBar::tabCloseRequested, m_list, &ConversationList::close);
    rebuild();
}

ConversationBar::~ConversationBar() = default;

void ConversationBar::rebuild()
{
    m_syncing = true;
    while (count() > m_list->count())
        removeTab(count() - 1);
    while (count() < m_list->count())
        addTab(QString());
    for (int i = 0; i < count(); ++i)
        updateTab(i);
    // The room stays: no close button on it.
    setTabButton(0, QTabBar::RightSide, nullptr);
    setTabButton(0, QTabBar::LeftSide, nullptr);
    setCurrentIndex(m_list->current());
    m_syncing = false;
    setVisible(m_list->count() > 1);
}

void ConversationBar::updateTab(int index)
{
    if (index < 0 || index >= count())
        return;
    const auto &conversation = m_list->at(index);
    const QString name = conversation.peer.isEmpty() ? tr("Room") : conversation.peer;
    setTabText(index,
               conversation.unread > 0 ? tr("%1 (%2)").arg(name).arg(conversation.unread) : name);
    setTabToolTip(index,
                  conversation.peer.isEmpty()
                      ? tr("Everyone in the room")
                      : tr("Private conversation with %1").arg(conversation.peer));
}

} // namespace Tagarela
