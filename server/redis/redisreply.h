// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

struct redisReply;

namespace Tagarela {

/*!
 * One answer from Redis, copied out of hiredis's reply (which hiredis frees when the callback
 * returns), or the reason there is none.
 */
struct RedisReply
{
    enum class Type {
        String, //!< a bulk string: text
        Array, //!< elements
        Integer, //!< integer
        Nil, //!< no value (a missing key, a BLOCK that timed out)
        Status, //!< a simple status such as OK: text
        Error, //!< Redis refused the command: text ("NOSCRIPT No matching script...")
        NoReply, //!< no answer came: text says why (not connected, connection lost, timeout)
    };

    Type type = Type::NoReply;
    QByteArray text;
    qint64 integer = 0;
    QList<RedisReply> elements;

    /*! Error or NoReply: the command did not do what was asked. */
    bool failed() const { return type == Type::Error || type == Type::NoReply; }
    /*! An Error whose first word (Redis's error code) is \a code, as in "NOSCRIPT". */
    bool isError(const char *code) const;
    /*! String, Status or Integer as text; empty otherwise. */
    QByteArray toByteArray() const;
    /*! Integer, or a String holding a decimal integer; \a ok says which. */
    qint64 toInteger(bool *ok = nullptr) const;

    static RedisReply fromHiredis(const redisReply *reply);
    static RedisReply noReply(const QByteArray &why);
};

} // namespace Tagarela
