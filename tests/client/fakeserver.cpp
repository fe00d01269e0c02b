// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeserver.h"

#include <QDateTime>
#include <QTcpSocket>

#include "connection.h"
#include "protocol.h"

namespace Tagarela::TestSupport {

using namespace Qt::StringLiterals;

Message chatMessage(quint64 seq, const QString &from, const QString &text, const QString &clientId)
{
    return Message::chat(from, text, false, 1'767'225'600'000 + qint64(seq) * 1000, seq, clientId);
}

FakeServer::FakeServer(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    connect(&m_listener, &QTcpServer::newConnection, this, &FakeServer::onNewConnection);
}

FakeServer::~FakeServer()
{
    if (m_connection)
        m_connection->disconnect(this);
}

bool FakeServer::listen()
{
    return m_listener.listen(QHostAddress::LocalHost, 0);
}

bool FakeServer::isConnected() const
{
    return m_connection && m_connection->isOpen();
}

QList<Message> FakeServer::says() const
{
    QList<Message> out;
    for (const Received &received : m_received) {
        if (received.message.type == MessageType::Say)
            out.append(received.message);
    }
    return out;
}

void FakeServer::onNewConnection()
{
    while (QTcpSocket *socket = m_listener.nextPendingConnection()) {
        if (m_connection) {
            m_connection->disconnect(this);
            m_connection->abort(ErrorCode::None, {});
        }
        m_received.clear();
        ++m_connections;
        m_connection = new Connection(socket, Connection::Role::Server, this);
        connect(m_connection, &Connection::messageReceived, this, &FakeServer::onMessage);
        connect(m_connection, &Connection::closed, this, [this] {
            if (m_connection)
                m_connection->deleteLater();
            Q_EMIT clientGone();
        });
        m_connection->start();
    }
}

void FakeServer::onMessage(const Message &message)
{
    m_received.append({message, m_clock.elapsed()});
    switch (message.type) {
    case MessageType::Handshake: {
        Message ok = Message::handshakeOk(1, Protocol::DefaultMaxFrame, Protocol::DefaultMaxText, 0,
                                          u"fake"_s);
        ok.historyId = historyId;
        ok.rateMs = rateMs;
        ok.rateBurst = rateBurst;
        ok.features = features;
        send(ok);
        break;
    }
    case MessageType::Hello: {
        m_lastHello = message;
        Message welcome = Message::welcome(message.nick, {message.nick});
        welcome.resume = resumeToken;
        send(welcome);
        if (sendHistory)
            sendHistoryAnswer(history, 0, historyMore);
        Q_EMIT clientJoined();
        break;
    }
    case MessageType::Say:
        if (autoAck && !message.clientId.isEmpty()) {
            const quint64 seq = nextSeq++;
            const qint64 time = QDateTime::currentMSecsSinceEpoch();
            send(Message::ack(message.clientId, seq, time));
            send(Message::chat(m_lastHello.nick, message.text, message.action, time, seq,
                               message.clientId));
        }
        break;
    default:
        break;
    }
    Q_EMIT messageReceived(message);
}

void FakeServer::send(const Message &message)
{
    if (m_connection)
        m_connection->send(message);
}

void FakeServer::sendHistoryAnswer(const QList<Message> &messages, quint64 before, bool more)
{
    qsizetype sent = 0;
    do {
        const QList<Message> frame = messages.mid(sent, historyFrameSize);
        sent += frame.size();
        const bool end = sent >= messages.size();
        send(Message::history(frame, before, end, end && more));
    } while (sent < messages.size());
}

void FakeServer::sendAndClose(const Message &message)
{
    if (!m_connection)
        return;
    m_connection->send(message);
    m_connection->close();
}

void FakeServer::drop()
{
    if (m_connection)
        m_connection->abort(ErrorCode::None, {});
}

} // namespace Tagarela::TestSupport
