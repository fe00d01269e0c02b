// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace Tagarela {

/*!
 * The addresses and subnets the host banned. Kept in a text file, one entry per line
 * ("192.0.2.7", "2001:db8::/32"; "#" starts a comment), written whole and atomically.
 */
class BanList final
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::BanList)

public:
    struct Entry
    {
        QHostAddress network; //!< with the host bits cleared
        int prefixLength = 0; //!< 32 or 128 for a single address

        /*! "192.0.2.7" for one address, "192.0.2.0/24" for a subnet. */
        QString toString() const;
        bool contains(const QHostAddress &address) const;
        friend bool operator==(const Entry &a, const Entry &b)
        {
            return a.prefixLength == b.prefixLength && a.network == b.network;
        }
    };

    /*!
     * Reads "ADDRESS" or "ADDRESS/PREFIX", IPv4 or IPv6. An IPv4 address written as IPv6
     * (::ffff:192.0.2.7) is taken as the IPv4 address, as connections are compared that way.
     */
    static std::optional<Entry> parse(const QString &text);

    /*! False if \a entry was there already. */
    bool add(const Entry &entry);
    /*! False if \a entry was not there. */
    bool remove(const Entry &entry);
    bool isBanned(const QHostAddress &address) const;
    QList<Entry> entries() const { return m_entries; }

    /*!
     * Replaces the list with the file at \a path. A missing file is an empty list. Lines that
     * cannot be read are skipped and described in \a problems; false if the file could not be
     * read at all.
     */
    [[nodiscard]] bool load(const QString &path, QStringList *problems);
    /*! Writes the list to \a path atomically (creating its directory); false with \a error. */
    [[nodiscard]] bool save(const QString &path, QString *error) const;

private:
    QList<Entry> m_entries;
};

} // namespace Tagarela
