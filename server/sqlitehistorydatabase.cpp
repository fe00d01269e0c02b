// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitehistorydatabase.h"

#include <algorithm>
#include <array>
#include <atomic>

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTimer>
#include <QVariant>

#include "serverlogging.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

constexpr auto HistoryIdKey = "history-id"_L1;
constexpr auto LastSeqKey = "last-seq"_L1;
constexpr auto SchemaKey = "schema"_L1;
constexpr auto IndexedSeqKey = "indexed-seq"_L1;
// 2: messages.recipient (private messages), messages_fts (search). 3: messages_fts is filled
// by one statement per batch, not by a trigger per message. 4: messages_fts holds the
// messages up to meta's indexed-seq; the delete trigger takes out only those.
constexpr auto SchemaVersion = "4"_L1;

// The trigger that takes out of the index what retention deletes, if it was indexed:
// deleting from an external-content FTS5 table what it does not hold corrupts it. No mark
// (a file of schema 3 or older): everything is indexed.
constexpr auto DeleteTrigger = "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages "
                               "WHEN old.seq <= coalesce((SELECT CAST(value AS INTEGER) FROM meta "
                               "WHERE key = 'indexed-seq'), 9223372036854775807) BEGIN "
                               "INSERT INTO messages_fts (messages_fts, rowid, text) "
                               "VALUES ('delete', old.seq, old.text); END"_L1;

// The full-text index of the texts. Without the sizes of the documents (columnsize=0): they
// serve only ranking (bm25), which search() does not use, and keeping them cost a row in a
// table of their own per message, about a third of the index's work. Not a schema change: a
// server of schema 4 that did not ask for the option uses the index as it is.
constexpr auto CreateSearchIndex = "CREATE VIRTUAL TABLE messages_fts USING fts5(text, "
                                   "content='messages', content_rowid='seq', columnsize=0)"_L1;

// A lock held by another program (an sqlite3 shell in a write transaction) is waited for this
// long; the whole server waits with it, so not long.
constexpr auto ConnectOptions = "QSQLITE_BUSY_TIMEOUT=250"_L1;
// The reader waits on its own thread: no hurry.
constexpr auto ReadOnlyConnectOptions = "QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_L1;

quint64 inodeOf(const QByteArray &path)
{
    struct stat info
    { };
    if (::stat(path.constData(), &info) != 0)
        return 0;
    return quint64(info.st_ino);
}

Message fromRow(const QSqlQuery &row)
{
    const qint64 seq = row.value(0).toLongLong();
    const qint64 time = row.value(1).toLongLong();
    const QString text = row.value(4).toString();
    if (row.value(2).toString() == messageTypeName(MessageType::Notice))
        return Message::notice(text, time, quint64(seq));
    Message chat = Message::chat(row.value(3).toString(), text, row.value(5).toBool(), time,
                                 quint64(seq), row.value(6).toString());
    chat.to = row.value(7).toString();
    return chat;
}

// The user's words as an FTS5 query: each a quoted string (so that no word is taken for an
// operator or a column) matching the words that start with it, all of them required.
QString ftsQuery(const QString &query)
{
    QStringList terms;
    const QStringList words = query.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        QString quoted = word;
        quoted.replace(u'"', u"\"\""_s);
        terms.append(u'"' + quoted + u"\"*"_s);
    }
    return terms.join(u' ');
}

struct FinalizeStatement
{
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// The columns a message is stored in, and so the values each row of an INSERT binds.
constexpr int ColumnCount = 8;

// The SQLite connection under a QSqlDatabase of Qt's QSQLITE driver; null if it is not one.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

/*!
 * Binds texts to a statement as UTF-8 (the database's encoding), converted into one buffer
 * that lives until the statement has run: SQLite's own conversion of UTF-16 copies each text
 * with a malloc, twice the cost.
 */
class Utf8Binder
{
public:
    /*! Makes room for \a units UTF-16 code units of texts; the texts bound before are gone. */
    void reserve(qsizetype units)
    {
        m_buffer.resize(m_encoder.requiredSpace(units));
        m_next = m_buffer.data();
    }

    /*! Binds \a text, an empty one as ''. */
    void bind(sqlite3_stmt *statement, int index, QStringView text)
    {
        if (text.isEmpty()) {
            sqlite3_bind_text(statement, index, "", 0, SQLITE_STATIC);
            return;
        }
        char *end = m_encoder.appendToBuffer(m_next, text);
        sqlite3_bind_text(statement, index, m_next, int(end - m_next), SQLITE_STATIC);
        m_next = end;
    }

    /*! Binds \a text like bind(), an empty one as NULL. */
    void bindOrNull(sqlite3_stmt *statement, int index, QStringView text)
    {
        if (text.isEmpty())
            sqlite3_bind_null(statement, index);
        else
            bind(statement, index, text);
    }

private:
    QStringEncoder m_encoder {QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    QByteArray m_buffer;
    char *m_next = nullptr;
};

} // namespace

/*!
 * The prepared statements of one connection. Reads go through Qt SQL. The writer's statements
 * are SQLite's own, on the connection under Qt's (the same library the QSQLITE plugin loads):
 * Qt's binding costs about 2,000 instructions per value (a QString key and a hash lookup for
 * each positional value, then a QVariant conversion), 16,000 per stored message.
 */
struct SqliteHistoryDatabase::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : range(db)
        , findClientId(db)
        , search(db)
        , searchTail(db)
        , handle(sqliteHandle(db))
    { }

    QSqlQuery range;
    QSqlQuery findClientId;
    QSqlQuery search;
    QSqlQuery searchTail; //!< the same in the temporary index of what is not indexed yet

    sqlite3 *handle; //!< owned by Qt's driver
    StatementHandle begin;
    StatementHandle commit;
    StatementHandle rollback;
    StatementHandle setMeta;
    StatementHandle trim;
    StatementHandle index; //!< adds the messages of a range of seqs to messages_fts
    StatementHandle syncNormal; //!< for the index's transaction, which needs no sync
    StatementHandle syncFull;
    /*! INSERTs of 1 to InsertChunk rows (index: rows - 1), each prepared when first needed. */
    std::array<StatementHandle, InsertChunk> inserts;
    QByteArray chatKind = messageTypeName(MessageType::Chat).toUtf8();
    QByteArray noticeKind = messageTypeName(MessageType::Notice).toUtf8();
    Utf8Binder texts;
};

SqliteHistoryDatabase::SqliteHistoryDatabase(const QString &directory, int limit, Access access)
    : m_directory(directory)
    , m_path(QDir(directory).filePath(QLatin1StringView(FileName)))
    , m_encodedPath(QFile::encodeName(m_path))
    , m_limit(std::max(0, limit))
    , m_access(access)
{
    static std::atomic<int> instances {0};
    m_connectionName = u"tagarela-history-%1"_s.arg(++instances);
}

SqliteHistoryDatabase::~SqliteHistoryDatabase()
{
    closeDatabase();
}

bool SqliteHistoryDatabase::open()
{
    if (m_open)
        return true;
    if (m_access == Access::ReadOnly)
        return openDatabase();
    if (!m_lock) {
        if (!QDir().mkpath(m_directory))
            return fail(tr("cannot create the directory %1").arg(m_directory), QString());
        auto lock =
            std::make_unique<QLockFile>(QDir(m_directory).filePath(QLatin1StringView(LockName)));
        // A lock left by a server that died (SIGKILL, power cut) is taken over at once.
        if (!lock->tryLock(0)) {
            qint64 pid = 0;
            QString host;
            QString application;
            lock->getLockInfo(&pid, &host, &application);
            return fail(lock->error() == QLockFile::LockFailedError
                            ? tr("%1 is in use by another server (process %2 on %3)")
                                  .arg(m_directory)
                                  .arg(pid)
                                  .arg(host)
                            : tr("cannot create the lock file in %1").arg(m_directory),
                        QString());
        }
        m_lock = std::move(lock);
    }
    return openDatabase();
}

bool SqliteHistoryDatabase::fail(const QString &what, const QSqlQuery &query)
{
    return fail(what, query.lastError().text());
}

bool SqliteHistoryDatabase::fail(const QString &what, const QString &detail)
{
    m_error = detail.isEmpty() ? what : what + u": "_s + detail;
    return false;
}

bool SqliteHistoryDatabase::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql))
        return fail(sql, query);
    return true;
}

bool SqliteHistoryDatabase::openDatabase()
{
    closeDatabase();
    const bool readOnly = m_access == Access::ReadOnly;
    if (!readOnly && !QDir().mkpath(m_directory))
        return fail(tr("cannot create the directory %1").arg(m_directory), QString());

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(readOnly ? ReadOnlyConnectOptions : ConnectOptions);
    if (!db.open()) {
        const QString detail = db.lastError().text();
        db = QSqlDatabase();
        closeDatabase();
        return fail(tr("cannot open %1").arg(m_path), detail);
    }
    m_open = true;

    const auto opened = [this, readOnly] {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        if (readOnly)
            return prepareStatements();
        // WAL: readers (a backup) do not block the server; FULL: a commit is on disk (the WAL
        // fsynced) before COMMIT returns, so what was acknowledged survives a power cut.
        if (!query.exec(u"PRAGMA journal_mode=WAL"_s) || !query.next())
            return fail(tr("cannot set the journal mode"), query);
        if (query.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0) {
            qCWarning(lcServer).noquote()
                << tr("The history database %1 is not in WAL mode (%2); it is slower.")
                       .arg(m_path, query.value(0).toString());
        }
        query.finish(); // a statement in progress would keep a transaction from committing
        // No checkpoint inside a commit: the writer runs them after answering (WAL hook).
        if (!exec(u"PRAGMA synchronous=FULL"_s) || !exec(u"PRAGMA wal_autocheckpoint=0"_s))
            return false;
        if (!exec(
                u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s) ||
            !exec(u"CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY, "
                  "time INTEGER NOT NULL, kind TEXT NOT NULL, sender TEXT NOT NULL, "
                  "text TEXT NOT NULL, action INTEGER NOT NULL, client_id TEXT, "
                  "recipient TEXT)"_s) ||
            !exec(u"CREATE INDEX IF NOT EXISTS messages_client_id ON messages (client_id) "
                  "WHERE client_id IS NOT NULL"_s) ||
            !refuseNewerSchema() || !migrate()) {
            return false;
        }
        // What that wrote (a new file's tables and index, a migration) goes into the database
        // now and the WAL starts again from its beginning, rather than growing with a new
        // file's dozen pages before the first batch. A failure (a reader in the way) is no
        // error: it only leaves them in the WAL.
        if (query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
            query.finish();
        if (m_limit > 0) {
            if (!query.exec(u"PRAGMA page_size"_s) || !query.next())
                return fail(tr("cannot read the page size"), query);
            // A WAL header, then frames of a header and a page each.
            m_walSize = 32 + qint64(WalFrames) * (24 + query.value(0).toLongLong());
            query.finish();
            // The WAL is cut back to this size when it starts again, not shorter.
            if (!exec(u"PRAGMA journal_size_limit=%1"_s.arg(m_walSize)))
                return false;
            writeWalOut();
        }

        QString storedId;
        quint64 storedSeq = 0;
        if (!query.exec(u"SELECT key, value FROM meta"_s))
            return fail(tr("cannot read the meta table"), query);
        while (query.next()) {
            if (query.value(0).toString() == HistoryIdKey)
                storedId = query.value(1).toString();
            else if (query.value(0).toString() == LastSeqKey)
                storedSeq = query.value(1).toULongLong();
        }
        if (!query.exec(u"SELECT MAX(seq), COUNT(*) FROM messages"_s) || !query.next())
            return fail(tr("cannot read the messages table"), query);
        storedSeq = std::max(storedSeq, quint64(query.value(0).toLongLong()));
        m_count = query.value(1).toLongLong();

        if (!m_historyId.isEmpty() && !storedId.isEmpty() && storedId != m_historyId) {
            qCWarning(lcServer).noquote()
                << tr("The history database %1 was replaced by another one; this server keeps "
                      "numbering its messages as before until it restarts.")
                       .arg(m_path);
        }
        if (m_historyId.isEmpty())
            m_historyId = storedId.isEmpty() ? newHistoryId() : storedId;

        // A new file (or one recreated after it was removed) is given the id and counter,
        // so that numbers never go back.
        const bool newFile = storedId.isEmpty();
        const quint64 lastSeq = std::max(m_lastSeq, storedSeq);
        if (newFile || lastSeq > storedSeq) {
            if (!exec(u"BEGIN IMMEDIATE"_s))
                return false;
            const QList<std::pair<QString, QString>> values = {
                {SchemaKey, SchemaVersion},
                {HistoryIdKey, newFile ? m_historyId : storedId},
                {LastSeqKey, QString::number(lastSeq)},
            };
            for (const auto &[key, value] : values) {
                query.prepare(u"INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"_s);
                query.addBindValue(key);
                query.addBindValue(value);
                if (!query.exec()) {
                    const bool failed = fail(tr("cannot write the meta table"), query);
                    rollBackQuietly();
                    return failed;
                }
            }
            if (!exec(u"COMMIT"_s)) {
                rollBackQuietly();
                return false;
            }
        }
        m_lastSeq = lastSeq;
        if (!prepareStatements())
            return false;
        const std::optional<quint64> indexed = storedIndexedSeq();
        m_indexedSeq = indexed.value_or(0);
        return indexed.has_value();
    };
    if (!opened()) {
        m_error = tr("The history database %1: %2").arg(m_path, m_error);
        closeDatabase();
        return false;
    }
    m_inode = inodeOf(m_encodedPath);
    // What a crash left out of the index (or all that is stored, in a file made anew).
    if (!readOnly && !indexPending()) {
        m_error = tr("The history database %1: %2").arg(m_path, m_error);
        closeDatabase();
        return false;
    }
    return true;
}

bool SqliteHistoryDatabase::refuseNewerSchema()
{
    // A newer server may keep what this one does not know of (an older one would, say, store
    // messages its search index never sees): stop rather than write into it.
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.addBindValue(QString(SchemaKey));
    if (!query.exec())
        return fail(tr("cannot read the meta table"), query);
    if (!query.next())
        return true;
    const QString stored = query.value(0).toString();
    bool number = false;
    const int version = stored.toInt(&number);
    if (number && version <= QString(SchemaVersion).toInt())
        return true;
    m_error = tr("it was written by a newer Tagarela (history schema %1; this server knows "
                 "schema %2 and older): run the newer server, or restore a backup made for "
                 "this one")
                  .arg(stored, QString(SchemaVersion));
    return false;
}

bool SqliteHistoryDatabase::migrate()
{
    // Schema 1 had no recipient: every message in it is for the room (NULL).
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"PRAGMA table_info(messages)"_s))
        return fail(tr("cannot read the messages table"), query);
    bool hasRecipient = false;
    while (query.next())
        hasRecipient = hasRecipient || query.value(1).toString() == "recipient"_L1;
    query.finish();
    if (!hasRecipient) {
        qCInfo(lcServer).noquote()
            << tr("Updating the history database %1 for private messages").arg(m_path);
        if (!exec(u"ALTER TABLE messages ADD COLUMN recipient TEXT"_s) || !setSchemaVersion())
            return false;
    }

    // The full-text index of the texts, filled by indexPending(); a trigger takes out what is
    // deleted. Made, filled and marked in one transaction. An index that keeps the sizes of
    // the documents (made before CreateSearchIndex left them out) is made again.
    if (!query.exec(u"SELECT sql FROM sqlite_master WHERE name = 'messages_fts'"_s))
        return fail(tr("cannot read the schema"), query);
    const bool hasIndex = query.next();
    const bool keepsSizes =
        hasIndex && !query.value(0).toString().contains("columnsize=0"_L1, Qt::CaseInsensitive);
    query.finish();
    if (!hasIndex || keepsSizes) {
        if (!exec(u"BEGIN IMMEDIATE"_s))
            return false;
        if (keepsSizes && !exec(u"DROP TABLE messages_fts"_s)) {
            rollBackQuietly();
            return false;
        }
        if (!query.exec(QString(CreateSearchIndex))) {
            const bool failed = fail(tr("cannot create the search index (this SQLite library "
                                        "may lack FTS5, which Debian's libsqlite3 has)"),
                                     query);
            rollBackQuietly();
            return failed;
        }
        // A new database has nothing to index: say so only when there is work to wait for.
        if (query.exec(u"SELECT EXISTS (SELECT 1 FROM messages)"_s) && query.next() &&
            query.value(0).toBool()) {
            qCInfo(lcServer).noquote() << tr("Building the search index of %1").arg(m_path);
        }
        query.finish();
        if (!exec(u"INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"_s) ||
            !markAllIndexed() || !exec(u"COMMIT"_s)) {
            rollBackQuietly();
            return false;
        }
    }

    // Schema 2 indexed each message by a trigger. FTS5 writes what it holds at the end of
    // every statement that touches it (and at the start of every later one in the
    // transaction), so that wrote an index segment per message: 110,000 instructions each.
    if (!query.exec(u"SELECT 1 FROM sqlite_master WHERE type = 'trigger' "
                    "AND name = 'messages_fts_insert'"_s)) {
        return fail(tr("cannot read the schema"), query);
    }
    const bool hasInsertTrigger = query.next();
    query.finish();
    if (hasInsertTrigger && (!exec(u"DROP TRIGGER messages_fts_insert"_s) || !setSchemaVersion())) {
        return false;
    }

    // Schema 3 and older indexed each batch in its transaction: everything is indexed.
    const std::optional<quint64> indexed = storedIndexedSeq();
    if (!indexed)
        return false;
    if (*indexed == NoLimit) {
        if (!exec(u"BEGIN IMMEDIATE"_s))
            return false;
        if (!markAllIndexed() || !exec(u"COMMIT"_s)) {
            rollBackQuietly();
            return false;
        }
    }
    return true;
}

void SqliteHistoryDatabase::rollBackQuietly()
{
    // What failed before says why; a transaction that is already gone is no news.
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    (void)query.exec(u"ROLLBACK"_s);
}

bool SqliteHistoryDatabase::markAllIndexed()
{
    return exec(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('indexed-seq', "
                "(SELECT CAST(coalesce(max(seq), 0) AS TEXT) FROM messages))"_s) &&
        exec(u"DROP TRIGGER IF EXISTS messages_fts_delete"_s) && exec(QString(DeleteTrigger)) &&
        setSchemaVersion();
}

std::optional<quint64> SqliteHistoryDatabase::storedIndexedSeq()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.addBindValue(QString(IndexedSeqKey));
    if (!query.exec()) {
        (void)fail(tr("cannot read the meta table"), query);
        return std::nullopt;
    }
    if (!query.next())
        return NoLimit;
    return quint64(std::max<qint64>(0, query.value(0).toLongLong()));
}

bool SqliteHistoryDatabase::setSchemaVersion()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"_s);
    query.addBindValue(QString(SchemaKey));
    query.addBindValue(QString(SchemaVersion));
    if (!query.exec())
        return fail(tr("cannot write the meta table"), query);
    return true;
}

bool SqliteHistoryDatabase::prepareStatements()
{
    m_statements = std::make_unique<Statements>(QSqlDatabase::database(m_connectionName));
    Statements &s = *m_statements;
    s.range.setForwardOnly(true);
    s.findClientId.setForwardOnly(true);
    s.search.setForwardOnly(true);
    s.searchTail.setForwardOnly(true);
    // What the writer has not indexed yet, indexed here for search() (temporary tables are
    // the connection's own, also on a read-only one). Matched like messages_fts; it keeps
    // neither the texts (messages has them) nor their sizes: a third of the cost to fill.
    if (!exec(u"CREATE VIRTUAL TABLE temp.messages_tail USING fts5(text, content='', "
              "columnsize=0)"_s)) {
        return false;
    }
    m_tailFrom = 0;
    m_tailSeq = 0;
    if (!s.range.prepare(u"SELECT seq, time, kind, sender, text, action, client_id, recipient "
                         "FROM messages WHERE seq > ? AND seq < ? "
                         "ORDER BY seq DESC LIMIT ?"_s) ||
        !s.findClientId.prepare(
            u"SELECT seq, time, kind, sender, text, action, "
            "client_id, recipient FROM messages WHERE client_id = ? LIMIT 1"_s) ||
        !s.search.prepare(u"SELECT m.seq, m.time, m.kind, m.sender, m.text, m.action, "
                          "m.client_id, m.recipient FROM messages_fts f "
                          "JOIN messages m ON m.seq = f.rowid "
                          "WHERE messages_fts MATCH ? AND f.rowid < ? AND (m.recipient IS NULL "
                          "OR m.sender = ? COLLATE NOCASE OR m.recipient = ? COLLATE NOCASE) "
                          "ORDER BY f.rowid DESC LIMIT ?"_s) ||
        !s.searchTail.prepare(
            u"SELECT m.seq, m.time, m.kind, m.sender, m.text, m.action, m.client_id, "
            "m.recipient FROM temp.messages_tail f JOIN messages m ON m.seq = f.rowid "
            "WHERE messages_tail MATCH ? AND f.rowid > ? AND f.rowid < ? "
            "AND (m.recipient IS NULL "
            "OR m.sender = ? COLLATE NOCASE OR m.recipient = ? COLLATE NOCASE) "
            "ORDER BY f.rowid DESC LIMIT ?"_s)) {
        return fail(tr("cannot prepare the statements"),
                    QSqlDatabase::database(m_connectionName, false).lastError().text());
    }
    if (m_access == Access::ReadOnly)
        return true;
    if (!s.handle)
        return fail(tr("cannot prepare the statements"), tr("not an SQLite connection"));
    sqlite3_wal_hook(s.handle, &SqliteHistoryDatabase::afterWalCommit, this);
    s.begin.reset(prepare("BEGIN IMMEDIATE"));
    s.commit.reset(prepare("COMMIT"));
    s.rollback.reset(prepare("ROLLBACK"));
    s.setMeta.reset(prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    s.trim.reset(prepare("DELETE FROM messages WHERE seq IN (SELECT seq FROM messages ORDER BY seq "
                         "LIMIT ?)"));
    s.index.reset(prepare("INSERT INTO messages_fts (rowid, text) "
                          "SELECT seq, text FROM messages WHERE seq > ? AND seq <= ?"));
    s.syncNormal.reset(prepare("PRAGMA synchronous=NORMAL"));
    s.syncFull.reset(prepare("PRAGMA synchronous=FULL"));
    return s.begin && s.commit && s.rollback && s.setMeta && s.trim && s.index && s.syncNormal &&
        s.syncFull;
}

sqlite3_stmt *SqliteHistoryDatabase::prepare(const QByteArray &sql)
{
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v3(m_statements->handle, sql.constData(), int(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &prepared, nullptr) != SQLITE_OK) {
        sqlite3_finalize(prepared);
        (void)failSqlite(tr("cannot prepare the statements"));
        return nullptr;
    }
    return prepared;
}

sqlite3_stmt *SqliteHistoryDatabase::insertStatement(qsizetype rows)
{
    StatementHandle &statement = m_statements->inserts.at(size_t(rows - 1));
    if (statement)
        return statement.get();
    QByteArray sql = "INSERT INTO messages (seq, time, kind, sender, text, action, client_id, "
                     "recipient) VALUES ";
    for (qsizetype row = 0; row < rows; ++row)
        sql += row == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?)";
    statement.reset(prepare(sql));
    return statement.get();
}

bool SqliteHistoryDatabase::step(sqlite3_stmt *statement, const char *what)
{
    const int result = sqlite3_step(statement);
    const bool ok = result == SQLITE_DONE || result == SQLITE_ROW;
    if (!ok)
        (void)failSqlite(tr(what)); // translated only now: a batch runs several steps
    sqlite3_reset(statement);
    return ok;
}

bool SqliteHistoryDatabase::failSqlite(const QString &what)
{
    return fail(what, QString::fromUtf8(sqlite3_errmsg(m_statements->handle)));
}

void SqliteHistoryDatabase::closeDatabase()
{
    // Every query must be gone before the connection is removed.
    m_statements.reset();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_open = false;
    m_inode = 0;
    m_walFrames = 0;
}

bool SqliteHistoryDatabase::fileStillThere() const
{
    // SQLite keeps writing to a file that was deleted (the open descriptor keeps it alive),
    // and all of it would be lost: a stat per batch notices.
    const quint64 inode = inodeOf(m_encodedPath);
    return inode != 0 && inode == m_inode;
}

bool SqliteHistoryDatabase::append(const QList<Message> &messages)
{
    if (m_open && !fileStillThere()) {
        qCWarning(lcServer).noquote()
            << tr("The history database %1 was removed or replaced; creating it again.")
                   .arg(m_path);
        closeDatabase();
    }
    if (!m_open && !openDatabase())
        return false;

    quint64 maxSeq = m_lastSeq;
    for (const Message &message : messages)
        maxSeq = std::max(maxSeq, message.seq);
    quint64 newLastSeq = m_lastSeq;
    if (m_limit == 0 && maxSeq > m_lastSeq)
        newLastSeq = maxSeq + ReserveBlock;
    else if (m_limit > 0)
        newLastSeq = maxSeq;
    if (m_limit == 0 && newLastSeq == m_lastSeq)
        return true; // nothing to write: the numbers were reserved before

    if (!writeBatch(messages, newLastSeq)) {
        // Start from a fresh connection next time: a failed write may leave it in any state.
        closeDatabase();
        return false;
    }
    scheduleIndexing();
    scheduleCheckpoint();
    return true;
}

int SqliteHistoryDatabase::afterWalCommit(void *database, sqlite3 *, const char *, int frames)
{
    static_cast<SqliteHistoryDatabase *>(database)->m_walFrames = frames;
    return SQLITE_OK;
}

void SqliteHistoryDatabase::scheduleCheckpoint()
{
    if (!m_checkpointTimer) {
        m_checkpointTimer = std::make_unique<QTimer>();
        m_checkpointTimer->setSingleShot(true);
        m_checkpointTimer->callOnTimeout(m_checkpointTimer.get(), [this] {
            // Put off by a batch since it was armed: armed again for what is left.
            if (!m_checkpointDue.hasExpired()) {
                m_checkpointTimer->start(int(std::max<qint64>(1, m_checkpointDue.remainingTime())));
                return;
            }
            checkpoint();
        });
    }
    // After the answer to this batch (the timer fires once this call has returned), and
    // after a batch already waiting; the WAL stays bounded as the writer answers each batch
    // before it takes the next.
    if (m_walFrames >= CheckpointFrames) {
        m_checkpointDue = QDeadlineTimer(0);
        if (!m_checkpointTimer->isActive() || m_checkpointTimer->interval() != 0)
            m_checkpointTimer->start(0);
        return;
    }
    // Otherwise once the writer is idle: each batch moves the deadline, and the timer, armed
    // once, follows it when it fires: cheaper than arming a timer again per batch.
    m_checkpointDue.setRemainingTime(CheckpointIdleMs);
    if (!m_checkpointTimer->isActive())
        m_checkpointTimer->start(CheckpointIdleMs);
}

void SqliteHistoryDatabase::checkpoint()
{
    if (m_access == Access::ReadOnly || !m_open || !fileStillThere())
        return;
    // PASSIVE: copies what no reader still needs and waits for nobody; a reader in the way
    // leaves the rest for the next one. With synchronous=FULL it syncs the WAL, then the
    // database file.
    int logged = 0;
    int copied = 0;
    const int result = sqlite3_wal_checkpoint_v2(m_statements->handle, nullptr,
                                                 SQLITE_CHECKPOINT_PASSIVE, &logged, &copied);
    if (result == SQLITE_OK) {
        ++m_checkpoints;
    } else if (result != SQLITE_BUSY) {
        qCWarning(lcServer).noquote()
            << tr("Cannot checkpoint the history database %1: %2")
                   .arg(m_path, QString::fromUtf8(sqlite3_errmsg(m_statements->handle)));
    }
}

void SqliteHistoryDatabase::writeWalOut()
{
    // Beyond the WAL's frames: zeros, which no one takes for a frame (each carries the
    // header's salt and a checksum), as after every restart of the WAL. Best effort: a full
    // disk leaves the WAL as it is.
    const QByteArray path = QFile::encodeName(m_path + u"-wal"_s);
    const int fd = ::open(path.constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat info
    { };
    if (::fstat(fd, &info) == 0 && info.st_size < m_walSize) {
        const QByteArray zeros(64 * 1024, '\0');
        qint64 offset = info.st_size;
        while (offset < m_walSize) {
            const auto chunk = size_t(std::min<qint64>(zeros.size(), m_walSize - offset));
            const ssize_t written = ::pwrite(fd, zeros.constData(), chunk, off_t(offset));
            if (written <= 0)
                break;
            offset += written;
        }
        (void)::fdatasync(fd);
    }
    ::close(fd);
}

void SqliteHistoryDatabase::scheduleIndexing()
{
    if (m_limit == 0 || m_indexedSeq >= m_lastSeq)
        return;
    if (!m_indexTimer) {
        m_indexTimer = std::make_unique<QTimer>();
        m_indexTimer->setSingleShot(true);
        m_indexTimer->callOnTimeout(m_indexTimer.get(), [this] {
            // Put off by a batch since it was armed (and not too many waiting): armed again
            // for what is left.
            if (m_lastSeq - m_indexedSeq <= IndexLag && !m_indexDue.hasExpired()) {
                m_indexTimer->start(int(std::max<qint64>(1, m_indexDue.remainingTime())));
                return;
            }
            indexSome();
        });
    }
    // Too many waiting: a pass right after the answer to this batch (the timer fires once this
    // call has returned). Otherwise once the writer is idle: each batch puts it off (moves the
    // deadline, which the timer, armed once, follows), so that no pass holds up a batch of a
    // burst (search() finds what waits meanwhile).
    if (m_lastSeq - m_indexedSeq > IndexLag) {
        if (!m_indexTimer->isActive() || m_indexTimer->interval() != 0)
            m_indexTimer->start(0);
        return;
    }
    m_indexDue.setRemainingTime(IndexDelayMs);
    if (!m_indexTimer->isActive())
        m_indexTimer->start(IndexDelayMs);
}

void SqliteHistoryDatabase::indexSome()
{
    if (m_indexedSeq >= m_lastSeq)
        return;
    const quint64 waiting = m_lastSeq - m_indexedSeq;
    // Behind while batches keep coming: down to IndexLag, a chunk at least. Idle: a chunk,
    // then the next one after whatever came meanwhile (a batch puts the rest off again).
    const bool behind = waiting > IndexLag;
    const quint64 rows = std::min(waiting, std::max(IndexChunk, behind ? waiting - IndexLag : 0));
    const quint64 before = m_indexedSeq;
    if (!indexUpTo(before + rows)) {
        // Tried again after the next batch; search() finds the messages meanwhile.
        qCWarning(lcServer).noquote()
            << tr("Cannot update the search index of %1: %2").arg(m_path, m_error);
        return;
    }
    // What is left, once the writer is idle (no further pass if this one could not run: the
    // file was replaced, and append() opens it again).
    if (m_indexedSeq > before && m_indexedSeq < m_lastSeq)
        m_indexTimer->start(behind ? IndexDelayMs : 0);
}

bool SqliteHistoryDatabase::indexPending()
{
    return indexUpTo(m_lastSeq);
}

bool SqliteHistoryDatabase::indexUpTo(quint64 target)
{
    if (m_access == Access::ReadOnly || m_limit == 0 || !m_open || m_indexedSeq >= target)
        return true;
    if (!fileStillThere())
        return true; // append() opens the file again, and indexes it then
    Statements &s = *m_statements;
    const char *const what = QT_TR_NOOP("cannot update the search index");
    // The index can be rebuilt from the messages (at open, from the mark): its transaction
    // need not wait for the disk. The next batch's commit syncs the WAL, this one's pages too.
    if (!step(s.syncNormal.get(), what))
        return false;
    bool ok = step(s.begin.get(), what);
    if (ok) {
        // One statement: FTS5 writes one segment for all of it. The messages the trim deleted
        // meanwhile are not there to index, and the mark passes them: its trigger takes out of
        // the index exactly the messages up to the mark that are there.
        sqlite3_bind_int64(s.index.get(), 1, sqlite3_int64(m_indexedSeq));
        sqlite3_bind_int64(s.index.get(), 2, sqlite3_int64(target));
        const QByteArray value = QByteArray::number(target);
        sqlite3_bind_text(s.setMeta.get(), 1, IndexedSeqKey.data(), int(IndexedSeqKey.size()),
                          SQLITE_STATIC);
        sqlite3_bind_text(s.setMeta.get(), 2, value.constData(), int(value.size()),
                          SQLITE_TRANSIENT);
        ok = step(s.index.get(), what) && step(s.setMeta.get(), what) && step(s.commit.get(), what);
        if (!ok) {
            sqlite3_step(s.rollback.get());
            sqlite3_reset(s.rollback.get());
        }
    }
    // Batches must be durable again; a connection that cannot say so is not used.
    if (!step(s.syncFull.get(), what)) {
        closeDatabase();
        return false;
    }
    if (!ok)
        return false;
    m_indexedSeq = target;
    ++m_indexPasses;
    scheduleCheckpoint();
    return true;
}

bool SqliteHistoryDatabase::writeBatch(const QList<Message> &messages, quint64 newLastSeq)
{
    Statements &s = *m_statements;
    if (!step(s.begin.get(), QT_TR_NOOP("cannot begin a transaction")))
        return false;
    const auto rollBack = [&s] {
        sqlite3_step(s.rollback.get());
        sqlite3_reset(s.rollback.get());
        return false;
    };
    qint64 inserted = 0;
    if (m_limit > 0) {
        // One INSERT per chunk of rows: a step per chunk rather than per message.
        for (qsizetype first = 0; first < messages.size(); first += InsertChunk) {
            const qsizetype rows = std::min<qsizetype>(InsertChunk, messages.size() - first);
            sqlite3_stmt *insert = insertStatement(rows);
            if (!insert)
                return rollBack();
            qsizetype units = 0;
            for (qsizetype row = 0; row < rows; ++row) {
                const Message &message = messages.at(first + row);
                units += message.from.size() + message.text.size() + message.clientId.size() +
                    message.to.size();
            }
            s.texts.reserve(units);
            for (qsizetype row = 0; row < rows; ++row) {
                const Message &message = messages.at(first + row);
                const int base = int(row) * ColumnCount;
                const bool notice = message.type == MessageType::Notice;
                sqlite3_bind_int64(insert, base + 1, sqlite3_int64(message.seq));
                sqlite3_bind_int64(insert, base + 2, message.time);
                if (notice || message.type == MessageType::Chat) {
                    const QByteArray &kind = notice ? s.noticeKind : s.chatKind;
                    sqlite3_bind_text(insert, base + 3, kind.constData(), int(kind.size()),
                                      SQLITE_STATIC);
                } else {
                    const QByteArray kind = messageTypeName(message.type).toUtf8();
                    sqlite3_bind_text(insert, base + 3, kind.constData(), int(kind.size()),
                                      SQLITE_TRANSIENT);
                }
                // Notices have no sender: ''.
                s.texts.bind(insert, base + 4, notice ? QStringView() : message.from);
                s.texts.bind(insert, base + 5, message.text);
                sqlite3_bind_int(insert, base + 6, message.action ? 1 : 0);
                s.texts.bindOrNull(insert, base + 7, message.clientId);
                s.texts.bindOrNull(insert, base + 8, message.to);
            }
            if (!step(insert, QT_TR_NOOP("cannot store a message")))
                return rollBack();
            inserted += rows;
        }
        // Not indexed here (indexPending()): the trim's trigger takes out of the index only
        // what was indexed.
        const qint64 excess = m_count + inserted - m_limit;
        if (excess > 0) {
            sqlite3_bind_int64(s.trim.get(), 1, excess);
            if (!step(s.trim.get(), QT_TR_NOOP("cannot delete old messages")))
                return rollBack();
        }
    } else {
        const QByteArray value = QByteArray::number(newLastSeq);
        sqlite3_bind_text(s.setMeta.get(), 1, LastSeqKey.data(), int(LastSeqKey.size()),
                          SQLITE_STATIC);
        sqlite3_bind_text(s.setMeta.get(), 2, value.constData(), int(value.size()),
                          SQLITE_TRANSIENT);
        if (!step(s.setMeta.get(), QT_TR_NOOP("cannot store the message counter")))
            return rollBack();
    }
    if (!step(s.commit.get(), QT_TR_NOOP("cannot commit")))
        return rollBack();
    m_count = std::min<qint64>(m_count + inserted, m_limit);
    m_lastSeq = newLastSeq;
    return true;
}

QList<Message> SqliteHistoryDatabase::range(quint64 after, quint64 before, int max)
{
    if (m_limit == 0 || max <= 0 || after + 1 >= before)
        return {};
    if (m_open && m_access == Access::ReadOnly && !fileStillThere())
        closeDatabase(); // replaced or removed: read the file that is there now
    if (!m_open && !openDatabase()) {
        qCWarning(lcServer).noquote() << m_error;
        return {};
    }
    QSqlQuery &query = m_statements->range;
    query.bindValue(0, qint64(after));
    query.bindValue(1, qint64(std::min(before, NoLimit)));
    query.bindValue(2, max);
    if (!query.exec()) {
        qCWarning(lcServer).noquote()
            << tr("Cannot read the history from %1: %2").arg(m_path, query.lastError().text());
        return {};
    }
    QList<Message> newestFirst;
    while (query.next())
        newestFirst.append(fromRow(query));
    query.finish();
    return QList<Message>(newestFirst.crbegin(), newestFirst.crend());
}

QList<Message> SqliteHistoryDatabase::search(const QString &query, quint64 before, int max,
                                             const QString &viewer)
{
    const QString match = ftsQuery(query);
    if (m_limit == 0 || max <= 0 || before <= 1 || match.isEmpty())
        return {};
    if (m_open && m_access == Access::ReadOnly && !fileStillThere())
        closeDatabase();
    if (!m_open && !openDatabase()) {
        qCWarning(lcServer).noquote() << m_error;
        return {};
    }
    // The index holds the messages up to the mark; those above it (a few: the writer indexes
    // them soon after they are stored) are searched in the temporary index, first, as they
    // are the newest.
    const std::optional<quint64> indexed = storedIndexedSeq();
    if (!indexed || !updateTail(*indexed)) {
        qCWarning(lcServer).noquote()
            << tr("Cannot search the history in %1: %2").arg(m_path, m_error);
        return {};
    }
    // No viewer: a NULL matches no sender or recipient, so the room's messages only.
    const QVariant nick = viewer.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : viewer;
    const quint64 newest = std::min(before, NoLimit);
    QList<Message> newestFirst;
    for (QSqlQuery *statement : {&m_statements->searchTail, &m_statements->search}) {
        const bool tail = statement == &m_statements->searchTail;
        if (newestFirst.size() >= max || (tail && *indexed == NoLimit))
            continue;
        // The tail may still hold messages indexed since (see updateTail()): it is searched
        // above the mark only.
        int value = 0;
        statement->bindValue(value++, match);
        if (tail)
            statement->bindValue(value++, qint64(*indexed));
        statement->bindValue(value++, qint64(tail ? newest : std::min(newest, *indexed + 1)));
        statement->bindValue(value++, nick);
        statement->bindValue(value++, nick);
        statement->bindValue(value++, max - int(newestFirst.size()));
        if (!statement->exec()) {
            qCWarning(lcServer).noquote() << tr("Cannot search the history in %1: %2")
                                                 .arg(m_path, statement->lastError().text());
            return {};
        }
        while (statement->next())
            newestFirst.append(fromRow(*statement));
        statement->finish();
    }
    return QList<Message>(newestFirst.crbegin(), newestFirst.crend());
}

bool SqliteHistoryDatabase::updateTail(quint64 indexedSeq)
{
    if (indexedSeq == NoLimit)
        return true; // an older file: all of it is indexed
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // What was stored since comes in, up to the newest seq now (read first: a batch stored
    // meanwhile is taken the next time).
    if (!query.exec(u"SELECT coalesce(max(seq), 0) FROM messages"_s) || !query.next())
        return fail(tr("cannot read the history"), query);
    const quint64 newest = quint64(query.value(0).toLongLong());
    query.finish();
    // What the writer has indexed since stays, below the mark that search() looks above,
    // until it outweighs what is not indexed: then the tail starts again from the mark, at the
    // cost of what it then holds (taking rows out one by one costs as much as putting them
    // in). So the tail holds at most twice what waits, and a search indexes here only what it
    // has not seen yet, or what waits when the tail starts again.
    const quint64 stale = std::min(indexedSeq, m_tailSeq) - std::min(indexedSeq, m_tailFrom);
    const quint64 waiting = newest > indexedSeq ? newest - indexedSeq : 0;
    if (stale > waiting) {
        if (!query.exec(u"INSERT INTO temp.messages_tail (messages_tail) VALUES ('delete-all')"_s))
            return fail(tr("cannot read the history"), query);
        m_tailFrom = indexedSeq;
        m_tailSeq = indexedSeq;
    }
    const quint64 from = std::max(indexedSeq, m_tailSeq);
    if (newest <= from)
        return true;
    query.prepare(u"INSERT INTO temp.messages_tail (rowid, text) "
                  "SELECT seq, text FROM messages WHERE seq > ? AND seq <= ?"_s);
    query.addBindValue(qint64(from));
    query.addBindValue(qint64(newest));
    if (!query.exec())
        return fail(tr("cannot read the history"), query);
    if (m_tailSeq == m_tailFrom)
        m_tailFrom = from; // it was empty
    m_tailSeq = newest;
    return true;
}

std::optional<Message> SqliteHistoryDatabase::findClientId(const QString &clientId)
{
    if (m_limit == 0)
        return std::nullopt;
    if (!m_open && !openDatabase()) {
        qCWarning(lcServer).noquote() << m_error;
        return std::nullopt;
    }
    QSqlQuery &query = m_statements->findClientId;
    query.bindValue(0, clientId);
    if (!query.exec()) {
        qCWarning(lcServer).noquote()
            << tr("Cannot read the history from %1: %2").arg(m_path, query.lastError().text());
        return std::nullopt;
    }
    std::optional<Message> found;
    if (query.next())
        found = fromRow(query);
    query.finish();
    return found;
}

} // namespace Tagarela
