// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>

class QTcpSocket;

namespace Tagarela {

class PendingConnection;

/*!
 * Accepts TCP connections and hands each one over as a socket ready for a session.
 *
 * Without TLS every connection is handed over at once as a QTcpSocket. With a TLS
 * configuration it first looks at the first byte the client sends, with recv(MSG_PEEK) on the
 * bare descriptor before any Qt socket reads from it, so nothing is consumed: 0x16 (a TLS
 * ClientHello) gets a QSslSocket that is handed over once its handshake is done; any other
 * byte, or silence for the detection timeout, a plain QTcpSocket. A connection still being
 * sorted or in its TLS handshake counts against caps of its own; over them it is closed
 * without a word.
 */
class Listener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    explicit Listener(QObject *parent = nullptr);
    ~Listener() override;

    /*!
     * Reads a PEM certificate (chain) and its PEM private key (RSA, EC or DSA, not encrypted)
     * into a server-side TLS configuration. On failure \a error says which file and why.
     */
    static std::optional<QSslConfiguration>
    loadTlsConfiguration(const QString &certificateFile, const QString &keyFile, QString *error);

    /*! Turns TLS on for connections that start with a TLS handshake. */
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool acceptsTls() const { return m_tls.has_value(); }
    /*! Silence after which a connection is handed over as plain (and silent). */
    void setDetectTimeout(int ms) { m_detectTimeoutMs = ms; }
    /*! Time from accept to the end of the TLS handshake. */
    void setHandshakeTimeout(int ms) { m_handshakeTimeoutMs = ms; }
    /*! Connections being sorted or in their TLS handshake: at most \a total, \a perAddress. */
    void setMaxInProgress(int total, int perAddress);
    /*! Connections accepted but not handed over yet. */
    int inProgressCount() const { return int(m_inProgress.size()); }
    /*! Drops the connections not handed over yet (when shutting down). */
    void abortInProgress();

Q_SIGNALS:
    /*!
     * A connection for a session, which takes ownership of \a socket. An encrypted one is a
     * QSslSocket whose handshake is done. \a silent: no byte arrived within the detection
     * timeout already, so it is a text client waiting for a greeting.
     */
    void connectionReady(QTcpSocket *socket, bool silent);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    friend class PendingConnection;
    void handOver(PendingConnection *pending, QTcpSocket *socket, bool silent);
    void release(PendingConnection *pending);

    std::optional<QSslConfiguration> m_tls;
    int m_detectTimeoutMs = 1000;
    int m_handshakeTimeoutMs = 10'000;
    int m_maxInProgress = 256;
    int m_maxInProgressPerAddress = 16;
    QSet<PendingConnection *> m_inProgress;
    QHash<QHostAddress, int> m_inProgressPerAddress;
};

} // namespace Tagarela
