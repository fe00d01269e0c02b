// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientsession.h"

#include <algorithm>
#include <limits>

#include <QTimerEvent>

#include "broadcast.h"
#include "chatroom.h"
#include "framedecoder.h"
#include "logging.h"
#include "logthrottle.h"
#include "messagecodec.h"
#include "protocol.h"
#include "serverlogging.h"
#include "textformat.h"
#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// A client's quit reason goes to everyone in "left", and to the host's console: only what it
// could have said in the room (no control characters, at most max-text), on one line, or none.
// Otherwise a reason could forge lines or send escape sequences to every telnet client.
QString acceptableLeaveReason(const QString &reason, int maxText)
{
    if (reason.contains(u'\n') || Validation::checkText(reason, maxText) != TextProblem::None)
        return {};
    return reason;
}

// History answers (docs/PROTOCOL.md 6.10): the default and largest "limit", and what a text
// client sees on joining.
constexpr int DefaultHistoryLimit = 100;
constexpr int MaxHistoryLimit = 1000;
constexpr int TextHistoryLimit = 20;
// The longest search query, in UTF-16 units: a few words, not a text.
constexpr int MaxSearchQuery = 200;

// How long a leaving client's goodbye waits for its messages to be stored.
constexpr int LeaveTimeoutMs = 10'000;
// Protocol errors one connection may write to the log; the rest are counted in one line when it
// closes. A peer's text in such a line is cut to this many characters.
constexpr int MaxLoggedProtocolErrors = 3;
constexpr int MaxLoggedDetail = 200;

int historyLimit(int requested)
{
    return requested <= 0 ? DefaultHistoryLimit : std::min(requested, MaxHistoryLimit);
}

// Input held back by the rate limit (docs/PROTOCOL.md 7.2): at most this many bursts of
// messages, and at most this many bytes or this many of the longest messages allowed,
// whichever is more. Beyond that the client is flooding, not pasting.
constexpr int HeldBursts = 4;
constexpr qint64 MinHeldBytes = 64 * 1024;
constexpr int HeldLongestMessages = 4;

// A text line that leaves: it costs nothing, but waits its turn behind what came before it.
bool isQuitLine(const QString &text)
{
    // Views, not copies: asked of every line.
    const QStringView trimmed = QStringView(text).trimmed();
    if (!trimmed.startsWith(u'/'))
        return false;
    const qsizetype space = trimmed.indexOf(u' ');
    return trimmed.left(space < 0 ? trimmed.size() : space)
               .compare(u"/quit"_s, Qt::CaseInsensitive) == 0;
}

// Nicknames tried before joining (issue 13): a few at once, then one a second. Each try looks
// the nickname up and may search for a suggestion; a client that keeps going after being told
// is cut off, so a pasted screenful of nicknames costs a few lookups, not one each.
constexpr int NickAttemptBurst = 8;
constexpr double NickAttemptsPerSecond = 1;
} // namespace

ClientSession::ClientSession(Connection *connection, ChatRoom *room, const ServerConfig &config,
                             Rejection rejection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_room(room)
    , m_config(config)
    , m_rejection(rejection)
    , m_rate(config.maxRate, config.rateBurst)
    , m_nickAttempts(NickAttemptsPerSecond, NickAttemptBurst)
{
    m_connection->setParent(this);
    m_connection->setMaxFrame(config.maxFrame);
    m_connection->setMaxLineBytes(config.maxLine);
    m_connection->setMaxPendingOutput(config.maxPendingOutput);
    m_connection->setHeartbeat(config.heartbeatMs, config.heartbeatTimeoutMs);
    m_connection->setDetectTimeout(config.detectTimeoutMs);

    // A direct listener, not five signal-slot connections: each of those is a heap object
    // plus an entry in both ends' connection lists, per idle connection.
    m_connection->setListener(this);
}

ClientSession::~ClientSession()
{
    // A session deleted while still in the room (server torn down) must not leave a dangling
    // member behind.
    m_room->cancelClaims(this);
    if (m_room->contains(this))
        m_room->leave(this, tr("server stopped"));
    // The connection, a child, outlives this body; signal connections would be cut here too.
    m_connection->setListener(nullptr);
}

void ClientSession::setPasswordCheck(PasswordCheck *check, const QElapsedTimer *clock)
{
    m_passwords = check;
    m_serverClock = clock;
}

void ClientSession::start()
{
    m_clock.start();
    startLoginTimer(m_config.handshakeTimeoutMs);
    m_connection->start();
}

QString ClientSession::nick() const
{
    return m_room->nickOf(const_cast<ClientSession *>(this));
}

void ClientSession::deliver(const Broadcast &broadcast)
{
    if (m_state != State::Joined && m_state != State::Leaving)
        return;
    const Message &event = broadcast.event();
    // A private message reads differently to its sender and its recipient: not shared.
    if (isLine() && event.type == MessageType::Chat && !event.to.isEmpty())
        output(TextFormat::encode(event, nick()));
    else
        output(isLine() ? broadcast.text() : broadcast.frame());
}

void ClientSession::deliverAll(const BroadcastRun &run, qsizetype from, qsizetype to)
{
    if (m_state != State::Joined && m_state != State::Leaving)
        return;
    // No private messages: the same bytes for everyone, in either wire format, a chunk at a
    // time (whole chunks are shared by every member that gets them).
    const bool line = isLine();
    while (from < to && m_connection->isOpen()) {
        const qsizetype end = std::min(run.chunkEnd(from), to);
        output(line ? run.text(from, end) : run.frames(from, end));
        from = end;
    }
}

void ClientSession::tell(const Message &message)
{
    if (m_state != State::Joined && m_state != State::Leaving)
        return;
    if (!isLine())
        send(message);
    else if (message.type == MessageType::Error)
        sendReply(message.text); // text clients have no ids: their own line is their ack
}

void ClientSession::flush()
{
    m_connection->flush();
}

void ClientSession::displace()
{
    closeWith(ErrorCode::Replaced,
              tr("You connected again from elsewhere; this connection is closed."), {});
}

void ClientSession::startLoginTimer(qint64 deadlineMs)
{
    m_loginDeadlineMs = deadlineMs;
    const qint64 left = std::min(m_loginDeadlineMs, m_loginLimitMs) - m_clock.elapsed();
    m_loginTimer.start(int(std::clamp<qint64>(left, 1, std::numeric_limits<int>::max())), this);
}

void ClientSession::hurryLogin(int limitMs)
{
    if (limitMs >= m_loginLimitMs)
        return;
    m_loginLimitMs = limitMs;
    if (m_loginTimer.isActive())
        startLoginTimer(m_loginDeadlineMs);
}

void ClientSession::evict()
{
    qCInfo(lcServer).noquote()
        << tr("Closing %1 to make room: it had not joined, and the server is busy").arg(address());
    closeWith(ErrorCode::HandshakeTimeout,
              tr("The server is busy, and this connection had not joined yet. Connect again."), {});
}

void ClientSession::kick(const QString &reason)
{
    const QString text = reason.isEmpty() ? tr("You were kicked by the host.")
                                          : tr("You were kicked by the host: %1").arg(reason);
    const QString leaveReason =
        reason.isEmpty() ? tr("kicked by the host") : tr("kicked by the host: %1").arg(reason);
    qCInfo(lcServer).noquote() << tr("Kicking %1 (%2)").arg(nick(), address());
    closeWith(ErrorCode::Kicked, text, leaveReason);
}

void ClientSession::shutDown()
{
    closeWith(ErrorCode::Shutdown, tr("The server is shutting down."), tr("server shutting down"));
}

void ClientSession::ban()
{
    qCInfo(lcServer).noquote()
        << tr("Disconnecting %1 (%2): banned").arg(nick().isEmpty() ? u"-"_s : nick(), address());
    closeWith(ErrorCode::Banned, tr("You are banned from this server."), tr("banned by the host"));
}

void ClientSession::onModeDetected(Connection::Mode mode)
{
    if (m_rejection != Rejection::None) {
        ErrorCode code = ErrorCode::None;
        QString text;
        switch (m_rejection) {
        case Rejection::None:
        case Rejection::ServerFull:
            code = ErrorCode::ServerFull;
            text = tr("The server is full (%n connection(s)). Try again later.", nullptr,
                      m_config.maxClients);
            break;
        case Rejection::Busy:
            code = ErrorCode::ServerFull;
            text = tr("The server is busy with connections that have not joined yet. Try again "
                      "in a moment.");
            break;
        case Rejection::TooManyConnections:
            code = ErrorCode::TooManyConnections;
            text = tr("Too many connections from your address (at most %n).", nullptr,
                      m_config.maxPerIp);
            break;
        case Rejection::Banned:
            code = ErrorCode::Banned;
            text = tr("You are banned from this server.");
            break;
        case Rejection::TlsRequired:
            code = ErrorCode::TlsRequired;
            // -quiet: without it, s_client takes a line starting with Q or R as a command
            // (quit, renegotiate) instead of sending it.
            text = tr("This server accepts encrypted (TLS) connections only. Turn on TLS in "
                      "your client, or use: openssl s_client -quiet -connect HOST:PORT");
            break;
        case Rejection::TooManyFailures:
            code = ErrorCode::TooManyFailures;
            text = lockoutText(m_serverClock ? m_serverClock->elapsed() : 0);
            break;
        }
        qCWarning(lcServer).noquote() << tr("Refused %1: %2").arg(address(), text);
        closeWith(code, text, {});
        return;
    }
    if (mode == Connection::Mode::Framed) {
        m_state = State::AwaitHandshake;
        return;
    }
    startLoginTimer(m_clock.elapsed() + m_config.nickTimeoutMs);
    if (m_passwords && m_passwords->isRequired()) {
        // Nothing about the room, not even its name, before the password.
        m_state = State::AwaitPassword;
        sendPasswordPrompt();
        return;
    }
    greetTextClient();
}

void ClientSession::greetTextClient()
{
    m_state = State::AwaitNick;
    // A count, not the names: a list per newcomer would cost a large room's server dearly.
    sendReply(tr("Welcome to Tagarela on %1. %2")
                  .arg(m_config.serverName, TextFormat::userCount(m_room->size())));
    sendNickPrompt();
}

void ClientSession::sendPasswordPrompt()
{
    // No line end, as for the nickname prompt.
    output((tr("Password:") + u' ').toUtf8());
}

bool ClientSession::admitPassword(const QString &offered)
{
    if (!m_passwords)
        return true;
    const qint64 now = m_serverClock ? m_serverClock->elapsed() : 0;
    switch (m_passwords->check(peerAddress(), offered, now)) {
    case PasswordCheck::Verdict::Admitted:
        return true;
    case PasswordCheck::Verdict::Missing:
        qCInfo(lcServer).noquote() << tr("%1: no password given").arg(address());
        closeWith(ErrorCode::PasswordRequired,
                  tr("This server needs a password. Enter it and connect again."), {});
        return false;
    case PasswordCheck::Verdict::LockedOut:
        closeWith(ErrorCode::TooManyFailures, lockoutText(now), {});
        return false;
    case PasswordCheck::Verdict::Wrong:
        qCWarning(lcServer).noquote() << tr("%1: wrong password").arg(address());
        // Answered later, without holding up the server: guessing costs the guesser time.
        m_state = State::PasswordDelay;
        m_passwordDelay.start(std::max(m_config.passwordDelayMs, 1), this);
        return false;
    }
    return false;
}

QString ClientSession::lockoutText(qint64 now) const
{
    qint64 left = 0;
    const FailureThrottle::Lockout lockout = m_passwords
        ? m_passwords->lockout(peerAddress(), now, &left)
        : FailureThrottle::Lockout::None;
    const int minutes = int((left + 59'999) / 60'000);
    if (lockout == FailureThrottle::Lockout::Newcomers ||
        lockout == FailureThrottle::Lockout::Everyone) {
        return tr("Too many wrong passwords were tried on this server. Try again in %n "
                  "minute(s).",
                  nullptr, minutes);
    }
    return tr("Too many wrong passwords from your address. Try again in %n minute(s).", nullptr,
              minutes);
}

void ClientSession::sendNickPrompt()
{
    // No line end: the cursor stays after the prompt in telnet and nc.
    output((tr("Choose a nickname:") + u' ').toUtf8());
}

void ClientSession::onMessage(const Message &message)
{
    Input input;
    input.kind = Input::Kind::Message;
    input.message = message;
    input.bytes = m_connection->inputBytes();
    admit(std::move(input));
}

void ClientSession::onLine(const TextLine &line)
{
    Input input;
    input.kind = Input::Kind::Line;
    input.line = line;
    input.bytes = line.text.size();
    admit(std::move(input));
}

void ClientSession::admit(Input &&input)
{
    if (m_state == State::Closing || !m_connection->isOpen())
        return;
    if (m_claiming) {
        // A nickname is being claimed (Redis): what follows waits for the answer, in order.
        if (qsizetype(m_heldInput.size()) >= maxHeldInputs() ||
            m_heldInputBytes + input.bytes > maxHeldBytes()) {
            disconnectForExcessFlood();
            return;
        }
        m_heldInputBytes += input.bytes;
        m_heldInput.push_back(std::move(input));
        return;
    }
    if (m_heldInput.empty()) {
        const qint64 now = m_clock.elapsed();
        // Back within the rate since it was told it was too fast: a new slowdown is told again.
        if (m_toldSlowedDown && m_rate.isFull(now))
            m_toldSlowedDown = false;
        if (!isCharged(input) || m_rate.tryTake(now)) {
            process(input);
            return;
        }
    }
    // Behind what is held already, even if it costs nothing: input is handled in order.
    hold(std::move(input));
}

void ClientSession::hold(Input &&input)
{
    if (qsizetype(m_heldInput.size()) >= maxHeldInputs() ||
        m_heldInputBytes + input.bytes > maxHeldBytes()) {
        disconnectForExcessFlood();
        return;
    }
    m_heldInputBytes += input.bytes;
    m_heldInput.push_back(std::move(input));
    if (!m_toldSlowedDown) {
        m_toldSlowedDown = true;
        tellSlowedDown();
    }
    if (!m_paceTimer.isActive())
        m_paceTimer.start(int(std::max<qint64>(1, m_rate.msUntilNext(m_clock.elapsed()))), this);
}

void ClientSession::processHeld()
{
    m_paceTimer.stop();
    while (!m_heldInput.empty()) {
        if (m_state == State::Closing || !m_connection->isOpen()) {
            // Quit, kicked, dropped ...: the rest was said on a connection that is ending.
            m_heldInput.clear();
            m_heldInputBytes = 0;
            return;
        }
        if (m_claiming)
            return;
        const qint64 now = m_clock.elapsed();
        if (isCharged(m_heldInput.front()) && !m_rate.tryTake(now)) {
            m_paceTimer.start(int(std::max<qint64>(1, m_rate.msUntilNext(now))), this);
            return;
        }
        const Input input = std::move(m_heldInput.front());
        m_heldInput.pop_front();
        m_heldInputBytes -= input.bytes;
        process(input);
    }
}

void ClientSession::process(const Input &input)
{
    switch (input.kind) {
    case Input::Kind::Message:
        handleMessage(input.message);
        break;
    case Input::Kind::Line:
        handleLine(input.line);
        break;
    case Input::Kind::Error:
        // A say whose text is not UTF-8 is answered with its client-id, as any other refused
        // say (docs/PROTOCOL.md 6.9), so that the client knows which message failed.
        sendError(input.code, input.detail, {}, input.clientId);
        break;
    }
}

bool ClientSession::isCharged(const Input &input) const
{
    // Before joining, the handshake and nickname steps have their own timeouts.
    if (m_state != State::Joined)
        return false;
    switch (input.kind) {
    case Input::Kind::Message:
        return input.message.type != MessageType::Quit;
    case Input::Kind::Line:
        // A problem line is answered; an empty one is not; leaving is free.
        return input.line.problem != TextLine::Problem::None ||
            (!QStringView(input.line.text).trimmed().isEmpty() && !isQuitLine(input.line.text));
    case Input::Kind::Error:
        return true;
    }
    return true;
}

void ClientSession::chargeAnswer(qint64 bytes)
{
    m_rate.charge(m_clock.elapsed(), double(bytes) / Protocol::AnswerBytesPerMessage);
}

void ClientSession::chargeExamined(int entries)
{
    if (entries > 0)
        m_rate.charge(m_clock.elapsed(), double(entries) / Protocol::ExaminedPerMessage);
}

qsizetype ClientSession::maxHeldInputs() const
{
    return qsizetype(HeldBursts) * std::max(1, m_config.rateBurst);
}

qint64 ClientSession::maxHeldBytes() const
{
    const qint64 longest = isLine() ? m_config.maxLine : m_config.maxText;
    return std::max(MinHeldBytes, HeldLongestMessages * longest);
}

void ClientSession::tellSlowedDown()
{
    qCInfo(lcServer).noquote()
        << tr("%1 (%2) is over the message rate; its input waits").arg(nick(), address());
    const int perSecond = std::max(1, qRound(m_config.maxRate));
    if (isLine()) {
        sendReply(tr("You are sending more than %n line(s) a second: your lines wait and go out "
                     "in order at that rate. Slow down, or you will be disconnected.",
                     nullptr, perSecond));
    } else {
        m_connection->send(Message::error(
            ErrorCode::RateLimited,
            tr("You are sending more than %n message(s) a second: your messages wait and are "
               "handled in order at that rate. Slow down, or you will be disconnected.",
               nullptr, perSecond)));
    }
}

void ClientSession::disconnectForExcessFlood()
{
    // Counting the one that did not fit.
    const int waiting = int(m_heldInput.size()) + 1;
    m_heldInput.clear();
    m_heldInputBytes = 0;
    m_paceTimer.stop();
    qCWarning(lcServer).noquote() << tr("Disconnecting %1 (%2) for excess flood: %n message(s) "
                                        "waiting",
                                        nullptr, waiting)
                                         .arg(nick(), address());
    const QString text = isLine()
        ? tr("Excess flood: you kept sending too fast, and %n line(s) still waiting were not "
             "sent. You are disconnected.",
             nullptr, waiting)
        : tr("Excess flood: you kept sending too fast, and %n message(s) still waiting were not "
             "handled. You are disconnected.",
             nullptr, waiting);
    closeWith(ErrorCode::Flood, text, tr("excess flood"));
}

void ClientSession::handleMessage(const Message &message)
{
    switch (m_state) {
    case State::Detecting:
    case State::AwaitNick:
    case State::AwaitPassword:
    case State::PasswordDelay:
    case State::Leaving:
    case State::Closing:
        return;
    case State::AwaitHandshake:
        handleHandshake(message);
        return;
    case State::AwaitHello:
        if (message.type == MessageType::Hello)
            join(message.nick, message.resume, message.after, message.limit);
        else if (message.type == MessageType::Quit)
            closeWith(ErrorCode::Quit, tr("Goodbye."), {});
        else
            sendError(ErrorCode::Protocol, tr("Send hello with a nickname first."));
        return;
    case State::Joined:
        break;
    }

    switch (message.type) {
    case MessageType::Say:
        if (!message.clientId.isEmpty() && !Validation::isValidToken(message.clientId)) {
            sendError(ErrorCode::Protocol,
                      tr("A client-id is 1 to %n letters, digits, '-' or '_'.", nullptr,
                         Validation::MaxTokenLength));
            break;
        }
        say(message.text, message.action, message.clientId, message.to);
        break;
    case MessageType::Fetch:
        // Paid for by its size when the answer is ready (it may be read from disk).
        sendHistory(0, message.before, historyLimit(message.limit), true);
        break;
    case MessageType::Search:
        search(message.query, message.before, historyLimit(message.limit));
        break;
    case MessageType::SetNick:
        rename(message.nick);
        break;
    case MessageType::Who: {
        const QByteArray bytes =
            FrameDecoder::encode(MessageCodec::encode(Message::userList(m_room->nicks())));
        output(bytes);
        chargeAnswer(bytes.size());
        break;
    }
    case MessageType::Quit:
        closeWith(ErrorCode::Quit, tr("Goodbye."),
                  acceptableLeaveReason(message.reason, m_config.maxText));
        break;
    default:
        sendError(ErrorCode::Protocol,
                  tr("A %1 message is not expected here.").arg(messageTypeName(message.type)));
        break;
    }
}

void ClientSession::handleHandshake(const Message &message)
{
    if (message.type != MessageType::Handshake) {
        closeWith(ErrorCode::Protocol, tr("The first message must be a handshake."), {});
        return;
    }
    const int version = Protocol::chooseVersion(message.versions);
    if (version == 0) {
        QStringList ours;
        for (int v : Protocol::supportedVersions())
            ours.append(QString::number(v));
        closeWith(ErrorCode::VersionMismatch,
                  tr("This server speaks protocol version %1 only; please update your client.")
                      .arg(ours.join(u", "_s)),
                  {});
        return;
    }
    if (!admitPassword(message.password))
        return;
    Message ok = Message::handshakeOk(version, m_config.maxFrame, m_config.maxText,
                                      m_config.heartbeatMs, m_config.serverName);
    ok.historyId = m_room->historyId();
    if (m_room->engine().supportsPrivateMessages())
        ok.features.append(QString::fromLatin1(Feature::PrivateMessages));
    if (m_room->engine().supportsSearch())
        ok.features.append(QString::fromLatin1(Feature::Search));
    if (m_config.maxRate > 0) {
        ok.rateMs = std::max(1, qRound(1000 / m_config.maxRate));
        ok.rateBurst = m_config.rateBurst;
    }
    send(ok);
    m_state = State::AwaitHello;
}

void ClientSession::handleLine(const TextLine &line)
{
    if (m_state == State::AwaitPassword) {
        if (line.problem != TextLine::Problem::None || line.text.trimmed().isEmpty()) {
            sendPasswordPrompt();
            return;
        }
        // The whole line but its end: spaces may be part of a password.
        if (admitPassword(line.text))
            greetTextClient();
        return;
    }
    if (m_state != State::AwaitNick && m_state != State::Joined)
        return;
    if (line.problem == TextLine::Problem::TooLong) {
        sendReply(
            tr("That line is longer than %n byte(s) and was not sent.", nullptr, m_config.maxLine));
        return;
    }
    if (line.problem == TextLine::Problem::InvalidUtf8) {
        sendReply(tr("That line is not valid UTF-8 text and was not sent. Set your terminal "
                     "to UTF-8."));
        return;
    }
    QString text = line.text;
    text.replace(u'\t', u' ');
    if (text.trimmed().isEmpty()) {
        if (m_state == State::AwaitNick)
            sendNickPrompt();
        return;
    }

    if (m_state == State::AwaitNick) {
        const QString trimmed = text.trimmed();
        if (trimmed.compare(u"/quit"_s, Qt::CaseInsensitive) == 0) {
            closeWith(ErrorCode::Quit, tr("Goodbye."), {});
            return;
        }
        join(trimmed);
        return;
    }

    if (text.startsWith(u"//"_s))
        say(text.mid(1), false);
    else if (text.startsWith(u'/'))
        handleLineCommand(text);
    else
        say(text, false);
}

void ClientSession::handleLineCommand(const QString &line)
{
    const qsizetype space = line.indexOf(u' ');
    const QString command = line.left(space < 0 ? line.size() : space).toLower();
    const QString argument = space < 0 ? QString() : line.mid(space + 1).trimmed();

    if (command == "/nick"_L1) {
        if (argument.isEmpty())
            sendReply(tr("Usage: /nick NEWNAME"));
        else
            rename(argument);
    } else if (command == "/me"_L1) {
        if (argument.isEmpty())
            sendReply(tr("Usage: /me ACTION"));
        else
            say(argument, true);
    } else if (command == "/msg"_L1) {
        const qsizetype gap = argument.indexOf(u' ');
        const QString text = gap < 0 ? QString() : argument.mid(gap + 1);
        if (gap < 0 || text.trimmed().isEmpty())
            sendReply(tr("Usage: /msg NICK TEXT"));
        else
            say(text, false, {}, argument.left(gap));
    } else if (command == "/who"_L1) {
        const QByteArray bytes =
            (TextFormat::reply(TextFormat::userList(m_room->nicks())) + u"\r\n"_s).toUtf8();
        output(bytes);
        chargeAnswer(bytes.size());
    } else if (command == "/quit"_L1) {
        closeWith(ErrorCode::Quit, tr("Goodbye."),
                  acceptableLeaveReason(argument, m_config.maxText));
    } else if (command == "/help"_L1) {
        sendReply(tr("Type a line to send it to everyone. Commands:"));
        sendReply(tr("/nick NAME     change your nickname"));
        sendReply(tr("/me ACTION     say what you are doing"));
        sendReply(tr("/msg NICK TEXT say TEXT to NICK alone"));
        sendReply(tr("/who           list who is here"));
        sendReply(tr("/quit [REASON] leave"));
        sendReply(tr("//text         send a line that starts with /"));
    } else {
        sendReply(tr("Unknown command %1. Type /help for the commands.").arg(command));
    }
}

bool ClientSession::admitNickAttempt()
{
    if (m_nickAttempts.tryTake(m_clock.elapsed()))
        return true;
    if (m_nickAttempts.refusedInARow() >= NickAttemptBurst) {
        qCWarning(lcServer).noquote()
            << tr("Disconnecting %1: it kept trying nicknames too fast").arg(address());
        closeWith(ErrorCode::Flood, tr("You were disconnected for trying nicknames too fast."), {});
    } else if (m_nickAttempts.refusedInARow() == 1) {
        sendError(ErrorCode::RateLimited,
                  tr("You are trying nicknames too fast. Wait a second, then try again."));
    }
    return false;
}

void ClientSession::join(const QString &nick, const QString &resume, quint64 after, int limit)
{
    if (!admitNickAttempt()) {
        if (m_state == State::AwaitNick)
            sendNickPrompt();
        return;
    }
    // Text clients cannot send a token: they get none, and their nickname is never held.
    m_claiming = true;
    m_askingRoom = true;
    m_room->join(this, nick, isLine() ? QString() : resume,
                 [this, after, limit](const ChatRoom::NickResult &result) {
                     claimAnswered();
                     onJoinAnswer(result, after, limit);
                 });
    m_askingRoom = false;
}

void ClientSession::claimAnswered()
{
    m_claiming = false;
    // What came meanwhile, on a later turn (this may be Redis's answer).
    if (!m_askingRoom && !m_heldInput.empty() && !m_paceTimer.isActive())
        m_paceTimer.start(0, this);
}

void ClientSession::onJoinAnswer(const ChatRoom::NickResult &result, quint64 after, int limit)
{
    if (m_state == State::Closing || !m_connection->isOpen())
        return;
    if (!result.ok()) {
        sendError(result.error, result.text, result.suggestion);
        if (m_state == State::AwaitNick)
            sendNickPrompt();
        return;
    }
    m_state = State::Joined;
    m_loginTimer.stop();
    Q_EMIT joinedRoom(this);
    if (isLine()) {
        sendReply(tr("You are %1. %2 Type /who to see who.")
                      .arg(result.nick, TextFormat::userCount(m_room->size())));
        sendReply(tr("Type a line to talk, /help for commands."));
        sendRecentLines();
        return;
    }
    // Message::welcome(nick, m_room->nicks()) with the resume token, from the room's list as
    // it keeps it encoded: a join in a big room copies the list instead of encoding it.
    const ChatRoom::EncodedNicks users = m_room->encodedNicks();
    output(MessageCodec::encodeWelcomeFrame(result.nick, users.items, users.count, result.resume));
    // What was stored so far; anything queued but not yet stored reaches this member live.
    if (after > 0)
        sendHistory(after, 0, m_config.catchUpLimit);
    else
        sendHistory(0, 0, historyLimit(limit));
}

void ClientSession::sendHistory(quint64 after, quint64 before, int limit, bool charged)
{
    const quint64 place = reserveOutput();
    m_room->history(this, after, before, limit, this,
                    [this, place, before, charged](const MessageLog::Page &answer) {
                        MessageLog::Page page = answer;
                        if (m_config.maxPendingOutput > 0)
                            MessageLog::trimToBytes(&page, m_config.maxPendingOutput / 2);
                        QByteArray bytes;
                        const QList<Message> frames = MessageLog::frames(page, before);
                        for (const Message &frame : frames)
                            bytes += FrameDecoder::encode(MessageCodec::encode(frame));
                        if (charged)
                            chargeAnswer(bytes.size());
                        fillOutput(place, bytes);
                    });
}

void ClientSession::search(const QString &query, quint64 before, int limit)
{
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > MaxSearchQuery ||
        Validation::checkText(trimmed, m_config.maxText) != TextProblem::None) {
        sendError(ErrorCode::InvalidQuery,
                  tr("A search needs 1 to %n characters of text, without control characters.",
                     nullptr, MaxSearchQuery));
        return;
    }
    const quint64 place = reserveOutput();
    // Paid for by its size, like fetch: it is a history answer of up to the same bound.
    m_room->search(this, trimmed, before, limit, this,
                   [this, place, before, query](const MessageLog::Page &answer) {
                       MessageLog::Page page = answer;
                       if (m_config.maxPendingOutput > 0)
                           MessageLog::trimToBytes(&page, m_config.maxPendingOutput / 2);
                       QByteArray bytes;
                       QList<Message> frames = MessageLog::frames(page, before);
                       for (Message &frame : frames) {
                           frame.query = query;
                           bytes += FrameDecoder::encode(MessageCodec::encode(frame));
                       }
                       chargeAnswer(bytes.size());
                       // A search that reads entries one by one (Redis) costs by what it
                       // read, so a client cannot make the server read 10,000 entries five
                       // times a second (docs/PROTOCOL.md 7.2).
                       chargeExamined(answer.examined);
                       fillOutput(place, bytes);
                   });
}

void ClientSession::sendRecentLines()
{
    const quint64 place = reserveOutput();
    m_room->history(
        this, 0, 0, TextHistoryLimit, this, [this, place](const MessageLog::Page &page) {
            QByteArray lines;
            if (!page.messages.isEmpty()) {
                lines = (TextFormat::reply(tr("Recent messages:")) + u"\r\n"_s).toUtf8();
                const QString viewer = nick();
                for (const Message &message : page.messages)
                    lines += TextFormat::encode(message, viewer);
                lines += (TextFormat::reply(tr("End of recent messages.")) + u"\r\n"_s).toUtf8();
            }
            fillOutput(place, lines);
        });
}

void ClientSession::send(const Message &message)
{
    output(FrameDecoder::encode(MessageCodec::encode(message)));
}

void ClientSession::output(const QByteArray &bytes)
{
    // After what the room's batched presence owes this client (ChatRoom::setBatchPresence()).
    m_room->settlePresence(this);
    if (m_held.empty()) {
        m_connection->sendEncoded(bytes);
        return;
    }
    // Behind a history answer still being read: it keeps its place.
    m_held.push_back(Held {bytes, 0});
    m_heldBytes += bytes.size();
    if (m_config.maxPendingOutput > 0 && m_heldBytes > m_config.maxPendingOutput) {
        const QString detail =
            u"more than %1 bytes of output waiting"_s.arg(m_config.maxPendingOutput);
        m_held.clear();
        m_heldBytes = 0;
        m_connection->abort(ErrorCode::SlowReader, detail);
        onProtocolError(ErrorCode::SlowReader, detail, true, {});
    }
}

quint64 ClientSession::reserveOutput()
{
    m_held.push_back(Held {{}, ++m_lastPlace});
    return m_lastPlace;
}

void ClientSession::fillOutput(quint64 place, const QByteArray &bytes)
{
    for (Held &held : m_held) {
        if (held.place == place) {
            held.place = 0;
            held.bytes = bytes;
            m_heldBytes += bytes.size();
            break;
        }
    }
    // Answers come in the order they were asked for; everything up to the next unanswered
    // one goes out now.
    if (!m_held.empty() && m_held.front().place == 0)
        m_room->settlePresence(this);
    while (!m_held.empty() && m_held.front().place == 0) {
        m_heldBytes -= m_held.front().bytes.size();
        const QByteArray ready = std::move(m_held.front().bytes);
        m_held.pop_front();
        m_connection->sendEncoded(ready);
    }
    if (m_held.empty() && m_state == State::Leaving)
        finishClose(false);
}

void ClientSession::rename(const QString &nick)
{
    m_claiming = true;
    m_askingRoom = true;
    m_room->rename(this, nick, [this](const ChatRoom::NickResult &result) {
        claimAnswered();
        if (!result.ok())
            sendError(result.error, result.text, result.suggestion);
    });
    m_askingRoom = false;
}

void ClientSession::say(const QString &typed, bool action, const QString &clientId,
                        const QString &to)
{
    // A trailing line break would show as an empty line to everyone.
    QString text = typed;
    while (text.endsWith(u'\n'))
        text.chop(1);
    const TextProblem problem = Validation::checkText(text, m_config.maxText);
    if (problem != TextProblem::None) {
        sendError(Validation::errorCode(problem), Validation::describe(problem, m_config.maxText),
                  {}, clientId);
        return;
    }
    m_room->say(this, text, action, clientId, to);
}

void ClientSession::sendError(ErrorCode code, const QString &text, const QString &suggestion,
                              const QString &clientId)
{
    if (isLine())
        sendReply(text);
    else
        send(Message::error(code, text, suggestion, clientId));
}

void ClientSession::sendReply(const QString &text)
{
    output((TextFormat::reply(text) + u"\r\n"_s).toUtf8());
}

void ClientSession::closeWith(ErrorCode code, const QString &text, const QString &leaveReason)
{
    if (m_state == State::Closing || m_state == State::Leaving || !m_connection->isOpen())
        return;
    m_leaveReason = leaveReason;
    m_closedOnPurpose = true;
    m_closeCode = code;
    m_closeText = text;
    if (m_state != State::Joined) {
        finishClose(true);
        return;
    }
    // What was said before it leaves, by itself or others, reaches it before the bye: its acks,
    // its own chats and everyone else's.
    m_state = State::Leaving;
    m_leaveTimer.start(LeaveTimeoutMs, this);
    m_room->afterStored(nullptr, this, [this] {
        m_saysAnswered = true;
        finishClose(false);
    });
}

void ClientSession::finishClose(bool now)
{
    if (m_state == State::Closing)
        return;
    if (!now && (!m_saysAnswered || !m_held.empty()))
        return;
    m_leaveTimer.stop();
    m_held.clear();
    m_heldBytes = 0;
    if (m_connection->mode() == Connection::Mode::Framed)
        send(Message::bye(m_closeCode, m_closeText));
    else if (isLine())
        sendReply(m_closeText);
    m_state = State::Closing;
    m_connection->close(m_closeCode, m_closeText);
}

void ClientSession::onProtocolError(ErrorCode code, const QString &detail, bool fatal,
                                    const QString &clientId)
{
    logProtocolError(tr("%1 (%2): %3")
                         .arg(address(), nick().isEmpty() ? u"-"_s : escapeForLog(nick()),
                              escapeForLog(detail, MaxLoggedDetail)));
    if (!fatal && m_state == State::AwaitHandshake) {
        // A first frame that does not even decode is not a handshake (docs/PROTOCOL.md 6.1):
        // whoever sent it is not speaking this protocol, and gets no second try.
        closeWith(ErrorCode::Protocol, tr("The first message must be a handshake."), {});
        return;
    }
    if (!fatal) {
        // Answered in its place among the input, and at the rate like any other.
        Input input;
        input.kind = Input::Kind::Error;
        input.code = code;
        input.detail = detail;
        input.clientId = Validation::isValidToken(clientId) ? clientId : QString();
        input.bytes = m_connection->inputBytes();
        admit(std::move(input));
        return;
    }
    if (code != ErrorCode::SlowReader && m_connection->mode() == Connection::Mode::Framed)
        send(Message::bye(code, detail));
    else if (code != ErrorCode::SlowReader && isLine())
        sendReply(detail);
}

void ClientSession::logProtocolError(const QString &line)
{
    if (m_protocolErrorsLogged >= MaxLoggedProtocolErrors) {
        ++m_protocolErrorsNotLogged;
        return;
    }
    if (m_protocolLog && !m_protocolLog->admit())
        return; // counted by the server's throttle, for its own summary
    ++m_protocolErrorsLogged;
    qCWarning(lcServer).noquote() << line;
}

void ClientSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_leaveTimer.timerId()) {
        qCWarning(lcServer).noquote()
            << tr("%1 (%2): its messages were not stored in time; closing anyway")
                   .arg(address(), nick().isEmpty() ? u"-"_s : nick());
        finishClose(true);
        return;
    }
    if (event->timerId() == m_paceTimer.timerId()) {
        processHeld();
        return;
    }
    if (event->timerId() == m_passwordDelay.timerId()) {
        m_passwordDelay.stop();
        closeWith(ErrorCode::WrongPassword, tr("Wrong password."), {});
        return;
    }
    if (event->timerId() != m_loginTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_loginTimer.stop();
    onLoginTimeout();
}

void ClientSession::onLoginTimeout()
{
    if (m_state == State::Joined)
        return;
    const QString text = m_state == State::AwaitPassword ? tr("No password given in time.")
        : isLine()                                       ? tr("No nickname chosen in time.")
                   : tr("The handshake did not finish in time.");
    qCInfo(lcServer).noquote() << tr("%1: %2").arg(address(), text);
    closeWith(ErrorCode::HandshakeTimeout, text, {});
}

QString ClientSession::describeClose(ErrorCode code) const
{
    switch (code) {
    case ErrorCode::HeartbeatTimeout:
        return tr("timed out");
    case ErrorCode::SlowReader:
        return tr("too slow to read the chat");
    case ErrorCode::FrameTooLarge:
    case ErrorCode::Protocol:
        return tr("protocol error");
    default:
        return tr("connection closed");
    }
}

void ClientSession::onClosed(ErrorCode code, const QString &detail)
{
    m_loginTimer.stop();
    m_passwordDelay.stop();
    m_leaveTimer.stop();
    m_held.clear();
    m_heldBytes = 0;
    if (m_protocolErrorsNotLogged > 0 && (!m_protocolLog || m_protocolLog->admit())) {
        qCWarning(lcServer).noquote()
            << tr("%1: %n more protocol error(s) from this connection were not logged", nullptr,
                  m_protocolErrorsNotLogged)
                   .arg(address());
    }
    m_paceTimer.stop();
    m_heldInput.clear();
    m_heldInputBytes = 0;
    m_room->cancelClaims(this);
    m_claiming = false;
    if (m_room->contains(this)) {
        const QString reason = !m_leaveReason.isEmpty()
            ? m_leaveReason
            : (code == ErrorCode::Quit ? tr("quit") : describeClose(code));
        // A connection that dropped (not quit, kicked ...) may come back with its token.
        m_room->leave(this, reason, !m_closedOnPurpose && code != ErrorCode::Quit && !isLine());
    } else {
        qCDebug(lcServer).noquote() << tr("%1 closed: %2").arg(address(), detail);
    }
    m_state = State::Closing;
    Q_EMIT finished(this);
}

} // namespace Tagarela
