// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatclient.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpSocket>

#include "connection.h"
#include "messagecodec.h"
#include "protocol.h"
#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// How people (and openssl s_client) name the versions; not translated.
QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return u"TLS 1.2"_s;
    case QSsl::TlsV1_3:
        return u"TLS 1.3"_s;
    default:
        return u"TLS"_s;
    }
}

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
    case ErrorCode::Replaced: // the other connection is us: fighting it back is pointless
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
    case ErrorCode::Replaced:
        return ChatClient::Failure::Replaced;
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

// A message the server refused for good: sending it again would be refused again.
bool refusesForGood(ErrorCode code)
{
    switch (code) {
    case ErrorCode::RateLimited:
    case ErrorCode::NotStored:
        return false;
    default:
        return true;
    }
}

constexpr int MinRetryAfterRateLimitMs = 500;
constexpr int FirstNotStoredRetryMs = 2000;
constexpr int MaxNotStoredRetryMs = 30'000;

} // namespace

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
    , m_ownPins(std::make_unique<PinStore>())
    , m_pins(m_ownPins.get())
    , m_random(QRandomGenerator::securelySeeded())
{
    m_clock.start();
    m_sendTimer.setSingleShot(true);
    connect(&m_sendTimer, &QTimer::timeout, this, &ChatClient::sendPending);
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
    saveResume();
    if (m_connection) {
        // No signals from a half-destroyed client.
        m_connection->disconnect(this);
        m_connection->close(ErrorCode::Quit, {});
    }
}

void ChatClient::connectToServer(const QString &host, quint16 port, const QString &nick)
{
    dropConnection();
    saveResume();
    const ServerAddressList::Parsed parsed = ServerAddressList::parse(host, port);
    if (parsed.isValid() && parsed.addresses.size() > 1) {
        m_addresses = parsed.addresses;
        m_host = ServerAddressList::format(m_addresses);
        m_port = port;
    } else {
        // One address (or text the dialog would not have let through, tried as it is): the
        // same host and port, and so the same outbox and history, as before lists existed.
        m_addresses = {parsed.isValid() ? parsed.addresses.constFirst()
                                        : ServerAddress {host.trimmed(), port, false}};
        m_host = m_addresses.constFirst().host;
        m_port = m_addresses.constFirst().port;
    }
    m_addressIndex = 0;
    m_addressesTried = 1;
    m_wantedNick = nick;
    m_nick.clear();
    m_users.clear();
    m_resumeToken.clear();
    m_gaps.clear();
    m_contextLoaded = false;
    m_inHistory = false;
    m_retryAt.clear();
    m_notStoredDelayMs = 0;
    m_resumeKey = ResumeState::keyFor(m_host, m_port, nick);
    m_resume = ResumeState::load(m_resumeKey);
    m_resumeToken = m_resume.token;
    openOutbox();
    m_joinedBefore = false;
    m_outageReported = false;
    m_retries = 0;
    m_retryTimer.stop();
    attempt();
}

void ChatClient::disconnectFromServer()
{
    m_retryTimer.stop();
    if (m_connection && m_state == State::Connected) {
        m_connection->send(Message::quit());
        // A quit ends the token on the server too.
        m_resumeToken.clear();
        m_resume.token.clear();
    }
    dropConnection();
    saveResume();
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

void ChatClient::openOutbox()
{
    if (!m_outbox.open(Outbox::fileFor(m_host, m_port, m_wantedNick)))
        qWarning("tagarela: the outbox %s is unreadable; starting empty",
                 qPrintable(m_outbox.path()));
    QList<ChatLine> lines;
    for (const OutboxEntry &entry : m_outbox.entries())
        lines.append(lineFor(entry));
    Q_EMIT outboxOpened(lines);
}

ChatLine ChatClient::lineFor(const OutboxEntry &entry) const
{
    ChatLine line;
    line.kind = entry.action ? ChatLine::Kind::Action : ChatLine::Kind::Chat;
    line.time = entry.created;
    line.nick = m_nick.isEmpty() ? m_wantedNick : m_nick;
    line.text = entry.text;
    line.clientId = entry.clientId;
    line.delivery = entry.state == OutboxEntry::State::Failed ? ChatLine::Delivery::Failed
                                                              : ChatLine::Delivery::Pending;
    line.note = entry.reason;
    line.to = entry.to;
    return line;
}

void ChatClient::saveResume()
{
    if (!m_resumeKey.isEmpty())
        m_resume.save(m_resumeKey);
}

void ChatClient::retryNow()
{
    if (m_state == State::WaitingToReconnect) {
        m_retryTimer.stop();
        attempt();
    }
}

bool ChatClient::reconnect()
{
    if (m_host.isEmpty() || m_state != State::Disconnected)
        return false;
    m_retries = 0;
    m_addressesTried = 1;
    attempt();
    return true;
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
    m_tlsProtocol.clear();
    m_peerFingerprint.clear();

    QTcpSocket *socket = m_tls ? new QSslSocket : new QTcpSocket;
    connect(socket, &QTcpSocket::connected, this, [this] { m_tcpConnected = true; });
    if (auto *tlsSocket = qobject_cast<QSslSocket *>(socket)) {
        // The magic and the handshake wait for the encryption: nothing goes out in the clear.
        connect(tlsSocket, &QSslSocket::encrypted, this, [this, tlsSocket] {
            m_encrypted = true;
            m_tlsProtocol = protocolName(tlsSocket->sessionProtocol());
            m_peerFingerprint = PinStore::fingerprint(tlsSocket->peerCertificate());
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
    const ServerAddress address = currentAddress();
    if (auto *tlsSocket = qobject_cast<QSslSocket *>(socket))
        tlsSocket->connectToHostEncrypted(address.host, address.port);
    else
        socket->connectToHost(address.host, address.port);
}

void ChatClient::onSslErrors(QSslSocket *socket, const QList<QSslError> &errors)
{
    const QSslCertificate certificate = socket->peerCertificate();
    const QByteArray offered = PinStore::fingerprint(certificate);
    // Each address has its certificate: pinned by the address it was met at.
    const ServerAddress address = currentAddress();
    const QByteArray pinned = m_pins->pin(address.host, address.port);
    if (!offered.isEmpty() && offered == pinned) {
        // Exactly the certificate the user trusted: its errors (self-signed, another name,
        // expired) were known when they trusted it.
        socket->ignoreSslErrors(errors);
        return;
    }
    // Not ignored: the handshake fails, and onClosed() gives up with this problem.
    m_certificateProblem.host = address.host;
    m_certificateProblem.port = address.port;
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
        m_features = message.features;
        if (message.heartbeatMs > 0)
            m_connection->setHeartbeat(message.heartbeatMs, 3 * message.heartbeatMs);
        m_rateMs = message.rateMs;
        // A server that numbers messages names its history; one that does not is older than
        // sequence numbers, acks and history, and what it does not send is not waited for.
        m_legacyServer = message.historyId.isEmpty();
        m_pacer.reset(message.rateMs, message.rateBurst, m_clock.elapsed());
        if (message.historyId != m_resume.historyId)
            m_inHistory = false;
        if (!m_resume.resumesIn(message.historyId)) {
            // Another history, or none: numbers seen before mean nothing here.
            m_resume.historyId = message.historyId;
            m_resume.lastSeq = 0;
        }
        sendHello(m_wantedNick);
        setState(State::Joining);
        return;
    case MessageType::Welcome: {
        m_connectTimer.stop();
        const bool nickChangedNow = m_nick != message.nick;
        m_nick = message.nick;
        m_wantedNick = message.nick;
        m_users = message.users;
        m_resumeToken = message.resume;
        m_resume.token = message.resume;
        m_resume.save(m_resumeKey); // a crash from here on still gets the nickname back
        m_awaitingHistory = !m_legacyServer;
        m_historyDone = m_legacyServer;
        m_joinAnswered = false;
        const bool reconnected = m_joinedBefore;
        m_joinedBefore = true;
        m_outageReported = false;
        m_retries = 0;
        m_addressesTried = 1;
        setState(State::Connected);
        m_connection->ping(); // the status bar shows latency from the start, not after 15 s
        if (nickChangedNow)
            Q_EMIT nickChanged(m_nick);
        Q_EMIT usersChanged(m_users);
        Q_EMIT joined(m_nick, m_users);
        m_joinReconnected = reconnected;
        // Said after the history answer, which is older: under it, not above it.
        if (m_legacyServer)
            announceJoin();
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
                m_resumeToken.clear(); // it was for the other nickname
                m_resume.token.clear();
                sendHello(m_wantedNick);
                return;
            }
            m_joinError = message.code;
            m_joinErrorText = message.text;
            m_joinSuggestion = message.suggestion;
            m_connection->close(message.code, message.text);
            return;
        }
        if (!message.clientId.isEmpty()) {
            onSayError(message);
            return;
        }
        if (message.code == ErrorCode::RateLimited) {
            // The server is slowing us down: what we sent waits there and nothing is lost, but
            // whatever we send now only lengthens its queue. Let the bucket refill first.
            m_pacer.drain(m_clock.elapsed());
        }
        Q_EMIT serverError(message.code, message.text, message.suggestion);
        return;
    case MessageType::Ack:
        acknowledge(message.clientId, message.seq, message.time);
        return;
    case MessageType::History:
        if (m_state == State::Connected)
            onHistory(message);
        return;
    case MessageType::Bye:
        m_byeCode = message.code;
        m_byeText = message.text;
        return;
    case MessageType::Users:
        m_users = message.users;
        Q_EMIT usersChanged(m_users);
        chargeAnswer(message);
        answerArrived();
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
        if (m_legacyServer && message.from == m_nick && message.clientId.isEmpty()) {
            // An older server echoes our message without its id: the first one in flight with
            // that text is confirmed by it.
            for (const OutboxEntry &entry : m_outbox.entries()) {
                if (m_inFlight.contains(entry.clientId) && entry.text == message.text &&
                    entry.action == message.action) {
                    acknowledge(entry.clientId, 0, message.time);
                    return;
                }
            }
        }
        line.kind = message.action ? ChatLine::Kind::Action : ChatLine::Kind::Chat;
        line.nick = message.from;
        line.text = message.text;
        line.seq = message.seq;
        line.clientId = message.clientId;
        line.to = message.to;
        line.mentionsMe = message.from != m_nick && mentionsMe(message.text);
        noteSeq(message.seq);
        if (!message.clientId.isEmpty() && m_outbox.contains(message.clientId))
            acknowledge(message.clientId, message.seq, message.time);
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
        line.seq = message.seq;
        noteSeq(message.seq);
        break;
    default:
        return;
    }
    Q_EMIT lineReceived(line);
}

void ChatClient::sendHello(const QString &nick)
{
    Message hello = Message::hello(nick);
    hello.resume = m_resumeToken;
    hello.after = m_resume.lastSeq;
    m_joinAfter = hello.after;
    // Back in a history we were in, having seen nothing of it yet (an empty room, or a
    // connection that kept dropping): after cannot say "from the start", so ask for as much
    // as a join may get, and treat the answer as a catch-up.
    m_catchUp = hello.after > 0 || m_inHistory;
    if (m_catchUp && !m_outageOpen) {
        // One outage may take several connections to catch up on: one marker for all of it.
        m_outageOpen = true;
        m_outageAfter = hello.after;
        m_outageCount = 0;
    }
    if (hello.after == 0 && m_inHistory)
        hello.limit = MaxJoinHistory;
    m_connection->send(hello);
}

QString ChatClient::address(const QString &host, quint16 port)
{
    const ServerAddressList::Parsed parsed = ServerAddressList::parse(host, port);
    if (parsed.isValid() && parsed.addresses.size() > 1) {
        QStringList names;
        for (const ServerAddress &address : parsed.addresses)
            names.append(address.toString());
        return names.join(u", "_s);
    }
    const QString name = host.contains(u':') ? u'[' + host + u']' : host;
    return name + u':' + QString::number(port);
}

void ChatClient::announceJoin()
{
    ChatLine line;
    line.kind = ChatLine::Kind::Info;
    line.time = QDateTime::currentMSecsSinceEpoch();
    // The address reached, not the list: the user sees which server of it they are on.
    const QString server = currentAddress().toString();
    line.text = m_joinReconnected ? tr("Reconnected to %1 as %2.").arg(server, m_nick)
                                  : tr("Connected to %1 as %2.").arg(server, m_nick);
    Q_EMIT lineReceived(line);
}

void ChatClient::noteSeq(quint64 seq)
{
    m_resume.lastSeq = std::max(m_resume.lastSeq, seq);
}

void ChatClient::onHistory(const Message &message)
{
    if (!message.query.isEmpty()) {
        chargeAnswer(message);
        m_searchFrames.append(message);
        if (!message.end)
            return;
        answerArrived();
        QList<Message> hits;
        for (const Message &frame : std::as_const(m_searchFrames))
            hits.append(frame.messages);
        m_searchFrames.clear();
        Q_EMIT searchFinished(message.query, message.before, historyLines(hits), message.more);
        return;
    }
    if (message.before == 0) {
        if (m_joinAnswered)
            return; // only one answer to the hello
        m_awaitingHistory = false;
        if (m_joinFrames.isEmpty() && !m_joinStarted) {
            m_joinStarted = true;
            // A catch-up that starts right after the last number seen is shown, and counted
            // as seen, frame by frame: on a link that keeps dropping, each attempt then gets
            // further than the one before instead of starting over. One that starts later may
            // have left a gap, which only the last frame's more can tell.
            m_joinProgressive = m_catchUp && !message.messages.isEmpty() &&
                message.messages.constFirst().seq == m_joinAfter + 1;
        }
        if (m_joinProgressive) {
            const QList<ChatLine> lines = historyLines(message.messages);
            for (const Message &past : message.messages)
                noteSeq(past.seq);
            m_outageCount += int(lines.size());
            if (!lines.isEmpty())
                Q_EMIT historyReceived(lines);
        } else {
            m_joinFrames.append(message);
        }
        if (!message.end)
            return;
        QList<Message> messages;
        for (const Message &frame : std::as_const(m_joinFrames))
            messages.append(frame.messages);
        m_joinFrames.clear();
        m_joinAnswered = true;
        finishJoinHistory(messages, message.more);
        return;
    }
    chargeAnswer(message);
    QList<Message> &frames = m_fetchFrames[message.before];
    frames.append(message);
    if (!message.end)
        return;
    answerArrived();
    QList<Message> messages;
    for (const Message &frame : std::as_const(frames))
        messages.append(frame.messages);
    m_fetchFrames.remove(message.before);
    finishFetch(message.before, messages, message.more);
}

QList<ChatLine> ChatClient::historyLines(const QList<Message> &messages)
{
    QList<ChatLine> lines;
    lines.reserve(messages.size());
    for (const Message &message : messages) {
        if (message.type != MessageType::Chat && message.type != MessageType::Notice)
            continue;
        if (!message.clientId.isEmpty() && m_outbox.contains(message.clientId)) {
            // Stored before the connection dropped, and the ack was lost with it.
            acknowledge(message.clientId, message.seq, message.time);
        }
        ChatLine line;
        line.time = message.time;
        line.seq = message.seq;
        line.history = true;
        if (message.type == MessageType::Chat) {
            line.kind = message.action ? ChatLine::Kind::Action : ChatLine::Kind::Chat;
            line.nick = message.from;
            line.text = message.text;
            line.clientId = message.clientId;
            line.to = message.to;
            line.mentionsMe = message.from != m_nick && mentionsMe(message.text);
        } else {
            line.kind = ChatLine::Kind::Notice;
            line.text = message.text;
        }
        lines.append(line);
    }
    return lines;
}

void ChatClient::finishJoinHistory(const QList<Message> &messages, bool more)
{
    const quint64 after = m_joinAfter;
    QList<ChatLine> lines = historyLines(messages);
    for (const Message &message : messages)
        noteSeq(message.seq);

    ChatLine marker;
    marker.kind = ChatLine::Kind::Marker;
    marker.time = QDateTime::currentMSecsSinceEpoch();
    marker.history = true;
    if (!m_catchUp) {
        Q_EMIT historyReset();
        if (!lines.isEmpty()) {
            marker.marker = ChatLine::Marker::NewMessages;
            marker.seq = lines.constLast().seq + 1;
            marker.text = tr("new messages");
            lines.append(marker);
        }
    } else if (!lines.isEmpty() || m_outageCount > 0) {
        m_outageCount += int(lines.size());
        const quint64 first = lines.isEmpty() ? after + 1 : lines.constFirst().seq;
        // Before every message of the gap, those fetched later included.
        marker.marker = ChatLine::Marker::Missed;
        marker.seq = m_outageAfter + 1;
        marker.text = more
            ? tr("more than %n message(s) while you were away", nullptr, m_outageCount)
            : tr("%n message(s) while you were away", nullptr, m_outageCount);
        lines.prepend(marker);
        if (more) {
            ChatLine notLoaded = marker;
            notLoaded.marker = ChatLine::Marker::NotLoaded;
            notLoaded.seq = first;
            notLoaded.before = first;
            notLoaded.text = tr("older messages you missed were not loaded: click to load them");
            m_gaps.insert(first, after);
            lines.insert(1, notLoaded);
        }
    }
    m_outageOpen = false;
    m_joinStarted = false;
    m_joinProgressive = false;
    Q_EMIT historyReceived(lines);
    announceJoin();
    m_historyDone = true;
    m_inHistory = true;
    saveResume();

    if (!m_contextLoaded && after > 0) {
        // Back after a restart: the log is empty, and the messages just missed make little
        // sense without a few of those before them.
        fetchOlder(after + 1, ContextFetchLimit);
    }
    m_contextLoaded = true;
    sendPending();
}

void ChatClient::finishFetch(quint64 before, const QList<Message> &messages, bool more)
{
    QList<ChatLine> lines = historyLines(messages);
    const auto gap = m_gaps.constFind(before);
    if (gap != m_gaps.constEnd()) {
        const quint64 after = *gap;
        m_gaps.erase(gap);
        if (more && !lines.isEmpty() && lines.constFirst().seq > after + 1) {
            // The gap is not filled yet: the marker moves up to what is still missing.
            ChatLine notLoaded;
            notLoaded.kind = ChatLine::Kind::Marker;
            notLoaded.marker = ChatLine::Marker::NotLoaded;
            notLoaded.history = true;
            notLoaded.time = QDateTime::currentMSecsSinceEpoch();
            notLoaded.seq = lines.constFirst().seq;
            notLoaded.before = notLoaded.seq;
            notLoaded.text = tr("older messages you missed were not loaded: click to load them");
            m_gaps.insert(notLoaded.seq, after);
            lines.prepend(notLoaded);
        }
    }
    Q_EMIT historyReceived(lines);
    Q_EMIT olderHistoryLoaded(before, more);
}

bool ChatClient::fetchOlder(quint64 before, int limit)
{
    if (!canSend() || !m_historyDone || m_legacyServer || before == 0)
        return false;
    return request(Message::fetch(before, limit));
}

bool ChatClient::request(const Message &message)
{
    m_requests.append(message);
    sendPending();
    return true;
}

void ChatClient::chargeAnswer(const Message &message)
{
    // The server counts the frame as it sent it; the same codec gives the same size.
    const qint64 bytes = Protocol::FrameHeaderSize + MessageCodec::encode(message).size();
    m_pacer.take(m_clock.elapsed(), double(bytes) / Protocol::AnswerBytesPerMessage);
}

void ChatClient::answerArrived()
{
    if (m_answersAwaited == 0)
        return;
    --m_answersAwaited;
    sendPending();
}

void ChatClient::acknowledge(const QString &clientId, quint64 seq, qint64 time)
{
    m_inFlight.remove(clientId);
    m_retryAt.remove(clientId);
    if (!m_outbox.remove(clientId))
        return;
    m_notStoredDelayMs = 0;
    Q_EMIT messageAcknowledged(clientId, seq, time);
}

void ChatClient::onSayError(const Message &message)
{
    const QString &clientId = message.clientId;
    if (!m_inFlight.remove(clientId) && !m_outbox.contains(clientId))
        return;
    const qint64 now = m_clock.elapsed();
    if (refusesForGood(message.code)) {
        m_retryAt.remove(clientId);
        m_outbox.setFailed(clientId, message.text);
        Q_EMIT messageFailed(clientId, message.text);
    } else if (message.code == ErrorCode::RateLimited) {
        // Dropped, as a warning: slow down before the server stops warning.
        m_pacer.drain(now);
        m_retryAt.insert(clientId, now + std::max(MinRetryAfterRateLimitMs, 2 * m_rateMs));
    } else {
        m_notStoredDelayMs = m_notStoredDelayMs == 0
            ? FirstNotStoredRetryMs
            : std::min(MaxNotStoredRetryMs, 2 * m_notStoredDelayMs);
        m_retryAt.insert(clientId, now + m_notStoredDelayMs);
        Q_EMIT messageDelayed(clientId, tr("not stored yet, will retry"));
    }
    sendPending();
}

void ChatClient::sendPending()
{
    m_sendTimer.stop();
    // An answer on its way is charged when it arrives: anything sent before then could find
    // the server's bucket in debt, and wait there.
    if (!canSend() || m_answersAwaited > 0)
        return;
    const qint64 now = m_clock.elapsed();
    // Requests before the outbox: the user is waiting for their answer.
    while (!m_requests.isEmpty()) {
        if (!m_pacer.tryTake(now)) {
            m_sendTimer.start(int(std::max<qint64>(1, m_pacer.msUntilNext(now))));
            return;
        }
        const Message message = m_requests.takeFirst();
        if (!m_connection->send(message))
            return;
        if (message.type == MessageType::Fetch || message.type == MessageType::Who ||
            message.type == MessageType::Search) {
            ++m_answersAwaited;
            return;
        }
    }
    if (!m_historyDone)
        return;
    for (const OutboxEntry &entry : m_outbox.entries()) {
        if (entry.state != OutboxEntry::State::Pending || m_inFlight.contains(entry.clientId))
            continue;
        // In order: a message that must wait holds back the ones typed after it.
        const qint64 retryAt = m_retryAt.value(entry.clientId, 0);
        if (retryAt > now) {
            m_sendTimer.start(int(retryAt - now));
            return;
        }
        if (!m_pacer.tryTake(now)) {
            m_sendTimer.start(int(std::max<qint64>(1, m_pacer.msUntilNext(now))));
            return;
        }
        if (!entry.to.isEmpty() && !supportsPrivateMessages()) {
            // An older server would ignore "to" and show the text to everyone.
            const QString reason = tr("This server has no private messages.");
            const QString clientId = entry.clientId;
            m_outbox.setFailed(clientId, reason);
            Q_EMIT messageFailed(clientId, reason);
            sendPending();
            return;
        }
        if (m_retryAt.remove(entry.clientId))
            Q_EMIT messageDelayed(entry.clientId, QString());
        m_inFlight.insert(entry.clientId);
        Message say = Message::say(entry.text, entry.action, entry.clientId);
        say.to = entry.to;
        if (!m_connection->send(say))
            return;
    }
}

bool ChatClient::resend(const QString &clientId)
{
    const OutboxEntry *entry = m_outbox.find(clientId);
    if (!entry || entry->state != OutboxEntry::State::Failed)
        return false;
    m_outbox.setPending(clientId);
    Q_EMIT messageDelayed(clientId, QString());
    sendPending();
    return true;
}

bool ChatClient::discard(const QString &clientId)
{
    m_inFlight.remove(clientId);
    m_retryAt.remove(clientId);
    return m_outbox.remove(clientId);
}

void ChatClient::onClosed(ErrorCode code, const QString &detail)
{
    Q_UNUSED(code)
    // Still connecting: the TCP connection or its TLS handshake failed, or did not finish in
    // time. That is this address's trouble, and another address of the server may answer.
    const bool unreachable = m_state == State::Connecting;
    forgetConnection();
    saveResume();
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
    if (unreachable && tryNextAddress(detail))
        return;
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

bool ChatClient::tryNextAddress(const QString &detail)
{
    if (m_addressesTried >= m_addresses.size())
        return false;
    const ServerAddress failed = currentAddress();
    m_addressIndex = (m_addressIndex + 1) % int(m_addresses.size());
    ++m_addressesTried;
    ChatLine line;
    line.kind = ChatLine::Kind::Info;
    line.time = QDateTime::currentMSecsSinceEpoch();
    line.text = tr("Could not reach %1 (%2); trying %3.")
                    .arg(failed.toString(), detail, currentAddress().toString());
    Q_EMIT lineReceived(line);
    attempt();
    return true;
}

void ChatClient::scheduleReconnect(const QString &reason)
{
    // After the wait, every address gets its turn again, starting with the one tried last.
    m_addressesTried = 1;
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

void ChatClient::forgetConnection()
{
    m_connectTimer.stop();
    m_sendTimer.stop();
    m_inFlight.clear();
    m_requests.clear();
    m_answersAwaited = 0;
    m_awaitingHistory = false;
    m_historyDone = false;
    m_joinFrames.clear();
    m_joinStarted = false;
    m_joinProgressive = false;
    m_fetchFrames.clear();
    m_searchFrames.clear();
}

void ChatClient::dropConnection()
{
    forgetConnection();
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
    const State previous = m_state;
    m_state = state;
    // Given up or disconnected on purpose: nothing is on its way any more, and "sending…"
    // would be a promise the client does not keep until the user connects again.
    if (state == State::Disconnected) {
        noteWaiting(tr("waiting: disconnected; it will be sent when you connect again"));
    } else if (previous == State::Disconnected) {
        noteWaiting(QString());
    }
    Q_EMIT stateChanged(state);
}

void ChatClient::noteWaiting(const QString &note)
{
    for (const OutboxEntry &entry : m_outbox.entries()) {
        if (entry.state == OutboxEntry::State::Pending)
            Q_EMIT messageDelayed(entry.clientId, note);
    }
}

bool ChatClient::canSend() const
{
    return m_connection && m_state == State::Connected;
}

bool ChatClient::say(const QString &text, bool action)
{
    if (m_state == State::Disconnected)
        return false;
    const OutboxEntry *entry = m_outbox.add(text, action, QDateTime::currentMSecsSinceEpoch());
    if (!entry)
        return false;
    Q_EMIT lineReceived(lineFor(*entry));
    sendPending();
    return true;
}

bool ChatClient::sayTo(const QString &nick, const QString &text, bool action)
{
    if (m_state == State::Disconnected || nick.isEmpty() ||
        (m_state == State::Connected && !supportsPrivateMessages()))
        return false;
    const OutboxEntry *entry =
        m_outbox.add(text, action, QDateTime::currentMSecsSinceEpoch(), nick);
    if (!entry)
        return false;
    Q_EMIT lineReceived(lineFor(*entry));
    sendPending();
    return true;
}

bool ChatClient::supportsPrivateMessages() const
{
    return m_features.contains(QString::fromLatin1(Feature::PrivateMessages));
}

bool ChatClient::supportsSearch() const
{
    return m_features.contains(QString::fromLatin1(Feature::Search));
}

bool ChatClient::search(const QString &query, quint64 before, int limit)
{
    if (!canSend() || !supportsSearch() || query.trimmed().isEmpty())
        return false;
    return request(Message::search(query.trimmed(), before, limit));
}

bool ChatClient::changeNick(const QString &nick)
{
    if (!canSend())
        return false;
    return request(Message::setNick(nick));
}

bool ChatClient::requestUsers()
{
    if (!canSend())
        return false;
    return request(Message::who());
}

QRegularExpression ChatClient::mentionPattern(const QStringList &words)
{
    // Whole words: "ana" in "hi ana!" but not in "banana".
    QStringList escaped;
    for (const QString &word : words) {
        if (!word.isEmpty())
            escaped.append(QRegularExpression::escape(word));
    }
    return QRegularExpression(u"(?<![\\w.-])(?:"_s + escaped.join(u'|') + u")(?![\\w-])"_s,
                              QRegularExpression::CaseInsensitiveOption |
                                  QRegularExpression::UseUnicodePropertiesOption);
}

bool ChatClient::mentions(const QString &text, const QString &nick)
{
    return !nick.isEmpty() && mentionPattern({nick}).match(text).hasMatch();
}

void ChatClient::setHighlightWords(const QStringList &words)
{
    m_highlightWords = words;
    m_mentionNick.clear(); // built again for the next line
}

bool ChatClient::mentionsMe(const QString &text)
{
    if (m_nick.isEmpty())
        return false;
    // Built once per nickname: chat can arrive thousands of times a second.
    if (m_mentionNick != m_nick) {
        m_mention = mentionPattern(QStringList {m_nick} + m_highlightWords);
        m_mentionNick = m_nick;
    }
    return m_mention.match(text).hasMatch();
}

} // namespace Tagarela
