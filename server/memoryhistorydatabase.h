// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>

#include "historydatabase.h"

namespace Tagarela {

/*!
 * A HistoryDatabase that lives and dies with the process, behind a MemoryHistoryStore (a server
 * without a data directory: in-process tests). Keeps the newest \a limit messages (0: none).
 */
class MemoryHistoryDatabase final : public HistoryDatabase
{
public:
    explicit MemoryHistoryDatabase(int limit);

    bool open() override { return true; }
    QString errorString() const override { return {}; }
    QString historyId() const override { return m_historyId; }
    quint64 lastSeq() const override { return m_lastSeq; }
    bool append(const QList<Message> &messages) override;
    QList<Message> range(quint64 after, quint64 before, int max) override;
    std::optional<Message> findClientId(const QString &clientId) override;
    QList<Message> search(const QString &query, quint64 before, int max,
                          const QString &viewer) override;

private:
    std::deque<Message> m_messages;
    int m_limit;
    quint64 m_lastSeq = 0;
    QString m_historyId;
};

} // namespace Tagarela
