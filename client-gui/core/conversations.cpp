// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversations.h"

#include <QHash>

#include "chatclient.h"
#include "ignorelist.h"
#include "messagemodel.h"

namespace Tagarela {

Conversations::Conversations(ChatClient *client, MessageModel *room, IgnoreList *ignore,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_room(room)
    , m_ignore(ignore)
    , m_models({room})
{
    m_room->setLineFilter(
        [this](const ChatLine &line) { return !line.isPrivate() && shows(line); });
    connect(&m_list, &ConversationList::opened, this, &Conversations::onOpened);
    connect(&m_list, &ConversationList::closed, this, &Conversations::onClosed);
    connect(client, &ChatClient::lineReceived, this, &Conversations::onLine);
    connect(client, &ChatClient::historyReceived, this, &Conversations::onHistory);
    connect(client, &ChatClient::outboxOpened, this, &Conversations::onOutbox);
    // Acks and failures name a client-id: each private log looks for it.
    connect(client, &ChatClient::messageAcknowledged, this,
            [this](const QString &clientId, quint64 seq, qint64 time) {
                for (qsizetype i = 1; i < m_models.size(); ++i)
                    m_models.at(i)->confirm(clientId, seq, time);
            });
    connect(client, &ChatClient::messageFailed, this,
            [this](const QString &clientId, const QString &reason) {
                for (qsizetype i = 1; i < m_models.size(); ++i)
                    m_models.at(i)->setDelivery(clientId, ChatLine::Delivery::Failed, reason);
            });
    connect(client, &ChatClient::messageDelayed, this,
            [this](const QString &clientId, const QString &note) {
                for (qsizetype i = 1; i < m_models.size(); ++i)
                    m_models.at(i)->setDelivery(clientId, ChatLine::Delivery::Pending, note);
            });
    connect(client, &ChatClient::historyReset, this, [this] {
        for (qsizetype i = 1; i < m_models.size(); ++i)
            m_models.at(i)->startSequence();
    });
}

Conversations::~Conversations() = default;

MessageModel *Conversations::model(int index) const
{
    return index >= 0 && index < m_models.size() ? m_models.at(index) : nullptr;
}

int Conversations::openWith(const QString &nick)
{
    const int index = m_list.open(nick);
    m_list.setCurrent(index);
    return index;
}

bool Conversations::shows(const ChatLine &line) const
{
    return !m_ignore || !m_ignore->hides(line, m_client->nick());
}

int Conversations::privateIndex(const ChatLine &line, bool count)
{
    if (!shows(line))
        return -1;
    if (!line.isPrivate()) {
        if (count)
            m_list.add(line, m_client->nick());
        return -1;
    }
    if (count)
        return m_list.add(line, m_client->nick());
    return m_list.open(line.peer(m_client->nick()));
}

void Conversations::onLine(const ChatLine &line)
{
    // Someone renamed: their conversation goes on under the new name.
    if (line.kind == ChatLine::Kind::Renamed)
        m_list.rename(line.nick, line.text);
    const int index = privateIndex(line, true);
    if (index > 0)
        m_models.at(index)->append(line);
}

void Conversations::onHistory(const QList<ChatLine> &lines)
{
    // One insertion per conversation, as the room's log takes its share.
    QHash<int, QList<ChatLine>> byConversation;
    for (const ChatLine &line : lines) {
        const int index = privateIndex(line, false);
        if (index > 0)
            byConversation[index].append(line);
    }
    for (auto it = byConversation.cbegin(); it != byConversation.cend(); ++it)
        m_models.at(it.key())->append(it.value());
}

void Conversations::onOutbox(const QList<ChatLine> &lines)
{
    QHash<int, QList<ChatLine>> byConversation;
    for (const ChatLine &line : lines) {
        const int index = privateIndex(line, false);
        if (index > 0)
            byConversation[index].append(line);
    }
    for (qsizetype i = 1; i < m_models.size(); ++i)
        m_models.at(i)->replaceOutgoing(byConversation.value(int(i)));
}

void Conversations::onOpened(int index)
{
    auto *model = new MessageModel(this);
    model->setLineFilter([this](const ChatLine &line) { return shows(line); });
    m_models.insert(index, model);
}

void Conversations::onClosed(int index)
{
    if (index <= 0 || index >= m_models.size())
        return;
    m_models.takeAt(index)->deleteLater();
}

} // namespace Tagarela
