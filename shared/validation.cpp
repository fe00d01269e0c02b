// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation.h"

#include <memory>

#include <QList>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include "protocol.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcValidation, "tagarela.validation", QtInfoMsg)

// U+2800 BRAILLE PATTERN BLANK and U+1D159 MUSICAL SYMBOL NULL NOTEHEAD are symbols, not
// default-ignorable, but fonts draw them blank: they are used to fake empty names and lines.
constexpr char32_t BrailleBlank = 0x2800;
constexpr char32_t NullNotehead = 0x1D159;

bool isNickPunctuation(char32_t c)
{
    return c == U'_' || c == U'-' || c == U'.';
}

// A control character below 0x80 that a text may not hold: C0 but the line feed, and DEL.
// (C1, 0x80-0x9f, is the other half of the rule; checkText() finds it with the non-ASCII.)
constexpr bool isAsciiControl(unsigned c)
{
    return (c < 0x20 && c != u'\n') || c == 0x7f;
}

// ICU's own Unicode data throughout, so that every nickname rule reads the same version.
bool isLetterOrNumber(char32_t c)
{
    switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
        return true;
    default:
        return false;
    }
}

// Vowel signs of Devanagari, Thai, ... and accents: part of a letter, never one by themselves.
// Enclosing marks (a circle around a letter) are decoration and stay out.
bool isMark(char32_t c)
{
    const auto type = u_charType(static_cast<UChar32>(c));
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

const UChar *icuText(const QString &text)
{
    return reinterpret_cast<const UChar *>(text.utf16());
}

int32_t icuLength(const QString &text)
{
    return static_cast<int32_t>(text.size());
}

// Calls an ICU function that writes a string: with a guessed capacity, then again with the
// capacity it asked for. An empty string if ICU fails.
template<typename Write>
QString icuString(qsizetype guess, const Write &write)
{
    QString out(guess, Qt::Uninitialized);
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = write(reinterpret_cast<UChar *>(out.data()), icuLength(out), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        out.resize(length);
        status = U_ZERO_ERROR;
        length = write(reinterpret_cast<UChar *>(out.data()), icuLength(out), &status);
    }
    if (U_FAILURE(status)) {
        qCWarning(lcValidation) << "ICU failed:" << u_errorName(status);
        return {};
    }
    out.truncate(length);
    return out;
}

using NormalizerInstance = const UNormalizer2 *(*)(UErrorCode *);

QString normalized(NormalizerInstance instance, const QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = instance(&status);
    if (U_FAILURE(status))
        return text;
    return icuString(text.size() + 8, [&](UChar *out, int32_t capacity, UErrorCode *error) {
        return unorm2_normalize(normalizer, icuText(text), icuLength(text), out, capacity, error);
    });
}

struct SpoofCheckerClose
{
    void operator()(USpoofChecker *checker) const { uspoof_close(checker); }
};

// Configured once: checks and skeletons on a configured checker are safe from any thread.
const USpoofChecker *spoofChecker()
{
    static const std::unique_ptr<USpoofChecker, SpoofCheckerClose> checker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<USpoofChecker, SpoofCheckerClose> opened(uspoof_open(&status));
        // UTS #39's "highly restrictive" level: one script, or Latin with Han and kana
        // (Japanese), Bopomofo (Chinese) or Hangul (Korean). Digits of one system. No
        // non-spacing mark twice on one letter (it would be drawn once).
        uspoof_setChecks(opened.get(),
                         USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS | USPOOF_INVISIBLE,
                         &status);
        uspoof_setRestrictionLevel(opened.get(), USPOOF_HIGHLY_RESTRICTIVE);
        if (U_FAILURE(status)) {
            qCWarning(lcValidation)
                << "ICU's spoof checker is not available:" << u_errorName(status);
            opened.reset();
        }
        return opened;
    }();
    return checker.get();
}

QString confusableSkeleton(const QString &text)
{
    const USpoofChecker *checker = spoofChecker();
    if (!checker)
        return text;
    return icuString(text.size() + 8, [&](UChar *out, int32_t capacity, UErrorCode *error) {
        return uspoof_getSkeleton(checker, 0, icuText(text), icuLength(text), out, capacity, error);
    });
}

// Nothing a reader would see: white space and invisible characters only.
bool showsNothing(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        if (!QChar::isSpace(c) && !Validation::isInvisible(c))
            return false;
    }
    return true;
}

// A nickname made of what can be kept of \a nick: its NFKC form (full-width and styled letters
// become plain ones) without the characters a nickname may not hold, the marks doubled on a
// letter and, if the rest still mixes scripts, the letters of all but the first script. Digits
// are ASCII only, so that suggestNick's number does not mix two systems. It may be too long or
// empty; suggestNick shortens it or replaces it.
QString nickBase(const QString &nick, bool oneScript)
{
    // Decomposed, so that the marks on a letter can be compared; composed again at the end.
    const QList<uint> codePoints = normalized(unorm2_getNFKDInstance, nick).toUcs4();
    QString base;
    QList<char32_t> marks; // on the current letter
    UScriptCode script = USCRIPT_COMMON; // of the first letter kept
    for (const char32_t c : codePoints) {
        const bool letterOrNumber = isLetterOrNumber(c);
        if (Validation::isInvisible(c) || (!letterOrNumber && !isNickPunctuation(c) && !isMark(c)))
            continue;
        if (base.isEmpty() && !letterOrNumber && c != U'_')
            continue;
        if (u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER && c > U'9')
            continue;
        if (oneScript && (letterOrNumber || isMark(c))) {
            UErrorCode status = U_ZERO_ERROR;
            const UScriptCode own = uscript_getScript(static_cast<UChar32>(c), &status);
            if (own != USCRIPT_COMMON && own != USCRIPT_INHERITED) {
                if (script == USCRIPT_COMMON)
                    script = own;
                else if (!uscript_hasScript(static_cast<UChar32>(c), script))
                    continue;
            }
        }
        if (isMark(c)) {
            if (marks.contains(c))
                continue;
            marks.append(c);
        } else {
            marks.clear();
        }
        base += QString::fromUcs4(&c, 1);
    }
    return normalized(unorm2_getNFCInstance, base);
}

// The first MaxNickLength code points of \a nick.
QString leadingCodePoints(const QString &nick)
{
    const QList<uint> codePoints = nick.toUcs4();
    if (codePoints.size() <= Protocol::MaxNickLength)
        return nick;
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()),
                             Protocol::MaxNickLength);
}

} // namespace

NickProblem Validation::checkNick(const QString &nick)
{
    if (nick.isEmpty())
        return NickProblem::Empty;
    const QList<uint> codePoints = nick.toUcs4();
    if (codePoints.size() > Protocol::MaxNickLength)
        return NickProblem::TooLong;
    // What cannot be seen first: its user may not know it is there.
    for (const char32_t c : codePoints) {
        if (isBidiControl(c))
            return NickProblem::DirectionControl;
        if (isInvisible(c))
            return NickProblem::InvisibleCharacter;
    }
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const char32_t c = codePoints.at(i);
        const bool letterOrNumber = isLetterOrNumber(c);
        if (!letterOrNumber && !isNickPunctuation(c) && !isMark(c))
            return NickProblem::BadCharacter;
        if (i == 0 && !letterOrNumber && c != U'_')
            return NickProblem::BadFirstCharacter;
    }
    // Composed text is welcome (the server composes it); ａｎａ, 𝐚𝐧𝐚 and x² are not: their
    // NFKC forms are ana and x2.
    const QString composed = normalized(unorm2_getNFCInstance, nick);
    if (normalized(unorm2_getNFKCInstance, nick) != composed)
        return NickProblem::CompatibilityForm;
    if (const USpoofChecker *checker = spoofChecker()) {
        UErrorCode status = U_ZERO_ERROR;
        const int32_t failed =
            uspoof_check2(checker, icuText(composed), icuLength(composed), nullptr, &status);
        if (U_FAILURE(status) || (failed & (USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS)))
            return NickProblem::MixedScripts;
        if (failed & USPOOF_INVISIBLE)
            return NickProblem::InvisibleCharacter;
    }
    return NickProblem::None;
}

TextProblem Validation::checkText(const QString &text, int maxUtf8Bytes)
{
    // One pass over the text for UTF-16 validity, the size in UTF-8 (counted, not converted)
    // and control characters (C0 but the line feed, DEL and C1); the problems are then reported
    // in their order.
    const QStringView view(text);
    const char16_t *unit = view.utf16();
    const char16_t *const end = unit + view.size();
    qint64 utf8Bytes = view.size(); // one per UTF-16 unit, plus what follows
    bool valid = true;
    bool control = false;
    // Most texts are ASCII: a loop the compiler can vectorise finds out, and finds the controls.
    unsigned nonAscii = 0;
    unsigned asciiControl = 0;
    for (const char16_t *at = unit; at < end; ++at) {
        const unsigned c = *at;
        nonAscii |= unsigned(c >= 0x80);
        asciiControl |= unsigned(isAsciiControl(c));
    }
    if (nonAscii == 0) {
        control = asciiControl != 0;
        unit = end;
    }
    while (unit < end) {
        const char16_t c = *unit++;
        if (c < 0x80) {
            control = control || isAsciiControl(c);
        } else if (c < 0x800) {
            utf8Bytes += 1;
            control = control || c <= 0x9f;
        } else if (!QChar::isSurrogate(c)) {
            utf8Bytes += 2;
        } else if (QChar::isHighSurrogate(c) && unit < end && QChar::isLowSurrogate(*unit)) {
            ++unit;
            utf8Bytes += 2; // four bytes for the two units
        } else {
            valid = false;
        }
    }
    if (!valid)
        return TextProblem::InvalidUnicode;
    if (showsNothing(text))
        return TextProblem::Empty;
    if (utf8Bytes > maxUtf8Bytes)
        return TextProblem::TooLong;
    if (control)
        return TextProblem::ControlCharacter;
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
    // Qt's check, which decodes nothing (no string is made); the same rules as its decoder.
    return bytes.isValidUtf8();
}

QString Validation::nickKey(const QString &nick)
{
    // Folded before the skeleton, so that case does not matter (the skeleton of I is l, of i
    // is i), and after it, for the capitals among the skeleton's prototypes (0 becomes O).
    const QString folded = normalized(unorm2_getNFKCCasefoldInstance, nick);
    return normalized(unorm2_getNFKCCasefoldInstance, confusableSkeleton(folded));
}

bool Validation::isInvisible(char32_t codePoint)
{
    return u_hasBinaryProperty(static_cast<UChar32>(codePoint),
                               UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
        codePoint == BrailleBlank || codePoint == NullNotehead;
}

bool Validation::isBidiControl(char32_t codePoint)
{
    return u_hasBinaryProperty(static_cast<UChar32>(codePoint), UCHAR_BIDI_CONTROL);
}

QString Validation::suggestNick(const QString &nick,
                                const std::function<bool(const QString &)> &isTaken)
{
    QString base = nickBase(nick, false);
    // Not checkNick(base): for a long base it reports TooLong and hides what else is wrong.
    if (checkNick(leadingCodePoints(base)) == NickProblem::MixedScripts)
        base = nickBase(nick, true);
    if (base.isEmpty() || checkNick(leadingCodePoints(base)) != NickProblem::None)
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
    case NickProblem::InvisibleCharacter:
        return tr("A nickname may not hold invisible characters (zero-width spaces and joiners, "
                  "fillers, variation selectors, a mark repeated on one letter).");
    case NickProblem::DirectionControl:
        return tr("A nickname may not hold characters that change the direction of text.");
    case NickProblem::CompatibilityForm:
        return tr("A nickname may not use full-width, styled, superscript or other look-alike "
                  "forms of letters and digits: type plain ones.");
    case NickProblem::MixedScripts:
        return tr("A nickname may not mix letters of different scripts, such as Latin and "
                  "Cyrillic, or digits of different kinds.");
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
