// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "historystore.h"

#include <QByteArray>
#include <QRandomGenerator>

#include "memoryhistorystore.h"
#include "serverconfig.h"
#include "sqlitehistorystore.h"

namespace Tagarela {

std::unique_ptr<HistoryStore> HistoryStore::create(const ServerConfig &config)
{
    const int limit = config.noHistory ? 0 : config.historyLimit;
    if (config.dataDir.isEmpty())
        return std::make_unique<MemoryHistoryStore>(limit);
    return std::make_unique<SqliteHistoryStore>(config.dataDir, limit);
}

QString HistoryStore::newHistoryId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

} // namespace Tagarela
