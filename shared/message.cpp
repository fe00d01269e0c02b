// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "message.h"

#include <QLatin1StringView>

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

struct TypeName
{
    MessageType type;
    QLatin1StringView name;
};

constexpr TypeName TypeNames[] = {
    {MessageType::Handshake, "handshake"_L1},
    {MessageType::Hello, "hello"_L1},
    {MessageType::Say, "say"_L1},
    {MessageType::SetNick, "nick"_L1},
    {MessageType::Who, "who"_L1},
    {MessageType::Quit, "quit"_L1},
    {MessageType::Fetch, "fetch"_L1},
    {MessageType::Search, "search"_L1},
    {MessageType::HandshakeOk, "handshake-ok"_L1},
    {MessageType::Welcome, "welcome"_L1},
    {MessageType::Chat, "chat"_L1},
    {MessageType::Ack, "ack"_L1},
    {MessageType::History, "history"_L1},
    {MessageType::Joined, "joined"_L1},
    {MessageType::Left, "left"_L1},
    {MessageType::Renamed, "renamed"_L1},
    {MessageType::Notice, "notice"_L1},
    {MessageType::Users, "users"_L1},
    {MessageType::Error, "error"_L1},
    {MessageType::Bye, "bye"_L1},
    {MessageType::Ping, "ping"_L1},
    {MessageType::Pong, "pong"_L1},
};

struct CodeName
{
    ErrorCode code;
    QLatin1StringView name;
};

constexpr CodeName CodeNames[] = {
    {ErrorCode::Protocol, "protocol"_L1},
    {ErrorCode::UnknownType, "unknown-type"_L1},
    {ErrorCode::VersionMismatch, "version-mismatch"_L1},
    {ErrorCode::FrameTooLarge, "frame-too-large"_L1},
    {ErrorCode::InvalidUtf8, "invalid-utf8"_L1},
    {ErrorCode::InvalidNick, "invalid-nick"_L1},
    {ErrorCode::NickTaken, "nick-taken"_L1},
    {ErrorCode::InvalidText, "invalid-text"_L1},
    {ErrorCode::TextTooLong, "text-too-long"_L1},
    {ErrorCode::LineTooLong, "line-too-long"_L1},
    {ErrorCode::RateLimited, "rate-limited"_L1},
    {ErrorCode::Flood, "flood"_L1},
    {ErrorCode::ServerFull, "server-full"_L1},
    {ErrorCode::TooManyConnections, "too-many-connections"_L1},
    {ErrorCode::HandshakeTimeout, "handshake-timeout"_L1},
    {ErrorCode::HeartbeatTimeout, "heartbeat-timeout"_L1},
    {ErrorCode::SlowReader, "slow-reader"_L1},
    {ErrorCode::Kicked, "kicked"_L1},
    {ErrorCode::Shutdown, "shutdown"_L1},
    {ErrorCode::Quit, "quit"_L1},
    {ErrorCode::NotStored, "not-stored"_L1},
    {ErrorCode::PasswordRequired, "password-required"_L1},
    {ErrorCode::WrongPassword, "wrong-password"_L1},
    {ErrorCode::TooManyFailures, "too-many-failures"_L1},
    {ErrorCode::TlsRequired, "tls-required"_L1},
    {ErrorCode::Banned, "banned"_L1},
    {ErrorCode::Replaced, "replaced"_L1},
    {ErrorCode::NoSuchNick, "no-such-nick"_L1},
    {ErrorCode::InvalidQuery, "invalid-query"_L1},
};

} // namespace

QString messageTypeName(MessageType type)
{
    for (const TypeName &entry : TypeNames) {
        if (entry.type == type)
            return entry.name;
    }
    return {};
}

MessageType messageTypeFromName(const QString &name)
{
    for (const TypeName &entry : TypeNames) {
        if (entry.name == name)
            return entry.type;
    }
    return MessageType::Unknown;
}

QString errorCodeName(ErrorCode code)
{
    for (const CodeName &entry : CodeNames) {
        if (entry.code == code)
            return entry.name;
    }
    return {};
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (const CodeName &entry : CodeNames) {
        if (entry.name == name)
            return entry.code;
    }
    return ErrorCode::Protocol;
}

Message Message::handshake(const QList<int> &versions)
{
    Message m;
    m.type = MessageType::Handshake;
    m.versions = versions;
    return m;
}

Message Message::hello(const QString &nick)
{
    Message m;
    m.type = MessageType::Hello;
    m.nick = nick;
    return m;
}

Message Message::say(const QString &text, bool action, const QString &clientId)
{
    Message m;
    m.type = MessageType::Say;
    m.text = text;
    m.action = action;
    m.clientId = clientId;
    return m;
}

Message Message::setNick(const QString &nick)
{
    Message m;
    m.type = MessageType::SetNick;
    m.nick = nick;
    return m;
}

Message Message::who()
{
    Message m;
    m.type = MessageType::Who;
    return m;
}

Message Message::quit(const QString &reason)
{
    Message m;
    m.type = MessageType::Quit;
    m.reason = reason;
    return m;
}

Message Message::fetch(quint64 before, int limit)
{
    Message m;
    m.type = MessageType::Fetch;
    m.before = before;
    m.limit = limit;
    return m;
}

Message Message::search(const QString &query, quint64 before, int limit)
{
    Message m;
    m.type = MessageType::Search;
    m.query = query;
    m.before = before;
    m.limit = limit;
    return m;
}

Message Message::handshakeOk(int version, int maxFrame, int maxText, int heartbeatMs,
                             const QString &server)
{
    Message m;
    m.type = MessageType::HandshakeOk;
    m.version = version;
    m.maxFrame = maxFrame;
    m.maxText = maxText;
    m.heartbeatMs = heartbeatMs;
    m.server = server;
    return m;
}

Message Message::welcome(const QString &nick, const QStringList &users)
{
    Message m;
    m.type = MessageType::Welcome;
    m.nick = nick;
    m.users = users;
    return m;
}

Message Message::chat(const QString &from, const QString &text, bool action, qint64 time,
                      quint64 seq, const QString &clientId)
{
    Message m;
    m.type = MessageType::Chat;
    m.seq = seq;
    m.from = from;
    m.text = text;
    m.action = action;
    m.time = time;
    m.clientId = clientId;
    return m;
}

Message Message::ack(const QString &clientId, quint64 seq, qint64 time)
{
    Message m;
    m.type = MessageType::Ack;
    m.clientId = clientId;
    m.seq = seq;
    m.time = time;
    return m;
}

Message Message::history(const QList<Message> &messages, quint64 before, bool end, bool more)
{
    Message m;
    m.type = MessageType::History;
    m.messages = messages;
    m.before = before;
    m.end = end;
    m.more = more;
    return m;
}

Message Message::joined(const QString &nick, qint64 time)
{
    Message m;
    m.type = MessageType::Joined;
    m.nick = nick;
    m.time = time;
    return m;
}

Message Message::left(const QString &nick, const QString &reason, qint64 time)
{
    Message m;
    m.type = MessageType::Left;
    m.nick = nick;
    m.reason = reason;
    m.time = time;
    return m;
}

Message Message::renamed(const QString &from, const QString &nick, qint64 time)
{
    Message m;
    m.type = MessageType::Renamed;
    m.from = from;
    m.nick = nick;
    m.time = time;
    return m;
}

Message Message::notice(const QString &text, qint64 time, quint64 seq)
{
    Message m;
    m.type = MessageType::Notice;
    m.seq = seq;
    m.text = text;
    m.time = time;
    return m;
}

Message Message::userList(const QStringList &users)
{
    Message m;
    m.type = MessageType::Users;
    m.users = users;
    return m;
}

Message Message::error(ErrorCode code, const QString &text, const QString &suggestion,
                       const QString &clientId)
{
    Message m;
    m.type = MessageType::Error;
    m.code = code;
    m.text = text;
    m.suggestion = suggestion;
    m.clientId = clientId;
    return m;
}

Message Message::bye(ErrorCode code, const QString &text)
{
    Message m;
    m.type = MessageType::Bye;
    m.code = code;
    m.text = text;
    return m;
}

Message Message::ping(quint64 id)
{
    Message m;
    m.type = MessageType::Ping;
    m.id = id;
    return m;
}

Message Message::pong(quint64 id)
{
    Message m;
    m.type = MessageType::Pong;
    m.id = id;
    return m;
}

bool operator==(const Message &a, const Message &b)
{
    return a.type == b.type && a.typeName == b.typeName && a.versions == b.versions &&
        a.version == b.version && a.maxFrame == b.maxFrame && a.maxText == b.maxText &&
        a.heartbeatMs == b.heartbeatMs && a.server == b.server && a.nick == b.nick &&
        a.from == b.from && a.text == b.text && a.reason == b.reason &&
        a.suggestion == b.suggestion && a.users == b.users && a.code == b.code &&
        a.action == b.action && a.time == b.time && a.id == b.id && a.seq == b.seq &&
        a.after == b.after && a.before == b.before && a.limit == b.limit &&
        a.clientId == b.clientId && a.password == b.password && a.resume == b.resume &&
        a.historyId == b.historyId && a.rateMs == b.rateMs && a.rateBurst == b.rateBurst &&
        a.end == b.end && a.more == b.more && a.messages == b.messages && a.to == b.to &&
        a.query == b.query && a.features == b.features;
}

} // namespace Tagarela
