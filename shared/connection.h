// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBasicTimer>
#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

#include "deadlinesweep.h"
#include "descriptorpoller.h"
#include "framedecoder.h"
#include "linedecoder.h"
#include "message.h"

class QTcpSocket;

namespace Tagarela {

/*!
 * Output queued by many connections together, against one limit: a server's cap on the memory
 * all its slow readers may hold. Each Connection given it adds what it holds; a connection
 * that holds a large share (ShareBytes or more) when the total is over the limit is dropped as
 * a slow reader. Must outlive the connections that use it.
 */
struct OutputBudget
{
    static constexpr qint64 ShareBytes = 64 * 1024;

    qint64 limit = 0; //!< bytes; 0: no limit
    qint64 queued = 0; //!< bytes the connections hold now
    qint64 peak = 0; //!< the most they held since the owner last reset it
};

/*!
 * The one class that owns a socket. It turns bytes into messages (framed mode) or lines (text
 * mode), sends them back, keeps the peer alive with heartbeats, bounds what it buffers in both
 * directions, and closes once.
 *
 * A server-side connection starts in Detecting mode: a first byte of 0x00 means a framed client
 * (which must then send the whole Protocol::magic()), any other byte a text client, and silence
 * for the detection timeout a text client waiting for a prompt. A first byte of 0x16 (a TLS
 * handshake) closes it: a listener that accepts TLS sorts those out before a Connection exists.
 * A client-side connection sends the magic in start() and is framed from the start.
 *
 * The socket may be a QSslSocket; its output then goes through it, never straight to the
 * descriptor.
 *
 * A server's plain TCP connection needs no QTcpSocket: constructed from the accepted
 * descriptor, the Connection owns it itself. The thread's one DescriptorPoller (an epoll set
 * that Qt watches with one QSocketNotifier) tells it when it can read (and, only while output
 * waits for the kernel, write); it recv()s into one buffer shared by every connection of the
 * thread and sendmsg()s its output, which it keeps until the kernel takes it. That saves the
 * 16 KiB read block and the objects a QTcpSocket keeps for its whole life, and Qt's dispatcher
 * polls one descriptor instead of one per connection.
 *
 * The detection timeout and the heartbeat wait in the thread's DeadlineSweep (one timer for
 * all connections), not in a timer each. A Connection must stay in the thread that started it.
 *
 * A ping is answered as soon as its frame is decoded, and a pong taken at once, before any
 * message after them is delivered: whatever the owner holds back of its peer's input (a
 * server slowing a client down to its rate), the heartbeat is never behind it.
 *
 * closed() is emitted exactly once, always on a later turn of the event loop than the call
 * that caused it, so a slot may call send() or close() without its caller being torn down.
 */
class Connection final
    : public QObject
    , private DeadlineSweep::Entry
    , private DescriptorPoller::Watcher
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)

public:
    enum class Role { Client, Server };
    enum class Mode { Detecting, Framed, Line };
    Q_ENUM(Mode)

    /*!
     * One owner told by a direct call what the signals below say: the server's session, so
     * that thousands of idle connections do not each keep five signal-slot connections (each
     * a heap object plus both ends' connection lists). Each call comes just before the signal
     * of the same name, with the same arguments and guarantees (closed exactly once, on a
     * later turn than its cause); a listener may close the connection from any of them.
     */
    class Listener
    {
    public:
        virtual void connectionModeDetected(Tagarela::Connection::Mode mode) = 0;
        virtual void connectionMessageReceived(const Tagarela::Message &message) = 0;
        virtual void connectionLineReceived(const Tagarela::TextLine &line) = 0;
        virtual void connectionProtocolError(Tagarela::ErrorCode code, const QString &detail,
                                             bool fatal, const QString &clientId) = 0;
        virtual void connectionClosed(Tagarela::ErrorCode code, const QString &detail) = 0;

    protected:
        Listener() = default;
        ~Listener() = default;
        Q_DISABLE_COPY_MOVE(Listener)
    };

    /*! Takes ownership of \a socket, which must be connected or connecting. */
    Connection(QTcpSocket *socket, Role role, QObject *parent = nullptr);
    /*!
     * A server-side plain TCP connection on \a descriptor, connected (accepted), which it takes
     * over: it is closed when the connection closes, and at the latest with the Connection.
     */
    explicit Connection(qintptr descriptor, QObject *parent = nullptr);
    ~Connection() override;

    /*!
     * \a address in its plain form: a dual-stack listener reports IPv4 peers as
     * ::ffff:a.b.c.d, but logs and per-address limits want a.b.c.d.
     */
    static QHostAddress plainAddress(const QHostAddress &address);

    void setMaxFrame(int bytes);
    void setMaxLineBytes(int bytes);
    /*!
     * Output waiting beyond this many bytes (queued for the next flush plus buffered in the
     * socket) closes the connection as a slow reader; 0: no cap.
     */
    void setMaxPendingOutput(qint64 bytes) { m_maxPendingOutput = bytes; }
    /*!
     * Counts this connection's pending output in \a budget too (see OutputBudget). Call before
     * start().
     */
    void setOutputBudget(OutputBudget *budget) { m_budget = budget; }
    /*! Pings every \a intervalMs; closes if nothing arrives for \a timeoutMs. 0 turns it off. */
    void setHeartbeat(int intervalMs, int timeoutMs);
    /*!
     * How long a server-side connection waits for a first byte before it becomes a text one.
     * 0: the silence was already waited out (by the listener): text mode from start(), unless
     * bytes are already there.
     */
    void setDetectTimeout(int ms) { m_detectTimeoutMs = ms; }
    /*!
     * Tells \a listener (one at most; nullptr: none) what the signals say, before they are
     * emitted. It must outlive the connection or be unset first.
     */
    void setListener(Listener *listener) { m_listener = listener; }

    /*! Starts reading (and, for a client, sends the magic). Call once the socket is connected. */
    void start();

    Mode mode() const { return m_mode; }
    bool isOpen() const { return !m_closing; }
    /*! Whether it runs over TLS (a QSslSocket whose handshake is done). */
    bool isEncrypted() const;
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    /*! "address:port", for logs. */
    QString peerName() const;
    /*! Bytes not yet handed to the kernel: queued for the next flush plus buffered by Qt. */
    qint64 pendingOutput() const
    {
        return m_ownsDescriptor ? m_outQueued : m_outQueued + socketBuffered();
    }
    /*!
     * The size on the wire of the message that messageReceived() is delivering: its frame's
     * payload. Valid during that signal.
     */
    qsizetype inputBytes() const { return m_inputBytes; }
    /*! The last heartbeat round trip in milliseconds, or -1 before the first. */
    int latencyMs() const { return m_latencyMs; }

    /*! Measures the round trip now (latencyMeasured() follows), unless a ping is out already. */
    void ping();

    /*! Sends one message (framed mode). False if closed or the peer reads too slowly. */
    bool send(const Message &message);
    /*! Sends one line (text mode); a CRLF is added. */
    bool sendLine(const QString &line);
    /*!
     * Sends bytes already in this connection's wire format: a frame from FrameDecoder::encode()
     * or a CRLF-ended UTF-8 line. Broadcasts hand the same QByteArray to every connection.
     *
     * Output is queued (the QByteArray itself, implicitly shared, not a copy) and written once
     * per event-loop turn, all of it in one system call when the socket takes it, so that a
     * turn that delivers many messages to this connection costs one write, not one each.
     */
    bool sendEncoded(const QByteArray &bytes);
    /*!
     * Writes what is queued now instead of at the end of the turn: for a sender that has
     * handed over everything this connection is due for (the room, after a stored batch).
     */
    void flush();

    /*!
     * Flushes what is queued, then closes. \a code and \a detail are passed to closed().
     * Idempotent: later calls change nothing. A peer that does not take the queued bytes
     * within a few seconds is cut off.
     */
    void close(Tagarela::ErrorCode code = ErrorCode::None, const QString &detail = {});
    /*! Closes at once, dropping queued output. Idempotent. */
    void abort(Tagarela::ErrorCode code, const QString &detail);

Q_SIGNALS:
    void modeDetected(Tagarela::Connection::Mode mode);
    void messageReceived(const Tagarela::Message &message);
    void lineReceived(const Tagarela::TextLine &line);
    /*!
     * A bad input, or a TLS record that does not decrypt. If \a fatal, the connection is
     * closing and closed() follows. \a clientId: the client-id of a frame that could not be
     * decoded for its invalid UTF-8, when it could be read (DecodeResult::clientId).
     */
    void protocolError(Tagarela::ErrorCode code, const QString &detail, bool fatal,
                       const QString &clientId = {});
    void latencyMeasured(int ms);
    void closed(Tagarela::ErrorCode code, const QString &detail);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    /*! The detection timeout while Detecting, then the heartbeat. */
    void deadlineReached() override;
    /*! A descriptor of its own: what the poller says is ready. */
    void descriptorReady(quint32 ready) override;
    void scheduleDeadline(int ms);
    void onReadyRead();
    /*! A descriptor of its own: reads what the kernel has (a bounded amount per call). */
    void onReadable();
    void onWritable();
    /*!
     * A descriptor of its own: tells the poller what to watch it for (reading unless closing,
     * writing while output waits for room).
     */
    void updateInterest();
    void onDisconnected();
    /*! Reads, detects or decodes \a bytes that just arrived. */
    void receive(QByteArrayView bytes);
    /*! A descriptor of its own: flushes straight to it, or waits until it is writable. */
    void flushToDescriptor();
    /*! The peer is gone (\a error: errno, 0 for an orderly end of stream): closes and finishes. */
    void dropDescriptor(int error);
    /*! Stops watching the descriptor and closes it. */
    void closeDescriptor();
    bool hasBytesAvailable() const;
    /*! What a QTcpSocket holds of the output. */
    qint64 socketBuffered() const;
    void setSocketOption(int level, int option, int value);
    void onHeartbeat();
    void detectFrom(QByteArrayView bytes);
    void switchMode(Mode mode);
    /*! Tells the listener, then emits protocolError(). */
    void reportProtocolError(ErrorCode code, const QString &detail, bool fatal,
                             const QString &clientId = {});
    void decodeFrames(QByteArrayView bytes);
    void decodeLines(QByteArrayView bytes);
    void finish();
    void scheduleFlush();
    /*! Flushes every connection of this thread that scheduled a flush, in the order they did. */
    static void flushPending();
    /*! Hands everything queued to the kernel, or what it does not take to the socket's buffer. */
    void flushOutput();
    /*!
     * Writes the queue (from m_outOffset into its first part) straight to \a descriptor;
     * returns how many bytes the kernel took. \a error: errno if a call failed other than
     * for a full buffer, else 0.
     */
    qint64 writeQueueDirectly(qintptr descriptor, int *error);
    /*! Drops \a written bytes from the front of the queue. */
    void dequeue(qint64 written);
    /*! Brings the budget up to date with what this connection holds now. */
    void accountOutput();
    /*! Whether \a more bytes would take this connection over its own cap or the budget. */
    bool isOverLimit(qint64 more) const;

    QPointer<QTcpSocket> m_socket; //!< null for a descriptor of its own
    qintptr m_descriptor = -1; //!< a descriptor of its own while open, else -1
    bool m_ownsDescriptor = false; //!< constructed on a descriptor, not a QTcpSocket
    bool m_watching = false; //!< the descriptor is in the thread's DescriptorPoller
    bool m_waitingWritable = false; //!< watched for writing: the kernel took not all
    Role m_role;
    Mode m_mode = Mode::Detecting;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    FrameDecoder m_frames;
    LineDecoder m_lines;
    QByteArray m_magicSeen;
    QList<QByteArray> m_outQueue; //!< frames and lines not yet written, in order
    qint64 m_outQueued = 0; //!< their total size, less m_outOffset
    qint64 m_outOffset = 0; //!< bytes of the first part the kernel took already
    bool m_flushScheduled = false;
    bool m_directWrites = true; //!< false for a QSslSocket: bytes must go through its encryption
    qint64 m_maxPendingOutput = 0;
    qsizetype m_inputBytes = 0;
    OutputBudget *m_budget = nullptr;
    Listener *m_listener = nullptr;
    qint64 m_budgeted = 0; //!< what this connection has added to m_budget
    int m_heartbeatMs = 0;
    int m_heartbeatTimeoutMs = 0;
    int m_detectTimeoutMs = 1000;
    // QBasicTimer, not QTimer: no QObject per timer per connection. Rare: only while closing.
    QBasicTimer m_flushTimer; //!< after close(): how long it waits for the peer
    QElapsedTimer m_lastReceived;
    QElapsedTimer m_pingSent;
    quint64 m_pingId = 0;
    quint64 m_awaitedPong = 0;
    int m_latencyMs = -1;
    bool m_closing = false;
    bool m_finished = false;
    ErrorCode m_closeCode = ErrorCode::None;
    QString m_closeDetail;
};

} // namespace Tagarela
