// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagecodec.h"

#include <limits>

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>

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
    }
    return {};
}

struct FieldSpec
{
    Field field;
    bool required;
};

// The fields of each message type: the single source of truth for encoding and decoding.
QList<FieldSpec> fieldsOf(MessageType type)
{
    switch (type) {
    case MessageType::Handshake:
        return {{Field::Versions, true}};
    case MessageType::Hello:
    case MessageType::SetNick:
        return {{Field::Nick, true}};
    case MessageType::Say:
        return {{Field::Text, true}, {Field::Action, false}};
    case MessageType::Who:
    case MessageType::Unknown:
        return {};
    case MessageType::Quit:
        return {{Field::Reason, false}};
    case MessageType::HandshakeOk:
        return {{Field::Version, true},
                {Field::MaxFrame, true},
                {Field::MaxText, true},
                {Field::HeartbeatMs, true},
                {Field::Server, false}};
    case MessageType::Welcome:
        return {{Field::Nick, true}, {Field::Users, true}};
    case MessageType::Chat:
        return {
            {Field::From, true}, {Field::Text, true}, {Field::Action, false}, {Field::Time, true}};
    case MessageType::Joined:
        return {{Field::Nick, true}, {Field::Time, true}};
    case MessageType::Left:
        return {{Field::Nick, true}, {Field::Reason, false}, {Field::Time, true}};
    case MessageType::Renamed:
        return {{Field::From, true}, {Field::Nick, true}, {Field::Time, true}};
    case MessageType::Notice:
        return {{Field::Text, true}, {Field::Time, true}};
    case MessageType::Users:
        return {{Field::Users, true}};
    case MessageType::Error:
        return {{Field::Code, true}, {Field::Text, true}, {Field::Suggestion, false}};
    case MessageType::Bye:
        return {{Field::Code, true}, {Field::Text, true}};
    case MessageType::Ping:
    case MessageType::Pong:
        return {{Field::Id, true}};
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
    default:
        return nullptr;
    }
}

// Writes one field; optional fields at their default value are left out to keep frames small.
void writeField(QCborMap &map, const Message &message, const FieldSpec &spec)
{
    const Message &m = message;
    const QString key = fieldKey(spec.field);
    if (const QString *s = stringField(m, spec.field)) {
        if (spec.required || !s->isEmpty())
            map.insert(key, *s);
    } else if (const int *i = intField(m, spec.field)) {
        map.insert(key, *i);
    } else if (const bool *b = boolField(m, spec.field)) {
        if (spec.required || *b)
            map.insert(key, *b);
    } else if (spec.field == Field::Versions) {
        QCborArray versions;
        for (int v : m.versions)
            versions.append(v);
        map.insert(key, versions);
    } else if (spec.field == Field::Users) {
        map.insert(key, QCborArray::fromStringList(m.users));
    } else if (spec.field == Field::Code) {
        map.insert(key, errorCodeName(m.code));
    } else if (spec.field == Field::Time) {
        map.insert(key, m.time);
    } else if (spec.field == Field::Id) {
        map.insert(key, qint64(m.id));
    }
}

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
    case Field::Users: {
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
                m.users.append(item.toString());
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
    case Field::Id:
        if (!readInt(value, 0, Int64Max, &number))
            return false;
        m.id = quint64(number);
        return true;
    default:
        return false;
    }
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

DecodeResult failure(ErrorCode code, const QString &detail)
{
    DecodeResult result;
    result.error = code;
    result.detail = detail;
    return result;
}

} // namespace

QByteArray MessageCodec::encode(const Message &message)
{
    QCborMap map;
    map.insert("type"_L1,
               message.type == MessageType::Unknown ? message.typeName
                                                    : messageTypeName(message.type));
    for (const FieldSpec &spec : fieldsOf(message.type))
        writeField(map, message, spec);
    return map.toCborValue().toCbor();
}

DecodeResult MessageCodec::decode(QByteArrayView payload)
{
    const QByteArray bytes = payload.toByteArray();
    QCborStreamReader reader(bytes);
    const QCborValue root = QCborValue::fromCbor(reader);
    const QCborError cborError = reader.lastError();
    if (cborError == QCborError::InvalidUtf8String)
        return failure(ErrorCode::InvalidUtf8, u"text is not valid UTF-8"_s);
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

    const QCborMap map = root.toMap();
    const QCborValue typeValue = map.value("type"_L1);
    if (!typeValue.isString())
        return failure(ErrorCode::Protocol, u"missing \"type\" text field"_s);

    DecodeResult result;
    Message &m = result.message;
    m.type = messageTypeFromName(typeValue.toString());
    if (m.type == MessageType::Unknown) {
        m.typeName = typeValue.toString();
        result.error = ErrorCode::UnknownType;
        result.detail = u"unknown message type \""_s + m.typeName + u'"';
        return result;
    }
    for (const FieldSpec &spec : fieldsOf(m.type)) {
        const QString key = fieldKey(spec.field);
        const QCborValue value = map.value(key);
        if (value.isUndefined()) {
            if (spec.required)
                return failure(ErrorCode::Protocol, u"missing field \""_s + key + u'"');
            continue;
        }
        if (!readField(value, m, spec.field))
            return failure(ErrorCode::Protocol, u"field \""_s + key + u"\" has the wrong type"_s);
    }
    return result;
}

} // namespace Tagarela
