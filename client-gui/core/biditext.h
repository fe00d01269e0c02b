// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tagarela {

/*!
 * Keeps text from others (nicknames, messages, reasons) from reordering what is shown around
 * it. Chat text may hold right-to-left letters and direction controls such as U+202E RIGHT-TO-
 * LEFT OVERRIDE; laid out in one paragraph with the nickname, brackets and delivery notes,
 * they would reverse or move those. isolated() puts each line of such text in an isolate of
 * its own (Unicode Bidirectional Algorithm, UAX #9: FSI ... PDI), which the layout, a browser
 * and most editors treat as one neutral character from outside.
 */
class BidiText final
{
public:
    /*!
     * \a text in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, one pair per line (LF and
     * the other paragraph separators end an isolate), if it holds anything that can change
     * direction: right-to-left letters, Arabic digits, direction controls. A stray PDI that
     * would close the outer isolate early is dropped; isolates the text leaves open are closed.
     * Other text is returned as it is.
     */
    [[nodiscard]] static QString isolated(const QString &text);

    static constexpr char16_t FirstStrongIsolate = 0x2068;
    static constexpr char16_t PopDirectionalIsolate = 0x2069;
};

} // namespace Tagarela
