// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QCoreApplication>
#include <QString>

#include "historystore.h"

class QSqlQuery;

namespace Tagarela {

/*!
 * A HistoryStore in an SQLite file (through Qt SQL), durable: WAL journal, synchronous=FULL,
 * so a committed transaction survives a crash of the process and of the machine.
 *
 * Tables: messages (seq primary key, time, kind, sender, text, action, client_id) and meta
 * (history-id, last-seq). With a limit of 0 (--no-history) no message is written; the counter
 * is then reserved ahead in blocks, so that numbers stay unique across restarts at the cost of
 * one durable write per block rather than per batch.
 *
 * If the database file is removed or replaced while the server runs, or a write fails, the
 * store reopens it (recreating it if needed, with the same history id and counter) on the
 * next append().
 */
class SqliteHistoryStore final : public HistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::SqliteHistoryStore)

public:
    /*! The database file's name in the data directory. */
    static constexpr char FileName[] = "history.sqlite";
    /*! With no history: how far ahead the counter is reserved. */
    static constexpr quint64 ReserveBlock = 10'000;

    /*! A store in \a directory keeping the newest \a limit messages (0: none). */
    SqliteHistoryStore(const QString &directory, int limit);
    ~SqliteHistoryStore() override;

    bool open() override;
    QString errorString() const override { return m_error; }
    QString historyId() const override { return m_historyId; }
    quint64 lastSeq() const override { return m_lastSeq; }
    bool append(const QList<Message> &messages) override;
    QList<Message> range(quint64 after, quint64 before, int max) override;
    std::optional<Message> findClientId(const QString &clientId) override;

    QString filePath() const { return m_path; }
    /*! Messages in the table now. */
    qint64 count() const { return m_count; }

private:
    struct Statements;

    [[nodiscard]] bool openDatabase();
    void closeDatabase();
    [[nodiscard]] bool fileStillThere() const;
    [[nodiscard]] bool exec(const QString &sql);
    [[nodiscard]] bool writeBatch(const QList<Message> &messages, quint64 newLastSeq);
    bool fail(const QString &what, const QSqlQuery &query);
    bool fail(const QString &what, const QString &detail);

    QString m_directory;
    QString m_path;
    QString m_connectionName;
    int m_limit;
    QString m_historyId;
    quint64 m_lastSeq = 0; //!< as stored (or reserved): never lowered
    qint64 m_count = 0;
    quint64 m_inode = 0; //!< of the file opened, to notice it being replaced
    bool m_open = false;
    std::unique_ptr<Statements> m_statements;
    QString m_error;
};

} // namespace Tagarela
