// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Tagarela {

/*! One line from a text-mode (telnet, nc) client. */
struct TextLine
{
    enum class Problem {
        None,
        TooLong, //!< the line was longer than the limit; its text was dropped
        InvalidUtf8, //!< the line's bytes are not UTF-8; its text was dropped
    };
    QString text; //!< without the line end; empty when problem is set
    Problem problem = Problem::None;
};

/*!
 * Splits a text-mode byte stream into lines. Pure and incremental, like FrameDecoder.
 *
 * CR, LF and CRLF each end a line (and telnet's CR NUL). Telnet negotiation (IAC commands,
 * option negotiation and subnegotiation) is removed wherever it falls, even inside a line or
 * split across chunks. A line longer than the limit is reported once as TooLong when its end
 * arrives, and nothing of it is buffered beyond the limit.
 */
class LineDecoder final
{
public:
    explicit LineDecoder(int maxLineBytes = 4096);

    void feed(QByteArrayView bytes);
    bool hasLine() const { return !m_lines.isEmpty(); }
    TextLine next();

    /*! Bytes held for the line not yet ended. */
    qsizetype bufferedBytes() const { return m_current.size(); }
    int maxLineBytes() const { return m_maxLineBytes; }
    void setMaxLineBytes(int maxLineBytes) { m_maxLineBytes = maxLineBytes; }

private:
    enum class Telnet { Data, Iac, Option, Sub, SubIac };
    void endLine();

    int m_maxLineBytes;
    QByteArray m_current;
    bool m_overflow = false;
    bool m_afterCr = false;
    Telnet m_telnet = Telnet::Data;
    QList<TextLine> m_lines;
};

} // namespace Tagarela
