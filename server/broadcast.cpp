// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "broadcast.h"

#include "framedecoder.h"
#include "messagecodec.h"
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

} // namespace Tagarela
