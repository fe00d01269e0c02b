// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

class QSettings;
class QSslCertificate;

namespace Tagarela {

/*!
 * Why a TLS connection stopped at the certificate: it is not signed by an authority this
 * computer trusts and either nothing is pinned for the server yet (first use) or another
 * certificate is. Empty (isNull()) when the last attempt had no such problem.
 */
struct CertificateProblem
{
    QString host;
    quint16 port = 0;
    QByteArray fingerprint; //!< SHA-256 of the certificate offered now
    QByteArray pinned; //!< SHA-256 trusted before for this server; empty on first use
    QString subject; //!< its common name, for display
    QDateTime expiry;
    QStringList errors; //!< what verification said, for display

    bool isNull() const { return fingerprint.isEmpty(); }
    bool isChange() const { return !pinned.isEmpty(); }
};

/*!
 * The certificates the user chose to trust, one per server (host and port), as SSH keeps
 * known hosts: kept in QSettings as SHA-256 fingerprints. No widgets.
 */
class PinStore final
{
    Q_DISABLE_COPY_MOVE(PinStore)

public:
    /*! Most servers kept; the least recently pinned goes first. */
    static constexpr int MaxPins = 200;

    /*! Uses \a settings, or the application's own QSettings file when it is null. */
    explicit PinStore(QSettings *settings = nullptr);
    ~PinStore();

    /*! The SHA-256 fingerprint pinned for \a host : \a port (host ignoring case), or empty. */
    QByteArray pin(const QString &host, quint16 port) const;
    /*! Pins \a sha256 for \a host : \a port, replacing what was pinned. */
    void setPin(const QString &host, quint16 port, const QByteArray &sha256);
    void removePin(const QString &host, quint16 port);

    /*! SHA-256 of \a certificate in DER form, as `openssl x509 -fingerprint -sha256` computes. */
    static QByteArray fingerprint(const QSslCertificate &certificate);
    /*! "AB:01:..." (upper-case hex pairs), as openssl prints it; \a perLine > 0 breaks lines. */
    static QString format(const QByteArray &digest, int perLine = 0);

private:
    struct Pin
    {
        QString host;
        quint16 port = 0;
        QByteArray sha256;
    };
    QList<Pin> read() const;
    void write(const QList<Pin> &pins);

    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings = nullptr;
};

} // namespace Tagarela

Q_DECLARE_METATYPE(Tagarela::CertificateProblem)
