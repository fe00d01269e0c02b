// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QString>
#include <QTemporaryDir>

namespace Tagarela {

/*!
 * A throw-away self-signed certificate and its key, made by the openssl command in a
 * temporary directory (EC P-256: quick to make). Each instance is a different certificate.
 */
class TestCertificate final
{
    Q_DISABLE_COPY_MOVE(TestCertificate)

public:
    explicit TestCertificate(const QString &commonName = QStringLiteral("127.0.0.1"));

    bool isValid() const { return !m_certificate.isNull(); }
    /*! What went wrong making it, for QVERIFY2. */
    QString errorString() const { return m_error; }
    QString certificateFile() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString keyFile() const { return m_dir.filePath(QStringLiteral("key.pem")); }
    QSslCertificate certificate() const { return m_certificate; }
    /*! SHA-256 of the DER certificate. */
    QByteArray sha256() const;

private:
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QString m_error;
};

} // namespace Tagarela
