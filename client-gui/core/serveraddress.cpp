// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveraddress.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

bool isHostName(const QString &host)
{
    // Letters of any script (internationalised names), digits, dots, hyphens, underscores.
    static const QRegularExpression name(u"^[\\p{L}\\p{N}._-]+$"_s,
                                         QRegularExpression::UseUnicodePropertiesOption);
    return name.match(host).hasMatch() && !host.startsWith(u'.') && !host.startsWith(u'-');
}

bool isIpv6(const QString &host)
{
    QHostAddress address;
    return address.setAddress(host) && address.protocol() == QAbstractSocket::IPv6Protocol;
}

} // namespace

QString ServerAddress::toString() const
{
    const QString name = host.contains(u':') ? u'[' + host + u']' : host;
    return name + u':' + QString::number(port);
}

ServerAddressList::Parsed ServerAddressList::parse(const QString &text, quint16 defaultPort)
{
    static const QRegularExpression separators(u"[,\\s]+"_s);
    Parsed result;
    const QStringList entries = text.split(separators, Qt::SkipEmptyParts);
    if (entries.isEmpty()) {
        result.error = tr("Enter the server's host name or address.");
        return result;
    }
    for (const QString &entry : entries) {
        ServerAddress address;
        QString portText;
        bool hasPort = false;
        if (entry.contains(u"://"_s)) {
            result.error = tr("\"%1\": write the host name alone, without a scheme such as tcp://.")
                               .arg(entry);
            return result;
        }
        if (entry.startsWith(u'[')) {
            const qsizetype close = entry.indexOf(u']');
            if (close < 0) {
                result.error =
                    tr("\"%1\": the ] that ends the IPv6 address is missing.").arg(entry);
                return result;
            }
            address.host = entry.mid(1, close - 1);
            const QString rest = entry.mid(close + 1);
            if (!isIpv6(address.host)) {
                result.error = tr("\"%1\": between [ and ] goes an IPv6 address.").arg(entry);
                return result;
            }
            if (!rest.isEmpty()) {
                if (!rest.startsWith(u':')) {
                    result.error =
                        tr("\"%1\": only a port, after a colon, may follow the ].").arg(entry);
                    return result;
                }
                portText = rest.mid(1);
                hasPort = true;
            }
        } else if (entry.count(u':') > 1) {
            // Several colons: an IPv6 address without a port.
            address.host = entry;
            if (!isIpv6(entry)) {
                result.error =
                    tr("\"%1\" is not an IPv6 address (with a port, write it as [address]:port).")
                        .arg(entry);
                return result;
            }
        } else {
            const qsizetype colon = entry.indexOf(u':');
            address.host = colon < 0 ? entry : entry.left(colon);
            if (colon >= 0) {
                portText = entry.mid(colon + 1);
                hasPort = true;
            }
            if (address.host.isEmpty()) {
                result.error = tr("\"%1\": the host name is missing before the port.").arg(entry);
                return result;
            }
            if (!isHostName(address.host)) {
                result.error = tr("\"%1\" is not a host name or address.").arg(address.host);
                return result;
            }
        }
        address.port = defaultPort;
        if (hasPort) {
            bool ok = false;
            const uint port = portText.toUInt(&ok);
            if (!ok || port < 1 || port > 65535) {
                result.error = tr("\"%1\": the port must be a number from 1 to 65535.").arg(entry);
                return result;
            }
            address.port = quint16(port);
            address.portGiven = true;
        }
        if (result.addresses.contains(address))
            continue;
        if (result.addresses.size() == MaxAddresses) {
            result.error = tr("Too many servers: at most %n.", nullptr, MaxAddresses);
            return result;
        }
        result.addresses.append(address);
    }
    return result;
}

QString ServerAddressList::format(const QList<ServerAddress> &addresses)
{
    QStringList parts;
    for (const ServerAddress &address : addresses) {
        if (address.portGiven)
            parts.append(address.toString());
        else
            parts.append(address.host.contains(u':') ? u'[' + address.host + u']' : address.host);
    }
    return parts.join(u", "_s);
}

} // namespace Tagarela
