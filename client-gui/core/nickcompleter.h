// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>
#include <QStringList>

namespace Tagarela {

/*!
 * Tab completion of nicknames in the message being typed, as IRC clients do it: the word
 * before the cursor is completed to the first nickname that starts with it (ignoring case),
 * followed by ": " at the start of the line and " " elsewhere; completing again right away
 * cycles through the other nicknames that start with the same word, and back to the first.
 * Pure: the input box calls complete() and puts the result in place.
 */
class NickCompleter final
{
public:
    /*! The line after a completion, and where the cursor goes. */
    struct Result
    {
        QString text;
        int cursor = 0;
    };

    /*!
     * Completes \a text with the cursor at \a cursor against \a nicks. If \a text and
     * \a cursor are what the last completion gave, the next candidate replaces it. Nothing
     * (nullopt) if no nickname starts with the word before the cursor, or there is no word.
     */
    std::optional<Result> complete(const QString &text, int cursor, const QStringList &nicks);
    /*! Forgets the cycle: the next complete() starts afresh. */
    void reset() { m_last.reset(); }

private:
    std::optional<Result> m_last; //!< what the last completion gave
    QStringList m_candidates; //!< of the cycle under way
    int m_index = 0;
    int m_start = 0; //!< where the completed word starts
    QString m_after; //!< the text after the cursor when the cycle began
};

} // namespace Tagarela
