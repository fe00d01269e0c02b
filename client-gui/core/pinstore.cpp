// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pinstore.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QSslCertificate>

#include "clientsettings.h"
namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

constexpr auto PinsKey = "certificatePins"_L1;
constexpr auto HostKey = "host"_L1;
constexpr auto PortKey = "port"_L1;
constexpr auto Sha256Key = "sha256"_L1;
constexpr int Sha256Size = 32;

bool sameServer(const QString &host, quint16 port, const QString &otherHost, quint16 otherPort)
{
    return port == otherPort && host.compare(otherHost, Qt::CaseInsensitive) == 0;
}

} // namespace

PinStore::PinStore(QSettings *settings)
    : m_settings(settings)
{
    if (!m_settings) {
        m_ownSettings =
            std::make_unique<QSettings>(ClientSettings::Organization, ClientSettings::Application);
        m_settings = m_ownSettings.get();
    }
}

PinStore::~PinStore() = default;

QList<PinStore::Pin> PinStore::read() const
{
    QList<Pin> pins;
    const int size = m_settings->beginReadArray(PinsKey);
    for (int i = 0; i < size && pins.size() < MaxPins; ++i) {
        m_settings->setArrayIndex(i);
        bool ok = false;
        const uint port = m_settings->value(PortKey).toUInt(&ok);
        const QByteArray sha256 =
            QByteArray::fromHex(m_settings->value(Sha256Key).toString().toLatin1());
        Pin pin {m_settings->value(HostKey).toString().trimmed(), quint16(port), sha256};
        // A damaged entry pins nothing rather than something wrong.
        if (!ok || port == 0 || port > 65535 || pin.host.isEmpty() || sha256.size() != Sha256Size)
            continue;
        pins.append(pin);
    }
    m_settings->endArray();
    return pins;
}

void PinStore::write(const QList<Pin> &pins)
{
    m_settings->remove(PinsKey);
    m_settings->beginWriteArray(PinsKey, int(pins.size()));
    for (int i = 0; i < pins.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(HostKey, pins.at(i).host);
        m_settings->setValue(PortKey, pins.at(i).port);
        m_settings->setValue(Sha256Key, QString::fromLatin1(pins.at(i).sha256.toHex()));
    }
    m_settings->endArray();
}

QByteArray PinStore::pin(const QString &host, quint16 port) const
{
    for (const Pin &pin : read()) {
        if (sameServer(pin.host, pin.port, host.trimmed(), port))
            return pin.sha256;
    }
    return {};
}

void PinStore::setPin(const QString &host, quint16 port, const QByteArray &sha256)
{
    if (host.trimmed().isEmpty() || port == 0 || sha256.size() != Sha256Size)
        return;
    QList<Pin> pins = read();
    pins.removeIf(
        [&](const Pin &pin) { return sameServer(pin.host, pin.port, host.trimmed(), port); });
    pins.append({host.trimmed(), port, sha256});
    while (pins.size() > MaxPins)
        pins.removeFirst();
    write(pins);
}

void PinStore::removePin(const QString &host, quint16 port)
{
    QList<Pin> pins = read();
    if (pins.removeIf([&](const Pin &pin) { return sameServer(pin.host, pin.port, host, port); }) >
        0)
        write(pins);
}

QByteArray PinStore::fingerprint(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
}

QString PinStore::format(const QByteArray &digest, int perLine)
{
    QString text;
    for (qsizetype i = 0; i < digest.size(); ++i) {
        if (i > 0)
            text += perLine > 0 && i % perLine == 0 ? u'\n' : u':';
        text += QString::fromLatin1(QByteArray(1, digest.at(i)).toHex().toUpper());
    }
    return text;
}

} // namespace Tagarela
