// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>

#include "historystore.h"
#include "message.h"
#include "roomengine.h"

namespace Tagarela {

struct ServerConfig;

/*!
 * The room's numbered past, over a HistoryStore: hands it batches to store (one at a time) and
 * remembers what came back, keeps the newest messages and client-ids in memory, and answers
 * history requests from memory when it can and by reading the store otherwise. No sockets:
 * the room decides what goes into a batch and when. The embedded RoomEngine: one server.
 */
class MessageLog final : public RoomEngine
{
public:
    /*! Client-ids recognised at least, whatever the store keeps (docs/PROTOCOL.md 6.9). */
    static constexpr int RememberedClientIds = 10'000;

    /*! The newest messages kept in memory for joins and catch-ups (at most what is stored). */
    static constexpr int CacheSize = 5000;

    using Page = HistoryPage;

    /*! The cache size for \a config: CacheSize, or less if the store keeps less. */
    static int cacheSizeFor(const ServerConfig &config);

    /*!
     * A log over \a store that keeps the newest \a cacheSize messages in memory; \a cacheSize
     * must not exceed what the store keeps.
     */
    MessageLog(std::unique_ptr<HistoryStore> store, int cacheSize);
    ~MessageLog() override;

    /*! Opens the store and loads the newest messages and client-ids. Blocks: at start-up. */
    [[nodiscard]] bool open() override;
    bool isOpen() const override { return m_open; }
    QString errorString() const override { return m_error; }
    QString historyId() const override { return m_historyId; }
    /*! The highest number of a stored message the room has been told of. */
    quint64 lastSeq() const override { return m_lastSeq; }
    /*! Batches handed to the store so far. */
    int commitCount() const override { return m_commits; }
    /*! A batch is being stored. */
    bool isWriting() const override { return m_writing; }

    /*!
     * Hands \a messages (seq unset) to the store as one batch; \a done is called on a later
     * turn with what became of it, after the stored messages are remembered here. One batch
     * at a time: call again only once \a done was called.
     */
    void append(QList<Message> messages, Stored done) override;
    /*! The ack for the stored chat with \a clientId, if it is remembered (no store read). */
    std::optional<Message> ackFor(const QString &clientId) const override;
    /*! Whether every client-id in the store is remembered, so that ackFor() is the last word. */
    bool remembersAllClientIds() const { return m_clientIdsComplete; }
    /*!
     * The newest \a max messages with \a after < seq < \a before among those stored so far
     * (none of the batch being written). From memory if it holds the answer: then \a done is
     * called before this returns. Otherwise read from the store, and \a done called on a
     * later turn, if \a context still exists.
     */
    void page(quint64 after, quint64 before, int max, QObject *context, PageReady done) override;
    /*!
     * The newest \a max messages with seq < \a before holding \a query that \a viewer may
     * see (HistoryStore::search()), among those stored so far; \a done is called on a later
     * turn, if \a context still exists.
     */
    void search(const QString &query, quint64 before, int max, const QString &viewer,
                QObject *context, PageReady done) override;
    /*! The page, if the newest messages kept in memory hold the whole answer. */
    std::optional<Page> cachedPage(quint64 after, quint64 before, int max) const;

    /*!
     * \a page as history frames of at most \a perFrame messages: always at least one, the
     * last with end, and more if the page has more.
     */
    static QList<Message> frames(const Page &page, quint64 before, int perFrame = 200);
    /*!
     * Drops the oldest messages of \a page (setting more) until its frames take about
     * \a maxBytes at most, so that one answer cannot overflow a client's output allowance.
     * Keeps at least one message.
     */
    static void trimToBytes(Page *page, qint64 maxBytes);

private:
    struct PendingRead
    {
        QPointer<QObject> context;
        PageReady done;
        int max = 0;
    };

    void onAppended(const HistoryStore::Appended &result);
    void onRead(const HistoryStore::Read &result);
    /*! Keeps \a messages, stored and numbered, as the newest in the cache. */
    void cache(QList<Message> messages);
    /*! Messages in the cache. */
    size_t cachedCount() const { return size_t(m_cacheEnd - m_cacheBegin); }
    /*! The \a index-th oldest message in the cache. */
    const Message &cached(size_t index) const;
    /*! The first index from \a from on whose message has seq \a seq or more (or the size). */
    size_t cachedFrom(size_t from, quint64 seq) const;
    void rememberClientId(const QString &clientId, quint64 seq, qint64 time);

    struct Acked
    {
        quint64 seq = 0;
        qint64 time = 0;
    };

    /*! A stored batch in the cache. */
    struct Segment
    {
        /*!
         * The batch's messages as the store answered them: the same list the room broadcasts,
         * shared, not copied message by message.
         */
        QList<Message> messages;
        quint64 start = 0; //!< the place of its first message (see m_cacheBegin)
    };

    std::unique_ptr<HistoryStore> m_store;
    size_t m_cacheSize;
    /*!
     * The newest stored messages, at most m_cacheSize: the places m_cacheBegin to m_cacheEnd
     * (excluded) of every message cached since open(), counted from 0, in the segments that
     * hold them, oldest first. The oldest segment may hold older messages too, no longer in
     * the cache; a segment goes once none of its messages is.
     */
    std::deque<Segment> m_segments;
    quint64 m_cacheBegin = 0;
    quint64 m_cacheEnd = 0;
    bool m_cacheComplete = true; //!< the cache holds everything the store has
    QHash<QString, Acked> m_clientIds;
    std::deque<QString> m_clientIdOrder; //!< oldest first, for forgetting
    bool m_clientIdsComplete = true; //!< every client-id in the store is in m_clientIds
    QString m_historyId;
    QString m_error;
    quint64 m_lastSeq = 0;
    int m_commits = 0;
    bool m_open = false;
    bool m_writing = false;
    Stored m_stored; //!< for the batch being written
    QHash<quint64, PendingRead> m_reads; //!< by the store's ticket
};

} // namespace Tagarela
