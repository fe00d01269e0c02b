// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QByteArray>
#include <QList>

#include "message.h"

namespace Tagarela {

/*!
 * One room event on its way to every member. Each wire form is encoded at most once, on first
 * use, and every member gets the same implicitly shared QByteArray.
 */
class Broadcast final
{
public:
    explicit Broadcast(Message event);
    /*!
     * The \a index-th of \a events (a stored batch), sharing the list with its other holders
     * (the store's answer, the history cache) instead of copying the message.
     */
    Broadcast(const QList<Message> &events, qsizetype index)
        : m_events(events)
        , m_index(index)
    { }

    const Message &event() const { return m_events.at(m_index); }
    /*! The event as one frame, for framed clients. */
    const QByteArray &frame() const;
    /*! The event as CRLF-ended lines, for text clients. */
    const QByteArray &text() const;

private:
    QList<Message> m_events; //!< holds the event: alone, or among the batch it was stored with
    qsizetype m_index = 0;
    mutable QByteArray m_frame;
    mutable QByteArray m_text;
};

/*!
 * Room events sent together, in order, that read the same to everyone who gets them: the
 * joins, leaves and renames of one event-loop turn (ChatRoom::setBatchPresence()), or the
 * public chats and notices of one stored batch. Their frames, or their lines, go to a member
 * as one buffer per chunk, shared by every member that gets the whole chunk: one delivery per
 * member per chunk, not one per event.
 *
 * Chunks hold at most about ChunkBytes of output each, so that a long run reaches a member in
 * pieces its output cap judges one at a time, as it would judge the events one by one.
 */
class BroadcastRun final
{
public:
    /*! What a chunk holds at most, estimated from the events' text (either wire form). */
    static constexpr qsizetype ChunkBytes = 64 * 1024;

    void append(Message event);
    /*! Appends the \a index-th of \a events, shared as Broadcast's constructor shares it. */
    void append(const QList<Message> &events, qsizetype index);
    /*! Makes room for \a events events, so that appending them does not move the others. */
    void reserve(qsizetype events) { m_events.reserve(size_t(events)); }
    qsizetype size() const { return qsizetype(m_events.size()); }
    bool isEmpty() const { return m_events.empty(); }
    const Broadcast &at(qsizetype index) const { return m_events[size_t(index)]; }

    /*! Where the chunk holding event \a index ends (one past its last event). */
    qsizetype chunkEnd(qsizetype index) const;
    /*!
     * The frames of events \a from to \a to (excluded; -1: the end), one after another. A whole
     * chunk, or a single event, is encoded once and shared; so is the end of a chunk (what a
     * member who joined during the run is due): a view into the chunk's buffer, not a copy.
     * A chunk's buffer is as large as its bytes, no larger.
     */
    QByteArray frames(qsizetype from = 0, qsizetype to = -1) const;
    /*! The lines of events \a from to \a to, likewise. */
    QByteArray text(qsizetype from = 0, qsizetype to = -1) const;

private:
    struct Chunk
    {
        qsizetype begin = 0;
        qsizetype end = 0;
        qsizetype estimate = 0; //!< bytes, an upper bound for either wire form
        QByteArray frames; //!< on first use
        QByteArray text; //!< on first use
        std::vector<qsizetype> frameStarts; //!< where each event starts in frames
        std::vector<qsizetype> textStarts; //!< where each event starts in text
    };
    /*! The chunk holding event \a index. */
    Chunk &chunkOf(qsizetype index) const;
    void add(Broadcast &&event);
    template<typename Encoding>
    QByteArray joined(qsizetype from, qsizetype to, Encoding encoding, QByteArray Chunk::*cache,
                      std::vector<qsizetype> Chunk::*starts) const;

    std::vector<Broadcast> m_events;
    mutable std::vector<Chunk> m_chunks;
};

} // namespace Tagarela
