// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "historydatabase.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace Tagarela {

QString HistoryDatabase::newHistoryId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

} // namespace Tagarela
