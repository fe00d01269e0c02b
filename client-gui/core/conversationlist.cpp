// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationlist.h"

#include "chatline.h"

namespace Tagarela {

ConversationList::ConversationList(QObject *parent)
    : QObject(parent)
    , m_conversations({Conversation {}})
{ }

ConversationList::~ConversationList() = default;

int ConversationList::indexOf(const QString &peer) const
{
    if (peer.isEmpty())
        return 0;
    for (int i = 1; i < count(); ++i) {
        if (m_conversations.at(i).peer.compare(peer, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

int ConversationList::open(const QString &peer)
{
    const int found = indexOf(peer);
    if (found >= 0)
        return found;
    m_conversations.append(Conversation {peer, 0});
    Q_EMIT opened(count() - 1);
    return count() - 1;
}

bool ConversationList::close(int index)
{
    if (index <= 0 || index >= count())
        return false;
    if (m_current == index)
        setCurrent(index - 1);
    else if (m_current > index)
        --m_current;
    m_conversations.removeAt(index);
    Q_EMIT closed(index);
    return true;
}

void ConversationList::setCurrent(int index)
{
    if (index < 0 || index >= count())
        return;
    const bool moved = index != m_current;
    m_current = index;
    if (m_conversations.at(index).unread != 0) {
        m_conversations[index].unread = 0;
        Q_EMIT changed(index);
    }
    if (moved)
        Q_EMIT currentChanged(index);
}

int ConversationList::add(const ChatLine &line, const QString &me)
{
    const QString peer = line.peer(me);
    const int index = peer.isEmpty() ? 0 : open(peer);
    const bool fromOthers =
        (line.kind == ChatLine::Kind::Chat || line.kind == ChatLine::Kind::Action) &&
        !line.history && line.nick.compare(me, Qt::CaseInsensitive) != 0;
    if (fromOthers && index != m_current) {
        ++m_conversations[index].unread;
        Q_EMIT changed(index);
    }
    return index;
}

void ConversationList::rename(const QString &from, const QString &to)
{
    const int index = indexOf(from);
    if (index <= 0 || indexOf(to) >= 0)
        return;
    m_conversations[index].peer = to;
    Q_EMIT changed(index);
}

int ConversationList::unreadPrivate() const
{
    int unread = 0;
    for (int i = 1; i < count(); ++i)
        unread += m_conversations.at(i).unread;
    return unread;
}

} // namespace Tagarela
