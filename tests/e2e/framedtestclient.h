// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include "message.h"

namespace Tagarela {

class Connection;

/*! Conditions on a received message, for FramedTestClient::waitFor(). */
namespace Match {
using Predicate = std::function<bool(const Message &)>;
Predicate text(const QString &text);
Predicate nick(const QString &nick);
Predicate from(const QString &from);
Predicate code(ErrorCode code);
} // namespace Match

/*!
 * A framed client for end-to-end tests: a real Connection in the client role, over a socket
 * to 127.0.0.1. It records every message it receives, in order, and how the connection closed.
 * Its Connection answers the server's pings by itself. Waits run the event loop, bounded by a
 * timeout, so the server under test may live in the same thread.
 */
class FramedTestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramedTestClient)

public:
    static constexpr int DefaultTimeoutMs = 5000;

    explicit FramedTestClient(quint16 port, QObject *parent = nullptr);
    ~FramedTestClient() override;

    /*!
     * Connects over TLS, accepting \a serverCertificate (self-signed) and nothing else. Call
     * before connecting.
     */
    void setTls(const QSslCertificate &serverCertificate);
    /*! The password handshake() offers. */
    void setPassword(const QString &password) { m_password = password; }
    /*! True once the TLS handshake is done. */
    bool isEncrypted() const;

    /*! Connects and sends the magic. False if not connected in time. */
    [[nodiscard]] bool connectToServer(int timeoutMs = DefaultTimeoutMs);
    /*! Connects if needed, offers Protocol::supportedVersions(), waits for handshake-ok. */
    [[nodiscard]] bool handshake(int timeoutMs = DefaultTimeoutMs);
    /*!
     * Handshakes if needed, says hello as \a nick and waits for welcome and the history answer
     * after it (true) or an error.
     */
    [[nodiscard]] bool join(const QString &nick, int timeoutMs = DefaultTimeoutMs);
    /*! join() with a hello of the test's own making (resume, after, limit). */
    [[nodiscard]] bool join(const Message &hello, int timeoutMs = DefaultTimeoutMs);

    void send(const Message &message);
    /*! Writes \a bytes as they are, for malformed frames. */
    void sendBytes(const QByteArray &bytes);
    void say(const QString &text, bool action = false);
    /*! Says \a text with a client-id. */
    void say(const QString &text, const QString &clientId);
    /*!
     * Pings the server, in the same write as whatever else this turn sends. The pong, when
     * it comes, is recorded in messages() (a Pong) in the order it arrived among the rest.
     */
    void ping();
    /*! Pings the server and waits for its pong (the server answers pings at any time). */
    [[nodiscard]] bool pingAndWait(int timeoutMs = DefaultTimeoutMs);
    /*! Closes the connection from this side, without a quit message. */
    void disconnectFromServer();

    const QList<Message> &messages() const { return m_messages; }
    /*! Forgets what was received so far (its memory too); counts start again from zero. */
    void forgetMessages() { m_messages = {}; }
    /*! Received messages of \a type that satisfy \a predicate (all of them without one). */
    QList<Message> received(MessageType type, const Match::Predicate &predicate = {}) const;
    int count(MessageType type, const Match::Predicate &predicate = {}) const;
    /*! The first message of \a type satisfying \a predicate, waiting for it if need be. */
    std::optional<Message> waitFor(MessageType type, const Match::Predicate &predicate = {},
                                   int timeoutMs = DefaultTimeoutMs);
    /*! Waits until \a count messages of \a type satisfying \a predicate have arrived. */
    [[nodiscard]] bool waitForCount(MessageType type, int count,
                                    const Match::Predicate &predicate = {},
                                    int timeoutMs = DefaultTimeoutMs);
    /*! The texts of the chat messages received, in order. */
    QStringList chatTexts() const;

    /*! The nickname the server gave in welcome, or the last renamed to it. */
    QString nick() const { return m_nick; }
    bool isConnected() const { return m_connected && !m_closed; }
    bool isClosed() const { return m_closed; }
    [[nodiscard]] bool waitForClosed(int timeoutMs = DefaultTimeoutMs);
    ErrorCode closedCode() const { return m_closedCode; }
    /*! The client's Connection (to ping(), and watch latencyMeasured()); null before connecting. */
    Connection *connection() const;
    QString closedDetail() const { return m_closedDetail; }

Q_SIGNALS:
    void connected();
    void messageReceived(const Tagarela::Message &message);
    void closed();

private:
    // Runs the event loop until done() holds, checking it whenever something arrives.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);
    void onMessage(const Message &message);
    void onClosed(ErrorCode code, const QString &detail);

    quint16 m_port;
    QSslCertificate m_tlsCertificate;
    bool m_tls = false;
    QString m_password;
    QPointer<Connection> m_connection;
    QList<Message> m_messages;
    QString m_nick;
    bool m_connected = false;
    bool m_handshaken = false;
    bool m_closed = false;
    ErrorCode m_closedCode = ErrorCode::None;
    QString m_closedDetail;
};

} // namespace Tagarela
