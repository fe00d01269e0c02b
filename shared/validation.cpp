// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation.h"

#include <QRandomGenerator>
#include <QStringDecoder>

#include "protocol.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

bool isNickPunctuation(char32_t c)
{
    return c == U'_' || c == U'-' || c == U'.';
}

bool isControl(char32_t c)
{
    return (c < 0x20 && c != U'\n') || (c >= 0x7f && c <= 0x9f);
}

} // namespace

NickProblem Validation::checkNick(const QString &nick)
{
    if (nick.isEmpty())
        return NickProblem::Empty;
    const QList<uint> codePoints = nick.toUcs4();
    if (codePoints.size() > Protocol::MaxNickLength)
        return NickProblem::TooLong;
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const char32_t c = codePoints.at(i);
        const bool alnum = QChar::isLetterOrNumber(c);
        if (!alnum && !isNickPunctuation(c))
            return NickProblem::BadCharacter;
        if (i == 0 && !alnum && c != U'_')
            return NickProblem::BadFirstCharacter;
    }
    return NickProblem::None;
}

TextProblem Validation::checkText(const QString &text, int maxUtf8Bytes)
{
    if (!text.isValidUtf16())
        return TextProblem::InvalidUnicode;
    if (text.trimmed().isEmpty())
        return TextProblem::Empty;
    if (text.toUtf8().size() > maxUtf8Bytes)
        return TextProblem::TooLong;
    for (QChar c : text) {
        if (isControl(c.unicode()))
            return TextProblem::ControlCharacter;
    }
    return TextProblem::None;
}

bool Validation::isValidToken(const QString &token)
{
    if (token.isEmpty() || token.size() > MaxTokenLength)
        return false;
    for (QChar c : token) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
            (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

bool Validation::isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(bytes);
    return !decoder.hasError();
}

QString Validation::nickKey(const QString &nick)
{
    return nick.normalized(QString::NormalizationForm_C).toCaseFolded();
}

QString Validation::suggestNick(const QString &nick,
                                const std::function<bool(const QString &)> &isTaken)
{
    QString base;
    for (char32_t c : nick.toUcs4()) {
        if (QChar::isLetterOrNumber(c) || isNickPunctuation(c))
            base += QString::fromUcs4(&c, 1);
    }
    // Not checkNick(base): for a long base it reports TooLong and hides a bad first character.
    while (!base.isEmpty() && (base.front() == u'-' || base.front() == u'.'))
        base.remove(0, 1);
    if (base.isEmpty())
        base = u"guest"_s;

    const auto withSuffix = [&base](int number) -> QString {
        const QString suffix = QString::number(number);
        QString candidate = base;
        while (candidate.toUcs4().size() + suffix.size() > Protocol::MaxNickLength)
            candidate.chop(candidate.back().isLowSurrogate() ? 2 : 1);
        return candidate + suffix;
    };
    // A few numbers in order ("ana2", "ana3" ...), then random ones: the cost is the same few
    // lookups however many of the numbered nicknames are taken (issue 13: trying them all in
    // order made each attempt cost as many lookups as the room had "ana<n>" nicknames).
    for (int n = 2; n < 2 + OrderedSuggestions; ++n) {
        const QString candidate = withSuffix(n);
        if (!isTaken(candidate))
            return candidate;
    }
    for (int i = 0; i < RandomSuggestions; ++i) {
        const QString candidate = withSuffix(QRandomGenerator::global()->bounded(100, 1'000'000));
        if (!isTaken(candidate))
            return candidate;
    }
    return {};
}

QString Validation::describe(NickProblem problem)
{
    switch (problem) {
    case NickProblem::None:
        return {};
    case NickProblem::Empty:
        return tr("The nickname is empty.");
    case NickProblem::TooLong:
        return tr("The nickname is longer than %n character(s).", nullptr, Protocol::MaxNickLength);
    case NickProblem::BadCharacter:
        return tr("A nickname may only hold letters, digits, '_', '-' and '.'.");
    case NickProblem::BadFirstCharacter:
        return tr("A nickname must start with a letter, a digit or '_'.");
    }
    return {};
}

QString Validation::describe(TextProblem problem, int maxUtf8Bytes)
{
    switch (problem) {
    case TextProblem::None:
        return {};
    case TextProblem::Empty:
        return tr("The message is empty.");
    case TextProblem::TooLong:
        return tr("The message is longer than %n byte(s).", nullptr, maxUtf8Bytes);
    case TextProblem::ControlCharacter:
        return tr("The message holds a control character.");
    case TextProblem::InvalidUnicode:
        return tr("The message is not valid Unicode text.");
    }
    return {};
}

ErrorCode Validation::errorCode(NickProblem problem)
{
    return problem == NickProblem::None ? ErrorCode::None : ErrorCode::InvalidNick;
}

ErrorCode Validation::errorCode(TextProblem problem)
{
    switch (problem) {
    case TextProblem::None:
        return ErrorCode::None;
    case TextProblem::TooLong:
        return ErrorCode::TextTooLong;
    case TextProblem::InvalidUnicode:
        return ErrorCode::InvalidUtf8;
    default:
        return ErrorCode::InvalidText;
    }
}

} // namespace Tagarela
