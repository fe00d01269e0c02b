// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisreply.h"

#include <hiredis/hiredis.h>

namespace Tagarela {

bool RedisReply::isError(const char *code) const
{
    if (type != Type::Error)
        return false;
    const QByteArray prefix(code);
    return text.startsWith(prefix) &&
        (text.size() == prefix.size() || text.at(prefix.size()) == ' ');
}

QByteArray RedisReply::toByteArray() const
{
    switch (type) {
    case Type::String:
    case Type::Status:
        return text;
    case Type::Integer:
        return QByteArray::number(integer);
    default:
        return {};
    }
}

qint64 RedisReply::toInteger(bool *ok) const
{
    if (type == Type::Integer) {
        if (ok)
            *ok = true;
        return integer;
    }
    if (type == Type::String)
        return text.toLongLong(ok);
    if (ok)
        *ok = false;
    return 0;
}

RedisReply RedisReply::fromHiredis(const redisReply *reply)
{
    RedisReply result;
    if (!reply)
        return noReply("no reply");
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        result.type = Type::String;
        result.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_STATUS:
        result.type = Type::Status;
        result.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        result.type = Type::Error;
        result.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        result.type = Type::Integer;
        result.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        result.type = Type::Array;
        result.elements.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            result.elements.append(fromHiredis(reply->element[i]));
        break;
    case REDIS_REPLY_NIL:
    default:
        result.type = Type::Nil;
        break;
    }
    return result;
}

RedisReply RedisReply::noReply(const QByteArray &why)
{
    RedisReply result;
    result.type = Type::NoReply;
    result.text = why;
    return result;
}

} // namespace Tagarela
