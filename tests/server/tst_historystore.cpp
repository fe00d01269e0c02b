// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The history databases (SQLite and memory, the same tests for both), the asynchronous stores
// over them (on threads, in memory), and the MessageLog over a store.

#include <algorithm>
#include <memory>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "gatedhistorydatabase.h"
#include "historydatabase.h"
#include "historystore.h"
#include "memoryhistorydatabase.h"
#include "memoryhistorystore.h"
#include "messagelog.h"
#include "serverconfig.h"
#include "sqlitehistorydatabase.h"
#include "threadedhistorystore.h"
#include "validation.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

constexpr qint64 StartTime = 1'700'000'000'000;

Message chat(quint64 seq, const QString &clientId = {})
{
    return Message::chat(u"ana"_s, u"message %1"_s.arg(seq), seq % 2 == 0, StartTime + qint64(seq),
                         seq, clientId);
}

QList<Message> chats(quint64 first, quint64 last)
{
    QList<Message> list;
    for (quint64 seq = first; seq <= last; ++seq)
        list.append(chat(seq));
    return list;
}

QList<quint64> seqsOf(const QList<Message> &messages)
{
    QList<quint64> seqs;
    for (const Message &message : messages)
        seqs.append(message.seq);
    return seqs;
}

QList<quint64> range(quint64 first, quint64 last)
{
    QList<quint64> seqs;
    for (quint64 seq = first; seq <= last; ++seq)
        seqs.append(seq);
    return seqs;
}

// A batch of every kind the room stores: chats (some with client-ids, some actions), private
// messages and notices, each text holding the word wordNz for its seq N.
QList<Message> mixedBatch(quint64 first, quint64 last)
{
    QList<Message> batch;
    for (quint64 seq = first; seq <= last; ++seq) {
        const qint64 time = StartTime + qint64(seq);
        const QString text = u"word%1z é ✓ mixed"_s.arg(seq);
        if (seq % 5 == 0) {
            batch.append(Message::notice(text, time, seq));
            continue;
        }
        Message message = Message::chat(seq % 2 == 0 ? u"ana"_s : u"bia"_s, text, seq % 3 == 0,
                                        time, seq, seq % 4 == 0 ? u"id-%1"_s.arg(seq) : QString());
        if (seq % 7 == 0)
            message.to = u"caio"_s;
        batch.append(message);
    }
    return batch;
}

// Runs \a statements on the file at \a path (as another program would); the first error, if
// any, and the first column of the last statement's first row.
std::pair<QString, QString> runOnFile(const QString &path, const QStringList &statements)
{
    const QString connection = u"by-hand"_s;
    std::pair<QString, QString> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            result.first = db.lastError().text();
        } else {
            QSqlQuery query(db);
            for (const QString &sql : statements) {
                if (!query.exec(sql)) {
                    result.first = sql + u": "_s + query.lastError().text();
                    break;
                }
                if (query.next())
                    result.second = query.value(0).toString();
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

// meta's indexed-seq in the file at \a path, as stored.
QString indexedSeqOf(const QString &path)
{
    return runOnFile(path, {u"SELECT value FROM meta WHERE key = 'indexed-seq'"_s}).second;
}

// What FTS5's integrity check says of messages_fts against messages: empty if the index holds
// exactly the stored texts (no message missing, none indexed twice or left behind).
QString searchIndexProblem(const QString &path)
{
    const QString connection = u"index-check"_s;
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            problem = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(u"INSERT INTO messages_fts (messages_fts, rank) "
                            "VALUES ('integrity-check', 1)"_s)) {
                problem = query.lastError().text();
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return problem;
}

// The bytes of the file at \a path (empty if it cannot be read).
QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// \a count chats from \a first on of about a page each, the first holding \a marker.
QList<Message> pageSizedChats(quint64 first, int count, const QString &marker)
{
    QList<Message> batch;
    for (quint64 seq = first; seq < first + quint64(count); ++seq) {
        const QString text = (seq == first ? marker : u"filler"_s) + u' ' + QString(3000, u'x');
        batch.append(Message::chat(u"ana"_s, text, false, StartTime + qint64(seq), seq));
    }
    return batch;
}

} // namespace

class TestHistoryStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void appendAndRead_data();
    void appendAndRead();
    void noticesAndFields_data();
    void noticesAndFields();
    void retention_data();
    void retention();
    void findClientId_data();
    void findClientId();
    void noHistoryKeepsNoTexts_data();
    void noHistoryKeepsNoTexts();

    void sqliteSurvivesReopen();
    void sqliteIsDurableAndWal();
    void sqliteNoHistoryCounterSurvivesReopen();
    void sqliteRecreatesRemovedFile();
    void sqliteOneServerPerDirectory();
    void sqliteFailsWhenDirectoryIsUnusable();
    void sqliteBatchLargerThanAnInsert();
    void sqliteSearchIndexFollowsRetention();
    void sqliteFailedBatchStoresNothing();
    void sqliteDropsSchema2IndexTrigger();
    void sqliteSearchIndexKeepsNoSizes();
    void sqliteSearchFindsWhatIsNotIndexedYet();
    void sqliteIndexCatchesUpByItself();
    void sqliteIndexWaitsForAPause();
    void sqliteIndexKeepsUpWithANonStopStream();
    void sqliteSearchFollowsTheIndexChunks();
    void sqliteIndexesWhatACrashLeftOut();
    void sqliteRetentionRespectsTheIndexMark();
    void sqliteMarksAnOlderFileIndexed();
    void sqliteRefusesNewerSchema();
    void sqliteKeepsTheWalWrittenOut();
    void sqliteCheckpointsAfterTheCommit();
    void sqliteCheckpointWaitsForAPause();
    void sqliteCheckpointsWhenIdle();
    void sqliteWrittenOutWalSurvivesACrash();
    void createFollowsConfig();

    void storeNumbersBatchesInOrder_data() { appendAndRead_data(); }
    void storeNumbersBatchesInOrder();
    void storeRecognisesClientIds_data() { appendAndRead_data(); }
    void storeRecognisesClientIds();
    void sqliteStoreFailureUsesNumbersUp();
    void sqliteStoreReadsWhileWriting();
    void sqliteStoreStopWaitsForTheBatch();
    void sqliteNoHistoryStoreNumbersWithoutTheWriter();
    void sqliteNoHistoryStoreFailureUsesNumbersUp();

    void logNumbersAndCaches();
    void logPagesFromStoreBeyondCache();
    void logPageOfExactlyMaxHasNoMore();
    void logPageHoldsOnlyWhatWasAnswered();
    void logCacheHoldsNoMoreThanTheStore();
    void logCacheFollowsBatchesOfAnySize();
    void logCacheLeavesOutRepeats();
    void logCacheKeepsWhatWasStored();
    void logRemembersClientIds();
    void logFramesAndTrim();

private:
    std::unique_ptr<HistoryDatabase> makeStore(const QString &kind, int limit);
    std::unique_ptr<HistoryStore> makeAsyncStore(const QString &kind, int limit);
    /*! A batch whose write fails, then one that is stored: the numbers of the first are gone. */
    void failedBatchUsesNumbersUp(int limit);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Testing::CommitGate> m_gate; //!< of the last SQLite store made
};

void TestHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<HistoryDatabase> TestHistoryStore::makeStore(const QString &kind, int limit)
{
    if (kind == "sqlite"_L1)
        return std::make_unique<SqliteHistoryDatabase>(m_dir->filePath(u"data"_s), limit);
    return std::make_unique<MemoryHistoryDatabase>(limit);
}

void TestHistoryStore::appendAndRead_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("memory") << u"memory"_s;
}

void TestHistoryStore::appendAndRead()
{
    QFETCH(QString, kind);
    const auto store = makeStore(kind, 1000);
    QVERIFY2(store->open(), qPrintable(store->errorString()));
    QCOMPARE(store->lastSeq(), quint64(0));
    QVERIFY(store->latest(10).isEmpty());
    QVERIFY(Validation::isValidToken(store->historyId()));
    QCOMPARE(store->historyId().size(), 32);

    QVERIFY(store->append(chats(1, 10)));
    QVERIFY(store->append(chats(12, 20))); // 11 was used up by a failed batch
    QCOMPARE(store->lastSeq(), quint64(20));

    QCOMPARE(seqsOf(store->latest(5)), range(16, 20));
    QCOMPARE(seqsOf(store->latest(100)), range(1, 10) + range(12, 20));
    QCOMPARE(seqsOf(store->after(8, 100)), QList<quint64>({9, 10}) + range(12, 20));
    QCOMPARE(seqsOf(store->after(8, 3)), range(18, 20)); // the newest of them
    QCOMPARE(seqsOf(store->before(13, 3)), QList<quint64>({9, 10, 12}));
    QCOMPARE(seqsOf(store->before(13, 100)), range(1, 10) + QList<quint64>({12}));
    QCOMPARE(seqsOf(store->range(5, 9, 100)), range(6, 8));
    QVERIFY(store->before(1, 10).isEmpty());
    QVERIFY(store->after(20, 10).isEmpty());
    QVERIFY(store->latest(0).isEmpty());
    QCOMPARE(store->latest(3), chats(18, 20));
}

void TestHistoryStore::noticesAndFields_data()
{
    appendAndRead_data();
}

void TestHistoryStore::noticesAndFields()
{
    QFETCH(QString, kind);
    const auto store = makeStore(kind, 1000);
    QVERIFY(store->open());
    const QList<Message> messages = {
        Message::chat(u"joão"_s, u"olá ✓ 🎉\nsegunda linha"_s, false, StartTime, 1, u"id-1"_s),
        Message::notice(u"restart at noon"_s, StartTime + 1, 2),
        Message::chat(u"bia"_s, u"waves"_s, true, StartTime + 2, 3),
    };
    QVERIFY(store->append(messages));
    QCOMPARE(store->latest(10), messages);
}

void TestHistoryStore::retention_data()
{
    appendAndRead_data();
}

void TestHistoryStore::retention()
{
    QFETCH(QString, kind);
    const auto store = makeStore(kind, 5);
    QVERIFY(store->open());
    QVERIFY(store->append(chats(1, 3)));
    QVERIFY(store->append(chats(4, 9)));
    QCOMPARE(seqsOf(store->latest(100)), range(5, 9));
    QVERIFY(store->append(chats(10, 10)));
    QCOMPARE(seqsOf(store->latest(100)), range(6, 10));
    QCOMPARE(store->lastSeq(), quint64(10));
}

void TestHistoryStore::findClientId_data()
{
    appendAndRead_data();
}

void TestHistoryStore::findClientId()
{
    QFETCH(QString, kind);
    const auto store = makeStore(kind, 3);
    QVERIFY(store->open());
    QVERIFY(store->append({chat(1, u"a"_s), chat(2), chat(3, u"c"_s)}));
    QCOMPARE(store->findClientId(u"c"_s), chat(3, u"c"_s));
    QCOMPARE(store->findClientId(u"a"_s), chat(1, u"a"_s));
    QVERIFY(!store->findClientId(u"b"_s));
    QVERIFY(!store->findClientId(u"A"_s));
    // Gone with the message that retention removed.
    QVERIFY(store->append({chat(4, u"d"_s)}));
    QVERIFY(!store->findClientId(u"a"_s));
    QCOMPARE(store->findClientId(u"d"_s)->seq, quint64(4));
}

void TestHistoryStore::noHistoryKeepsNoTexts_data()
{
    appendAndRead_data();
}

void TestHistoryStore::noHistoryKeepsNoTexts()
{
    QFETCH(QString, kind);
    const auto store = makeStore(kind, 0);
    QVERIFY(store->open());
    QVERIFY(store->append({chat(1, u"a"_s), chat(2)}));
    QVERIFY(store->latest(10).isEmpty());
    QVERIFY(!store->findClientId(u"a"_s));
    QVERIFY(store->lastSeq() >= 2);
}

void TestHistoryStore::sqliteSurvivesReopen()
{
    QString id;
    {
        SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 100);
        QVERIFY(store.open());
        id = store.historyId();
        QVERIFY(store.append(chats(1, 7)));
    }
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 100);
    QVERIFY(store.open());
    QCOMPARE(store.historyId(), id);
    QCOMPARE(store.lastSeq(), quint64(7));
    QCOMPARE(store.latest(100), chats(1, 7));
    QCOMPARE(store.count(), 7);

    // Another directory is another history.
    SqliteHistoryDatabase other(m_dir->filePath(u"other"_s), 100);
    QVERIFY(other.open());
    QVERIFY(other.historyId() != id);
    QCOMPARE(other.lastSeq(), quint64(0));
}

void TestHistoryStore::sqliteIsDurableAndWal()
{
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 100);
    QVERIFY(store.open());
    QVERIFY(store.append(chats(1, 1)));
    // A second connection sees what the first committed, and the file's settings.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(store.filePath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"wal"_s);
        QVERIFY(query.exec(u"SELECT value FROM meta WHERE key = 'history-id'"_s) && query.next());
        QCOMPARE(query.value(0).toString(), store.historyId());
        QVERIFY(query.exec(u"SELECT COUNT(*) FROM messages"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
}

void TestHistoryStore::sqliteNoHistoryCounterSurvivesReopen()
{
    const QString dir = m_dir->filePath(u"data"_s);
    QString id;
    quint64 last = 0;
    {
        SqliteHistoryDatabase store(dir, 0);
        QVERIFY(store.open());
        id = store.historyId();
        QVERIFY(store.append(chats(1, 3)));
        last = store.lastSeq();
        QVERIFY(last >= 3);
    }
    SqliteHistoryDatabase store(dir, 0);
    QVERIFY(store.open());
    QCOMPARE(store.historyId(), id);
    QVERIFY(store.lastSeq() >= last); // numbers never repeat
    QVERIFY(store.latest(10).isEmpty());

    // No text was written anywhere in the file.
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("message 1"));
    QFile wal(store.filePath() + u"-wal"_s);
    if (wal.open(QIODevice::ReadOnly))
        QVERIFY(!wal.readAll().contains("message 1"));
}

void TestHistoryStore::sqliteRecreatesRemovedFile()
{
    const QString dir = m_dir->filePath(u"data"_s);
    auto store = std::make_unique<SqliteHistoryDatabase>(dir, 100);
    QVERIFY(store->open());
    const QString id = store->historyId();
    QVERIFY(store->append(chats(1, 5)));

    QVERIFY(QDir(dir).removeRecursively());
    QVERIFY(store->append(chats(6, 6))); // noticed, recreated, stored
    QVERIFY(QFile::exists(store->filePath()));
    QCOMPARE(seqsOf(store->latest(10)), QList<quint64>({6}));
    store.reset();

    SqliteHistoryDatabase reopened(dir, 100);
    QVERIFY(reopened.open());
    QCOMPARE(reopened.historyId(), id);
    QCOMPARE(reopened.lastSeq(), quint64(6));
}

void TestHistoryStore::sqliteOneServerPerDirectory()
{
    const QString dir = m_dir->filePath(u"data"_s);
    auto first = std::make_unique<SqliteHistoryDatabase>(dir, 100);
    QVERIFY(first->open());
    SqliteHistoryDatabase second(dir, 100);
    QVERIFY(!second.open());
    QVERIFY2(second.errorString().contains(u"in use"_s), qPrintable(second.errorString()));
    first.reset();
    QVERIFY(second.open());
}

void TestHistoryStore::sqliteFailsWhenDirectoryIsUnusable()
{
    // A file where the directory should be: no write can succeed, even as root.
    const QString dir = m_dir->filePath(u"data"_s);
    SqliteHistoryDatabase store(dir, 100);
    QVERIFY(store.open());
    QVERIFY(store.append(chats(1, 2)));
    QVERIFY(QDir(dir).removeRecursively());
    QFile blocker(dir);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    QVERIFY(!store.append(chats(3, 3)));
    QVERIFY2(store.errorString().contains(dir), qPrintable(store.errorString()));
    QVERIFY(!store.append(chats(4, 4)));

    QVERIFY(QFile::remove(dir));
    QVERIFY2(store.append(chats(5, 5)), qPrintable(store.errorString()));
    QCOMPARE(store.lastSeq(), quint64(5));

    SqliteHistoryDatabase blocked(m_dir->filePath(u"data/history.sqlite/x"_s), 100);
    QVERIFY(!blocked.open());
    QVERIFY(!blocked.errorString().isEmpty());
}

void TestHistoryStore::sqliteBatchLargerThanAnInsert()
{
    // Two full INSERTs and a shorter one, of every kind of message, in one transaction.
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 1000);
    QVERIFY(store.open());
    QVERIFY(store.append(mixedBatch(1, 3)));
    const quint64 last = 3 + 2 * SqliteHistoryDatabase::InsertChunk + 5;
    const QList<Message> batch = mixedBatch(4, last);
    QVERIFY(store.append(batch));
    QCOMPARE(store.count(), qint64(last));
    QCOMPARE(store.lastSeq(), last);
    QCOMPARE(store.latest(1000), mixedBatch(1, last));
    for (const Message &message : batch) {
        if (!message.clientId.isEmpty())
            QCOMPARE(store.findClientId(message.clientId), message);
    }

    // Every message of the batch is found by its words, once, by whom may see it: before the
    // writer indexed it, and after.
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1) {
            QVERIFY2(store.indexPending(), qPrintable(store.errorString()));
            QCOMPARE(store.indexedSeq(), last);
            QCOMPARE(searchIndexProblem(store.filePath()), QString());
        }
        for (const Message &message : batch) {
            const QString word = u"word%1z"_s.arg(message.seq);
            const QList<Message> found =
                store.search(word, HistoryDatabase::NoLimit, 10, u"caio"_s);
            QCOMPARE(found, QList<Message>({message}));
            const bool forTheRoom = message.to.isEmpty();
            QCOMPARE(store.search(word, HistoryDatabase::NoLimit, 10, QString()).size(),
                     forTheRoom ? 1 : 0);
        }
    }
    const QList<Message> all = mixedBatch(1, last);
    const auto forTheRoom = std::count_if(
        all.cbegin(), all.cend(), [](const Message &message) { return message.to.isEmpty(); });
    QCOMPARE(store.search(u"mixed"_s, HistoryDatabase::NoLimit, 1000, QString()).size(),
             qsizetype(forTheRoom));
}

void TestHistoryStore::sqliteSearchIndexFollowsRetention()
{
    // A batch larger than the limit: what it stores and deletes at once leaves the index
    // holding exactly what is kept.
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 5);
    QVERIFY(store.open());
    QVERIFY(store.append(mixedBatch(1, 2)));
    QVERIFY(store.append(mixedBatch(3, 14)));
    QCOMPARE(seqsOf(store.latest(100)), range(10, 14));
    QVERIFY(store.indexPending());
    QCOMPARE(searchIndexProblem(store.filePath()), QString());
    QVERIFY(store.search(u"word9z"_s, HistoryDatabase::NoLimit, 10, u"caio"_s).isEmpty());
    QCOMPARE(seqsOf(store.search(u"word10z"_s, HistoryDatabase::NoLimit, 10, u"caio"_s)),
             QList<quint64>({10}));
    QCOMPARE(seqsOf(store.search(u"mixed"_s, HistoryDatabase::NoLimit, 10, u"caio"_s)),
             range(10, 14));
}

void TestHistoryStore::sqliteFailedBatchStoresNothing()
{
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 1000);
    QVERIFY(store.open());
    QVERIFY(store.append(mixedBatch(1, 3)));
    QVERIFY(store.indexPending());
    // The second INSERT of the batch fails (a number already stored): nothing of the batch
    // stays, not the first INSERT's rows, not their words in the index.
    QList<Message> batch = mixedBatch(4, 3 + 2 * SqliteHistoryDatabase::InsertChunk + 5);
    batch[SqliteHistoryDatabase::InsertChunk + 3].seq = 2;
    QVERIFY(!store.append(batch));
    QVERIFY(!store.errorString().isEmpty());
    QCOMPARE(seqsOf(store.latest(1000)), range(1, 3));
    QCOMPARE(store.count(), qint64(3));
    QCOMPARE(store.lastSeq(), quint64(3));
    QVERIFY(store.search(u"word4z"_s, HistoryDatabase::NoLimit, 10, u"caio"_s).isEmpty());
    QCOMPARE(searchIndexProblem(store.filePath()), QString());

    // The next batch is stored and found.
    QVERIFY(store.append(mixedBatch(100, 101)));
    QCOMPARE(seqsOf(store.latest(1000)), QList<quint64>({1, 2, 3, 100, 101}));
    QCOMPARE(seqsOf(store.search(u"word101z"_s, HistoryDatabase::NoLimit, 10, u"caio"_s)),
             QList<quint64>({101}));
    QVERIFY(store.indexPending());
    QCOMPARE(store.indexedSeq(), quint64(101));
    QCOMPARE(searchIndexProblem(store.filePath()), QString());
    QCOMPARE(seqsOf(store.search(u"word"_s, HistoryDatabase::NoLimit, 10, u"caio"_s)),
             QList<quint64>({1, 2, 3, 100, 101}));
}

void TestHistoryStore::sqliteDropsSchema2IndexTrigger()
{
    // A file of schema 2, whose trigger indexed each message as it was inserted.
    const QString dir = m_dir->filePath(u"data"_s);
    QString path;
    {
        SqliteHistoryDatabase store(dir, 1000);
        QVERIFY(store.open());
        QVERIFY(store.append(mixedBatch(1, 3)));
        QVERIFY(store.indexPending());
        path = store.filePath();
    }
    QCOMPARE(runOnFile(path,
                       {u"CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
                        "INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text); "
                        "END"_s,
                        u"UPDATE meta SET value = '2' WHERE key = 'schema'"_s,
                        u"DELETE FROM meta WHERE key = 'indexed-seq'"_s,
                        u"INSERT INTO messages VALUES (4, 4, 'chat', 'ana', 'word4 old', 0, "
                        "NULL, NULL)"_s})
                 .first,
             QString());
    QCOMPARE(searchIndexProblem(path), QString());

    // Opened by this server: the trigger is gone, so a message is indexed once.
    SqliteHistoryDatabase store(dir, 1000);
    QVERIFY(store.open());
    QVERIFY(store.append(mixedBatch(5, 6)));
    QVERIFY(store.indexPending());
    QCOMPARE(searchIndexProblem(path), QString());
    QCOMPARE(seqsOf(store.search(u"word"_s, HistoryDatabase::NoLimit, 10, u"caio"_s)), range(1, 6));
    // messages_fts_delete only.
    QCOMPARE(runOnFile(path, {u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"_s}),
             std::make_pair(QString(), u"1"_s));
    QCOMPARE(runOnFile(path, {u"SELECT value FROM meta WHERE key = 'schema'"_s}),
             std::make_pair(QString(), u"4"_s));
}

void TestHistoryStore::sqliteSearchIndexKeepsNoSizes()
{
    // The index keeps no document sizes (no row per message in messages_fts_docsize): search
    // needs none, and they were a third of the index's work.
    const QString dir = m_dir->filePath(u"data"_s);
    const QString docsizeTables =
        u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_fts_docsize'"_s;
    QString path;
    {
        SqliteHistoryDatabase store(dir, 8);
        QVERIFY(store.open());
        QVERIFY(store.append(mixedBatch(1, 6)));
        QVERIFY(store.indexPending());
        path = store.filePath();
        QCOMPARE(runOnFile(path, {docsizeTables}), std::make_pair(QString(), u"0"_s));
        QCOMPARE(searchIndexProblem(path), QString());
        QCOMPARE(seqsOf(store.search(u"word"_s, HistoryDatabase::NoLimit, 10, u"caio"_s)),
                 range(1, 6));
    }
    // A file whose index keeps them (made by an earlier server of the same schema): its index
    // is made again when this server opens it, and finds what it found.
    QCOMPARE(
        runOnFile(path,
                  {u"DROP TABLE messages_fts"_s,
                   u"CREATE VIRTUAL TABLE messages_fts USING fts5(text, "
                   "content='messages', content_rowid='seq')"_s,
                   u"INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"_s, docsizeTables})
            .second,
        u"1"_s);
    QCOMPARE(searchIndexProblem(path), QString());
    SqliteHistoryDatabase store(dir, 8);
    QVERIFY(store.open());
    QCOMPARE(runOnFile(path, {docsizeTables}), std::make_pair(QString(), u"0"_s));
    QCOMPARE(searchIndexProblem(path), QString());
    QCOMPARE(seqsOf(store.search(u"word"_s, HistoryDatabase::NoLimit, 10, u"caio"_s)), range(1, 6));
    QCOMPARE(indexedSeqOf(path), u"6"_s);
    QCOMPARE(runOnFile(path, {u"SELECT value FROM meta WHERE key = 'schema'"_s}),
             std::make_pair(QString(), u"4"_s));
    // Indexing and the retention trim (its trigger takes indexed messages out) go on as before.
    QVERIFY(store.append(mixedBatch(7, 10)));
    QVERIFY(store.indexPending());
    QCOMPARE(searchIndexProblem(path), QString());
    QCOMPARE(seqsOf(store.search(u"word"_s, HistoryDatabase::NoLimit, 10, u"caio"_s)),
             range(3, 10));
}

void TestHistoryStore::sqliteSearchFindsWhatIsNotIndexedYet()
{
    // A batch's commit leaves the index alone; a search right after finds the batch all the
    // same, on the writer's connection and on a reader's, by whom may see each message.
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 1000);
    QVERIFY(store.open());
    SqliteHistoryDatabase reader(m_dir->filePath(u"data"_s), 1000,
                                 SqliteHistoryDatabase::Access::ReadOnly);
    QVERIFY(reader.open());
    QVERIFY(store.append(mixedBatch(1, 10)));
    QVERIFY(store.indexPending());
    const QList<Message> batch = mixedBatch(11, 30);
    QVERIFY(store.append(batch));
    QCOMPARE(store.indexedSeq(), quint64(10));
    QCOMPARE(indexedSeqOf(store.filePath()), u"10"_s);
    for (SqliteHistoryDatabase *database : {&store, &reader}) {
        for (const Message &message : batch) {
            const QString word = u"WORD%1Z"_s.arg(message.seq); // as FTS5 matches: any case
            QCOMPARE(database->search(word, HistoryDatabase::NoLimit, 10, u"caio"_s),
                     QList<Message>({message}));
            QCOMPARE(database->search(word, HistoryDatabase::NoLimit, 10, QString()).size(),
                     message.to.isEmpty() ? 1 : 0);
        }
        // Both parts, newest first up to the page's size, and "before" bounds either part.
        QCOMPARE(seqsOf(database->search(u"mixed"_s, HistoryDatabase::NoLimit, 30, u"caio"_s)),
                 range(1, 30));
        QCOMPARE(seqsOf(database->search(u"mixed"_s, HistoryDatabase::NoLimit, 25, u"caio"_s)),
                 range(6, 30));
        QCOMPARE(seqsOf(database->search(u"mixed"_s, 13, 5, u"caio"_s)), range(8, 12));
        // Words as FTS5 takes them: a prefix, accents folded.
        QCOMPARE(database->search(u"word30"_s, HistoryDatabase::NoLimit, 10, u"caio"_s).size(), 1);
        QCOMPARE(database->search(u"e word2"_s, HistoryDatabase::NoLimit, 30, u"caio"_s).size(),
                 11);
    }

    // Indexed meanwhile: each is found once, from the index.
    QVERIFY(store.indexPending());
    QCOMPARE(store.indexedSeq(), quint64(30));
    QCOMPARE(searchIndexProblem(store.filePath()), QString());
    QVERIFY(store.append(mixedBatch(31, 32)));
    for (SqliteHistoryDatabase *database : {&store, &reader}) {
        QCOMPARE(seqsOf(database->search(u"mixed"_s, HistoryDatabase::NoLimit, 100, u"caio"_s)),
                 range(1, 32));
    }
}

void TestHistoryStore::sqliteIndexCatchesUpByItself()
{
    // With no further batch, the writer indexes what it stored, on its own thread's loop.
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 1000);
    QVERIFY(store.open());
    QVERIFY(store.append(mixedBatch(1, 20)));
    QCOMPARE(store.indexedSeq(), quint64(0));
    QTRY_COMPARE_WITH_TIMEOUT(store.indexedSeq(), quint64(20), 10'000);
    QCOMPARE(indexedSeqOf(store.filePath()), u"20"_s);
    QCOMPARE(searchIndexProblem(store.filePath()), QString());

    // More than IndexLag waiting: a chunk is indexed right after the batch's answer, the rest
    // once the writer is idle.
    const quint64 last = 20 + SqliteHistoryDatabase::IndexLag + 100;
    QVERIFY(store.append(chats(21, last)));
    QCOMPARE(store.indexedSeq(), quint64(20));
    QTRY_COMPARE_WITH_TIMEOUT(store.indexedSeq(), last, 20'000);
    QCOMPARE(searchIndexProblem(store.filePath()), QString());
    QCOMPARE(seqsOf(store.search(u"message"_s, HistoryDatabase::NoLimit, 3, u"caio"_s)),
             range(last - 2, last));
}

// How long the writer has been idle, at the least, when its index timer fires: QTimer's
// default (coarse) timers may fire up to 5 % early.
constexpr qint64 IdleEnough = SqliteHistoryDatabase::IndexDelayMs * 9 / 10;

void TestHistoryStore::sqliteIndexWaitsForAPause()
{
    // A stream of batches, each sooner after the last than IndexDelayMs, is not held up by
    // indexing however long it lasts: the writer indexes after its last batch, once idle.
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 100'000);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    QElapsedTimer stream;
    stream.start();
    QElapsedTimer sinceBatch;
    quint64 seq = 0;
    bool stalled = false;
    // Well past IndexDelayMs after the first batch (bounded in time and count).
    constexpr quint64 MaxSeq = SqliteHistoryDatabase::IndexLag - 10;
    while (stream.elapsed() < 4 * SqliteHistoryDatabase::IndexDelayMs && seq < MaxSeq) {
        QVERIFY(store.append(mixedBatch(seq + 1, seq + 10)));
        seq += 10;
        sinceBatch.start();
        const int passes = store.indexPassCount();
        QCoreApplication::processEvents(); // what the writer's loop does between batches
        // A pass only if this iteration itself took that long (a very loaded machine).
        if (store.indexPassCount() != passes) {
            QVERIFY2(sinceBatch.elapsed() >= IdleEnough, qPrintable(QString::number(seq)));
            stalled = true;
        }
    }
    QVERIFY(stream.elapsed() > SqliteHistoryDatabase::IndexDelayMs);
    if (!stalled)
        QCOMPARE(store.indexedSeq(), quint64(0));
    // Found all the same.
    QCOMPARE(seqsOf(store.search(u"word%1z"_s.arg(seq), HistoryDatabase::NoLimit, 10, u"caio"_s)),
             QList<quint64>({seq}));

    // After the last batch, once idle, a chunk at a time.
    const int passes = store.indexPassCount();
    const quint64 waiting = seq - store.indexedSeq();
    QTRY_VERIFY_WITH_TIMEOUT(store.indexPassCount() > passes, 10'000);
    QVERIFY(sinceBatch.elapsed() >= IdleEnough);
    QTRY_COMPARE_WITH_TIMEOUT(store.indexedSeq(), seq, 10'000);
    const quint64 chunk = SqliteHistoryDatabase::IndexChunk;
    QCOMPARE(store.indexPassCount() - passes, int((waiting + chunk - 1) / chunk));
    QCOMPARE(indexedSeqOf(store.filePath()), QString::number(seq));
    QCOMPARE(searchIndexProblem(store.filePath()), QString());
    QCOMPARE(seqsOf(store.search(u"mixed"_s, HistoryDatabase::NoLimit, 3, u"caio"_s)),
             range(seq - 2, seq));
}

void TestHistoryStore::sqliteIndexKeepsUpWithANonStopStream()
{
    // Batches that never pause for IndexDelayMs: once more than IndexLag messages wait, the
    // writer indexes the oldest right after a batch, a chunk at a time, down to IndexLag (more
    // than a chunk only for what one batch took past it). No more than IndexLag and a batch
    // ever wait.
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 100'000);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    constexpr quint64 Lag = SqliteHistoryDatabase::IndexLag;
    constexpr quint64 Chunk = SqliteHistoryDatabase::IndexChunk;
    constexpr quint64 Batch = 1'000;
    static_assert(Batch < Chunk);
    QElapsedTimer sinceBatch;
    quint64 seq = 0;
    int behindPasses = 0;
    bool bigBatch = false;
    while (!bigBatch) {
        // Last, a batch that takes more than a chunk past IndexLag at once.
        bigBatch = seq > Lag + 3 * Chunk;
        const quint64 size = bigBatch ? 2 * Chunk + 5 : Batch;
        QVERIFY(store.append(chats(seq + 1, seq + size)));
        seq += size;
        sinceBatch.start();
        const quint64 waiting = seq - store.indexedSeq();
        QVERIFY(waiting <= Lag + size);
        const quint64 indexedBefore = store.indexedSeq();
        const int passes = store.indexPassCount();
        if (waiting > Lag) {
            // A pass right after the batch (the writer's loop turns once), down to IndexLag.
            QTRY_VERIFY(store.indexPassCount() > passes);
            ++behindPasses;
            if (store.indexPassCount() == passes + 1)
                QCOMPARE(store.indexedSeq() - indexedBefore, std::max(Chunk, waiting - Lag));
            else // and idle ones after it (a very loaded machine)
                QVERIFY(sinceBatch.elapsed() >= IdleEnough);
        } else {
            QCoreApplication::processEvents();
            if (store.indexPassCount() != passes) { // idle (a very loaded machine): a chunk
                QVERIFY(sinceBatch.elapsed() >= IdleEnough);
                QVERIFY(store.indexedSeq() - indexedBefore <= Chunk);
            }
        }
        QVERIFY(seq - store.indexedSeq() <= Lag);
    }
    QVERIFY(behindPasses >= 4);
    QCOMPARE(indexedSeqOf(store.filePath()), QString::number(store.indexedSeq()));

    // Once the stream stops, the rest, a chunk at a time.
    const int passes = store.indexPassCount();
    const quint64 waiting = seq - store.indexedSeq();
    QTRY_COMPARE_WITH_TIMEOUT(store.indexedSeq(), seq, 20'000);
    QCOMPARE(store.indexPassCount() - passes, int((waiting + Chunk - 1) / Chunk));
    QCOMPARE(searchIndexProblem(store.filePath()), QString());
    QCOMPARE(seqsOf(store.search(u"message"_s, HistoryDatabase::NoLimit, 3, u"caio"_s)),
             range(seq - 2, seq));
}

void TestHistoryStore::sqliteSearchFollowsTheIndexChunks()
{
    // A reader searches while the writer indexes a chunk at a time: each message is found
    // once, whether the reader's temporary index still holds it (indexed since) or not.
    const QString dir = m_dir->filePath(u"data"_s);
    SqliteHistoryDatabase store(dir, 100'000);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    SqliteHistoryDatabase reader(dir, 100'000, SqliteHistoryDatabase::Access::ReadOnly);
    QVERIFY2(reader.open(), qPrintable(reader.errorString()));
    constexpr quint64 Chunk = SqliteHistoryDatabase::IndexChunk;
    const quint64 last = SqliteHistoryDatabase::IndexLag + 10;
    QVERIFY(store.append(mixedBatch(1, last)));
    const auto found = [&reader](const QString &words, int max) {
        return seqsOf(reader.search(words, HistoryDatabase::NoLimit, max, u"caio"_s));
    };
    const auto expectEach = [&](quint64 upTo) {
        for (const quint64 seq : {quint64(1), Chunk - 1, Chunk, Chunk + 1, upTo}) {
            if (found(u"word%1z"_s.arg(seq), 10) != QList<quint64>({seq}))
                return false;
        }
        return found(u"mixed"_s, 200'000).size() == qsizetype(upTo);
    };
    QVERIFY(expectEach(last)); // all in the reader's temporary index

    // The writer indexes a chunk (the oldest); the reader's temporary index still holds them.
    QTRY_COMPARE(store.indexedSeq(), Chunk);
    QCOMPARE(store.indexPassCount(), 1);
    QVERIFY(expectEach(last));
    QCOMPARE(found(u"mixed"_s, 20), range(last - 19, last));
    QCOMPARE(found(u"word"_s, int(last)), range(1, last));

    // Then all of it, and more comes: the temporary index starts again, with the new ones.
    QVERIFY(store.indexPending());
    QCOMPARE(searchIndexProblem(store.filePath()), QString());
    QVERIFY(store.append(mixedBatch(last + 1, last + 30)));
    QVERIFY(expectEach(last + 30));
    QCOMPARE(found(u"word"_s, int(last) + 100), range(1, last + 30));
}

void TestHistoryStore::sqliteIndexesWhatACrashLeftOut()
{
    // A server that stopped before indexing its last batches: the file's mark is behind.
    const QString dir = m_dir->filePath(u"data"_s);
    QString path;
    {
        SqliteHistoryDatabase store(dir, 1000);
        QVERIFY(store.open());
        QVERIFY(store.append(mixedBatch(1, 10)));
        QVERIFY(store.indexPending());
        QVERIFY(store.append(mixedBatch(11, 15)));
        path = store.filePath();
    }
    QCOMPARE(indexedSeqOf(path), u"10"_s);
    // And by hand: the index loses 6 to 10 and the mark goes back to 5, as if it had never
    // indexed them.
    QStringList takeOut;
    for (const Message &message : mixedBatch(6, 10)) {
        takeOut.append(u"INSERT INTO messages_fts (messages_fts, rowid, text) "
                       "VALUES ('delete', %1, '%2')"_s.arg(message.seq)
                           .arg(message.text));
    }
    takeOut.append(u"UPDATE meta SET value = '5' WHERE key = 'indexed-seq'"_s);
    QCOMPARE(runOnFile(path, takeOut).first, QString());
    QCOMPARE(runOnFile(path,
                       {u"SELECT count(*) FROM messages_fts WHERE messages_fts MATCH "
                        "'mixed'"_s})
                 .second,
             u"5"_s);

    // Opened again: indexed at once, found, and sound.
    SqliteHistoryDatabase store(dir, 1000);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    QCOMPARE(store.indexedSeq(), quint64(15));
    QCOMPARE(indexedSeqOf(path), u"15"_s);
    QCOMPARE(searchIndexProblem(path), QString());
    QCOMPARE(runOnFile(path,
                       {u"SELECT count(*) FROM messages_fts WHERE messages_fts MATCH "
                        "'mixed'"_s})
                 .second,
             u"15"_s);
    QCOMPARE(seqsOf(store.search(u"mixed"_s, HistoryDatabase::NoLimit, 100, u"caio"_s)),
             range(1, 15));
}

void TestHistoryStore::sqliteRetentionRespectsTheIndexMark()
{
    // The trim deletes indexed and unindexed messages alike; the index loses only those it
    // held (deleting from FTS5 what it does not hold would corrupt it).
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 5);
    QVERIFY(store.open());
    QVERIFY(store.append(mixedBatch(1, 3)));
    QVERIFY(store.indexPending());
    QVERIFY(store.append(mixedBatch(4, 6))); // trims 1, which was indexed
    QVERIFY(store.append(mixedBatch(7, 14))); // trims 2 to 9: 2 and 3 indexed, 4 to 9 not
    QCOMPARE(store.indexedSeq(), quint64(3));
    QCOMPARE(seqsOf(store.latest(100)), range(10, 14));
    QCOMPARE(seqsOf(store.search(u"mixed"_s, HistoryDatabase::NoLimit, 100, u"caio"_s)),
             range(10, 14));
    QVERIFY(store.indexPending());
    QCOMPARE(store.indexedSeq(), quint64(14));
    QCOMPARE(searchIndexProblem(store.filePath()), QString());
    QCOMPARE(seqsOf(store.search(u"mixed"_s, HistoryDatabase::NoLimit, 100, u"caio"_s)),
             range(10, 14));

    // Unindexed ones trimmed by a later batch, after more were indexed.
    QVERIFY(store.append(mixedBatch(15, 17)));
    QVERIFY(store.append(mixedBatch(18, 21)));
    QVERIFY(store.indexPending());
    QCOMPARE(searchIndexProblem(store.filePath()), QString());
    QCOMPARE(seqsOf(store.search(u"mixed"_s, HistoryDatabase::NoLimit, 100, u"caio"_s)),
             range(17, 21));
}

void TestHistoryStore::sqliteMarksAnOlderFileIndexed()
{
    // A file of schema 3 indexed every batch in its transaction and has no mark: opened by
    // this server, everything in it counts as indexed, and the delete trigger is replaced.
    const QString dir = m_dir->filePath(u"data"_s);
    QString path;
    {
        SqliteHistoryDatabase store(dir, 1000);
        QVERIFY(store.open());
        QVERIFY(store.append(mixedBatch(1, 8)));
        QVERIFY(store.indexPending());
        path = store.filePath();
    }
    QCOMPARE(runOnFile(path,
                       {u"DELETE FROM meta WHERE key = 'indexed-seq'"_s,
                        u"UPDATE meta SET value = '3' WHERE key = 'schema'"_s,
                        u"DROP TRIGGER messages_fts_delete"_s,
                        u"CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages "
                        "BEGIN INSERT INTO messages_fts (messages_fts, rowid, text) "
                        "VALUES ('delete', old.seq, old.text); END"_s})
                 .first,
             QString());
    SqliteHistoryDatabase store(dir, 5);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    QCOMPARE(store.indexedSeq(), quint64(8));
    QCOMPARE(indexedSeqOf(path), u"8"_s);
    QCOMPARE(runOnFile(path, {u"SELECT value FROM meta WHERE key = 'schema'"_s}).second, u"4"_s);
    QCOMPARE(runOnFile(path,
                       {u"SELECT sql LIKE '%WHEN old.seq <=%' FROM sqlite_master "
                        "WHERE name = 'messages_fts_delete'"_s})
                 .second,
             u"1"_s);
    // The next batch trims what is not indexed yet without harm.
    QVERIFY(store.append(mixedBatch(9, 20)));
    QVERIFY(store.indexPending());
    QCOMPARE(searchIndexProblem(path), QString());
    QCOMPARE(seqsOf(store.search(u"mixed"_s, HistoryDatabase::NoLimit, 100, u"caio"_s)),
             range(16, 20));
}

void TestHistoryStore::createFollowsConfig()
{
    ServerConfig config;
    QVERIFY(dynamic_cast<MemoryHistoryStore *>(HistoryStore::create(config).get()));
    config.dataDir = m_dir->path();
    const auto store = HistoryStore::create(config);
    QVERIFY(dynamic_cast<ThreadedHistoryStore *>(store.get()));
    const HistoryStore::Opened opened = store->open(10);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QVERIFY(QFile::exists(m_dir->filePath(u"history.sqlite"_s)));
}

std::unique_ptr<HistoryStore> TestHistoryStore::makeAsyncStore(const QString &kind, int limit)
{
    if (kind == "memory"_L1)
        return std::make_unique<MemoryHistoryStore>(limit);
    m_gate = std::make_shared<Testing::CommitGate>();
    return Testing::gatedSqliteStore(m_dir->filePath(u"data"_s), limit, m_gate);
}

void TestHistoryStore::storeNumbersBatchesInOrder()
{
    QFETCH(QString, kind);
    auto store = makeAsyncStore(kind, 100);
    const HistoryStore::Opened opened = store->open(10);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QCOMPARE(opened.lastSeq, quint64(0));
    QVERIFY(opened.newest.isEmpty());
    QCOMPARE(opened.historyId.size(), 32);

    QSignalSpy answers(store.get(), &HistoryStore::appended);
    const quint64 first = store->append(chats(0, 2), false);
    const quint64 second = store->append({Message::notice(u"n"_s, StartTime)}, false);
    QVERIFY(answers.isEmpty()); // never from within the call
    QTRY_COMPARE(answers.size(), 2);
    const auto one = answers.at(0).at(0).value<HistoryStore::Appended>();
    const auto two = answers.at(1).at(0).value<HistoryStore::Appended>();
    QCOMPARE(one.ticket, first);
    QCOMPARE(two.ticket, second);
    QVERIFY(one.ok && two.ok);
    QCOMPARE(seqsOf(one.messages), range(1, 3));
    QCOMPARE(one.messages.at(1).text, u"message 1"_s);
    QCOMPARE(one.repeated, QList<bool>(3, false));
    QCOMPARE(seqsOf(two.messages), QList<quint64>({4}));
    QCOMPARE(two.messages.front().type, MessageType::Notice);

    QSignalSpy reads(store.get(), &HistoryStore::readFinished);
    const quint64 ticket = store->read(1, HistoryStore::NoLimit, 2);
    QTRY_COMPARE(reads.size(), 1);
    const auto read = reads.at(0).at(0).value<HistoryStore::Read>();
    QCOMPARE(read.ticket, ticket);
    QCOMPARE(seqsOf(read.messages), range(3, 4));
}

void TestHistoryStore::storeRecognisesClientIds()
{
    QFETCH(QString, kind);
    auto store = makeAsyncStore(kind, 100);
    QVERIFY(store->open(10).ok);
    QSignalSpy answers(store.get(), &HistoryStore::appended);
    store->append({chat(0, u"a"_s)}, false);
    // Checked: the stored one comes back instead, and nothing is stored or numbered.
    store->append({chat(0, u"b"_s), chat(0, u"a"_s)}, true);
    store->append({chat(0, u"c"_s)}, true);
    QTRY_COMPARE(answers.size(), 3);
    const auto first = answers.at(0).at(0).value<HistoryStore::Appended>();
    const auto second = answers.at(1).at(0).value<HistoryStore::Appended>();
    const auto third = answers.at(2).at(0).value<HistoryStore::Appended>();
    QCOMPARE(second.repeated, QList<bool>({false, true}));
    QCOMPARE(second.messages.at(0).seq, quint64(2));
    QCOMPARE(second.messages.at(1), first.messages.front());
    QCOMPARE(third.messages.front().seq, quint64(3));
}

void TestHistoryStore::failedBatchUsesNumbersUp(int limit)
{
    auto store = makeAsyncStore(u"sqlite"_s, limit);
    QVERIFY(store->open(10).ok);
    QSignalSpy answers(store.get(), &HistoryStore::appended);
    m_gate->failNext(1);
    store->append(chats(0, 1), false);
    store->append(chats(0, 0), false);
    QTRY_COMPARE(answers.size(), 2);
    const auto failed = answers.at(0).at(0).value<HistoryStore::Appended>();
    QVERIFY(!failed.ok);
    QVERIFY(!failed.error.isEmpty());
    const auto next = answers.at(1).at(0).value<HistoryStore::Appended>();
    QVERIFY(next.ok);
    QCOMPARE(seqsOf(next.messages), QList<quint64>({3})); // 1 and 2 are never given again
}

void TestHistoryStore::sqliteStoreFailureUsesNumbersUp()
{
    failedBatchUsesNumbersUp(100);
}

void TestHistoryStore::sqliteStoreReadsWhileWriting()
{
    auto store = makeAsyncStore(u"sqlite"_s, 100);
    QVERIFY(store->open(10).ok);
    QSignalSpy answers(store.get(), &HistoryStore::appended);
    store->append(chats(0, 4), false);
    QTRY_COMPARE(answers.size(), 1);

    // The writer is stuck in a commit; a read is answered all the same, with what is stored.
    m_gate->close();
    store->append(chats(0, 0), false);
    QTRY_COMPARE(m_gate->waiting(), 1);
    QSignalSpy reads(store.get(), &HistoryStore::readFinished);
    store->read(0, HistoryStore::NoLimit, 100);
    QTRY_COMPARE(reads.size(), 1);
    QCOMPARE(seqsOf(reads.at(0).at(0).value<HistoryStore::Read>().messages), range(1, 5));
    QCOMPARE(m_gate->waiting(), 1);
    QCOMPARE(answers.size(), 1);
    m_gate->open();
    QTRY_COMPARE(answers.size(), 2);
}

void TestHistoryStore::sqliteStoreStopWaitsForTheBatch()
{
    const QString dir = m_dir->filePath(u"data"_s);
    {
        auto store = makeAsyncStore(u"sqlite"_s, 100);
        QVERIFY(store->open(10).ok);
        m_gate->setDelayMs(200);
        store->append(chats(0, 2), false);
        // Gone before the answer: the batch is written all the same.
    }
    QCOMPARE(m_gate->passed(), 1);
    SqliteHistoryDatabase database(dir, 100);
    QVERIFY(database.open());
    QCOMPARE(seqsOf(database.latest(10)), range(1, 3));
}

void TestHistoryStore::sqliteNoHistoryStoreNumbersWithoutTheWriter()
{
    const QString dir = m_dir->filePath(u"data"_s);
    quint64 last = 0;
    {
        auto store = makeAsyncStore(u"sqlite"_s, 0);
        const auto openGate = qScopeGuard([this] { m_gate->open(); });
        const HistoryStore::Opened opened = store->open(10);
        QVERIFY2(opened.ok, qPrintable(opened.error));
        QCOMPARE(opened.lastSeq, quint64(0));
        QSignalSpy answers(store.get(), &HistoryStore::appended);
        // The first batch needs numbers: the writer reserves a block of them.
        store->append(chats(0, 1), false);
        QTRY_COMPARE(answers.size(), 1);
        QCOMPARE(m_gate->passed(), 1);

        // Batches within the block are answered without the writer (it is stuck), in order, on
        // a later turn.
        m_gate->close();
        store->append(chats(0, 2), false);
        store->append({Message::notice(u"n"_s, StartTime)}, false);
        QVERIFY(answers.size() == 1);
        QTRY_COMPARE(answers.size(), 3);
        QCOMPARE(m_gate->waiting(), 0);
        QCOMPARE(m_gate->passed(), 1);
        QList<quint64> seqs;
        for (const QList<QVariant> &answer : std::as_const(answers)) {
            const auto appended = answer.at(0).value<HistoryStore::Appended>();
            QVERIFY(appended.ok);
            QCOMPARE(appended.repeated, QList<bool>(appended.messages.size(), false));
            seqs += seqsOf(appended.messages);
        }
        QCOMPARE(seqs, range(1, 6));
        QCOMPARE(answers.at(2).at(0).value<HistoryStore::Appended>().messages.front().type,
                 MessageType::Notice);

        // A batch beyond the block waits for the writer to reserve the next, and the batch
        // after it waits too: the answers keep their order.
        const QList<Message> beyond = chats(0, SqliteHistoryDatabase::ReserveBlock);
        store->append(beyond, false);
        store->append(chats(0, 0), false);
        QTRY_COMPARE(m_gate->waiting(), 1);
        QCOMPARE(answers.size(), 3);
        m_gate->open();
        QTRY_COMPARE(answers.size(), 5);
        const auto crossing = answers.at(3).at(0).value<HistoryStore::Appended>();
        const auto after = answers.at(4).at(0).value<HistoryStore::Appended>();
        QVERIFY(crossing.ok && after.ok);
        QCOMPARE(crossing.messages.front().seq, quint64(7));
        last = crossing.messages.back().seq;
        QCOMPARE(last, quint64(7) + SqliteHistoryDatabase::ReserveBlock);
        QCOMPARE(seqsOf(after.messages), QList<quint64>({last + 1}));
        ++last;
    }
    // Nothing was written for most of them, yet after a restart no number is given again.
    auto store = makeAsyncStore(u"sqlite"_s, 0);
    const HistoryStore::Opened opened = store->open(10);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QVERIFY(opened.lastSeq >= last);
    QVERIFY(opened.newest.isEmpty());
    QSignalSpy answers(store.get(), &HistoryStore::appended);
    store->append(chats(0, 0), false);
    QTRY_COMPARE(answers.size(), 1);
    QVERIFY(answers.at(0).at(0).value<HistoryStore::Appended>().messages.front().seq > last);
    store.reset(); // the directory is one server's at a time
    SqliteHistoryDatabase database(dir, 0);
    QVERIFY(database.open());
    QVERIFY(database.latest(100).isEmpty());
}

void TestHistoryStore::sqliteNoHistoryStoreFailureUsesNumbersUp()
{
    // The reservation fails: the batch is not stored, its numbers are used up, and the next
    // batch asks the writer again.
    failedBatchUsesNumbersUp(0);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_gate->passed(), 2);
}

namespace {

// Hands \a messages to the log as a batch and waits for the answer: the messages are then
// numbered as stored.
bool appendAndWait(MessageLog &log, QList<Message> &messages)
{
    std::optional<HistoryStore::Appended> answer;
    log.append(messages, [&answer](const HistoryStore::Appended &result) { answer = result; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10'000) || !answer->ok)
        return false;
    messages = answer->messages;
    return true;
}

MessageLog::Page pageOf(MessageLog &log, quint64 after, quint64 before, int max)
{
    QObject context;
    std::optional<MessageLog::Page> page;
    log.page(after, before, max, &context, [&page](const MessageLog::Page &p) { page = p; });
    if (!QTest::qWaitFor([&page] { return page.has_value(); }, 10'000))
        return {};
    return *page;
}

// A store over the SQLite history in \a dir, with \a seqs in it already.
std::unique_ptr<HistoryStore> sqliteStoreWith(const QString &dir, const QList<Message> &messages)
{
    {
        SqliteHistoryDatabase database(dir, 1000);
        if (!database.open() || !database.append(messages))
            return nullptr;
    }
    return Testing::gatedSqliteStore(dir, 1000, std::make_shared<Testing::CommitGate>());
}

} // namespace

void TestHistoryStore::logNumbersAndCaches()
{
    MessageLog log(std::make_unique<MemoryHistoryStore>(100), 10);
    QVERIFY(log.open());
    QList<Message> batch = {Message::chat(u"ana"_s, u"a"_s, false, StartTime),
                            Message::notice(u"n"_s, StartTime)};
    QVERIFY(appendAndWait(log, batch));
    QCOMPARE(seqsOf(batch), QList<quint64>({1, 2}));
    QCOMPARE(log.lastSeq(), quint64(2));
    QCOMPARE(log.commitCount(), 1);

    QList<Message> more = chats(0, 0) + chats(0, 0) + chats(0, 0);
    QVERIFY(appendAndWait(log, more));
    QCOMPARE(seqsOf(more), range(3, 5));
    const MessageLog::Page page = pageOf(log, 0, HistoryStore::NoLimit, 3);
    QCOMPARE(seqsOf(page.messages), range(3, 5));
    QVERIFY(page.more);
    const MessageLog::Page all = pageOf(log, 0, HistoryStore::NoLimit, 100);
    QCOMPARE(seqsOf(all.messages), range(1, 5));
    QVERIFY(!all.more);
    QCOMPARE(seqsOf(pageOf(log, 2, HistoryStore::NoLimit, 100).messages), range(3, 5));
    QCOMPARE(seqsOf(pageOf(log, 0, 3, 100).messages), range(1, 2));
}

void TestHistoryStore::logPagesFromStoreBeyondCache()
{
    // 50 stored, 10 cached: answers reaching further back are read from the store.
    auto store = sqliteStoreWith(m_dir->filePath(u"data"_s), chats(1, 40));
    QVERIFY(store);
    MessageLog log(std::move(store), 10);
    QVERIFY(log.open());
    QCOMPARE(log.lastSeq(), quint64(40));
    QList<Message> batch = chats(0, 9);
    QVERIFY(appendAndWait(log, batch));
    QCOMPARE(seqsOf(batch), range(41, 50));

    // From memory: answered before page() returns.
    QVERIFY(log.cachedPage(0, HistoryStore::NoLimit, 5));
    QVERIFY(!log.cachedPage(0, HistoryStore::NoLimit, 30));
    MessageLog::Page page = pageOf(log, 0, HistoryStore::NoLimit, 5);
    QCOMPARE(seqsOf(page.messages), range(46, 50));
    QVERIFY(page.more);
    page = pageOf(log, 0, HistoryStore::NoLimit, 30);
    QCOMPARE(seqsOf(page.messages), range(21, 50));
    QVERIFY(page.more);
    page = pageOf(log, 0, 21, 100);
    QCOMPARE(seqsOf(page.messages), range(1, 20));
    QVERIFY(!page.more);
    page = pageOf(log, 35, HistoryStore::NoLimit, 100);
    QCOMPARE(seqsOf(page.messages), range(36, 50));
    QVERIFY(!page.more);
    page = pageOf(log, 35, HistoryStore::NoLimit, 10);
    QCOMPARE(seqsOf(page.messages), range(41, 50));
    QVERIFY(page.more);
}

void TestHistoryStore::logPageOfExactlyMaxHasNoMore()
{
    // From the cache: all 5 there are, asked for 5.
    MessageLog cached(std::make_unique<MemoryHistoryStore>(100), 10);
    QVERIFY(cached.open());
    QList<Message> five = chats(0, 4);
    QVERIFY(appendAndWait(cached, five));
    MessageLog::Page page = pageOf(cached, 0, HistoryStore::NoLimit, 5);
    QCOMPARE(seqsOf(page.messages), range(1, 5));
    QVERIFY(!page.more);

    // From the store, beyond a cache of 3: the 4 before seq 5, asked for 4.
    auto store = sqliteStoreWith(m_dir->filePath(u"data"_s), chats(1, 10));
    QVERIFY(store);
    MessageLog log(std::move(store), 3);
    QVERIFY(log.open());
    page = pageOf(log, 0, 5, 4);
    QCOMPARE(seqsOf(page.messages), range(1, 4));
    QVERIFY(!page.more);
    page = pageOf(log, 0, 5, 3);
    QCOMPARE(seqsOf(page.messages), range(2, 4));
    QVERIFY(page.more);
}

void TestHistoryStore::logPageHoldsOnlyWhatWasAnswered()
{
    // The store has written a batch the log has not heard of yet: a page leaves it out, since
    // it reaches everyone live once answered.
    auto gate = std::make_shared<Testing::CommitGate>();
    MessageLog log(Testing::gatedSqliteStore(m_dir->filePath(u"data"_s), 1000, gate), 1);
    QVERIFY(log.open());
    QList<Message> first = chats(0, 2);
    QVERIFY(appendAndWait(log, first));
    std::optional<HistoryStore::Appended> answer;
    log.append(chats(0, 1), [&answer](const HistoryStore::Appended &result) { answer = result; });
    QVERIFY(gate->waitForFinished(2)); // committed; the answer waits for the event loop
    QVERIFY(!answer);
    QCOMPARE(seqsOf(pageOf(log, 0, HistoryStore::NoLimit, 100).messages), range(1, 3));
    QTRY_VERIFY(answer);
    QCOMPARE(seqsOf(pageOf(log, 0, HistoryStore::NoLimit, 100).messages), range(1, 5));
}

void TestHistoryStore::logCacheHoldsNoMoreThanTheStore()
{
    // The store keeps 5; one message more pushes the oldest out of both.
    MessageLog log(std::make_unique<MemoryHistoryStore>(5), 5);
    QVERIFY(log.open());
    for (int i = 0; i < 6; ++i) {
        QList<Message> one = chats(0, 0);
        QVERIFY(appendAndWait(log, one));
    }
    const MessageLog::Page page = pageOf(log, 0, HistoryStore::NoLimit, 100);
    QCOMPARE(seqsOf(page.messages), range(2, 6));
    QVERIFY(!page.more);
}

namespace {

QStringList textsOf(const QList<Message> &messages)
{
    QStringList texts;
    for (const Message &message : messages)
        texts.append(message.text);
    return texts;
}

} // namespace

void TestHistoryStore::logCacheFollowsBatchesOfAnySize()
{
    // The cache keeps the stored batches themselves, shared with the store's answer: through
    // batches smaller and larger than it, it answers with exactly the newest 10 messages, each
    // with its own text, from memory.
    MessageLog log(std::make_unique<MemoryHistoryStore>(1000), 10);
    QVERIFY(log.open());
    quint64 last = 0;
    for (const quint64 size : {3, 4, 5, 1, 7, 2, 25, 1, 9, 10, 11}) {
        // Numbered by the store as they are here, so "message N" is the text of seq N.
        QList<Message> batch = chats(last + 1, last + size);
        QVERIFY(appendAndWait(log, batch));
        last += size;
        QCOMPARE(seqsOf(batch), range(last - size + 1, last));
        const quint64 oldest = last > 10 ? last - 9 : 1;
        const std::optional<MessageLog::Page> newest =
            log.cachedPage(0, HistoryStore::NoLimit, int(last - oldest));
        QVERIFY(newest);
        QCOMPARE(seqsOf(newest->messages), range(oldest + 1, last));
        QCOMPARE(newest->more, true);
        // Every range inside the cache, from memory.
        for (quint64 after = oldest; after <= last; ++after) {
            for (quint64 before = after + 1; before <= last + 1; ++before) {
                const std::optional<MessageLog::Page> page = log.cachedPage(after, before, 100);
                QVERIFY(page);
                QCOMPARE(textsOf(page->messages), textsOf(chats(after + 1, before - 1)));
                QVERIFY(!page->more);
            }
        }
        // Reaching further back than the cache: from the store, the same messages.
        const MessageLog::Page all = pageOf(log, 0, HistoryStore::NoLimit, 1000);
        QCOMPARE(textsOf(all.messages), textsOf(chats(1, last)));
        if (last > 10)
            QVERIFY(!log.cachedPage(0, HistoryStore::NoLimit, 11));
    }
}

void TestHistoryStore::logCacheLeavesOutRepeats()
{
    // Once the log no longer remembers every client-id, the store recognises a resent one and
    // answers with the message stored before: acknowledged again, not cached again.
    MessageLog log(std::make_unique<MemoryHistoryStore>(20'000), 10);
    QVERIFY(log.open());
    QList<Message> first;
    for (int i = 0; i <= MessageLog::RememberedClientIds; ++i)
        first.append(chat(quint64(i + 1), u"id%1"_s.arg(i)));
    QVERIFY(appendAndWait(log, first));
    QVERIFY(!log.remembersAllClientIds());
    const auto stored = quint64(first.size());
    QList<Message> second = {chat(stored + 1, u"id0"_s), chat(stored + 1, u"new"_s)};
    QVERIFY(appendAndWait(log, second));
    QCOMPARE(seqsOf(second), QList<quint64>({1, stored + 1}));
    const std::optional<MessageLog::Page> page = log.cachedPage(0, HistoryStore::NoLimit, 5);
    QVERIFY(page);
    QCOMPARE(seqsOf(page->messages), range(stored - 3, stored + 1));
    QCOMPARE(page->messages.constLast().clientId, u"new"_s);
    QCOMPARE(log.ackFor(u"id0"_s)->seq, quint64(1));
    QCOMPARE(log.ackFor(u"new"_s)->seq, stored + 1);
}

void TestHistoryStore::logCacheKeepsWhatWasStored()
{
    // Whoever else holds the stored batch (the room broadcasts the same list) may copy and
    // change it: the cache keeps what was stored.
    MessageLog log(std::make_unique<MemoryHistoryStore>(100), 10);
    QVERIFY(log.open());
    std::optional<HistoryStore::Appended> answer;
    log.append(chats(1, 3), [&answer](const HistoryStore::Appended &result) {
        answer = result;
        QList<Message> edited = result.messages;
        edited[0].text = u"edited"_s;
    });
    QTRY_VERIFY(answer);
    answer->messages[1].text = u"edited too"_s;
    answer->messages[2] = Message::notice(u"replaced"_s, StartTime);
    const std::optional<MessageLog::Page> page = log.cachedPage(0, HistoryStore::NoLimit, 3);
    QVERIFY(page);
    QCOMPARE(textsOf(page->messages), textsOf(chats(1, 3)));
    QCOMPARE(seqsOf(page->messages), range(1, 3));
}

void TestHistoryStore::logRemembersClientIds()
{
    // The store keeps 2 messages, the log recognises far more ids.
    MessageLog log(std::make_unique<MemoryHistoryStore>(2), 2);
    QVERIFY(log.open());
    for (int i = 0; i < 50; ++i) {
        QList<Message> batch = {chat(0, u"id%1"_s.arg(i))};
        QVERIFY(appendAndWait(log, batch));
    }
    const std::optional<Message> ack = log.ackFor(u"id0"_s);
    QVERIFY(ack);
    QCOMPARE(ack->type, MessageType::Ack);
    QCOMPARE(ack->seq, quint64(1));
    QCOMPARE(ack->clientId, u"id0"_s);
    QCOMPARE(log.ackFor(u"id49"_s)->seq, quint64(50));
    QVERIFY(!log.ackFor(u"id50"_s));
    QVERIFY(log.remembersAllClientIds());

    // After a restart, what the store still has is recognised.
    auto store = sqliteStoreWith(m_dir->filePath(u"data"_s), {chat(1, u"x"_s), chat(2, u"y"_s)});
    QVERIFY(store);
    MessageLog reopened(std::move(store), 0);
    QVERIFY(reopened.open());
    QCOMPARE(reopened.ackFor(u"y"_s)->seq, quint64(2));
    QCOMPARE(reopened.ackFor(u"x"_s)->time, StartTime + 1);
    QVERIFY(!reopened.ackFor(u"z"_s));
}

void TestHistoryStore::logFramesAndTrim()
{
    MessageLog::Page empty;
    QList<Message> frames = MessageLog::frames(empty, 0);
    QCOMPARE(frames.size(), 1);
    QVERIFY(frames.front().messages.isEmpty());
    QVERIFY(frames.front().end);
    QVERIFY(!frames.front().more);

    MessageLog::Page page {chats(1, 450), true};
    frames = MessageLog::frames(page, 451, 200);
    QCOMPARE(frames.size(), 3);
    QCOMPARE(frames.at(0).messages.size(), 200);
    QCOMPARE(frames.at(2).messages.size(), 50);
    for (const Message &frame : std::as_const(frames)) {
        QCOMPARE(frame.type, MessageType::History);
        QCOMPARE(frame.before, quint64(451));
        QCOMPARE(frame.end, &frame == &frames.constLast());
        QCOMPARE(frame.more, &frame == &frames.constLast());
    }
    QCOMPARE(frames.at(1).messages.front().seq, quint64(201));

    // About 80 bytes each: 10 fit in 800; the newest are kept.
    MessageLog::Page big {chats(1, 100), false};
    MessageLog::trimToBytes(&big, 800);
    QVERIFY(big.more);
    QVERIFY(big.messages.size() >= 5 && big.messages.size() <= 10);
    QCOMPARE(big.messages.constLast().seq, quint64(100));
    MessageLog::Page one {chats(1, 2), false};
    MessageLog::trimToBytes(&one, 1);
    QCOMPARE(seqsOf(one.messages), QList<quint64>({2}));
    MessageLog::Page small {chats(1, 2), false};
    MessageLog::trimToBytes(&small, 100'000);
    QCOMPARE(small.messages.size(), 2);
    QVERIFY(!small.more);
}

void TestHistoryStore::sqliteRefusesNewerSchema()
{
    // A file a newer server wrote (schema 5): this one neither opens nor changes it.
    const QString dir = m_dir->filePath(u"data"_s);
    QString path;
    {
        SqliteHistoryDatabase store(dir, 1000);
        QVERIFY(store.open());
        QVERIFY(store.append(mixedBatch(1, 3)));
        path = store.filePath();
    }
    const QString schema = u"SELECT value FROM meta WHERE key = 'schema'"_s;
    QCOMPARE(runOnFile(path, {u"UPDATE meta SET value = '5' WHERE key = 'schema'"_s, schema}),
             std::make_pair(QString(), u"5"_s));

    SqliteHistoryDatabase store(dir, 1000);
    QVERIFY(!store.open());
    QVERIFY2(store.errorString().contains(u"newer Tagarela"_s), qPrintable(store.errorString()));
    QVERIFY2(store.errorString().contains(u"schema 5"_s), qPrintable(store.errorString()));
    QCOMPARE(runOnFile(path, {schema}), std::make_pair(QString(), u"5"_s));
}

void TestHistoryStore::sqliteKeepsTheWalWrittenOut()
{
    // Commits overwrite the WAL in place rather than grow it: it is written out when the file
    // is opened, and keeps that size through checkpoints and restarts.
    const QString dir = m_dir->filePath(u"data"_s);
    auto writer = std::make_unique<SqliteHistoryDatabase>(dir, 100'000);
    SqliteHistoryDatabase &store = *writer;
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    const QString wal = store.filePath() + u"-wal"_s;
    QVERIFY(store.walSize() > 100'000);
    QCOMPARE(QFileInfo(wal).size(), store.walSize());
    quint64 seq = 0;
    int restarts = 0;
    for (int batch = 0; batch < 400 && restarts < 2; ++batch) {
        const int before = store.checkpointCount();
        const int framesBefore = store.walFrames();
        QVERIFY(store.append(pageSizedChats(seq + 1, 20, u"batch%1marker"_s.arg(batch))));
        seq += 20;
        if (store.walFrames() < framesBefore)
            ++restarts;
        QCOMPARE(QFileInfo(wal).size(), store.walSize());
        if (store.walFrames() >= SqliteHistoryDatabase::CheckpointFrames)
            QTRY_VERIFY(store.checkpointCount() > before);
    }
    QCOMPARE(restarts, 2);
    QCOMPARE(store.count(), qint64(seq));
    writer.reset();

    // Nothing of it is lost on the way: a new connection finds every message.
    SqliteHistoryDatabase reopened(dir, 100'000);
    QVERIFY2(reopened.open(), qPrintable(reopened.errorString()));
    QCOMPARE(reopened.count(), qint64(seq));
    QCOMPARE(reopened.lastSeq(), seq);
    QCOMPARE(QFileInfo(wal).size(), reopened.walSize());
}

void TestHistoryStore::sqliteCheckpointWaitsForAPause()
{
    // A stream of batches, each sooner after the last than CheckpointIdleMs, however long it
    // lasts: the writer checkpoints when the WAL is long, and otherwise once idle, after the
    // last batch (each batch puts it off).
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 100'000);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    // QTimer's default (coarse) timers may fire up to 5 % early.
    constexpr qint64 Idle = SqliteHistoryDatabase::CheckpointIdleMs * 9 / 10;
    constexpr int Gap = SqliteHistoryDatabase::CheckpointIdleMs / 20;
    QElapsedTimer stream;
    stream.start();
    QElapsedTimer sinceBatch;
    quint64 seq = 0;
    int frames = 0;
    int before = store.checkpointCount();
    QString problem;
    // A batch every Gap ms (few frames: the WAL stays short) on the writer's loop, well past
    // CheckpointIdleMs after the first one (bounded in time and count).
    QTimer pace;
    pace.setTimerType(Qt::PreciseTimer);
    pace.setInterval(Gap);
    pace.callOnTimeout(&pace, [&] {
        // One only for a long WAL, or after a gap that long (a very loaded machine).
        if (seq > 0 && store.checkpointCount() != before &&
            frames < SqliteHistoryDatabase::CheckpointFrames && sinceBatch.elapsed() < Idle) {
            problem = u"a checkpoint %1 ms after batch %2 (%3 frames)"_s.arg(sinceBatch.elapsed())
                          .arg(seq)
                          .arg(frames);
        }
        if (stream.elapsed() >= 5 * SqliteHistoryDatabase::CheckpointIdleMs / 2 || seq >= 1000 ||
            !problem.isEmpty()) {
            pace.stop();
            return;
        }
        if (!store.append(chats(seq + 1, seq + 1)))
            problem = store.errorString();
        ++seq;
        frames = store.walFrames();
        before = store.checkpointCount();
        sinceBatch.start();
    });
    pace.start();
    QTRY_VERIFY_WITH_TIMEOUT(!pace.isActive(), 30'000);
    QCOMPARE(problem, QString());
    QVERIFY(stream.elapsed() > SqliteHistoryDatabase::CheckpointIdleMs);

    // After the last batch, once idle.
    before = store.checkpointCount();
    QVERIFY(store.append(chats(seq + 1, seq + 1)));
    sinceBatch.start();
    QVERIFY(store.walFrames() < SqliteHistoryDatabase::CheckpointFrames);
    QTRY_VERIFY_WITH_TIMEOUT(store.checkpointCount() > before, 10'000);
    QVERIFY(sinceBatch.elapsed() >= Idle);
    QCOMPARE(store.checkpointCount(), before + 1);
}

void TestHistoryStore::sqliteCheckpointsAfterTheCommit()
{
    // The commit that fills the WAL is not held up by a checkpoint: it comes after, on the
    // writer's loop, and the WAL then starts again from its beginning.
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 100'000);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    quint64 seq = 0;
    QString marker;
    for (int batch = 0; batch < 400; ++batch) {
        marker = u"batch%1marker"_s.arg(batch);
        QVERIFY(store.append(pageSizedChats(seq + 1, 20, marker)));
        seq += 20;
        if (store.walFrames() >= SqliteHistoryDatabase::CheckpointFrames)
            break;
    }
    QVERIFY(store.walFrames() >= SqliteHistoryDatabase::CheckpointFrames);
    // Only in the WAL so far.
    QVERIFY(!fileBytes(store.filePath()).contains(marker.toUtf8()));
    QCOMPARE(store.checkpointCount(), 0);
    QTRY_COMPARE(store.checkpointCount(), 1);
    QVERIFY(fileBytes(store.filePath()).contains(marker.toUtf8()));
    QVERIFY(store.append(pageSizedChats(seq + 1, 1, u"after"_s)));
    QVERIFY(store.walFrames() < 100);
    QCOMPARE(store.count(), qint64(seq + 1));
}

void TestHistoryStore::sqliteCheckpointsWhenIdle()
{
    // A quiet room's WAL reaches the database file too, soon after the last batch.
    SqliteHistoryDatabase store(m_dir->filePath(u"data"_s), 1000);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    QVERIFY(store.append(pageSizedChats(1, 1, u"idlemarker"_s)));
    QVERIFY(store.walFrames() > 0);
    QVERIFY(store.walFrames() < SqliteHistoryDatabase::CheckpointFrames);
    QVERIFY(!fileBytes(store.filePath()).contains("idlemarker"));
    QTRY_VERIFY_WITH_TIMEOUT(fileBytes(store.filePath()).contains("idlemarker"), 20'000);
    QVERIFY(store.checkpointCount() > 0);
}

void TestHistoryStore::sqliteWrittenOutWalSurvivesACrash()
{
    // The files as a crash leaves them (copied while the writer has them open, without the
    // WAL's index): a WAL of zeros only, then one of frames followed by zeros and by the frames
    // of an earlier round. Opened again, they hold exactly what was committed.
    const QString dir = m_dir->filePath(u"data"_s);
    SqliteHistoryDatabase store(dir, 100'000);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    const auto crashCopy = [&](const QString &name) {
        const QString copy = m_dir->filePath(name);
        if (!QDir().mkpath(copy))
            return QString();
        for (const QString &suffix : {QString(), u"-wal"_s}) {
            if (!QFile::copy(
                    store.filePath() + suffix,
                    QDir(copy).filePath(QLatin1StringView(SqliteHistoryDatabase::FileName)) +
                        suffix)) {
                return QString();
            }
        }
        return copy;
    };
    const QString atOpen = crashCopy(u"at-open"_s);
    QVERIFY(!atOpen.isEmpty());

    quint64 seq = 0;
    int restarts = 0;
    for (int batch = 0; batch < 400 && restarts < 1; ++batch) {
        const int framesBefore = store.walFrames();
        QVERIFY(store.append(pageSizedChats(seq + 1, 20, u"batch%1marker"_s.arg(batch))));
        seq += 20;
        if (store.walFrames() < framesBefore)
            ++restarts;
        if (store.walFrames() >= SqliteHistoryDatabase::CheckpointFrames) {
            const int before = store.checkpointCount();
            QTRY_VERIFY(store.checkpointCount() > before);
        }
    }
    QCOMPARE(restarts, 1);
    QVERIFY(store.append(chats(seq + 1, seq + 3)));
    seq += 3;
    const QString later = crashCopy(u"later"_s);
    QVERIFY(!later.isEmpty());

    SqliteHistoryDatabase fresh(atOpen, 100'000);
    QVERIFY2(fresh.open(), qPrintable(fresh.errorString()));
    QCOMPARE(fresh.count(), qint64(0));
    QCOMPARE(fresh.historyId(), store.historyId());
    QVERIFY(fresh.append(chats(1, 2)));
    QCOMPARE(seqsOf(fresh.latest(10)), range(1, 2));

    SqliteHistoryDatabase recovered(later, 100'000);
    QVERIFY2(recovered.open(), qPrintable(recovered.errorString()));
    QCOMPARE(recovered.count(), qint64(seq));
    QCOMPARE(recovered.lastSeq(), seq);
    QCOMPARE(seqsOf(recovered.latest(3)), range(seq - 2, seq));
    QCOMPARE(runOnFile(recovered.filePath(), {u"PRAGMA integrity_check"_s}).second, u"ok"_s);
}

QTEST_GUILESS_MAIN(TestHistoryStore)

#include "tst_historystore.moc"
