// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "biditext.h"

namespace Tagarela {

namespace {

// What can make the text, or what follows it, run right to left.
bool changesDirection(QChar::Direction direction)
{
    switch (direction) {
    case QChar::DirR:
    case QChar::DirAL:
    case QChar::DirAN:
    case QChar::DirLRE:
    case QChar::DirLRO:
    case QChar::DirRLE:
    case QChar::DirRLO:
    case QChar::DirPDF:
    case QChar::DirLRI:
    case QChar::DirRLI:
    case QChar::DirFSI:
    case QChar::DirPDI:
        return true;
    default:
        return false;
    }
}

bool needsIsolation(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() &&
            text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        if (changesDirection(QChar::direction(c)))
            return true;
    }
    return false;
}

} // namespace

QString BidiText::isolated(const QString &text)
{
    if (!needsIsolation(text))
        return text;
    QString out;
    out.reserve(text.size() + 4);
    out += QChar(FirstStrongIsolate);
    int open = 0; // isolates the text opened in this line and has not closed
    for (const QChar c : text) {
        const QChar::Direction direction = c.direction();
        if (direction == QChar::DirB) {
            // A new paragraph: bidirectional state does not carry over, so each line gets its
            // own isolate.
            out += QString(open + 1, QChar(PopDirectionalIsolate));
            out += c;
            out += QChar(FirstStrongIsolate);
            open = 0;
            continue;
        }
        if (direction == QChar::DirLRI || direction == QChar::DirRLI ||
            direction == QChar::DirFSI) {
            ++open;
        } else if (direction == QChar::DirPDI) {
            if (open == 0)
                continue; // it would close the isolate around the text
            --open;
        }
        out += c;
    }
    // A PDI also closes the embeddings and overrides opened since its isolate began.
    out += QString(open + 1, QChar(PopDirectionalIsolate));
    return out;
}

} // namespace Tagarela
