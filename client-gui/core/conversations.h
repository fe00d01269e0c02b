// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include "chatline.h"
#include "conversationlist.h"

namespace Tagarela {

class ChatClient;
class IgnoreList;
class MessageModel;

/*!
 * The room's log and one log per private conversation, over one ChatClient: files each line
 * the client reports into its conversation (opening it for a private message received, live
 * or in the history), counts unread lines in the ConversationList, and hides what ignored
 * people say. The room's MessageModel follows the client by itself and is given a filter that
 * keeps private lines and ignored people out of it; each conversation's model is fed here.
 */
class Conversations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Conversations)

public:
    /*! Over \a client and the room's \a room log; \a ignore (may be null) hides people. */
    Conversations(ChatClient *client, MessageModel *room, IgnoreList *ignore,
                  QObject *parent = nullptr);
    ~Conversations() override;

    ConversationList *list() { return &m_list; }
    /*! The log of the conversation at \a index (0: the room). */
    MessageModel *model(int index) const;
    MessageModel *currentModel() const { return model(m_list.current()); }
    /*! Opens (if need be) the conversation with \a nick and makes it current; its index. */
    int openWith(const QString &nick);
    /*! Whether \a line is for the log at all (not from someone ignored). */
    bool shows(const ChatLine &line) const;

private:
    void onLine(const ChatLine &line);
    void onHistory(const QList<ChatLine> &lines);
    void onOutbox(const QList<ChatLine> &lines);
    /*! The conversation \a line goes to (opening it), or -1 for the room or nowhere. */
    int privateIndex(const ChatLine &line, bool count);
    void onOpened(int index);
    void onClosed(int index);

    ChatClient *m_client;
    MessageModel *m_room;
    QPointer<IgnoreList> m_ignore;
    ConversationList m_list;
    QList<MessageModel *> m_models; //!< by index in m_list; [0] is m_room
};

} // namespace Tagarela
