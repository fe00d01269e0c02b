// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <limits>

#include <QByteArray>
#include <QByteArrayList>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include "framedecoder.h"
#include "message.h"
#include "messagecodec.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace Tagarela {

// Found by QCOMPARE through argument-dependent lookup, so that failures show the values.
char *toString(ErrorCode code)
{
    const QString name = code == ErrorCode::None ? u"none"_s : errorCodeName(code);
    return qstrdup(name.toUtf8().constData());
}

char *toString(const Message &m)
{
    QStringList versions;
    for (int v : m.versions)
        versions.append(QString::number(v));
    const QString text = u"type=%1 typeName=%2 versions=[%3] version=%4 maxFrame=%5 maxText=%6 "
                         u"heartbeatMs=%7 server=%8 nick=%9 from=%10 text=%11 reason=%12 "
                         u"suggestion=%13 users=[%14] code=%15 action=%16 time=%17 id=%18"_s
                             .arg(messageTypeName(m.type), m.typeName, versions.join(u','))
                             .arg(m.version)
                             .arg(m.maxFrame)
                             .arg(m.maxText)
                             .arg(m.heartbeatMs)
                             .arg(m.server, m.nick, m.from, m.text, m.reason, m.suggestion,
                                  m.users.join(u','), errorCodeName(m.code))
                             .arg(m.action)
                             .arg(m.time)
                             .arg(m.id) +
        u" seq=%1 after=%2 before=%3 limit=%4 client-id=%5 password=%6 resume=%7 "
        u"history-id=%8 rate-ms=%9 rate-burst=%10 end=%11 more=%12 messages=%13"_s.arg(m.seq)
            .arg(m.after)
            .arg(m.before)
            .arg(m.limit)
            .arg(m.clientId, m.password, m.resume, m.historyId)
            .arg(m.rateMs)
            .arg(m.rateBurst)
            .arg(m.end)
            .arg(m.more)
            .arg(m.messages.size());
    return qstrdup(text.toUtf8().constData());
}

} // namespace Tagarela

namespace {

QByteArray cbor(const QCborMap &map)
{
    return map.toCborValue().toCbor();
}

QByteArray cbor(const QCborValue &value)
{
    return value.toCbor();
}

// Hand-built CBOR, for payloads that Qt would not write: a short text string (major type 3)...
QByteArray rawText(QByteArrayView utf8)
{
    Q_ASSERT(utf8.size() < 24);
    return QByteArray(1, static_cast<char>(0x60 + utf8.size())) + utf8.toByteArray();
}

// ... and a definite-length map of already encoded keys and values.
QByteArray rawMap(const QByteArrayList &keysAndValues)
{
    Q_ASSERT(keysAndValues.size() % 2 == 0 && keysAndValues.size() < 48);
    QByteArray map(1, static_cast<char>(0xa0 + keysAndValues.size() / 2));
    for (const QByteArray &item : keysAndValues)
        map += item;
    return map;
}

// CBOR negative integer -2^64: major type 1 with the largest 64-bit argument.
const QByteArray MinusTwoToThe64 = "\x3b\xff\xff\xff\xff\xff\xff\xff\xff"_ba;

constexpr qint64 SomeTime = 1767225600000; // 2026-01-01T00:00:00Z

QList<ErrorCode> allErrorCodes()
{
    QList<ErrorCode> codes;
    for (int c = static_cast<int>(ErrorCode::Protocol);
         c <= static_cast<int>(ErrorCode::InvalidQuery); ++c)
        codes.append(static_cast<ErrorCode>(c));
    return codes;
}

QList<MessageType> allKnownTypes()
{
    QList<MessageType> types;
    for (int t = static_cast<int>(MessageType::Handshake); t <= static_cast<int>(MessageType::Pong);
         ++t)
        types.append(static_cast<MessageType>(t));
    return types;
}

// A well-formed map of \a type with its required fields: each rejectsMalformed row breaks one
// thing in one of these.
QCborMap validMap(const QString &type)
{
    QCborMap map {{u"type"_s, type}};
    if (type == u"handshake")
        map.insert(u"versions"_s, QCborArray {1});
    else if (type == u"hello")
        map.insert(u"nick"_s, u"ana"_s);
    else if (type == u"say")
        map.insert(u"text"_s, u"hi"_s);
    else if (type == u"handshake-ok")
        map = QCborMap {{u"type"_s, type},
                        {u"version"_s, 1},
                        {u"max-frame"_s, 65536},
                        {u"max-text"_s, 4000},
                        {u"heartbeat-ms"_s, 15000}};
    else if (type == u"chat")
        map = QCborMap {{u"type"_s, type},
                        {u"seq"_s, 1},
                        {u"from"_s, u"ana"_s},
                        {u"text"_s, u"oi"_s},
                        {u"time"_s, SomeTime}};
    else if (type == u"history")
        map.insert(u"messages"_s, QCborArray {validMap(u"chat"_s)});
    else if (type == u"users")
        map.insert(u"users"_s, QCborArray {u"ana"_s});
    else if (type == u"error")
        map = QCborMap {{u"type"_s, type}, {u"code"_s, u"flood"_s}, {u"text"_s, u"x"_s}};
    else if (type == u"welcome")
        map = QCborMap {{u"type"_s, type}, {u"nick"_s, u"ana"_s}, {u"users"_s, QCborArray {}}};
    else if (type == u"joined")
        map = QCborMap {{u"type"_s, type}, {u"nick"_s, u"ana"_s}, {u"time"_s, 1}};
    else if (type == u"ping")
        map.insert(u"id"_s, 1);
    return map;
}

const QStringList ValidMapTypes {u"handshake"_s, u"hello"_s, u"say"_s,    u"handshake-ok"_s,
                                 u"chat"_s,      u"users"_s, u"error"_s,  u"welcome"_s,
                                 u"joined"_s,    u"ping"_s,  u"history"_s};

struct RoundTripRow
{
    QByteArray name;
    Message message;
    QString wireType; //!< the "type" as docs/PROTOCOL.md spells it
};

QList<RoundTripRow> roundTripRows()
{
    QList<RoundTripRow> rows;
    constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();
    constexpr int IntMax = std::numeric_limits<int>::max();

    rows.append({"handshake"_ba, Message::handshake({1}), u"handshake"_s});
    rows.append(
        {"handshake, several versions"_ba, Message::handshake({1, 2, 7, IntMax}), u"handshake"_s});
    rows.append({"handshake, no versions"_ba, Message::handshake({}), u"handshake"_s});
    rows.append({"hello"_ba, Message::hello(u"ana"_s), u"hello"_s});
    rows.append({"hello, Unicode"_ba, Message::hello(u"João"_s), u"hello"_s});
    rows.append({"say"_ba, Message::say(u"olá, mundo 😀"_s), u"say"_s});
    rows.append({"say, action"_ba, Message::say(u"waves"_s, true), u"say"_s});
    rows.append({"say, newlines and NUL"_ba,
                 Message::say(QString(u"a\nb"_s + QChar(u'\0') + u"c"_s)), u"say"_s});
    rows.append({"say, long text"_ba, Message::say(QString(4000, u'ã')), u"say"_s});
    rows.append({"nick"_ba, Message::setNick(u"bia"_s), u"nick"_s});
    rows.append({"who"_ba, Message::who(), u"who"_s});
    rows.append({"quit"_ba, Message::quit(), u"quit"_s});
    rows.append({"quit, reason"_ba, Message::quit(u"bedtime"_s), u"quit"_s});
    rows.append({"handshake-ok"_ba, Message::handshakeOk(1, 65536, 4000, 15000, u"Tagarela 0.1"_s),
                 u"handshake-ok"_s});
    rows.append({"handshake-ok, no server name"_ba, Message::handshakeOk(1, 1, 0, 0, {}),
                 u"handshake-ok"_s});
    rows.append({"handshake-ok, largest ints"_ba,
                 Message::handshakeOk(IntMax, IntMax, IntMax, IntMax, u"x"_s), u"handshake-ok"_s});
    rows.append(
        {"welcome"_ba, Message::welcome(u"ana"_s, {u"ana"_s, u"bob"_s, u"João"_s}), u"welcome"_s});
    rows.append({"welcome, alone"_ba, Message::welcome(u"ana"_s, {}), u"welcome"_s});
    rows.append({"chat"_ba, Message::chat(u"ana"_s, u"oi"_s, false, SomeTime), u"chat"_s});
    rows.append(
        {"chat, action"_ba, Message::chat(u"ana"_s, u"waves"_s, true, SomeTime), u"chat"_s});
    rows.append({"chat, time 0"_ba, Message::chat(u"ana"_s, u"oi"_s, false, 0), u"chat"_s});
    rows.append(
        {"chat, largest time"_ba, Message::chat(u"ana"_s, u"oi"_s, false, Int64Max), u"chat"_s});
    rows.append({"joined"_ba, Message::joined(u"ana"_s, SomeTime), u"joined"_s});
    rows.append({"left"_ba, Message::left(u"ana"_s, {}, SomeTime), u"left"_s});
    rows.append({"left, reason"_ba, Message::left(u"ana"_s, u"timeout"_s, SomeTime), u"left"_s});
    rows.append({"renamed"_ba, Message::renamed(u"ana"_s, u"bia"_s, SomeTime), u"renamed"_s});
    rows.append(
        {"notice"_ba, Message::notice(u"server restarts at noon"_s, SomeTime), u"notice"_s});
    rows.append({"users"_ba, Message::userList({u"ana"_s, u"bob"_s}), u"users"_s});
    rows.append({"users, empty"_ba, Message::userList({}), u"users"_s});
    for (ErrorCode code : allErrorCodes()) {
        const QByteArray name = errorCodeName(code).toUtf8();
        rows.append(
            {"error "_ba + name, Message::error(code, u"something went wrong"_s), u"error"_s});
        rows.append({"bye "_ba + name, Message::bye(code, u"goodbye"_s), u"bye"_s});
    }
    rows.append({"error, suggestion"_ba,
                 Message::error(ErrorCode::NickTaken, u"taken"_s, u"ana2"_s), u"error"_s});
    rows.append({"ping"_ba, Message::ping(1), u"ping"_s});
    rows.append({"ping 0"_ba, Message::ping(0), u"ping"_s});
    rows.append({"ping, largest id"_ba, Message::ping(static_cast<quint64>(Int64Max)), u"ping"_s});
    rows.append({"pong"_ba, Message::pong(42), u"pong"_s});

    Message handshake = Message::handshake({1});
    handshake.password = u"sésamo abre-te"_s;
    rows.append({"handshake, password"_ba, handshake, u"handshake"_s});
    Message hello = Message::hello(u"ana"_s);
    hello.resume = u"0123456789abcdef"_s;
    hello.after = static_cast<quint64>(Int64Max);
    hello.limit = IntMax;
    rows.append({"hello, resume after limit"_ba, hello, u"hello"_s});
    rows.append({"say, client id"_ba, Message::say(u"oi"_s, true, u"4f1c-e2"_s), u"say"_s});
    rows.append({"fetch"_ba, Message::fetch(1, 0), u"fetch"_s});
    rows.append(
        {"fetch, limit"_ba, Message::fetch(static_cast<quint64>(Int64Max), 100), u"fetch"_s});
    Message ok = Message::handshakeOk(1, 65536, 4000, 15000, u"s"_s);
    ok.historyId = u"b0a7"_s;
    ok.rateMs = 200;
    ok.rateBurst = 20;
    rows.append({"handshake-ok, history and rate"_ba, ok, u"handshake-ok"_s});
    Message welcome = Message::welcome(u"ana"_s, {u"ana"_s});
    welcome.resume = u"token"_s;
    rows.append({"welcome, resume"_ba, welcome, u"welcome"_s});
    rows.append({"chat, seq and client id"_ba,
                 Message::chat(u"ana"_s, u"oi"_s, false, SomeTime, static_cast<quint64>(Int64Max),
                               u"id-1"_s),
                 u"chat"_s});
    rows.append({"notice, seq"_ba, Message::notice(u"hi"_s, SomeTime, 9), u"notice"_s});
    rows.append({"ack"_ba, Message::ack(u"id-1"_s, 77, SomeTime), u"ack"_s});
    rows.append({"history, empty"_ba, Message::history({}, 0, true, false), u"history"_s});
    rows.append({"history, page"_ba,
                 Message::history({Message::chat(u"ana"_s, u"a"_s, false, 1, 5, u"x"_s),
                                   Message::chat(u"bob"_s, u"b"_s, true, 2, 6),
                                   Message::notice(u"n"_s, 3, 7)},
                                  8, false, true),
                 u"history"_s});
    rows.append({"error, client id"_ba,
                 Message::error(ErrorCode::NotStored, u"disk full"_s, {}, u"id-1"_s), u"error"_s});
    Message privateSay = Message::say(u"psst"_s, false, u"id-2"_s);
    privateSay.to = u"bia"_s;
    rows.append({"say, to"_ba, privateSay, u"say"_s});
    Message privateChat = Message::chat(u"ana"_s, u"psst"_s, false, SomeTime, 3, u"id-2"_s);
    privateChat.to = u"bia"_s;
    rows.append({"chat, to"_ba, privateChat, u"chat"_s});
    rows.append({"search"_ba, Message::search(u"café au lait"_s, 0, 0), u"search"_s});
    rows.append({"search, before and limit"_ba,
                 Message::search(u"x"_s, static_cast<quint64>(Int64Max), IntMax), u"search"_s});
    Message hits = Message::history({privateChat}, 9, true, true);
    hits.query = u"psst"_s;
    rows.append({"history, search answer"_ba, hits, u"history"_s});
    Message featured = Message::handshakeOk(1, 65536, 4000, 15000, u"s"_s);
    featured.features = {u"private"_s, u"search"_s, u"future-thing"_s};
    rows.append({"handshake-ok, features"_ba, featured, u"handshake-ok"_s});
    return rows;
}

} // namespace

class TestMessageCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typeAndCodeNames();
    void roundTrip_data();
    void roundTrip();
    void roundTripCoversEveryType();
    void decodesHandBuiltWireFormat_data();
    void decodesHandBuiltWireFormat();
    void leavesOutDefaultOptionalFields();
    void ignoresUnknownFields();
    void unknownType();
    void unknownErrorCodeReadsAsProtocol();
    void validMapsAreValid();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void rejectsInvalidUtf8_data();
    void rejectsInvalidUtf8();
    void invalidUtf8KeepsClientId_data();
    void invalidUtf8KeepsClientId();
    void rejectsTruncated();
    void randomGarbage_data();
    void randomGarbage();
    void randomMutations_data();
    void randomMutations();
    void welcomeFromEncodedUsers_data();
    void welcomeFromEncodedUsers();
    void framesChatsAsEncodeThenFrame_data();
    void framesChatsAsEncodeThenFrame();
    void encodesAsQCborMapWould_data();
    void encodesAsQCborMapWould();
    void decodesAsQCborValueReads_data();
    void decodesAsQCborValueReads();
};

void TestMessageCodec::typeAndCodeNames()
{
    QSet<QString> typeNames;
    for (MessageType type : allKnownTypes()) {
        const QString name = messageTypeName(type);
        QVERIFY(!name.isEmpty());
        QCOMPARE(messageTypeFromName(name), type);
        typeNames.insert(name);
    }
    QCOMPARE(typeNames.size(), allKnownTypes().size());
    QCOMPARE(messageTypeFromName(u"no-such-type"_s), MessageType::Unknown);
    QCOMPARE(messageTypeFromName(u"Hello"_s), MessageType::Unknown); // names are case-sensitive

    QSet<QString> codeNames;
    for (ErrorCode code : allErrorCodes()) {
        const QString name = errorCodeName(code);
        QVERIFY(!name.isEmpty());
        QCOMPARE(errorCodeFromName(name), code);
        codeNames.insert(name);
    }
    QCOMPARE(codeNames.size(), allErrorCodes().size());
    QCOMPARE(errorCodeFromName(u"no-such-code"_s), ErrorCode::Protocol);
}

void TestMessageCodec::roundTrip_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<QString>("wireType");

    for (const RoundTripRow &row : roundTripRows())
        QTest::newRow(row.name.constData()) << row.message << row.wireType;
}

void TestMessageCodec::roundTrip()
{
    QFETCH(Message, message);
    QFETCH(QString, wireType);

    const QByteArray encoded = MessageCodec::encode(message);
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(encoded, &parseError);
    QCOMPARE(parseError.error, QCborError::NoError);
    QVERIFY(value.isMap());
    QCOMPARE(value.toMap().value("type"_L1).toString(), wireType);

    const DecodeResult result = MessageCodec::decode(encoded);
    QCOMPARE(result.error, ErrorCode::None);
    QVERIFY(result.ok());
    QVERIFY(result.detail.isEmpty());
    QCOMPARE(result.message, message);

    // Every type's frame, built in one buffer, is the framed payload.
    QCOMPARE(MessageCodec::encodeFrame(message).toHex(' '),
             FrameDecoder::encode(encoded).toHex(' '));
}

void TestMessageCodec::roundTripCoversEveryType()
{
    // A type added to MessageType without a roundTrip row fails here.
    QSet<int> covered;
    for (const RoundTripRow &row : roundTripRows())
        covered.insert(static_cast<int>(row.message.type));
    for (MessageType type : allKnownTypes())
        QVERIFY2(covered.contains(static_cast<int>(type)), qPrintable(messageTypeName(type)));
}

void TestMessageCodec::decodesHandBuiltWireFormat_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<Message>("expected");

    // Key names as docs/PROTOCOL.md spells them: a renamed key breaks other clients.
    QTest::newRow("handshake") << cbor(QCborMap {{u"type"_s, u"handshake"_s},
                                                 {u"versions"_s, QCborArray {1, 2}}})
                               << Message::handshake({1, 2});
    QTest::newRow("handshake-ok") << cbor(QCborMap {{u"type"_s, u"handshake-ok"_s},
                                                    {u"version"_s, 1},
                                                    {u"max-frame"_s, 65536},
                                                    {u"max-text"_s, 4000},
                                                    {u"heartbeat-ms"_s, 15000},
                                                    {u"server"_s, u"tagarela"_s}})
                                  << Message::handshakeOk(1, 65536, 4000, 15000, u"tagarela"_s);
    QTest::newRow("chat") << cbor(QCborMap {{u"type"_s, u"chat"_s},
                                            {u"seq"_s, 12},
                                            {u"from"_s, u"ana"_s},
                                            {u"text"_s, u"oi"_s},
                                            {u"action"_s, true},
                                            {u"time"_s, SomeTime},
                                            {u"client-id"_s, u"c1"_s}})
                          << Message::chat(u"ana"_s, u"oi"_s, true, SomeTime, 12, u"c1"_s);
    QTest::newRow("ack") << cbor(QCborMap {{u"type"_s, u"ack"_s},
                                           {u"client-id"_s, u"c1"_s},
                                           {u"seq"_s, 12},
                                           {u"time"_s, SomeTime}})
                         << Message::ack(u"c1"_s, 12, SomeTime);
    QTest::newRow("fetch") << cbor(QCborMap {
                                  {u"type"_s, u"fetch"_s}, {u"before"_s, 500}, {u"limit"_s, 50}})
                           << Message::fetch(500, 50);
    QTest::newRow("history") << cbor(QCborMap {{u"type"_s, u"history"_s},
                                               {u"messages"_s,
                                                QCborArray {QCborMap {{u"type"_s, u"chat"_s},
                                                                      {u"seq"_s, 3},
                                                                      {u"from"_s, u"ana"_s},
                                                                      {u"text"_s, u"oi"_s},
                                                                      {u"time"_s, 7}},
                                                            QCborMap {{u"type"_s, u"notice"_s},
                                                                      {u"seq"_s, 4},
                                                                      {u"text"_s, u"hi"_s},
                                                                      {u"time"_s, 8}}}},
                                               {u"before"_s, 10},
                                               {u"end"_s, true},
                                               {u"more"_s, true}})
                             << Message::history({Message::chat(u"ana"_s, u"oi"_s, false, 7, 3),
                                                  Message::notice(u"hi"_s, 8, 4)},
                                                 10, true, true);
    QTest::newRow("error") << cbor(QCborMap {{u"type"_s, u"error"_s},
                                             {u"code"_s, u"nick-taken"_s},
                                             {u"text"_s, u"taken"_s},
                                             {u"suggestion"_s, u"ana2"_s}})
                           << Message::error(ErrorCode::NickTaken, u"taken"_s, u"ana2"_s);
    QTest::newRow("left") << cbor(QCborMap {{u"type"_s, u"left"_s},
                                            {u"nick"_s, u"ana"_s},
                                            {u"reason"_s, u"bye"_s},
                                            {u"time"_s, 5}})
                          << Message::left(u"ana"_s, u"bye"_s, 5);
    QTest::newRow("welcome") << cbor(QCborMap {{u"type"_s, u"welcome"_s},
                                               {u"nick"_s, u"ana"_s},
                                               {u"users"_s, QCborArray {u"ana"_s, u"bob"_s}}})
                             << Message::welcome(u"ana"_s, {u"ana"_s, u"bob"_s});
    QTest::newRow("pong") << cbor(QCborMap {{u"type"_s, u"pong"_s}, {u"id"_s, 9}})
                          << Message::pong(9);

    // Valid CBOR that Qt would not write itself: indefinite lengths, wide integer heads.
    QTest::newRow("indefinite-length map")
        << "\xbf"_ba + rawText("type") + rawText("who") + "\xff"_ba << Message::who();
    QTest::newRow("indefinite-length text in chunks")
        << rawMap({rawText("type"), rawText("say"), rawText("text"),
                   "\x7f"_ba + rawText("ol") + rawText("á") + "\xff"_ba})
        << Message::say(u"olá"_s);
    QTest::newRow("indefinite-length array")
        << rawMap({rawText("type"), rawText("handshake"), rawText("versions"),
                   "\x9f\x01\x1a\x00\x00\x00\x02\xff"_ba})
        << Message::handshake({1, 2});
    QTest::newRow("id in a 64-bit head") << rawMap({rawText("type"), rawText("ping"), rawText("id"),
                                                    "\x1b\x00\x00\x00\x00\x00\x00\x00\x07"_ba})
                                         << Message::ping(7);
    // Unknown fields may hold anything well-formed: a tag, -2^63, -2^63 - 1.
    QTest::newRow("tags and large negative integers in unknown fields")
        << rawMap(
               {rawText("type"), rawText("who"), rawText("x"), "\xd9\x9c\x40\x01"_ba, rawText("y"),
                "\x82\x3b\x7f\xff\xff\xff\xff\xff\xff\xff\x3b\x80\x00\x00\x00\x00\x00\x00\x00"_ba})
        << Message::who();
    // docs/PROTOCOL.md 4.3: undefined is absent, and the first of duplicate keys counts.
    QTest::newRow("undefined optional field is absent")
        << rawMap({rawText("type"), rawText("say"), rawText("text"), rawText("hi"),
                   rawText("action"), "\xf7"_ba})
        << Message::say(u"hi"_s);
    QTest::newRow("duplicate key, first wins")
        << rawMap({rawText("type"), rawText("hello"), rawText("nick"), rawText("ana"),
                   rawText("nick"), rawText("bob")})
        << Message::hello(u"ana"_s);
}

void TestMessageCodec::decodesHandBuiltWireFormat()
{
    QFETCH(QByteArray, payload);
    QFETCH(Message, expected);

    const DecodeResult result = MessageCodec::decode(payload);
    QCOMPARE(result.error, ErrorCode::None);
    QCOMPARE(result.message, expected);
}

void TestMessageCodec::leavesOutDefaultOptionalFields()
{
    const auto keys = [](const Message &message) {
        QStringList names;
        const QCborMap map = QCborValue::fromCbor(MessageCodec::encode(message)).toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            names.append(it.key().toString());
        names.sort();
        return names;
    };
    QCOMPARE(keys(Message::say(u"hi"_s)), (QStringList {u"text"_s, u"type"_s}));
    QCOMPARE(keys(Message::say(u"hi"_s, true)), (QStringList {u"action"_s, u"text"_s, u"type"_s}));
    QCOMPARE(keys(Message::quit()), QStringList {u"type"_s});
    QCOMPARE(keys(Message::error(ErrorCode::Flood, u"slow down"_s)),
             (QStringList {u"code"_s, u"text"_s, u"type"_s}));
    // Required fields stay, even when empty.
    QCOMPARE(keys(Message::hello({})), (QStringList {u"nick"_s, u"type"_s}));
    QCOMPARE(keys(Message::userList({})), (QStringList {u"type"_s, u"users"_s}));
    // Fields of other types are never written.
    Message who = Message::who();
    who.nick = u"ana"_s;
    who.time = 5;
    QCOMPARE(keys(who), QStringList {u"type"_s});
}

void TestMessageCodec::ignoresUnknownFields()
{
    const QCborMap hello {
        {u"type"_s, u"hello"_s},  {u"nick"_s, u"ana"_s},
        {u"colour"_s, u"blue"_s}, {u"future"_s, QCborArray {1, u"x"_s, QCborMap {{1, 2}}}},
        {7, u"integer key"_s},    {u"time"_s, u"not even the right type"_s}};
    DecodeResult result = MessageCodec::decode(cbor(hello));
    QCOMPARE(result.error, ErrorCode::None);
    QCOMPARE(result.message, Message::hello(u"ana"_s));

    // Keys that belong to other types are ignored, not read.
    const QCborMap who {{u"type"_s, u"who"_s}, {u"nick"_s, u"ana"_s}, {u"id"_s, 3}};
    result = MessageCodec::decode(cbor(who));
    QCOMPARE(result.error, ErrorCode::None);
    QCOMPARE(result.message, Message::who());
}

void TestMessageCodec::unknownType()
{
    const QCborMap map {{u"type"_s, u"frobnicate"_s}, {u"x"_s, 1}};
    const DecodeResult result = MessageCodec::decode(cbor(map));
    QVERIFY(!result.ok());
    QCOMPARE(result.error, ErrorCode::UnknownType);
    QCOMPARE(result.message.type, MessageType::Unknown);
    QCOMPARE(result.message.typeName, u"frobnicate"_s);
    QVERIFY(!result.detail.isEmpty());

    // An Unknown message is sent with its own name, so it round-trips to the same error.
    Message future;
    future.typeName = u"x-future"_s;
    const DecodeResult again = MessageCodec::decode(MessageCodec::encode(future));
    QCOMPARE(again.error, ErrorCode::UnknownType);
    QCOMPARE(again.message, future);
}

void TestMessageCodec::unknownErrorCodeReadsAsProtocol()
{
    const QCborMap map {
        {u"type"_s, u"bye"_s}, {u"code"_s, u"solar-flare"_s}, {u"text"_s, u"sorry"_s}};
    const DecodeResult result = MessageCodec::decode(cbor(map));
    QCOMPARE(result.error, ErrorCode::None);
    QCOMPARE(result.message, Message::bye(ErrorCode::Protocol, u"sorry"_s));
}

void TestMessageCodec::validMapsAreValid()
{
    for (const QString &type : ValidMapTypes) {
        const DecodeResult result = MessageCodec::decode(cbor(validMap(type)));
        QVERIFY2(result.ok(), qPrintable(type + u": "_s + result.detail));
        QCOMPARE(messageTypeName(result.message.type), type);
    }
}

void TestMessageCodec::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("payload");

    const auto with = [](QCborMap map, const QString &key, const QCborValue &value) {
        map.insert(key, value);
        return cbor(map);
    };
    const auto without = [](QCborMap map, const QString &key) {
        map.remove(key);
        return cbor(map);
    };
    const QCborMap handshake = validMap(u"handshake"_s);
    const QCborMap hello = validMap(u"hello"_s);
    const QCborMap say = validMap(u"say"_s);
    const QCborMap handshakeOk = validMap(u"handshake-ok"_s);
    const QCborMap chat = validMap(u"chat"_s);
    const QCborMap users = validMap(u"users"_s);
    const QCborMap error = validMap(u"error"_s);
    const QCborMap welcome = validMap(u"welcome"_s);
    const QCborMap joined = validMap(u"joined"_s);
    const QCborMap ping = validMap(u"ping"_s);

    // Not one CBOR map with a text "type".
    QTest::newRow("empty payload") << QByteArray();
    QTest::newRow("array") << cbor(QCborValue(QCborArray {u"type"_s, u"hello"_s}));
    QTest::newRow("text") << cbor(QCborValue(u"hello"_s));
    QTest::newRow("integer") << cbor(QCborValue(1));
    QTest::newRow("null") << cbor(QCborValue(nullptr));
    QTest::newRow("tagged map") << cbor(QCborValue(QCborKnownTags::Signature, hello.toCborValue()));
    QTest::newRow("missing type") << without(hello, u"type"_s);
    QTest::newRow("type is an integer") << with(hello, u"type"_s, 3);
    QTest::newRow("type is a byte string") << with(hello, u"type"_s, QByteArray("hello"));
    QTest::newRow("type is null") << with(hello, u"type"_s, nullptr);

    // Fields of the wrong CBOR type.
    QTest::newRow("nick is an integer") << with(hello, u"nick"_s, 5);
    QTest::newRow("text is an integer") << with(say, u"text"_s, 42);
    QTest::newRow("text is a byte string") << with(say, u"text"_s, QByteArray("hi"));
    QTest::newRow("text is null") << with(say, u"text"_s, nullptr);
    QTest::newRow("text is an array") << with(say, u"text"_s, QCborArray {u"hi"_s});
    QTest::newRow("text is tagged") << with(say, u"text"_s, QCborValue(QCborTag(40000), u"hi"_s));
    QTest::newRow("action is an integer") << with(say, u"action"_s, 1);
    QTest::newRow("action is text") << with(say, u"action"_s, u"true"_s);
    QTest::newRow("versions hold a string")
        << with(handshake, u"versions"_s, QCborArray {1, u"2"_s});
    QTest::newRow("versions hold a double") << with(handshake, u"versions"_s, QCborArray {1.0});
    QTest::newRow("versions is an integer") << with(handshake, u"versions"_s, 1);
    QTest::newRow("versions is a map") << with(handshake, u"versions"_s, QCborMap {{1, 1}});
    QTest::newRow("users hold an integer") << with(users, u"users"_s, QCborArray {u"ana"_s, 3});
    QTest::newRow("users is text") << with(users, u"users"_s, u"ana"_s);
    QTest::newRow("code is an integer") << with(error, u"code"_s, 4);
    QTest::newRow("version is text") << with(handshakeOk, u"version"_s, u"1"_s);
    QTest::newRow("max-frame is a double") << with(handshakeOk, u"max-frame"_s, 65536.0);
    QTest::newRow("server is an integer") << with(handshakeOk, u"server"_s, 1);
    QTest::newRow("time is text") << with(joined, u"time"_s, u"now"_s);
    QTest::newRow("time is a double") << with(joined, u"time"_s, 1.5);
    QTest::newRow("time is a date-time")
        << with(joined, u"time"_s, QCborValue(QCborKnownTags::UnixTime_t, 1));
    QTest::newRow("id is a double") << with(ping, u"id"_s, 1.0);
    QTest::newRow("id is a boolean") << with(ping, u"id"_s, true);

    // Required fields missing.
    QTest::newRow("handshake without versions") << without(handshake, u"versions"_s);
    QTest::newRow("hello without nick") << without(hello, u"nick"_s);
    QTest::newRow("say without text") << without(say, u"text"_s);
    QTest::newRow("handshake-ok without heartbeat-ms") << without(handshakeOk, u"heartbeat-ms"_s);
    QTest::newRow("handshake-ok without version") << without(handshakeOk, u"version"_s);
    QTest::newRow("chat without time") << without(chat, u"time"_s);
    QTest::newRow("chat without from") << without(chat, u"from"_s);
    QTest::newRow("welcome without users") << without(welcome, u"users"_s);
    QTest::newRow("error without code") << without(error, u"code"_s);
    QTest::newRow("ping without id") << without(ping, u"id"_s);
    QTest::newRow("joined without nick") << without(joined, u"nick"_s);
    QTest::newRow("chat without seq") << without(chat, u"seq"_s);

    // History entries: only complete chats and notices, never nested.
    const QCborMap history = validMap(u"history"_s);
    QTest::newRow("history without messages") << without(history, u"messages"_s);
    QTest::newRow("history messages is a map") << with(history, u"messages"_s, chat);
    QTest::newRow("history entry is text") << with(history, u"messages"_s, QCborArray {u"x"_s});
    QTest::newRow("history entry is a say") << with(history, u"messages"_s, QCborArray {say});
    QTest::newRow("history entry is a history")
        << with(history, u"messages"_s, QCborArray {history});
    QTest::newRow("history entry of an unknown type")
        << with(history, u"messages"_s, QCborArray {QCborMap {{u"type"_s, u"future"_s}}});
    QTest::newRow("history entry without seq")
        << with(history, u"messages"_s, QCborArray {QCborValue::fromCbor(without(chat, u"seq"_s))});
    QTest::newRow("history entry with a negative seq") << with(
        history, u"messages"_s, QCborArray {QCborValue::fromCbor(with(chat, u"seq"_s, -1))});
    QTest::newRow("history end is an integer") << with(history, u"end"_s, 1);
    QTest::newRow("seq is text") << with(chat, u"seq"_s, u"1"_s);
    QTest::newRow("client-id is an integer") << with(say, u"client-id"_s, 7);
    QTest::newRow("password is bytes") << with(handshake, u"password"_s, QByteArray("pw"));
    QTest::newRow("after is negative") << with(hello, u"after"_s, -1);
    QTest::newRow("limit over INT_MAX")
        << with(hello, u"limit"_s, static_cast<qint64>(std::numeric_limits<int>::max()) + 1);

    // Integers out of range.
    QTest::newRow("negative version") << with(handshakeOk, u"version"_s, -1);
    QTest::newRow("negative max-text") << with(handshakeOk, u"max-text"_s, -4000);
    QTest::newRow("version over INT_MAX") << with(
        handshakeOk, u"version"_s, static_cast<qint64>(std::numeric_limits<int>::max()) + 1);
    QTest::newRow("negative in versions") << with(handshake, u"versions"_s, QCborArray {1, -1});
    QTest::newRow("versions item over INT_MAX")
        << with(handshake, u"versions"_s, QCborArray {static_cast<qint64>(1) << 31});
    QTest::newRow("negative time") << with(joined, u"time"_s, -1);
    QTest::newRow("lowest time") << with(joined, u"time"_s, std::numeric_limits<qint64>::min());
    QTest::newRow("negative id") << with(ping, u"id"_s, -5);
    QTest::newRow("id over INT64_MAX") << rawMap({rawText("type"), rawText("ping"), rawText("id"),
                                                  "\x1b\x80\x00\x00\x00\x00\x00\x00\x00"_ba});
    QTest::newRow("id 2^64 - 1") << rawMap({rawText("type"), rawText("ping"), rawText("id"),
                                            "\x1b\xff\xff\xff\xff\xff\xff\xff\xff"_ba});
    // Qt 6.4 reads -2^64 as the integer 0: it must not pass as a valid id, time or version.
    QTest::newRow("id -2^64") << rawMap(
        {rawText("type"), rawText("ping"), rawText("id"), MinusTwoToThe64});
    QTest::newRow("time -2^64") << rawMap({rawText("type"), rawText("joined"), rawText("nick"),
                                           rawText("ana"), rawText("time"), MinusTwoToThe64});
    QTest::newRow("versions holding -2^64") << rawMap(
        {rawText("type"), rawText("handshake"), rawText("versions"), "\x81"_ba + MinusTwoToThe64});
    QTest::newRow("tagged -2^64 in an unknown field") << rawMap(
        {rawText("type"), rawText("who"), rawText("x"), "\xd9\x9c\x40"_ba + MinusTwoToThe64});

    // Not a single well-formed item.
    const QByteArray helloBytes = cbor(hello);
    QTest::newRow("trailing zero byte") << QByteArray(helloBytes + '\0');
    QTest::newRow("two maps") << QByteArray(helloBytes + helloBytes);
    QTest::newRow("trailing break byte") << QByteArray(helloBytes + '\xff');
    QTest::newRow("stray break") << "\xff"_ba;
    QTest::newRow("reserved additional info") << rawMap({rawText("type"), "\x7c"_ba});
    QTest::newRow("huge declared text length")
        << rawMap({rawText("type"), "\x7b\x7f\xff\xff\xff\xff\xff\xff\xff"_ba});
    QTest::newRow("huge declared map size") << "\xbb\x7f\xff\xff\xff\xff\xff\xff\xff"_ba;
    QTest::newRow("nesting far too deep") << rawMap(
        {rawText("type"), rawText("who"), rawText("x"), QByteArray(20000, '\x81') + '\0'});
    // docs/PROTOCOL.md 4.3: undefined is absent, so a required field that is undefined is missing.
    QTest::newRow("required field undefined")
        << rawMap({rawText("type"), rawText("hello"), rawText("nick"), "\xf7"_ba});
}

void TestMessageCodec::rejectsMalformed()
{
    QFETCH(QByteArray, payload);

    const DecodeResult result = MessageCodec::decode(payload);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, ErrorCode::Protocol);
    QVERIFY(!result.detail.isEmpty());
}

void TestMessageCodec::rejectsInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("payload");

    const QByteArray bad = "\x62\xc3\x28"_ba; // a text string of two bytes: 0xC3 0x28
    QTest::newRow("text value") << rawMap({rawText("type"), rawText("say"), rawText("text"), bad});
    QTest::newRow("type value") << rawMap({rawText("type"), bad});
    QTest::newRow("map key") << rawMap({bad, rawText("x"), rawText("type"), rawText("who")});
    QTest::newRow("value of an unknown field")
        << rawMap({rawText("type"), rawText("who"), rawText("extra"), bad});
    QTest::newRow("item of users") << rawMap(
        {rawText("type"), rawText("users"), rawText("users"), "\x82"_ba + rawText("ana") + bad});
    QTest::newRow("overlong '/'") << rawMap(
        {rawText("type"), rawText("hello"), rawText("nick"), "\x62\xc0\xaf"_ba});
    QTest::newRow("surrogate U+D800")
        << rawMap({rawText("type"), rawText("hello"), rawText("nick"), "\x63\xed\xa0\x80"_ba});
    QTest::newRow("above U+10FFFF")
        << rawMap({rawText("type"), rawText("hello"), rawText("nick"), "\x64\xf4\x90\x80\x80"_ba});
    QTest::newRow("Latin-1") << rawMap(
        {rawText("type"), rawText("say"), rawText("text"), "\x63ol\xe1"_ba});
    // RFC 8949: each chunk of an indefinite-length text string is valid UTF-8 on its own.
    QTest::newRow("character split across chunks") << rawMap(
        {rawText("type"), rawText("say"), rawText("text"), "\x7f\x61\xc3\x61\xa1\xff"_ba});
}

void TestMessageCodec::rejectsInvalidUtf8()
{
    QFETCH(QByteArray, payload);

    const DecodeResult result = MessageCodec::decode(payload);
    QCOMPARE(result.error, ErrorCode::InvalidUtf8);
    QVERIFY(!result.detail.isEmpty());
}

void TestMessageCodec::invalidUtf8KeepsClientId_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("clientId");

    const QByteArray bad = "\x62\xc3\x28"_ba;
    const QByteArray id = rawText("client-id");
    QTest::newRow("after the text")
        << rawMap({rawText("type"), rawText("say"), rawText("text"), bad, id, rawText("m-1")})
        << u"m-1"_s;
    QTest::newRow("before the text")
        << rawMap({rawText("type"), rawText("say"), id, rawText("m_2"), rawText("text"), bad})
        << u"m_2"_s;
    QTest::newRow("chunked") << rawMap({rawText("type"), rawText("say"), rawText("text"), bad, id,
                                        "\x7f\x61m\x61\x33\xff"_ba})
                             << u"m3"_s;
    QTest::newRow("indefinite map") << "\xbf"_ba + rawText("type") + rawText("say") +
            rawText("text") + bad + id + rawText("m4") +
            "\xff"_ba << u"m4"_s;
    QTest::newRow("after a bad key")
        << rawMap({rawText("type"), rawText("say"), bad, rawText("x"), id, rawText("m5")})
        << u"m5"_s;
    QTest::newRow("after nested values")
        << rawMap({rawText("type"), rawText("say"), rawText("x"), "\x82\x01\xa1\x61\x61\x02"_ba,
                   rawText("text"), bad, id, rawText("m6")})
        << u"m6"_s;
    QTest::newRow("none") << rawMap({rawText("type"), rawText("say"), rawText("text"), bad})
                          << QString();
    QTest::newRow("client-id not UTF-8")
        << rawMap({rawText("type"), rawText("say"), rawText("text"), rawText("hi"), id, bad})
        << QString();
    QTest::newRow("client-id not text")
        << rawMap({rawText("type"), rawText("say"), rawText("text"), bad, id, "\x05"_ba})
        << QString();
    QTest::newRow("only in a nested map")
        << rawMap({rawText("type"), rawText("say"), rawText("text"), bad, rawText("extra"),
                   "\xa1"_ba + id + rawText("m7")})
        << QString();
    QTest::newRow("truncated") << rawMap({rawText("type"), rawText("say"), rawText("text"), bad, id,
                                          rawText("m8")})
                                      .chopped(3)
                               << QString();
}

void TestMessageCodec::invalidUtf8KeepsClientId()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, clientId);

    const DecodeResult result = MessageCodec::decode(payload);
    QCOMPARE(result.error, ErrorCode::InvalidUtf8);
    QCOMPARE(result.clientId, clientId);
}

void TestMessageCodec::rejectsTruncated()
{
    const QByteArray whole =
        MessageCodec::encode(Message::chat(u"João"_s, u"olá, mundo 😀"_s, true, SomeTime));
    QVERIFY(MessageCodec::decode(whole).ok());
    for (qsizetype size = 0; size < whole.size(); ++size) {
        const DecodeResult result = MessageCodec::decode(whole.left(size));
        if (result.error != ErrorCode::Protocol)
            QFAIL(qPrintable(u"truncated to %1 bytes: error \"%2\""_s.arg(size).arg(
                errorCodeName(result.error))));
    }
}

void TestMessageCodec::randomGarbage_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 4242u, 0xfeedfaceu})
        QTest::addRow("seed %u", seed) << seed;
}

void TestMessageCodec::randomGarbage()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);

    for (int iteration = 0; iteration < 1000; ++iteration) {
        // A map head first half the time, so that decoding gets past the first byte.
        QByteArray payload(random.bounded(0, 64), Qt::Uninitialized);
        for (char &byte : payload)
            byte = static_cast<char>(random.bounded(256));
        if (!payload.isEmpty() && random.bounded(2))
            payload[0] = static_cast<char>(0xa0 + random.bounded(4));

        const DecodeResult result = MessageCodec::decode(payload);
        if (result.ok()) {
            QVERIFY(result.message.type != MessageType::Unknown);
            continue;
        }
        QVERIFY2(result.error == ErrorCode::Protocol || result.error == ErrorCode::InvalidUtf8 ||
                     result.error == ErrorCode::UnknownType,
                 payload.toHex().constData());
        QVERIFY(!result.detail.isEmpty());
    }
}

void TestMessageCodec::randomMutations_data()
{
    randomGarbage_data();
}

void TestMessageCodec::randomMutations()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);

    const QList<QByteArray> valid {
        MessageCodec::encode(Message::handshakeOk(1, 65536, 4000, 15000, u"Tagarela"_s)),
        MessageCodec::encode(Message::chat(u"ana"_s, u"olá 😀"_s, true, SomeTime)),
        MessageCodec::encode(Message::welcome(u"ana"_s, {u"ana"_s, u"bob"_s})),
        MessageCodec::encode(Message::error(ErrorCode::NickTaken, u"taken"_s, u"ana2"_s)),
        MessageCodec::encode(Message::ping(123456789)),
    };
    int decodedOk = 0;
    for (int iteration = 0; iteration < 1000; ++iteration) {
        QByteArray payload = valid.at(random.bounded(static_cast<int>(valid.size())));
        const int edits = random.bounded(1, 4);
        for (int e = 0; e < edits && !payload.isEmpty(); ++e) {
            const int at = random.bounded(static_cast<int>(payload.size()));
            switch (random.bounded(3)) {
            case 0:
                payload[at] = static_cast<char>(random.bounded(256));
                break;
            case 1:
                payload.remove(at, 1);
                break;
            default:
                payload.insert(at, static_cast<char>(random.bounded(256)));
                break;
            }
        }

        const DecodeResult result = MessageCodec::decode(payload);
        if (!result.ok()) {
            QVERIFY(result.error == ErrorCode::Protocol || result.error == ErrorCode::InvalidUtf8 ||
                    result.error == ErrorCode::UnknownType);
            QVERIFY(!result.detail.isEmpty());
            continue;
        }
        // Whatever was accepted is a message the codec can write and read back unchanged.
        ++decodedOk;
        const DecodeResult again = MessageCodec::decode(MessageCodec::encode(result.message));
        QCOMPARE(again.error, ErrorCode::None);
        QCOMPARE(again.message, result.message);
    }
    QVERIFY(decodedOk > 0);
}

void TestMessageCodec::welcomeFromEncodedUsers_data()
{
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QStringList>("users");
    QTest::addColumn<QString>("resume");

    QTest::newRow("alone") << u"ana"_s << QStringList {} << QString();
    QTest::newRow("resume") << u"ana"_s << QStringList {u"ana"_s} << u"00ff"_s.repeated(8);
    QTest::newRow("non-ASCII") << u"João"_s << QStringList {u"João"_s, u"Zoë"_s} << QString();
    // Item heads of one, two and three bytes (text of 23, 24 and 256 bytes) and array heads
    // of one, two and three bytes (23, 24 and 256 users).
    QTest::newRow("long nicks") << u"x"_s.repeated(24)
                                << QStringList {u"a"_s.repeated(23), u"b"_s.repeated(24),
                                                u"c"_s.repeated(256)}
                                << u"t"_s.repeated(300);
    for (const int count : {23, 24, 255, 256, 70'000}) {
        QStringList users;
        for (int i = 0; i < count; ++i)
            users.append(u"user%1"_s.arg(i));
        QTest::addRow("%d users", count) << u"user0"_s << users << u"token"_s;
    }
}

void TestMessageCodec::welcomeFromEncodedUsers()
{
    QFETCH(QString, nick);
    QFETCH(QStringList, users);
    QFETCH(QString, resume);

    QByteArray items;
    for (const QString &user : std::as_const(users))
        MessageCodec::appendUser(&items, user);
    Message welcome = Message::welcome(nick, users);
    welcome.resume = resume;
    QCOMPARE(MessageCodec::encodeWelcome(nick, items, users.size(), resume),
             MessageCodec::encode(welcome));
    QCOMPARE(MessageCodec::encodeWelcomeFrame(nick, items, users.size(), resume),
             FrameDecoder::encode(MessageCodec::encode(welcome)));
}

// encodeFrame() writes chats and notices, what a room sends most, from their fields: the
// bytes must be exactly FrameDecoder::encode(encode()), for every head size of every number
// and text, every optional field present or not, and the frame must read back.
void TestMessageCodec::framesChatsAsEncodeThenFrame_data()
{
    QTest::addColumn<Message>("message");

    constexpr quint64 Int64Max = quint64(std::numeric_limits<qint64>::max());
    // Around each head size's bounds (1, 2, 3, 5 and 9 bytes), and past qint64 for seq.
    const QList<quint64> numbers = {0,
                                    1,
                                    23,
                                    24,
                                    255,
                                    256,
                                    65535,
                                    65536,
                                    0xffffffffULL,
                                    0x100000000ULL,
                                    quint64(SomeTime),
                                    Int64Max,
                                    Int64Max + 1,
                                    std::numeric_limits<quint64>::max()};
    const QList<qint64> negativeTimes = {
        -1, -24, -25, -256, -257, -65537, std::numeric_limits<qint64>::min()};
    const QStringList texts = {QString(),
                               u"hi"_s,
                               u"x"_s.repeated(23),
                               u"x"_s.repeated(24),
                               u"y"_s.repeated(255),
                               u"y"_s.repeated(256),
                               u"z"_s.repeated(65536),
                               u"olá, mundo"_s,
                               u"😀"_s,
                               u"a😀b\u00e9\u4e2d"_s,
                               u"é"_s.repeated(12), // 24 bytes of UTF-8 from 12 units
                               u"line one\nline two"_s,
                               QString(QChar(0xd800)) + u"lone surrogate"_s,
                               QString(QChar(0x7f)) + QChar(0x80) + QChar(0x7ff) + QChar(0x800)};
    const QStringList nicks = {u"ana"_s, u"João"_s, u"n"_s.repeated(24)};

    int row = 0;
    for (const QString &text : texts) {
        for (const QString &from : nicks) {
            for (const bool action : {false, true}) {
                for (const QString &clientId : {QString(), u"c-1"_s, u"ü"_s.repeated(30)}) {
                    for (const QString &to : {QString(), u"bia"_s, u"Zoë"_s}) {
                        Message chat = Message::chat(from, text, action, SomeTime, 42, clientId);
                        chat.to = to;
                        QTest::addRow("chat %d", row++) << chat;
                    }
                }
            }
        }
        QTest::addRow("notice %d", row++) << Message::notice(text, SomeTime, 7);
    }
    for (const quint64 seq : numbers) {
        for (const quint64 time : numbers) {
            const qint64 signedTime = qint64(time);
            QTest::addRow("chat seq %llu time %lld", seq, signedTime)
                << Message::chat(u"ana"_s, u"hi"_s, seq % 2 == 0, signedTime, seq, u"id"_s);
            QTest::addRow("notice seq %llu time %lld", seq, signedTime)
                << Message::notice(u"hi"_s, signedTime, seq);
        }
    }
    for (const qint64 time : negativeTimes) {
        QTest::addRow("chat time %lld", time) << Message::chat(u"ana"_s, u"hi"_s, false, time, 1);
        QTest::addRow("notice time %lld", time) << Message::notice(u"hi"_s, time, 1);
    }
}

void TestMessageCodec::framesChatsAsEncodeThenFrame()
{
    QFETCH(Message, message);

    const QByteArray general = FrameDecoder::encode(MessageCodec::encode(message));
    const QByteArray frame = MessageCodec::encodeFrame(message);
    QCOMPARE(frame.toHex(' '), general.toHex(' '));

    FrameDecoder decoder(std::numeric_limits<int>::max());
    QVERIFY(decoder.feed(frame));
    QVERIFY(decoder.hasFrame());
    const QByteArray payload = decoder.next();
    QVERIFY(!decoder.hasFrame());
    QCOMPARE(decoder.bufferedBytes(), 0);
    const DecodeResult result = MessageCodec::decode(payload);
    // What decode() accepts: seq and time from 0 to 2^63-1, and text that is valid UTF-16
    // (toUtf8() writes a lone surrogate as something else).
    const auto survivesUtf8 = [](const QString &text) {
        return QString::fromUtf8(text.toUtf8()) == text;
    };
    const bool readable = message.seq <= quint64(std::numeric_limits<qint64>::max()) &&
        message.time >= 0 && survivesUtf8(message.text) && survivesUtf8(message.from);
    if (readable) {
        QVERIFY2(result.ok(), qPrintable(result.detail));
        QCOMPARE(result.message, message);
    } else {
        QVERIFY(!result.ok() || result.message != message);
    }
}

// encode() writes most messages without QCborMap (a room encodes every event it sends): the
// bytes must be exactly those of the map Qt would write, keys in the same order, every number in
// its shortest form, every text as Qt turns it into UTF-8.
void TestMessageCodec::encodesAsQCborMapWould_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<QCborMap>("map");

    const QString emoji = u"olá, ✓ 🎉\nline two"_s;
    QTest::newRow("chat") << Message::chat(u"ana"_s, emoji, false, SomeTime, 7)
                          << QCborMap {{u"type"_s, u"chat"_s},
                                       {u"seq"_s, 7},
                                       {u"from"_s, u"ana"_s},
                                       {u"text"_s, emoji},
                                       {u"time"_s, SomeTime}};
    Message full = Message::chat(u"bia"_s, QString(300, u'x'), true, -5, 1ULL << 40, u"c-1"_s);
    full.to = u"caio"_s;
    QTest::newRow("chat, every field")
        << full << QCborMap {{u"type"_s, u"chat"_s},     {u"seq"_s, qint64(1) << 40},
                             {u"from"_s, u"bia"_s},      {u"text"_s, QString(300, u'x')},
                             {u"action"_s, true},        {u"time"_s, -5},
                             {u"client-id"_s, u"c-1"_s}, {u"to"_s, u"caio"_s}};
    const QString longText(70'000, u'é');
    QTest::newRow("chat, 140,000 bytes of text")
        << Message::chat(u"ana"_s, longText, false, 0, 70'000)
        << QCborMap {{u"type"_s, u"chat"_s},
                     {u"seq"_s, 70'000},
                     {u"from"_s, u"ana"_s},
                     {u"text"_s, longText},
                     {u"time"_s, 0}};
    QTest::newRow("joined") << Message::joined(u"dani"_s, 23)
                            << QCborMap {{u"type"_s, u"joined"_s},
                                         {u"nick"_s, u"dani"_s},
                                         {u"time"_s, 23}};
    QTest::newRow("left") << Message::left(u"dani"_s, u"quit"_s, 24)
                          << QCborMap {{u"type"_s, u"left"_s},
                                       {u"nick"_s, u"dani"_s},
                                       {u"reason"_s, u"quit"_s},
                                       {u"time"_s, 24}};
    QTest::newRow("left, no reason")
        << Message::left(u"dani"_s, {}, 255)
        << QCborMap {{u"type"_s, u"left"_s}, {u"nick"_s, u"dani"_s}, {u"time"_s, 255}};
    QTest::newRow("renamed") << Message::renamed(u"dani"_s, u"dan"_s, 256)
                             << QCborMap {{u"type"_s, u"renamed"_s},
                                          {u"from"_s, u"dani"_s},
                                          {u"nick"_s, u"dan"_s},
                                          {u"time"_s, 256}};
    QTest::newRow("notice") << Message::notice(u"hi all"_s, 65'536, 4'294'967'296ULL)
                            << QCborMap {{u"type"_s, u"notice"_s},
                                         {u"seq"_s, 4'294'967'296LL},
                                         {u"text"_s, u"hi all"_s},
                                         {u"time"_s, 65'536}};
    QTest::newRow("ack") << Message::ack(u"c-9"_s, 24, SomeTime)
                         << QCborMap {{u"type"_s, u"ack"_s},
                                      {u"client-id"_s, u"c-9"_s},
                                      {u"seq"_s, 24},
                                      {u"time"_s, SomeTime}};
    QTest::newRow("error") << Message::error(ErrorCode::NickTaken, u"taken"_s, u"ana_"_s, u"c"_s)
                           << QCborMap {{u"type"_s, u"error"_s},
                                        {u"code"_s, errorCodeName(ErrorCode::NickTaken)},
                                        {u"text"_s, u"taken"_s},
                                        {u"suggestion"_s, u"ana_"_s},
                                        {u"client-id"_s, u"c"_s}};
    QTest::newRow("ping, largest id")
        << Message::ping(~0ULL) << QCborMap {{u"type"_s, u"ping"_s}, {u"id"_s, qint64(-1)}};
    QTest::newRow("hello, empty nick")
        << Message::hello({}) << QCborMap {{u"type"_s, u"hello"_s}, {u"nick"_s, QString()}};
    // A lone surrogate: not valid text, but both ways must turn it into the same bytes.
    const QString surrogate = QString(QChar(0xd800)) + u"x"_s;
    QTest::newRow("say, lone surrogate")
        << Message::say(surrogate) << QCborMap {{u"type"_s, u"say"_s}, {u"text"_s, surrogate}};
    Message ok = Message::handshakeOk(1, 65'536, 4000, 30'000, u"tagarela"_s);
    ok.features = QStringList {u"search"_s};
    QTest::newRow("handshake-ok, with an array")
        << ok
        << QCborMap {{u"type"_s, u"handshake-ok"_s},
                     {u"version"_s, 1},
                     {u"max-frame"_s, 65'536},
                     {u"max-text"_s, 4000},
                     {u"heartbeat-ms"_s, 30'000},
                     {u"server"_s, u"tagarela"_s},
                     {u"features"_s, QCborArray {u"search"_s}}};
    // Every framed join: the arrays are written without QCborMap too.
    ok.features = QStringList {u"private"_s, u"search"_s};
    ok.historyId = u"h-1"_s;
    ok.rateMs = 250;
    ok.rateBurst = 20;
    QTest::newRow("handshake-ok, every field")
        << ok << QCborMap {{u"type"_s, u"handshake-ok"_s},
                           {u"version"_s, 1},
                           {u"max-frame"_s, 65'536},
                           {u"max-text"_s, 4000},
                           {u"heartbeat-ms"_s, 30'000},
                           {u"server"_s, u"tagarela"_s},
                           {u"history-id"_s, u"h-1"_s},
                           {u"rate-ms"_s, 250},
                           {u"rate-burst"_s, 20},
                           {u"features"_s, QCborArray {u"private"_s, u"search"_s}}};
    QTest::newRow("handshake-ok, no features") << Message::handshakeOk(1, 65'536, 4000, 0, {})
                                               << QCborMap {{u"type"_s, u"handshake-ok"_s},
                                                            {u"version"_s, 1},
                                                            {u"max-frame"_s, 65'536},
                                                            {u"max-text"_s, 4000},
                                                            {u"heartbeat-ms"_s, 0}};
    QTest::newRow("handshake") << Message::handshake({1, 24, 70'000})
                               << QCborMap {{u"type"_s, u"handshake"_s},
                                            {u"versions"_s, QCborArray {1, 24, 70'000}}};
    QTest::newRow("handshake, no versions")
        << Message::handshake({})
        << QCborMap {{u"type"_s, u"handshake"_s}, {u"versions"_s, QCborArray {}}};
    QStringList many;
    QCborArray manyArray;
    for (int i = 0; i < 300; ++i) {
        many.append(u"nick%1"_s.arg(i));
        manyArray.append(many.constLast());
    }
    QTest::newRow("welcome, 300 users")
        << Message::welcome(u"nick7"_s, many)
        << QCborMap {{u"type"_s, u"welcome"_s}, {u"nick"_s, u"nick7"_s}, {u"users"_s, manyArray}};
    Message welcome = Message::welcome(u"joão"_s, {u"ana"_s, u"joão"_s, emoji});
    welcome.resume = u"r-1"_s;
    QTest::newRow("welcome, non-ASCII, resume")
        << welcome
        << QCborMap {{u"type"_s, u"welcome"_s},
                     {u"nick"_s, u"joão"_s},
                     {u"users"_s, QCborArray {u"ana"_s, u"joão"_s, emoji}},
                     {u"resume"_s, u"r-1"_s}};
    QTest::newRow("users, empty") << Message::userList({})
                                  << QCborMap {{u"type"_s, u"users"_s},
                                               {u"users"_s, QCborArray {}}};
    QTest::newRow("history, empty")
        << Message::history({}, 0, true, false)
        << QCborMap {{u"type"_s, u"history"_s}, {u"messages"_s, QCborArray {}}, {u"end"_s, true}};
    Message history =
        Message::history({full, Message::notice(u"hi all"_s, 65'536, 9)}, 300, false, true);
    history.query = u"olá"_s;
    QTest::newRow("history, chat and notice")
        << history
        << QCborMap {{u"type"_s, u"history"_s},
                     {u"messages"_s,
                      QCborArray {QCborMap {{u"type"_s, u"chat"_s},
                                            {u"seq"_s, qint64(1) << 40},
                                            {u"from"_s, u"bia"_s},
                                            {u"text"_s, QString(300, u'x')},
                                            {u"action"_s, true},
                                            {u"time"_s, -5},
                                            {u"client-id"_s, u"c-1"_s},
                                            {u"to"_s, u"caio"_s}},
                                  QCborMap {{u"type"_s, u"notice"_s},
                                            {u"seq"_s, 9},
                                            {u"text"_s, u"hi all"_s},
                                            {u"time"_s, 65'536}}}},
                     {u"before"_s, 300},
                     {u"more"_s, true},
                     {u"query"_s, u"olá"_s}};
}

void TestMessageCodec::encodesAsQCborMapWould()
{
    QFETCH(Message, message);
    QFETCH(QCborMap, map);
    QCOMPARE(MessageCodec::encode(message).toHex(' '), cbor(map).toHex(' '));
}

// decode() reads most payloads without QCborValue: what it reads must be what QCborValue reads,
// text, numbers written longer than needed, and unknown fields included.
void TestMessageCodec::decodesAsQCborValueReads_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<Message>("expected");

    QTest::newRow("say") << cbor(QCborMap {{u"type"_s, u"say"_s}, {u"text"_s, u"hi"_s}})
                         << Message::say(u"hi"_s);
    const QString accented = u"olá, ✓ 🎉"_s;
    Message full = Message::say(accented, true, u"c-1"_s);
    full.to = u"bia"_s;
    QTest::newRow("say, every field") << cbor(QCborMap {{u"to"_s, u"bia"_s},
                                                        {u"client-id"_s, u"c-1"_s},
                                                        {u"action"_s, true},
                                                        {u"text"_s, accented},
                                                        {u"type"_s, u"say"_s}})
                                      << full;
    // A byte order mark is text like any other: kept.
    const QByteArray bom =
        rawMap({rawText("type"), rawText("say"), rawText("text"), rawText("\xef\xbb\xbfhi")});
    QTest::newRow("say, leading BOM")
        << bom << Message::say(QCborValue::fromCbor(bom).toMap().value(u"text"_s).toString());
    Message hello = Message::hello(u"ana"_s);
    hello.after = 1ULL << 62;
    hello.limit = 5;
    // limit written in two bytes (0x18 0x05) instead of one, and an unknown field.
    QTest::newRow("hello, long integer")
        << rawMap({rawText("type"), rawText("hello"), rawText("nick"), rawText("ana"),
                   rawText("after"), "\x1b\x40\x00\x00\x00\x00\x00\x00\x00"_ba, rawText("limit"),
                   "\x18\x05"_ba, rawText("x"), "\x01"_ba})
        << hello;
    QTest::newRow("ack") << cbor(QCborMap {{u"type"_s, u"ack"_s},
                                           {u"client-id"_s, u"c"_s},
                                           {u"seq"_s, 9},
                                           {u"time"_s, SomeTime}})
                         << Message::ack(u"c"_s, 9, SomeTime);
    QTest::newRow("error") << cbor(QCborMap {{u"type"_s, u"error"_s},
                                             {u"code"_s, u"flood"_s},
                                             {u"text"_s, u"slow"_s}})
                           << Message::error(ErrorCode::Flood, u"slow"_s);
}

void TestMessageCodec::decodesAsQCborValueReads()
{
    QFETCH(QByteArray, payload);
    QFETCH(Message, expected);
    const DecodeResult result = MessageCodec::decode(payload);
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(result.message, expected);
}

QTEST_GUILESS_MAIN(TestMessageCodec)
#include "tst_messagecodec.moc"
