// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: what a stranger can send the server, from the first byte on.
//
// The real ChatServer listens on loopback, with a resident member already in its room. Each
// input goes over a new TCP connection, a chunk at a time with the event loop run in between,
// so the bytes pass through the listener, Connection's mode detection, FrameDecoder,
// MessageCodec and ClientSession's handshake, hello and nickname states, and whatever a client
// that got in can do, exactly as from the network. The client then resets the connection, and
// the session must be gone, deleted, before the next input.
//
// Input: byte 0 says how to send, the rest is what the client sends.
//   bits 0-6: the chunk size (0: all in one write);
//   bit 7: stay silent first, until the server has given up waiting and greeted a text client.
//
// Checked beyond the sanitizers: every frame the server sends a framed client decodes, and
// every event the room sends out reaches others clean: its frame decodes to it, and its text
// form (what telnet clients see) holds nothing but printable lines.

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <thread>

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QStringList>

#include "broadcast.h"
#include "chatroom.h"
#include "chatserver.h"
#include "clientsession.h"
#include "framedecoder.h"
#include "fuzzcheck.h"
#include "messagecodec.h"
#include "protocol.h"
#include "roommember.h"
#include "serverconfig.h"
#include "validation.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Tagarela;
using namespace Qt::StringLiterals;
using Tagarela::Fuzz::require;

namespace {

// Chunks sent one event-loop turn apart; the rest of a longer input goes in one write.
constexpr int MaxChunks = 16;
// How long the server may take to notice a reset and delete the session; far more than it
// needs, so that only a session that never goes away trips it.
constexpr std::chrono::milliseconds TeardownLimit {5000};

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

// Someone already in the room: nicknames can clash with it, and it receives every event that
// the fuzzed client causes, as the other clients would.
class Resident final : public RoomMember
{
public:
    static constexpr auto Nick = "zoe"_L1;

    void deliver(const Broadcast &broadcast) override
    {
        const Message &event = broadcast.event();
        const QByteArray &frame = broadcast.frame();
        const DecodeResult decoded =
            MessageCodec::decode(QByteArrayView(frame).sliced(Protocol::FrameHeaderSize));
        require(decoded.ok() && decoded.message == event, "an event's frame decodes to it");

        const QByteArray &text = broadcast.text();
        require(text.endsWith("\r\n"), "an event's text form is whole lines");
        require(Validation::isValidUtf8(text), "an event's text form is UTF-8");
        const QStringList lines = QString::fromUtf8(text.first(text.size() - 2)).split(u"\r\n"_s);
        for (const QString &line : lines) {
            for (char32_t c : line.toUcs4()) {
                if (isControl(c)) {
                    std::fprintf(stderr, "Event line: %s\n",
                                 line.toUtf8().toPercentEncoding(" []()*<>").constData());
                    require(false, "an event's text lines hold no control characters");
                }
            }
        }
    }

    void tell(const Message &message) override
    {
        // The resident never sends, so nothing is acknowledged or refused to it.
        require(false, "the resident is told nothing of its own");
        (void)message;
    }

    void displace() override
    {
        // Its resume token is random and never leaves the process: no input can take over.
        require(false, "the resident is never displaced");
    }

    QString address() const override { return u"resident"_s; }
};

struct Servers
{
    ChatServer *greeting = nullptr; //!< detects the mode from the first byte
    ChatServer *silent = nullptr; //!< greets a text client at once
    Resident resident;
};

Servers *servers = nullptr;

ChatServer *startServer(int detectTimeoutMs, Resident *resident)
{
    ServerConfig config;
    config.bindAddress = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.serverName = u"fuzz"_s;
    config.detectTimeoutMs = detectTimeoutMs;
    // No timer but the detection fires within an input: it takes a few milliseconds at most.
    config.handshakeTimeoutMs = 600'000;
    config.nickTimeoutMs = 600'000;
    config.heartbeatMs = 600'000;
    config.heartbeatTimeoutMs = 600'000;
    auto *server = new ChatServer(config);
    require(server->listen(), "the server listens on loopback");
    require(server->room().join(resident, Resident::Nick).ok(), "the resident joins");
    return server;
}

QList<ClientSession *> sessionsOf(ChatServer *server)
{
    return server->findChildren<ClientSession *>(Qt::FindDirectChildrenOnly);
}

void runEventLoop(int turns)
{
    for (int i = 0; i < turns; ++i)
        QCoreApplication::processEvents();
}

// Waits for a connect() that a signal interrupted; true when it succeeded, else errno says why.
bool finishInterruptedConnect(int fd)
{
    pollfd writable {fd, POLLOUT, 0};
    int ready;
    do
        ready = ::poll(&writable, 1, int(TeardownLimit.count()));
    while (ready < 0 && errno == EINTR);
    if (ready <= 0) {
        errno = ready == 0 ? ETIMEDOUT : errno;
        return false;
    }
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        return false;
    errno = error;
    return error == 0;
}

// A plain socket, not a QTcpSocket: the client side must not share the server's event loop.
int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    require(fd >= 0, "a client socket");
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Out of local ports (other programs on the machine, closed connections in TIME_WAIT) is
    // the machine's problem, not the server's: wait a little for some to free up, boundedly.
    int attempts = 0;
    while (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        // A signal (libFuzzer's timeout alarm) interrupts the call, not the connection: the
        // kernel goes on with it, so wait for it to finish and take its own result.
        if (errno == EINTR && finishInterruptedConnect(fd))
            break;
        if (errno != EADDRNOTAVAIL || ++attempts > 200) {
            std::fprintf(stderr, "connect: %s\n", std::strerror(errno));
            require(false, "the client connects");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    // Otherwise Nagle holds each small chunk back until the server's delayed ACK comes.
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return fd;
}

// Sends what the socket takes now; a server that stopped reading gets no more.
void sendSome(int fd, QByteArrayView bytes)
{
    if (!bytes.isEmpty())
        (void)::send(fd, bytes.data(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
}

void receiveAll(int fd, QByteArray *received)
{
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n <= 0)
            return;
        received->append(buffer, n);
    }
}

// Closes with a reset (no FIN, no TIME_WAIT): a million inputs must not use up the ports.
void reset(int fd)
{
    const linger abortive {1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    ::close(fd);
}

void checkFramedOutput(const QByteArray &received)
{
    FrameDecoder frames(Protocol::MaxServerFrame);
    require(frames.feed(received), "the server sends well-formed frames");
    while (frames.hasFrame()) {
        const DecodeResult result = MessageCodec::decode(frames.next());
        require(result.ok(), "every message the server sends decodes");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    static int argc = 1;
    static char name[] = "fuzz_handshake";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
    // The server logs every refusal; QT_LOGGING_RULES still overrides this, to see them.
    QLoggingCategory::setFilterRules(u"tagarela.*=false"_s);
    servers = new Servers;
    servers->greeting = startServer(600'000, &servers->resident);
    servers->silent = startServer(0, &servers->resident);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype chunkSize = data[0] & 0x7f;
    const bool silentFirst = (data[0] & 0x80) != 0;
    const QByteArrayView stream(data + 1, qsizetype(size - 1));
    ChatServer *server = silentFirst ? servers->silent : servers->greeting;

    const int fd = connectTo(server->serverPort());
    QByteArray received;
    if (silentFirst) {
        const QDeadlineTimer deadline(TeardownLimit);
        for (;;) {
            QCoreApplication::processEvents();
            const QList<ClientSession *> sessions = sessionsOf(server);
            if (!sessions.isEmpty() &&
                sessions.constFirst()->connection()->mode() == Connection::Mode::Line)
                break;
            require(!deadline.hasExpired(), "a silent client is greeted as a text client");
        }
    }

    qsizetype at = 0;
    for (int chunk = 0; at < stream.size(); ++chunk) {
        const qsizetype take = chunkSize == 0 || chunk == MaxChunks - 1
            ? stream.size() - at
            : qMin(chunkSize, stream.size() - at);
        sendSome(fd, stream.sliced(at, take));
        at += take;
        runEventLoop(1);
        receiveAll(fd, &received);
    }
    // Replies go out on a later turn than the bytes that caused them.
    runEventLoop(3);
    receiveAll(fd, &received);

    const bool framed = !silentFirst && stream.startsWith(Protocol::magic());
    if (framed)
        checkFramedOutput(received);
    else
        require(received.isEmpty() || Validation::isValidUtf8(received), "text output is UTF-8");

    reset(fd);
    const QDeadlineTimer deadline(TeardownLimit);
    while (server->connectionCount() > 0) {
        require(!deadline.hasExpired(), "a reset connection's session finishes");
        QCoreApplication::processEvents();
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    require(sessionsOf(server).isEmpty(), "a finished session is deleted");
    require(server->room().size() == 1, "only the resident stays in the room");
    return 0;
}
