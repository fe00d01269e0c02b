// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// search {query, before?, limit?} against a real server on 127.0.0.1: answered with history
// frames of matching messages the asker may see, bounded and paged like fetch, charged by
// size. In memory (substring scan) and in SQLite (FTS5), including an index built once for a
// database made before search existed.

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "chatserver.h"
#include "framedtestclient.h"
#include "schema1database.h"
#include "serverconfig.h"
#include "sqlitehistorydatabase.h"
#include "testprinters.h"
#include "testserverconfig.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

QStringList textsOf(const QList<Message> &messages)
{
    QStringList texts;
    for (const Message &message : messages)
        texts.append(message.text);
    return texts;
}

// Sends \a search and returns the messages of its answer, and its last frame.
std::pair<QList<Message>, Message> ask(FramedTestClient &client, const Message &search)
{
    const auto isEnd = [&search](const Message &m) {
        return m.end && m.query == search.query;
    };
    const int answered = client.count(MessageType::History, isEnd);
    const qsizetype start = client.messages().size();
    client.send(search);
    if (!client.waitForCount(MessageType::History, answered + 1, isEnd, 20'000))
        return {};
    QList<Message> messages;
    Message last;
    const QList<Message> &all = client.messages();
    for (qsizetype i = start; i < all.size(); ++i) {
        if (all.at(i).type == MessageType::History && all.at(i).query == search.query) {
            messages += all.at(i).messages;
            last = all.at(i);
        }
    }
    return {messages, last};
}

// The first column of \a sql's first row in the history file of \a dataDir, or the error.
QString peek(const QString &dataDir, const QString &sql)
{
    const QString connection = u"peek"_s;
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(
            QDir(dataDir).filePath(QLatin1StringView(SqliteHistoryDatabase::FileName)));
        if (!db.open()) {
            value = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                value = query.lastError().text();
            else if (query.next())
                value = query.value(0).toString();
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return value;
}

// Stores \a count host notices "<word> N <filler>" in rounds that \a client reads before the
// next, so that its output queue never holds much.
bool storeNotices(ChatServer &server, FramedTestClient &client, const QString &word, int count,
                  int fillerSize)
{
    const QString filler(fillerSize, u'x');
    const int before = client.count(MessageType::Notice);
    for (int i = 1; i <= count; ++i) {
        server.room().notice(word + u" %1 "_s.arg(i) + filler);
        if ((i % 50 == 0 || i == count) &&
            !client.waitForCount(MessageType::Notice, before + i, {}, 20'000)) {
            return false;
        }
    }
    return true;
}

bool leave(FramedTestClient &client)
{
    client.send(Message::quit());
    return client.waitForClosed();
}

} // namespace

class TestSearch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void findsWhatTheAskerMaySee_data();
    void findsWhatTheAskerMaySee();
    void pagesAndBounds_data();
    void pagesAndBounds();
    void invalidQuery();
    void chargedBySize();
    void indexBuiltForOldDatabase();
    void findsWhatWasJustAcknowledged();

private:
    ServerConfig config(bool onDisk);

    QTemporaryDir m_dir;
};

void TestSearch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

ServerConfig TestSearch::config(bool onDisk)
{
    ServerConfig config = Testing::serverConfig(u"search"_s);
    if (onDisk) {
        static int count = 0;
        config.dataDir = m_dir.filePath(u"data%1"_s.arg(++count));
    }
    return config;
}

void TestSearch::findsWhatTheAskerMaySee_data()
{
    QTest::addColumn<bool>("onDisk");
    QTest::newRow("memory") << false;
    QTest::newRow("sqlite") << true;
}

void TestSearch::findsWhatTheAskerMaySee()
{
    QFETCH(bool, onDisk);
    ChatServer server(config(onDisk));
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    FramedTestClient caio(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(caio.join(u"caio"_s));

    // One after the other: sayings from three connections have no order of their own.
    for (const auto &[from, text] :
         {std::pair {&ana, u"Coffee at ten?"_s}, std::pair {&bia, u"no coffee for me"_s},
          std::pair {&caio, u"tea then"_s}}) {
        from->say(text);
        QVERIFY(caio.waitFor(MessageType::Chat, Match::text(text)));
    }
    Message secret = Message::say(u"secret coffee plan"_s);
    secret.to = u"bia"_s;
    ana.send(secret);
    ana.say(u"done"_s);
    QVERIFY(caio.waitFor(MessageType::Chat, Match::text(u"done"_s)));

    // Case does not matter; ana and bia see the private one, caio does not.
    const auto [forAna, lastAna] = ask(ana, Message::search(u"COFFEE"_s, 0, 0));
    QCOMPARE(textsOf(forAna),
             QStringList({u"Coffee at ten?"_s, u"no coffee for me"_s, u"secret coffee plan"_s}));
    QCOMPARE(lastAna.more, false);
    const auto [forBia, lastBia] = ask(bia, Message::search(u"coffee"_s, 0, 0));
    QCOMPARE(forBia, forAna);
    const auto [forCaio, lastCaio] = ask(caio, Message::search(u"coffee"_s, 0, 0));
    QCOMPARE(textsOf(forCaio), QStringList({u"Coffee at ten?"_s, u"no coffee for me"_s}));
    // Each hit carries its seq, so that the client can open the log around it.
    QVERIFY(forCaio.constFirst().seq > 0);
    QCOMPARE(forCaio.constFirst().from, u"ana"_s);

    const auto [none, lastNone] = ask(caio, Message::search(u"secret"_s, 0, 0));
    QCOMPARE(none, QList<Message>());
    QCOMPARE(lastNone.end, true);
    // Words in either order, all required.
    const auto [both, lastBoth] = ask(ana, Message::search(u"plan secret"_s, 0, 0));
    if (onDisk)
        QCOMPARE(textsOf(both), QStringList({u"secret coffee plan"_s}));
    // Quotes and operators are words, not syntax.
    const auto [quoted, lastQuoted] = ask(ana, Message::search(u"\"coffee OR"_s, 0, 0));
    QCOMPARE(ana.count(MessageType::Error), 0);
    Q_UNUSED(quoted);

    // A newcomer with bia's nickname later sees bia's private messages ("by nickname"), a
    // different one does not.
    QVERIFY(leave(bia));
    QVERIFY(ana.waitFor(MessageType::Left, Match::nick(u"bia"_s)));
    FramedTestClient dan(server.serverPort());
    QVERIFY(dan.join(u"dan"_s));
    const auto [forDan, lastDan] = ask(dan, Message::search(u"plan"_s, 0, 0));
    QCOMPARE(forDan, QList<Message>());
}

void TestSearch::pagesAndBounds_data()
{
    findsWhatTheAskerMaySee_data();
}

void TestSearch::pagesAndBounds()
{
    QFETCH(bool, onDisk);
    ChatServer server(config(onDisk));
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    // 300 hits of about 3.9 KB: more than one answer may hold (half of the 1 MiB a client
    // may have queued).
    QVERIFY(storeNotices(server, ana, u"needle"_s, 300, 3900));

    const auto [page, last] = ask(ana, Message::search(u"needle"_s, 0, 5));
    QCOMPARE(page.size(), 5);
    QVERIFY(page.constLast().text.startsWith(u"needle 300 "_s));
    QVERIFY(page.constFirst().text.startsWith(u"needle 296 "_s));
    QCOMPARE(last.more, true);
    QCOMPARE(last.before, 0u);

    // The next page: before the first hit.
    const quint64 first = page.constFirst().seq;
    const auto [older, olderLast] = ask(ana, Message::search(u"needle"_s, first, 5));
    QCOMPARE(olderLast.before, first);
    QVERIFY(older.constLast().text.startsWith(u"needle 295 "_s));

    // Bounded in bytes like every history answer.
    const auto [big, bigLast] = ask(ana, Message::search(u"needle"_s, 0, 300));
    QVERIFY(big.size() < 150);
    QVERIFY(!big.isEmpty());
    QCOMPARE(bigLast.more, true);
    QVERIFY(big.constLast().text.startsWith(u"needle 300 "_s));
}

void TestSearch::invalidQuery()
{
    ChatServer server(config(false));
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    for (const QString &query : {u"   "_s, QString(201, u'a'), u"a\tb"_s}) {
        const int errors = ana.count(MessageType::Error);
        ana.send(Message::search(query, 0, 0));
        QVERIFY(ana.waitForCount(MessageType::Error, errors + 1));
        QCOMPARE(ana.received(MessageType::Error).constLast().code, ErrorCode::InvalidQuery);
    }
    // Before joining: out of place.
    FramedTestClient early(server.serverPort());
    QVERIFY(early.handshake());
    early.send(Message::search(u"x"_s, 0, 0));
    const auto error = early.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::Protocol);
}

void TestSearch::chargedBySize()
{
    // A burst of 2 at one message a second: a large answer puts the client in debt, and its
    // next message waits (told with rate-limited), as after a large fetch.
    ServerConfig rated = config(false);
    rated.maxRate = 1;
    rated.rateBurst = 2;
    ChatServer server(rated);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    // Stored without going through ana's rate: notices from the host.
    QVERIFY(storeNotices(server, ana, u"hay"_s, 40, 1000));
    const auto [hits, last] = ask(ana, Message::search(u"hay"_s, 0, 40));
    QCOMPARE(hits.size(), 40);
    ana.say(u"after"_s);
    const auto limited = ana.waitFor(MessageType::Error, Match::code(ErrorCode::RateLimited));
    QVERIFY(limited);
}

void TestSearch::indexBuiltForOldDatabase()
{
    const QString dir = m_dir.filePath(u"old"_s);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY2(
        Testing::writeSchema1Database(dir, QStringList {u"Olá, café?"_s, u"later"_s}).isEmpty(),
        "schema 1 database");

    ServerConfig old = config(false);
    old.dataDir = dir;
    old.historyLimit = 3; // the retention limit deletes from the index too
    ChatServer server(old);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    const auto [found, last] = ask(ana, Message::search(u"CAFÉ"_s, 0, 0));
    QCOMPARE(textsOf(found), QStringList({u"Olá, café?"_s}));
    QCOMPARE(found.constFirst().seq, 1u);
    // New messages are indexed as they are stored; the oldest go with retention.
    ana.say(u"café again"_s);
    ana.say(u"and more café"_s);
    QVERIFY(ana.waitForCount(MessageType::Chat, 2));
    const auto [now, nowLast] = ask(ana, Message::search(u"caf"_s, 0, 0));
    QCOMPARE(textsOf(now), QStringList({u"café again"_s, u"and more café"_s}));
}

void TestSearch::findsWhatWasJustAcknowledged()
{
    // The search index follows the stored messages a little later, off the commit; a search
    // right after a message was acknowledged finds it all the same, and so after the index
    // caught up.
    const ServerConfig onDisk = config(true);
    ChatServer server(onDisk);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QStringList said;
    for (int round = 0; round < 3; ++round) {
        const QString text = u"kiwi round%1 Ação"_s.arg(round);
        ana.say(text);
        said.append(text);
        QVERIFY(ana.waitFor(MessageType::Chat, Match::text(text)));
        const auto [found, last] = ask(bia, Message::search(u"acao ROUND%1"_s.arg(round), 0, 0));
        QCOMPARE(textsOf(found), QStringList({text}));
        const auto [all, allLast] = ask(bia, Message::search(u"kiwi"_s, 0, 0));
        QCOMPARE(textsOf(all), said);
    }
    Message secret = Message::say(u"kiwi secret"_s);
    secret.to = u"ana"_s;
    bia.send(secret);
    QVERIFY(ana.waitFor(MessageType::Chat, Match::text(u"kiwi secret"_s)));
    FramedTestClient caio(server.serverPort());
    QVERIFY(caio.join(u"caio"_s));
    QCOMPARE(textsOf(ask(caio, Message::search(u"kiwi"_s, 0, 0)).first), said);
    QCOMPARE(textsOf(ask(ana, Message::search(u"kiwi"_s, 0, 0)).first),
             said + QStringList({u"kiwi secret"_s}));

    // With nothing more said, the index catches up, and is sound.
    QTRY_COMPARE_WITH_TIMEOUT(
        peek(onDisk.dataDir,
             u"SELECT (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'indexed-seq') "
             "= (SELECT max(seq) FROM messages)"_s),
        u"1"_s, 20'000);
    QCOMPARE(peek(onDisk.dataDir,
                  u"INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)"_s),
             QString());
    QCOMPARE(textsOf(ask(caio, Message::search(u"kiwi"_s, 0, 0)).first), said);
    QCOMPARE(textsOf(ask(ana, Message::search(u"kiwi"_s, 0, 0)).first),
             said + QStringList({u"kiwi secret"_s}));
}

QTEST_GUILESS_MAIN(TestSearch)

#include "tst_search.moc"
