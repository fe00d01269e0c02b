// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLockFile>
#include <QString>

#include "historydatabase.h"

class QSqlQuery;
class QTimer;
struct sqlite3;
struct sqlite3_stmt;

namespace Tagarela {

/*!
 * A HistoryDatabase in an SQLite file (through Qt SQL), durable: WAL journal, synchronous=FULL,
 * so a committed transaction survives a crash of the process and of the machine.
 *
 * Tables: messages (seq primary key, time, kind, sender, text, action, client_id, recipient:
 * NULL for the room, the nickname a private message is for), messages_fts (an FTS5 index of
 * the texts, for search(), without document sizes: an index that has them is made again at
 * open) and meta (history-id, last-seq, indexed-seq). The counter is the
 * larger of meta's last-seq and the highest stored seq (retention never deletes the newest
 * message), so a batch writes only its messages. With a limit of 0 (--no-history) no message
 * is written; the counter is then reserved ahead in blocks in meta, so that numbers stay
 * unique across restarts at the cost of one durable write per block rather than per batch.
 *
 * The search index is not part of a batch's transaction: a commit writes the messages only.
 * The writer indexes what is above meta's indexed-seq later, off the path of a burst, in
 * transactions of their own that are not synced on their own (synchronous=NORMAL; the next
 * batch's commit syncs the WAL holding them), each pass one statement (one FTS5 segment) that
 * moves the mark with it: IndexDelayMs after the last batch (each batch puts it off), a chunk
 * of IndexChunk at a time with the writer's loop turning in between, so that a batch coming
 * meanwhile waits for one chunk at most; under load that never pauses, right after a batch
 * once more than IndexLag messages wait, the oldest, down to IndexLag (so at most IndexLag and
 * one batch wait); and at open, in one pass, what a crash left unindexed (the index can always
 * be rebuilt from messages). The trim's trigger takes out of the index only what was indexed:
 * a message trimmed before its turn is simply not there to index. search() looks up the index
 * up to indexed-seq and the messages above it in a temporary FTS5 table of its connection
 * (contentless, kept from one search to the next), so that it finds everything stored, with the
 * same matching; IndexLag bounds what a search may have to index there first.
 *
 * The WAL is never checkpointed inside a batch's commit (that would hold up its answer): the
 * writer checkpoints (PASSIVE) once the WAL holds CheckpointFrames frames, right after the batch
 * that took it there is answered, and CheckpointIdleMs after the last batch otherwise. The
 * checkpoint lets the next commit start the WAL again from its beginning. The WAL is written
 * out to WalFrames frames when the file is opened and kept at that size (journal_size_limit),
 * so that commits overwrite blocks of the file rather than growing it: fdatasync() then need not
 * also write the file's new size (its inode, through the file system's journal if it has one).
 *
 * A lock file keeps a second server off the same directory: two writers would hand out the
 * same numbers.
 *
 * If the database file is removed or replaced while the server runs, or a write fails, the
 * database reopens it (recreating it if needed, with the same history id and counter) on the
 * next append().
 *
 * A read-only one (Access::ReadOnly) is a second connection for reads beside the writer's (WAL
 * lets them run at the same time): it takes no lock, creates and writes nothing, and follows a
 * file that was replaced.
 */
class SqliteHistoryDatabase final : public HistoryDatabase
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::SqliteHistoryDatabase)

public:
    /*! The database file's name in the data directory. */
    static constexpr char FileName[] = "history.sqlite";
    /*! Held while a store has the directory open. */
    static constexpr char LockName[] = "tagarela-server.lock";
    /*! With no history: how far ahead the counter is reserved. */
    static constexpr quint64 ReserveBlock = 10'000;
    /*! The most rows one INSERT of a batch stores. */
    static constexpr int InsertChunk = 32;
    /*! After this long without a batch, the writer indexes what waits (each batch puts it off). */
    static constexpr int IndexDelayMs = 250;
    /*!
     * The most unindexed messages left waiting while batches keep coming: past it, the writer
     * indexes the oldest right after a batch, down to it. A search first indexes what waits
     * (what it has not seen yet) in its temporary table: this many cost the first search
     * about 0.1 s on a loaded two-core machine (bench/README.md, "The search index off a
     * burst's path"); w1's burst of 30,000 messages stays below it.
     */
    static constexpr quint64 IndexLag = 32'768;
    /*!
     * The most messages one pass indexes, but for what one batch took past IndexLag, so that
     * a batch coming in meanwhile waits for one pass of a few milliseconds at most.
     */
    static constexpr quint64 IndexChunk = 4'096;

    /*! WAL frames (pages) at which the writer checkpoints, after answering the batch. */
    static constexpr int CheckpointFrames = 1000;
    /*! After this long without a batch, the writer checkpoints what the WAL holds. */
    static constexpr int CheckpointIdleMs = 1000;
    /*! The size, in frames, the WAL is written out to and kept at (a checkpoint's worth and room
     *  for the batches written until it runs). */
    static constexpr int WalFrames = 1536;

    enum class Access { ReadWrite, ReadOnly };

    /*! A database in \a directory keeping the newest \a limit messages (0: none). */
    SqliteHistoryDatabase(const QString &directory, int limit, Access access = Access::ReadWrite);
    ~SqliteHistoryDatabase() override;

    bool open() override;
    QString errorString() const override { return m_error; }
    QString historyId() const override { return m_historyId; }
    quint64 lastSeq() const override { return m_lastSeq; }
    bool append(const QList<Message> &messages) override;
    QList<Message> range(quint64 after, quint64 before, int max) override;
    std::optional<Message> findClientId(const QString &clientId) override;
    QList<Message> search(const QString &query, quint64 before, int max,
                          const QString &viewer) override;

    QString filePath() const { return m_path; }
    /*! Messages in the table now. */
    qint64 count() const { return m_count; }
    /*! The writer's: the messages up to this seq are in the search index. */
    quint64 indexedSeq() const { return m_indexedSeq; }
    /*!
     * The writer's: puts what is above indexedSeq() into the search index now, in one pass
     * (also done by itself, see above). False, with errorString(), if it could not.
     */
    [[nodiscard]] bool indexPending();
    /*! The writer's: passes of the search index it ran, whether by itself or indexPending(). */
    int indexPassCount() const { return m_indexPasses; }
    /*! The writer's: frames in the WAL after its last commit. */
    int walFrames() const { return m_walFrames; }
    /*! The writer's: the bytes the WAL is kept at (0 with no history: it is not). */
    qint64 walSize() const { return m_walSize; }
    /*! The writer's: checkpoints it ran (not those of opening the file). */
    int checkpointCount() const { return m_checkpoints; }

private:
    struct Statements;

    [[nodiscard]] bool openDatabase();
    void closeDatabase();
    /*! False, with the reason, if the file has a schema newer than this server knows. */
    [[nodiscard]] bool refuseNewerSchema();
    /*! Brings a database of an older schema up to date (the writer only). */
    [[nodiscard]] bool migrate();
    [[nodiscard]] bool setSchemaVersion();
    /*!
     * In a transaction: marks every stored message indexed (indexed-seq), (re)makes the delete
     * trigger that respects the mark, and sets the schema version.
     */
    [[nodiscard]] bool markAllIndexed();
    /*! Ends the transaction of a failed step without changing errorString(). */
    void rollBackQuietly();
    /*! The indexed-seq in meta (everything, if there is none); nullopt on an error. */
    [[nodiscard]] std::optional<quint64> storedIndexedSeq();
    /*! Brings the reader's temporary index of the unindexed messages up to date. */
    [[nodiscard]] bool updateTail(quint64 indexedSeq);
    /*! After a batch: indexes a pass soon if too many wait, or once the writer is idle. */
    void scheduleIndexing();
    /*! The index timer's pass: IndexChunk messages, or down to IndexLag, the oldest first. */
    void indexSome();
    /*! Indexes the messages above indexedSeq() up to \a target, in one statement. */
    [[nodiscard]] bool indexUpTo(quint64 target);
    /*! After a commit: checkpoints soon if the WAL is long, or once the writer is idle. */
    void scheduleCheckpoint();
    void checkpoint();
    /*! Writes the WAL out to walSize() with zeros, so that commits overwrite it in place. */
    void writeWalOut();
    /*! SQLite's WAL hook: \a frames in the WAL after a commit. */
    static int afterWalCommit(void *database, sqlite3 *, const char *, int frames);
    [[nodiscard]] bool prepareStatements();
    /*! A statement of the writer's on SQLite's handle; null, with errorString(), if not. */
    [[nodiscard]] sqlite3_stmt *prepare(const QByteArray &sql);
    /*! The INSERT of \a rows rows (1 to InsertChunk), prepared once; null if it cannot be. */
    [[nodiscard]] sqlite3_stmt *insertStatement(qsizetype rows);
    /*!
     * Runs \a statement and resets it; false, failing with \a what (marked with QT_TR_NOOP,
     * translated on an error only), on an error.
     */
    [[nodiscard]] bool step(sqlite3_stmt *statement, const char *what);
    bool failSqlite(const QString &what);
    [[nodiscard]] bool fileStillThere() const;
    [[nodiscard]] bool exec(const QString &sql);
    [[nodiscard]] bool writeBatch(const QList<Message> &messages, quint64 newLastSeq);
    bool fail(const QString &what, const QSqlQuery &query);
    bool fail(const QString &what, const QString &detail);

    QString m_directory;
    QString m_path;
    QByteArray m_encodedPath; //!< m_path for the stat() per batch, encoded once
    QString m_connectionName;
    int m_limit;
    Access m_access;
    QString m_historyId;
    quint64 m_lastSeq = 0; //!< as stored (or reserved): never lowered
    qint64 m_count = 0;
    quint64 m_indexedSeq = 0; //!< the writer's: as in meta's indexed-seq
    quint64 m_tailFrom = 0; //!< search(): the temporary index holds the messages above this,
    quint64 m_tailSeq = 0; //!< up to this (those up to the mark, indexed since, are skipped)
    std::unique_ptr<QTimer> m_indexTimer; //!< the writer's, made when first needed
    std::unique_ptr<QTimer> m_checkpointTimer; //!< the writer's, made when first needed
    QDeadlineTimer m_indexDue {0}; //!< the writer's: when the idle writer indexes what waits
    QDeadlineTimer m_checkpointDue {0}; //!< the writer's: when the idle writer checkpoints
    int m_walFrames = 0; //!< after the last commit, as SQLite's WAL hook said
    qint64 m_walSize = 0;
    int m_checkpoints = 0;
    int m_indexPasses = 0;
    quint64 m_inode = 0; //!< of the file opened, to notice it being replaced
    bool m_open = false;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<QLockFile> m_lock;
    QString m_error;
};

} // namespace Tagarela
