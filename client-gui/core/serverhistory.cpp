// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverhistory.h"

#include <QSettings>

#include "clientsettings.h"
#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

constexpr auto ServersKey = "recentServers"_L1;
constexpr auto HostKey = "host"_L1;
constexpr auto PortKey = "port"_L1;
constexpr auto TlsKey = "tls"_L1;
constexpr auto NickKey = "lastNick"_L1;

} // namespace

ServerHistory::ServerHistory(QSettings *settings)
    : m_settings(settings)
{
    if (!m_settings) {
        m_ownSettings =
            std::make_unique<QSettings>(ClientSettings::Organization, ClientSettings::Application);
        m_settings = m_ownSettings.get();
    }
}

ServerHistory::~ServerHistory() = default;

QList<ServerHistory::Server> ServerHistory::recentServers() const
{
    QList<Server> servers;
    const int size = m_settings->beginReadArray(ServersKey);
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        bool ok = false;
        const uint port = m_settings->value(PortKey).toUInt(&ok);
        Server server {m_settings->value(HostKey).toString().trimmed(), quint16(port),
                       m_settings->value(TlsKey, false).toBool()};
        // Skip what a hand-edited or damaged file holds rather than offer it.
        if (!ok || port == 0 || port > 65535 || server.host.isEmpty() || servers.contains(server))
            continue;
        servers.append(server);
        if (servers.size() == MaxServers)
            break;
    }
    m_settings->endArray();
    return servers;
}

void ServerHistory::addServer(const QString &host, quint16 port, bool tls)
{
    const Server added {host.trimmed(), port, tls};
    if (added.host.isEmpty() || port == 0)
        return;
    QList<Server> servers = recentServers();
    servers.removeAll(added);
    servers.prepend(added);
    if (servers.size() > MaxServers)
        servers.resize(MaxServers);

    m_settings->remove(ServersKey);
    m_settings->beginWriteArray(ServersKey, int(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(HostKey, servers.at(i).host);
        m_settings->setValue(PortKey, servers.at(i).port);
        m_settings->setValue(TlsKey, servers.at(i).tls);
    }
    m_settings->endArray();
}

std::optional<ServerHistory::Server> ServerHistory::find(const QString &host, quint16 port) const
{
    const Server wanted {host.trimmed(), port};
    for (const Server &server : recentServers()) {
        if (server == wanted)
            return server;
    }
    return std::nullopt;
}

std::optional<ServerHistory::Server> ServerHistory::lastServer() const
{
    const QList<Server> servers = recentServers();
    if (servers.isEmpty())
        return std::nullopt;
    return servers.first();
}

QString ServerHistory::lastNick() const
{
    const QString saved = m_settings->value(NickKey).toString();
    if (Validation::checkNick(saved) == NickProblem::None)
        return saved;
    return defaultNick();
}

void ServerHistory::setLastNick(const QString &nick)
{
    m_settings->setValue(NickKey, nick);
}

QString ServerHistory::defaultNick()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return nickFromUserName(name);
}

QString ServerHistory::nickFromUserName(const QString &name)
{
    if (Validation::checkNick(name) == NickProblem::None)
        return name;
    const QString suggestion = Validation::suggestNick(name, [](const QString &) { return false; });
    // Nothing is taken, so the suggestion is the cleaned name plus "2": a number the user never
    // typed. Drop it when the cleaned name is valid by itself ("joão silva" -> "joãosilva").
    if (suggestion.endsWith(u'2')) {
        const QString cleaned = suggestion.chopped(1);
        if (Validation::checkNick(cleaned) == NickProblem::None)
            return cleaned;
    }
    return suggestion;
}

} // namespace Tagarela
