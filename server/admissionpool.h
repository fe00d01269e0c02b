// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>

class QObject;

namespace Tagarela {

/*!
 * A limited number of places for connections that wait for something to finish (a TLS
 * handshake, choosing a nickname), counted per addressKey() and in all.
 *
 * When a newcomer finds the places full, it takes the place of the oldest entry of the address
 * that holds the most of them (its own address, if that one is at its own limit), provided that
 * entry has waited at least minAgeMs; otherwise the newcomer is refused. So a few addresses
 * that fill the places with connections that never finish cannot keep newcomers from anywhere
 * else out, and a burst of newcomers does not push out connections that have only just begun.
 * Pure: the caller passes the time, and closes the entries it is told to.
 */
class AdmissionPool final
{
public:
    struct Limits
    {
        int total = 0; //!< places in all; 0: no limit
        int perAddress = 0; //!< places per addressKey(); 0: no limit
        qint64 minAgeMs = 0; //!< how long an entry has waited before it can lose its place
    };

    /*! The answer for a newcomer. */
    struct Decision
    {
        bool admit = true;
        QObject *evict = nullptr; //!< with admit: close and remove() this entry first
    };

    AdmissionPool() = default;
    explicit AdmissionPool(const Limits &limits);

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    /*!
     * Whether a newcomer from \a address at \a nowMs gets a place, and whose. \a full: the
     * server has no room anyway (its connection limit), so a place must be freed whatever the
     * counts here.
     */
    [[nodiscard]] Decision admit(const QHostAddress &address, qint64 nowMs,
                                 bool full = false) const;
    /*! Takes a place for \a entry from \a address at \a nowMs. */
    void add(QObject *entry, const QHostAddress &address, qint64 nowMs);
    /*! Gives \a entry's place back; nothing if it has none. */
    void remove(QObject *entry);

    bool contains(QObject *entry) const { return m_entries.contains(entry); }
    int size() const { return int(m_entries.size()); }
    int countFrom(const QHostAddress &address) const;
    /*! Entries, oldest first within each address. */
    QList<QObject *> entries() const;
    /*! At least half the places are taken: time to hurry the waiting. */
    bool isUnderPressure() const { return m_limits.total > 0 && 2 * size() >= m_limits.total; }

private:
    struct Entry
    {
        QHostAddress key;
        qint64 since = 0;
    };

    Decision evictIfOldEnough(QObject *entry, qint64 nowMs) const;

    Limits m_limits;
    QHash<QObject *, Entry> m_entries;
    QHash<QHostAddress, QList<QObject *>> m_byAddress; //!< oldest first
};

} // namespace Tagarela
