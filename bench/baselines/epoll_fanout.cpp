// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The ceiling for bench/compare.sh: the least a broadcast server can do on one thread.
//
// Lines in, the same lines out to every client (the sender too), nothing else: no nicknames,
// no history, no protocol, no timers. One epoll loop, level-triggered, non-blocking sockets.
// Whatever complete lines one loop iteration reads (from any client) are sent to every client
// with one send() each; what the kernel does not take waits in that client's queue for
// EPOLLOUT, and a client more than 4 MiB behind is dropped, so memory stays bounded. It is
// what a careful engineer writes to find out how fast loopback fan-out can go on this
// machine, not a chat server: Tagarela does far more per message, and compare.sh shows how
// far it is from this.
//
// Usage: tagarela-baseline-epoll [--bind ADDRESS] [--port PORT]   (port 0: any free port)
// It prints "listening on ADDRESS port N" on stderr, like tagarela-server, and runs until
// killed.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr size_t ReadSize = 64 * 1024;
constexpr size_t MaxPending = 4 * 1024 * 1024; // a reader this far behind is dropped
constexpr size_t MaxLine = 64 * 1024; // longer lines are refused by dropping the sender
constexpr int MaxEvents = 256;

struct Peer
{
    int fd = -1;
    size_t slot = 0; // where it is in the list of live peers
    bool wantWrite = false;
    bool dropped = false;
    std::string in; // an incomplete line
    std::string out; // what the kernel did not take yet
    size_t outAt = 0;
};

class Fanout final
{
public:
    int run(const char *bind, int port);

private:
    void accept();
    void readFrom(Peer &peer);
    void flush(Peer &peer);
    void arm(Peer &peer, bool want);
    void broadcast();
    void drop(Peer &peer);
    void reap();

    int m_listener = -1;
    int m_epoll = -1;
    std::vector<std::unique_ptr<Peer>> m_byFd; // indexed by descriptor
    std::vector<Peer *> m_live;
    std::vector<Peer *> m_dropped;
    std::string m_batch; // the complete lines this iteration read, in arrival order
    char m_read[ReadSize];
};

int Fanout::run(const char *bind, int port)
{
    m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    if (::inet_pton(AF_INET, bind, &address.sin_addr) != 1) {
        std::fprintf(stderr, "tagarela-baseline-epoll: not an IPv4 address: %s\n", bind);
        return 2;
    }
    if (::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(m_listener, 1024) != 0) {
        std::fprintf(stderr, "tagarela-baseline-epoll: %s\n", std::strerror(errno));
        return 1;
    }
    socklen_t length = sizeof address;
    ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
    std::fprintf(stderr, "listening on %s port %d\n", bind, ntohs(address.sin_port));

    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_listener;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_listener, &event);
    epoll_event events[MaxEvents];
    for (;;) {
        const int count = ::epoll_wait(m_epoll, events, MaxEvents, -1);
        if (count < 0 && errno != EINTR) {
            std::fprintf(stderr, "tagarela-baseline-epoll: epoll_wait: %s\n", std::strerror(errno));
            return 1;
        }
        for (int i = 0; i < count; ++i) {
            const int fd = events[i].data.fd;
            if (fd == m_listener) {
                accept();
                continue;
            }
            Peer *peer = m_byFd[size_t(fd)].get();
            if (!peer || peer->dropped)
                continue;
            if (events[i].events & EPOLLOUT)
                flush(*peer);
            if (!peer->dropped && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
                readFrom(*peer);
        }
        broadcast();
        reap();
    }
}

void Fanout::accept()
{
    // A bounded drain: the rest of the backlog waits for the next iteration.
    for (int i = 0; i < 256; ++i) {
        const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return; // EAGAIN, or a connection that went away before we took it
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (m_byFd.size() <= size_t(fd))
            m_byFd.resize(size_t(fd) + 1);
        m_byFd[size_t(fd)] = std::make_unique<Peer>();
        Peer &peer = *m_byFd[size_t(fd)];
        peer.fd = fd;
        peer.slot = m_live.size();
        m_live.push_back(&peer);
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.fd = fd;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    }
}

void Fanout::readFrom(Peer &peer)
{
    const ssize_t n = ::recv(peer.fd, m_read, ReadSize, 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        drop(peer);
        return;
    }
    if (n < 0)
        return;
    const char *end = m_read + n;
    const char *lastNewline = nullptr;
    for (const char *p = end; p > m_read; --p) {
        if (p[-1] == '\n') {
            lastNewline = p;
            break;
        }
    }
    if (!lastNewline) {
        peer.in.append(m_read, size_t(n));
        if (peer.in.size() > MaxLine)
            drop(peer);
        return;
    }
    m_batch += peer.in;
    peer.in.clear();
    m_batch.append(m_read, size_t(lastNewline - m_read));
    peer.in.assign(lastNewline, size_t(end - lastNewline));
}

void Fanout::broadcast()
{
    if (m_batch.empty())
        return;
    for (Peer *peer : m_live) {
        if (peer->dropped)
            continue;
        if (peer->outAt < peer->out.size()) {
            // Behind already: keep the order, queue behind what is waiting.
            if (peer->out.size() - peer->outAt + m_batch.size() > MaxPending) {
                drop(*peer);
                continue;
            }
            peer->out += m_batch;
            continue;
        }
        const ssize_t n = ::send(peer->fd, m_batch.data(), m_batch.size(), MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            drop(*peer);
            continue;
        }
        const size_t sent = n > 0 ? size_t(n) : 0;
        if (sent < m_batch.size()) {
            peer->out.assign(m_batch, sent, std::string::npos);
            peer->outAt = 0;
            arm(*peer, true);
        }
    }
    m_batch.clear();
}

void Fanout::flush(Peer &peer)
{
    while (peer.outAt < peer.out.size()) {
        const ssize_t n = ::send(peer.fd, peer.out.data() + peer.outAt,
                                 peer.out.size() - peer.outAt, MSG_NOSIGNAL);
        if (n > 0) {
            peer.outAt += size_t(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        drop(peer);
        return;
    }
    peer.out.clear();
    peer.outAt = 0;
    arm(peer, false);
}

void Fanout::arm(Peer &peer, bool want)
{
    if (peer.wantWrite == want)
        return;
    epoll_event event {};
    event.events = EPOLLIN | (want ? EPOLLOUT : 0u);
    event.data.fd = peer.fd;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, peer.fd, &event);
    peer.wantWrite = want;
}

// Dropped peers leave the list only after the broadcast that may be iterating over it.
void Fanout::drop(Peer &peer)
{
    if (peer.dropped)
        return;
    peer.dropped = true;
    m_dropped.push_back(&peer);
}

void Fanout::reap()
{
    for (Peer *peer : m_dropped) {
        Peer *last = m_live.back();
        m_live[peer->slot] = last;
        last->slot = peer->slot;
        m_live.pop_back();
        const int fd = peer->fd;
        ::close(fd); // also removes it from the epoll set
        m_byFd[size_t(fd)].reset();
    }
    m_dropped.clear();
}

} // namespace

int main(int argc, char *argv[])
{
    const char *bind = "127.0.0.1";
    int port = 3000;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--bind" && i + 1 < argc) {
            bind = argv[++i];
        } else if (arg == "--port" && i + 1 < argc) {
            char *end = nullptr;
            const long value = std::strtol(argv[++i], &end, 10);
            if (*end != '\0' || value < 0 || value > 65535) {
                std::fprintf(stderr, "tagarela-baseline-epoll: --port: expected 0 to 65535\n");
                return 2;
            }
            port = int(value);
        } else {
            std::fprintf(stderr, "usage: tagarela-baseline-epoll [--bind ADDRESS] [--port PORT]\n");
            return 2;
        }
    }
    static Fanout fanout; // its read buffer is large: not on the stack
    return fanout.run(bind, port);
}
