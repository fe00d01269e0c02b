// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcertificate.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>

namespace Tagarela {

using namespace Qt::StringLiterals;

TestCertificate::TestCertificate(const QString &commonName)
{
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return;
    }
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                   u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                   u"/CN="_s + commonName, u"-keyout"_s, keyFile(), u"-out"_s, certificateFile()});
    // A child process, not a socket: waiting for it is the simple and bounded way.
    if (!openssl.waitForFinished(60'000) || openssl.exitCode() != 0) {
        m_error = u"openssl req failed (is the openssl command installed?): "_s +
            openssl.errorString() + u' ' + QString::fromUtf8(openssl.readAll());
        return;
    }
    QFile file(certificateFile());
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = file.errorString();
        return;
    }
    m_certificate = QSslCertificate(file.readAll(), QSsl::Pem);
    if (m_certificate.isNull())
        m_error = u"openssl wrote no readable certificate"_s;
}

QByteArray TestCertificate::sha256() const
{
    return m_certificate.digest(QCryptographicHash::Sha256);
}

} // namespace Tagarela
