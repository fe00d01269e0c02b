// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include "protocol.h"

namespace Tagarela {

/*! Why a byte stream is not a valid sequence of frames. */
enum class FrameError {
    None,
    ZeroLength, //!< a header announced an empty payload
    TooLarge, //!< a header announced more than the limit
};

/*!
 * Splits a byte stream into frames: a 4-byte big-endian payload length, then the payload.
 *
 * Pure and incremental: feed() takes chunks of any size (half a header, many frames, one byte)
 * and next() hands out the complete payloads in order. The length is checked as soon as its
 * four bytes are in, before any byte of the body is kept, so a hostile prefix costs nothing.
 * After an error the decoder keeps nothing and accepts nothing more: the stream cannot be
 * resynchronised.
 */
class FrameDecoder final
{
public:
    explicit FrameDecoder(int maxPayload = Protocol::DefaultMaxFrame);

    /*! Consumes \a bytes. Returns false once the stream is in error. */
    bool feed(QByteArrayView bytes);

    /*! True if a complete payload is waiting. */
    bool hasFrame() const { return !m_frames.isEmpty(); }

    /*! Takes the oldest complete payload; empty if none. */
    QByteArray next();

    FrameError error() const { return m_error; }
    /*! The length the offending header announced, for error messages. */
    quint32 rejectedLength() const { return m_rejectedLength; }

    int maxPayload() const { return m_maxPayload; }
    void setMaxPayload(int maxPayload) { m_maxPayload = maxPayload; }

    /*! Bytes held for frames not yet complete (header and partial body). */
    qsizetype bufferedBytes() const { return m_headerFill + m_body.size(); }

    /*! Prefixes \a payload with its length. */
    static QByteArray encode(QByteArrayView payload);

private:
    int m_maxPayload = Protocol::DefaultMaxFrame;
    unsigned char m_header[Protocol::FrameHeaderSize] = {};
    int m_headerFill = 0;
    quint32 m_bodyLength = 0;
    QByteArray m_body;
    QList<QByteArray> m_frames;
    FrameError m_error = FrameError::None;
    quint32 m_rejectedLength = 0;
};

} // namespace Tagarela
