// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "linedecoder.h"

#include <algorithm>
#include <cstring>

#include "validation.h"

namespace Tagarela {

namespace {
// Telnet command bytes (RFC 854).
constexpr unsigned char Iac = 255;
constexpr unsigned char Sb = 250;
constexpr unsigned char Se = 240;
constexpr unsigned char Will = 251;
constexpr unsigned char Dont = 254;
} // namespace

LineDecoder::LineDecoder(int maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{ }

void LineDecoder::feed(QByteArrayView bytes)
{
    const char *data = bytes.data();
    const qsizetype size = bytes.size();
    for (qsizetype at = 0; at < size; ++at) {
        if (m_telnet == Telnet::Data && !m_afterCr) {
            // Plain text up to the next line end or telnet command, appended in one go; found
            // with memchr (a line feed first, then the others before it), not byte by byte.
            const char *stop =
                static_cast<const char *>(std::memchr(data + at, '\n', size_t(size - at)));
            qsizetype end = stop ? stop - data : size;
            for (const char other : {'\r', char(Iac)}) {
                if (const void *found = std::memchr(data + at, other, size_t(end - at)))
                    end = static_cast<const char *>(found) - data;
            }
            if (end > at) {
                const qsizetype room = std::max<qsizetype>(m_maxLineBytes - m_current.size(), 0);
                if (end - at > room)
                    m_overflow = true;
                m_current.append(data + at, std::min(end - at, room));
                at = end;
                if (at == size)
                    break;
            }
        }
        const char ch = data[at];
        const auto byte = static_cast<unsigned char>(ch);
        switch (m_telnet) {
        case Telnet::Data:
            break;
        case Telnet::Iac:
            if (byte == Sb)
                m_telnet = Telnet::Sub;
            else if (byte >= Will && byte <= Dont)
                m_telnet = Telnet::Option;
            else
                m_telnet = Telnet::Data; // a two-byte command, or IAC IAC: no text uses 0xFF
            continue;
        case Telnet::Option:
            m_telnet = Telnet::Data;
            continue;
        case Telnet::Sub:
            if (byte == Iac)
                m_telnet = Telnet::SubIac;
            continue;
        case Telnet::SubIac:
            m_telnet = byte == Se ? Telnet::Data : Telnet::Sub;
            continue;
        }

        if (byte == Iac) {
            m_telnet = Telnet::Iac;
            continue;
        }
        const bool afterCr = m_afterCr;
        m_afterCr = false;
        if (afterCr && (byte == '\n' || byte == '\0'))
            continue; // the second half of CRLF or CR NUL
        if (byte == '\r' || byte == '\n') {
            m_afterCr = byte == '\r';
            endLine();
            continue;
        }
        if (m_current.size() >= m_maxLineBytes) {
            m_overflow = true;
            continue;
        }
        m_current.append(ch);
    }
}

TextLine LineDecoder::next()
{
    if (m_lines.isEmpty())
        return {};
    TextLine line = m_lines.takeFirst();
    // Taking from the front keeps the list's block: an idle connection keeps none.
    if (m_lines.isEmpty())
        m_lines = QList<TextLine>();
    return line;
}

void LineDecoder::endLine()
{
    TextLine line;
    if (m_overflow)
        line.problem = TextLine::Problem::TooLong;
    else if (!Validation::isValidUtf8(m_current))
        line.problem = TextLine::Problem::InvalidUtf8;
    else
        line.text = QString::fromUtf8(m_current);
    m_lines.append(line);
    m_current.clear();
    m_overflow = false;
}

} // namespace Tagarela
