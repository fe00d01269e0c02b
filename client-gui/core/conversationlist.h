// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace Tagarela {

struct ChatLine;

/*!
 * The conversations beside the room: the room first (index 0, peer empty), then one per
 * person the user exchanged private messages with, in the order they were opened. Each counts
 * its unread lines: live chat from others that arrived while another conversation was shown.
 * History never counts, nor does what the user sent. Names compare ignoring case; a person who
 * renames takes the conversation along.
 */
class ConversationList final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationList)

public:
    struct Conversation
    {
        QString peer; //!< empty: the room
        int unread = 0;
    };

    explicit ConversationList(QObject *parent = nullptr);
    ~ConversationList() override;

    int count() const { return int(m_conversations.size()); }
    const Conversation &at(int index) const { return m_conversations.at(index); }
    /*! The index of the conversation with \a peer (empty: the room, 0), or -1. */
    int indexOf(const QString &peer) const;
    /*! The conversation with \a peer, opened at the end if there is none yet; its index. */
    int open(const QString &peer);
    /*! Closes the conversation at \a index; the room cannot be closed. */
    bool close(int index);
    int current() const { return m_current; }
    QString currentPeer() const { return m_conversations.at(m_current).peer; }
    /*! Shows \a index: its unread count goes back to 0. */
    void setCurrent(int index);
    /*!
     * Files \a line, received or sent by the user called \a me: a private line opens its
     * conversation if need be and counts as unread there unless it is shown. The index.
     */
    int add(const ChatLine &line, const QString &me);
    /*! \a from is now called \a to: its conversation follows. */
    void rename(const QString &from, const QString &to);
    /*! Lines unread in every conversation but the room. */
    int unreadPrivate() const;

Q_SIGNALS:
    void opened(int index);
    void closed(int index);
    /*! The peer or unread count at \a index changed. */
    void changed(int index);
    void currentChanged(int index);

private:
    QList<Conversation> m_conversations;
    int m_current = 0;
};

} // namespace Tagarela
