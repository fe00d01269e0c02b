// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QList>
#include <QString>

class QSettings;

namespace Tagarela {

/*!
 * The servers the user connected to lately and the nickname they used last, kept in QSettings
 * (organization "Tagarela", application "tagarela") so that the connect dialog can offer them.
 */
class ServerHistory final
{
    Q_DISABLE_COPY_MOVE(ServerHistory)

public:
    struct Server
    {
        QString host;
        quint16 port = 0;
        bool tls = false; //!< connect with TLS; not part of what makes two servers equal

        friend bool operator==(const Server &a, const Server &b)
        {
            return a.port == b.port && a.host.compare(b.host, Qt::CaseInsensitive) == 0;
        }
        friend bool operator!=(const Server &a, const Server &b) { return !(a == b); }
    };

    static constexpr int MaxServers = 10;

    /*! Uses \a settings, or the application's own QSettings file when it is null. */
    explicit ServerHistory(QSettings *settings = nullptr);
    ~ServerHistory();

    /*! Most recent first, at most MaxServers, no two equal (host compared ignoring case). */
    QList<Server> recentServers() const;
    /*!
     * Puts \a host : \a port first, dropping an earlier entry for the same server, and
     * remembers whether it was reached with \a tls. Passwords are never kept.
     */
    void addServer(const QString &host, quint16 port, bool tls = false);
    /*! The entry for \a host : \a port, if there is one. */
    std::optional<Server> find(const QString &host, quint16 port) const;
    /*! The server connected to last, if any. */
    std::optional<Server> lastServer() const;

    /*! The nickname used last or, if none is saved, defaultNick(). */
    QString lastNick() const;
    void setLastNick(const QString &nick);

    /*! The system user name, made into a valid nickname. */
    static QString defaultNick();
    /*! \a name if it is a valid nickname, otherwise a valid one made from it. */
    static QString nickFromUserName(const QString &name);

private:
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings = nullptr;
};

} // namespace Tagarela
