// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include "message.h"

namespace Tagarela {

/*! What is wrong with a nickname. */
enum class NickProblem {
    None,
    Empty,
    TooLong, //!< more than Protocol::MaxNickLength characters
    BadCharacter, //!< only letters, digits, '_', '-' and '.' are allowed
    BadFirstCharacter, //!< must start with a letter, a digit or '_'
    InvisibleCharacter, //!< shows nothing: zero-width, filler, variation selector, a doubled mark
    DirectionControl, //!< a bidirectional control such as U+202E or U+2066
    CompatibilityForm, //!< full-width, styled or superscript: not the same under NFKC
    MixedScripts, //!< letters of scripts not written together, or digits of two systems
};

/*! What is wrong with a chat text. */
enum class TextProblem {
    None,
    Empty, //!< nothing but white space and invisible characters
    TooLong, //!< more UTF-8 bytes than the server's max-text
    ControlCharacter, //!< a control character other than newline
    InvalidUnicode, //!< unpaired surrogates: cannot be sent as UTF-8
};

/*!
 * The rules both the server and the client apply, so that the client can tell its user what is
 * wrong before anything is sent. Descriptions are translated.
 */
class Validation final
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::Validation)

public:
    [[nodiscard]] static NickProblem checkNick(const QString &nick);
    [[nodiscard]] static TextProblem checkText(const QString &text, int maxUtf8Bytes);
    [[nodiscard]] static bool isValidUtf8(QByteArrayView bytes);
    /*!
     * A client message id (say's client-id) or resume token: 1 to MaxTokenLength characters
     * from A-Z, a-z, 0-9, '-' and '_'. A UUID without braces is one.
     */
    [[nodiscard]] static bool isValidToken(const QString &token);
    static constexpr int MaxTokenLength = 64;

    /*!
     * The form nicknames are compared in: two nicknames clash if their keys are equal. The key
     * is the UTS #39 confusable skeleton of the NFKC case-folded nickname, case-folded again:
     * `Ana`, `ANA`, `ana0` and `аna` (Cyrillic а) share the key of `ana`.
     */
    [[nodiscard]] static QString nickKey(const QString &nick);

    /*!
     * A character that shows nothing where it stands: a Unicode default-ignorable code point
     * (zero-width space and joiners, U+3164 HANGUL FILLER, variation selectors, bidirectional
     * controls, tags...) or U+2800 BRAILLE PATTERN BLANK and U+1D159, which are drawn blank.
     * White space is not included.
     */
    [[nodiscard]] static bool isInvisible(char32_t codePoint);
    /*!
     * A Unicode Bidi_Control character (LRM, RLM, ALM, the embeddings and overrides U+202A to
     * U+202E, the isolates U+2066 to U+2069): it reorders the text around it.
     */
    [[nodiscard]] static bool isBidiControl(char32_t codePoint);

    /*!
     * A valid nickname close to \a nick for which \a isTaken is false: \a nick with a number
     * appended ("ana" -> "ana2"), shortened if needed. Invalid input is first made valid.
     * Tries the numbers 2 to OrderedSuggestions + 1 in order, then RandomSuggestions random
     * ones, and returns an empty string if all of those are taken: at most
     * MaxSuggestionLookups calls of \a isTaken, however full the room.
     */
    [[nodiscard]] static QString suggestNick(const QString &nick,
                                             const std::function<bool(const QString &)> &isTaken);

    static constexpr int OrderedSuggestions = 9;
    static constexpr int RandomSuggestions = 8;
    static constexpr int MaxSuggestionLookups = OrderedSuggestions + RandomSuggestions;

    static QString describe(NickProblem problem);
    static QString describe(TextProblem problem, int maxUtf8Bytes);
    static ErrorCode errorCode(NickProblem problem);
    static ErrorCode errorCode(TextProblem problem);
};

} // namespace Tagarela
