// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelog.h"

#include <algorithm>
#include <utility>

#include "serverconfig.h"

namespace Tagarela {

MessageLog::MessageLog(std::unique_ptr<HistoryStore> store, int cacheSize)
    : m_store(std::move(store))
    , m_cacheSize(size_t(std::max(0, cacheSize)))
{
    QObject::connect(m_store.get(), &HistoryStore::appended, m_store.get(),
                     [this](const HistoryStore::Appended &result) { onAppended(result); });
    QObject::connect(m_store.get(), &HistoryStore::readFinished, m_store.get(),
                     [this](const HistoryStore::Read &result) { onRead(result); });
}

MessageLog::~MessageLog() = default;

int MessageLog::cacheSizeFor(const ServerConfig &config)
{
    return config.noHistory ? 0 : std::min(config.historyLimit, CacheSize);
}

bool MessageLog::open()
{
    if (m_open)
        return true;
    // One read serves both: the newest messages for joins, their client-ids for resends.
    const int wanted = std::max(int(m_cacheSize) + 1, RememberedClientIds);
    const HistoryStore::Opened opened = m_store->open(wanted);
    if (!opened.ok) {
        m_error = opened.error;
        return false;
    }
    m_historyId = opened.historyId;
    m_lastSeq = std::max(m_lastSeq, opened.lastSeq);
    const QList<Message> &newest = opened.newest;
    m_clientIdsComplete = newest.size() < RememberedClientIds;
    for (const Message &message : newest) {
        if (!message.clientId.isEmpty())
            rememberClientId(message.clientId, message.seq, message.time);
    }
    m_segments.clear();
    m_cacheBegin = m_cacheEnd = 0;
    // Only what the cache keeps: the rest of the list is not held on to.
    const auto count = std::min<qsizetype>(newest.size(), qsizetype(m_cacheSize));
    cache(newest.mid(newest.size() - count));
    m_cacheComplete = newest.size() <= qsizetype(m_cacheSize);
    m_open = true;
    return true;
}

void MessageLog::append(QList<Message> messages, Stored done)
{
    Q_ASSERT(!m_writing);
    ++m_commits;
    m_writing = true;
    m_stored = std::move(done);
    (void)m_store->append(std::move(messages), !m_clientIdsComplete);
}

void MessageLog::onAppended(const HistoryStore::Appended &result)
{
    m_writing = false;
    if (result.ok) {
        bool anyRepeated = false;
        for (qsizetype i = 0; i < result.messages.size(); ++i) {
            const Message &message = result.messages.at(i);
            if (!message.clientId.isEmpty())
                rememberClientId(message.clientId, message.seq, message.time);
            if (result.repeated.value(i))
                anyRepeated = true;
            else
                m_lastSeq = std::max(m_lastSeq, message.seq);
        }
        if (!anyRepeated) {
            cache(result.messages); // shared with the room, which broadcasts the same list
        } else {
            // A message stored before (its client-id was): already in the store's past.
            QList<Message> fresh;
            for (qsizetype i = 0; i < result.messages.size(); ++i) {
                if (!result.repeated.value(i))
                    fresh.append(result.messages.at(i));
            }
            cache(std::move(fresh));
        }
    } else {
        m_error = result.error;
    }
    const Stored done = std::exchange(m_stored, {});
    if (done)
        done(result);
}

void MessageLog::cache(QList<Message> messages)
{
    if (m_cacheSize == 0 || messages.isEmpty())
        return;
    const quint64 start = m_cacheEnd;
    m_cacheEnd += quint64(messages.size());
    m_segments.push_back(Segment {std::move(messages), start});
    if (m_cacheEnd - m_cacheBegin <= m_cacheSize)
        return;
    m_cacheBegin = m_cacheEnd - m_cacheSize;
    m_cacheComplete = false;
    while (m_segments.front().start + quint64(m_segments.front().messages.size()) <= m_cacheBegin)
        m_segments.pop_front();
}

const Message &MessageLog::cached(size_t index) const
{
    const quint64 place = m_cacheBegin + index;
    // The last segment starting at or before the place.
    const auto after = std::upper_bound(
        m_segments.cbegin(), m_segments.cend(), place,
        [](quint64 wanted, const Segment &segment) { return wanted < segment.start; });
    const Segment &segment = *(after - 1);
    return segment.messages.at(qsizetype(place - segment.start));
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

std::optional<Message> MessageLog::ackFor(const QString &clientId) const
{
    const auto found = m_clientIds.constFind(clientId);
    if (found == m_clientIds.cend())
        return std::nullopt;
    return Message::ack(clientId, found->seq, found->time);
}

std::optional<MessageLog::Page> MessageLog::cachedPage(quint64 after, quint64 before, int max) const
{
    Page page;
    if (max <= 0)
        return page;
    const size_t first = cachedFrom(0, after + 1);
    const size_t last = cachedFrom(first, before);
    const auto inCache = ptrdiff_t(last - first);
    // The cache is the newest part of the store without gaps: it has the whole answer if it
    // holds more than asked for, or everything there is, or reaches down to "after".
    if (inCache > max || m_cacheComplete || first != 0) {
        const auto count = std::min<ptrdiff_t>(inCache, max);
        page.messages.reserve(count);
        for (size_t i = last - size_t(count); i < last; ++i)
            page.messages.append(cached(i));
        page.more = inCache > max;
        return page;
    }
    return std::nullopt;
}

size_t MessageLog::cachedFrom(size_t from, quint64 seq) const
{
    // A binary search in seq order (oldest first), through the segments.
    size_t low = from;
    size_t high = cachedCount();
    while (low < high) {
        const size_t middle = low + (high - low) / 2;
        if (cached(middle).seq < seq)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

void MessageLog::page(quint64 after, quint64 before, int max, QObject *context, PageReady done)
{
    // Only what the room has been told is stored: the store may hold part of the batch being
    // written, which reaches everyone live once it is answered.
    before = std::min(before, m_lastSeq + 1);
    if (const std::optional<Page> page = cachedPage(after, before, max)) {
        done(*page);
        return;
    }
    const quint64 ticket = m_store->read(after, before, max + 1);
    m_reads.insert(ticket, PendingRead {context, std::move(done), max});
}

void MessageLog::search(const QString &query, quint64 before, int max, const QString &viewer,
                        QObject *context, PageReady done)
{
    before = std::min(before, m_lastSeq + 1);
    const quint64 ticket = m_store->search(query, before, max + 1, viewer);
    m_reads.insert(ticket, PendingRead {context, std::move(done), max});
}

void MessageLog::onRead(const HistoryStore::Read &result)
{
    const PendingRead read = m_reads.take(result.ticket);
    if (!read.context || !read.done)
        return;
    Page page;
    page.messages = result.messages;
    if (page.messages.size() > read.max) {
        page.messages.removeFirst();
        page.more = true;
    }
    read.done(page);
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
