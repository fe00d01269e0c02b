// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "listener.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <QBasicTimer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkInterface>
#include <QPointer>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTimerEvent>

#include "addresskey.h"
#include "connection.h"
#include "protocol.h"
#include "serverlogging.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

QHostAddress peerAddressOf(qintptr descriptor)
{
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return Connection::plainAddress(QHostAddress(reinterpret_cast<const sockaddr *>(&storage)));
}

QString describe(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']'
                                                               : address.toString();
}

} // namespace

/*!
 * One accepted descriptor while the listener decides what it is, and then, for TLS, while its
 * handshake runs. No Q_OBJECT: it needs no signals of its own.
 */
class PendingConnection final : public QObject
{
public:
    PendingConnection(Listener *listener, qintptr descriptor, const QHostAddress &address)
        : QObject(listener)
        , m_listener(listener)
        , m_descriptor(descriptor)
        , m_address(address)
    {
        m_clock.start();
        m_timer.start(std::max(listener->m_detectTimeoutMs, 1), this);
        m_notifier = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &PendingConnection::onReadable);
    }

    ~PendingConnection() override
    {
        // Still ours only while nothing was decided; afterwards a socket owns it.
        if (m_descriptor >= 0)
            ::close(int(m_descriptor));
    }

    QHostAddress address() const { return m_address; }
    /*! Still waiting for its first byte (not in a TLS handshake). */
    bool isSorting() const { return m_sorting; }

    void abort()
    {
        if (m_tlsSocket)
            m_tlsSocket->abort();
        m_listener->release(this);
    }

    /*!
     * A TLS client the server has no room for: a TLS alert says so in the only way it can
     * understand before a handshake (internal_error: try again later), then it is closed.
     */
    void refuseTls()
    {
        stopWatching();
        m_timer.stop();
        const int descriptor = int(m_descriptor);
        // What arrived of the ClientHello is read first: closing with unread bytes would send
        // a reset, which can overtake the alert.
        char discard[4096];
        for (int i = 0; i < 4; ++i) {
            const ssize_t received = ::recv(descriptor, discard, sizeof discard, MSG_DONTWAIT);
            if (received <= 0 && !(received < 0 && errno == EINTR))
                break;
        }
        const char alert[] = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50};
        (void)::send(descriptor, alert, sizeof alert, MSG_NOSIGNAL | MSG_DONTWAIT);
        ::shutdown(descriptor, SHUT_WR);
        abort();
    }

protected:
    void timerEvent(QTimerEvent *event) override
    {
        if (event->timerId() != m_timer.timerId()) {
            QObject::timerEvent(event);
            return;
        }
        m_timer.stop();
        if (!m_tlsSocket) {
            // Silence: a text client waiting to be greeted. It must not wait a second time.
            handOverPlain(true);
            return;
        }
        qCInfo(lcServer).noquote() << Listener::tr("TLS handshake with %1 did not finish in time")
                                          .arg(describe(m_address));
        abort();
    }

private:
    void onReadable()
    {
        char first = 0;
        ssize_t received;
        do {
            // MSG_PEEK: the byte stays in the kernel for whichever socket reads it next.
            received = ::recv(int(m_descriptor), &first, 1, MSG_PEEK | MSG_DONTWAIT);
        } while (received < 0 && errno == EINTR);
        if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (received <= 0) {
            // Closed or reset before saying anything: nothing to tell it.
            abort();
            return;
        }
        if (first != Protocol::TlsHandshakeByte)
            handOverPlain(false);
        else if (m_listener->admitHandshake(this))
            startTls();
        else
            refuseTls();
    }

    void stopWatching()
    {
        // Before a Qt socket takes the descriptor: it installs a notifier of its own.
        delete m_notifier;
        m_notifier = nullptr;
    }

    void handOverPlain(bool silent)
    {
        stopWatching();
        m_timer.stop();
        auto *connection = new Connection(m_descriptor);
        m_descriptor = -1;
        m_listener->handOver(this, connection, silent);
    }

    void startTls()
    {
        stopWatching();
        m_sorting = false;
        m_tlsSocket = new QSslSocket(this);
        m_tlsSocket->setSslConfiguration(*m_listener->m_tls);
        if (!m_tlsSocket->setSocketDescriptor(m_descriptor)) {
            abort();
            return;
        }
        m_descriptor = -1;
        connect(m_tlsSocket, &QSslSocket::encrypted, this, [this] {
            m_timer.stop();
            m_tlsSocket->disconnect(this);
            QSslSocket *socket = m_tlsSocket;
            m_tlsSocket = nullptr;
            m_listener->handOver(this, new Connection(socket, Connection::Role::Server), false);
        });
        connect(m_tlsSocket, &QSslSocket::errorOccurred, this, [this] {
            qCInfo(lcServer).noquote() << Listener::tr("TLS handshake with %1 failed: %2")
                                              .arg(describe(m_address), m_tlsSocket->errorString());
            abort();
        });
        // The rest of the handshake timeout, counted from accept.
        const qint64 left = m_listener->m_handshakeTimeoutMs - m_clock.elapsed();
        m_timer.start(int(std::max<qint64>(left, 1)), this);
        m_tlsSocket->startServerEncryption();
    }

    Listener *m_listener;
    qintptr m_descriptor;
    QHostAddress m_address;
    QSocketNotifier *m_notifier = nullptr;
    QPointer<QSslSocket> m_tlsSocket;
    QBasicTimer m_timer; //!< the detection timeout, then the TLS handshake timeout
    QElapsedTimer m_clock;
    bool m_sorting = true;
};

Listener::Listener(QObject *parent)
    : QTcpServer(parent)
{
    m_clock.start();
}

Listener::~Listener()
{
    abortInProgress();
}

std::optional<QSslConfiguration> Listener::loadTlsConfiguration(const QString &certificateFile,
                                                                const QString &keyFile,
                                                                QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = tr("this build of Qt cannot do TLS (its OpenSSL backend or libssl3 is missing)");
        return std::nullopt;
    }
    QFile certificate(certificateFile);
    if (!certificate.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the TLS certificate %1: %2")
                     .arg(certificateFile, certificate.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain =
        QSslCertificate::fromData(certificate.read(1024 * 1024), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull()) {
        *error = tr("%1 holds no PEM certificate").arg(certificateFile);
        return std::nullopt;
    }
    QFile key(keyFile);
    if (!key.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the TLS key %1: %2").arg(keyFile, key.errorString());
        return std::nullopt;
    }
    const QByteArray keyBytes = key.read(1024 * 1024);
    QSslKey privateKey;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        privateKey = QSslKey(keyBytes, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!privateKey.isNull())
            break;
    }
    if (privateKey.isNull()) {
        *error = tr("%1 holds no private key that can be read (PEM, RSA, EC or DSA, without a "
                    "passphrase)")
                     .arg(keyFile);
        return std::nullopt;
    }
    if (chain.constFirst().expiryDate() < QDateTime::currentDateTimeUtc()) {
        qCWarning(lcServer).noquote()
            << tr("The TLS certificate %1 expired on %2; clients that check it will refuse it")
                   .arg(certificateFile, chain.constFirst().expiryDate().toString(Qt::ISODate));
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(privateKey);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    // Clients are not asked for certificates: the password says who may come in.
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

void Listener::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tls = configuration;
}

void Listener::setMaxSorting(int total, int perAddress)
{
    m_maxSorting = total;
    m_maxSortingPerAddress = perAddress;
}

void Listener::setHandshakeLimits(int total, int perAddress, int minAgeMs)
{
    m_handshakes.setLimits({total, perAddress, minAgeMs});
}

bool Listener::admitHandshake(PendingConnection *pending)
{
    const qint64 now = m_clock.elapsed();
    const AdmissionPool::Decision place = m_handshakes.admit(pending->address(), now);
    if (!place.admit) {
        qCWarning(lcServer).noquote()
            << tr("Too many TLS handshakes in progress (%1 from %2); refusing a new one")
                   .arg(m_handshakes.size())
                   .arg(describe(pending->address()));
        return false;
    }
    if (auto *victim = static_cast<PendingConnection *>(place.evict)) {
        qCInfo(lcServer).noquote() << tr("Closing the slowest TLS handshake, with %1, to make room")
                                          .arg(describe(victim->address()));
        victim->abort();
    }
    leaveSorting(pending);
    m_handshakes.add(pending, pending->address(), now);
    return true;
}

void Listener::leaveSorting(PendingConnection *pending)
{
    if (!pending->isSorting())
        return;
    --m_sorting;
    const QHostAddress key = addressKey(pending->address());
    if (--m_sortingPerAddress[key] <= 0)
        m_sortingPerAddress.remove(key);
}

void Listener::abortInProgress()
{
    // PendingConnection has no meta-object of its own: findChildren() cannot tell it apart.
    const QSet<PendingConnection *> pending = m_inProgress;
    for (PendingConnection *connection : pending)
        connection->abort();
}

bool Listener::listenReusingPort(const QHostAddress &address, quint16 port, QString *error)
{
    const auto fail = [error](const QString &what) {
        *error = tr("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    };
    // Any is the dual-stack address, as QTcpServer binds it: IPv6 that takes IPv4 too.
    const bool any = address == QHostAddress(QHostAddress::Any);
    const bool ipv6 = any || address.protocol() == QAbstractSocket::IPv6Protocol;
    sockaddr_storage storage {};
    socklen_t length = 0;
    if (ipv6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        if (!any) {
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
            // A link-local address's zone, by number or by interface name (fe80::1%eth0).
            const QString scope = address.scopeId();
            bool numeric = false;
            const uint index = scope.toUInt(&numeric);
            in6->sin6_scope_id =
                numeric ? index : uint(QNetworkInterface::interfaceIndexFromName(scope));
        }
        length = sizeof(sockaddr_in6);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const int descriptor = ::socket(storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
    // A machine without IPv6 cannot make the dual-stack "any" socket: IPv4 only, then.
    if (descriptor < 0 && any && errno == EAFNOSUPPORT)
        return listenReusingPort(QHostAddress::AnyIPv4, port, error);
    if (descriptor < 0)
        return fail(tr("cannot create a socket"));
    const auto failAndClose = [&](const QString &what) {
        const int saved = errno;
        ::close(descriptor);
        errno = saved;
        return fail(what);
    };
    const int on = 1;
    const int off = 0;
    // SO_REUSEADDR as QTcpServer sets it: a restart binds despite connections in TIME_WAIT.
    if (::setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
        ::setsockopt(descriptor, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0) {
        return failAndClose(tr("cannot set SO_REUSEPORT"));
    }
    if (ipv6 &&
        ::setsockopt(descriptor, IPPROTO_IPV6, IPV6_V6ONLY, any ? &off : &on, sizeof on) != 0) {
        return failAndClose(tr("cannot set IPV6_V6ONLY"));
    }
    if (::bind(descriptor, reinterpret_cast<const sockaddr *>(&storage), length) != 0)
        return failAndClose(tr("cannot bind"));
    if (::listen(descriptor, listenBacklogSize()) != 0)
        return failAndClose(tr("cannot listen"));
    if (!setSocketDescriptor(descriptor)) {
        ::close(descriptor);
        *error = errorString();
        return false;
    }
    return true;
}

void Listener::incomingConnection(qintptr descriptor)
{
    if (!m_tls) {
        Q_EMIT connectionReady(new Connection(descriptor), false);
        return;
    }
    const QHostAddress address = peerAddressOf(descriptor);
    const QHostAddress key = addressKey(address);
    if ((m_maxSorting > 0 && m_sorting >= m_maxSorting) ||
        (m_maxSortingPerAddress > 0 && m_sortingPerAddress.value(key) >= m_maxSortingPerAddress)) {
        // No room to wait for its first byte: it goes on as a plain connection, whose limits
        // tell it why if it cannot stay. (A TLS client among them is closed by its session.)
        qCDebug(lcServer).noquote() << "Too many connections being sorted; taking one from"
                                    << describe(address) << "as plain";
        Q_EMIT connectionReady(new Connection(descriptor), false);
        return;
    }
    ++m_sorting;
    ++m_sortingPerAddress[key];
    m_inProgress.insert(new PendingConnection(this, descriptor, address));
}

void Listener::handOver(PendingConnection *pending, Connection *connection, bool silent)
{
    release(pending);
    Q_EMIT connectionReady(connection, silent);
}

void Listener::release(PendingConnection *pending)
{
    if (!m_inProgress.remove(pending))
        return;
    leaveSorting(pending);
    m_handshakes.remove(pending);
    pending->deleteLater();
}

} // namespace Tagarela
