// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "framedtestclient.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include "connection.h"
#include "protocol.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace Match {

Predicate text(const QString &text)
{
    return [text](const Message &m) {
        return m.text == text;
    };
}

Predicate nick(const QString &nick)
{
    return [nick](const Message &m) {
        return m.nick == nick;
    };
}

Predicate from(const QString &from)
{
    return [from](const Message &m) {
        return m.from == from;
    };
}

Predicate code(ErrorCode code)
{
    return [code](const Message &m) {
        return m.code == code;
    };
}

} // namespace Match

namespace {
// The server's frames (a long user list) may exceed what clients may send.
constexpr int MaxServerFrame = 16 * 1024 * 1024;
} // namespace

FramedTestClient::FramedTestClient(quint16 port, QObject *parent)
    : QObject(parent)
    , m_port(port)
{ }

FramedTestClient::~FramedTestClient() = default;

void FramedTestClient::setTls(const QSslCertificate &serverCertificate)
{
    m_tls = true;
    m_tlsCertificate = serverCertificate;
}

bool FramedTestClient::isEncrypted() const
{
    const auto *socket = m_connection ? m_connection->findChild<QSslSocket *>() : nullptr;
    return socket && socket->isEncrypted();
}

bool FramedTestClient::connectToServer(int timeoutMs)
{
    if (m_connection)
        return isConnected();
    QTcpSocket *socket = m_tls ? new QSslSocket : new QTcpSocket;
    m_connection = new Connection(socket, Connection::Role::Client, this);
    m_connection->setMaxFrame(MaxServerFrame);
    connect(m_connection, &Connection::messageReceived, this, &FramedTestClient::onMessage);
    connect(m_connection, &Connection::closed, this, &FramedTestClient::onClosed);
    // The Connection takes pongs itself; the test wants to know where among the rest it came.
    connect(m_connection, &Connection::latencyMeasured, this,
            [this] { onMessage(Message::pong(0)); });
    const auto start = [this] {
        m_connected = true;
        m_connection->start();
        Q_EMIT connected();
    };
    if (m_tls) {
        auto *tlsSocket = static_cast<QSslSocket *>(socket);
        // This certificate only: self-signed, and named 127.0.0.1 or not.
        tlsSocket->ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_tlsCertificate),
                                    QSslError(QSslError::HostNameMismatch, m_tlsCertificate)});
        connect(tlsSocket, &QSslSocket::encrypted, this, start);
        tlsSocket->connectToHostEncrypted(u"127.0.0.1"_s, m_port);
    } else {
        connect(socket, &QTcpSocket::connected, this, start);
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
    }
    return waitUntil([this] { return m_connected || m_closed; }, timeoutMs) && isConnected();
}

bool FramedTestClient::handshake(int timeoutMs)
{
    if (m_handshaken)
        return true;
    if (!connectToServer(timeoutMs))
        return false;
    Message handshake = Message::handshake(Protocol::supportedVersions());
    handshake.password = m_password;
    send(handshake);
    m_handshaken = waitFor(MessageType::HandshakeOk, {}, timeoutMs).has_value();
    return m_handshaken;
}

Connection *FramedTestClient::connection() const
{
    return m_connection;
}

bool FramedTestClient::join(const QString &nick, int timeoutMs)
{
    return join(Message::hello(nick), timeoutMs);
}

bool FramedTestClient::join(const Message &hello, int timeoutMs)
{
    if (!handshake(timeoutMs))
        return false;
    const qsizetype before = m_messages.size();
    send(hello);
    // welcome, then the history answer up to its last frame; or error or bye.
    bool welcomed = false;
    const bool answered = waitUntil(
        [&] {
            for (qsizetype i = before; i < m_messages.size(); ++i) {
                const Message &message = m_messages.at(i);
                if (message.type == MessageType::Welcome)
                    welcomed = true;
                else if (welcomed && message.type == MessageType::History && message.end)
                    return true;
                else if (!welcomed &&
                         (message.type == MessageType::Error || message.type == MessageType::Bye))
                    return true;
            }
            return m_closed;
        },
        timeoutMs);
    return answered && welcomed && !m_closed;
}

void FramedTestClient::send(const Message &message)
{
    if (m_connection)
        m_connection->send(message);
}

void FramedTestClient::sendBytes(const QByteArray &bytes)
{
    if (m_connection)
        m_connection->sendEncoded(bytes);
}

void FramedTestClient::say(const QString &text, bool action)
{
    send(Message::say(text, action));
}

void FramedTestClient::say(const QString &text, const QString &clientId)
{
    send(Message::say(text, false, clientId));
}

void FramedTestClient::ping()
{
    if (m_connection)
        m_connection->ping();
}

void FramedTestClient::disconnectFromServer()
{
    if (m_connection)
        m_connection->close();
}

QList<Message> FramedTestClient::received(MessageType type, const Match::Predicate &predicate) const
{
    QList<Message> found;
    for (const Message &message : m_messages) {
        if (message.type == type && (!predicate || predicate(message)))
            found.append(message);
    }
    return found;
}

int FramedTestClient::count(MessageType type, const Match::Predicate &predicate) const
{
    return int(received(type, predicate).size());
}

std::optional<Message> FramedTestClient::waitFor(MessageType type,
                                                 const Match::Predicate &predicate, int timeoutMs)
{
    std::optional<Message> found;
    const auto look = [&] {
        for (const Message &message : std::as_const(m_messages)) {
            if (message.type == type && (!predicate || predicate(message))) {
                found = message;
                return true;
            }
        }
        return false;
    };
    // Once closed nothing more can arrive: stop early rather than sit out the timeout.
    if (!waitUntil([&] { return look() || m_closed; }, timeoutMs))
        return std::nullopt;
    if (!found)
        look();
    return found;
}

bool FramedTestClient::waitForCount(MessageType type, int wanted, const Match::Predicate &predicate,
                                    int timeoutMs)
{
    const auto enough = [&] {
        return count(type, predicate) >= wanted;
    };
    return waitUntil([&] { return enough() || m_closed; }, timeoutMs) && enough();
}

QStringList FramedTestClient::chatTexts() const
{
    QStringList texts;
    for (const Message &message : m_messages) {
        if (message.type == MessageType::Chat)
            texts.append(message.text);
    }
    return texts;
}

bool FramedTestClient::waitForClosed(int timeoutMs)
{
    return waitUntil([this] { return m_closed; }, timeoutMs);
}

bool FramedTestClient::pingAndWait(int timeoutMs)
{
    if (!isConnected())
        return false;
    QSignalSpy pong(m_connection.data(), &Connection::latencyMeasured);
    m_connection->ping();
    return pong.wait(timeoutMs);
}

bool FramedTestClient::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    // Like QSignalSpy::wait(), but for a condition: no polling, no fixed sleeps.
    QEventLoop loop;
    const auto check = [&] {
        if (done())
            loop.quit();
    };
    connect(this, &FramedTestClient::connected, &loop, check);
    connect(this, &FramedTestClient::messageReceived, &loop, check);
    connect(this, &FramedTestClient::closed, &loop, check);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

void FramedTestClient::onMessage(const Message &message)
{
    if (message.type == MessageType::Welcome)
        m_nick = message.nick;
    else if (message.type == MessageType::Renamed && message.from == m_nick)
        m_nick = message.nick;
    m_messages.append(message);
    Q_EMIT messageReceived(message);
}

void FramedTestClient::onClosed(ErrorCode code, const QString &detail)
{
    m_closed = true;
    m_closedCode = code;
    m_closedDetail = detail;
    Q_EMIT closed();
}

} // namespace Tagarela
