// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "memoryhistorydatabase.h"

#include <algorithm>

namespace Tagarela {

MemoryHistoryDatabase::MemoryHistoryDatabase(int limit)
    : m_limit(std::max(0, limit))
    , m_historyId(newHistoryId())
{ }

bool MemoryHistoryDatabase::append(const QList<Message> &messages)
{
    for (const Message &message : messages) {
        m_lastSeq = std::max(m_lastSeq, message.seq);
        if (m_limit > 0)
            m_messages.push_back(message);
    }
    while (m_messages.size() > size_t(m_limit))
        m_messages.pop_front();
    return true;
}

QList<Message> MemoryHistoryDatabase::range(quint64 after, quint64 before, int max)
{
    const auto bySeq = [](const Message &m, quint64 seq) {
        return m.seq < seq;
    };
    const auto first = std::lower_bound(m_messages.cbegin(), m_messages.cend(), after + 1, bySeq);
    const auto last = std::lower_bound(first, m_messages.cend(), before, bySeq);
    const auto count = std::min<ptrdiff_t>(last - first, std::max(0, max));
    return QList<Message>(last - count, last);
}

std::optional<Message> MemoryHistoryDatabase::findClientId(const QString &clientId)
{
    const auto found = std::find_if(m_messages.crbegin(), m_messages.crend(),
                                    [&](const Message &m) { return m.clientId == clientId; });
    if (found == m_messages.crend())
        return std::nullopt;
    return *found;
}

QList<Message> MemoryHistoryDatabase::search(const QString &query, quint64 before, int max,
                                             const QString &viewer)
{
    // A plain scan, newest first: memory holds test-sized histories.
    QList<Message> newestFirst;
    for (auto it = m_messages.crbegin(); it != m_messages.crend() && newestFirst.size() < max;
         ++it) {
        if (it->seq < before && it->text.contains(query, Qt::CaseInsensitive) &&
            isVisibleTo(*it, viewer)) {
            newestFirst.append(*it);
        }
    }
    return QList<Message>(newestFirst.crbegin(), newestFirst.crend());
}

} // namespace Tagarela
