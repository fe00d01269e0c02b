// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>
#include <set>

#include <QSignalSpy>
#include <QTest>

#include "message.h"
#include "redisaddress.h"
#include "redisconnection.h"
#include "redisroomlog.h"
#include "redisroomtail.h"
#include "redistestserver.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

constexpr int Wait = 30'000;

RedisConnection::Options optionsFor(const RedisTestServer &redis)
{
    RedisConnection::Options options;
    options.address = *RedisAddress::parse(redis.url(), nullptr);
    options.reconnectMinMs = 20;
    options.reconnectMaxMs = 200;
    return options;
}

Message chat(const QString &from, const QString &text, const QString &clientId = {},
             qint64 time = 1'700'000'000'000)
{
    Message message = Message::say(text, false, clientId);
    message.type = MessageType::Chat;
    message.from = from;
    message.time = time;
    return message;
}

Message joined(const QString &nick)
{
    Message message;
    message.type = MessageType::Joined;
    message.nick = nick;
    message.time = 1'700'000'000'000;
    return message;
}

// One server's view of the room: a connection for commands and one for its tail.
struct Server
{
    Server(const RedisTestServer &redis, const QString &origin, const QString &room,
           int historyLimit = 100'000, int clientIdLimit = 10'000)
        : commands(optionsFor(redis))
        , tailConnection(optionsFor(redis))
        , log(&commands, logOptions(origin, room, historyLimit, clientIdLimit))
        , tail(&tailConnection, tailOptions(room))
    {
        QObject::connect(&tail, &RedisRoomTail::events, &tail,
                         [this](const QList<RoomEvent> &events) {
                             seen += events;
                             for (const RoomEvent &event : events)
                                 log.observe(event.historyId, event.message.seq);
                         });
    }

    static RedisRoomLog::Options logOptions(const QString &origin, const QString &room,
                                            int historyLimit, int clientIdLimit)
    {
        RedisRoomLog::Options options;
        options.origin = origin;
        options.room = room;
        options.historyLimit = historyLimit;
        options.clientIdLimit = clientIdLimit;
        return options;
    }

    static RedisRoomTail::Options tailOptions(const QString &room)
    {
        RedisRoomTail::Options options;
        options.room = room;
        options.blockMs = 1000;
        return options;
    }

    // Opens the log and starts the tail where the log is.
    [[nodiscard]] bool open()
    {
        QSignalSpy ready(&log, &RedisRoomLog::ready);
        commands.open();
        tailConnection.open();
        if (!QTest::qWaitFor([&] { return !ready.isEmpty(); }, Wait))
            return false;
        tail.start(log.historyId(), log.lastSeq());
        return true;
    }

    RedisRoomLog::AppendResult append(const QList<Message> &batch)
    {
        std::optional<RedisRoomLog::AppendResult> result;
        QObject context;
        log.append(batch, &context,
                   [&result](const RedisRoomLog::AppendResult &answer) { result = answer; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, Wait))
            return {};
        return *result;
    }

    RedisRoomLog::Page range(quint64 after, quint64 before, int max)
    {
        std::optional<RedisRoomLog::Page> result;
        QObject context;
        log.range(after, before, max, &context,
                  [&result](const RedisRoomLog::Page &page) { result = page; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, Wait))
            return {};
        return *result;
    }

    RedisRoomLog::Page scan(quint64 after, quint64 before, int max, int scanLimit,
                            RedisRoomLog::Filter accept)
    {
        std::optional<RedisRoomLog::Page> result;
        QObject context;
        log.scan(after, before, max, scanLimit, std::move(accept), &context,
                 [&result](const RedisRoomLog::Page &page) { result = page; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, Wait))
            return {};
        return *result;
    }

    RedisRoomLog::Lookup find(const QString &clientId)
    {
        std::optional<RedisRoomLog::Lookup> result;
        QObject context;
        log.findClientId(clientId, &context,
                         [&result](const RedisRoomLog::Lookup &lookup) { result = lookup; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, Wait))
            return {};
        return *result;
    }

    RedisReply run(const QList<QByteArray> &args)
    {
        std::optional<RedisReply> result;
        QObject context;
        commands.command(args, &context, [&result](const RedisReply &reply) { result = reply; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, Wait))
            return RedisReply::noReply("the test waited in vain");
        return *result;
    }

    QList<quint64> seenSeqs() const
    {
        QList<quint64> seqs;
        for (const RoomEvent &event : seen)
            seqs.append(event.message.seq);
        return seqs;
    }

    RedisConnection commands;
    RedisConnection tailConnection;
    RedisRoomLog log;
    RedisRoomTail tail;
    QList<RoomEvent> seen;
};

// Seqs strictly increasing, each once.
bool strictlyIncreasing(const QList<quint64> &seqs)
{
    for (qsizetype i = 1; i < seqs.size(); ++i) {
        if (seqs.at(i) <= seqs.at(i - 1))
            return false;
    }
    return true;
}

} // namespace

class TestRedisRoomLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensOneHistoryForEveryServer();
    void numbersAndDeliversEvents();
    void twoServersAppendingConcurrentlyShareOneOrder();
    void recognisesClientIdsAcrossServers();
    void remembersTheNewestClientIds();
    void trimsToTheHistoryLimit();
    void readsHistoryPages();
    void findsClientIds();
    void keepsPrivateMessagesRecipient();
    void scansAreBounded();
    void reloadsItsScriptsAfterScriptFlush();
    void reportsDurability();
    void losesNothingAcknowledgedWhenRedisIsKilled();
    void beginsANewHistoryWhenRedisComesBackEmpty();
    void beginsANewHistoryWhenRedisLostRecentWrites();

private:
    std::unique_ptr<RedisTestServer> m_redis;
};

void TestRedisRoomLog::initTestCase()
{
    m_redis = std::make_unique<RedisTestServer>();
    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));
}

void TestRedisRoomLog::opensOneHistoryForEveryServer()
{
    Server a(*m_redis, u"a"_s, u"open"_s);
    QVERIFY2(a.log.isValid(), qPrintable(a.log.errorString()));
    QVERIFY(!a.log.isReady());
    QVERIFY(a.open());
    QVERIFY(a.log.isReady());
    QCOMPARE(a.log.historyId().size(), 32);
    QCOMPARE(a.log.lastSeq(), 0u);

    Server b(*m_redis, u"b"_s, u"open"_s);
    QVERIFY(b.open());
    QCOMPARE(b.log.historyId(), a.log.historyId());

    Server other(*m_redis, u"a"_s, u"another room"_s);
    QVERIFY(other.open());
    QVERIFY(other.log.historyId() != a.log.historyId());
}

void TestRedisRoomLog::numbersAndDeliversEvents()
{
    Server a(*m_redis, u"server-a"_s, u"deliver"_s);
    QVERIFY(a.open());
    Message action = chat(u"ana"_s, u"waves"_s, u"cid-1"_s);
    action.action = true;
    Message notice;
    notice.type = MessageType::Notice;
    notice.text = u"maintenance at noon"_s;
    notice.time = 0; // Redis's clock
    Message renamed;
    renamed.type = MessageType::Renamed;
    renamed.from = u"ana"_s;
    renamed.nick = u"anna"_s;
    renamed.time = 1'700'000'000'001;
    Message left;
    left.type = MessageType::Left;
    left.nick = u"bo"_s;
    left.reason = u"bye \u00e9"_s;
    left.time = 1'700'000'000'002;

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const auto result = a.append({action, notice, joined(u"cy"_s), renamed, left});
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.historyId, a.log.historyId());
    QCOMPARE(result.events.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(result.events.at(i).seq, quint64(i + 1));
        QVERIFY(!result.events.at(i).duplicate);
    }
    QCOMPARE(result.events.at(0).time, action.time);
    QVERIFY(result.events.at(1).time >= before - 5000); // Redis's clock, near ours
    QCOMPARE(a.log.lastSeq(), 5u);

    QTRY_COMPARE_WITH_TIMEOUT(a.seen.size(), 5, Wait);
    const Message &first = a.seen.at(0).message;
    QCOMPARE(first.type, MessageType::Chat);
    QCOMPARE(first.seq, 1u);
    QCOMPARE(first.from, u"ana"_s);
    QCOMPARE(first.text, u"waves"_s);
    QVERIFY(first.action);
    QCOMPARE(first.clientId, u"cid-1"_s);
    QCOMPARE(a.seen.at(0).origin, u"server-a"_s);
    QCOMPARE(a.seen.at(0).historyId, a.log.historyId());
    QCOMPARE(a.seen.at(1).message.type, MessageType::Notice);
    QCOMPARE(a.seen.at(1).message.time, result.events.at(1).time);
    QCOMPARE(a.seen.at(2).message.type, MessageType::Joined);
    QCOMPARE(a.seen.at(2).message.nick, u"cy"_s);
    QCOMPARE(a.seen.at(3).message.from, u"ana"_s);
    QCOMPARE(a.seen.at(3).message.nick, u"anna"_s);
    QCOMPARE(a.seen.at(4).message.reason, u"bye \u00e9"_s);
    QCOMPARE(a.seenSeqs(), (QList<quint64> {1, 2, 3, 4, 5}));
}

void TestRedisRoomLog::twoServersAppendingConcurrentlyShareOneOrder()
{
    Server a(*m_redis, u"a"_s, u"concurrent"_s);
    Server b(*m_redis, u"b"_s, u"concurrent"_s);
    QVERIFY(a.open());
    QVERIFY(b.open());

    // Both send 150 batches of 1 to 4 events without waiting for answers.
    constexpr int Batches = 150;
    QList<quint64> numbersOfA;
    QList<quint64> numbersOfB;
    int answered = 0;
    int failed = 0;
    int total = 0;
    QObject context;
    for (int i = 0; i < Batches; ++i) {
        for (Server *server : {&a, &b}) {
            QList<Message> batch;
            const int size = 1 + (i % 4);
            for (int j = 0; j < size; ++j) {
                batch.append(chat(server->log.options().origin,
                                  u"%1-%2"_s.arg(QString::number(i), QString::number(j))));
            }
            total += size;
            QList<quint64> *numbers = server == &a ? &numbersOfA : &numbersOfB;
            server->log.append(batch, &context,
                               [&, numbers](const RedisRoomLog::AppendResult &result) {
                                   ++answered;
                                   if (!result.ok)
                                       ++failed;
                                   for (const auto &stored : result.events)
                                       numbers->append(stored.seq);
                               });
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, 2 * Batches, Wait);
    QCOMPARE(failed, 0);
    // Each server's own events are numbered in the order it appended them...
    QVERIFY(strictlyIncreasing(numbersOfA));
    QVERIFY(strictlyIncreasing(numbersOfB));
    // ...and together they are 1..total, each once.
    std::set<quint64> all(numbersOfA.begin(), numbersOfA.end());
    all.insert(numbersOfB.begin(), numbersOfB.end());
    QCOMPARE(int(all.size()), total);
    QCOMPARE(*all.begin(), 1u);
    QCOMPARE(*all.rbegin(), quint64(total));

    // Both tails deliver the same events in the same order.
    QTRY_COMPARE_WITH_TIMEOUT(a.seen.size(), total, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(b.seen.size(), total, Wait);
    QVERIFY(strictlyIncreasing(a.seenSeqs()));
    QCOMPARE(a.seenSeqs(), b.seenSeqs());
    for (int i = 0; i < total; ++i) {
        QCOMPARE(a.seen.at(i).message.text, b.seen.at(i).message.text);
        QCOMPARE(a.seen.at(i).origin, b.seen.at(i).origin);
    }
}

void TestRedisRoomLog::recognisesClientIdsAcrossServers()
{
    Server a(*m_redis, u"a"_s, u"dedupe"_s);
    Server b(*m_redis, u"b"_s, u"dedupe"_s);
    QVERIFY(a.open());
    QVERIFY(b.open());

    const auto first = a.append({chat(u"ana"_s, u"hello"_s, u"X1"_s, 1000)});
    QVERIFY(first.ok);
    QCOMPARE(first.events.at(0).seq, 1u);
    // The same message sent again through another server, and twice in one batch.
    const auto again =
        b.append({chat(u"ana"_s, u"hello"_s, u"X1"_s, 2000), chat(u"bo"_s, u"hi"_s, u"Y1"_s, 3000),
                  chat(u"bo"_s, u"hi"_s, u"Y1"_s, 4000)});
    QVERIFY(again.ok);
    QCOMPARE(again.events.size(), 3);
    QVERIFY(again.events.at(0).duplicate);
    QCOMPARE(again.events.at(0).seq, 1u);
    QCOMPARE(again.events.at(0).time, 1000);
    QVERIFY(!again.events.at(1).duplicate);
    QCOMPARE(again.events.at(1).seq, 2u);
    QVERIFY(again.events.at(2).duplicate);
    QCOMPARE(again.events.at(2).seq, 2u);
    QCOMPARE(again.events.at(2).time, 3000);

    // Stored once: the tails see two events.
    QTRY_COMPARE_WITH_TIMEOUT(a.seen.size(), 2, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(b.seen.size(), 2, Wait);
    QCOMPARE(b.run({"XLEN", a.log.keys().log}).integer, 2);
}

void TestRedisRoomLog::remembersTheNewestClientIds()
{
    Server a(*m_redis, u"a"_s, u"forget"_s, 100'000, 5);
    QVERIFY(a.open());
    QList<Message> batch;
    for (int i = 1; i <= 7; ++i)
        batch.append(chat(u"ana"_s, u"m"_s, u"C%1"_s.arg(i)));
    QVERIFY(a.append(batch).ok);
    QCOMPARE(a.run({"HLEN", a.log.keys().clientIds}).integer, 5);
    QCOMPARE(a.run({"ZCARD", a.log.keys().clientIdOrder}).integer, 5);
    const auto resent =
        a.append({chat(u"ana"_s, u"m"_s, u"C3"_s), chat(u"ana"_s, u"m"_s, u"C1"_s)});
    QVERIFY(resent.ok);
    QVERIFY(resent.events.at(0).duplicate); // among the newest five
    QCOMPARE(resent.events.at(0).seq, 3u);
    QVERIFY(!resent.events.at(1).duplicate); // forgotten: stored again
    QCOMPARE(resent.events.at(1).seq, 8u);
}

void TestRedisRoomLog::trimsToTheHistoryLimit()
{
    Server a(*m_redis, u"a"_s, u"trim"_s, 10);
    QVERIFY(a.open());
    for (int i = 0; i < 5; ++i) {
        QList<Message> batch;
        for (int j = 0; j < 5; ++j)
            batch.append(chat(u"ana"_s, QString::number(i * 5 + j + 1)));
        QVERIFY(a.append(batch).ok);
    }
    QCOMPARE(a.run({"XLEN", a.log.keys().log}).integer, 10);
    const auto page = a.range(0, RedisRoomLog::NoLimit, 100);
    QVERIFY(page.ok);
    QCOMPARE(page.messages.size(), 10);
    QCOMPARE(page.messages.constFirst().seq, 16u);
    QCOMPARE(page.messages.constLast().seq, 25u);
    QVERIFY(!page.more);
}

void TestRedisRoomLog::readsHistoryPages()
{
    Server a(*m_redis, u"a"_s, u"pages"_s);
    QVERIFY(a.open());
    // 30 chats; before each third a join, which history pages leave out.
    QList<Message> batch;
    for (int i = 1; i <= 30; ++i) {
        if (i % 3 == 0)
            batch.append(joined(u"p%1"_s.arg(i)));
        batch.append(chat(u"ana"_s, u"c%1"_s.arg(i)));
    }
    const auto stored = a.append(batch);
    QVERIFY(stored.ok);
    QList<quint64> chatSeqs;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (batch.at(i).type == MessageType::Chat)
            chatSeqs.append(stored.events.at(i).seq);
    }
    QCOMPARE(chatSeqs.size(), 30);

    // The newest five, oldest first.
    auto page = a.range(0, RedisRoomLog::NoLimit, 5);
    QVERIFY2(page.ok, qPrintable(page.error));
    QCOMPARE(page.messages.size(), 5);
    QVERIFY(page.more);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(page.messages.at(i).seq, chatSeqs.at(25 + i));
        QCOMPARE(page.messages.at(i).text, u"c%1"_s.arg(26 + i));
    }
    // Paging back to the beginning gives every chat once.
    QList<quint64> collected;
    quint64 before = RedisRoomLog::NoLimit;
    for (int guard = 0; guard < 20; ++guard) {
        page = a.range(0, before, 7);
        QVERIFY(page.ok);
        QList<quint64> seqs;
        for (const Message &message : std::as_const(page.messages)) {
            QCOMPARE(message.type, MessageType::Chat);
            seqs.append(message.seq);
        }
        collected = seqs + collected;
        if (!page.more)
            break;
        before = page.messages.constFirst().seq;
    }
    QCOMPARE(collected, chatSeqs);
    // after < seq < before, both exclusive.
    page = a.range(chatSeqs.at(9), chatSeqs.at(14), 100);
    QVERIFY(page.ok);
    QCOMPARE(page.messages.size(), 4);
    QCOMPARE(page.messages.constFirst().seq, chatSeqs.at(10));
    QCOMPARE(page.messages.constLast().seq, chatSeqs.at(13));
    QVERIFY(!page.more);
    // Nothing after the last.
    page = a.range(chatSeqs.last(), RedisRoomLog::NoLimit, 100);
    QVERIFY(page.ok);
    QVERIFY(page.messages.isEmpty());
    QVERIFY(!page.more);
}

void TestRedisRoomLog::keepsPrivateMessagesRecipient()
{
    Server a(*m_redis, u"a"_s, u"private"_s);
    QVERIFY(a.open());
    // An entry as a server older than private messages wrote it: no "to", a room chat.
    QVERIFY(!a.run({"XADD", a.log.keys().log, "1-0", "type", "chat", "from", "old", "text",
                    "from before", "time", "1700000000000", "origin", "o", "history",
                    a.log.historyId().toUtf8()})
                 .failed());
    QVERIFY(!a.run({"HSET", a.log.keys().meta, "seq", "1"}).failed());
    Message secret = chat(u"ana"_s, u"secret"_s, u"pm-1"_s);
    secret.to = u"bia"_s;
    const auto stored = a.append({secret, chat(u"ana"_s, u"public"_s)});
    QVERIFY2(stored.ok, qPrintable(stored.error));
    QCOMPARE(stored.events.at(0).seq, 2u);

    // Stored apart from room chats, so that an older server skips it.
    const RedisReply entry = a.run({"XRANGE", a.log.keys().log, "2-0", "2-0"});
    QCOMPARE(entry.elements.size(), 1);
    const QList<RedisReply> &fields = entry.elements.at(0).elements.at(1).elements;
    QCOMPARE(fields.at(0).text, QByteArray("type"));
    QCOMPARE(fields.at(1).text, QByteArray("private"));

    // The tail, a page and a client-id look-up give it back with its recipient.
    QTRY_COMPARE_WITH_TIMEOUT(a.seen.size(), 3, Wait);
    QCOMPARE(a.seen.at(0).message.to, QString());
    QCOMPARE(a.seen.at(1).message.type, MessageType::Chat);
    QCOMPARE(a.seen.at(1).message.to, u"bia"_s);
    QCOMPARE(a.seen.at(2).message.to, QString());
    const auto page = a.range(0, RedisRoomLog::NoLimit, 10);
    QVERIFY2(page.ok, qPrintable(page.error));
    QCOMPARE(page.messages.size(), 3);
    QCOMPARE(page.messages.at(0).text, u"from before"_s);
    QCOMPARE(page.messages.at(0).type, MessageType::Chat);
    QVERIFY(page.messages.at(0).to.isEmpty());
    QCOMPARE(page.messages.at(1).text, u"secret"_s);
    QCOMPARE(page.messages.at(1).to, u"bia"_s);
    QCOMPARE(page.messages.at(1).from, u"ana"_s);
    QVERIFY(page.messages.at(2).to.isEmpty());
    const auto lookup = a.find(u"pm-1"_s);
    QVERIFY(lookup.found && lookup.message);
    QCOMPARE(lookup.message->to, u"bia"_s);
}

void TestRedisRoomLog::scansAreBounded()
{
    Server a(*m_redis, u"a"_s, u"scan"_s);
    QVERIFY(a.open());
    // 1200 events (more than one XREVRANGE page): every tenth chat a "hit", joins between.
    QList<Message> batch;
    for (int i = 1; i <= 1200; ++i) {
        if (i % 4 == 0)
            batch.append(joined(u"j%1"_s.arg(i)));
        else
            batch.append(chat(u"ana"_s, i % 10 == 1 ? u"HIT %1"_s.arg(i) : u"miss %1"_s.arg(i)));
    }
    for (qsizetype at = 0; at < batch.size(); at += 400)
        QVERIFY(a.append(batch.mid(at, 400)).ok);
    const auto hits = [](const Message &message) {
        return message.text.startsWith(u"HIT"_s);
    };
    QStringList every;
    for (int i = 1; i <= 1200; ++i) {
        if (i % 10 == 1 && i % 4 != 0)
            every.append(u"HIT %1"_s.arg(i));
    }
    QCOMPARE(every.size(), 120);

    // All of them, oldest first, across pages of the stream.
    auto page = a.scan(0, RedisRoomLog::NoLimit, 1000, 100'000, hits);
    QVERIFY2(page.ok, qPrintable(page.error));
    QStringList texts;
    for (const Message &message : std::as_const(page.messages))
        texts.append(message.text);
    QCOMPARE(texts, every);
    QVERIFY(!page.more);

    // Stopped at max: the newest ones, and more.
    page = a.scan(0, RedisRoomLog::NoLimit, 5, 100'000, hits);
    QCOMPARE(page.messages.size(), 5);
    QCOMPARE(page.messages.constLast().text, every.constLast());
    QCOMPARE(page.messages.constFirst().text, every.at(every.size() - 5));
    QVERIFY(page.more);
    // Below before, above after, both exclusive.
    page = a.scan(11, 1191, 1000, 100'000, hits);
    QCOMPARE(page.messages.constFirst().text, u"HIT 21"_s);
    QCOMPARE(page.messages.constLast().text, u"HIT 1181"_s);
    QVERIFY(!page.more);

    // Looking at 100 entries at most: the hits among the newest 100, and more.
    page = a.scan(0, RedisRoomLog::NoLimit, 1000, 100, hits);
    QVERIFY(page.ok);
    QCOMPARE(page.messages.size(), 10);
    QCOMPARE(page.messages.constFirst().text, u"HIT 1101"_s);
    QVERIFY(page.more);
}

void TestRedisRoomLog::findsClientIds()
{
    Server a(*m_redis, u"a"_s, u"find"_s, 3);
    QVERIFY(a.open());
    QVERIFY(a.append({chat(u"ana"_s, u"old"_s, u"F1"_s, 1111)}).ok);
    auto lookup = a.find(u"F1"_s);
    QVERIFY(lookup.ok);
    QVERIFY(lookup.found);
    QCOMPARE(lookup.seq, 1u);
    QCOMPARE(lookup.time, 1111);
    QVERIFY(lookup.message);
    QCOMPARE(lookup.message->text, u"old"_s);
    QCOMPARE(lookup.message->clientId, u"F1"_s);

    lookup = a.find(u"nobody"_s);
    QVERIFY(lookup.ok);
    QVERIFY(!lookup.found);

    // Trimmed from the stream, still recognised, without the message.
    QVERIFY(a.append({chat(u"a"_s, u"1"_s), chat(u"a"_s, u"2"_s), chat(u"a"_s, u"3"_s)}).ok);
    lookup = a.find(u"F1"_s);
    QVERIFY(lookup.found);
    QCOMPARE(lookup.seq, 1u);
    QVERIFY(!lookup.message);
}

void TestRedisRoomLog::reloadsItsScriptsAfterScriptFlush()
{
    Server a(*m_redis, u"a"_s, u"flush"_s);
    QVERIFY(a.open());
    QVERIFY(a.append({chat(u"ana"_s, u"before"_s)}).ok);
    QCOMPARE(a.run({"SCRIPT", "FLUSH"}).text, "OK");
    // Appends, pages and look-ups load their script again and succeed.
    QList<int> results;
    QObject context;
    for (int i = 0; i < 3; ++i) {
        a.log.append({chat(u"ana"_s, u"after %1"_s.arg(i))}, &context,
                     [&results](const RedisRoomLog::AppendResult &result) {
                         results.append(result.ok ? int(result.events.at(0).seq) : -1);
                     });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, Wait);
    QCOMPARE(results, (QList<int> {2, 3, 4}));
    QCOMPARE(a.run({"SCRIPT", "FLUSH"}).text, "OK");
    const auto page = a.range(0, RedisRoomLog::NoLimit, 10);
    QVERIFY2(page.ok, qPrintable(page.error));
    QCOMPARE(page.messages.size(), 4);
    QCOMPARE(a.run({"SCRIPT", "FLUSH"}).text, "OK");
    QVERIFY(a.find(u"none"_s).ok);
}

void TestRedisRoomLog::reportsDurability()
{
    const auto check = [](RedisRoomLog &log) {
        std::optional<RedisRoomLog::DurabilityReport> report;
        QObject context;
        log.checkDurability(
            &context, [&report](const RedisRoomLog::DurabilityReport &answer) { report = answer; });
        if (!QTest::qWaitFor([&] { return report.has_value(); }, Wait))
            return RedisRoomLog::DurabilityReport {};
        return *report;
    };
    Server always(*m_redis, u"a"_s, u"durability"_s);
    QVERIFY(always.open());
    auto report = check(always.log);
    QCOMPARE(report.durability, RedisRoomLog::Durability::Always);
    QCOMPARE(report.appendfsync, u"always"_s);

    RedisTestServer everysec;
    QVERIFY2(everysec.start({u"--appendfsync"_s, u"everysec"_s}),
             qPrintable(everysec.errorString()));
    Server weaker(everysec, u"a"_s, u"durability"_s);
    QVERIFY(weaker.open());
    report = check(weaker.log);
    QCOMPARE(report.durability, RedisRoomLog::Durability::Weaker);
    QCOMPARE(report.appendonly, u"yes"_s);
    QCOMPARE(report.appendfsync, u"everysec"_s);

    RedisTestServer noConfig;
    QVERIFY2(noConfig.start({u"--rename-command"_s, u"CONFIG"_s, QString()}),
             qPrintable(noConfig.errorString()));
    Server unknown(noConfig, u"a"_s, u"durability"_s);
    QVERIFY(unknown.open());
    report = check(unknown.log);
    QCOMPARE(report.durability, RedisRoomLog::Durability::Unknown);
    QVERIFY2(report.error.contains(u"unknown command"_s), qPrintable(report.error));
}

void TestRedisRoomLog::losesNothingAcknowledgedWhenRedisIsKilled()
{
    RedisTestServer redis;
    QVERIFY2(redis.start(), qPrintable(redis.errorString()));
    Server a(redis, u"a"_s, u"kill"_s);
    Server b(redis, u"b"_s, u"kill"_s);
    QVERIFY(a.open());
    QVERIFY(b.open());
    const QString historyId = a.log.historyId();

    // A sends 400 messages with client-ids, at most 10 waiting at once; Redis is SIGKILLed
    // after the 100th acknowledgement and started again on its files.
    constexpr int Total = 400;
    QHash<QString, quint64> acked;
    QStringList failed;
    int sent = 0;
    int answered = 0;
    QObject context;
    std::function<void()> sendMore;
    sendMore = [&] {
        while (sent < Total && sent - answered < 10) {
            const QString clientId = u"K%1"_s.arg(sent++);
            a.log.append({chat(u"ana"_s, clientId, clientId)}, &context,
                         [&, clientId](const RedisRoomLog::AppendResult &result) {
                             ++answered;
                             if (result.ok)
                                 acked.insert(clientId, result.events.at(0).seq);
                             else
                                 failed.append(clientId);
                             QMetaObject::invokeMethod(&context, sendMore, Qt::QueuedConnection);
                         });
        }
    };
    sendMore();
    // Killed from here, not from a handler: waiting for the process runs the event loop, which
    // must not happen inside hiredis's callback.
    QTRY_VERIFY_WITH_TIMEOUT(acked.size() >= 100, Wait);
    QVERIFY(sent < Total);
    redis.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!a.log.isReady(), Wait);
    QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(answered, Total, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(a.log.isReady(), Wait);
    QVERIFY2(!failed.isEmpty(), "appends while Redis was down must fail");
    QVERIFY(acked.size() >= 100);
    QCOMPARE(a.log.historyId(), historyId); // the AOF kept the history

    // Resending what failed lands once: as a duplicate if Redis had stored it after all.
    for (const QString &clientId : std::as_const(failed)) {
        const auto result = a.append({chat(u"ana"_s, clientId, clientId)});
        QVERIFY2(result.ok, qPrintable(result.error));
        acked.insert(clientId, result.events.at(0).seq);
    }
    QCOMPARE(acked.size(), Total);

    // Every acknowledged message is stored with the number it was given.
    for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
        const auto lookup = a.find(it.key());
        QVERIFY(lookup.found);
        QCOMPARE(lookup.seq, it.value());
    }
    // Both tails delivered each stored event exactly once, in order, without gaps.
    const quint64 last = a.log.lastSeq();
    QCOMPARE(last, quint64(Total));
    QTRY_COMPARE_WITH_TIMEOUT(a.seen.size(), Total, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(b.seen.size(), Total, Wait);
    for (qsizetype i = 0; i < Total; ++i)
        QCOMPARE(a.seen.at(i).message.seq, quint64(i + 1));
    QCOMPARE(b.seenSeqs(), a.seenSeqs());
}

void TestRedisRoomLog::beginsANewHistoryWhenRedisComesBackEmpty()
{
    RedisTestServer redis;
    QVERIFY2(redis.start(), qPrintable(redis.errorString()));
    Server a(redis, u"a"_s, u"empty"_s);
    QVERIFY(a.open());
    const QString oldHistory = a.log.historyId();
    QList<Message> batch;
    for (int i = 0; i < 10; ++i)
        batch.append(chat(u"ana"_s, QString::number(i)));
    QVERIFY(a.append(batch).ok);
    QTRY_COMPARE_WITH_TIMEOUT(a.seen.size(), 10, Wait);

    QSignalSpy logChanged(&a.log, &RedisRoomLog::historyChanged);
    QSignalSpy tailChanged(&a.tail, &RedisRoomTail::historyChanged);
    QVERIFY2(redis.restartEmpty(), qPrintable(redis.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(logChanged.size(), 1, Wait);
    const QString newHistory = a.log.historyId();
    QVERIFY(newHistory != oldHistory);
    QCOMPARE(logChanged.constFirst().constFirst().toString(), newHistory);

    // Numbers go on above the old ones, under the new id; the tail follows.
    const auto result = a.append({chat(u"ana"_s, u"anew"_s)});
    QVERIFY(result.ok);
    QCOMPARE(result.historyId, newHistory);
    QCOMPARE(result.events.at(0).seq, 11u);
    QTRY_COMPARE_WITH_TIMEOUT(tailChanged.size(), 1, Wait);
    QCOMPARE(tailChanged.constFirst().constFirst().toString(), newHistory);
    QTRY_COMPARE_WITH_TIMEOUT(a.seen.size(), 11, Wait);
    QCOMPARE(a.seen.last().message.text, u"anew"_s);
    QCOMPARE(a.seen.last().historyId, newHistory);
}

void TestRedisRoomLog::beginsANewHistoryWhenRedisLostRecentWrites()
{
    Server a(*m_redis, u"a"_s, u"rewound"_s);
    QVERIFY(a.open());
    QList<Message> batch;
    for (int i = 0; i < 10; ++i)
        batch.append(chat(u"ana"_s, QString::number(i)));
    QVERIFY(a.append(batch).ok);
    const QString oldHistory = a.log.historyId();

    // As if Redis had lost its last writes (appendfsync everysec and a crash): the counter
    // is behind what this server has seen, and the stream with it.
    QVERIFY(!a.run({"HSET", a.log.keys().meta, "seq", "7"}).failed());
    QCOMPARE(a.run({"XDEL", a.log.keys().log, "8-0", "9-0", "10-0"}).integer, 3);
    QSignalSpy changed(&a.log, &RedisRoomLog::historyChanged);
    const auto result = a.append({chat(u"ana"_s, u"next"_s)});
    QVERIFY(result.ok);
    QVERIFY(result.historyId != oldHistory);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(result.events.at(0).seq, 11u); // never 8 again
}

QTEST_GUILESS_MAIN(TestRedisRoomLog)
#include "tst_redisroomlog.moc"
