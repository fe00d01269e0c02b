// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "broadcast.h"

#include <algorithm>

#include "framedecoder.h"
#include "messagecodec.h"
#include "roommember.h"
#include "textformat.h"

namespace Tagarela {

const QByteArray &Broadcast::frame() const
{
    if (m_frame.isEmpty())
        m_frame = FrameDecoder::encode(MessageCodec::encode(m_event));
    return m_frame;
}

const QByteArray &Broadcast::text() const
{
    if (m_text.isEmpty())
        m_text = TextFormat::encode(m_event);
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
        event.text.count(u'\n') * (3 * event.from.size() + LineDecoration) + Overhead;
}

} // namespace

void BroadcastRun::append(Message event)
{
    const qsizetype bytes = estimatedBytes(event);
    const qsizetype index = size();
    m_events.emplace_back(std::move(event));
    if (m_chunks.empty() || m_chunks.back().estimate + bytes > ChunkBytes)
        m_chunks.push_back(Chunk {index, index, 0, {}, {}});
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

template<typename Encoding>
QByteArray BroadcastRun::joined(qsizetype from, qsizetype to, Encoding encoding,
                                QByteArray Chunk::*cache) const
{
    if (to < 0)
        to = size();
    if (from >= to)
        return {};
    if (to - from == 1)
        return encoding(at(from));
    Chunk &chunk = chunkOf(from);
    const bool whole = chunk.begin == from && chunk.end == to;
    if (whole && !(chunk.*cache).isEmpty())
        return chunk.*cache;
    QByteArray bytes;
    for (qsizetype i = from; i < to; ++i)
        bytes += encoding(at(i));
    if (whole)
        chunk.*cache = bytes;
    return bytes;
}

QByteArray BroadcastRun::frames(qsizetype from, qsizetype to) const
{
    return joined(
        from, to, [](const Broadcast &event) { return event.frame(); }, &Chunk::frames);
}

QByteArray BroadcastRun::text(qsizetype from, qsizetype to) const
{
    return joined(
        from, to, [](const Broadcast &event) { return event.text(); }, &Chunk::text);
}

void RoomMember::deliverAll(const BroadcastRun &run, qsizetype from, qsizetype to)
{
    if (to < 0)
        to = run.size();
    for (qsizetype i = from; i < to; ++i)
        deliver(run.at(i));
}

} // namespace Tagarela
