// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admissionpool.h"

#include "addresskey.h"

namespace Tagarela {

AdmissionPool::AdmissionPool(const Limits &limits)
    : m_limits(limits)
{ }

AdmissionPool::Decision AdmissionPool::admit(const QHostAddress &address, qint64 nowMs,
                                             bool full) const
{
    const auto own = m_byAddress.constFind(addressKey(address));
    if (m_limits.perAddress > 0 && own != m_byAddress.cend() &&
        own->size() >= m_limits.perAddress) {
        return evictIfOldEnough(own->constFirst(), nowMs);
    }
    if (!full && (m_limits.total <= 0 || size() < m_limits.total))
        return {};
    // The address holding the most places gives one up; among equals, the longest waiting.
    QObject *victim = nullptr;
    qsizetype most = 0;
    qint64 oldest = 0;
    for (const QList<QObject *> &entries : m_byAddress) {
        const qint64 since = m_entries.value(entries.constFirst()).since;
        if (entries.size() > most || (entries.size() == most && since < oldest)) {
            victim = entries.constFirst();
            most = entries.size();
            oldest = since;
        }
    }
    if (!victim)
        return {false, nullptr};
    return evictIfOldEnough(victim, nowMs);
}

AdmissionPool::Decision AdmissionPool::evictIfOldEnough(QObject *entry, qint64 nowMs) const
{
    if (nowMs - m_entries.value(entry).since < m_limits.minAgeMs)
        return {false, nullptr};
    return {true, entry};
}

void AdmissionPool::add(QObject *entry, const QHostAddress &address, qint64 nowMs)
{
    if (m_entries.contains(entry))
        return;
    const QHostAddress key = addressKey(address);
    m_entries.insert(entry, Entry {key, nowMs});
    m_byAddress[key].append(entry);
}

void AdmissionPool::remove(QObject *entry)
{
    const auto found = m_entries.constFind(entry);
    if (found == m_entries.cend())
        return;
    const auto group = m_byAddress.find(found->key);
    group->removeOne(entry);
    if (group->isEmpty())
        m_byAddress.erase(group);
    m_entries.erase(found);
}

int AdmissionPool::countFrom(const QHostAddress &address) const
{
    return int(m_byAddress.value(addressKey(address)).size());
}

QList<QObject *> AdmissionPool::entries() const
{
    QList<QObject *> all;
    all.reserve(m_entries.size());
    for (const QList<QObject *> &entries : m_byAddress)
        all.append(entries);
    return all;
}

} // namespace Tagarela
