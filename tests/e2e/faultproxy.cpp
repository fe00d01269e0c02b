// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultproxy.h"

#include <QTcpSocket>

namespace Tagarela::TestSupport {

using namespace Qt::StringLiterals;

// One relayed connection: the client's socket, the one to the server, and how many bytes
// each direction still lets through (-1: no limit).
struct FaultProxy::Link
{
    int number = 0;
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> server;
    qint64 upLeft = -1;
    qint64 downLeft = -1;
    QByteArray early; //!< from the client before the server connection is up
    bool closed = false;
};

FaultProxy::FaultProxy(const QHostAddress &upstreamAddress, quint16 upstreamPort, quint32 seed,
                       QObject *parent)
    : QObject(parent)
    , m_upstreamAddress(upstreamAddress)
    , m_upstreamPort(upstreamPort)
    , m_seed(seed)
    , m_random(seed)
{
    connect(&m_listener, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    for (Link *link : std::as_const(m_links)) {
        for (QTcpSocket *socket : {link->client.data(), link->server.data()}) {
            if (socket) {
                socket->disconnect(this);
                socket->abort();
                delete socket;
            }
        }
        delete link;
    }
}

bool FaultProxy::listen()
{
    return m_listener.listen(QHostAddress::LocalHost, 0);
}

void FaultProxy::setUpstreamBudget(qint64 min, qint64 max)
{
    m_upMin = min;
    m_upMax = max;
}

void FaultProxy::setDownstreamBudget(qint64 min, qint64 max)
{
    m_downMin = min;
    m_downMax = max;
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        auto *link = new Link;
        link->number = ++m_connections;
        // Drawn for every connection, in the order they come, whether used or not: the same
        // seed gives the same budgets to the same connection numbers.
        const qint64 up = m_upMax > 0 ? m_random.bounded(m_upMin, m_upMax + 1) : -1;
        const qint64 down = m_downMax > 0 ? m_random.bounded(m_downMin, m_downMax + 1) : -1;
        if (m_cuts.size() < m_maxCuts) {
            link->upLeft = up;
            link->downLeft = down;
        }
        link->client = client;
        client->setParent(this);
        auto *server = new QTcpSocket(this);
        link->server = server;
        m_links.append(link);

        connect(client, &QTcpSocket::readyRead, this, [this, link] { relay(link, true); });
        connect(server, &QTcpSocket::readyRead, this, [this, link] { relay(link, false); });
        connect(server, &QTcpSocket::connected, this, [this, link] {
            if (link->closed || !link->server)
                return;
            link->server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            relay(link, true);
        });
        connect(client, &QTcpSocket::disconnected, this, [this, link] { closeLink(link); });
        connect(server, &QTcpSocket::disconnected, this, [this, link] { closeLink(link); });
        connect(client, &QTcpSocket::errorOccurred, this, [this, link] { closeLink(link); });
        connect(server, &QTcpSocket::errorOccurred, this, [this, link] { closeLink(link); });
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        server->connectToHost(m_upstreamAddress, m_upstreamPort);
    }
}

void FaultProxy::relay(Link *link, bool upstream)
{
    if (link->closed)
        return;
    QTcpSocket *from = upstream ? link->client : link->server;
    QTcpSocket *to = upstream ? link->server : link->client;
    if (!from || !to)
        return;
    if (upstream && to->state() != QAbstractSocket::ConnectedState) {
        link->early += from->readAll();
        return;
    }
    QByteArray bytes = from->readAll();
    if (upstream && !link->early.isEmpty())
        bytes.prepend(std::exchange(link->early, {}));
    if (bytes.isEmpty())
        return;
    qint64 &left = upstream ? link->upLeft : link->downLeft;
    if (left >= 0 && bytes.size() >= left) {
        to->write(bytes.left(left));
        cut(link, upstream);
        return;
    }
    if (left >= 0)
        left -= bytes.size();
    to->write(bytes);
}

void FaultProxy::cut(Link *link, bool upstream)
{
    const qint64 through = upstream ? link->upLeft : link->downLeft;
    m_cuts.append(u"connection %1: cut %2 after %3 bytes"_s.arg(link->number)
                      .arg(upstream ? u"client to server"_s : u"server to client"_s)
                      .arg(through));
    closeLink(link);
}

void FaultProxy::closeLink(Link *link)
{
    if (link->closed)
        return;
    link->closed = true;
    // What was written goes out first (a half frame, maybe), then the end of the stream.
    for (QTcpSocket *socket : {link->client.data(), link->server.data()}) {
        if (socket) {
            socket->disconnect(this);
            socket->disconnectFromHost();
        }
    }
}

} // namespace Tagarela::TestSupport
