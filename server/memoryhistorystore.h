// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historystore.h"
#include "memoryhistorydatabase.h"

namespace Tagarela {

/*!
 * A HistoryStore that lives and dies with the process, in the event loop's thread: for a server
 * without a data directory (in-process tests). Keeps the newest \a limit messages (0: none).
 * Like every store it answers on a later turn of the event loop, never within the call.
 */
class MemoryHistoryStore final : public HistoryStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryHistoryStore)

public:
    explicit MemoryHistoryStore(int limit, QObject *parent = nullptr);

    Opened open(int newest) override;
    quint64 append(QList<Message> messages, bool checkClientIds) override;
    quint64 read(quint64 after, quint64 before, int max) override;
    quint64 search(const QString &query, quint64 before, int max, const QString &viewer) override;

private:
    MemoryHistoryDatabase m_database;
    quint64 m_lastSeq = 0;
    quint64 m_lastTicket = 0;
};

} // namespace Tagarela
