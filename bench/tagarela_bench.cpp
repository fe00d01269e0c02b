// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// tagarela-bench: a load generator for tagarela-server in the spirit of redis-benchmark.
//
// One thread drives every connection with epoll and non-blocking sockets, so that the bench is
// not what limits a run. N clients join; S of them send M messages of B bytes each; every
// client reads everything. Each text carries its sender, sequence number and send time
// (CLOCK_MONOTONIC), so each receiver measures latency and finds lost, duplicated and
// reordered deliveries per sender. See bench/README.md.
//
// --plain drives a server that speaks bare lines (no nickname, no replies, every line to every
// client), such as the baselines in bench/baselines/, so the same workloads run against them.
// --host and --port take lists: client i connects to the (i mod n)-th server. With
// --room-per-server the servers are separate rooms (no shared engine): a client then expects
// only the messages of the senders on its own server.

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <QByteArray>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include "framedecoder.h"
#include "latencyhistogram.h"
#include "message.h"
#include "messagecodec.h"
#include "protocol.h"
#include "serverframe.h"
#include "wirescan.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

using namespace Tagarela;
using namespace Tagarela::Bench;
using namespace Qt::StringLiterals;

namespace {

// "S000001 Q000000001 T00000000000000000000": sender, sequence, send time in ns; then padding.
constexpr int PrefixSize = 40;
constexpr int SenderDigits = 6;
constexpr int SeqDigits = 9;
constexpr int TimeDigits = 20;
constexpr int SenderAt = 1;
constexpr int SeqAt = SenderAt + SenderDigits + 2;
constexpr int TimeAt = SeqAt + SeqDigits + 2;

constexpr size_t ScratchSize = 256 * 1024;
// A flat-out sender tops up its output until this much is queued, then waits for EPOLLOUT.
constexpr size_t SendLowWater = 64 * 1024;
// At most this many connections in flight between connect() and welcome: the server's listen
// backlog is small and a SYN flood would only cost retransmission seconds.
constexpr int MaxJoining = 128;
constexpr int MaxEvents = 1024;
constexpr qint64 DrainTimeoutNs = 5'000'000'000;
constexpr quint32 MaxServerFrame = quint32(Protocol::MaxServerFrame);
constexpr size_t MaxLine = 16 * 1024 * 1024;
// Larger duplicate-tracking bit sets are not kept; reordering still counts repeats then.
constexpr quint64 MaxTrackedBits = quint64(1) << 31;

qint64 monotonicNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

struct Preset
{
    const char *name;
    int clients;
    int senders;
    int messages;
    int size;
    double rate;
    const char *purpose;
};

constexpr Preset Presets[] = {
    {"w1", 100, 10, 3000, 100, 0, "throughput: 100 clients, 10 senders x 3000 x 100 B, flat out"},
    // w1 ten times longer: work a server puts off until a burst is over (Tagarela's search
    // index) has to be done inside this run.
    {"w1s", 100, 10, 30000, 100, 0, "sustained throughput: w1 with 10 senders x 30000"},
    {"w2", 1000, 1, 1000, 100, 1000, "fan-out latency: 1000 clients, 1 sender, 1000 at 1000/s"},
    {"w3", 5000, 10, 10, 100, 1, "many idle clients: 5000 clients, 10 senders x 10 at 1/s"},
    {"w3x", 10000, 10, 10, 100, 1, "10000 clients, 10 senders x 10 at 1/s"},
    {"w4", 100, 10, 500, 100, 50, "steady load: 100 clients, 10 senders x 500 at 50/s"},
};

struct Endpoint
{
    QByteArray host;
    quint16 port = 0;
    sockaddr_storage address {};
    socklen_t addressLength = 0;
};

struct Options
{
    QList<Endpoint> endpoints;
    int clients = 50;
    int senders = 5;
    int messages = 1000;
    int size = 100;
    double rate = 0;
    int window = 256;
    bool line = false;
    bool plain = false;
    QList<qint64> serverPids;
    bool json = false;
    int timeoutS = 120;
    bool crossCheck = false;
    bool roomPerServer = false; //!< each server is its own room
    QString preset;
};

struct ServerSample
{
    bool ok = false;
    qint64 cpuTicks = 0;
    qint64 rssKb = 0;
    qint64 hwmKb = 0;
};

ServerSample sampleProcess(qint64 pid)
{
    ServerSample sample;
    if (pid <= 0)
        return sample;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return sample;
    const QByteArray statLine = stat.readAll();
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const qsizetype close = statLine.lastIndexOf(')');
    const QList<QByteArray> fields = statLine.mid(close + 2).split(' ');
    if (close < 0 || fields.size() < 13)
        return sample;
    sample.cpuTicks = fields.at(11).toLongLong() + fields.at(12).toLongLong(); // utime, stime
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return sample;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            sample.rssKb = line.mid(6).trimmed().split(' ').constFirst().toLongLong();
        else if (line.startsWith("VmHWM:"))
            sample.hwmKb = line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    sample.ok = true;
    return sample;
}

// Several servers (--server-pid 1,2,3) count as one: their CPU and memory are summed.
ServerSample sampleServer(const QList<qint64> &pids)
{
    ServerSample total;
    for (const qint64 pid : pids) {
        const ServerSample one = sampleProcess(pid);
        if (!one.ok)
            return {};
        total.cpuTicks += one.cpuTicks;
        total.rssKb += one.rssKb;
        total.hwmKb += one.hwmKb;
        total.ok = true;
    }
    return total;
}

// Plain mode: Joining until connect() completes, then Probing until the first probe line
// comes back through the server (from then on the server delivers to it), then Joined.
enum class ConnState { Connecting, Joining, Probing, Joined, Closed };

struct Client
{
    int fd = -1;
    int index = 0;
    ConnState state = ConnState::Connecting;
    bool wantWrite = false;
    std::string out;
    size_t outAt = 0;
    std::string in; // an incomplete frame or line carried over between reads
    QString problem; // the server's refusal or why the connection ended
    bool inHistory = false; // text mode: between the server's recent-messages lines
    // As a sender:
    int nextSeq = 0;
    qint64 nextDueNs = 0;
};

class LoadRun final
{
public:
    explicit LoadRun(const Options &options);
    ~LoadRun();
    int run();

private:
    bool resolve();
    bool openNext();
    void arm(Client &c);
    void flush(Client &c);
    void onReadable(Client &c, char *scratch);
    void onWritable(Client &c);
    void closeClient(Client &c, const QString &why);
    size_t takeFrames(Client &c, const char *data, size_t size);
    size_t takeLines(Client &c, const char *data, size_t size);
    void handleFrame(Client &c, QByteArrayView payload);
    void handleMessage(Client &c, const Message &message);
    void handleLine(Client &c, QByteArrayView line);
    void onJoined(Client &c);
    void deliver(Client &receiver, QByteArrayView text);
    void appendMessage(Client &c, qint64 now);
    void topUp(Client &c);
    bool canSend(const Client &c) const;
    void sendDue(qint64 now);
    qint64 earliestDue() const;
    void sendProbe(qint64 now);
    QString refusedBy(const Client &c) const;
    const Endpoint &endpointOf(const Client &c) const;
    void report();

    Options m_o;
    int m_epoll = -1;
    std::vector<Client> m_clients;
    std::string m_padding; // what a text of m_o.size bytes holds after its prefix
    int m_opened = 0;
    int m_joining = 0;
    int m_joined = 0;
    int m_probing = 0;
    int m_probesSent = 0;
    qint64 m_nextProbeNs = 0;
    bool m_sending = false;
    QString m_fatal;

    // Delivery bookkeeping, per (receiver, sender).
    std::vector<qint32> m_maxSeq;
    std::vector<qint32> m_uniquePer;
    std::vector<quint64> m_seen;
    bool m_trackDuplicates = true;
    quint64 m_expected = 0;
    quint64 m_unique = 0;
    quint64 m_duplicated = 0;
    quint64 m_outOfOrder = 0;
    quint64 m_corrupt = 0;
    quint64 m_protocolErrors = 0;
    quint64 m_crossCheckMismatches = 0;
    quint64 m_sent = 0;
    int m_closedAfterJoin = 0;
    int m_leftSeen = 0;
    QString m_firstLeftReason;
    QString m_endReason;
    LatencyHistogram m_latency;

    qint64 m_startNs = 0;
    qint64 m_joinedNs = 0;
    qint64 m_lastDeliveryNs = 0;
    qint64 m_progressNs = 0;
    // When the read being parsed returned: a delivery's arrival time. One clock reading per
    // read, not per message, and the bench's parsing of a read is not counted as latency.
    qint64 m_readNs = 0;
    ServerSample m_serverBefore;
    ServerSample m_serverJoined;
    ServerSample m_serverEnd;
    qint64 m_sendStartNs = 0;
};

LoadRun::LoadRun(const Options &options)
    : m_o(options)
{
    m_padding.resize(size_t(m_o.size - PrefixSize));
    for (int i = PrefixSize; i < m_o.size; ++i)
        m_padding[size_t(i - PrefixSize)] = char('a' + i % 26);
    m_clients.resize(size_t(m_o.clients));
    const size_t pairs = size_t(m_o.clients) * size_t(m_o.senders);
    m_maxSeq.assign(pairs, -1);
    m_uniquePer.assign(pairs, 0);
    const quint64 bits = quint64(pairs) * quint64(m_o.messages);
    m_trackDuplicates = bits <= MaxTrackedBits;
    if (m_trackDuplicates)
        m_seen.assign(size_t((bits + 63) / 64), 0);
    if (!m_o.roomPerServer) {
        m_expected = quint64(pairs) * quint64(m_o.messages);
    } else {
        // Client c is in the room of server c mod n, with the senders s of the same s mod n.
        const int servers = int(m_o.endpoints.size());
        for (int c = 0; c < m_o.clients; ++c) {
            for (int s = 0; s < m_o.senders; ++s) {
                if (s % servers == c % servers)
                    m_expected += quint64(m_o.messages);
            }
        }
    }
}

LoadRun::~LoadRun()
{
    for (Client &c : m_clients) {
        if (c.fd >= 0)
            ::close(c.fd);
    }
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool LoadRun::resolve()
{
    for (Endpoint &endpoint : m_o.endpoints) {
        addrinfo hints {};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo *found = nullptr;
        const QByteArray port = QByteArray::number(endpoint.port);
        const int rc = ::getaddrinfo(endpoint.host.constData(), port.constData(), &hints, &found);
        if (rc != 0 || !found) {
            m_fatal = u"cannot resolve %1: %2"_s.arg(QString::fromUtf8(endpoint.host),
                                                     QString::fromUtf8(::gai_strerror(rc)));
            return false;
        }
        std::memcpy(&endpoint.address, found->ai_addr, found->ai_addrlen);
        endpoint.addressLength = found->ai_addrlen;
        ::freeaddrinfo(found);
    }
    return true;
}

const Endpoint &LoadRun::endpointOf(const Client &c) const
{
    return m_o.endpoints.at(c.index % m_o.endpoints.size());
}

QString LoadRun::refusedBy(const Client &c) const
{
    const Endpoint &endpoint = endpointOf(c);
    return u"connection refused by %1 port %2: is the server running there?"_s
        .arg(QString::fromUtf8(endpoint.host))
        .arg(endpoint.port);
}

bool LoadRun::openNext()
{
    Client &c = m_clients[size_t(m_opened)];
    c.index = m_opened++;
    const Endpoint &endpoint = endpointOf(c);
    c.fd = ::socket(endpoint.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        m_fatal = u"socket(): %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const int one = 1;
    ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const QByteArray nick = "b" + QByteArray::number(c.index);
    if (m_o.plain) {
        // Nothing to say: a plain server has no opening step.
    } else if (m_o.line) {
        c.out = nick.toStdString() + '\n';
    } else {
        // Magic, handshake and hello in one write: the server takes them in order.
        QByteArray opening = Protocol::magic().toByteArray();
        opening += FrameDecoder::encode(MessageCodec::encode(Message::handshake({1})));
        opening +=
            FrameDecoder::encode(MessageCodec::encode(Message::hello(QString::fromLatin1(nick))));
        c.out = opening.toStdString();
    }
    if (::connect(c.fd, reinterpret_cast<const sockaddr *>(&endpoint.address),
                  endpoint.addressLength) != 0 &&
        errno != EINPROGRESS) {
        const int error = errno;
        m_fatal = error == ECONNREFUSED
            ? refusedBy(c)
            : u"connect(): %1"_s.arg(QString::fromLocal8Bit(std::strerror(error)));
        return false;
    }
    epoll_event event {};
    event.events = EPOLLIN | EPOLLOUT;
    event.data.u32 = quint32(c.index);
    c.wantWrite = true;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event);
    c.state = ConnState::Joining;
    ++m_joining;
    return true;
}

void LoadRun::arm(Client &c)
{
    const bool want = c.outAt < c.out.size();
    if (want == c.wantWrite || c.fd < 0)
        return;
    epoll_event event {};
    event.events = EPOLLIN | (want ? EPOLLOUT : 0u);
    event.data.u32 = quint32(c.index);
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
    c.wantWrite = want;
}

void LoadRun::flush(Client &c)
{
    while (c.fd >= 0 && c.outAt < c.out.size()) {
        const ssize_t n =
            ::send(c.fd, c.out.data() + c.outAt, c.out.size() - c.outAt, MSG_NOSIGNAL);
        if (n > 0) {
            c.outAt += size_t(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            break;
        closeClient(c, u"send(): %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    if (c.outAt == c.out.size()) {
        c.out.clear();
        c.outAt = 0;
    } else if (c.outAt > (1u << 20)) {
        c.out.erase(0, c.outAt);
        c.outAt = 0;
    }
    arm(c);
}

void LoadRun::closeClient(Client &c, const QString &why)
{
    if (c.fd < 0)
        return;
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
    ::close(c.fd);
    c.fd = -1;
    if (c.problem.isEmpty())
        c.problem = why;
    if (c.state == ConnState::Joining || c.state == ConnState::Probing) {
        if (c.state == ConnState::Joining)
            --m_joining;
        else
            --m_probing;
        if (m_fatal.isEmpty())
            m_fatal = u"client b%1 was not let in: %2"_s.arg(c.index).arg(c.problem);
    } else if (c.state == ConnState::Joined) {
        ++m_closedAfterJoin;
    }
    c.state = ConnState::Closed;
}

void LoadRun::onWritable(Client &c)
{
    if (c.state == ConnState::Joining && c.outAt == 0 && (m_o.plain || !c.out.empty())) {
        int error = 0;
        socklen_t length = sizeof error;
        ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            if (error == ECONNREFUSED)
                m_fatal = refusedBy(c);
            closeClient(c, QString::fromLocal8Bit(std::strerror(error)));
            return;
        }
        if (m_o.plain) {
            // Connected; joined once a probe comes back (see sendProbe).
            c.state = ConnState::Probing;
            --m_joining;
            ++m_probing;
            m_progressNs = monotonicNs();
        }
    }
    flush(c);
    if (m_sending && m_o.rate <= 0)
        topUp(c);
}

void LoadRun::onReadable(Client &c, char *scratch)
{
    const ssize_t n = ::recv(c.fd, scratch, ScratchSize, 0);
    if (n == 0) {
        closeClient(c, u"the server closed the connection"_s);
        return;
    }
    if (n < 0) {
        const int error = errno;
        if (error == EAGAIN || error == EINTR)
            return;
        if (error == ECONNREFUSED && c.state == ConnState::Joining)
            m_fatal = refusedBy(c);
        closeClient(c, QString::fromLocal8Bit(std::strerror(error)));
        return;
    }
    m_readNs = monotonicNs();
    const bool lines = m_o.line || m_o.plain;
    // Parse straight from the scratch buffer; only an incomplete tail is copied.
    const char *data = scratch;
    size_t size = size_t(n);
    if (!c.in.empty()) {
        // A frame or line carried over from the last read: complete it with the bytes it still
        // needs and parse it on its own, rather than copying the whole read behind it.
        const size_t rest = bytesToFinish(lines ? Unit::Line : Unit::Frame,
                                          QByteArrayView(c.in.data(), qsizetype(c.in.size())), data,
                                          size, MaxServerFrame);
        c.in.append(data, rest);
        data += rest;
        size -= rest;
        const size_t used = lines ? takeLines(c, c.in.data(), c.in.size())
                                  : takeFrames(c, c.in.data(), c.in.size());
        if (c.fd < 0)
            return;
        c.in.erase(0, used);
        if (!c.in.empty())
            return; // still incomplete: this read held nothing more
    }
    const size_t used = lines ? takeLines(c, data, size) : takeFrames(c, data, size);
    if (c.fd < 0)
        return;
    c.in.assign(data + used, size - used);
}

size_t LoadRun::takeFrames(Client &c, const char *data, size_t size)
{
    size_t at = 0;
    while (c.fd >= 0 && size - at >= size_t(Protocol::FrameHeaderSize)) {
        const auto *h = reinterpret_cast<const unsigned char *>(data + at);
        const quint32 length =
            (quint32(h[0]) << 24) | (quint32(h[1]) << 16) | (quint32(h[2]) << 8) | h[3];
        if (length == 0 || length > MaxServerFrame) {
            ++m_protocolErrors;
            closeClient(c, u"the server sent a frame of %1 bytes"_s.arg(length));
            return at;
        }
        if (size - at < Protocol::FrameHeaderSize + size_t(length))
            break;
        handleFrame(c, QByteArrayView(data + at + Protocol::FrameHeaderSize, length));
        at += Protocol::FrameHeaderSize + length;
    }
    return at;
}

size_t LoadRun::takeLines(Client &c, const char *data, size_t size)
{
    size_t at = 0;
    while (c.fd >= 0 && at < size) {
        const void *end = std::memchr(data + at, '\n', size - at);
        if (!end) {
            if (size - at > MaxLine) {
                ++m_protocolErrors;
                closeClient(c, u"the server sent a line longer than 16 MiB"_s);
            }
            break;
        }
        const size_t stop = size_t(static_cast<const char *>(end) - data);
        size_t lineEnd = stop;
        if (lineEnd > at && data[lineEnd - 1] == '\r')
            --lineEnd;
        handleLine(c, QByteArrayView(data + at, qsizetype(lineEnd - at)));
        at = stop + 1;
    }
    return at;
}

void LoadRun::handleFrame(Client &c, QByteArrayView payload)
{
    const ScannedFrame frame = scanServerFrame(payload);
    if (frame.kind == FrameKind::Chat) {
        if (m_o.crossCheck) {
            const DecodeResult full = MessageCodec::decode(payload);
            if (!full.ok() || full.message.type != MessageType::Chat ||
                full.message.from.toUtf8() != frame.from ||
                full.message.text.toUtf8() != frame.text ||
                full.message.time != qint64(frame.time) || full.message.action != frame.action) {
                ++m_crossCheckMismatches;
            }
        }
        if (c.state == ConnState::Joined)
            deliver(c, frame.text);
        return;
    }
    // joined is the one other message that comes in bulk (N^2 of them while joining).
    if (frame.kind == FrameKind::Joined)
        return;
    // A welcome carries everyone's nickname: decoding 5,000 of them for each of 5,000 joiners
    // would make the bench, not the server, what w3 measures. Only --cross-check reads them.
    if (frame.kind == FrameKind::Welcome && !m_o.crossCheck) {
        if (c.state == ConnState::Joining)
            onJoined(c);
        return;
    }
    const DecodeResult full = MessageCodec::decode(payload);
    if (!full.ok()) {
        if (full.error != ErrorCode::UnknownType)
            ++m_protocolErrors;
        return;
    }
    handleMessage(c, full.message);
}

void LoadRun::handleMessage(Client &c, const Message &message)
{
    switch (message.type) {
    case MessageType::Chat:
        // Only here when the fast scan declined (non-ASCII text): not ours, or corrupted.
        if (c.state == ConnState::Joined)
            deliver(c, message.text.toUtf8());
        break;
    case MessageType::Welcome:
        if (c.state == ConnState::Joining)
            onJoined(c);
        break;
    case MessageType::Ping:
        c.out +=
            FrameDecoder::encode(MessageCodec::encode(Message::pong(message.id))).toStdString();
        flush(c);
        break;
    case MessageType::Error:
    case MessageType::Bye:
        if (c.problem.isEmpty())
            c.problem = u"%1 %2: %3"_s.arg(messageTypeName(message.type),
                                           errorCodeName(message.code), message.text);
        // A refused hello (nick taken, invalid) leaves the client waiting: end it here.
        if (c.state == ConnState::Joining)
            closeClient(c, c.problem);
        break;
    case MessageType::Left:
        ++m_leftSeen;
        if (m_firstLeftReason.isEmpty())
            m_firstLeftReason = message.nick + u": "_s + message.reason;
        break;
    default:
        break;
    }
}

void LoadRun::handleLine(Client &c, QByteArrayView line)
{
    if (m_o.plain) {
        // A probe: whoever receives it is in the server's list of receivers from now on.
        if (line.startsWith("#probe")) {
            if (c.state == ConnState::Probing) {
                --m_probing;
                onJoined(c);
            }
        } else if (c.state == ConnState::Joined) {
            deliver(c, line);
        }
        return;
    }
    if (c.state == ConnState::Joining) {
        // The reply to the nickname follows the prompt on the same line ("Choose a nickname:
        // *** You are b1. ..."); the server must run in English (LANG=C) for this to match.
        if (line.indexOf(QByteArrayView("*** You are ")) >= 0)
            onJoined(c);
        else if (line.startsWith("***") || line.contains(QByteArrayView(": ***")))
            c.problem = QString::fromUtf8(line);
        return;
    }
    // The history shown on joining is past traffic (an earlier run's, say), not deliveries.
    if (line.startsWith("*** Recent messages:")) {
        c.inHistory = true;
        return;
    }
    if (c.inHistory) {
        c.inHistory = !line.startsWith("*** End of recent messages.");
        return;
    }
    // "[HH:MM] <nick> text"
    if (line.size() < 10 || line.at(0) != '[' || line.at(6) != ']' || line.at(8) != '<')
        return;
    // The first "> " from the nickname on; memchr rather than QByteArrayView::indexOf(), which
    // sets up a general substring search for every line.
    const char *begin = line.data();
    const char *end = begin + line.size();
    const char *close = begin + 9;
    while ((close = static_cast<const char *>(std::memchr(close, '>', size_t(end - close))))) {
        if (close + 1 < end && close[1] == ' ')
            break;
        ++close;
    }
    if (!close)
        return;
    if (c.state == ConnState::Joined)
        deliver(c, line.sliced(close - begin + 2));
}

void LoadRun::onJoined(Client &c)
{
    if (c.state == ConnState::Joining)
        --m_joining;
    c.state = ConnState::Joined;
    c.problem.clear();
    ++m_joined;
    m_progressNs = monotonicNs();
}

unsigned long long ull(quint64 value)
{
    return value;
}

void LoadRun::deliver(Client &receiver, QByteArrayView text)
{
    const qint64 now = m_readNs;
    quint64 sender = 0;
    quint64 seq = 0;
    quint64 sentNs = 0;
    const char *p = text.data();
    if (text.size() != m_o.size || p[0] != 'S' || p[SeqAt - 1] != 'Q' || p[TimeAt - 1] != 'T' ||
        !parseDigits(p + SenderAt, SenderDigits, &sender) ||
        !parseDigits(p + SeqAt, SeqDigits, &seq) || !parseDigits(p + TimeAt, TimeDigits, &sentNs) ||
        sender >= quint64(m_o.senders) || seq >= quint64(m_o.messages) ||
        std::memcmp(p + PrefixSize, m_padding.data(), m_padding.size()) != 0 ||
        (m_o.roomPerServer &&
         sender % quint64(m_o.endpoints.size()) !=
             quint64(receiver.index) % quint64(m_o.endpoints.size()))) {
        // From another server's room, with --room-per-server: it should not have come here.
        ++m_corrupt;
        return;
    }
    m_progressNs = now;
    const size_t pair = size_t(receiver.index) * size_t(m_o.senders) + size_t(sender);
    if (m_trackDuplicates) {
        const quint64 bit = quint64(pair) * quint64(m_o.messages) + seq;
        quint64 &word = m_seen[size_t(bit / 64)];
        const quint64 mask = quint64(1) << (bit % 64);
        if (word & mask) {
            ++m_duplicated;
            return;
        }
        word |= mask;
    } else if (qint32(seq) <= m_maxSeq[pair]) {
        ++m_outOfOrder; // without the bit set a repeat cannot be told from reordering
        return;
    }
    if (qint32(seq) < m_maxSeq[pair])
        ++m_outOfOrder;
    else
        m_maxSeq[pair] = qint32(seq);
    ++m_uniquePer[pair];
    ++m_unique;
    m_lastDeliveryNs = now;
    m_latency.add(quint64(std::max<qint64>(0, now - qint64(sentNs))));
    // A sender's own copy came back: its window has room again.
    if (sender == quint64(receiver.index) && m_o.rate <= 0 && m_sending)
        topUp(receiver);
}

bool LoadRun::canSend(const Client &c) const
{
    if (c.fd < 0 || c.state != ConnState::Joined || c.nextSeq >= m_o.messages)
        return false;
    if (m_o.window <= 0)
        return true;
    const size_t self = size_t(c.index) * size_t(m_o.senders) + size_t(c.index);
    return c.nextSeq - m_uniquePer[self] < m_o.window;
}

void LoadRun::appendMessage(Client &c, qint64 now)
{
    // Exactly PrefixSize characters: the options bound the index to 6 digits and the sequence
    // to 9. The buffer has room for any int, which the compiler cannot know are bounded.
    char prefix[64];
    std::snprintf(prefix, sizeof prefix, "S%06d Q%09d T%020lld", c.index, c.nextSeq,
                  static_cast<long long>(now));
    if (!m_o.line && !m_o.plain) {
        // say {text}: a2 "type" "say" "text" <text>, encoded by hand to keep senders cheap.
        static constexpr char Head[] = "\xa2\x64type\x63say\x64text";
        const size_t headSize = sizeof Head - 1;
        const size_t size = size_t(m_o.size);
        const size_t lengthBytes = size < 24 ? 1 : size < 256 ? 2 : size < 65536 ? 3 : 5;
        const size_t payload = headSize + lengthBytes + size;
        const unsigned char header[4] = {0, static_cast<unsigned char>(payload >> 16),
                                         static_cast<unsigned char>(payload >> 8),
                                         static_cast<unsigned char>(payload)};
        c.out.append(reinterpret_cast<const char *>(header), 4);
        c.out.append(Head, headSize);
        if (lengthBytes == 1) {
            c.out += char(0x60 | size);
        } else if (lengthBytes == 2) {
            c.out += char(0x78);
            c.out += char(size);
        } else if (lengthBytes == 3) {
            c.out += char(0x79);
            c.out += char(size >> 8);
            c.out += char(size & 0xff);
        } else {
            c.out += char(0x7a);
            for (int shift = 24; shift >= 0; shift -= 8)
                c.out += char((size >> shift) & 0xff);
        }
    }
    c.out.append(prefix, PrefixSize);
    c.out += m_padding;
    if (m_o.line || m_o.plain)
        c.out += '\n';
    ++c.nextSeq;
    ++m_sent;
}

// Flat out: keep the socket fed, but no more than SendLowWater queued here and no more than
// the window in flight, so that neither this process nor the server hoards messages.
void LoadRun::topUp(Client &c)
{
    for (int round = 0; round < 4 && canSend(c); ++round) {
        const qint64 now = monotonicNs();
        while (canSend(c) && c.out.size() - c.outAt < SendLowWater)
            appendMessage(c, now);
        flush(c);
        if (c.wantWrite)
            break;
    }
}

void LoadRun::sendDue(qint64 now)
{
    const qint64 interval = qint64(1e9 / m_o.rate);
    for (int i = 0; i < m_o.senders; ++i) {
        Client &c = m_clients[size_t(i)];
        bool queued = false;
        // A bounded catch-up after a stall: at most 16 overdue messages at once.
        for (int k = 0; k < 16 && canSend(c) && c.nextDueNs <= now; ++k) {
            appendMessage(c, now);
            c.nextDueNs += interval;
            queued = true;
        }
        if (queued)
            flush(c);
    }
}

// Plain servers do not confirm a connection: once every client is connected, client 0 sends a
// probe line every 50 ms until every client has received one. Each client that sees a probe
// is on the server's list, so it will receive every message sent after it.
void LoadRun::sendProbe(qint64 now)
{
    if (now < m_nextProbeNs)
        return;
    Client &c = m_clients.front();
    if (c.fd < 0)
        return;
    c.out += "#probe " + std::to_string(m_probesSent++) + '\n';
    m_nextProbeNs = now + 50'000'000;
    flush(c);
}

qint64 LoadRun::earliestDue() const
{
    qint64 due = std::numeric_limits<qint64>::max();
    for (int i = 0; i < m_o.senders; ++i) {
        const Client &c = m_clients[size_t(i)];
        if (canSend(c))
            due = std::min(due, c.nextDueNs);
    }
    return due;
}

int LoadRun::run()
{
    if (!resolve())
        return 1;
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        m_fatal = u"epoll_create1(): %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
        return 1;
    }
    std::vector<char> scratch(ScratchSize);
    std::vector<epoll_event> events(MaxEvents);
    m_serverBefore = sampleServer(m_o.serverPids);
    m_startNs = monotonicNs();
    m_progressNs = m_startNs;
    const qint64 hardStop = m_startNs + qint64(m_o.timeoutS) * 1'000'000'000;
    bool havePwait2 = true;

    while (m_fatal.isEmpty()) {
        qint64 now = monotonicNs();
        if (now >= hardStop) {
            m_endReason = u"the --timeout of %1 s expired"_s.arg(m_o.timeoutS);
            break;
        }
        if (now - m_progressNs > DrainTimeoutNs) {
            m_endReason = m_sending ? u"no delivery for 5 s"_s : u"no join for 5 s"_s;
            break;
        }
        if (!m_sending) {
            while (m_opened < m_o.clients && m_joining < MaxJoining) {
                if (!openNext())
                    break;
            }
            if (m_o.plain && m_opened == m_o.clients && m_joining == 0 && m_probing > 0)
                sendProbe(now);
            if (m_joined == m_o.clients) {
                m_joinedNs = monotonicNs();
                m_serverJoined = sampleServer(m_o.serverPids);
                m_sending = true;
                m_sendStartNs = m_joinedNs;
                m_progressNs = m_joinedNs;
                // Rated senders start spread over one interval rather than all at once.
                for (int i = 0; i < m_o.senders; ++i) {
                    Client &c = m_clients[size_t(i)];
                    c.nextDueNs = m_o.rate > 0
                        ? m_sendStartNs + qint64(1e9 / m_o.rate * i / m_o.senders)
                        : m_sendStartNs;
                    if (m_o.rate <= 0)
                        topUp(c);
                }
                continue;
            }
        } else {
            if (m_unique == m_expected) {
                m_endReason = u"every message reached every client"_s;
                break;
            }
            if (m_o.rate > 0)
                sendDue(now);
        }

        // Sleep until the next message is due, the next timeout check, or traffic.
        qint64 waitNs = 100'000'000;
        if (m_probing > 0 && m_joining == 0)
            waitNs = std::clamp<qint64>(m_nextProbeNs - monotonicNs(), 0, waitNs);
        if (m_sending && m_o.rate > 0) {
            const qint64 due = earliestDue();
            if (due != std::numeric_limits<qint64>::max())
                waitNs = std::clamp<qint64>(due - monotonicNs(), 0, waitNs);
        }
        const timespec wait {time_t(waitNs / 1'000'000'000), long(waitNs % 1'000'000'000)};
        int count = -1;
        if (havePwait2) {
            count = ::epoll_pwait2(m_epoll, events.data(), MaxEvents, &wait, nullptr);
            havePwait2 = count >= 0 || errno != ENOSYS;
        }
        if (!havePwait2) {
            // Valgrind and kernels before 5.11 lack epoll_pwait2: wait in whole milliseconds,
            // rounded up so that a due message is never sent early.
            count = ::epoll_wait(m_epoll, events.data(), MaxEvents,
                                 int((waitNs + 999'999) / 1'000'000));
        }
        if (count < 0) {
            if (errno == EINTR)
                continue;
            m_fatal = u"epoll_wait(): %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
            break;
        }
        for (int i = 0; i < count; ++i) {
            Client &c = m_clients[events[size_t(i)].data.u32];
            const quint32 what = events[size_t(i)].events;
            if (c.fd >= 0 && (what & EPOLLOUT))
                onWritable(c);
            if (c.fd >= 0 && (what & (EPOLLIN | EPOLLHUP | EPOLLERR)))
                onReadable(c, scratch.data());
        }
    }
    if (m_joinedNs == 0)
        m_joinedNs = monotonicNs();
    m_serverEnd = sampleServer(m_o.serverPids);
    report();
    if (!m_fatal.isEmpty())
        return 1;
    return m_unique == m_expected && m_duplicated == 0 && m_corrupt == 0 ? 0 : 1;
}

void LoadRun::report()
{
    const qint64 endNs = m_lastDeliveryNs > 0 ? m_lastDeliveryNs : monotonicNs();
    const double joinS = double(m_joinedNs - m_startNs) / 1e9;
    const double sendS = m_sending ? double(std::max<qint64>(1, endNs - m_sendStartNs)) / 1e9 : 0;
    const double perSecond = sendS > 0 ? double(m_unique) / sendS : 0;
    const quint64 lost = m_expected - m_unique;
    const auto ms = [](quint64 ns) {
        return double(ns) / 1e6;
    };

    double cpuPercent = -1;
    qint64 rssPerConnection = -1;
    const bool server = m_serverEnd.ok && m_serverJoined.ok;
    if (server) {
        const double ticks = double(m_serverEnd.cpuTicks - m_serverJoined.cpuTicks);
        const double wallS = double(monotonicNs() - m_sendStartNs) / 1e9;
        cpuPercent = 100.0 * ticks / double(::sysconf(_SC_CLK_TCK)) / std::max(wallS, 1e-9);
        if (m_serverBefore.ok && m_o.clients > 0)
            rssPerConnection = (m_serverJoined.rssKb - m_serverBefore.rssKb) * 1024 / m_o.clients;
    }

    if (m_o.json) {
        QJsonObject o;
        o[u"preset"_s] = m_o.preset;
        o[u"mode"_s] = m_o.plain ? u"plain"_s : m_o.line ? u"line"_s : u"framed"_s;
        o[u"servers"_s] = int(m_o.endpoints.size());
        o[u"room_per_server"_s] = m_o.roomPerServer;
        o[u"clients"_s] = m_o.clients;
        o[u"senders"_s] = m_o.senders;
        o[u"messages_per_sender"_s] = m_o.messages;
        o[u"size"_s] = m_o.size;
        o[u"rate"_s] = m_o.rate;
        o[u"window"_s] = m_o.window;
        o[u"joined"_s] = m_joined;
        o[u"connect_join_s"_s] = joinS;
        o[u"send_phase_s"_s] = sendS;
        o[u"messages_sent"_s] = qint64(m_sent);
        o[u"expected"_s] = qint64(m_expected);
        o[u"received"_s] = qint64(m_unique);
        o[u"deliveries_per_s"_s] = perSecond;
        o[u"lost"_s] = qint64(lost);
        o[u"duplicated"_s] = qint64(m_duplicated);
        o[u"out_of_order"_s] = qint64(m_outOfOrder);
        o[u"corrupt"_s] = qint64(m_corrupt);
        o[u"protocol_errors"_s] = qint64(m_protocolErrors);
        o[u"disconnected"_s] = m_closedAfterJoin;
        o[u"left_seen"_s] = m_leftSeen;
        if (m_o.crossCheck)
            o[u"cross_check_mismatches"_s] = qint64(m_crossCheckMismatches);
        o[u"latency_ms_p50"_s] = ms(m_latency.percentile(0.5));
        o[u"latency_ms_p99"_s] = ms(m_latency.percentile(0.99));
        o[u"latency_ms_p999"_s] = ms(m_latency.percentile(0.999));
        o[u"latency_ms_max"_s] = ms(m_latency.max());
        o[u"latency_ms_mean"_s] = m_latency.mean() / 1e6;
        if (server) {
            o[u"server_cpu_percent"_s] = cpuPercent;
            o[u"server_vmhwm_kb"_s] = m_serverEnd.hwmKb;
            o[u"server_vmrss_before_kb"_s] = m_serverBefore.rssKb;
            o[u"server_vmrss_joined_kb"_s] = m_serverJoined.rssKb;
            o[u"server_rss_per_connection_bytes"_s] = rssPerConnection;
        }
        o[u"end"_s] = m_fatal.isEmpty() ? m_endReason : m_fatal;
        o[u"complete"_s] = m_fatal.isEmpty() && lost == 0;
        std::fputs(QJsonDocument(o).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        std::printf("tagarela-bench%s%s: %d clients, %d senders x %d messages x %d B, %s, %s\n",
                    m_o.preset.isEmpty() ? "" : " ", qPrintable(m_o.preset), m_o.clients,
                    m_o.senders, m_o.messages, m_o.size,
                    m_o.rate > 0 ? qPrintable(u"%1 msg/s each"_s.arg(m_o.rate)) : "flat out",
                    m_o.plain      ? "plain lines"
                        : m_o.line ? "text mode"
                                   : "framed");
        if (m_o.endpoints.size() > 1)
            std::printf("  %-28s %d, clients spread round-robin%s\n", "servers",
                        int(m_o.endpoints.size()),
                        m_o.roomPerServer ? ", a room each" : ", one room");
        std::printf("  %-28s %d of %d in %.3f s\n", "joined", m_joined, m_o.clients, joinS);
        std::printf("  %-28s %llu\n", "messages sent", ull(m_sent));
        std::printf("  %-28s %llu / %llu\n", "deliveries received/expected", ull(m_unique),
                    ull(m_expected));
        std::printf("  %-28s %.0f /s over %.3f s\n", "deliveries", perSecond, sendS);
        std::printf("  %-28s p50 %.3f  p99 %.3f  p99.9 %.3f  max %.3f\n", "latency (ms)",
                    ms(m_latency.percentile(0.5)), ms(m_latency.percentile(0.99)),
                    ms(m_latency.percentile(0.999)), ms(m_latency.max()));
        std::printf("  %-28s lost %llu, duplicated %llu, out of order %llu"
                    ", corrupt %llu\n",
                    "delivery", ull(lost), ull(m_duplicated), ull(m_outOfOrder), ull(m_corrupt));
        if (m_closedAfterJoin || m_leftSeen || m_protocolErrors) {
            std::printf(
                "  %-28s %d disconnected, %d 'left' seen, %llu"
                " protocol errors%s%s\n",
                "trouble", m_closedAfterJoin, m_leftSeen, ull(m_protocolErrors),
                m_firstLeftReason.isEmpty() ? "" : "; first left: ", qPrintable(m_firstLeftReason));
        }
        if (m_o.crossCheck)
            std::printf("  %-28s %llu\n", "cross-check mismatches", ull(m_crossCheckMismatches));
        if (server) {
            std::printf("  %-28s %.1f %% of one core (send phase)\n", "server CPU", cpuPercent);
            std::printf("  %-28s peak %lld KB; %lld KB before, %lld KB joined (%lld B per "
                        "connection)\n",
                        "server memory", static_cast<long long>(m_serverEnd.hwmKb),
                        static_cast<long long>(m_serverBefore.rssKb),
                        static_cast<long long>(m_serverJoined.rssKb),
                        static_cast<long long>(rssPerConnection));
        }
        std::printf("  %-28s %s\n", "end", qPrintable(m_fatal.isEmpty() ? m_endReason : m_fatal));
    }
    if (!m_fatal.isEmpty())
        std::fprintf(stderr, "tagarela-bench: %s\n", qPrintable(m_fatal));
}

// Each client is a file descriptor: take the hard limit, and say so if even that is too low.
bool raiseFileLimit(int clients, QString *error)
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return true;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    const rlim_t needed = rlim_t(clients) + 16;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < needed) {
        *error =
            u"%1 clients need %2 file descriptors but the limit is %3 (hard limit %4); "
            "raise it (ulimit -Hn, /etc/security/limits.conf) or use fewer --clients"_s.arg(clients)
                .arg(qulonglong(needed))
                .arg(qulonglong(limit.rlim_cur))
                .arg(qulonglong(limit.rlim_max));
        return false;
    }
    return true;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "tagarela-bench: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tagarela-bench"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TAGARELA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Load generator for tagarela-server: N clients join, S of them send M messages of B "
        "bytes, every client reads everything; reports throughput, latency and losses.\n"
        "Run the server without its limits: tagarela-server --max-rate 0 --max-per-ip 0 "
        "--max-clients 20000 --quiet"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption host(
        u"host"_s,
        u"Server address, or a comma-separated list: client i uses the (i mod n)-th "
        "(default 127.0.0.1)."_s,
        u"address"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(
        u"port"_s,
        u"Server port, or a comma-separated list paired with --host's (a single host or port "
        "goes with each of the other list) (default 3000)."_s,
        u"port"_s, u"3000"_s);
    const QCommandLineOption clients(u"clients"_s, u"Connections (default 50)."_s, u"N"_s);
    const QCommandLineOption senders(u"senders"_s, u"How many of them send (default 5)."_s, u"S"_s);
    const QCommandLineOption messages(u"messages"_s, u"Messages per sender (default 1000)."_s,
                                      u"M"_s);
    const QCommandLineOption size(
        u"size"_s, u"Bytes of text per message, at least 40 (default 100)."_s, u"B"_s);
    const QCommandLineOption rate(
        u"rate"_s, u"Messages per second per sender; 0 = flat out (default 0)."_s, u"R"_s);
    const QCommandLineOption window(
        u"window"_s,
        u"Flat out: most messages a sender has in flight (sent, own copy not yet back); "
        "0 = no limit (default 256)."_s,
        u"W"_s, u"256"_s);
    const QCommandLineOption line(u"line"_s, u"Use text mode instead of framed."_s);
    const QCommandLineOption plain(
        u"plain"_s,
        u"Drive a server that speaks bare lines: no nickname, every line to every client "
        "(bench/baselines/)."_s);
    const QCommandLineOption serverPid(
        u"server-pid"_s,
        u"Report this server process's CPU and memory; a comma-separated list is summed."_s,
        u"PID"_s);
    const QCommandLineOption json(u"json"_s, u"Print the report as JSON."_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Hard bound on the whole run (default 120)."_s,
                                     u"seconds"_s, u"120"_s);
    const QCommandLineOption preset(u"preset"_s,
                                    u"A standard workload: w1, w1s, w2, w3, w3x or w4 (explicit "
                                    "options override it)."_s,
                                    u"name"_s);
    const QCommandLineOption crossCheck(
        u"cross-check"_s, u"Also decode every chat with MessageCodec and compare (slower)."_s);
    const QCommandLineOption roomPerServer(
        u"room-per-server"_s,
        u"The servers of --host/--port are separate rooms (no shared engine): each client "
        "expects only the messages of the senders on its own server."_s);
    parser.addOptions({host, port, clients, senders, messages, size, rate, window, line, plain,
                       serverPid, json, timeout, preset, crossCheck, roomPerServer});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        return fail(u"unexpected argument %1"_s.arg(parser.positionalArguments().constFirst()));

    Options o;
    if (parser.isSet(preset)) {
        o.preset = parser.value(preset);
        const Preset *chosen = nullptr;
        for (const Preset &p : Presets) {
            if (o.preset == QLatin1StringView(p.name))
                chosen = &p;
        }
        if (!chosen)
            return fail(u"unknown preset %1; use w1, w1s, w2, w3, w3x or w4"_s.arg(o.preset));
        o.clients = chosen->clients;
        o.senders = chosen->senders;
        o.messages = chosen->messages;
        o.size = chosen->size;
        o.rate = chosen->rate;
        std::fprintf(stderr,
                     "tagarela-bench: preset %s (%s)\n  run the server with --max-rate 0 "
                     "--max-per-ip 0 --max-clients 20000 --quiet%s\n",
                     chosen->name, chosen->purpose,
                     chosen->clients > 1000 ? " (and ulimit -n above --clients)" : "");
    }
    const auto number = [&parser](const QCommandLineOption &option, qint64 min, qint64 max,
                                  auto *out) {
        if (!parser.isSet(option) && option.defaultValues().isEmpty())
            return true;
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        if (!ok || value < min || value > max) {
            fail(u"--%1: expected a whole number from %2 to %3"_s.arg(option.names().constFirst())
                     .arg(min)
                     .arg(max));
            return false;
        }
        *out = std::remove_pointer_t<decltype(out)>(value);
        return true;
    };
    double rateValue = o.rate;
    if (!number(clients, 1, 1'000'000, &o.clients) || !number(senders, 0, 999'999, &o.senders) ||
        !number(messages, 1, 999'999'999, &o.messages) ||
        !number(size, PrefixSize, 1'000'000, &o.size) || !number(window, 0, 1 << 30, &o.window) ||
        !number(timeout, 1, 86400, &o.timeoutS) || !number(rate, 0, 1'000'000, &rateValue)) {
        return 2;
    }
    o.rate = rateValue;
    const QStringList hosts = parser.value(host).split(u',', Qt::SkipEmptyParts);
    const QStringList ports = parser.value(port).split(u',', Qt::SkipEmptyParts);
    if (hosts.isEmpty() || ports.isEmpty())
        return fail(u"--host and --port need at least one value each"_s);
    if (hosts.size() > 1 && ports.size() > 1 && hosts.size() != ports.size()) {
        return fail(u"--host has %1 addresses and --port %2 ports: give lists of the same "
                    "length, or one of either"_s.arg(hosts.size())
                        .arg(ports.size()));
    }
    for (qsizetype i = 0; i < std::max(hosts.size(), ports.size()); ++i) {
        Endpoint endpoint;
        endpoint.host = hosts.at(hosts.size() > 1 ? i : 0).trimmed().toUtf8();
        const QString portText = ports.at(ports.size() > 1 ? i : 0).trimmed();
        bool ok = false;
        const uint value = portText.toUInt(&ok);
        if (!ok || value < 1 || value > 65535)
            return fail(u"--port: expected ports from 1 to 65535, not %1"_s.arg(portText));
        endpoint.port = quint16(value);
        o.endpoints.append(endpoint);
    }
    if (o.endpoints.size() > o.clients) {
        return fail(u"%1 servers but only %2 --clients: every server needs a client"_s
                        .arg(o.endpoints.size())
                        .arg(o.clients));
    }
    if (parser.isSet(serverPid)) {
        const QStringList pids = parser.value(serverPid).split(u',', Qt::SkipEmptyParts);
        for (const QString &text : pids) {
            bool ok = false;
            const qint64 pid = text.trimmed().toLongLong(&ok);
            if (!ok || pid < 1 || pid > (1 << 30))
                return fail(u"--server-pid: not a process id: %1"_s.arg(text));
            if (!QFile::exists(u"/proc/%1/stat"_s.arg(pid)))
                return fail(u"--server-pid: no process %1"_s.arg(pid));
            o.serverPids.append(pid);
        }
    }
    o.line = parser.isSet(line);
    o.plain = parser.isSet(plain);
    if (o.line && o.plain)
        return fail(u"--line and --plain exclude each other"_s);
    o.json = parser.isSet(json);
    o.crossCheck = parser.isSet(crossCheck);
    o.roomPerServer = parser.isSet(roomPerServer);
    if (o.roomPerServer && o.plain) {
        // A plain server says nothing when a client is in: client 0's probe tells, and it
        // reaches only its own server's room.
        return fail(u"--room-per-server needs the Tagarela protocol, not --plain"_s);
    }
    if (o.senders > o.clients)
        return fail(u"--senders (%1) cannot exceed --clients (%2)"_s.arg(o.senders).arg(o.clients));
    QString limitError;
    if (!raiseFileLimit(o.clients, &limitError))
        return fail(limitError);

    LoadRun run(o);
    return run.run();
}
