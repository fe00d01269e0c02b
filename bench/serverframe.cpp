// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverframe.h"

#include <limits>

namespace Tagarela::Bench {

namespace {

// Deeper nesting than this never occurs in server frames; MessageCodec judges such payloads.
constexpr int MaxDepth = 8;

class CborCursor final
{
public:
    explicit CborCursor(QByteArrayView bytes)
        : m_p(reinterpret_cast<const unsigned char *>(bytes.data()))
        , m_end(m_p + bytes.size())
    { }

    bool atEnd() const { return m_p == m_end; }
    quint64 left() const { return quint64(m_end - m_p); }

    // Reads an initial byte and its argument; false for indefinite lengths and reserved values.
    bool head(int *major, int *minor, quint64 *argument)
    {
        if (m_p == m_end)
            return false;
        const unsigned char initial = *m_p++;
        *major = initial >> 5;
        *minor = initial & 31;
        if (*minor < 24) {
            *argument = quint64(*minor);
            return true;
        }
        if (*minor > 27)
            return false;
        const quint64 size = quint64(1) << (*minor - 24);
        if (left() < size)
            return false;
        quint64 value = 0;
        for (quint64 i = 0; i < size; ++i)
            value = (value << 8) | *m_p++;
        *argument = value;
        return true;
    }

    // A definite text string whose bytes are all ASCII (so valid UTF-8 without more checks).
    bool asciiText(quint64 length, QByteArrayView *out)
    {
        if (length > left())
            return false;
        const unsigned char *start = m_p;
        unsigned char any = 0;
        for (quint64 i = 0; i < length; ++i)
            any |= start[i];
        if (any & 0x80)
            return false;
        m_p += length;
        *out = QByteArrayView(reinterpret_cast<const char *>(start), qsizetype(length));
        return true;
    }

    bool skip(int depth)
    {
        int major = 0;
        int minor = 0;
        quint64 argument = 0;
        if (depth > MaxDepth || !head(&major, &minor, &argument))
            return false;
        switch (major) {
        case 0:
        case 1:
        case 7:
            return true;
        case 2:
            if (argument > left())
                return false;
            m_p += argument;
            return true;
        case 3: {
            QByteArrayView ignored;
            return asciiText(argument, &ignored);
        }
        case 4:
        case 5: {
            const quint64 items = major == 5 ? argument * 2 : argument;
            if (argument > left() || items > left())
                return false;
            for (quint64 i = 0; i < items; ++i) {
                if (!skip(depth + 1))
                    return false;
            }
            return true;
        }
        default: // tags
            return false;
        }
    }

private:
    const unsigned char *m_p;
    const unsigned char *m_end;
};

} // namespace

ScannedFrame scanServerFrame(QByteArrayView payload)
{
    ScannedFrame frame;
    CborCursor cursor(payload);
    int major = 0;
    int minor = 0;
    quint64 pairs = 0;
    if (!cursor.head(&major, &minor, &pairs) || major != 5 || pairs > cursor.left())
        return frame;

    bool haveType = false;
    bool haveFrom = false;
    bool haveText = false;
    bool haveTime = false;
    bool haveAction = false;
    for (quint64 i = 0; i < pairs; ++i) {
        quint64 length = 0;
        QByteArrayView key;
        if (!cursor.head(&major, &minor, &length) || major != 3 || !cursor.asciiText(length, &key))
            return frame;
        // The first of duplicate keys counts, as in MessageCodec; later ones are only skipped.
        QByteArrayView *textTarget = nullptr;
        bool *seen = nullptr;
        if (key == "type" && !haveType) {
            textTarget = &frame.type;
            seen = &haveType;
        } else if (key == "from" && !haveFrom) {
            textTarget = &frame.from;
            seen = &haveFrom;
        } else if (key == "text" && !haveText) {
            textTarget = &frame.text;
            seen = &haveText;
        }
        if (textTarget) {
            if (!cursor.head(&major, &minor, &length) || major != 3 ||
                !cursor.asciiText(length, textTarget)) {
                return frame;
            }
            *seen = true;
        } else if (key == "time" && !haveTime) {
            quint64 value = 0;
            if (!cursor.head(&major, &minor, &value) || major != 0 ||
                value > quint64(std::numeric_limits<qint64>::max())) {
                return frame;
            }
            frame.time = value;
            haveTime = true;
        } else if (key == "action" && !haveAction) {
            quint64 value = 0;
            if (!cursor.head(&major, &minor, &value) || major != 7 || (minor != 20 && minor != 21))
                return frame;
            frame.action = minor == 21;
            haveAction = true;
        } else if (!cursor.skip(1)) {
            return frame;
        }
    }
    if (!cursor.atEnd() || !haveType)
        return frame;
    if (frame.type == "chat") {
        if (!haveFrom || !haveText || !haveTime)
            return frame;
        frame.kind = FrameKind::Chat;
    } else {
        frame.kind = FrameKind::Other;
    }
    return frame;
}

} // namespace Tagarela::Bench
