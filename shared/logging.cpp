// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

#include <atomic>

namespace Tagarela {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcConnection, "tagarela.connection", QtInfoMsg)

namespace {

bool needsEscape(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL, C1
        || c == 0x061c // Arabic letter mark
        || c == 0x200e || c == 0x200f // left-to-right and right-to-left marks
        || (c >= 0x202a && c <= 0x202e) // embeddings and overrides
        || (c >= 0x2066 && c <= 0x2069) // isolates
        || c == 0x2028 || c == 0x2029 // line and paragraph separators
        || (c >= 0xd800 && c <= 0xdfff); // a lone surrogate
}

void appendEscaped(QString &out, char32_t c)
{
    if (c < 0x100)
        out += u"\\x"_s + QString::number(uint(c), 16).toUpper().rightJustified(2, u'0');
    else
        out += u"\\u"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
}

std::atomic<QtMessageHandler> previousHandler {nullptr};

void escapingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QtMessageHandler next = previousHandler.load();
    if (next)
        next(type, context, escapeForLog(message));
}

} // namespace

QString escapeForLog(QStringView text, qsizetype maxChars)
{
    const bool cut = maxChars >= 0 && text.size() > maxChars;
    if (cut) {
        // Not between the halves of a surrogate pair.
        if (maxChars > 0 && text.at(maxChars - 1).isHighSurrogate() &&
            text.at(maxChars).isLowSurrogate())
            --maxChars;
        text = text.first(maxChars);
    }
    QString out;
    out.reserve(text.size() + 1);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += ch;
            out += text.at(++i);
        } else if (needsEscape(ch.unicode())) {
            appendEscaped(out, ch.unicode());
        } else {
            out += ch;
        }
    }
    if (cut)
        out += u'…';
    return out;
}

void installLogEscaping()
{
    const QtMessageHandler previous = qInstallMessageHandler(escapingHandler);
    if (previous != escapingHandler)
        previousHandler.store(previous);
}

} // namespace Tagarela
