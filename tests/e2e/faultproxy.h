// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QStringList>
#include <QTcpServer>

class QTcpSocket;

namespace Tagarela::TestSupport {

/*!
 * A TCP proxy on 127.0.0.1 that cuts connections at random points: each connection it
 * relays gets, from a generator with a fixed seed, a number of bytes it lets through in each
 * direction; the byte after that is never delivered. At that point the proxy hands over what
 * came before (a frame may end half-way) and closes both sides. After maxCuts() cuts it only
 * relays, so that a test can converge.
 */
class FaultProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultProxy)

public:
    FaultProxy(const QHostAddress &upstreamAddress, quint16 upstreamPort, quint32 seed,
               QObject *parent = nullptr);
    ~FaultProxy() override;

    [[nodiscard]] bool listen();
    /*! Stops taking connections: new ones are refused (a server gone from its address). */
    void close() { m_listener.close(); }
    quint16 port() const { return m_listener.serverPort(); }

    /*! The bytes let through, client to server, are drawn from [\a min, \a max]. */
    void setUpstreamBudget(qint64 min, qint64 max);
    /*! The bytes let through, server to client, are drawn from [\a min, \a max]. */
    void setDownstreamBudget(qint64 min, qint64 max);
    void setMaxCuts(int cuts) { m_maxCuts = cuts; }
    int maxCuts() const { return m_maxCuts; }

    quint32 seed() const { return m_seed; }
    int connectionCount() const { return m_connections; }
    int cutCount() const { return int(m_cuts.size()); }
    /*! One line per cut: connection number, direction, bytes let through. */
    QStringList cuts() const { return m_cuts; }

private:
    struct Link;

    void onNewConnection();
    void relay(Link *link, bool upstream);
    void cut(Link *link, bool upstream);
    void closeLink(Link *link);

    QTcpServer m_listener;
    QHostAddress m_upstreamAddress;
    quint16 m_upstreamPort;
    quint32 m_seed;
    QRandomGenerator m_random;
    qint64 m_upMin = 0;
    qint64 m_upMax = 0;
    qint64 m_downMin = 0;
    qint64 m_downMax = 0;
    int m_maxCuts = 0;
    int m_connections = 0;
    QStringList m_cuts;
    QList<Link *> m_links;
};

} // namespace Tagarela::TestSupport
