// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimerEvent>

#if defined(Q_OS_UNIX)
#include <climits>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

#include "logging.h"
#include "messagecodec.h"
#include "protocol.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {
// Bounds what Qt buffers from the kernel per socket; the rest waits in the kernel (back-pressure).
constexpr qint64 ReadBufferSize = 256 * 1024;
// How long close() waits for queued output to reach the peer before cutting it off.
constexpr int FlushTimeoutMs = 5000;
// Output queued beyond this is written at once rather than at the end of the turn, so that a
// turn that broadcasts a lot does not hold it all in memory.
constexpr qint64 FlushThreshold = 64 * 1024;
#if defined(Q_OS_UNIX)
// Buffers per sendmsg() call (Linux's IOV_MAX is 1024).
constexpr int MaxIov = std::min(IOV_MAX, 1024);
// Parts of output a connection keeps room for once its queue is empty.
constexpr qsizetype SmallQueue = 16;
// What one recv() on a descriptor of its own reads at most, into the thread's shared buffer.
constexpr qsizetype ReadChunk = 64 * 1024;

// The one read buffer of this thread's descriptor connections: a connection decodes (copies)
// what it read before it reads again, so one buffer serves them all.
char *sharedReadBuffer()
{
    thread_local std::unique_ptr<char[]> buffer;
    if (!buffer)
        buffer = std::make_unique<char[]>(size_t(ReadChunk));
    return buffer.get();
}

QHostAddress peerAddressOf(qintptr descriptor, quint16 *port)
{
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    const QHostAddress address(reinterpret_cast<const sockaddr *>(&storage));
    if (storage.ss_family == AF_INET)
        *port = ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port);
    else if (storage.ss_family == AF_INET6)
        *port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port);
    return address;
}
#endif

// The connections of this thread with output queued this turn, flushed together by one posted
// call: a broadcast to N connections costs one event, not N.
struct PendingFlushes
{
    QList<QPointer<Connection>> connections;
    /*! The list of the round before, emptied, for the next round (its room is kept). */
    QList<QPointer<Connection>> spare;
    bool scheduled = false;
    // Carries the posted call; lives in this thread. Created on first use.
    std::unique_ptr<QObject> context;
};
thread_local PendingFlushes pendingFlushes;

// After the handshake: a record that does not decrypt or authenticate.
bool isTlsFailure(QAbstractSocket::SocketError error)
{
    return error == QAbstractSocket::SslInternalError ||
        error == QAbstractSocket::SslInvalidUserDataError;
}
} // namespace

Connection::Connection(QTcpSocket *socket, Role role, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_role(role)
    , m_mode(role == Role::Client ? Mode::Framed : Mode::Detecting)
    , m_frames(role == Role::Client ? Protocol::MaxServerFrame : Protocol::DefaultMaxFrame)
{
    socket->setParent(this);
    socket->setReadBufferSize(ReadBufferSize);
    // sendmsg() on the descriptor would bypass the encryption.
    m_directWrites = qobject_cast<QSslSocket *>(socket) == nullptr;
    m_peerAddress = plainAddress(socket->peerAddress());
    m_peerPort = socket->peerPort();

    connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    connect(socket, &QTcpSocket::bytesWritten, this, &Connection::accountOutput);
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (!m_closing && m_closeDetail.isEmpty() &&
            error != QAbstractSocket::RemoteHostClosedError)
            m_closeDetail = m_socket->errorString();
        if (m_socket->state() == QAbstractSocket::UnconnectedState) {
            finish();
            return;
        }
        const auto *tlsSocket = qobject_cast<QSslSocket *>(m_socket.data());
        if (!m_closing && tlsSocket && tlsSocket->isEncrypted() && isTlsFailure(error)) {
            // A corrupt or forged TLS record: QSslSocket stays connected but no byte of this
            // stream can be trusted or will decrypt again. Say so and end it, or it lingers.
            const QString detail = tr("TLS error: %1").arg(m_socket->errorString());
            abort(ErrorCode::Protocol, detail);
            reportProtocolError(ErrorCode::Protocol, detail, true);
        }
    });
}

#if defined(Q_OS_LINUX)
Connection::Connection(qintptr descriptor, QObject *parent)
    : QObject(parent)
    , m_descriptor(descriptor)
    , m_ownsDescriptor(true)
    , m_role(Role::Server)
    , m_frames(Protocol::DefaultMaxFrame)
{
    const int flags = ::fcntl(int(descriptor), F_GETFL);
    if (flags >= 0 && !(flags & O_NONBLOCK))
        (void)::fcntl(int(descriptor), F_SETFL, flags | O_NONBLOCK);
    m_peerAddress = plainAddress(peerAddressOf(descriptor, &m_peerPort));
}
#else
// No epoll for a DescriptorPoller: a QTcpSocket watches the descriptor instead.
Connection::Connection(qintptr descriptor, QObject *parent)
    : Connection(
          [descriptor] {
              auto *socket = new QTcpSocket;
              socket->setSocketDescriptor(descriptor);
              return socket;
          }(),
          Role::Server, parent)
{ }
#endif

Connection::~Connection()
{
    closeDescriptor();
    if (m_budget)
        m_budget->queued -= m_budgeted;
}

bool Connection::isEncrypted() const
{
    const auto *tlsSocket = qobject_cast<const QSslSocket *>(m_socket.data());
    return tlsSocket && tlsSocket->isEncrypted();
}

QHostAddress Connection::plainAddress(const QHostAddress &address)
{
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    return isIPv4 ? QHostAddress(ipv4) : address;
}

void Connection::setMaxFrame(int bytes)
{
    m_frames.setMaxPayload(bytes);
}

void Connection::setMaxLineBytes(int bytes)
{
    m_lines.setMaxLineBytes(bytes);
}

void Connection::setHeartbeat(int intervalMs, int timeoutMs)
{
    m_heartbeatMs = intervalMs;
    m_heartbeatTimeoutMs = timeoutMs;
    if (m_mode != Mode::Framed)
        return; // the timer may be timing the detection
    if (m_heartbeatMs > 0 && !m_closing) {
        scheduleDeadline(m_heartbeatMs);
    } else {
        DeadlineSweep::Entry::cancel();
    }
}

void Connection::scheduleDeadline(int ms)
{
    DeadlineSweep::forThisThread()->schedule(this, ms);
}

void Connection::deadlineReached()
{
    if (m_closing)
        return;
    if (m_mode == Mode::Detecting) {
        // A turn that took longer than the timeout (a loaded server) may have the peer's magic
        // waiting behind it: what has arrived decides, not the clock alone.
        if (m_descriptor >= 0)
            onReadable();
        else if (m_socket && m_socket->bytesAvailable() > 0)
            onReadyRead();
        if (!m_closing && m_mode == Mode::Detecting)
            switchMode(Mode::Line);
        return;
    }
    // The next beat is counted from this one, as a repeating timer would; this one may close
    // the connection, which cancels it.
    if (m_mode == Mode::Framed && m_heartbeatMs > 0)
        scheduleDeadline(m_heartbeatMs);
    onHeartbeat();
}

void Connection::start()
{
    if (m_closing)
        return;
    if (m_descriptor >= 0) {
        if (m_watching)
            return; // started already
        m_lastReceived.start();
        // Nagle plus delayed ACK holds small writes back by tens of milliseconds.
        setSocketOption(IPPROTO_TCP, TCP_NODELAY, 1);
        DescriptorPoller *poller = DescriptorPoller::forThisThread();
        if (!poller || !poller->add(int(m_descriptor), this, DescriptorPoller::Read)) {
            const int error = errno;
            qCWarning(lcConnection).noquote()
                << peerName() << "cannot be watched:" << std::strerror(error);
            // Said to its owner on a later turn, as any other end.
            dropDescriptor(error);
            return;
        }
        m_watching = true;
        if (m_detectTimeoutMs > 0 || hasBytesAvailable())
            scheduleDeadline(std::max(m_detectTimeoutMs, 1));
        else
            switchMode(Mode::Line);
        return; // what is there already is read when the event loop sees it
    }
    if (!m_socket)
        return;
    m_peerAddress = plainAddress(m_socket->peerAddress());
    m_peerPort = m_socket->peerPort();
    m_lastReceived.start();
    // Nagle plus delayed ACK holds small writes back by tens of milliseconds.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_role == Role::Client) {
        m_socket->write(Protocol::magic().toByteArray());
        setHeartbeat(m_heartbeatMs, m_heartbeatTimeoutMs);
    } else if (m_detectTimeoutMs > 0 || m_socket->bytesAvailable() > 0) {
        scheduleDeadline(std::max(m_detectTimeoutMs, 1));
    } else {
        switchMode(Mode::Line);
        return;
    }
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

bool Connection::hasBytesAvailable() const
{
#if defined(Q_OS_UNIX)
    int available = 0;
    return m_descriptor >= 0 && ::ioctl(int(m_descriptor), FIONREAD, &available) == 0 &&
        available > 0;
#else
    return false;
#endif
}

void Connection::setSocketOption(int level, int option, int value)
{
#if defined(Q_OS_UNIX)
    if (m_descriptor >= 0)
        (void)::setsockopt(int(m_descriptor), level, option, &value, sizeof value);
#endif
}

QString Connection::peerName() const
{
    if (m_peerAddress.protocol() == QAbstractSocket::IPv6Protocol)
        return u'[' + m_peerAddress.toString() + u"]:"_s + QString::number(m_peerPort);
    return m_peerAddress.toString() + u':' + QString::number(m_peerPort);
}

qint64 Connection::socketBuffered() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

bool Connection::send(const Message &message)
{
    return sendEncoded(FrameDecoder::encode(MessageCodec::encode(message)));
}

bool Connection::sendLine(const QString &line)
{
    return sendEncoded(line.toUtf8() + "\r\n");
}

bool Connection::sendEncoded(const QByteArray &bytes)
{
    if (m_closing || (!m_socket && m_descriptor < 0))
        return false;
    if (bytes.isEmpty())
        return true;
    // What the kernel takes at once does not count as waiting: flush before judging.
    if (isOverLimit(bytes.size())) {
        flushOutput();
        accountOutput();
    }
    if (isOverLimit(bytes.size())) {
        const QString detail =
            m_maxPendingOutput > 0 && pendingOutput() + bytes.size() > m_maxPendingOutput
            ? u"more than %1 bytes of output waiting"_s.arg(m_maxPendingOutput)
            : u"%1 bytes of output waiting while the server's output budget of %2 bytes is spent"_s
                  .arg(pendingOutput())
                  .arg(m_budget->limit);
        // Abort first: nothing more can reach this peer, so a reply to the signal must not try.
        abort(ErrorCode::SlowReader, detail);
        reportProtocolError(ErrorCode::SlowReader, detail, true);
        return false;
    }
    m_outQueue.append(bytes);
    m_outQueued += bytes.size();
    if (m_waitingWritable) {
        // The kernel is full: the write notifier flushes when it has room again.
    } else if (m_outQueued >= FlushThreshold) {
        flushOutput();
    } else {
        scheduleFlush();
    }
    accountOutput();
    return true;
}

void Connection::flush()
{
    // Still on this turn's list: its flush there finds nothing left, or what came since.
    flushOutput();
    accountOutput();
}

bool Connection::isOverLimit(qint64 more) const
{
    const qint64 held = pendingOutput() + more;
    if (m_maxPendingOutput > 0 && held > m_maxPendingOutput)
        return true;
    // Over the budget, only those that hold a large share go: a reader that keeps up holds
    // next to nothing once the kernel has taken its bytes.
    return m_budget && m_budget->limit > 0 && m_budget->queued + more > m_budget->limit &&
        held >= OutputBudget::ShareBytes;
}

void Connection::accountOutput()
{
    if (!m_budget)
        return;
    const qint64 held = m_finished ? 0 : pendingOutput();
    m_budget->queued += held - m_budgeted;
    m_budget->peak = std::max(m_budget->peak, m_budget->queued);
    m_budgeted = held;
}

void Connection::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    PendingFlushes &pending = pendingFlushes;
    pending.connections.append(this);
    if (pending.scheduled)
        return;
    pending.scheduled = true;
    if (!pending.context)
        pending.context = std::make_unique<QObject>();
    // Queued: everything this turn sends goes out afterwards, one write per connection.
    QMetaObject::invokeMethod(
        pending.context.get(), [] { flushPending(); }, Qt::QueuedConnection);
}

void Connection::flushPending()
{
    PendingFlushes &pending = pendingFlushes;
    pending.scheduled = false;
    // Taken first: a connection that queues output again meanwhile schedules a new round.
    QList<QPointer<Connection>> connections =
        std::exchange(pending.connections, std::move(pending.spare));
    for (const QPointer<Connection> &connection : std::as_const(connections)) {
        if (!connection)
            continue;
        connection->m_flushScheduled = false;
        connection->flushOutput();
        connection->accountOutput();
    }
    // Kept for the round after next (clear() keeps the room): a round is often every connection
    // (a stored batch to the whole room), and the list would otherwise grow again each time.
    connections.clear();
    pending.spare = std::move(connections);
}

void Connection::flushOutput()
{
    if (m_outQueue.isEmpty())
        return;
    if (m_descriptor >= 0) {
        flushToDescriptor();
        return;
    }
    if (!m_socket) {
        m_outQueue.clear();
        m_outQueued = 0;
        return;
    }
    // The kernel first, when Qt holds nothing back (otherwise the order would break): no copy,
    // no ring buffer, no write notifier. What it does not take goes to Qt's buffer, in order.
    qint64 written = 0;
    if (m_directWrites && m_socket->state() == QAbstractSocket::ConnectedState &&
        m_socket->bytesToWrite() == 0) {
        // Another error: Qt meets it on its own write and reports it the usual way.
        int error = 0;
        written = writeQueueDirectly(m_socket->socketDescriptor(), &error);
    }
    if (written == m_outQueued) {
        m_outQueue.clear();
        m_outQueued = 0;
        return;
    }
    qsizetype first = 0;
    while (written >= m_outQueue.at(first).size()) {
        written -= m_outQueue.at(first).size();
        ++first;
    }
    if (first == m_outQueue.size() - 1 && written == 0) {
        m_socket->write(m_outQueue.at(first)); // shared, not copied, if Qt's buffer is empty
    } else {
        QByteArray rest;
        rest.reserve(m_outQueued - written);
        for (qsizetype i = first; i < m_outQueue.size(); ++i) {
            const QByteArray &part = m_outQueue.at(i);
            rest.append(i == first ? QByteArrayView(part).sliced(written) : QByteArrayView(part));
        }
        m_socket->write(rest);
    }
    m_outQueue.clear();
    m_outQueued = 0;
}

void Connection::flushToDescriptor()
{
    if (m_waitingWritable)
        return; // the kernel is full: onWritable() comes back when it has room
    int error = 0;
    dequeue(writeQueueDirectly(m_descriptor, &error));
    if (error != 0) {
        dropDescriptor(error);
        return;
    }
    if (m_outQueue.isEmpty()) {
        if (m_closing && !m_finished) {
            // close() waited for this: everything reached the kernel.
            closeDescriptor();
            finish();
        }
        return;
    }
    m_waitingWritable = true;
    updateInterest();
}

void Connection::onWritable()
{
    m_waitingWritable = false;
    flushToDescriptor();
    // Not watched for writing any more once all of it went out.
    updateInterest();
    accountOutput();
}

void Connection::updateInterest()
{
    if (!m_watching)
        return;
    const quint32 interest = (m_closing ? DescriptorPoller::None : DescriptorPoller::Read) |
        (m_waitingWritable ? DescriptorPoller::Write : DescriptorPoller::None);
    if (!DescriptorPoller::forThisThread()->setInterest(int(m_descriptor), interest))
        dropDescriptor(errno);
}

void Connection::descriptorReady(quint32 ready)
{
    bool heard = false;
    if (m_waitingWritable && (ready & (DescriptorPoller::Writable | DescriptorPoller::Failed))) {
        heard = true;
        onWritable(); // sendmsg() says what failed
    }
    if (m_descriptor >= 0 && !m_closing &&
        (ready & (DescriptorPoller::Readable | DescriptorPoller::Failed))) {
        heard = true;
        onReadable(); // recv() says how the stream ended
    }
    if (!heard && m_descriptor >= 0 && (ready & DescriptorPoller::Failed)) {
        // Reported whatever was asked for, and nothing above would notice: ends it, or the
        // level-triggered set would report it on every turn.
        int error = 0;
#if defined(Q_OS_UNIX)
        socklen_t length = sizeof error;
        (void)::getsockopt(int(m_descriptor), SOL_SOCKET, SO_ERROR, &error, &length);
#endif
        dropDescriptor(error);
    }
}

void Connection::dequeue(qint64 written)
{
    if (written <= 0)
        return;
    m_outQueued -= written;
    written += m_outOffset;
    qsizetype done = 0;
    while (done < m_outQueue.size() && written >= m_outQueue.at(done).size()) {
        written -= m_outQueue.at(done).size();
        ++done;
    }
    if (done == m_outQueue.size()) {
        // An idle connection keeps no room for the many parts a busy turn queued (a join
        // burst in a big room): its memory is what counts when thousands idle.
        if (m_outQueue.capacity() > SmallQueue)
            m_outQueue = QList<QByteArray>();
        else
            m_outQueue.clear();
        m_outOffset = 0;
        return;
    }
    // Removing from the front of a QList moves no elements.
    m_outQueue.remove(0, done);
    m_outOffset = written;
}

qint64 Connection::writeQueueDirectly(qintptr descriptor, int *error)
{
    *error = 0;
#if defined(Q_OS_UNIX)
    if (descriptor < 0)
        return 0;
    iovec iov[MaxIov];
    qint64 total = 0;
    qsizetype next = 0;
    while (next < m_outQueue.size()) {
        int count = 0;
        qint64 batch = 0;
        for (; next < m_outQueue.size() && count < MaxIov; ++next, ++count) {
            const QByteArray &part = m_outQueue.at(next);
            const qint64 skip = next == 0 ? m_outOffset : 0;
            iov[count].iov_base = const_cast<char *>(part.constData() + skip);
            iov[count].iov_len = size_t(part.size() - skip);
            batch += part.size() - skip;
        }
        msghdr message {};
        message.msg_iov = iov;
        message.msg_iovlen = size_t(count);
        ssize_t sent;
        do {
            sent = ::sendmsg(int(descriptor), &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (sent < 0 && errno == EINTR);
        if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            *error = errno;
        if (sent <= 0)
            return total;
        total += sent;
        if (sent < batch)
            return total;
    }
    return total;
#else
    return 0;
#endif
}

void Connection::close(ErrorCode code, const QString &detail)
{
    if (m_closing)
        return;
    m_closing = true;
    m_closeCode = code;
    m_closeDetail = detail;
    DeadlineSweep::Entry::cancel();
    if (m_descriptor >= 0) {
        // Nothing more is read (as a QTcpSocket that is disconnecting); what is queued goes
        // out first, and the descriptor is closed once the kernel has taken it.
        flushOutput();
        accountOutput();
        if (m_finished)
            return; // all of it went out, or the peer is gone
        if (m_outQueue.isEmpty()) {
            closeDescriptor();
            finish();
            return;
        }
        updateInterest();
        m_flushTimer.start(FlushTimeoutMs, this);
        return;
    }
    if (!m_socket || m_socket->state() == QAbstractSocket::UnconnectedState) {
        finish();
        return;
    }
    flushOutput();
    accountOutput();
    m_flushTimer.start(FlushTimeoutMs, this);
    m_socket->disconnectFromHost();
}

void Connection::abort(ErrorCode code, const QString &detail)
{
    if (!m_closing) {
        m_closeCode = code;
        m_closeDetail = detail;
    }
    m_closing = true;
    m_outQueue.clear();
    m_outQueued = 0;
    m_outOffset = 0;
    if (m_socket)
        m_socket->abort();
    closeDescriptor();
    finish();
}

void Connection::onReadable()
{
#if defined(Q_OS_UNIX)
    char *buffer = sharedReadBuffer();
    qint64 total = 0;
    // Bounded per call, like a QTcpSocket's read buffer: the rest waits in the kernel, and
    // the level-triggered poller comes back for it on a later turn, after the others.
    while (!m_closing && m_descriptor >= 0 && total < ReadBufferSize) {
        const ssize_t received = ::recv(int(m_descriptor), buffer, size_t(ReadChunk), 0);
        if (received > 0) {
            total += received;
            m_lastReceived.start();
            receive(QByteArrayView(buffer, received));
            if (received < ReadChunk)
                return; // the kernel had no more; the poller says when it has
            continue;
        }
        if (received < 0 && errno == EINTR)
            continue;
        if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        dropDescriptor(received == 0 ? 0 : errno);
        return;
    }
#endif
}

void Connection::dropDescriptor(int error)
{
    if (!m_closing && m_closeDetail.isEmpty()) {
        // As a QTcpSocket says it: a reset or a broken pipe is the peer closing too.
        m_closeDetail = error == 0 || error == ECONNRESET || error == EPIPE
            ? tr("the peer closed the connection")
            : QString::fromLocal8Bit(std::strerror(error));
    }
    closeDescriptor();
    finish();
}

void Connection::closeDescriptor()
{
    if (m_descriptor < 0)
        return;
    // Before the close: the number is free for the next connection at once, and events for
    // this one still in the poller's batch are dropped.
    if (m_watching)
        DescriptorPoller::forThisThread()->remove(int(m_descriptor));
    m_watching = false;
    m_waitingWritable = false;
#if defined(Q_OS_UNIX)
    ::close(int(m_descriptor));
#endif
    m_descriptor = -1;
}

void Connection::onReadyRead()
{
    while (!m_closing && m_socket && m_socket->bytesAvailable() > 0) {
        // read(n) allocates n bytes before it knows how many there are: ask for what is there.
        const QByteArray bytes =
            m_socket->read(std::min(m_socket->bytesAvailable(), ReadBufferSize));
        m_lastReceived.start();
        receive(bytes);
    }
}

void Connection::receive(QByteArrayView bytes)
{
    if (m_mode == Mode::Detecting)
        detectFrom(bytes);
    else if (m_mode == Mode::Framed)
        decodeFrames(bytes);
    else
        decodeLines(bytes);
}

void Connection::detectFrom(QByteArrayView bytes)
{
    if (m_magicSeen.isEmpty() && bytes.front() == Protocol::TlsHandshakeByte) {
        const QString detail = u"a TLS handshake, but this server has no certificate"_s;
        reportProtocolError(ErrorCode::Protocol, detail, true);
        close(ErrorCode::Protocol, detail);
        return;
    }
    if (m_magicSeen.isEmpty() && bytes.front() != '\0') {
        switchMode(Mode::Line);
        decodeLines(bytes);
        return;
    }
    // A framed client: from here on the handshake timeout, not the detection, watches it.
    DeadlineSweep::Entry::cancel();
    const qsizetype take =
        std::min<qsizetype>(Protocol::MagicSize - m_magicSeen.size(), bytes.size());
    m_magicSeen.append(bytes.first(take));
    if (!Protocol::magic().startsWith(m_magicSeen)) {
        const QString detail = u"the first bytes are not the Tagarela magic"_s;
        reportProtocolError(ErrorCode::Protocol, detail, true);
        close(ErrorCode::Protocol, detail);
        return;
    }
    if (m_magicSeen.size() < Protocol::MagicSize)
        return;
    m_magicSeen = QByteArray(); // not needed again: a connection's memory counts by thousands
    switchMode(Mode::Framed);
    if (bytes.size() > take)
        decodeFrames(bytes.sliced(take));
}

void Connection::switchMode(Mode mode)
{
    DeadlineSweep::Entry::cancel();
    m_mode = mode;
    if (mode == Mode::Framed) {
        setHeartbeat(m_heartbeatMs, m_heartbeatTimeoutMs);
    } else if (m_socket) {
        // A person at a terminal cannot answer pings: let TCP find a dead peer instead.
        m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    } else {
        setSocketOption(SOL_SOCKET, SO_KEEPALIVE, 1);
    }
    if (m_listener)
        m_listener->connectionModeDetected(mode);
    Q_EMIT modeDetected(mode);
}

void Connection::decodeFrames(QByteArrayView bytes)
{
    if (!m_frames.feed(bytes)) {
        const QString detail = m_frames.error() == FrameError::ZeroLength
            ? u"a frame announced an empty payload"_s
            : u"a frame announced %1 bytes, over the limit of %2"_s.arg(m_frames.rejectedLength())
                  .arg(m_frames.maxPayload());
        reportProtocolError(ErrorCode::FrameTooLarge, detail, true);
        close(ErrorCode::FrameTooLarge, detail);
        return;
    }
    while (!m_closing && m_frames.hasFrame()) {
        const QByteArray payload = m_frames.next();
        m_inputBytes = payload.size();
        const DecodeResult result = MessageCodec::decode(payload);
        if (!result.ok()) {
            reportProtocolError(result.error, result.detail, false, result.clientId);
            continue;
        }
        switch (result.message.type) {
        case MessageType::Ping:
            send(Message::pong(result.message.id));
            break;
        case MessageType::Pong:
            if (result.message.id == m_awaitedPong && m_awaitedPong != 0) {
                m_awaitedPong = 0;
                m_latencyMs = int(m_pingSent.elapsed());
                Q_EMIT latencyMeasured(m_latencyMs);
            }
            break;
        default:
            if (m_listener)
                m_listener->connectionMessageReceived(result.message);
            Q_EMIT messageReceived(result.message);
        }
    }
}

void Connection::decodeLines(QByteArrayView bytes)
{
    m_lines.feed(bytes);
    while (!m_closing && m_lines.hasLine()) {
        const TextLine line = m_lines.next();
        if (m_listener)
            m_listener->connectionLineReceived(line);
        Q_EMIT lineReceived(line);
    }
}

void Connection::reportProtocolError(ErrorCode code, const QString &detail, bool fatal,
                                     const QString &clientId)
{
    if (m_listener)
        m_listener->connectionProtocolError(code, detail, fatal, clientId);
    Q_EMIT protocolError(code, detail, fatal, clientId);
}

void Connection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_flushTimer.timerId()) {
        m_flushTimer.stop();
        qCInfo(lcConnection).noquote() << peerName() << "did not take its last output in time";
        if (m_socket)
            m_socket->abort();
        closeDescriptor();
        finish();
    } else {
        QObject::timerEvent(event);
    }
}

void Connection::onHeartbeat()
{
    if (m_closing || m_mode != Mode::Framed)
        return;
    if (m_heartbeatTimeoutMs > 0 && m_lastReceived.elapsed() > m_heartbeatTimeoutMs) {
        // Translated: a client shows it when it reconnects ("Connection lost (...)").
        const QString detail = tr("nothing received for %1 ms").arg(m_lastReceived.elapsed());
        reportProtocolError(ErrorCode::HeartbeatTimeout, detail, true);
        close(ErrorCode::HeartbeatTimeout, detail);
        return;
    }
    ping();
}

void Connection::ping()
{
    if (m_closing || m_mode != Mode::Framed || m_awaitedPong != 0)
        return;
    m_awaitedPong = ++m_pingId;
    m_pingSent.start();
    send(Message::ping(m_awaitedPong));
}

void Connection::onDisconnected()
{
    if (!m_closing && m_closeDetail.isEmpty())
        m_closeDetail = tr("the peer closed the connection");
    finish();
}

void Connection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_closing = true;
    closeDescriptor();
    DeadlineSweep::Entry::cancel();
    m_flushTimer.stop();
    m_outQueue.clear();
    m_outQueued = 0;
    m_outOffset = 0;
    accountOutput();
    // Queued so that whoever called send() or close() is not torn down under its own feet.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_listener)
                m_listener->connectionClosed(m_closeCode, m_closeDetail);
            Q_EMIT closed(m_closeCode, m_closeDetail);
        },
        Qt::QueuedConnection);
}

} // namespace Tagarela
