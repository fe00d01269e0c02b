// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Tagarela {

/*! One place a server listens: a host name or address, and a port. */
struct ServerAddress
{
    QString host; //!< a name, an IPv4 address, or an IPv6 address without brackets
    quint16 port = 0;
    bool portGiven = false; //!< the text named the port (not the default)

    /*! "host:port", "[v6::address]:port". */
    QString toString() const;

    friend bool operator==(const ServerAddress &a, const ServerAddress &b)
    {
        return a.port == b.port && a.host.compare(b.host, Qt::CaseInsensitive) == 0;
    }
    friend bool operator!=(const ServerAddress &a, const ServerAddress &b) { return !(a == b); }
};

/*!
 * Reads where to connect as the user writes it: one server, or several that serve the same
 * room, "host1:3000, host2:3000" (commas or spaces between them). Each is "host",
 * "host:port", "[v6-address]", "[v6-address]:port", or a bare IPv6 address (taken whole); an
 * entry without a port gets the default.
 */
class ServerAddressList final
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::ServerAddressList)

public:
    /*! The most addresses one list may hold. */
    static constexpr int MaxAddresses = 16;

    struct Parsed
    {
        QList<ServerAddress> addresses; //!< in the order given, without repeats
        QString error; //!< why the text cannot be used; empty if it can
        bool isValid() const { return error.isEmpty(); }
    };

    /*! Reads \a text; entries without a port get \a defaultPort. */
    static Parsed parse(const QString &text, quint16 defaultPort);
    /*!
     * The list written back, "a:3000, b" (ports as given: an entry without one still follows
     * the default).
     */
    static QString format(const QList<ServerAddress> &addresses);
};

} // namespace Tagarela
