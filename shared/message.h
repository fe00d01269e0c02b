// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Tagarela {

/*! The kinds of message on the wire; the names in docs/PROTOCOL.md are in comments. */
enum class MessageType {
    Unknown, //!< a type this build does not know (the name is kept in Message::typeName)
    // client to server
    Handshake, //!< "handshake": versions, password
    Hello, //!< "hello": nick, resume, after, limit
    Say, //!< "say": text, action, client-id, to
    SetNick, //!< "nick": nick
    Who, //!< "who"
    Quit, //!< "quit": reason
    Fetch, //!< "fetch": before, limit (older history)
    Search, //!< "search": query, before, limit (past messages holding the query)
    // server to client
    HandshakeOk, //!< "handshake-ok": version, max-frame, max-text, heartbeat-ms, server,
                 //!< history-id, rate-ms, rate-burst, features
    Welcome, //!< "welcome": nick, users, resume
    Chat, //!< "chat": seq, from, text, action, time, client-id, to
    Ack, //!< "ack": client-id, seq, time (the sender's message is stored)
    History, //!< "history": messages, before, end, more, query
    Joined, //!< "joined": nick, time
    Left, //!< "left": nick, reason, time
    Renamed, //!< "renamed": from, nick, time
    Notice, //!< "notice": seq, text, time (from the host)
    Users, //!< "users": users
    Error, //!< "error": code, text, suggestion, client-id (the connection stays open)
    Bye, //!< "bye": code, text (the sender closes the connection after it)
    // both ways
    Ping, //!< "ping": id
    Pong, //!< "pong": id
};

/*! Error codes carried by "error" and "bye"; stable across versions, spelled as in the docs. */
enum class ErrorCode {
    None,
    Protocol, //!< "protocol": malformed message or message out of place
    UnknownType, //!< "unknown-type"
    VersionMismatch, //!< "version-mismatch"
    FrameTooLarge, //!< "frame-too-large"
    InvalidUtf8, //!< "invalid-utf8"
    InvalidNick, //!< "invalid-nick"
    NickTaken, //!< "nick-taken"
    InvalidText, //!< "invalid-text"
    TextTooLong, //!< "text-too-long"
    LineTooLong, //!< "line-too-long"
    RateLimited, //!< "rate-limited": a warning, the message was dropped
    Flood, //!< "flood": disconnected for sending too fast
    ServerFull, //!< "server-full"
    TooManyConnections, //!< "too-many-connections": from one address
    HandshakeTimeout, //!< "handshake-timeout"
    HeartbeatTimeout, //!< "heartbeat-timeout"
    SlowReader, //!< "slow-reader"
    Kicked, //!< "kicked"
    Shutdown, //!< "shutdown"
    Quit, //!< "quit": the client asked to leave
    NotStored, //!< "not-stored": the server could not store the message; it was not sent
    PasswordRequired, //!< "password-required"
    WrongPassword, //!< "wrong-password"
    TooManyFailures, //!< "too-many-failures": wrong passwords from one address; wait
    TlsRequired, //!< "tls-required": the server accepts encrypted connections only
    Banned, //!< "banned": the host banned the client's address
    Replaced, //!< "replaced": the same user resumed on a new connection
    NoSuchNick, //!< "no-such-nick": nobody in the room has the nickname a message is for
    InvalidQuery, //!< "invalid-query": a search query that is empty or too long
};

/*! What a server offers beyond version 1's base, announced in handshake-ok's "features". */
namespace Feature {
inline constexpr char PrivateMessages[] = "private"; //!< say {to} and chat {to}
inline constexpr char Search[] = "search"; //!< the search request
} // namespace Feature

QString messageTypeName(MessageType type);
MessageType messageTypeFromName(const QString &name);
QString errorCodeName(ErrorCode code);
/*! Unknown names map to ErrorCode::Protocol so that newer servers stay readable. */
ErrorCode errorCodeFromName(const QString &name);

/*!
 * One protocol message. A flat value type: each MessageType uses the fields its comment names
 * and leaves the others at their defaults. Build them with the named constructors.
 */
struct Message
{
    MessageType type = MessageType::Unknown;
    QString typeName; //!< only for MessageType::Unknown: the name that was received
    QList<int> versions;
    int version = 0;
    int maxFrame = 0;
    int maxText = 0;
    int heartbeatMs = 0;
    QString server;
    QString nick;
    QString from;
    QString text;
    QString reason;
    QString suggestion;
    QStringList users;
    ErrorCode code = ErrorCode::None;
    bool action = false;
    qint64 time = 0; //!< milliseconds since the Unix epoch, UTC
    quint64 id = 0; //!< ping and pong
    quint64 seq = 0; //!< the server's sequence number of a chat or notice; 0: none
    quint64 after = 0; //!< hello: the last sequence number the client has seen; 0: none
    quint64 before = 0; //!< fetch and its history answer: older than this; 0: none
    int limit = 0; //!< hello and fetch: at most this many history messages; 0: default
    QString clientId; //!< say, and chat, ack, error about it: the sender's id for the message
    QString password; //!< handshake
    QString resume; //!< welcome: a token for hello to get the nickname back after a drop
    QString historyId; //!< handshake-ok: names the server's sequence of messages
    int rateMs = 0; //!< handshake-ok: one message per this many ms on average; 0: no limit
    int rateBurst = 0; //!< handshake-ok: messages that may be sent at once
    bool end = false; //!< history: the last frame of one answer
    bool more = false; //!< history: older messages exist than the first one sent
    QList<Message> messages; //!< history: chat and notice messages, oldest first
    QString to; //!< say and chat: the one person a private message is for; empty: the room
    QString query; //!< search, and the history frames answering it
    QStringList features; //!< handshake-ok: what the server offers beyond the base (Feature)

    static Message handshake(const QList<int> &versions);
    static Message hello(const QString &nick);
    static Message say(const QString &text, bool action = false, const QString &clientId = {});
    static Message setNick(const QString &nick);
    static Message who();
    static Message quit(const QString &reason = {});
    static Message fetch(quint64 before, int limit);
    static Message search(const QString &query, quint64 before, int limit);
    static Message handshakeOk(int version, int maxFrame, int maxText, int heartbeatMs,
                               const QString &server);
    static Message welcome(const QString &nick, const QStringList &users);
    static Message chat(const QString &from, const QString &text, bool action, qint64 time,
                        quint64 seq = 0, const QString &clientId = {});
    static Message ack(const QString &clientId, quint64 seq, qint64 time);
    static Message history(const QList<Message> &messages, quint64 before, bool end, bool more);
    static Message joined(const QString &nick, qint64 time);
    static Message left(const QString &nick, const QString &reason, qint64 time);
    static Message renamed(const QString &from, const QString &nick, qint64 time);
    static Message notice(const QString &text, qint64 time, quint64 seq = 0);
    static Message userList(const QStringList &users);
    static Message error(ErrorCode code, const QString &text, const QString &suggestion = {},
                         const QString &clientId = {});
    static Message bye(ErrorCode code, const QString &text);
    static Message ping(quint64 id);
    static Message pong(quint64 id);

    friend bool operator==(const Message &a, const Message &b);
    friend bool operator!=(const Message &a, const Message &b) { return !(a == b); }
};

} // namespace Tagarela

// Every member is a Qt container or a plain value, none points into the message itself: a
// QList<Message> grows and shrinks by moving memory, not by moving each message field by field.
Q_DECLARE_TYPEINFO(Tagarela::Message, Q_RELOCATABLE_TYPE);
