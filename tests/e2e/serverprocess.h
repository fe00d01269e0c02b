// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Tagarela {

/*!
 * The server binary run as a child process, its output collected as it comes. The child gets
 * the test's environment minus QT_LOGGING_RULES (the test runner silences the project's logs,
 * but these tests read the server's console) and with a C locale, so its text is English.
 * Unless the arguments name a --data-dir, it gets a temporary one of its own: tests never
 * write into the user's data directory.
 */
class ServerProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProcess)

public:
    static constexpr int DefaultTimeoutMs = 10'000;

    explicit ServerProcess(QString program, QObject *parent = nullptr);
    ~ServerProcess() override;

    /*!
     * Starts the program with \a arguments (and a temporary --data-dir unless they have one);
     * false if it could not be started.
     */
    [[nodiscard]] bool start(const QStringList &arguments, int timeoutMs = DefaultTimeoutMs);
    /*!
     * Starts the server on 127.0.0.1 with \a extraArguments and waits for its "listening"
     * line. With --port 0 the kernel picks a free port, read back from that line: no race
     * with other programs for a port chosen in advance.
     */
    [[nodiscard]] bool startListening(const QStringList &extraArguments = {},
                                      int timeoutMs = DefaultTimeoutMs);
    /*! The port from the "listening" line; 0 before it. */
    quint16 port() const { return m_port; }

    /*! Writes \a line and a newline to the program's standard input. */
    void writeLine(const QString &line);

    /*! Waits until the program has ended. */
    [[nodiscard]] bool waitForFinished(int timeoutMs = DefaultTimeoutMs);
    [[nodiscard]] bool waitForStandardError(const QString &part, int timeoutMs = DefaultTimeoutMs);
    [[nodiscard]] bool waitForStandardOutput(const QString &part, int timeoutMs = DefaultTimeoutMs);

    QString standardError() const { return QString::fromUtf8(m_stderr); }
    QString standardOutput() const { return QString::fromUtf8(m_stdout); }
    bool isFinished() const { return m_finished; }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    QProcess &process() { return m_process; }

private:
    QTemporaryDir m_dataDir;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    quint16 m_port = 0;
    bool m_finished = false;
};

} // namespace Tagarela
