// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverframe.h"

#include <cstring>
#include <limits>

#include <QtEndian>

namespace Tagarela::Bench {

namespace {

// Deeper nesting than this never occurs in server frames; MessageCodec judges such payloads.
constexpr int MaxDepth = 8;

// A key against a literal of known length: compiles to a compare or two of whole words, where
// QByteArrayView's operator== calls out to a general memory comparison for every key.
template<size_t N>
bool isKey(QByteArrayView key, const char (&literal)[N])
{
    return key.size() == qsizetype(N - 1) && std::memcmp(key.data(), literal, N - 1) == 0;
}

// Whether n bytes are all ASCII, a word at a time: this runs over every byte of every chat the
// bench receives. The last word overlaps the one before rather than ending in a byte loop.
bool isAscii(const unsigned char *p, size_t n)
{
    constexpr quint64 HighBits = 0x8080808080808080u;
    if (n >= 8) {
        quint64 any = qFromUnaligned<quint64>(p + n - 8);
        for (size_t i = 0; i + 8 < n; i += 8)
            any |= qFromUnaligned<quint64>(p + i);
        return (any & HighBits) == 0;
    }
    if (n >= 4)
        return ((qFromUnaligned<quint32>(p) | qFromUnaligned<quint32>(p + n - 4)) &
                quint32(HighBits)) == 0;
    unsigned char any = 0;
    for (size_t i = 0; i < n; ++i)
        any |= p[i];
    return (any & 0x80) == 0;
}

class CborCursor final
{
public:
    explicit CborCursor(QByteArrayView bytes)
        : m_p(reinterpret_cast<const unsigned char *>(bytes.data()))
        , m_end(m_p + bytes.size())
    { }

    bool atEnd() const { return m_p == m_end; }

    // Takes the N - 1 bytes of literal if they come next: a compare of whole words.
    template<size_t N>
    bool literal(const char (&bytes)[N])
    {
        if (left() < N - 1 || std::memcmp(m_p, bytes, N - 1) != 0)
            return false;
        m_p += N - 1;
        return true;
    }
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
        const quint64 size = quint64(1) << (*minor - 24);
        if (*minor > 27 || left() < size)
            return false;
        switch (*minor) {
        case 24:
            *argument = *m_p;
            break;
        case 25:
            *argument = qFromBigEndian<quint16>(m_p);
            break;
        case 26:
            *argument = qFromBigEndian<quint32>(m_p);
            break;
        default:
            *argument = qFromBigEndian<quint64>(m_p);
            break;
        }
        m_p += size;
        return true;
    }

    // A definite text string whose bytes are all ASCII (so valid UTF-8 without more checks).
    bool asciiText(quint64 length, QByteArrayView *out)
    {
        if (length > left())
            return false;
        const unsigned char *start = m_p;
        if (!isAscii(start, size_t(length)))
            return false;
        m_p += length;
        *out = QByteArrayView(reinterpret_cast<const char *>(start), qsizetype(length));
        return true;
    }

    // The key \a key (its CBOR bytes), then an unsigned integer that fits a qint64.
    template<size_t N>
    bool uintField(const char (&key)[N], quint64 *value)
    {
        int major = 0;
        int minor = 0;
        return literal(key) && head(&major, &minor, value) && major == 0 &&
            *value <= quint64(std::numeric_limits<qint64>::max());
    }

    // The key \a key (its CBOR bytes), then an all-ASCII text string.
    template<size_t N>
    bool asciiField(const char (&key)[N], QByteArrayView *text)
    {
        int major = 0;
        int minor = 0;
        quint64 length = 0;
        return literal(key) && head(&major, &minor, &length) && major == 3 &&
            asciiText(length, text);
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
            return true;
        case 1:
            // -2^64, which Qt 6.4 would read as 0, is an error to MessageCodec.
            return argument != std::numeric_limits<quint64>::max();
        case 7:
            // A one-byte simple value below 32 is not well-formed CBOR.
            return minor != 24 || argument >= 32;
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
                // A short text, the item of a welcome's list of nicknames: checked here
                // rather than by a call per item, since a welcome in a room of 10,000 holds
                // 10,000 of them.
                if (m_p != m_end && (*m_p & 0xe0) == 0x60 && (*m_p & 0x1f) < 24) {
                    const quint64 length = *m_p++ & 0x1f;
                    if (length > left() || !isAscii(m_p, size_t(length)))
                        return false;
                    m_p += length;
                } else if (!skip(depth + 1)) {
                    return false;
                }
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

// The layout the server writes for a room chat without action, client-id or to, all ASCII:
// {"type": "chat", "seq": uint, "from": text, "text": text, "time": uint}, in this order.
// Almost every frame in a run is one; anything else, or a byte out of place, is for
// scanAnyFrame(), which would read such a payload to the same result.
bool scanPlainChat(QByteArrayView payload, ScannedFrame *frame)
{
    CborCursor cursor(payload);
    quint64 seq = 0;
    quint64 time = 0;
    // "\x64" and "from" apart: a hexadecimal escape would take the "f".
    if (!cursor.literal("\xa5\x64type\x64"
                        "chat") ||
        !cursor.uintField("\x63seq", &seq) ||
        !cursor.asciiField("\x64"
                           "from",
                           &frame->from) ||
        !cursor.asciiField("\x64text", &frame->text) || !cursor.uintField("\x64time", &time) ||
        !cursor.atEnd()) {
        return false;
    }
    frame->type = payload.sliced(7, 4);
    frame->time = time;
    frame->action = false;
    frame->kind = FrameKind::Chat;
    return true;
}

// The layout the server writes for a joined, all ASCII: {"type": "joined", "nick": text,
// "time": uint}, in this order. Every join is announced to everyone in the room, so a run's
// joins bring N^2/2 of them; anything else is for scanAnyFrame().
bool scanPlainJoined(QByteArrayView payload, ScannedFrame *frame)
{
    CborCursor cursor(payload);
    QByteArrayView nick;
    quint64 time = 0;
    if (!cursor.literal("\xa3\x64type\x66joined") || !cursor.asciiField("\x64nick", &nick) ||
        !cursor.uintField("\x64time", &time) || !cursor.atEnd()) {
        return false;
    }
    frame->type = payload.sliced(7, 6);
    frame->time = time;
    frame->kind = FrameKind::Joined;
    return true;
}

// Any map with text keys: the first of duplicate keys counts, unknown keys are skipped.
ScannedFrame scanAnyFrame(QByteArrayView payload)
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
    bool haveSeq = false;
    bool haveClientId = false;
    bool haveTo = false;
    QByteArrayView clientId;
    QByteArrayView to;
    for (quint64 i = 0; i < pairs; ++i) {
        quint64 length = 0;
        QByteArrayView key;
        if (!cursor.head(&major, &minor, &length) || major != 3 || !cursor.asciiText(length, &key))
            return frame;
        // The first of duplicate keys counts, as in MessageCodec; later ones are only skipped.
        QByteArrayView *textTarget = nullptr;
        bool *seen = nullptr;
        if (isKey(key, "type") && !haveType) {
            textTarget = &frame.type;
            seen = &haveType;
        } else if (isKey(key, "from") && !haveFrom) {
            textTarget = &frame.from;
            seen = &haveFrom;
        } else if (isKey(key, "text") && !haveText) {
            textTarget = &frame.text;
            seen = &haveText;
        } else if (isKey(key, "client-id") && !haveClientId) {
            textTarget = &clientId; // not needed, but MessageCodec wants text here
            seen = &haveClientId;
        } else if (isKey(key, "to") && !haveTo) {
            textTarget = &to;
            seen = &haveTo;
        }
        if (textTarget) {
            if (!cursor.head(&major, &minor, &length) || major != 3 ||
                !cursor.asciiText(length, textTarget)) {
                return frame;
            }
            *seen = true;
        } else if ((isKey(key, "time") && !haveTime) || (isKey(key, "seq") && !haveSeq)) {
            quint64 value = 0;
            if (!cursor.head(&major, &minor, &value) || major != 0 ||
                value > quint64(std::numeric_limits<qint64>::max())) {
                return frame;
            }
            if (isKey(key, "seq")) {
                haveSeq = true;
            } else {
                frame.time = value;
                haveTime = true;
            }
        } else if (isKey(key, "action") && !haveAction) {
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
    if (isKey(frame.type, "chat")) {
        if (!haveSeq || !haveFrom || !haveText || !haveTime)
            return frame;
        frame.kind = FrameKind::Chat;
    } else if (isKey(frame.type, "joined")) {
        frame.kind = FrameKind::Joined;
    } else if (isKey(frame.type, "welcome")) {
        frame.kind = FrameKind::Welcome;
    } else {
        frame.kind = FrameKind::Other;
    }
    return frame;
}

} // namespace

ScannedFrame scanServerFrame(QByteArrayView payload)
{
    ScannedFrame chat;
    if (scanPlainChat(payload, &chat))
        return chat;
    ScannedFrame joined;
    if (scanPlainJoined(payload, &joined))
        return joined;
    return scanAnyFrame(payload);
}

} // namespace Tagarela::Bench
