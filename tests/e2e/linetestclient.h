// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QObject>
#include <QSslCertificate>
#include <QSslSocket>
#include <QString>
#include <QStringList>

namespace Tagarela {

/*!
 * A text client, as telnet or nc would be: a raw socket to 127.0.0.1 whose input is split
 * into lines. The server's nickname and password prompts have no line end; each is kept as a
 * line of its own (without its trailing space) as soon as it is complete. With setTls() it is
 * an encrypted text client, as `openssl s_client` would be.
 */
class LineTestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineTestClient)

public:
    static constexpr int DefaultTimeoutMs = 5000;
    /*! The server's prompt, as kept in lines(). */
    static QString prompt();
    /*! The server's password prompt, as kept in lines(). */
    static QString passwordPrompt();

    explicit LineTestClient(quint16 port, QObject *parent = nullptr);

    /*! Connects over TLS, accepting \a serverCertificate and nothing else. Before connecting. */
    void setTls(const QSslCertificate &serverCertificate);

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

    /*! Connected and, with TLS, encrypted. */
    bool isConnected() const
    {
        return m_socket.state() == QAbstractSocket::ConnectedState &&
            (!m_tls || m_socket.isEncrypted());
    }
    /*! Waits until the server has closed the connection. */
    [[nodiscard]] bool waitForClosed(int timeoutMs = DefaultTimeoutMs);
    QSslSocket &socket() { return m_socket; }

private:
    // Runs the event loop until done() holds, checking it whenever the socket has news.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);
    void onReadyRead();

    quint16 m_port;
    bool m_tls = false;
    // A QSslSocket that stays unencrypted unless setTls() was called.
    QSslSocket m_socket;
    QByteArray m_pending;
    QStringList m_lines;
    bool m_everConnected = false;
};

} // namespace Tagarela
