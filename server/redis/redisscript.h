// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "redisconnection.h"

namespace Tagarela {

/*!
 * A Lua script from the executable's resources (tagarela_add_redis_scripts in CMake puts
 * server/redis/\*.lua under :/redis/), run by its SHA-1 with EVALSHA. Redis forgets scripts
 * when it restarts or on SCRIPT FLUSH: a NOSCRIPT answer loads it again (SCRIPT LOAD) and
 * runs it once more, which is safe because NOSCRIPT means it did not run.
 */
class RedisScript final
{
public:
    /*! Reads \a resourcePath, as ":/redis/append.lua". */
    explicit RedisScript(const QString &resourcePath);

    /*! The file was found and is not empty; errorString() says why not. */
    bool isValid() const { return !m_source.isEmpty(); }
    QString errorString() const { return m_error; }
    QString name() const { return m_name; }
    QByteArray source() const { return m_source; }
    /*! The SHA-1 of the source, in hex, as SCRIPT LOAD answers and EVALSHA takes it. */
    QByteArray sha1() const { return m_sha1; }

    /*!
     * SCRIPT LOAD on \a connection; \a done gets the reply (the SHA-1, or why not). Call it
     * once per connection, when it connects.
     */
    void load(RedisConnection *connection, const QObject *context,
              RedisConnection::ReplyHandler done) const;
    /*! EVALSHA with \a keys and \a args, loading the script again on NOSCRIPT. */
    void run(RedisConnection *connection, const QList<QByteArray> &keys,
             const QList<QByteArray> &args, const QObject *context,
             RedisConnection::ReplyHandler done, int timeoutMs = 0) const;

private:
    QString m_name;
    QByteArray m_source;
    QByteArray m_sha1;
    QString m_error;
};

} // namespace Tagarela
