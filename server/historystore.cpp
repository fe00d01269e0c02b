// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "historystore.h"

#include "memoryhistorystore.h"
#include "serverconfig.h"
#include "sqlitehistorydatabase.h"
#include "threadedhistorystore.h"

namespace Tagarela {

std::unique_ptr<HistoryStore> HistoryStore::create(const ServerConfig &config)
{
    const int limit = config.noHistory ? 0 : config.historyLimit;
    if (config.dataDir.isEmpty())
        return std::make_unique<MemoryHistoryStore>(limit);
    const QString dir = config.dataDir;
    return std::make_unique<ThreadedHistoryStore>(
        [dir, limit] { return std::make_unique<SqliteHistoryDatabase>(dir, limit); },
        [dir, limit] {
            return std::make_unique<SqliteHistoryDatabase>(dir, limit,
                                                           SqliteHistoryDatabase::Access::ReadOnly);
        },
        limit == 0 ? ThreadedHistoryStore::Keeps::CounterOnly
                   : ThreadedHistoryStore::Keeps::Messages);
}

HistoryStore::Opened HistoryStore::openDatabase(HistoryDatabase &database, int newest)
{
    Opened opened;
    if (!database.open()) {
        opened.error = database.errorString();
        return opened;
    }
    opened.ok = true;
    opened.historyId = database.historyId();
    opened.lastSeq = database.lastSeq();
    opened.newest = database.latest(newest);
    return opened;
}

HistoryStore::Appended HistoryStore::appendTo(HistoryDatabase &database, quint64 *lastSeq,
                                              quint64 ticket, QList<Message> messages,
                                              bool checkClientIds)
{
    Appended result;
    result.ticket = ticket;
    result.repeated = QList<bool>(messages.size(), false);
    // Numbered in place: a list the caller no longer holds is not copied.
    bool anyRepeated = false;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        Message &message = messages[i];
        if (checkClientIds && !message.clientId.isEmpty()) {
            std::optional<Message> stored = database.findClientId(message.clientId);
            if (stored) {
                message = std::move(*stored);
                result.repeated[i] = true;
                anyRepeated = true;
                continue;
            }
        }
        message.seq = ++*lastSeq;
    }
    if (!anyRepeated) {
        result.ok = messages.isEmpty() || database.append(messages);
    } else {
        QList<Message> fresh;
        fresh.reserve(messages.size());
        for (qsizetype i = 0; i < messages.size(); ++i) {
            if (!result.repeated.at(i))
                fresh.append(messages.at(i));
        }
        result.ok = fresh.isEmpty() || database.append(fresh);
    }
    if (!result.ok)
        result.error = database.errorString();
    result.messages = std::move(messages);
    return result;
}

} // namespace Tagarela
