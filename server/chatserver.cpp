// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatserver.h"

#include <QHostInfo>
#include <QTcpSocket>

#include "clientsession.h"
#include "connection.h"
#include "roommember.h"
#include "serverlogging.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {
// Connections over the limits are kept just long enough to be told why; beyond this many at
// once they are cut off without a word, so a connection flood cannot grow the server.
constexpr int MaxRejecting = 64;
// How long a shutdown waits for clients to take their goodbye.
constexpr int ShutDownGraceMs = 3000;
} // namespace

ChatServer::ChatServer(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_room(m_config)
{
    // Resolved once here rather than by every session that greets a client.
    if (m_config.serverName.isEmpty())
        m_config.serverName = QHostInfo::localHostName();
    m_room.setLogChatText(!config.quiet);
    connect(&m_listener, &QTcpServer::pendingConnectionAvailable, this,
            &ChatServer::onNewConnection);
    m_shutDownTimer.setSingleShot(true);
    connect(&m_shutDownTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcServer) << "Some clients did not close in time; closing anyway";
        const QSet<ClientSession *> left = m_sessions;
        for (ClientSession *session : left)
            session->connection()->abort(ErrorCode::Shutdown, {});
        Q_EMIT shutDownFinished();
    });
}

ChatServer::~ChatServer()
{
    // Sessions are children; make them leave while the room still exists.
    const QSet<ClientSession *> sessions = m_sessions;
    for (ClientSession *session : sessions)
        delete session;
}

bool ChatServer::openHistory()
{
    if (m_room.log().isOpen())
        return true;
    if (!m_room.openHistory()) {
        m_errorString = m_room.historyError();
        return false;
    }
    qCInfo(lcServer).noquote()
        << tr("History: %1; last message number %2")
               .arg(m_config.dataDir.isEmpty()
                        ? tr("in memory only")
                        : (m_config.noHistory ? tr("not kept (numbers in %1)").arg(m_config.dataDir)
                                              : m_config.dataDir))
               .arg(m_room.log().lastSeq());
    return true;
}

bool ChatServer::listen()
{
    if (!openHistory())
        return false;
    m_listener.setMaxPendingConnections(1024);
    // Qt's default backlog of 50 overflows when many clients arrive at once (everyone
    // reconnecting after a restart): the kernel then drops their SYNs and they wait seconds
    // to retry. The kernel caps this at net.core.somaxconn.
    m_listener.setListenBacklogSize(1024);
    if (m_listener.listen(m_config.bindAddress, m_config.port))
        return true;
    // A machine without IPv6 cannot bind the dual-stack "any" address: fall back to IPv4.
    if (m_config.bindAddress == QHostAddress(QHostAddress::Any) &&
        m_listener.serverError() == QAbstractSocket::UnsupportedSocketOperationError &&
        m_listener.listen(QHostAddress::AnyIPv4, m_config.port)) {
        return true;
    }
    m_errorString = m_listener.errorString();
    return false;
}

void ChatServer::onNewConnection()
{
    while (m_listener.hasPendingConnections()) {
        QTcpSocket *socket = m_listener.nextPendingConnection();
        if (m_shuttingDown) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        const QHostAddress address = Connection::plainAddress(socket->peerAddress());
        ClientSession::Rejection rejection = ClientSession::Rejection::None;
        const int open = connectionCount() - m_rejecting;
        if (m_config.maxClients > 0 && open >= m_config.maxClients)
            rejection = ClientSession::Rejection::ServerFull;
        else if (m_config.maxPerIp > 0 && m_perAddress.value(address) >= m_config.maxPerIp)
            rejection = ClientSession::Rejection::TooManyConnections;

        if (rejection != ClientSession::Rejection::None) {
            if (m_rejecting >= MaxRejecting) {
                socket->abort();
                socket->deleteLater();
                continue;
            }
            ++m_rejecting;
        } else {
            ++m_perAddress[address];
        }
        auto *session = new ClientSession(socket, &m_room, m_config, rejection, this);
        m_sessions.insert(session);
        connect(session, &ClientSession::finished, this, &ChatServer::onSessionFinished);
        qCDebug(lcServer).noquote() << "Connection from" << session->address();
        session->start();
    }
}

void ChatServer::onSessionFinished(ClientSession *session)
{
    if (!m_sessions.remove(session))
        return;
    if (session->isRejected()) {
        --m_rejecting;
    } else {
        const QHostAddress address = session->peerAddress();
        if (--m_perAddress[address] <= 0)
            m_perAddress.remove(address);
    }
    session->deleteLater();
    finishShutDownIfIdle();
}

QStringList ChatServer::describeMembers() const
{
    QStringList lines;
    const QStringList nicks = m_room.nicks();
    for (const QString &nick : nicks)
        lines.append(nick + u"  "_s + m_room.find(nick)->address());
    return lines;
}

bool ChatServer::kick(const QString &nick, const QString &reason)
{
    RoomMember *member = m_room.find(nick);
    if (!member)
        return false;
    for (ClientSession *session : std::as_const(m_sessions)) {
        if (session == member) {
            session->kick(reason);
            return true;
        }
    }
    return false;
}

void ChatServer::shutDown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_listener.close();
    qCInfo(lcServer) << "Shutting down: telling" << m_sessions.size() << "client(s)";
    const QSet<ClientSession *> sessions = m_sessions;
    for (ClientSession *session : sessions)
        session->shutDown();
    m_shutDownTimer.start(ShutDownGraceMs);
    finishShutDownIfIdle();
}

void ChatServer::finishShutDownIfIdle()
{
    if (m_shuttingDown && m_sessions.isEmpty() && m_shutDownTimer.isActive()) {
        m_shutDownTimer.stop();
        Q_EMIT shutDownFinished();
    }
}

} // namespace Tagarela
