// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatclient.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpSocket>

#include "connection.h"
#include "protocol.h"
#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// After a bye with one of these codes, trying again would only annoy the server or the user.
bool isFinal(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Kicked:
    case ErrorCode::Shutdown:
    case ErrorCode::VersionMismatch:
    case ErrorCode::Flood:
    case ErrorCode::Quit:
    // The same password or address would only meet the same answer (and, for a wrong
    // password, bring the address closer to being locked out).
    case ErrorCode::PasswordRequired:
    case ErrorCode::WrongPassword:
    case ErrorCode::TooManyFailures:
    case ErrorCode::TlsRequired:
    case ErrorCode::Banned:
        return true;
    default:
        return false;
    }
}

ChatClient::Failure failureFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Kicked:
        return ChatClient::Failure::Kicked;
    case ErrorCode::Shutdown:
        return ChatClient::Failure::ServerShutDown;
    case ErrorCode::VersionMismatch:
        return ChatClient::Failure::VersionMismatch;
    case ErrorCode::Flood:
        return ChatClient::Failure::Flood;
    case ErrorCode::ServerFull:
        return ChatClient::Failure::ServerFull;
    case ErrorCode::TooManyConnections:
        return ChatClient::Failure::TooManyConnections;
    case ErrorCode::NickTaken:
        return ChatClient::Failure::NickTaken;
    case ErrorCode::InvalidNick:
        return ChatClient::Failure::InvalidNick;
    case ErrorCode::HandshakeTimeout:
        return ChatClient::Failure::TimedOut;
    case ErrorCode::PasswordRequired:
        return ChatClient::Failure::PasswordRequired;
    case ErrorCode::WrongPassword:
        return ChatClient::Failure::WrongPassword;
    case ErrorCode::TooManyFailures:
        return ChatClient::Failure::TooManyFailures;
    case ErrorCode::TlsRequired:
        return ChatClient::Failure::TlsRequired;
    case ErrorCode::Banned:
        return ChatClient::Failure::Banned;
    default:
        return ChatClient::Failure::Network;
    }
}

ChatClient::Failure failureFor(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        return ChatClient::Failure::HostNotFound;
    case QAbstractSocket::ConnectionRefusedError:
        return ChatClient::Failure::ConnectionRefused;
    case QAbstractSocket::SocketTimeoutError:
        return ChatClient::Failure::TimedOut;
    default:
        return ChatClient::Failure::Network;
    }
}

} // namespace

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
    , m_ownPins(std::make_unique<PinStore>())
    , m_pins(m_ownPins.get())
    , m_random(QRandomGenerator::securelySeeded())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ChatClient::attempt);
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        m_socketError = QAbstractSocket::SocketTimeoutError;
        if (m_connection)
            m_connection->abort(ErrorCode::None, tr("The server did not answer in time."));
    });
}

ChatClient::~ChatClient()
{
    if (m_connection) {
        // No signals from a half-destroyed client.
        m_connection->disconnect(this);
        m_connection->close(ErrorCode::Quit, {});
    }
}

void ChatClient::connectToServer(const QString &host, quint16 port, const QString &nick)
{
    dropConnection();
    m_host = host;
    m_port = port;
    m_wantedNick = nick;
    m_nick.clear();
    m_users.clear();
    m_joinedBefore = false;
    m_outageReported = false;
    m_retries = 0;
    m_retryTimer.stop();
    attempt();
}

void ChatClient::disconnectFromServer()
{
    m_retryTimer.stop();
    if (m_connection && m_state == State::Connected)
        m_connection->send(Message::quit());
    dropConnection();
    setState(State::Disconnected);
}

void ChatClient::setPinStore(PinStore *store)
{
    m_pins = store ? store : m_ownPins.get();
}

void ChatClient::trustCertificate(const CertificateProblem &problem)
{
    if (!problem.isNull())
        m_pins->setPin(problem.host, problem.port, problem.fingerprint);
}

void ChatClient::retryNow()
{
    if (m_state == State::WaitingToReconnect) {
        m_retryTimer.stop();
        attempt();
    }
}

int ChatClient::msUntilRetry() const
{
    return m_retryTimer.isActive() ? m_retryTimer.remainingTime() : -1;
}

void ChatClient::setReconnectDelays(int initialMs, int maxMs)
{
    m_initialDelayMs = initialMs;
    m_maxDelayMs = maxMs;
}

void ChatClient::attempt()
{
    dropConnection();
    m_socketError = QAbstractSocket::UnknownSocketError;
    m_byeCode = ErrorCode::None;
    m_byeText.clear();
    m_joinError = ErrorCode::None;
    m_certificateProblem = {};
    m_tcpConnected = false;
    m_encrypted = false;

    QTcpSocket *socket = m_tls ? new QSslSocket : new QTcpSocket;
    connect(socket, &QTcpSocket::connected, this, [this] { m_tcpConnected = true; });
    if (auto *tlsSocket = qobject_cast<QSslSocket *>(socket)) {
        // The magic and the handshake wait for the encryption: nothing goes out in the clear.
        connect(tlsSocket, &QSslSocket::encrypted, this, [this] {
            m_encrypted = true;
            onConnected();
        });
        connect(
            tlsSocket, &QSslSocket::sslErrors, this,
            [this, tlsSocket](const QList<QSslError> &errors) { onSslErrors(tlsSocket, errors); });
    } else {
        connect(socket, &QTcpSocket::connected, this, &ChatClient::onConnected);
    }
    connect(socket, &QTcpSocket::errorOccurred, this, &ChatClient::onSocketError);
    m_connection = new Connection(socket, Connection::Role::Client, this);
    connect(m_connection, &Connection::messageReceived, this, &ChatClient::onMessage);
    connect(m_connection, &Connection::closed, this, &ChatClient::onClosed);
    connect(m_connection, &Connection::latencyMeasured, this, [this](int ms) {
        m_latencyMs = ms;
        Q_EMIT latencyChanged(ms);
    });
    setState(State::Connecting);
    m_connectTimer.start(m_connectTimeoutMs);
    if (auto *tlsSocket = qobject_cast<QSslSocket *>(socket))
        tlsSocket->connectToHostEncrypted(m_host, m_port);
    else
        socket->connectToHost(m_host, m_port);
}

void ChatClient::onSslErrors(QSslSocket *socket, const QList<QSslError> &errors)
{
    const QSslCertificate certificate = socket->peerCertificate();
    const QByteArray offered = PinStore::fingerprint(certificate);
    const QByteArray pinned = m_pins->pin(m_host, m_port);
    if (!offered.isEmpty() && offered == pinned) {
        // Exactly the certificate the user trusted: its errors (self-signed, another name,
        // expired) were known when they trusted it.
        socket->ignoreSslErrors(errors);
        return;
    }
    // Not ignored: the handshake fails, and onClosed() gives up with this problem.
    m_certificateProblem.host = m_host;
    m_certificateProblem.port = m_port;
    m_certificateProblem.fingerprint = offered;
    m_certificateProblem.pinned = pinned;
    const QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    m_certificateProblem.subject = names.isEmpty() ? QString() : names.constFirst();
    m_certificateProblem.expiry = certificate.expiryDate();
    m_certificateProblem.errors.clear();
    for (const QSslError &error : errors)
        m_certificateProblem.errors.append(error.errorString());
}

void ChatClient::onConnected()
{
    if (!m_connection)
        return;
    m_connection->start();
    Message handshake = Message::handshake(Protocol::supportedVersions());
    handshake.password = m_password;
    m_connection->send(handshake);
    setState(State::Handshaking);
}

void ChatClient::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_socketError == QAbstractSocket::UnknownSocketError)
        m_socketError = error;
}

void ChatClient::onMessage(const Message &message)
{
    switch (message.type) {
    case MessageType::HandshakeOk:
        if (m_state != State::Handshaking)
            return;
        m_serverName = message.server;
        m_maxText = message.maxText;
        if (message.heartbeatMs > 0)
            m_connection->setHeartbeat(message.heartbeatMs, 3 * message.heartbeatMs);
        m_connection->send(Message::hello(m_wantedNick));
        setState(State::Joining);
        return;
    case MessageType::Welcome: {
        m_connectTimer.stop();
        const bool nickChangedNow = m_nick != message.nick;
        m_nick = message.nick;
        m_wantedNick = message.nick;
        m_users = message.users;
        const bool reconnected = m_joinedBefore;
        m_joinedBefore = true;
        m_outageReported = false;
        m_retries = 0;
        setState(State::Connected);
        m_connection->ping(); // the status bar shows latency from the start, not after 15 s
        if (nickChangedNow)
            Q_EMIT nickChanged(m_nick);
        Q_EMIT usersChanged(m_users);
        Q_EMIT joined(m_nick, m_users);
        ChatLine line;
        line.kind = ChatLine::Kind::Info;
        line.time = QDateTime::currentMSecsSinceEpoch();
        line.text = reconnected ? tr("Reconnected to %1 as %2.").arg(m_host, m_nick)
                                : tr("Connected to %1 as %2.").arg(m_host, m_nick);
        Q_EMIT lineReceived(line);
        return;
    }
    case MessageType::Error:
        if (m_state == State::Joining &&
            (message.code == ErrorCode::NickTaken || message.code == ErrorCode::InvalidNick)) {
            if (m_joinedBefore && message.code == ErrorCode::NickTaken &&
                !message.suggestion.isEmpty()) {
                // Someone took our name while we were away: carry on under the suggestion
                // rather than leave the user outside.
                m_wantedNick = message.suggestion;
                m_connection->send(Message::hello(m_wantedNick));
                return;
            }
            m_joinError = message.code;
            m_joinErrorText = message.text;
            m_joinSuggestion = message.suggestion;
            m_connection->close(message.code, message.text);
            return;
        }
        Q_EMIT serverError(message.code, message.text, message.suggestion);
        return;
    case MessageType::Bye:
        m_byeCode = message.code;
        m_byeText = message.text;
        return;
    case MessageType::Users:
        m_users = message.users;
        Q_EMIT usersChanged(m_users);
        return;
    case MessageType::Chat:
    case MessageType::Joined:
    case MessageType::Left:
    case MessageType::Renamed:
    case MessageType::Notice:
        if (m_state == State::Connected)
            handleEvent(message);
        return;
    default:
        return;
    }
}

void ChatClient::handleEvent(const Message &message)
{
    ChatLine line;
    line.time = message.time;
    switch (message.type) {
    case MessageType::Chat:
        line.kind = message.action ? ChatLine::Kind::Action : ChatLine::Kind::Chat;
        line.nick = message.from;
        line.text = message.text;
        line.mentionsMe = message.from != m_nick && mentionsMe(message.text);
        break;
    case MessageType::Joined:
        line.kind = ChatLine::Kind::Joined;
        line.nick = message.nick;
        if (!m_users.contains(message.nick)) {
            m_users.append(message.nick);
            m_users.sort(Qt::CaseInsensitive);
            Q_EMIT usersChanged(m_users);
        }
        break;
    case MessageType::Left:
        line.kind = ChatLine::Kind::Left;
        line.nick = message.nick;
        line.text = message.reason;
        if (m_users.removeAll(message.nick) > 0)
            Q_EMIT usersChanged(m_users);
        break;
    case MessageType::Renamed: {
        line.kind = ChatLine::Kind::Renamed;
        line.nick = message.from;
        line.text = message.nick;
        const qsizetype index = m_users.indexOf(message.from);
        if (index >= 0)
            m_users[index] = message.nick;
        else
            m_users.append(message.nick);
        m_users.sort(Qt::CaseInsensitive);
        Q_EMIT usersChanged(m_users);
        if (message.from == m_nick) {
            m_nick = message.nick;
            m_wantedNick = message.nick;
            Q_EMIT nickChanged(m_nick);
        }
        break;
    }
    case MessageType::Notice:
        line.kind = ChatLine::Kind::Notice;
        line.text = message.text;
        break;
    default:
        return;
    }
    Q_EMIT lineReceived(line);
}

void ChatClient::onClosed(ErrorCode code, const QString &detail)
{
    Q_UNUSED(code)
    m_connectTimer.stop();
    if (m_connection)
        m_connection->deleteLater();
    m_connection = nullptr;
    if (m_state == State::Disconnected)
        return;

    // A certificate the user has not trusted: never retried by itself, the user decides.
    if (!m_certificateProblem.isNull()) {
        giveUp(m_certificateProblem.isChange() ? Failure::CertificateChanged
                                               : Failure::UntrustedCertificate,
               detail);
        return;
    }
    // A server without TLS, say. After an outage, the next attempt may well succeed.
    if (m_tls && m_tcpConnected && !m_encrypted && !m_joinedBefore) {
        giveUp(Failure::TlsFailed, detail);
        return;
    }
    if (m_joinError != ErrorCode::None) {
        giveUp(failureFor(m_joinError), m_joinErrorText, m_joinSuggestion);
        return;
    }
    if (m_byeCode != ErrorCode::None && (isFinal(m_byeCode) || !m_joinedBefore)) {
        giveUp(failureFor(m_byeCode), m_byeText);
        return;
    }
    if (!m_joinedBefore) {
        // The first attempt failed: the user is still at the connect dialog, which words the
        // failure for them; the detail is the socket's own explanation.
        giveUp(failureFor(m_socketError), detail);
        return;
    }
    scheduleReconnect(m_byeText.isEmpty() ? detail : m_byeText);
}

void ChatClient::giveUp(Failure failure, const QString &text, const QString &suggestion)
{
    m_retryTimer.stop();
    setState(State::Disconnected);
    Q_EMIT failed(failure, text, suggestion);
}

void ChatClient::scheduleReconnect(const QString &reason)
{
    if (!m_outageReported) {
        m_outageReported = true;
        Q_EMIT connectionLost(reason);
    }
    const int exponent = std::min(m_retries, 16);
    const qint64 base = std::min<qint64>(m_maxDelayMs, qint64(m_initialDelayMs) << exponent);
    // +-20 % so that a server restart is not met by every client in the same millisecond.
    const double jitter = 0.8 + 0.4 * m_random.generateDouble();
    const int delay = int(std::min<qint64>(m_maxDelayMs, qint64(double(base) * jitter)));
    ++m_retries;
    setState(State::WaitingToReconnect);
    m_retryTimer.start(delay);
    Q_EMIT reconnectScheduled(delay);
}

void ChatClient::dropConnection()
{
    m_connectTimer.stop();
    if (!m_connection)
        return;
    Connection *connection = m_connection;
    m_connection = nullptr;
    connection->disconnect(this);
    // Its socket too: one still closing must not report its error into the next attempt.
    if (auto *socket = connection->findChild<QTcpSocket *>())
        socket->disconnect(this);
    connect(connection, &Connection::closed, connection, &QObject::deleteLater);
    connection->close(ErrorCode::Quit, {});
}

void ChatClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool ChatClient::canSend() const
{
    return m_connection && m_state == State::Connected;
}

bool ChatClient::say(const QString &text, bool action)
{
    return canSend() && m_connection->send(Message::say(text, action));
}

bool ChatClient::changeNick(const QString &nick)
{
    return canSend() && m_connection->send(Message::setNick(nick));
}

bool ChatClient::requestUsers()
{
    return canSend() && m_connection->send(Message::who());
}

QRegularExpression ChatClient::mentionPattern(const QString &nick)
{
    // A whole word: "ana" in "hi ana!" but not in "banana".
    return QRegularExpression(
        u"(?<![\\w.-])"_s + QRegularExpression::escape(nick) + u"(?![\\w-])"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

bool ChatClient::mentions(const QString &text, const QString &nick)
{
    return !nick.isEmpty() && mentionPattern(nick).match(text).hasMatch();
}

bool ChatClient::mentionsMe(const QString &text)
{
    if (m_nick.isEmpty())
        return false;
    // Built once per nickname: chat can arrive thousands of times a second.
    if (m_mentionNick != m_nick) {
        m_mention = mentionPattern(m_nick);
        m_mentionNick = m_nick;
    }
    return m_mention.match(text).hasMatch();
}

} // namespace Tagarela
