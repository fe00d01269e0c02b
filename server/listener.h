// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>

#include "admissionpool.h"

namespace Tagarela {

class Connection;
class PendingConnection;

/*!
 * Accepts TCP connections and hands each one over as a Connection ready for a session.
 *
 * Without TLS every connection is handed over at once as a Connection that owns the bare
 * descriptor (no QTcpSocket). With a TLS configuration it first looks at the first byte the
 * client sends, with recv(MSG_PEEK) on the bare descriptor, so nothing is consumed: 0x16 (a
 * TLS ClientHello) gets a QSslSocket that is handed over in a Connection once its handshake is
 * done; any other byte, or silence for the detection timeout, a plain one. Connections waiting for
 * their first byte, and TLS handshakes, have limits of their own (setMaxSorting(),
 * setHandshakeLimits()): plain clients never wait behind stalled TLS handshakes.
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
    /*!
     * Connections waiting for their first byte: at most \a total, \a perAddress. Past that, a
     * connection is handed over at once as plain.
     */
    void setMaxSorting(int total, int perAddress);
    /*!
     * TLS handshakes in progress: at most \a total, \a perAddress (per addressKey()). When
     * they are full, a new one takes the place of one that has run at least \a minAgeMs (see
     * AdmissionPool), or is refused with a TLS alert.
     */
    void setHandshakeLimits(int total, int perAddress, int minAgeMs);
    /*! Connections accepted but not handed over yet. */
    int inProgressCount() const { return int(m_inProgress.size()); }
    /*! TLS handshakes in progress. */
    int handshakeCount() const { return m_handshakes.size(); }
    /*! Drops the connections not handed over yet (when shutting down). */
    void abortInProgress();
    /*!
     * Like listen(), but the socket has SO_REUSEPORT: other processes (or listeners) that set
     * it too may bind the same address and port, and the kernel spreads new connections among
     * them. QTcpServer cannot set an option before it binds, so the socket is made here and
     * handed over with setSocketDescriptor(). The backlog is listenBacklogSize(). False, with
     * \a error saying why (as the system said it), if it cannot be bound.
     */
    [[nodiscard]] bool listenReusingPort(const QHostAddress &address, quint16 port, QString *error);

Q_SIGNALS:
    /*!
     * A server-side connection, not started, for a session, which takes ownership of
     * \a connection. An encrypted one runs over a QSslSocket whose handshake is done.
     * \a silent: no byte arrived within the detection timeout already, so it is a text client
     * waiting for a greeting.
     */
    void connectionReady(Tagarela::Connection *connection, bool silent);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    friend class PendingConnection;
    void handOver(PendingConnection *pending, Connection *connection, bool silent);
    void release(PendingConnection *pending);
    /*! \a pending starts with 0x16: whether it may start its TLS handshake. */
    [[nodiscard]] bool admitHandshake(PendingConnection *pending);
    void leaveSorting(PendingConnection *pending);

    std::optional<QSslConfiguration> m_tls;
    int m_detectTimeoutMs = 1000;
    int m_handshakeTimeoutMs = 10'000;
    int m_maxSorting = 256;
    int m_maxSortingPerAddress = 16;
    QSet<PendingConnection *> m_inProgress; //!< every connection not handed over yet
    int m_sorting = 0; //!< of those, the ones waiting for their first byte
    QHash<QHostAddress, int> m_sortingPerAddress; //!< per addressKey()
    AdmissionPool m_handshakes; //!< the ones in their TLS handshake
    QElapsedTimer m_clock;
};

} // namespace Tagarela
