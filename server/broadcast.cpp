// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "broadcast.h"

#include <algorithm>

#include "messagecodec.h"
#include "roommember.h"
#include "textformat.h"

namespace Tagarela {

Broadcast::Broadcast(Message event)
{
    m_events.emplaceBack(std::move(event));
}

const QByteArray &Broadcast::frame() const
{
    if (m_frame.isEmpty())
        m_frame = MessageCodec::encodeFrame(event());
    return m_frame;
}

const QByteArray &Broadcast::text() const
{
    if (m_text.isEmpty())
        m_text = TextFormat::encode(event());
    return m_text;
}

namespace {

// An upper bound on either wire form of \a event: UTF-8 takes at most 3 bytes per UTF-16 unit,
// the keys, heads and numbers of a frame (or a line's decoration) take less than the rest,
// and in text mode every line of a text repeats the stamp and the sender's nickname.
qsizetype estimatedBytes(const Message &event)
{
    constexpr qsizetype Overhead = 128;
    constexpr qsizetype LineDecoration = 32;
    return 3 *
        (event.text.size() + event.from.size() + event.nick.size() + event.reason.size() +
         event.to.size() + event.clientId.size()) +
        (event.text.contains(u'\n') ? event.text.count(u'\n') : 0) *
        (3 * event.from.size() + LineDecoration) +
        Overhead;
}

} // namespace

void BroadcastRun::append(Message event)
{
    add(Broadcast(std::move(event)));
}

void BroadcastRun::append(const QList<Message> &events, qsizetype index)
{
    add(Broadcast(events, index));
}

void BroadcastRun::add(Broadcast &&event)
{
    const qsizetype bytes = estimatedBytes(event.event());
    const qsizetype index = size();
    m_events.push_back(std::move(event));
    if (m_chunks.empty() || m_chunks.back().estimate + bytes > ChunkBytes)
        m_chunks.push_back(Chunk {index, index, 0, {}, {}, {}, {}});
    Chunk &last = m_chunks.back();
    last.end = index + 1;
    last.estimate += bytes;
    last.frames.clear();
    last.text.clear();
}

BroadcastRun::Chunk &BroadcastRun::chunkOf(qsizetype index) const
{
    const auto after =
        std::upper_bound(m_chunks.begin(), m_chunks.end(), index,
                         [](qsizetype wanted, const Chunk &chunk) { return wanted < chunk.begin; });
    return *(after - 1);
}

qsizetype BroadcastRun::chunkEnd(qsizetype index) const
{
    return chunkOf(index).end;
}

namespace {

// The bytes of \a whole from \a offset to its end, in the same buffer: one more reference to
// it, not a copy. The end of the buffer stays the end, so the bytes stay '\0'-terminated.
QByteArray sharedTail(const QByteArray &whole, qsizetype offset)
{
    if (offset <= 0)
        return whole;
    QByteArray::DataPointer tail = QByteArray(whole).data_ptr(); // holds a reference
    tail.setBegin(tail.data() + offset);
    tail.size -= offset;
    return QByteArray(std::move(tail));
}

} // namespace

template<typename Encoding>
QByteArray BroadcastRun::joined(qsizetype from, qsizetype to, Encoding encoding,
                                QByteArray Chunk::*cache,
                                std::vector<qsizetype> Chunk::*starts) const
{
    if (to < 0)
        to = size();
    if (from >= to)
        return {};
    if (to - from == 1)
        return encoding(at(from));
    // Events [first, last) one after another, in a buffer exactly their size; with \a offsets,
    // where each of them starts in it.
    const auto concatenated = [this, &encoding](qsizetype first, qsizetype last,
                                                std::vector<qsizetype> *offsets) {
        qsizetype total = 0;
        for (qsizetype i = first; i < last; ++i) {
            if (offsets)
                offsets->push_back(total);
            total += encoding(at(i)).size();
        }
        QByteArray bytes;
        bytes.reserve(total);
        for (qsizetype i = first; i < last; ++i)
            bytes += encoding(at(i));
        return bytes;
    };
    Chunk &chunk = chunkOf(from);
    if (to == chunk.end) {
        // The whole chunk, or its end: one buffer for every member.
        QByteArray &bytes = chunk.*cache;
        std::vector<qsizetype> &offsets = chunk.*starts;
        if (bytes.isEmpty()) {
            offsets.clear();
            offsets.reserve(size_t(chunk.end - chunk.begin));
            bytes = concatenated(chunk.begin, chunk.end, &offsets);
        }
        return sharedTail(bytes, offsets[size_t(from - chunk.begin)]);
    }
    // Part of a chunk that stops before its end (a private message follows): for this member.
    return concatenated(from, to, nullptr);
}

QByteArray BroadcastRun::frames(qsizetype from, qsizetype to) const
{
    return joined(
        from, to, [](const Broadcast &event) -> const QByteArray & { return event.frame(); },
        &Chunk::frames, &Chunk::frameStarts);
}

QByteArray BroadcastRun::text(qsizetype from, qsizetype to) const
{
    return joined(
        from, to, [](const Broadcast &event) -> const QByteArray & { return event.text(); },
        &Chunk::text, &Chunk::textStarts);
}

void RoomMember::deliverAll(const BroadcastRun &run, qsizetype from, qsizetype to)
{
    if (to < 0)
        to = run.size();
    for (qsizetype i = from; i < to; ++i)
        deliver(run.at(i));
}

} // namespace Tagarela
