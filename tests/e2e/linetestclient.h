// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTcpSocket>

namespace Tagarela {

/*!
 * A text client, as telnet or nc would be: a raw socket to 127.0.0.1 whose input is split
 * into lines. The server's nickname prompt has no line end; it is kept as a line of its own
 * (without its trailing space) as soon as it is complete.
 */
class LineTestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineTestClient)

public:
    static constexpr int DefaultTimeoutMs = 5000;
    /*! The server's prompt, as kept in lines(). */
    static QString prompt();

    explicit LineTestClient(quint16 port, QObject *parent = nullptr);

    /*! Connects without sending anything. False if not connected in time. */
    [[nodiscard]] bool connectToServer(int timeoutMs = DefaultTimeoutMs);
    /*! Connects if needed, sends \a nick and waits for the server to confirm it. */
    [[nodiscard]] bool join(const QString &nick, int timeoutMs = DefaultTimeoutMs);

    /*! Sends \a line in UTF-8 followed by \a ending. */
    void sendLine(const QString &line, const QByteArray &ending = QByteArrayLiteral("\r\n"));
    void sendBytes(const QByteArray &bytes);

    /*! Every complete line received, without line ends. */
    const QStringList &lines() const { return m_lines; }
    /*! Lines containing \a part. */
    QStringList linesContaining(const QString &part) const;
    /*! Waits until a line containing \a part has arrived (it may have already). */
    [[nodiscard]] bool waitForLine(const QString &part, int timeoutMs = DefaultTimeoutMs);
    /*! Waits until \a count lines contain \a part. */
    [[nodiscard]] bool waitForLines(const QString &part, int count,
                                    int timeoutMs = DefaultTimeoutMs);

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    /*! Waits until the server has closed the connection. */
    [[nodiscard]] bool waitForClosed(int timeoutMs = DefaultTimeoutMs);
    QTcpSocket &socket() { return m_socket; }

private:
    // Runs the event loop until done() holds, checking it whenever the socket has news.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);
    void onReadyRead();

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_pending;
    QStringList m_lines;
    bool m_everConnected = false;
};

} // namespace Tagarela
