// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagecodec.h"

#include <cstring>
#include <limits>
#include <optional>

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>
#include <QStringDecoder>
#include <QtEndian>

#include "protocol.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

enum class Field {
    Versions,
    Version,
    MaxFrame,
    MaxText,
    HeartbeatMs,
    Server,
    Nick,
    From,
    Text,
    Reason,
    Suggestion,
    Users,
    Code,
    Action,
    Time,
    Id,
    Seq,
    After,
    Before,
    Limit,
    ClientId,
    Password,
    Resume,
    HistoryId,
    RateMs,
    RateBurst,
    End,
    More,
    Messages,
    To,
    Query,
    Features,
};

QLatin1StringView fieldKey(Field field)
{
    switch (field) {
    case Field::Versions:
        return "versions"_L1;
    case Field::Version:
        return "version"_L1;
    case Field::MaxFrame:
        return "max-frame"_L1;
    case Field::MaxText:
        return "max-text"_L1;
    case Field::HeartbeatMs:
        return "heartbeat-ms"_L1;
    case Field::Server:
        return "server"_L1;
    case Field::Nick:
        return "nick"_L1;
    case Field::From:
        return "from"_L1;
    case Field::Text:
        return "text"_L1;
    case Field::Reason:
        return "reason"_L1;
    case Field::Suggestion:
        return "suggestion"_L1;
    case Field::Users:
        return "users"_L1;
    case Field::Code:
        return "code"_L1;
    case Field::Action:
        return "action"_L1;
    case Field::Time:
        return "time"_L1;
    case Field::Id:
        return "id"_L1;
    case Field::Seq:
        return "seq"_L1;
    case Field::After:
        return "after"_L1;
    case Field::Before:
        return "before"_L1;
    case Field::Limit:
        return "limit"_L1;
    case Field::ClientId:
        return "client-id"_L1;
    case Field::Password:
        return "password"_L1;
    case Field::Resume:
        return "resume"_L1;
    case Field::HistoryId:
        return "history-id"_L1;
    case Field::RateMs:
        return "rate-ms"_L1;
    case Field::RateBurst:
        return "rate-burst"_L1;
    case Field::End:
        return "end"_L1;
    case Field::More:
        return "more"_L1;
    case Field::Messages:
        return "messages"_L1;
    case Field::To:
        return "to"_L1;
    case Field::Query:
        return "query"_L1;
    case Field::Features:
        return "features"_L1;
    }
    return {};
}

struct FieldSpec
{
    Field field;
    bool required;
};

// The fields of one message type, in the order they are encoded.
struct FieldList
{
    const FieldSpec *first = nullptr;
    const FieldSpec *last = nullptr;

    const FieldSpec *begin() const { return first; }
    const FieldSpec *end() const { return last; }
};

template<size_t N>
constexpr FieldList fieldList(const FieldSpec (&fields)[N])
{
    return FieldList {fields, fields + N};
}

// The fields of each message type: the single source of truth for encoding and decoding.
// Static tables: encode() and decode() run for every message, and must not allocate for this.
FieldList fieldsOf(MessageType type)
{
    switch (type) {
    case MessageType::Handshake: {
        static constexpr FieldSpec fields[] = {{Field::Versions, true}, {Field::Password, false}};
        return fieldList(fields);
    }
    case MessageType::Hello: {
        static constexpr FieldSpec fields[] = {{Field::Nick, true},
                                               {Field::Resume, false},
                                               {Field::After, false},
                                               {Field::Limit, false}};
        return fieldList(fields);
    }
    case MessageType::SetNick: {
        static constexpr FieldSpec fields[] = {{Field::Nick, true}};
        return fieldList(fields);
    }
    case MessageType::Say: {
        static constexpr FieldSpec fields[] = {{Field::Text, true},
                                               {Field::Action, false},
                                               {Field::ClientId, false},
                                               {Field::To, false}};
        return fieldList(fields);
    }
    case MessageType::Who:
    case MessageType::Unknown:
        return {};
    case MessageType::Quit: {
        static constexpr FieldSpec fields[] = {{Field::Reason, false}};
        return fieldList(fields);
    }
    case MessageType::Fetch: {
        static constexpr FieldSpec fields[] = {{Field::Before, true}, {Field::Limit, false}};
        return fieldList(fields);
    }
    case MessageType::Search: {
        static constexpr FieldSpec fields[] = {
            {Field::Query, true}, {Field::Before, false}, {Field::Limit, false}};
        return fieldList(fields);
    }
    case MessageType::HandshakeOk: {
        static constexpr FieldSpec fields[] = {
            {Field::Version, true},     {Field::MaxFrame, true},   {Field::MaxText, true},
            {Field::HeartbeatMs, true}, {Field::Server, false},    {Field::HistoryId, false},
            {Field::RateMs, false},     {Field::RateBurst, false}, {Field::Features, false}};
        return fieldList(fields);
    }
    case MessageType::Welcome: {
        static constexpr FieldSpec fields[] = {
            {Field::Nick, true}, {Field::Users, true}, {Field::Resume, false}};
        return fieldList(fields);
    }
    case MessageType::Chat: {
        static constexpr FieldSpec fields[] = {{Field::Seq, true},  {Field::From, true},
                                               {Field::Text, true}, {Field::Action, false},
                                               {Field::Time, true}, {Field::ClientId, false},
                                               {Field::To, false}};
        return fieldList(fields);
    }
    case MessageType::Ack: {
        static constexpr FieldSpec fields[] = {
            {Field::ClientId, true}, {Field::Seq, true}, {Field::Time, true}};
        return fieldList(fields);
    }
    case MessageType::History: {
        static constexpr FieldSpec fields[] = {{Field::Messages, true},
                                               {Field::Before, false},
                                               {Field::End, false},
                                               {Field::More, false},
                                               {Field::Query, false}};
        return fieldList(fields);
    }
    case MessageType::Joined: {
        static constexpr FieldSpec fields[] = {{Field::Nick, true}, {Field::Time, true}};
        return fieldList(fields);
    }
    case MessageType::Left: {
        static constexpr FieldSpec fields[] = {
            {Field::Nick, true}, {Field::Reason, false}, {Field::Time, true}};
        return fieldList(fields);
    }
    case MessageType::Renamed: {
        static constexpr FieldSpec fields[] = {
            {Field::From, true}, {Field::Nick, true}, {Field::Time, true}};
        return fieldList(fields);
    }
    case MessageType::Notice: {
        static constexpr FieldSpec fields[] = {
            {Field::Seq, true}, {Field::Text, true}, {Field::Time, true}};
        return fieldList(fields);
    }
    case MessageType::Users: {
        static constexpr FieldSpec fields[] = {{Field::Users, true}};
        return fieldList(fields);
    }
    case MessageType::Error: {
        static constexpr FieldSpec fields[] = {{Field::Code, true},
                                               {Field::Text, true},
                                               {Field::Suggestion, false},
                                               {Field::ClientId, false}};
        return fieldList(fields);
    }
    case MessageType::Bye: {
        static constexpr FieldSpec fields[] = {{Field::Code, true}, {Field::Text, true}};
        return fieldList(fields);
    }
    case MessageType::Ping:
    case MessageType::Pong: {
        static constexpr FieldSpec fields[] = {{Field::Id, true}};
        return fieldList(fields);
    }
    }
    return {};
}

template<typename M>
auto stringField(M &m, Field field) -> decltype(&m.server)
{
    switch (field) {
    case Field::Server:
        return &m.server;
    case Field::Nick:
        return &m.nick;
    case Field::From:
        return &m.from;
    case Field::Text:
        return &m.text;
    case Field::Reason:
        return &m.reason;
    case Field::Suggestion:
        return &m.suggestion;
    case Field::ClientId:
        return &m.clientId;
    case Field::Password:
        return &m.password;
    case Field::Resume:
        return &m.resume;
    case Field::HistoryId:
        return &m.historyId;
    case Field::To:
        return &m.to;
    case Field::Query:
        return &m.query;
    default:
        return nullptr;
    }
}

template<typename M>
auto intField(M &m, Field field) -> decltype(&m.version)
{
    switch (field) {
    case Field::Version:
        return &m.version;
    case Field::MaxFrame:
        return &m.maxFrame;
    case Field::MaxText:
        return &m.maxText;
    case Field::HeartbeatMs:
        return &m.heartbeatMs;
    case Field::Limit:
        return &m.limit;
    case Field::RateMs:
        return &m.rateMs;
    case Field::RateBurst:
        return &m.rateBurst;
    default:
        return nullptr;
    }
}

template<typename M>
auto seqField(M &m, Field field) -> decltype(&m.seq)
{
    switch (field) {
    case Field::Id:
        return &m.id;
    case Field::Seq:
        return &m.seq;
    case Field::After:
        return &m.after;
    case Field::Before:
        return &m.before;
    default:
        return nullptr;
    }
}

template<typename M>
auto boolField(M &m, Field field) -> decltype(&m.action)
{
    switch (field) {
    case Field::Action:
        return &m.action;
    case Field::End:
        return &m.end;
    case Field::More:
        return &m.more;
    default:
        return nullptr;
    }
}

QString decodeMap(const QCborMap &map, Message &m);

bool readInt(const QCborValue &value, qint64 min, qint64 max, qint64 *out)
{
    if (!value.isInteger())
        return false;
    const qint64 v = value.toInteger();
    if (v < min || v > max)
        return false;
    *out = v;
    return true;
}

// Reads one present field into \a m; false if the CBOR type or range is wrong.
bool readField(const QCborValue &value, Message &m, Field field)
{
    constexpr qint64 IntMax = std::numeric_limits<int>::max();
    constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();
    qint64 number = 0;
    if (QString *s = stringField(m, field)) {
        if (!value.isString())
            return false;
        *s = value.toString();
        return true;
    }
    if (int *i = intField(m, field)) {
        if (!readInt(value, 0, IntMax, &number))
            return false;
        *i = int(number);
        return true;
    }
    if (bool *b = boolField(m, field)) {
        if (!value.isBool())
            return false;
        *b = value.toBool();
        return true;
    }
    switch (field) {
    case Field::Versions:
    case Field::Users:
    case Field::Features: {
        if (!value.isArray())
            return false;
        const QCborArray array = value.toArray();
        for (const QCborValue &item : array) {
            if (field == Field::Versions) {
                if (!readInt(item, 0, IntMax, &number))
                    return false;
                m.versions.append(int(number));
            } else {
                if (!item.isString())
                    return false;
                (field == Field::Users ? m.users : m.features).append(item.toString());
            }
        }
        return true;
    }
    case Field::Code:
        if (!value.isString())
            return false;
        m.code = errorCodeFromName(value.toString());
        return true;
    case Field::Time:
        return readInt(value, 0, Int64Max, &m.time);
    case Field::Messages:
        // Only chats and notices, and no history inside history: the depth stays bounded.
        if (!value.isArray())
            return false;
        for (const QCborValue &item : value.toArray()) {
            if (!item.isMap())
                return false;
            Message entry;
            if (!decodeMap(item.toMap(), entry).isEmpty())
                return false;
            if (entry.type != MessageType::Chat && entry.type != MessageType::Notice)
                return false;
            m.messages.append(entry);
        }
        return true;
    default:
        if (quint64 *u = seqField(m, field)) {
            if (!readInt(value, 0, Int64Max, &number))
                return false;
            *u = quint64(number);
            return true;
        }
        return false;
    }
}

// Reads the type and fields of \a map into \a m. Empty on success, else what is wrong; an
// unknown type leaves m.type Unknown with the name in m.typeName.
QString decodeMap(const QCborMap &map, Message &m)
{
    const QCborValue typeValue = map.value("type"_L1);
    if (!typeValue.isString())
        return u"missing \"type\" text field"_s;
    m.type = messageTypeFromName(typeValue.toString());
    if (m.type == MessageType::Unknown) {
        m.typeName = typeValue.toString();
        return u"unknown message type \""_s + m.typeName + u'"';
    }
    for (const FieldSpec &spec : fieldsOf(m.type)) {
        const QString key = fieldKey(spec.field);
        const QCborValue value = map.value(key);
        if (value.isUndefined()) {
            if (spec.required)
                return u"missing field \""_s + key + u'"';
            continue;
        }
        if (!readField(value, m, spec.field))
            return u"field \""_s + key + u"\" has the wrong type"_s;
    }
    return {};
}

// Qt 6.4 reads the CBOR negative integer -2^64 as the integer 0 (its magnitude wraps), so a
// hostile -2^64 would pass as a valid version, time or id. Looks for it inside a container of
// an item QCborValue has already parsed, so the nesting depth is known to be bounded. A scan
// that fails (it cannot, after QCborValue) counts as holding it.
bool holdsMinusTwoToThe64(QCborStreamReader &reader)
{
    while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
        if (reader.isNegativeInteger() && quint64(reader.toNegativeInteger()) == 0)
            return true;
        if (reader.isContainer()) {
            if (!reader.enterContainer() || holdsMinusTwoToThe64(reader))
                return true;
            reader.leaveContainer();
        } else if (!reader.next()) {
            return true;
        }
    }
    return false;
}

// The raw bytes of the text string \a reader is on, however malformed their UTF-8 (next() and
// readString() stop at it); nullopt if the CBOR around them is broken, or with \a keep if
// they are longer than \a maxSize. Chunked strings are joined. Every step reads at least one
// byte of \a payloadSize, or the string ends: the loop is bounded by it.
std::optional<QByteArray> rawText(QCborStreamReader &reader, qsizetype payloadSize,
                                  qsizetype maxSize, bool keep)
{
    QByteArray bytes;
    char buffer[512];
    for (qsizetype step = 0; step <= payloadSize; ++step) {
        const auto read = reader.readStringChunk(buffer, sizeof buffer);
        if (read.status == QCborStreamReader::EndOfString)
            return bytes;
        if (read.status != QCborStreamReader::Ok)
            return std::nullopt;
        if (keep) {
            if (bytes.size() + read.data > maxSize)
                return std::nullopt;
            bytes.append(buffer, read.data);
        }
    }
    return std::nullopt;
}

// The "client-id" of a payload whose text somewhere is not valid UTF-8, so that QCborValue
// would not decode it. Only the top-level map is walked; every other value is skipped
// without being looked at.
QString clientIdOfInvalidUtf8(const QByteArray &bytes)
{
    // A client-id is short (Validation::MaxTokenLength); anything longer is not one.
    constexpr qsizetype MaxClientId = 256;
    QCborStreamReader reader(bytes);
    if (!reader.isMap() || !reader.enterContainer())
        return {};
    while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
        std::optional<QByteArray> key;
        if (reader.isString()) {
            key = rawText(reader, bytes.size(), MaxClientId, true);
            if (!key)
                return {};
        } else if (!reader.next()) {
            return {};
        }
        if (!reader.hasNext())
            return {};
        if (key && *key == "client-id" && reader.isString()) {
            const std::optional<QByteArray> value =
                rawText(reader, bytes.size(), MaxClientId, true);
            if (!value)
                return {};
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString id = utf8(*value);
            return utf8.hasError() ? QString() : id;
        }
        if (reader.isString() ? !rawText(reader, bytes.size(), 0, false) : !reader.next())
            return {};
    }
    return {};
}

DecodeResult failure(ErrorCode code, const QString &detail)
{
    DecodeResult result;
    result.error = code;
    result.detail = detail;
    return result;
}

} // namespace

namespace {

// The head of a CBOR item (RFC 8949 3.1) in its shortest form, as QCborStreamWriter writes it.
void appendHead(QByteArray *out, quint8 majorType, quint64 value)
{
    char head[9];
    head[0] = char(majorType << 5);
    int bytes = 0;
    if (value < 24) {
        head[0] = char(head[0] | char(value));
    } else if (value <= 0xff) {
        head[0] = char(head[0] | 24);
        bytes = 1;
    } else if (value <= 0xffff) {
        head[0] = char(head[0] | 25);
        bytes = 2;
    } else if (value <= 0xffffffffULL) {
        head[0] = char(head[0] | 26);
        bytes = 4;
    } else {
        head[0] = char(head[0] | 27);
        bytes = 8;
    }
    for (int i = 0; i < bytes; ++i)
        head[1 + i] = char((value >> (8 * (bytes - 1 - i))) & 0xff);
    out->append(head, 1 + bytes);
}

constexpr quint8 CborTextString = 3;
constexpr quint8 CborArray = 4;
constexpr quint8 CborMap = 5;

void appendText(QByteArray *out, QByteArrayView utf8)
{
    appendHead(out, CborTextString, quint64(utf8.size()));
    out->append(utf8);
}

void appendText(QByteArray *out, const QString &text)
{
    // ASCII, by far the most common, is copied as is; anything else goes through toUtf8().
    const QChar *units = text.constData();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (units[i].unicode() >= 0x80) {
            appendText(out, QByteArrayView(text.toUtf8()));
            return;
        }
    }
    appendHead(out, CborTextString, quint64(size));
    const qsizetype at = out->size();
    out->resize(at + size);
    char *bytes = out->data() + at;
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(units[i].unicode());
}

constexpr quint8 CborUnsigned = 0;
constexpr quint8 CborNegative = 1;
constexpr quint8 CborFalse = 0xf4;
constexpr quint8 CborTrue = 0xf5;

void appendInteger(QByteArray *out, qint64 value)
{
    if (value >= 0)
        appendHead(out, CborUnsigned, quint64(value));
    else
        appendHead(out, CborNegative, quint64(-1 - value));
}

// Whether \a spec is written for \a m: optional fields at their default value are left out to
// keep frames small.
bool isWritten(const Message &m, const FieldSpec &spec)
{
    if (spec.required)
        return true;
    if (const QString *s = stringField(m, spec.field))
        return !s->isEmpty();
    if (const int *i = intField(m, spec.field))
        return *i != 0;
    if (const quint64 *u = seqField(m, spec.field))
        return *u != 0;
    if (const bool *b = boolField(m, spec.field))
        return *b;
    if (spec.field == Field::Features)
        return !m.features.isEmpty();
    return true; // Code, Time, Versions, Users and Messages are always written
}

void appendTextArray(QByteArray *out, const QStringList &items)
{
    appendHead(out, CborArray, quint64(items.size()));
    for (const QString &item : items)
        appendText(out, item);
}

// The message as a CBOR map, byte for byte as Qt's QCborMap would write it (keys in the order
// of fieldsOf(), every head in its shortest form; tst_messagecodec compares them), without
// building one: a room encodes every event it sends, and every framed join a handshake-ok with
// its features, a welcome and a history with its array of messages.
void appendMap(const Message &message, QByteArray *out)
{
    const FieldList fields = fieldsOf(message.type);
    quint64 count = 1; // "type"
    for (const FieldSpec &spec : fields) {
        if (isWritten(message, spec))
            ++count;
    }
    const auto appendKey = [out](QLatin1StringView key) {
        appendText(out, QByteArrayView(key.data(), key.size()));
    };
    appendHead(out, CborMap, count);
    appendKey("type"_L1);
    appendText(out,
               message.type == MessageType::Unknown ? message.typeName
                                                    : messageTypeName(message.type));
    for (const FieldSpec &spec : fields) {
        if (!isWritten(message, spec))
            continue;
        appendKey(fieldKey(spec.field));
        if (const QString *s = stringField(message, spec.field))
            appendText(out, *s);
        else if (const int *i = intField(message, spec.field))
            appendInteger(out, *i);
        else if (const quint64 *u = seqField(message, spec.field))
            appendInteger(out, qint64(*u));
        else if (const bool *b = boolField(message, spec.field))
            out->append(char(*b ? CborTrue : CborFalse));
        else if (spec.field == Field::Code)
            appendText(out, errorCodeName(message.code));
        else if (spec.field == Field::Time)
            appendInteger(out, message.time);
        else if (spec.field == Field::Users)
            appendTextArray(out, message.users);
        else if (spec.field == Field::Features)
            appendTextArray(out, message.features);
        else if (spec.field == Field::Versions) {
            appendHead(out, CborArray, quint64(message.versions.size()));
            for (const int version : message.versions)
                appendInteger(out, version);
        } else if (spec.field == Field::Messages) {
            appendHead(out, CborArray, quint64(message.messages.size()));
            for (const Message &entry : message.messages)
                appendMap(entry, out);
        }
    }
}

} // namespace

QByteArray MessageCodec::encode(const Message &message)
{
    QByteArray out;
    out.reserve(64 + 3 * (message.text.size() + message.from.size() + message.nick.size()));
    appendMap(message, &out);
    return out;
}

namespace {

// The size of the head appendHead() writes for \a value.
constexpr qsizetype headSize(quint64 value)
{
    return value < 24            ? 1
        : value <= 0xff          ? 2
        : value <= 0xffff        ? 3
        : value <= 0xffffffffULL ? 5
                                 : 9;
}

// appendHead() into a buffer already the right size; returns the end of what it wrote.
char *writeHead(char *out, quint8 majorType, quint64 value)
{
    const quint8 major = quint8(majorType << 5);
    int bytes = 0;
    if (value < 24) {
        *out = char(major | quint8(value));
        return out + 1;
    }
    if (value <= 0xff) {
        *out = char(major | 24);
        bytes = 1;
    } else if (value <= 0xffff) {
        *out = char(major | 25);
        bytes = 2;
    } else if (value <= 0xffffffffULL) {
        *out = char(major | 26);
        bytes = 4;
    } else {
        *out = char(major | 27);
        bytes = 8;
    }
    for (int i = 0; i < bytes; ++i)
        out[1 + i] = char((value >> (8 * (bytes - 1 - i))) & 0xff);
    return out + 1 + bytes;
}

// appendInteger()'s head: the major type and argument of \a value.
struct IntegerHead
{
    quint8 majorType;
    quint64 argument;

    explicit IntegerHead(qint64 value)
        : majorType(value >= 0 ? CborUnsigned : CborNegative)
        , argument(value >= 0 ? quint64(value) : quint64(-1 - value))
    { }
    qsizetype size() const { return headSize(argument); }
    char *write(char *out) const { return writeHead(out, majorType, argument); }
};

// One text field of a chat or notice as a CBOR text string, as appendText() writes it. ASCII,
// almost every text, is narrowed straight into the frame; anything else is converted once.
class TextItem final
{
public:
    explicit TextItem(const QString &text)
        : m_text(text)
    {
        const char16_t *units = QStringView(text).utf16();
        const qsizetype size = text.size();
        for (qsizetype i = 0; i < size; ++i) {
            if (units[i] >= 0x80) {
                m_utf8 = text.toUtf8();
                m_ascii = false;
                break;
            }
        }
    }
    qsizetype length() const { return m_ascii ? m_text.size() : m_utf8.size(); }
    qsizetype size() const { return headSize(quint64(length())) + length(); }
    char *write(char *out) const
    {
        out = writeHead(out, CborTextString, quint64(length()));
        if (!m_ascii) {
            std::memcpy(out, m_utf8.constData(), size_t(m_utf8.size()));
            return out + m_utf8.size();
        }
        const char16_t *units = QStringView(m_text).utf16();
        const qsizetype size = m_text.size();
        for (qsizetype i = 0; i < size; ++i)
            out[i] = char(units[i]);
        return out + size;
    }

private:
    const QString &m_text;
    QByteArray m_utf8;
    bool m_ascii = true;
};

// Bytes that never change: a key, or a key with its value, as appendMap() writes them.
template<size_t N>
char *writeBytes(char *out, const char (&bytes)[N])
{
    std::memcpy(out, bytes, N - 1);
    return out + (N - 1);
}

// The frame of a chat, written as appendMap() writes it: type, seq, from, text, action (when
// set), time, client-id and to (when not empty). The seq goes through qint64, as there.
QByteArray chatFrame(const Message &chat)
{
    static constexpr char TypeChat[] = "\x64type\x64"
                                       "chat";
    static constexpr char SeqKey[] = "\x63seq";
    static constexpr char FromKey[] = "\x64"
                                      "from";
    static constexpr char TextKey[] = "\x64text";
    static constexpr char ActionTrue[] = "\x66"
                                         "action\xf5";
    static constexpr char TimeKey[] = "\x64time";
    static constexpr char ClientIdKey[] = "\x69"
                                          "client-id";
    static constexpr char ToKey[] = "\x62to";

    const TextItem from(chat.from);
    const TextItem text(chat.text);
    const bool hasClientId = !chat.clientId.isEmpty();
    const bool hasTo = !chat.to.isEmpty();
    const TextItem clientId(chat.clientId);
    const TextItem to(chat.to);
    const IntegerHead seq(qint64(chat.seq));
    const IntegerHead time(chat.time);

    const quint64 count = 5 + (chat.action ? 1 : 0) + (hasClientId ? 1 : 0) + (hasTo ? 1 : 0);
    const qsizetype payload = 1 + qsizetype(sizeof TypeChat - 1) + qsizetype(sizeof SeqKey - 1) +
        seq.size() + qsizetype(sizeof FromKey - 1) + from.size() + qsizetype(sizeof TextKey - 1) +
        text.size() + (chat.action ? qsizetype(sizeof ActionTrue - 1) : 0) +
        qsizetype(sizeof TimeKey - 1) + time.size() +
        (hasClientId ? qsizetype(sizeof ClientIdKey - 1) + clientId.size() : 0) +
        (hasTo ? qsizetype(sizeof ToKey - 1) + to.size() : 0);

    QByteArray frame(Protocol::FrameHeaderSize + payload, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload), frame.data());
    char *out = frame.data() + Protocol::FrameHeaderSize;
    out = writeHead(out, CborMap, count);
    out = writeBytes(out, TypeChat);
    out = writeBytes(out, SeqKey);
    out = seq.write(out);
    out = writeBytes(out, FromKey);
    out = from.write(out);
    out = writeBytes(out, TextKey);
    out = text.write(out);
    if (chat.action)
        out = writeBytes(out, ActionTrue);
    out = writeBytes(out, TimeKey);
    out = time.write(out);
    if (hasClientId) {
        out = writeBytes(out, ClientIdKey);
        out = clientId.write(out);
    }
    if (hasTo) {
        out = writeBytes(out, ToKey);
        out = to.write(out);
    }
    Q_ASSERT(out == frame.constData() + frame.size());
    return frame;
}

// The frame of a notice, likewise: type, seq, text, time.
QByteArray noticeFrame(const Message &notice)
{
    static constexpr char TypeNotice[] = "\xa4\x64type\x66notice\x63seq";
    static constexpr char TextKey[] = "\x64text";
    static constexpr char TimeKey[] = "\x64time";

    const TextItem text(notice.text);
    const IntegerHead seq(qint64(notice.seq));
    const IntegerHead time(notice.time);
    const qsizetype payload = qsizetype(sizeof TypeNotice - 1) + seq.size() +
        qsizetype(sizeof TextKey - 1) + text.size() + qsizetype(sizeof TimeKey - 1) + time.size();

    QByteArray frame(Protocol::FrameHeaderSize + payload, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload), frame.data());
    char *out = frame.data() + Protocol::FrameHeaderSize;
    out = writeBytes(out, TypeNotice);
    out = seq.write(out);
    out = writeBytes(out, TextKey);
    out = text.write(out);
    out = writeBytes(out, TimeKey);
    out = time.write(out);
    Q_ASSERT(out == frame.constData() + frame.size());
    return frame;
}

} // namespace

QByteArray MessageCodec::encodeFrame(const Message &message)
{
    if (message.type == MessageType::Chat)
        return chatFrame(message);
    if (message.type == MessageType::Notice)
        return noticeFrame(message);
    // The length prefix first, filled in at the end, as encodeWelcomeFrame() does.
    QByteArray frame;
    frame.reserve(Protocol::FrameHeaderSize + 64 +
                  3 * (message.text.size() + message.from.size() + message.nick.size()));
    frame.resize(Protocol::FrameHeaderSize);
    appendMap(message, &frame);
    qToBigEndian<quint32>(quint32(frame.size() - Protocol::FrameHeaderSize), frame.data());
    return frame;
}

void MessageCodec::appendUser(QByteArray *items, const QString &nick)
{
    appendText(items, nick);
}

namespace {

// The fields in the order appendMap() writes them: type, nick, users, then resume if any.
void appendWelcome(QByteArray *out, const QString &nick, QByteArrayView userItems,
                   qsizetype userCount, const QString &resume)
{
    out->reserve(out->size() + userItems.size() + nick.size() * 3 + resume.size() * 3 + 48);
    appendHead(out, CborMap, resume.isEmpty() ? 3 : 4);
    appendText(out, QByteArrayView("type"));
    appendText(out, QByteArrayView("welcome"));
    appendText(out, QByteArrayView("nick"));
    appendText(out, nick);
    appendText(out, QByteArrayView("users"));
    appendHead(out, CborArray, quint64(userCount));
    out->append(userItems);
    if (!resume.isEmpty()) {
        appendText(out, QByteArrayView("resume"));
        appendText(out, resume);
    }
}

} // namespace

QByteArray MessageCodec::encodeWelcome(const QString &nick, QByteArrayView userItems,
                                       qsizetype userCount, const QString &resume)
{
    QByteArray out;
    appendWelcome(&out, nick, userItems, userCount, resume);
    return out;
}

QByteArray MessageCodec::encodeWelcomeFrame(const QString &nick, QByteArrayView userItems,
                                            qsizetype userCount, const QString &resume)
{
    // The length prefix first, filled in at the end: one copy of a big room's list, not two.
    QByteArray frame(Protocol::FrameHeaderSize, '\0');
    appendWelcome(&frame, nick, userItems, userCount, resume);
    qToBigEndian<quint32>(quint32(frame.size() - Protocol::FrameHeaderSize), frame.data());
    return frame;
}

namespace {

// One key and value of a payload decodeFlat() reads: text keys, and values that are text,
// unsigned integers up to 2^63-1 or booleans.
struct FlatEntry
{
    QByteArrayView key;
    enum class Kind { Text, Integer, Bool } kind = Kind::Text;
    QByteArrayView text;
    quint64 number = 0;
    bool flag = false;
};

// Reads one CBOR head (RFC 8949 3.1) at \a at; false for an indefinite length, a reserved
// additional value or too few bytes.
bool readHead(QByteArrayView bytes, qsizetype *at, quint8 *major, quint64 *argument)
{
    if (*at >= bytes.size())
        return false;
    const auto initial = quint8(bytes[*at]);
    ++*at;
    *major = quint8(initial >> 5);
    const quint8 info = initial & 0x1f;
    if (info < 24) {
        *argument = info;
        return true;
    }
    if (info > 27)
        return false;
    const qsizetype size = qsizetype(1) << (info - 24);
    if (bytes.size() - *at < size)
        return false;
    quint64 value = 0;
    for (qsizetype i = 0; i < size; ++i)
        value = (value << 8) | quint8(bytes[*at + i]);
    *at += size;
    *argument = value;
    return true;
}

// Reads a text string's bytes at \a at, if they are valid UTF-8.
bool readText(QByteArrayView bytes, qsizetype *at, quint64 length, QByteArrayView *text)
{
    if (length > quint64(bytes.size() - *at))
        return false;
    *text = bytes.sliced(*at, qsizetype(length));
    *at += qsizetype(length);
    for (const char c : *text) {
        if (quint8(c) >= 0x80) {
            // Rare: checked the way QCborStreamReader checks, to refuse what it refuses.
            QStringDecoder utf8(QStringDecoder::Utf8,
                                QStringDecoder::Flag::Stateless |
                                    QStringDecoder::Flag::ConvertInitialBom);
            const QString decoded = utf8.decode(*text); // converts: the result is lazy
            return !decoded.isNull() && !utf8.hasError();
        }
    }
    return true;
}

// decode() for the common payload, without QCborValue: a definite-length map of at most
// MaxFlatEntries text keys (none twice) whose values are valid UTF-8 text, integers from 0 to
// 2^63-1 or booleans, of a known type without array fields, every field as its type wants it.
// Anything else (an error included) is false, and left to the full decoder, which says what
// is wrong; so a payload this takes decodes exactly as the full decoder would decode it.
constexpr int MaxFlatEntries = 16;

bool decodeFlat(QByteArrayView bytes, Message *m)
{
    qsizetype at = 0;
    quint8 major = 0;
    quint64 count = 0;
    if (!readHead(bytes, &at, &major, &count) || major != CborMap || count > MaxFlatEntries)
        return false;
    FlatEntry entries[MaxFlatEntries];
    for (quint64 i = 0; i < count; ++i) {
        FlatEntry &entry = entries[i];
        quint64 argument = 0;
        if (!readHead(bytes, &at, &major, &argument) || major != CborTextString ||
            !readText(bytes, &at, argument, &entry.key))
            return false;
        for (quint64 j = 0; j < i; ++j) {
            if (entries[j].key == entry.key)
                return false;
        }
        if (!readHead(bytes, &at, &major, &argument))
            return false;
        if (major == CborTextString) {
            entry.kind = FlatEntry::Kind::Text;
            if (!readText(bytes, &at, argument, &entry.text))
                return false;
        } else if (major == CborUnsigned &&
                   argument <= quint64(std::numeric_limits<qint64>::max())) {
            entry.kind = FlatEntry::Kind::Integer;
            entry.number = argument;
        } else if (major == 7 && (argument == 20 || argument == 21)) {
            entry.kind = FlatEntry::Kind::Bool;
            entry.flag = argument == 21;
        } else {
            return false;
        }
    }
    if (at != bytes.size())
        return false;
    const auto find = [&entries, count](QLatin1StringView key) -> const FlatEntry * {
        const QByteArrayView wanted(key.data(), key.size());
        for (quint64 i = 0; i < count; ++i) {
            if (entries[i].key == wanted)
                return &entries[i];
        }
        return nullptr;
    };
    const FlatEntry *type = find("type"_L1);
    if (!type || type->kind != FlatEntry::Kind::Text)
        return false;
    m->type = messageTypeFromName(QString::fromUtf8(type->text));
    if (m->type == MessageType::Unknown)
        return false;
    const FieldList fields = fieldsOf(m->type);
    for (const FieldSpec &spec : fields) {
        const FlatEntry *entry = find(fieldKey(spec.field));
        if (!entry) {
            if (spec.required)
                return false;
            continue;
        }
        const bool isText = entry->kind == FlatEntry::Kind::Text;
        const bool isInteger = entry->kind == FlatEntry::Kind::Integer;
        if (QString *s = stringField(*m, spec.field)) {
            if (!isText)
                return false;
            *s = QString::fromUtf8(entry->text);
        } else if (int *i = intField(*m, spec.field)) {
            if (!isInteger || entry->number > quint64(std::numeric_limits<int>::max()))
                return false;
            *i = int(entry->number);
        } else if (bool *b = boolField(*m, spec.field)) {
            if (entry->kind != FlatEntry::Kind::Bool)
                return false;
            *b = entry->flag;
        } else if (quint64 *u = seqField(*m, spec.field)) {
            if (!isInteger)
                return false;
            *u = entry->number;
        } else if (spec.field == Field::Time) {
            if (!isInteger)
                return false;
            m->time = qint64(entry->number);
        } else if (spec.field == Field::Code) {
            if (!isText)
                return false;
            m->code = errorCodeFromName(QString::fromUtf8(entry->text));
        } else {
            return false; // an array
        }
    }
    return true;
}

} // namespace

DecodeResult MessageCodec::decode(QByteArrayView payload)
{
    {
        DecodeResult fast;
        if (decodeFlat(payload, &fast.message))
            return fast;
    }
    const QByteArray bytes = payload.toByteArray();
    QCborStreamReader reader(bytes);
    const QCborValue root = QCborValue::fromCbor(reader);
    const QCborError cborError = reader.lastError();
    if (cborError == QCborError::InvalidUtf8String) {
        DecodeResult result = failure(ErrorCode::InvalidUtf8, u"text is not valid UTF-8"_s);
        result.clientId = clientIdOfInvalidUtf8(bytes);
        return result;
    }
    if (cborError != QCborError::NoError)
        return failure(ErrorCode::Protocol, u"malformed CBOR: "_s + cborError.toString());
    if (reader.currentOffset() != payload.size())
        return failure(ErrorCode::Protocol, u"bytes after the CBOR item"_s);
    if (!root.isMap())
        return failure(ErrorCode::Protocol, u"the payload is not a CBOR map"_s);
    // -2^64 can only be encoded as these nine bytes; only a payload holding them needs the
    // precise (and slower) rescan, which keeps the common path to one parse.
    static constexpr char MinusTwoToThe64[] = "\x3b\xff\xff\xff\xff\xff\xff\xff\xff";
    if (payload.contains(QByteArrayView(MinusTwoToThe64, 9))) {
        QCborStreamReader rescan(bytes);
        if (!rescan.enterContainer() || holdsMinusTwoToThe64(rescan))
            return failure(ErrorCode::Protocol, u"an integer is out of range"_s);
    }

    DecodeResult result;
    const QCborMap map = root.toMap();
    const QString problem = decodeMap(map, result.message);
    if (problem.isEmpty())
        return result;
    if (result.message.type == MessageType::Unknown && map.value("type"_L1).isString()) {
        result.error = ErrorCode::UnknownType;
        result.detail = problem;
        return result;
    }
    return failure(ErrorCode::Protocol, problem);
}

} // namespace Tagarela
