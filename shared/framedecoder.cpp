// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "framedecoder.h"

#include <algorithm>
#include <cstring>

#include <QtEndian>

namespace Tagarela {

FrameDecoder::FrameDecoder(int maxPayload)
    : m_maxPayload(maxPayload)
{ }

bool FrameDecoder::feed(QByteArrayView bytes)
{
    if (m_error != FrameError::None)
        return false;

    const char *data = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        if (m_headerFill < Protocol::FrameHeaderSize) {
            const int take =
                int(std::min<qsizetype>(Protocol::FrameHeaderSize - m_headerFill, left));
            std::memcpy(m_header + m_headerFill, data, size_t(take));
            m_headerFill += take;
            data += take;
            left -= take;
            if (m_headerFill < Protocol::FrameHeaderSize)
                break;
            m_bodyLength = qFromBigEndian<quint32>(m_header);
            if (m_bodyLength == 0 || m_bodyLength > quint32(m_maxPayload)) {
                m_error = m_bodyLength == 0 ? FrameError::ZeroLength : FrameError::TooLarge;
                m_rejectedLength = m_bodyLength;
                m_headerFill = 0;
                m_body.clear();
                return false;
            }
            m_body.reserve(qsizetype(m_bodyLength));
            continue;
        }

        const qsizetype take = std::min<qsizetype>(qsizetype(m_bodyLength) - m_body.size(), left);
        m_body.append(data, take);
        data += take;
        left -= take;
        if (m_body.size() == qsizetype(m_bodyLength)) {
            m_frames.append(std::move(m_body));
            m_body = QByteArray();
            m_headerFill = 0;
        }
    }
    return true;
}

QByteArray FrameDecoder::next()
{
    if (m_frames.isEmpty())
        return {};
    QByteArray frame = m_frames.takeFirst();
    // Taking from the front keeps the list's block: an idle connection keeps none.
    if (m_frames.isEmpty())
        m_frames = QList<QByteArray>();
    return frame;
}

QByteArray FrameDecoder::encode(QByteArrayView payload)
{
    QByteArray frame(Protocol::FrameHeaderSize + payload.size(), Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), frame.data());
    std::memcpy(frame.data() + Protocol::FrameHeaderSize, payload.data(), size_t(payload.size()));
    return frame;
}

} // namespace Tagarela
