// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprocess.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

namespace Tagarela {

using namespace Qt::StringLiterals;

ServerProcess::ServerProcess(QString program, QObject *parent)
    : QObject(parent)
{
    m_process.setProgram(std::move(program));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"QT_LOGGING_RULES"_s);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.insert(u"LANGUAGE"_s, u"en"_s);
    m_process.setProcessEnvironment(environment);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_stdout += m_process.readAllStandardOutput(); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_process.readAllStandardError(); });
    connect(&m_process, &QProcess::finished, this, [this] {
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
        m_finished = true;
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            m_finished = true;
    });
}

ServerProcess::~ServerProcess()
{
    // A test that failed half-way must not leave a server running.
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(DefaultTimeoutMs);
    }
}

bool ServerProcess::start(const QStringList &arguments, int timeoutMs)
{
    QStringList all = arguments;
    if (!arguments.contains(u"--data-dir"_s) && m_dataDir.isValid())
        all = QStringList {u"--data-dir"_s, m_dataDir.path()} + arguments;
    m_process.setArguments(all);
    m_process.start();
    return QTest::qWaitFor([this] { return m_process.state() == QProcess::Running || m_finished; },
                           timeoutMs) &&
        (m_process.state() == QProcess::Running || m_process.error() != QProcess::FailedToStart);
}

bool ServerProcess::startListening(const QStringList &extraArguments, int timeoutMs)
{
    if (!start(QStringList {u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s} + extraArguments,
               timeoutMs)) {
        return false;
    }
    static const QRegularExpression listening(u"listening on \\S+ port (\\d+)"_s);
    QRegularExpressionMatch match;
    const bool seen = QTest::qWaitFor(
        [&] {
            match = listening.match(standardError());
            return match.hasMatch() || m_finished;
        },
        timeoutMs);
    if (!seen || !match.hasMatch())
        return false;
    m_port = match.captured(1).toUShort();
    return m_port != 0;
}

void ServerProcess::writeLine(const QString &line)
{
    m_process.write(line.toUtf8() + '\n');
}

bool ServerProcess::waitForFinished(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_finished; }, timeoutMs);
}

bool ServerProcess::waitForStandardError(const QString &part, int timeoutMs)
{
    return QTest::qWaitFor([&] { return standardError().contains(part); }, timeoutMs);
}

bool ServerProcess::waitForStandardOutput(const QString &part, int timeoutMs)
{
    return QTest::qWaitFor([&] { return standardOutput().contains(part); }, timeoutMs);
}

} // namespace Tagarela
