// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "broadcast.h"

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

void BroadcastRun::append(Message event)
{
    m_events.emplace_back(std::move(event));
    m_frames.clear();
    m_text.clear();
}

QByteArray BroadcastRun::frames(qsizetype from) const
{
    if (from == 0 && !m_frames.isEmpty())
        return m_frames;
    QByteArray bytes;
    for (qsizetype i = from; i < size(); ++i)
        bytes += at(i).frame();
    if (from == 0)
        m_frames = bytes;
    return bytes;
}

QByteArray BroadcastRun::text(qsizetype from) const
{
    if (from == 0 && !m_text.isEmpty())
        return m_text;
    QByteArray bytes;
    for (qsizetype i = from; i < size(); ++i)
        bytes += at(i).text();
    if (from == 0)
        m_text = bytes;
    return bytes;
}

void RoomMember::deliverAll(const BroadcastRun &run, qsizetype from)
{
    for (qsizetype i = from; i < run.size(); ++i)
        deliver(run.at(i));
}

} // namespace Tagarela
