// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nickcompleter.h"

#include <algorithm>

namespace Tagarela {

using namespace Qt::StringLiterals;

std::optional<NickCompleter::Result> NickCompleter::complete(const QString &text, int cursor,
                                                             const QStringList &nicks)
{
    const bool cycling =
        m_last && m_last->text == text && m_last->cursor == cursor && m_candidates.size() > 0;
    if (cycling) {
        m_index = (m_index + 1) % int(m_candidates.size());
    } else {
        cursor = std::clamp(cursor, 0, int(text.size()));
        int start = cursor;
        while (start > 0 && !text.at(start - 1).isSpace())
            --start;
        const QString word = text.mid(start, cursor - start);
        if (word.isEmpty())
            return std::nullopt;
        m_candidates.clear();
        for (const QString &nick : nicks) {
            if (nick.startsWith(word, Qt::CaseInsensitive))
                m_candidates.append(nick);
        }
        if (m_candidates.isEmpty()) {
            m_last.reset();
            return std::nullopt;
        }
        m_candidates.sort(Qt::CaseInsensitive);
        m_index = 0;
        m_start = start;
        m_after = text.mid(cursor);
    }
    const QString suffix = m_start == 0 ? u": "_s : u" "_s;
    // What follows the cursor keeps one separator: "ana|, hi" stays "ana, hi" and is not
    // given a second space.
    const QString &after = m_after;
    QString inserted = m_candidates.at(m_index) + suffix;
    if (!after.isEmpty() && after.at(0).isSpace())
        inserted.chop(1);
    Result result;
    result.text = text.left(m_start) + inserted + after;
    result.cursor = m_start + int(inserted.size());
    m_last = result;
    return result;
}

} // namespace Tagarela
