// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelog.h"

#include <algorithm>

namespace Tagarela {

MessageLog::MessageLog(std::unique_ptr<HistoryStore> store, int cacheSize)
    : m_store(std::move(store))
    , m_cacheSize(size_t(std::max(0, cacheSize)))
{ }

bool MessageLog::open()
{
    if (m_open)
        return true;
    if (!m_store->open())
        return false;
    m_lastSeq = std::max(m_lastSeq, m_store->lastSeq());

    // One read serves both: the newest messages for joins, their client-ids for resends.
    const int wanted = std::max(int(m_cacheSize) + 1, RememberedClientIds);
    const QList<Message> newest = m_store->latest(wanted);
    m_clientIdsComplete = newest.size() < RememberedClientIds;
    for (const Message &message : newest) {
        if (!message.clientId.isEmpty())
            rememberClientId(message.clientId, message.seq, message.time);
    }
    m_cache.clear();
    const auto cached = std::min<qsizetype>(newest.size(), qsizetype(m_cacheSize));
    m_cache.insert(m_cache.end(), newest.cend() - cached, newest.cend());
    m_cacheComplete = newest.size() <= qsizetype(m_cacheSize);
    m_open = true;
    return true;
}

bool MessageLog::append(QList<Message> &messages)
{
    for (Message &message : messages)
        message.seq = ++m_lastSeq;
    ++m_commits;
    if (!m_store->append(messages))
        return false;
    for (const Message &message : std::as_const(messages))
        remember(message);
    return true;
}

void MessageLog::remember(const Message &message)
{
    if (!message.clientId.isEmpty())
        rememberClientId(message.clientId, message.seq, message.time);
    if (m_cacheSize == 0)
        return;
    m_cache.push_back(message);
    if (m_cache.size() > m_cacheSize) {
        m_cache.pop_front();
        m_cacheComplete = false;
    }
}

void MessageLog::rememberClientId(const QString &clientId, quint64 seq, qint64 time)
{
    if (m_clientIds.contains(clientId))
        return;
    m_clientIds.insert(clientId, Acked {seq, time});
    m_clientIdOrder.push_back(clientId);
    if (m_clientIdOrder.size() > size_t(RememberedClientIds)) {
        m_clientIds.remove(m_clientIdOrder.front());
        m_clientIdOrder.pop_front();
        m_clientIdsComplete = false;
    }
}

std::optional<Message> MessageLog::ackFor(const QString &clientId)
{
    const auto found = m_clientIds.constFind(clientId);
    if (found != m_clientIds.cend())
        return Message::ack(clientId, found->seq, found->time);
    if (m_clientIdsComplete)
        return std::nullopt;
    const std::optional<Message> stored = m_store->findClientId(clientId);
    if (!stored)
        return std::nullopt;
    return Message::ack(clientId, stored->seq, stored->time);
}

MessageLog::Page MessageLog::page(quint64 after, quint64 before, int max)
{
    Page page;
    if (max <= 0)
        return page;
    const auto bySeq = [](const Message &m, quint64 seq) {
        return m.seq < seq;
    };
    const auto first = std::lower_bound(m_cache.cbegin(), m_cache.cend(), after + 1, bySeq);
    const auto last = std::lower_bound(first, m_cache.cend(), before, bySeq);
    const auto inCache = last - first;
    // The cache is the newest part of the store without gaps: it has the whole answer if it
    // holds more than asked for, or everything there is, or reaches down to "after".
    if (inCache > max || m_cacheComplete || first != m_cache.cbegin()) {
        const auto count = std::min<ptrdiff_t>(inCache, max);
        page.messages = QList<Message>(last - count, last);
        page.more = inCache > max;
        return page;
    }
    page.messages = m_store->range(after, before, max + 1);
    if (page.messages.size() > max) {
        page.messages.removeFirst();
        page.more = true;
    }
    return page;
}

namespace {

qint64 utf8Length(QStringView text)
{
    qint64 bytes = 0;
    for (const QChar c : text)
        bytes += c.unicode() < 0x80 ? 1 : (c.unicode() < 0x800 || c.isSurrogate() ? 2 : 3);
    return bytes;
}

} // namespace

void MessageLog::trimToBytes(Page *page, qint64 maxBytes)
{
    // Keys, numbers and CBOR heads of one chat in a history frame: about 60 bytes.
    constexpr qint64 Overhead = 64;
    qint64 total = 0;
    qsizetype keep = 0;
    for (auto it = page->messages.crbegin(); it != page->messages.crend(); ++it) {
        total += Overhead + utf8Length(it->text) + utf8Length(it->from) + it->clientId.size();
        if (total > maxBytes && keep > 0)
            break;
        ++keep;
    }
    if (keep < page->messages.size()) {
        page->messages.remove(0, page->messages.size() - keep);
        page->more = true;
    }
}

QList<Message> MessageLog::frames(const Page &page, quint64 before, int perFrame)
{
    QList<Message> frames;
    const qsizetype total = page.messages.size();
    qsizetype start = 0;
    do {
        const qsizetype count = std::min<qsizetype>(perFrame, total - start);
        const bool end = start + count >= total;
        frames.append(
            Message::history(page.messages.mid(start, count), before, end, end && page.more));
        start += count;
    } while (start < total);
    return frames;
}

} // namespace Tagarela
