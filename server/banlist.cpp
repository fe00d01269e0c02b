// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "banlist.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "connection.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {
// A ban list is a handful of lines; a larger file is not one.
constexpr qint64 MaxFileSize = 4 * 1024 * 1024;

int fullLength(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
}
} // namespace

QString BanList::Entry::toString() const
{
    const QString address = network.toString();
    return prefixLength == fullLength(network) ? address
                                               : address + u'/' + QString::number(prefixLength);
}

bool BanList::Entry::contains(const QHostAddress &address) const
{
    return Connection::plainAddress(address).isInSubnet(network, prefixLength);
}

std::optional<BanList::Entry> BanList::parse(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty() || text.contains(u' '))
        return std::nullopt;
    const qsizetype slash = text.indexOf(u'/');
    QHostAddress address;
    if (!address.setAddress(slash < 0 ? text : text.left(slash)) || address.isNull())
        return std::nullopt;
    // No zone ids (fe80::1%eth0): they do not survive a restart in any useful way.
    if (!address.scopeId().isEmpty())
        return std::nullopt;
    int prefix = fullLength(address);
    if (slash >= 0) {
        bool ok = false;
        prefix = text.mid(slash + 1).toInt(&ok);
        if (!ok || prefix < 0 || prefix > fullLength(address))
            return std::nullopt;
    }
    // ::ffff:a.b.c.d/n names the IPv4 network a.b.c.d/(n-96).
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    if (isIPv4 && address.protocol() == QAbstractSocket::IPv6Protocol) {
        if (prefix < 96)
            return std::nullopt;
        address = QHostAddress(ipv4);
        prefix -= 96;
    }
    const auto subnet =
        QHostAddress::parseSubnet(address.toString() + u'/' + QString::number(prefix));
    if (subnet.first.isNull())
        return std::nullopt;
    return Entry {subnet.first, subnet.second};
}

bool BanList::add(const Entry &entry)
{
    if (m_entries.contains(entry))
        return false;
    m_entries.append(entry);
    return true;
}

bool BanList::remove(const Entry &entry)
{
    return m_entries.removeAll(entry) > 0;
}

bool BanList::isBanned(const QHostAddress &address) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [&](const Entry &entry) { return entry.contains(address); });
}

bool BanList::load(const QString &path, QStringList *problems)
{
    m_entries.clear();
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(tr("cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    if (file.size() > MaxFileSize) {
        problems->append(tr("%1 is too large to be a ban list").arg(path));
        return false;
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = QString::fromUtf8(lines.at(i));
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const std::optional<Entry> entry = parse(line);
        if (!entry) {
            problems->append(tr("%1, line %2: \"%3\" is not an address or subnet; skipped")
                                 .arg(path)
                                 .arg(i + 1)
                                 .arg(line.left(80)));
            continue;
        }
        add(*entry);
    }
    return true;
}

bool BanList::save(const QString &path, QString *error) const
{
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory)) {
        *error = tr("cannot create the directory %1").arg(directory);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QByteArray text = "# Tagarela bans: one address or subnet per line. The server's /ban and "
                      "/unban rewrite this file.\n";
    for (const Entry &entry : m_entries)
        text += entry.toString().toUtf8() + '\n';
    file.write(text);
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace Tagarela
