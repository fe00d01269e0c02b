// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QCoreApplication>
#include <QString>

namespace Tagarela {

/*!
 * Where a Redis server is: `redis://HOST[:PORT][/DB]` (TCP, port 6379 by default) or
 * `unix:/PATH/redis.sock` (a unix socket, database 0, or `unix:/PATH/redis.sock?db=N`).
 * Passwords never appear here: they come from a file or the environment.
 */
struct RedisAddress
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::RedisAddress)

public:
    enum class Kind { Tcp, Unix };

    static constexpr quint16 DefaultPort = 6379;

    Kind kind = Kind::Tcp;
    QString host; //!< TCP: a name, an IPv4 address or an IPv6 address (without brackets)
    quint16 port = DefaultPort; //!< TCP
    QString socketPath; //!< unix: an absolute path
    int db = 0; //!< the database SELECTed after connecting

    /*!
     * Parses \a url. On error returns nothing and sets \a error to a sentence for the user
     * that names what is wrong.
     */
    static std::optional<RedisAddress> parse(const QString &url, QString *error);
    /*! The address written as parse() reads it. */
    QString toString() const;
};

} // namespace Tagarela
