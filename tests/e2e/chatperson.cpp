// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatperson.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace Tagarela::TestSupport {

using namespace Qt::StringLiterals;

SeenChats seenBy(const MessageModel &model)
{
    SeenChats seen;
    for (int row = 0; row < model.rowCount(); ++row) {
        const ChatLine line = model.line(row);
        if (line.kind != ChatLine::Kind::Chat)
            continue;
        if (line.isUnconfirmed()) {
            ++seen.unconfirmed;
            continue;
        }
        seen.seqs.append(line.seq);
        seen.texts.append(line.text);
    }
    return seen;
}

void startClientsAfresh()
{
    QStandardPaths::setTestModeEnabled(true);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/outbox"_s)
        .removeRecursively();
    QSettings(u"Tagarela"_s, u"tagarela"_s).remove(u"resume"_s);
}

} // namespace Tagarela::TestSupport
