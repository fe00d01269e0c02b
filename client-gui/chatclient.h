// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QAbstractSocket>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>
#include <QTimer>

#include "chatline.h"
#include "message.h"
#include "pinstore.h"

class QSslError;
class QSslSocket;
class QTcpSocket;

namespace Tagarela {

class Connection;

/*!
 * The client without widgets: connects, handshakes, joins, keeps the user list and the
 * nickname, sends what the user types, and reconnects by itself with exponential backoff and
 * jitter when the connection drops (not after a kick or a shutdown). Everything the views show
 * comes out of its signals.
 */
class ChatClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatClient)

public:
    enum class State {
        Disconnected,
        Connecting, //!< TCP connection under way
        Handshaking, //!< magic and handshake sent, waiting for handshake-ok
        Joining, //!< hello sent, waiting for welcome
        Connected, //!< in the room
        WaitingToReconnect, //!< the connection dropped; a retry is scheduled
    };
    Q_ENUM(State)

    /*! Why a connection attempt failed or the client stopped for good. */
    enum class Failure {
        None,
        HostNotFound,
        ConnectionRefused,
        TimedOut,
        VersionMismatch,
        NickTaken,
        InvalidNick,
        ServerFull,
        TooManyConnections,
        Kicked,
        ServerShutDown,
        Flood,
        PasswordRequired, //!< the server has a password and none was given
        WrongPassword,
        TooManyFailures, //!< too many wrong passwords from this address; wait
        TlsRequired, //!< the server takes encrypted connections only
        Banned,
        UntrustedCertificate, //!< first TLS connection, self-signed: see certificateProblem()
        CertificateChanged, //!< not the certificate pinned before: see certificateProblem()
        TlsFailed, //!< the TLS handshake failed for another reason (no TLS on the server...)
        Network, //!< any other network or protocol failure
    };
    Q_ENUM(Failure)

    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    /*! Connects and joins as \a nick; stays connected (reconnecting) until disconnectFromServer().
     */
    void connectToServer(const QString &host, quint16 port, const QString &nick);
    /*! Leaves (telling the server) and stops reconnecting. */
    void disconnectFromServer();
    /*! Skips the wait before the next reconnection attempt. */
    void retryNow();

    /*! Sends a chat message or, with \a action, a /me. False (nothing sent) unless connected. */
    bool say(const QString &text, bool action = false);
    /*! Asks the server for a new nickname; the answer arrives as nickChanged() or an error. */
    bool changeNick(const QString &nick);
    /*! Asks the server for the user list; it arrives as usersChanged(). */
    bool requestUsers();

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    QString nick() const { return m_nick; }
    QStringList users() const { return m_users; }
    QString serverName() const { return m_serverName; }
    int maxText() const { return m_maxText; }
    int latencyMs() const { return m_latencyMs; }
    /*! Milliseconds until the next reconnection attempt, or -1. */
    int msUntilRetry() const;

    /*! Backoff: the first retry after \a initialMs, doubling up to \a maxMs (with jitter). */
    void setReconnectDelays(int initialMs, int maxMs);
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }

    /*! Connects over TLS from the next connectToServer() on. */
    void setTls(bool on) { m_tls = on; }
    bool usesTls() const { return m_tls; }
    /*! The server's password, sent in the handshake; kept in memory only. */
    void setPassword(const QString &password) { m_password = password; }
    /*!
     * The certificates the user trusts (trust on first use). By default the application's
     * own; \a store (not owned) must outlive the client.
     */
    void setPinStore(PinStore *store);
    PinStore *pinStore() const { return m_pins; }
    /*! Why the last attempt stopped at the certificate; null if it did not. */
    CertificateProblem certificateProblem() const { return m_certificateProblem; }
    /*! Pins the certificate of \a problem for its server, as the user decided. */
    void trustCertificate(const CertificateProblem &problem);
    /*! Seeds the jitter, for tests. */
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    /*! True if \a text names \a nick as a whole word, ignoring case. */
    static bool mentions(const QString &text, const QString &nick);

Q_SIGNALS:
    void stateChanged(Tagarela::ChatClient::State state);
    /*! Welcomed into the room (also after each reconnection). */
    void joined(const QString &nick, const QStringList &users);
    /*! A line for the chat view. */
    void lineReceived(const Tagarela::ChatLine &line);
    void usersChanged(const QStringList &users);
    void nickChanged(const QString &nick);
    /*! The server refused something but the connection stays (bad text, taken nick...). */
    void serverError(Tagarela::ErrorCode code, const QString &text, const QString &suggestion);
    /*! Gave up: a first connection that failed, a kick, a shutdown. No retry follows. */
    void failed(Tagarela::ChatClient::Failure failure, const QString &text,
                const QString &suggestion);
    /*! The connection dropped and a retry is coming. Once per outage. */
    void connectionLost(const QString &reason);
    void reconnectScheduled(int delayMs);
    void latencyChanged(int ms);

private:
    void attempt();
    void onConnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(QSslSocket *socket, const QList<QSslError> &errors);
    void onMessage(const Message &message);
    void onClosed(ErrorCode code, const QString &detail);
    void handleEvent(const Message &message);
    void setState(State state);
    void dropConnection();
    void giveUp(Failure failure, const QString &text, const QString &suggestion = {});
    void scheduleReconnect(const QString &reason);
    bool canSend() const;
    bool mentionsMe(const QString &text);
    static QRegularExpression mentionPattern(const QString &nick);

    QPointer<Connection> m_connection;
    State m_state = State::Disconnected;
    QString m_host;
    quint16 m_port = 0;
    QString m_wantedNick;
    QString m_nick;
    QStringList m_users;
    QString m_serverName;
    int m_maxText = 0;
    int m_latencyMs = -1;
    bool m_joinedBefore = false; //!< reached the room once since connectToServer()
    bool m_outageReported = false;
    int m_retries = 0;
    int m_initialDelayMs = 1000;
    int m_maxDelayMs = 60'000;
    int m_connectTimeoutMs = 15'000;
    bool m_tls = false;
    QString m_password;
    std::unique_ptr<PinStore> m_ownPins;
    PinStore *m_pins = nullptr;
    CertificateProblem m_certificateProblem;
    bool m_tcpConnected = false; //!< this attempt reached the server (before any TLS)
    bool m_encrypted = false; //!< this attempt's TLS handshake finished
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError;
    ErrorCode m_byeCode = ErrorCode::None;
    QString m_byeText;
    ErrorCode m_joinError = ErrorCode::None;
    QString m_joinErrorText;
    QString m_joinSuggestion;
    QTimer m_retryTimer;
    QTimer m_connectTimer;
    QRandomGenerator m_random;
    QRegularExpression m_mention;
    QString m_mentionNick; //!< the nickname m_mention was built for
};

} // namespace Tagarela
