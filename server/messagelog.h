// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <memory>
#include <optional>

#include <QHash>
#include <QList>
#include <QString>

#include "historystore.h"
#include "message.h"

namespace Tagarela {

/*!
 * The room's numbered past: gives chat messages and notices their sequence numbers, stores
 * them through a HistoryStore, and answers history requests and client-id look-ups, from
 * memory when it can (the newest messages and client-ids are kept) and from the store
 * otherwise. No event loop, no sockets: the room decides when to append.
 */
class MessageLog final
{
public:
    /*! Client-ids recognised at least, whatever the store keeps (docs/PROTOCOL.md 6.9). */
    static constexpr int RememberedClientIds = 10'000;

    /*! One history answer: messages oldest first; more: older ones exist. */
    struct Page
    {
        QList<Message> messages;
        bool more = false;
    };

    /*!
     * A log over \a store that keeps the newest \a cacheSize messages in memory; \a cacheSize
     * must not exceed what the store keeps.
     */
    MessageLog(std::unique_ptr<HistoryStore> store, int cacheSize);

    /*! Opens the store and loads the newest messages and client-ids. */
    [[nodiscard]] bool open();
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_store->errorString(); }
    QString historyId() const { return m_store->historyId(); }
    /*! The highest number given out. */
    quint64 lastSeq() const { return m_lastSeq; }
    /*! Transactions so far (successful or not): one per append(). */
    int commitCount() const { return m_commits; }

    /*!
     * Numbers \a messages in order (their seq is set, even on failure: a number is never
     * given twice) and stores them in one transaction. False, with errorString(), if they
     * were not stored.
     */
    [[nodiscard]] bool append(QList<Message> &messages);
    /*! The ack for the stored chat with \a clientId, if there is one. */
    std::optional<Message> ackFor(const QString &clientId);
    /*! The newest \a max messages with \a after < seq < \a before. */
    Page page(quint64 after, quint64 before, int max);

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
    void remember(const Message &message);
    void rememberClientId(const QString &clientId, quint64 seq, qint64 time);

    struct Acked
    {
        quint64 seq = 0;
        qint64 time = 0;
    };

    std::unique_ptr<HistoryStore> m_store;
    size_t m_cacheSize;
    std::deque<Message> m_cache; //!< the newest committed messages, oldest first
    bool m_cacheComplete = true; //!< the cache holds everything the store has
    QHash<QString, Acked> m_clientIds;
    std::deque<QString> m_clientIdOrder; //!< oldest first, for forgetting
    bool m_clientIdsComplete = true; //!< every client-id in the store is in m_clientIds
    quint64 m_lastSeq = 0;
    int m_commits = 0;
    bool m_open = false;
};

} // namespace Tagarela
