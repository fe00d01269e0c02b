// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QTimer>

#include "chatroom.h"
#include "serverconfig.h"

namespace Tagarela {

class ClientSession;

/*!
 * The listener: accepts connections, applies the connection limits, and hands each one to a
 * ClientSession in the one room. Also what the console acts on (who, kick, shut down).
 */
class ChatServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatServer)

public:
    explicit ChatServer(const ServerConfig &config, QObject *parent = nullptr);
    ~ChatServer() override;

    /*! Opens the message history (listen() does if needed). False, with errorString(). */
    [[nodiscard]] bool openHistory();
    /*!
     * Opens the history if needed and starts listening. False, with errorString(), if the
     * history cannot be opened or the address cannot be bound.
     */
    [[nodiscard]] bool listen();
    QString errorString() const { return m_errorString; }
    quint16 serverPort() const { return m_listener.serverPort(); }
    QHostAddress serverAddress() const { return m_listener.serverAddress(); }

    ChatRoom &room() { return m_room; }
    const ServerConfig &config() const { return m_config; }
    /*! Connections open now, joined or not. */
    int connectionCount() const { return int(m_sessions.size()); }
    /*! "nick  address" for each member, for the console's /who. */
    QStringList describeMembers() const;

    /*! Kicks \a nick. False if nobody has that nickname. */
    bool kick(const QString &nick, const QString &reason);
    /*!
     * Stops accepting, tells every client the server is going down, and emits shutDownFinished()
     * once every connection is closed (or after a few seconds, for peers that do not read).
     */
    void shutDown();

Q_SIGNALS:
    void shutDownFinished();

private:
    void onNewConnection();
    void onSessionFinished(ClientSession *session);
    void finishShutDownIfIdle();

    ServerConfig m_config;
    QTcpServer m_listener;
    ChatRoom m_room;
    QSet<ClientSession *> m_sessions;
    QHash<QHostAddress, int> m_perAddress;
    int m_rejecting = 0;
    bool m_shuttingDown = false;
    QTimer m_shutDownTimer;
    QString m_errorString;
};

} // namespace Tagarela
