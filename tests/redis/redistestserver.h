// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Tagarela {

/*!
 * A real redis-server for a test: on a unix socket in a temporary directory (no TCP port),
 * with the append-only file flushed on every write (appendfsync always) and no snapshots.
 * Stopped by PID (SIGTERM, then SIGKILL) when the object dies. It can be SIGKILLed and
 * started again on the same directory, to prove what survives, or on an emptied one.
 *
 * If redis-server is not installed, start() fails and says so: the tests must fail then, not
 * skip (scripts/install-deps.sh installs it).
 */
class RedisTestServer final
{
public:
    RedisTestServer();
    ~RedisTestServer();
    RedisTestServer(const RedisTestServer &) = delete;
    RedisTestServer &operator=(const RedisTestServer &) = delete;

    /*!
     * Starts redis-server with the standard options plus \a extraArgs (e.g. "--requirepass",
     * "secret") and waits, for a bounded time, until it answers PING. False, with
     * errorString(), if it is not installed or does not answer.
     */
    [[nodiscard]] bool start(const QStringList &extraArgs = {});
    /*! Starts it again on the same directory and options (after kill() or stop()). */
    [[nodiscard]] bool restart();
    /*! Deletes everything Redis stored, then restart(): a Redis that lost its data. */
    [[nodiscard]] bool restartEmpty();
    /*! SIGKILL: no chance to write anything more. Waits until the process is gone. */
    void kill();
    /*! SIGTERM, and SIGKILL if it has not exited within 10 s. */
    void stop();

    bool isRunning() const;
    qint64 pid() const;
    QString socketPath() const;
    /*! The address for RedisAddress::parse: "unix:" and the socket path. */
    QString url() const;
    QString errorString() const { return m_error; }

private:
    [[nodiscard]] bool launch();
    [[nodiscard]] bool answers() const;
    QString logTail() const;

    QTemporaryDir m_dir;
    QStringList m_extraArgs;
    QString m_password;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

} // namespace Tagarela
