// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "linetestclient.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

namespace Tagarela {

using namespace Qt::StringLiterals;

QString LineTestClient::prompt()
{
    return u"Choose a nickname:"_s;
}

QString LineTestClient::passwordPrompt()
{
    return u"Password:"_s;
}

LineTestClient::LineTestClient(quint16 port, QObject *parent)
    : QObject(parent)
    , m_port(port)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &LineTestClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_everConnected = true;
        // As a terminal would: each line out at once, not held back by Nagle's algorithm.
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    });
}

void LineTestClient::setTls(const QSslCertificate &serverCertificate)
{
    m_tls = true;
    m_socket.ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, serverCertificate),
                              QSslError(QSslError::HostNameMismatch, serverCertificate)});
}

bool LineTestClient::connectToServer(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState && m_tls)
        m_socket.connectToHostEncrypted(u"127.0.0.1"_s, m_port);
    else if (m_socket.state() == QAbstractSocket::UnconnectedState)
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
    return waitUntil([this] { return isConnected(); }, timeoutMs);
}

bool LineTestClient::join(const QString &nick, int timeoutMs)
{
    if (!connectToServer(timeoutMs))
        return false;
    sendLine(nick);
    return waitForLine(u"*** You are "_s + nick + u". "_s, timeoutMs);
}

void LineTestClient::sendLine(const QString &line, const QByteArray &ending)
{
    sendBytes(line.toUtf8() + ending);
}

void LineTestClient::sendBytes(const QByteArray &bytes)
{
    m_socket.write(bytes);
}

QStringList LineTestClient::linesContaining(const QString &part) const
{
    QStringList found;
    for (const QString &line : m_lines) {
        if (line.contains(part))
            found.append(line);
    }
    return found;
}

bool LineTestClient::waitForLine(const QString &part, int timeoutMs)
{
    return waitForLines(part, 1, timeoutMs);
}

bool LineTestClient::waitForLines(const QString &part, int count, int timeoutMs)
{
    return waitUntil([&] { return linesContaining(part).size() >= count; }, timeoutMs);
}

bool LineTestClient::waitForClosed(int timeoutMs)
{
    return waitUntil(
        [this] { return m_everConnected && m_socket.state() == QAbstractSocket::UnconnectedState; },
        timeoutMs);
}

bool LineTestClient::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    // Like QSignalSpy::wait(), but for a condition: no polling, no fixed sleeps. onReadyRead()
    // was connected first, so the lines are split by the time this checks them.
    QEventLoop loop;
    const auto check = [&] {
        if (done())
            loop.quit();
    };
    connect(&m_socket, &QTcpSocket::readyRead, &loop, check);
    connect(&m_socket, &QTcpSocket::stateChanged, &loop, check);
    connect(&m_socket, &QSslSocket::encrypted, &loop, check);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

void LineTestClient::onReadyRead()
{
    m_pending += m_socket.readAll();
    const QByteArray promptBytes = prompt().toUtf8() + ' ';
    const QByteArray passwordBytes = passwordPrompt().toUtf8() + ' ';
    for (;;) {
        if (m_pending.startsWith(promptBytes)) {
            m_lines.append(prompt());
            m_pending.remove(0, promptBytes.size());
            continue;
        }
        if (m_pending.startsWith(passwordBytes)) {
            m_lines.append(passwordPrompt());
            m_pending.remove(0, passwordBytes.size());
            continue;
        }
        const qsizetype end = m_pending.indexOf("\r\n");
        if (end < 0)
            break;
        m_lines.append(QString::fromUtf8(m_pending.left(end)));
        m_pending.remove(0, end + 2);
    }
}

} // namespace Tagarela
