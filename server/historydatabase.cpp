// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "historydatabase.h"

#include <QByteArray>
#include <QRandomGenerator>

#include "validation.h"

namespace Tagarela {

QString HistoryDatabase::newHistoryId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

bool HistoryDatabase::isVisibleTo(const Message &message, const QString &nick)
{
    if (message.to.isEmpty())
        return true;
    if (nick.isEmpty())
        return false;
    const QString key = Validation::nickKey(nick);
    return Validation::nickKey(message.from) == key || Validation::nickKey(message.to) == key;
}

} // namespace Tagarela
