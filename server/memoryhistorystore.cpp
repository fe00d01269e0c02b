// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "memoryhistorystore.h"

#include <utility>

namespace Tagarela {

MemoryHistoryStore::MemoryHistoryStore(int limit, QObject *parent)
    : HistoryStore(parent)
    , m_database(limit)
{ }

HistoryStore::Opened MemoryHistoryStore::open(int newest)
{
    Opened opened = openDatabase(m_database, newest);
    m_lastSeq = opened.lastSeq;
    return opened;
}

quint64 MemoryHistoryStore::append(QList<Message> messages, bool checkClientIds)
{
    const quint64 ticket = ++m_lastTicket;
    const Appended result =
        appendTo(m_database, &m_lastSeq, ticket, std::move(messages), checkClientIds);
    // Queued: the answer comes on a later turn, as from a store that writes to a disk, so the
    // caller is never called back from within its own call.
    QMetaObject::invokeMethod(
        this, [this, result] { Q_EMIT appended(result); }, Qt::QueuedConnection);
    return ticket;
}

quint64 MemoryHistoryStore::read(quint64 after, quint64 before, int max)
{
    Read result;
    result.ticket = ++m_lastTicket;
    result.messages = m_database.range(after, before, max);
    // Queued, as append().
    QMetaObject::invokeMethod(
        this, [this, result] { Q_EMIT readFinished(result); }, Qt::QueuedConnection);
    return result.ticket;
}

quint64 MemoryHistoryStore::search(const QString &query, quint64 before, int max,
                                   const QString &viewer)
{
    Read result;
    result.ticket = ++m_lastTicket;
    result.messages = m_database.search(query, before, max, viewer);
    // Queued, as append().
    QMetaObject::invokeMethod(
        this, [this, result] { Q_EMIT readFinished(result); }, Qt::QueuedConnection);
    return result.ticket;
}

} // namespace Tagarela
