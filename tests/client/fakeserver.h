// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include "message.h"

namespace Tagarela {

class Connection;

namespace TestSupport {

/*!
 * A scripted server for the client's protocol logic: it answers the handshake and hello as
 * told (history-id, rate, resume token, the history answer), records what the client sends,
 * and lets the test send anything, precisely when it wants: gaps, duplicates, acks out of
 * order. One client connection at a time; a new one replaces the old.
 */
class FakeServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeServer)

public:
    struct Received
    {
        Message message;
        qint64 atMs = 0; //!< when it arrived, on the server's clock
    };

    explicit FakeServer(QObject *parent = nullptr);
    ~FakeServer() override;

    [[nodiscard]] bool listen();
    quint16 port() const { return m_listener.serverPort(); }

    // What the next handshake and hello are answered with.
    QString historyId = QStringLiteral("history-1");
    int rateMs = 0;
    int rateBurst = 0;
    QStringList features; //!< none: a server older than private messages and search
    QString resumeToken = QStringLiteral("token-1");
    QList<Message> history; //!< the answer to the next hello (oldest first)
    bool historyMore = false;
    int historyFrameSize = 2; //!< messages per history frame, to exercise multi-frame answers
    bool sendHistory = true; //!< false: an older server, no history answer
    /*! Answers every say with a client-id by ack and chat, numbering from nextSeq. */
    bool autoAck = false;
    quint64 nextSeq = 1;

    /*! Everything received on the current connection, pings and pongs excepted. */
    const QList<Received> &received() const { return m_received; }
    /*! The says received on the current connection. */
    QList<Message> says() const;
    /*! The last hello received. */
    Message lastHello() const { return m_lastHello; }
    int connectionCount() const { return m_connections; }
    bool isConnected() const;

    void send(const Message &message);
    /*! Sends a history answer in frames of historyFrameSize; \a before 0: to a hello. */
    void sendHistoryAnswer(const QList<Message> &messages, quint64 before, bool more);
    /*! Sends \a message (a bye), then closes the connection. */
    void sendAndClose(const Message &message);
    /*! Cuts the current connection at once. */
    void drop();

Q_SIGNALS:
    void messageReceived(const Tagarela::Message &message);
    void clientJoined();
    void clientGone();

private:
    void onNewConnection();
    void onMessage(const Message &message);

    QTcpServer m_listener;
    QPointer<Connection> m_connection;
    QList<Received> m_received;
    Message m_lastHello;
    QElapsedTimer m_clock;
    int m_connections = 0;
};

/*! A chat message as the server would send it. */
Message chatMessage(quint64 seq, const QString &from, const QString &text,
                    const QString &clientId = {});

} // namespace TestSupport
} // namespace Tagarela
