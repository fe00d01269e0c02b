// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redistestserver.h"

#include <csignal>

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include <hiredis/hiredis.h>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace Tagarela {

namespace {
constexpr int StartTimeoutMs = 30'000;
constexpr int StopTimeoutMs = 10'000;
} // namespace

RedisTestServer::RedisTestServer()
    : m_dir(QDir::tempPath() + u"/tagarela-redis-XXXXXX"_s)
{ }

RedisTestServer::~RedisTestServer()
{
    stop();
}

bool RedisTestServer::start(const QStringList &extraArgs)
{
    m_extraArgs = extraArgs;
    const qsizetype pass = extraArgs.indexOf(u"--requirepass"_s);
    m_password = pass >= 0 && pass + 1 < extraArgs.size() ? extraArgs.at(pass + 1) : QString();
    return launch();
}

bool RedisTestServer::restart()
{
    stop();
    return launch();
}

bool RedisTestServer::restartEmpty()
{
    stop();
    const QStringList entries =
        QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (entry == "redis.log"_L1)
            continue;
        const QString path = m_dir.filePath(entry);
        if (QFileInfo(path).isDir())
            QDir(path).removeRecursively();
        else
            QFile::remove(path);
    }
    return launch();
}

bool RedisTestServer::launch()
{
    m_error.clear();
    if (!m_dir.isValid()) {
        m_error = u"cannot make a temporary directory: "_s + m_dir.errorString();
        return false;
    }
    const QString program = QStandardPaths::findExecutable(u"redis-server"_s);
    if (program.isEmpty()) {
        m_error = u"redis-server is not installed (not on PATH): the Redis engine's tests need "
                  "a real Redis. Install it with scripts/install-deps.sh (Debian package "
                  "redis-server)."_s;
        return false;
    }
    QStringList args {
        u"--port"_s,
        u"0"_s,
        u"--unixsocket"_s,
        socketPath(),
        u"--unixsocketperm"_s,
        u"700"_s,
        u"--dir"_s,
        m_dir.path(),
        u"--appendonly"_s,
        u"yes"_s,
        u"--appendfsync"_s,
        u"always"_s,
        u"--save"_s,
        QString(),
        u"--daemonize"_s,
        u"no"_s,
        u"--logfile"_s,
        m_dir.filePath(u"redis.log"_s),
    };
    args += m_extraArgs;
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(program);
    m_process->setArguments(args);
    m_process->setStandardOutputFile(m_dir.filePath(u"redis.out"_s), QIODevice::Append);
    m_process->setStandardErrorFile(m_dir.filePath(u"redis.out"_s), QIODevice::Append);
    m_process->start();
    if (!m_process->waitForStarted(StartTimeoutMs)) {
        m_error = u"redis-server did not start: "_s + m_process->errorString();
        return false;
    }
    const bool ready = QTest::qWaitFor(
        [this] { return m_process->state() != QProcess::Running || answers(); }, StartTimeoutMs);
    if (!ready || m_process->state() != QProcess::Running) {
        m_error = u"redis-server did not answer on %1 within %2 ms. Its log:\n%3"_s.arg(
            socketPath(), QString::number(StartTimeoutMs), logTail());
        stop();
        return false;
    }
    return true;
}

bool RedisTestServer::answers() const
{
    // The blocking client, on a local socket with a short timeout: only for this probe.
    const timeval timeout {0, 200'000};
    redisContext *context =
        redisConnectUnixWithTimeout(socketPath().toLocal8Bit().constData(), timeout);
    if (!context)
        return false;
    bool ok = false;
    if (!context->err) {
        if (!m_password.isEmpty()) {
            const QByteArray password = m_password.toUtf8();
            auto *reply = static_cast<redisReply *>(
                redisCommand(context, "AUTH %b", password.constData(), size_t(password.size())));
            if (reply)
                freeReplyObject(reply);
        }
        auto *reply = static_cast<redisReply *>(redisCommand(context, "PING"));
        ok = reply && reply->type == REDIS_REPLY_STATUS && QByteArray(reply->str) == "PONG";
        if (reply)
            freeReplyObject(reply);
    }
    redisFree(context);
    return ok;
}

void RedisTestServer::kill()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    if (!QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; },
                         StopTimeoutMs))
        qWarning("redis-server %lld is still there after SIGKILL", m_process->processId());
    m_process.reset();
}

void RedisTestServer::stop()
{
    if (!isRunning()) {
        m_process.reset();
        return;
    }
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; },
                         StopTimeoutMs)) {
        kill();
    }
    m_process.reset();
}

bool RedisTestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 RedisTestServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString RedisTestServer::socketPath() const
{
    return m_dir.filePath(u"redis.sock"_s);
}

QString RedisTestServer::url() const
{
    return u"unix:"_s + socketPath();
}

QString RedisTestServer::logTail() const
{
    QString tail;
    for (const QString &name : {u"redis.out"_s, u"redis.log"_s}) {
        QFile file(m_dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            tail += QString::fromLocal8Bit(file.readAll().right(4000));
    }
    return tail;
}

} // namespace Tagarela
