// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <limits>

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>

#include "connection.h"
#include "message.h"
#include "passwordcheck.h"
#include "ratelimiter.h"
#include "roommember.h"
#include "serverconfig.h"

class QTcpSocket;

namespace Tagarela {

class ChatRoom;

/*!
 * One client on the server, framed or text: its handshake, its nickname, its rate limit, and
 * the translation between its messages or lines and the room. Owns its Connection.
 */
class ClientSession final
    : public QObject
    , public RoomMember
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientSession)

public:
    /*! Why a session is accepted only to be told it cannot stay. */
    enum class Rejection {
        None,
        ServerFull,
        TooManyConnections,
        Banned,
        TlsRequired,
        TooManyFailures,
        Busy //!< too many connections that have not joined, none of them waiting long enough
    };

    ClientSession(QTcpSocket *socket, ChatRoom *room, const ServerConfig &config,
                  Rejection rejection, QObject *parent = nullptr);
    ~ClientSession() override;

    /*!
     * The server's password and the clock its throttle runs on; without a call, or with a
     * check that requires no password, everyone is admitted. Call before start().
     */
    void setPasswordCheck(PasswordCheck *check, const QElapsedTimer *clock);
    void start();

    bool isJoined() const { return m_state == State::Joined; }
    bool isRejected() const { return m_rejection != Rejection::None; }
    QString nick() const;
    QHostAddress peerAddress() const override { return m_connection->peerAddress(); }
    Connection *connection() const { return m_connection; }

    void deliver(const Broadcast &broadcast) override;
    void tell(const Message &message) override;
    void displace() override;
    QString address() const override { return m_connection->peerName(); }

    /*!
     * The server is busy with connections that have not joined: from now on this one must
     * join within \a limitMs of connecting (if that is sooner than its own timeout).
     */
    void hurryLogin(int limitMs);
    /*! Closes a connection that has not joined, to make room for a newcomer. */
    void evict();
    /*! Tells the client why, and disconnects it. */
    void kick(const QString &reason);
    /*! Tells the client the server is going down, flushes, and disconnects it. */
    void shutDown();
    /*! Tells the client its address is banned, and disconnects it. */
    void ban();

Q_SIGNALS:
    /*! The connection is gone and the session has left the room; delete it later. */
    void finished(Tagarela::ClientSession *session);
    /*! The session is in the room now. */
    void joinedRoom(Tagarela::ClientSession *session);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class State {
        Detecting,
        AwaitHandshake,
        AwaitPassword, //!< text client: its next line is the password
        PasswordDelay, //!< a wrong password; the answer waits
        AwaitHello,
        AwaitNick,
        Joined,
        Closing
    };

    void onModeDetected(Connection::Mode mode);
    void onMessage(const Message &message);
    void onLine(const TextLine &line);
    void onProtocolError(ErrorCode code, const QString &detail, bool fatal);
    void onClosed(ErrorCode code, const QString &detail);
    void onLoginTimeout();
    /*! Times the login to \a deadlineMs after start(), or hurryLogin()'s limit if sooner. */
    void startLoginTimer(qint64 deadlineMs);

    void handleHandshake(const Message &message);
    /*! False if the session is closing or waiting to say the password was wrong. */
    [[nodiscard]] bool admitPassword(const QString &offered);
    void greetTextClient();
    void sendPasswordPrompt();
    void handleLineCommand(const QString &line);
    void join(const QString &nick, const QString &resume = {}, quint64 after = 0, int limit = 0);
    void rename(const QString &nick);
    void say(const QString &text, bool action, const QString &clientId = {});
    void sendHistory(quint64 after, quint64 before, int limit);
    void sendRecentLines();
    [[nodiscard]] bool admitRate(const QString &clientId = {});
    /*! A nickname tried before joining: false if over the rate (told, or cut off). */
    [[nodiscard]] bool admitNickAttempt();
    bool isLine() const { return m_connection->mode() == Connection::Mode::Line; }
    void sendError(ErrorCode code, const QString &text, const QString &suggestion = {},
                   const QString &clientId = {});
    void sendReply(const QString &text);
    void sendNickPrompt();
    void closeWith(ErrorCode code, const QString &text, const QString &leaveReason);
    QString describeClose(ErrorCode code) const;

    Connection *m_connection;
    ChatRoom *m_room;
    const ServerConfig &m_config;
    Rejection m_rejection;
    State m_state = State::Detecting;
    RateLimiter m_rate;
    RateLimiter m_nickAttempts; //!< nicknames tried before joining
    QElapsedTimer m_clock;
    QBasicTimer m_loginTimer; //!< not a QTimer: no QObject per session
    qint64 m_loginDeadlineMs = 0; //!< after start(), by the session's own timeouts
    qint64 m_loginLimitMs = std::numeric_limits<qint64>::max(); //!< hurryLogin()
    QBasicTimer m_passwordDelay;
    PasswordCheck *m_passwords = nullptr;
    const QElapsedTimer *m_serverClock = nullptr;
    QString m_leaveReason;
    bool m_closedOnPurpose = false; //!< quit, kick, flood ...: no nickname held for a resume
};

} // namespace Tagarela
