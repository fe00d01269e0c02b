// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <limits>

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include "chatroom.h"
#include "connection.h"
#include "message.h"
#include "passwordcheck.h"
#include "ratelimiter.h"
#include "roommember.h"
#include "serverconfig.h"

namespace Tagarela {

class ChatRoom;
class LogThrottle;

/*!
 * One client on the server, framed or text: its handshake, its nickname, its rate limit, and
 * the translation between its messages or lines and the room. Owns its Connection.
 *
 * The rate limit slows a client down rather than dropping what it sends (docs/PROTOCOL.md
 * 7.2): input over the rate waits in a small queue and is handled, in order, as the rate
 * allows; the client is told once. Only input beyond the queue's bounds ends the connection
 * ("excess flood"). Pings and pongs never wait: the Connection answers them as they arrive.
 */
class ClientSession final
    : public QObject
    , public RoomMember
    , private Connection::Listener
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

    /*! Takes ownership of \a connection, a server-side one not started yet. */
    ClientSession(Connection *connection, ChatRoom *room, const ServerConfig &config,
                  Rejection rejection, QObject *parent = nullptr);
    ~ClientSession() override;

    /*!
     * The server's password and the clock its throttle runs on; without a call, or with a
     * check that requires no password, everyone is admitted. Call before start().
     */
    void setPasswordCheck(PasswordCheck *check, const QElapsedTimer *clock);
    /*!
     * The server's budget for protocol-error log lines, shared by every session; without a
     * call only this session's own limit applies. Call before start().
     */
    void setProtocolLog(LogThrottle *throttle) { m_protocolLog = throttle; }
    void start();

    bool isJoined() const { return m_state == State::Joined; }
    bool isRejected() const { return m_rejection != Rejection::None; }
    QString nick() const;
    QHostAddress peerAddress() const override { return m_connection->peerAddress(); }
    Connection *connection() const { return m_connection; }

    void deliver(const Broadcast &broadcast) override;
    void deliverAll(const BroadcastRun &run, qsizetype from, qsizetype to) override;
    void tell(const Message &message) override;
    void flush() override;
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
        Leaving, //!< closing once what it said is stored and answered
        Closing
    };
    /*! Output waiting behind a history answer being read, or the place for that answer. */
    struct Held
    {
        QByteArray bytes;
        quint64 place = 0; //!< not 0: the place of an answer not read yet
    };

    /*! Input from the client, handled now or held for its turn under the rate. */
    struct Input
    {
        enum class Kind { Message, Line, Error };
        Kind kind = Kind::Message;
        Message message; //!< Kind::Message
        TextLine line; //!< Kind::Line
        ErrorCode code = ErrorCode::None; //!< Kind::Error: a frame that could not be read
        QString detail; //!< Kind::Error
        QString clientId; //!< Kind::Error: the say's, when it could be read
        qsizetype bytes = 0; //!< its size as it arrived, counted against the held bytes
    };

    // Connection::Listener: called directly, not through signal-slot connections (memory
    // per idle connection).
    void connectionModeDetected(Connection::Mode mode) override { onModeDetected(mode); }
    void connectionMessageReceived(const Message &message) override { onMessage(message); }
    void connectionLineReceived(const TextLine &line) override { onLine(line); }
    void connectionProtocolError(ErrorCode code, const QString &detail, bool fatal,
                                 const QString &clientId) override
    {
        onProtocolError(code, detail, fatal, clientId);
    }
    void connectionClosed(ErrorCode code, const QString &detail) override
    {
        onClosed(code, detail);
    }

    void onModeDetected(Connection::Mode mode);
    void onMessage(const Message &message);
    void onLine(const TextLine &line);
    /*! Handles \a input now if nothing is held and the rate allows, otherwise holds it. */
    void admit(Input &&input);
    void hold(Input &&input);
    /*! Handles held input, in order, as far as the rate allows; then waits for the next. */
    void processHeld();
    void process(const Input &input);
    /*! Whether \a input takes a token: what makes the server work or answer, once joined. */
    bool isCharged(const Input &input) const;
    /*! Counts an answer of \a bytes against the rate (Protocol::AnswerBytesPerMessage). */
    void chargeAnswer(qint64 bytes);
    /*! Counts \a entries read one by one for an answer (a search scan) against the rate. */
    void chargeExamined(int entries);
    qsizetype maxHeldInputs() const;
    qint64 maxHeldBytes() const;
    void tellSlowedDown();
    void disconnectForExcessFlood();
    void handleMessage(const Message &message);
    void handleLine(const TextLine &line);
    void onProtocolError(ErrorCode code, const QString &detail, bool fatal,
                         const QString &clientId);
    /*! Logs \a line unless this session or the server has logged too many such lines. */
    void logProtocolError(const QString &line);
    void onClosed(ErrorCode code, const QString &detail);
    void onLoginTimeout();
    /*! Times the login to \a deadlineMs after start(), or hurryLogin()'s limit if sooner. */
    void startLoginTimer(qint64 deadlineMs);

    void handleHandshake(const Message &message);
    /*! False if the session is closing or waiting to say the password was wrong. */
    [[nodiscard]] bool admitPassword(const QString &offered);
    void greetTextClient();
    void sendPasswordPrompt();
    /*! Why this address may not try a password now, and for how long. */
    QString lockoutText(qint64 now) const;
    void handleLineCommand(const QString &line);
    void join(const QString &nick, const QString &resume = {}, quint64 after = 0, int limit = 0);
    void rename(const QString &nick);
    /*! A join's answer: the welcome and history, or the refusal. */
    void onJoinAnswer(const ChatRoom::NickResult &result, quint64 after, int limit);
    /*! A join or rename was answered: held input goes on. */
    void claimAnswered();
    void say(const QString &text, bool action, const QString &clientId = {},
             const QString &to = {});
    /*! With \a charged, the answer is paid for by its size (chargeAnswer). */
    void sendHistory(quint64 after, quint64 before, int limit, bool charged = false);
    /*! Answers a search with history frames carrying \a query, paid for by their size. */
    void search(const QString &query, quint64 before, int limit);
    void sendRecentLines();
    /*! A nickname tried before joining: false if over the rate (told, or cut off). */
    [[nodiscard]] bool admitNickAttempt();
    bool isLine() const { return m_connection->mode() == Connection::Mode::Line; }
    void sendError(ErrorCode code, const QString &text, const QString &suggestion = {},
                   const QString &clientId = {});
    void sendReply(const QString &text);
    void sendNickPrompt();
    /*!
     * Says goodbye with \a code and \a text, and closes. A member first waits until its
     * messages are stored and answered, and its history answers sent.
     */
    void closeWith(ErrorCode code, const QString &text, const QString &leaveReason);
    /*! The goodbye of closeWith(), when due or \a now. */
    void finishClose(bool now);
    /*! Sends \a message, or holds it behind a history answer being read. */
    void send(const Message &message);
    /*! Sends bytes in the connection's wire format, or holds them likewise. */
    void output(const QByteArray &bytes);
    /*! A place in the output, in order, for an answer that is still being read. */
    quint64 reserveOutput();
    /*! Puts \a bytes in \a place and sends what no longer waits. */
    void fillOutput(quint64 place, const QByteArray &bytes);
    QString describeClose(ErrorCode code) const;

    Connection *m_connection;
    ChatRoom *m_room;
    const ServerConfig &m_config;
    Rejection m_rejection;
    State m_state = State::Detecting;
    RateLimiter m_rate;
    // QList, not std::deque: an empty deque allocates over 500 bytes, for every connection.
    QList<Input> m_heldInput; //!< input waiting for its turn under the rate, in order
    qint64 m_heldInputBytes = 0;
    bool m_toldSlowedDown = false; //!< until the client is back within the rate
    bool m_claiming = false; //!< a join or rename waits for its nickname claim (Redis)
    bool m_askingRoom = false; //!< inside the room's join() or rename(): answered at once
    QBasicTimer m_paceTimer; //!< when the next held input may be handled
    RateLimiter m_nickAttempts; //!< nicknames tried before joining
    QElapsedTimer m_clock;
    QBasicTimer m_loginTimer; //!< not a QTimer: no QObject per session
    qint64 m_loginDeadlineMs = 0; //!< after start(), by the session's own timeouts
    qint64 m_loginLimitMs = std::numeric_limits<qint64>::max(); //!< hurryLogin()
    QBasicTimer m_passwordDelay;
    QBasicTimer m_leaveTimer; //!< bounds the wait in Leaving
    QList<Held> m_held; //!< output in order while a history answer is being read
    qint64 m_heldBytes = 0;
    quint64 m_lastPlace = 0;
    ErrorCode m_closeCode = ErrorCode::None;
    QString m_closeText;
    bool m_saysAnswered = false; //!< while Leaving: the room answered what it said
    PasswordCheck *m_passwords = nullptr;
    const QElapsedTimer *m_serverClock = nullptr;
    LogThrottle *m_protocolLog = nullptr;
    int m_protocolErrorsLogged = 0;
    int m_protocolErrorsNotLogged = 0;
    QString m_leaveReason;
    bool m_closedOnPurpose = false; //!< quit, kick, flood ...: no nickname held for a resume
};

} // namespace Tagarela
