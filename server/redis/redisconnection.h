// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <functional>

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include "redisaddress.h"
#include "redisreply.h"

struct redisAsyncContext;
struct redisReply;
class QHostInfo;

namespace Tagarela {

class RedisQtAdapter;

/*!
 * One connection to Redis on the event loop of its thread (hiredis's asynchronous API through
 * RedisQtAdapter): connects to a RedisAddress, AUTHenticates, SELECTs the database, and
 * reconnects by itself with exponential backoff when Redis goes away. Nothing blocks: command()
 * returns at once and its handler runs later on this thread.
 *
 * Replies come in the order the commands were sent. A command that gets no answer within its
 * timeout means the connection is stuck (Redis answers in order, so everything behind it is
 * stuck too): the connection is dropped, every waiting command fails, and it reconnects.
 *
 * Delete it with deleteLater() when inside one of its handlers or signals. Handlers still
 * waiting when it is deleted are not called.
 */
class RedisConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisConnection)

public:
    using ReplyHandler = std::function<void(const RedisReply &reply)>;

    struct Options
    {
        RedisAddress address;
        /*! Sent with AUTH when not empty (from a file or the environment, never argv). */
        QByteArray password;
        /*! CLIENT SETNAME, so that CLIENT LIST shows who is who; empty: none. */
        QByteArray clientName;
        int connectTimeoutMs = 5000; //!< from connect to the end of the handshake
        int commandTimeoutMs = 5000; //!< default wait for a reply
        int reconnectMinMs = 100; //!< first wait before reconnecting; doubles each failure
        int reconnectMaxMs = 5000; //!< the longest wait between attempts
    };

    explicit RedisConnection(const Options &options, QObject *parent = nullptr);
    ~RedisConnection() override;

    const Options &options() const { return m_options; }

    /*! Starts connecting (and reconnecting whenever the connection is lost). */
    void open();
    /*! Disconnects and stays disconnected; waiting commands fail. open() starts again. */
    void close();
    /*! Handshake done: commands can be sent. */
    bool isConnected() const { return m_state == State::Connected; }

    /*!
     * Sends \a args (the command and its arguments, binary-safe) and calls \a handler with the
     * reply, or with RedisReply::NoReply when there is none (not connected, connection lost,
     * no reply within \a timeoutMs, 0 meaning the default). The handler is called exactly
     * once, always later (never inside this call), and only while \a context exists.
     */
    void command(const QList<QByteArray> &args, const QObject *context, ReplyHandler handler,
                 int timeoutMs = 0);

Q_SIGNALS:
    /*! The handshake (AUTH, SELECT) succeeded; also after each reconnection. */
    void connected();
    /*! A connection that was up is lost (or close() was called); \a reason for the log. */
    void disconnected(const QString &reason);
    /*! An attempt to connect failed (Redis down, wrong password...); another follows. */
    void connectFailed(const QString &reason);

private:
    enum class State { Closed, Resolving, Connecting, Connected, Waiting };

    struct Pending
    {
        QPointer<const QObject> context;
        ReplyHandler handler;
        qint64 deadline = 0; //!< on m_clock
    };

    static void replyCallback(redisAsyncContext *context, void *reply, void *data);
    static void connectCallback(const redisAsyncContext *context, int status);

    void connectTo(const QString &ip);
    void hostLookedUp(const QHostInfo &info);
    void sendHandshake();
    void send(const QList<QByteArray> &args, Pending *pending, int timeoutMs);
    void replied(Pending *pending, redisReply *reply);
    void released(const QByteArray &error);
    void finishRelease(const QString &reason, bool wasConnected);
    void drop(const QString &reason);
    void checkTimeouts();
    void scheduleReconnect();
    void attemptFailed(const QString &reason);
    void failLater(Pending *pending, const QByteArray &why);

    Options m_options;
    State m_state = State::Closed;
    redisAsyncContext *m_context = nullptr;
    RedisQtAdapter *m_adapter = nullptr;
    std::deque<Pending *> m_pending; //!< sent, in order, waiting for their replies
    QList<Pending *> m_lost; //!< lost with the connection, to be failed after hiredis is done
    QString m_dropReason; //!< why we dropped the connection ourselves
    int m_handshakeLeft = 0;
    bool m_handshakeDone = false; //!< the current context got through the handshake
    bool m_socketConnected = false; //!< the current context's socket connected
    QStringList m_candidates; //!< addresses of the host name not tried yet in this attempt
    int m_backoffMs = 0;
    int m_lookupId = -1;
    QTimer m_reconnectTimer;
    QTimer m_connectTimer;
    QTimer m_timeoutTimer;
    QElapsedTimer m_clock;
};

} // namespace Tagarela
