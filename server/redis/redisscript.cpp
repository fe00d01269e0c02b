// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisscript.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include "redislogging.h"

using namespace Qt::StringLiterals;

namespace Tagarela {

RedisScript::RedisScript(const QString &resourcePath)
    : m_name(QFileInfo(resourcePath).fileName())
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = u"cannot read the Redis script %1: %2 (is tagarela_add_redis_scripts() "
                  "called for this program?)"_s.arg(resourcePath, file.errorString());
        return;
    }
    m_source = file.readAll();
    if (m_source.isEmpty())
        m_error = u"the Redis script %1 is empty"_s.arg(resourcePath);
    m_sha1 = QCryptographicHash::hash(m_source, QCryptographicHash::Sha1).toHex();
}

void RedisScript::load(RedisConnection *connection, const QObject *context,
                       RedisConnection::ReplyHandler done) const
{
    const QByteArray sha1 = m_sha1;
    const QString name = m_name;
    connection->command({"SCRIPT", "LOAD", m_source}, context,
                        [sha1, name, done = std::move(done)](const RedisReply &reply) {
                            if (!reply.failed() && reply.text != sha1) {
                                qCCritical(lcRedis) << "Redis gave" << name << "the SHA-1"
                                                    << reply.text << "instead of" << sha1;
                            }
                            if (done)
                                done(reply);
                        });
}

void RedisScript::run(RedisConnection *connection, const QList<QByteArray> &keys,
                      const QList<QByteArray> &args, const QObject *context,
                      RedisConnection::ReplyHandler done, int timeoutMs) const
{
    QList<QByteArray> command {"EVALSHA", m_sha1, QByteArray::number(keys.size())};
    command += keys;
    command += args;
    const QByteArray source = m_source;
    const QString name = m_name;
    QPointer<const QObject> guard(context);
    connection->command(
        command, context,
        [connection, command, source, name, guard, done = std::move(done),
         timeoutMs](const RedisReply &reply) {
            if (!reply.isError("NOSCRIPT")) {
                done(reply);
                return;
            }
            // Redis lost its scripts (SCRIPT FLUSH). Load and run again, in this order on
            // the same connection, so nothing can come between.
            qCInfo(lcRedis) << "Redis had forgotten" << name << "- loading it again";
            connection->command({"SCRIPT", "LOAD", source}, guard, {}, timeoutMs);
            connection->command(command, guard, done, timeoutMs);
        },
        timeoutMs);
}

} // namespace Tagarela
