// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <memory>

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include "chatclient.h"
#include "chatserver.h"
#include "fakeserver.h"
#include "messagemodel.h"

using namespace Tagarela;
using namespace Tagarela::TestSupport;
using namespace Qt::StringLiterals;

namespace {

// The lines other people said, as the client reported them live.
QList<ChatLine> othersLines(const QSignalSpy &spy, const QString &me)
{
    QList<ChatLine> out;
    for (const QList<QVariant> &arguments : spy) {
        const auto line = arguments.at(0).value<ChatLine>();
        if (!line.isUnconfirmed() && line.nick != me)
            out.append(line);
    }
    return out;
}

QStringList sayTexts(const QList<Message> &says)
{
    QStringList out;
    for (const Message &say : says)
        out.append(say.text);
    return out;
}

} // namespace

class TestChatClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void joinsAndTalks();
    void followsPresence();
    void nickCollisionFailsWithSuggestion();
    void refusedConnectionFails();
    void triesTheNextAddress();
    void everyAddressRefusedFails();
    void reconnectsToAnotherAddress();
    void reconnectsAfterServerRestart();
    void keepsSuggestedNickWhenOwnIsTakenOnReconnect();
    void noRetryAfterKick();
    void noRetryAfterShutdown();
    void disconnectStopsRetrying();
    void mentions_data();
    void mentions();

    // Against a scripted server: acknowledgement, outbox, history, resume.
    void pendingUntilAcknowledged();
    void acksOutOfOrder();
    void resendsAfterReconnectSkippingWhatHistoryHas();
    void pacesBelowTheAnnouncedRate();
    void failedMessagesAreNotResent();
    void notStoredAndRateLimitedAreRetried();
    void slowedDownNoticeDrainsThePacer();
    void answersAreAwaitedAndPaidFor();
    void pacedClientIsNeverSlowedDown();
    void outboxAndLastSeqSurviveARestart();
    void resumeNeedsTheSameHistoryId();
    void waitsForTheHistoryBeforeSending();
    void typedBeforeTheHistoryWaitsForIt();
    void gapMarkerAfterResume();
    void moreMarkerAndGapFetch();
    void fetchOlderOnRequest();
    void duplicatesAndLateHistoryInTheModel();
    void replacedDoesNotReconnect();
    void outboxIsBounded();
    void pendingMessagesSayWhenTheClientGaveUp();
    void privateMessagesAndSearchOnlyWhereOffered();

private:
    std::unique_ptr<ChatClient> joinFake(FakeServer &fake, const QString &nick = u"ana"_s);
    std::unique_ptr<ChatServer> startServer(quint16 port = 0);
    std::unique_ptr<ChatClient> makeClient();
    void join(ChatClient *client, const QString &nick);

    ServerConfig m_config;
    std::unique_ptr<ChatServer> m_server;
};

std::unique_ptr<ChatServer> TestChatClient::startServer(quint16 port)
{
    ServerConfig config = m_config;
    config.port = port;
    auto server = std::make_unique<ChatServer>(config);
    if (!server->listen())
        return nullptr;
    return server;
}

std::unique_ptr<ChatClient> TestChatClient::makeClient()
{
    auto client = std::make_unique<ChatClient>();
    client->setReconnectDelays(50, 400);
    client->setRandomSeed(42);
    return client;
}

void TestChatClient::join(ChatClient *client, const QString &nick)
{
    QSignalSpy joined(client, &ChatClient::joined);
    client->connectToServer(u"127.0.0.1"_s, m_server->serverPort(), nick);
    QVERIFY(joined.wait(5000));
    QCOMPARE(client->state(), ChatClient::State::Connected);
}

void TestChatClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestChatClient::init()
{
    // Nothing from an earlier run: no outbox files, no remembered sequence numbers.
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/outbox"_s)
        .removeRecursively();
    QSettings(u"Tagarela"_s, u"tagarela"_s).remove(u"resume"_s);
    m_config = ServerConfig();
    m_config.bindAddress = QHostAddress::LocalHost;
    m_config.maxRate = 0;
    m_server = startServer();
    QVERIFY(m_server);
}

void TestChatClient::cleanup()
{
    m_server.reset();
}

void TestChatClient::joinsAndTalks()
{
    auto ana = makeClient();
    join(ana.get(), u"ana"_s);
    QCOMPARE(ana->nick(), u"ana"_s);
    QCOMPARE(ana->users(), QStringList {u"ana"_s});
    QVERIFY(ana->maxText() > 0);
    // The round trip is measured right after joining, not a heartbeat later.
    QTRY_VERIFY(ana->latencyMs() >= 0);

    QSignalSpy anaLines(ana.get(), &ChatClient::lineReceived);
    auto bia = makeClient();
    join(bia.get(), u"bia"_s);
    QSignalSpy biaLines(bia.get(), &ChatClient::lineReceived);
    QVERIFY(ana->say(u"olá, bia"_s));
    QVERIFY(bia->say(u"acena"_s, true));
    QTRY_COMPARE(ana->outbox().size(), 0);
    QTRY_COMPARE(bia->outbox().size(), 0);
    QCOMPARE(anaLines.at(0).at(0).value<ChatLine>().kind, ChatLine::Kind::Joined);

    // Each also saw their own message at once, as pending.
    QCOMPARE(anaLines.at(1).at(0).value<ChatLine>().delivery, ChatLine::Delivery::Pending);
    QCOMPARE(biaLines.at(0).at(0).value<ChatLine>().delivery, ChatLine::Delivery::Pending);
    QTRY_COMPARE(othersLines(biaLines, u"bia"_s).size(), 1);
    QTRY_COMPARE(othersLines(anaLines, u"ana"_s).size(), 2);
    const auto first = othersLines(biaLines, u"bia"_s).at(0);
    QCOMPARE(first.kind, ChatLine::Kind::Chat);
    QCOMPARE(first.nick, u"ana"_s);
    QCOMPARE(first.text, u"olá, bia"_s);
    QVERIFY(first.mentionsMe);
    const auto second = othersLines(anaLines, u"ana"_s).at(1);
    QCOMPARE(second.kind, ChatLine::Kind::Action);
    QCOMPARE(second.nick, u"bia"_s);
    QVERIFY(!second.mentionsMe);
}

void TestChatClient::followsPresence()
{
    auto ana = makeClient();
    join(ana.get(), u"ana"_s);
    QSignalSpy users(ana.get(), &ChatClient::usersChanged);

    auto bia = makeClient();
    join(bia.get(), u"bia"_s);
    QTRY_COMPARE(ana->users(), (QStringList {u"ana"_s, u"bia"_s}));

    QSignalSpy biaNick(bia.get(), &ChatClient::nickChanged);
    QVERIFY(bia->changeNick(u"Bea"_s));
    QVERIFY(biaNick.wait(5000));
    QCOMPARE(bia->nick(), u"Bea"_s);
    QTRY_COMPARE(ana->users(), (QStringList {u"ana"_s, u"Bea"_s}));
    // Mentions follow the new nickname.
    QSignalSpy beaLines(bia.get(), &ChatClient::lineReceived);
    QVERIFY(ana->say(u"oi bea, oi bia"_s));
    QVERIFY(beaLines.wait(5000));
    QVERIFY(beaLines.at(0).at(0).value<ChatLine>().mentionsMe);
    QVERIFY(ana->say(u"só a bia"_s));
    QVERIFY(beaLines.wait(5000));
    QVERIFY(!beaLines.at(1).at(0).value<ChatLine>().mentionsMe);

    bia->disconnectFromServer();
    QCOMPARE(bia->state(), ChatClient::State::Disconnected);
    QTRY_COMPARE(ana->users(), QStringList {u"ana"_s});
    QVERIFY(users.size() >= 3);
}

void TestChatClient::nickCollisionFailsWithSuggestion()
{
    auto ana = makeClient();
    join(ana.get(), u"ana"_s);

    // Someone else, elsewhere: not holding ana's saved resume token, as a second window of
    // the same account would (which would take over, as the same person).
    QSettings(u"Tagarela"_s, u"tagarela"_s).remove(u"resume"_s);
    auto other = makeClient();
    QSignalSpy failed(other.get(), &ChatClient::failed);
    QSignalSpy lost(other.get(), &ChatClient::connectionLost);
    other->connectToServer(u"127.0.0.1"_s, m_server->serverPort(), u"ANA"_s);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(), ChatClient::Failure::NickTaken);
    QCOMPARE(failed.at(0).at(2).toString(), u"ANA2"_s);
    QCOMPARE(other->state(), ChatClient::State::Disconnected);
    QCOMPARE(lost.size(), 0);
}

void TestChatClient::refusedConnectionFails()
{
    // A port that was free a moment ago: nobody listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    auto client = makeClient();
    QSignalSpy failed(client.get(), &ChatClient::failed);
    client->connectToServer(u"127.0.0.1"_s, port, u"ana"_s);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(),
             ChatClient::Failure::ConnectionRefused);
    QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    QCOMPARE(client->state(), ChatClient::State::Disconnected);
}

namespace {

// A port that was free a moment ago: nobody listens there, and a connection is refused.
quint16 refusedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// The info lines among \a spy's lines.
QStringList infoTexts(const QSignalSpy &spy)
{
    QStringList texts;
    for (const QList<QVariant> &arguments : spy) {
        const auto line = arguments.at(0).value<ChatLine>();
        if (line.kind == ChatLine::Kind::Info)
            texts.append(line.text);
    }
    return texts;
}

} // namespace

void TestChatClient::triesTheNextAddress()
{
    const quint16 closed = refusedPort();
    QVERIFY(closed != 0);
    const quint16 open = m_server->serverPort();
    auto ana = makeClient();
    QSignalSpy joined(ana.get(), &ChatClient::joined);
    QSignalSpy failed(ana.get(), &ChatClient::failed);
    QSignalSpy lines(ana.get(), &ChatClient::lineReceived);
    ana->connectToServer(u"127.0.0.1:%1, 127.0.0.1:%2"_s.arg(closed).arg(open), 3000, u"ana"_s);
    QVERIFY(joined.wait(5000));
    QVERIFY(failed.isEmpty());
    QCOMPARE(m_server->room().nicks(), QStringList {u"ana"_s});
    QCOMPARE(ana->currentAddress().port, open);
    QCOMPARE(ana->addresses().size(), 2);
    // The server is named by the whole list; the user sees the address reached.
    QCOMPARE(ana->host(), u"127.0.0.1:%1, 127.0.0.1:%2"_s.arg(closed).arg(open));
    QCOMPARE(ChatClient::address(ana->host(), ana->port()),
             u"127.0.0.1:%1, 127.0.0.1:%2"_s.arg(closed).arg(open));
    QCOMPARE(ChatClient::address(u"chat.example.org, [::1]"_s, 4000),
             u"chat.example.org:4000, [::1]:4000"_s);
    QCOMPARE(ChatClient::address(u"::1"_s, 4000), u"[::1]:4000"_s);
    QTRY_VERIFY(infoTexts(lines).contains(
        ChatClient::tr("Connected to %1 as %2.").arg(u"127.0.0.1:%1"_s.arg(open), u"ana"_s)));
    const QStringList info = infoTexts(lines);
    QVERIFY2(info.constFirst().startsWith(u"Could not reach 127.0.0.1:%1 ("_s.arg(closed)),
             qPrintable(info.join(u'\n')));
    QVERIFY2(info.constFirst().endsWith(u"trying 127.0.0.1:%1."_s.arg(open)),
             qPrintable(info.join(u'\n')));
}

void TestChatClient::everyAddressRefusedFails()
{
    const quint16 first = refusedPort();
    const quint16 second = refusedPort();
    QVERIFY(first != 0 && second != 0);
    auto ana = makeClient();
    QSignalSpy failed(ana.get(), &ChatClient::failed);
    QSignalSpy lines(ana.get(), &ChatClient::lineReceived);
    ana->connectToServer(u"127.0.0.1:%1 127.0.0.1:%2"_s.arg(first).arg(second), 3000, u"ana"_s);
    QVERIFY(failed.wait(5000));
    // Each address once, then one failure, not a loop.
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(),
             ChatClient::Failure::ConnectionRefused);
    QCOMPARE(ana->state(), ChatClient::State::Disconnected);
    QCOMPARE(ana->currentAddress().port, second);
    QCOMPARE(infoTexts(lines).size(), 1);
}

void TestChatClient::reconnectsToAnotherAddress()
{
    std::unique_ptr<ChatServer> other = startServer();
    QVERIFY(other);
    const quint16 first = m_server->serverPort();
    const quint16 second = other->serverPort();
    auto ana = makeClient();
    QSignalSpy joined(ana.get(), &ChatClient::joined);
    ana->connectToServer(u"127.0.0.1:%1, 127.0.0.1:%2"_s.arg(first).arg(second), 3000, u"ana"_s);
    QVERIFY(joined.wait(5000));
    QCOMPARE(ana->currentAddress().port, first);
    QCOMPARE(m_server->room().nicks(), QStringList {u"ana"_s});

    // Its server dies: the retry finds it refusing, and goes on to the other address at once.
    QSignalSpy lost(ana.get(), &ChatClient::connectionLost);
    m_server.reset();
    QVERIFY(lost.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(joined.size(), 2, 10'000);
    QCOMPARE(ana->state(), ChatClient::State::Connected);
    QCOMPARE(ana->currentAddress().port, second);
    QCOMPARE(other->room().nicks(), QStringList {u"ana"_s});

    // And back to the first when the second goes too (the first is listening again).
    m_server = startServer(first);
    QVERIFY(m_server);
    other.reset();
    QTRY_COMPARE_WITH_TIMEOUT(joined.size(), 3, 10'000);
    QCOMPARE(ana->currentAddress().port, first);
    QCOMPARE(m_server->room().nicks(), QStringList {u"ana"_s});
}

void TestChatClient::reconnectsAfterServerRestart()
{
    auto ana = makeClient();
    join(ana.get(), u"ana"_s);
    const quint16 port = m_server->serverPort();

    QSignalSpy lost(ana.get(), &ChatClient::connectionLost);
    QSignalSpy scheduled(ana.get(), &ChatClient::reconnectScheduled);
    QSignalSpy joined(ana.get(), &ChatClient::joined);
    // A crash, not a shutdown: the connection just drops, with no goodbye.
    m_server.reset();
    QVERIFY(lost.wait(5000));
    QTRY_VERIFY(scheduled.size() >= 2); // it keeps trying while nobody listens
    QCOMPARE(lost.size(), 1); // and says so once

    m_server = startServer(port);
    QVERIFY(m_server);
    QVERIFY(joined.wait(5000));
    QCOMPARE(ana->nick(), u"ana"_s);
    QCOMPARE(ana->state(), ChatClient::State::Connected);
    QCOMPARE(m_server->room().nicks(), QStringList {u"ana"_s});

    // Backoff grew between attempts and stayed within the bounds.
    const int firstDelay = scheduled.at(0).at(0).toInt();
    const int lastDelay = scheduled.last().at(0).toInt();
    QVERIFY(firstDelay >= 40 && firstDelay <= 60);
    QVERIFY(lastDelay > firstDelay);
    QVERIFY(lastDelay <= 400);
}

void TestChatClient::keepsSuggestedNickWhenOwnIsTakenOnReconnect()
{
    auto ana = makeClient();
    join(ana.get(), u"ana"_s);
    const quint16 port = m_server->serverPort();
    QSignalSpy lost(ana.get(), &ChatClient::connectionLost);
    m_server.reset();
    QVERIFY(lost.wait(5000));

    m_server = startServer(port);
    QVERIFY(m_server);
    auto thief = makeClient();
    join(thief.get(), u"ana"_s);

    QSignalSpy joined(ana.get(), &ChatClient::joined);
    ana->retryNow();
    QVERIFY(joined.wait(5000));
    QCOMPARE(ana->nick(), u"ana2"_s);
}

void TestChatClient::noRetryAfterKick()
{
    auto ana = makeClient();
    join(ana.get(), u"ana"_s);
    QSignalSpy failed(ana.get(), &ChatClient::failed);
    QSignalSpy scheduled(ana.get(), &ChatClient::reconnectScheduled);
    QVERIFY(m_server->kick(u"ana"_s, u"behave"_s));
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(), ChatClient::Failure::Kicked);
    QVERIFY(failed.at(0).at(1).toString().contains(u"behave"_s));
    QCOMPARE(ana->state(), ChatClient::State::Disconnected);
    QCOMPARE(scheduled.size(), 0);
}

void TestChatClient::noRetryAfterShutdown()
{
    auto ana = makeClient();
    join(ana.get(), u"ana"_s);
    QSignalSpy failed(ana.get(), &ChatClient::failed);
    QSignalSpy scheduled(ana.get(), &ChatClient::reconnectScheduled);
    m_server->shutDown();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(), ChatClient::Failure::ServerShutDown);
    QCOMPARE(scheduled.size(), 0);
}

void TestChatClient::disconnectStopsRetrying()
{
    auto ana = makeClient();
    join(ana.get(), u"ana"_s);
    QSignalSpy scheduled(ana.get(), &ChatClient::reconnectScheduled);
    m_server.reset();
    QVERIFY(scheduled.wait(5000));
    ana->disconnectFromServer();
    QCOMPARE(ana->state(), ChatClient::State::Disconnected);
    QCOMPARE(ana->msUntilRetry(), -1);
    QVERIFY(!ana->say(u"anyone?"_s));
}

void TestChatClient::mentions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<bool>("expected");
    QTest::newRow("word") << u"hi ana!"_s << u"ana"_s << true;
    QTest::newRow("case") << u"ANA, look"_s << u"ana"_s << true;
    QTest::newRow("start") << u"ana: hi"_s << u"ana"_s << true;
    QTest::newRow("inside a word") << u"banana"_s << u"ana"_s << false;
    QTest::newRow("prefix of a word") << u"anabela"_s << u"ana"_s << false;
    QTest::newRow("accents") << u"oi joão"_s << u"João"_s << true;
    QTest::newRow("regex characters") << u"a.b is here"_s << u"a.b"_s << true;
    QTest::newRow("empty nick") << u"hello"_s << QString() << false;
}

void TestChatClient::mentions()
{
    QFETCH(QString, text);
    QFETCH(QString, nick);
    QFETCH(bool, expected);
    QCOMPARE(ChatClient::mentions(text, nick), expected);
}

std::unique_ptr<ChatClient> TestChatClient::joinFake(FakeServer &fake, const QString &nick)
{
    auto client = makeClient();
    QSignalSpy joined(client.get(), &ChatClient::joined);
    client->connectToServer(u"127.0.0.1"_s, fake.port(), nick);
    if (!joined.wait(5000))
        return nullptr;
    if (!QTest::qWaitFor([&] { return client->hasHistory(); }, 5000))
        return nullptr;
    return client;
}

void TestChatClient::pendingUntilAcknowledged()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    QSignalSpy lines(ana.get(), &ChatClient::lineReceived);
    QSignalSpy acked(ana.get(), &ChatClient::messageAcknowledged);
    QSignalSpy says(&fake, &FakeServer::messageReceived);

    QVERIFY(ana->say(u"olá"_s));
    // Shown at once, as pending, under an id that is a UUID without braces.
    QCOMPARE(lines.size(), 1);
    const auto pending = lines.at(0).at(0).value<ChatLine>();
    QCOMPARE(pending.delivery, ChatLine::Delivery::Pending);
    QCOMPARE(pending.text, u"olá"_s);
    QVERIFY(!QUuid::fromString(pending.clientId).isNull());
    QVERIFY(!pending.clientId.startsWith(u'{'));
    QCOMPARE(ana->outbox().size(), 1);

    QTRY_COMPARE(fake.says().size(), 1);
    const Message say = fake.says().at(0);
    QCOMPARE(say.clientId, pending.clientId);
    QCOMPARE(say.text, u"olá"_s);
    // Still pending until the ack: no second send on the same connection.
    QCOMPARE(ana->outbox().size(), 1);

    fake.send(Message::ack(say.clientId, 7, 1000));
    fake.send(chatMessage(7, u"ana"_s, u"olá"_s, say.clientId));
    QVERIFY(acked.wait(5000));
    QCOMPARE(acked.at(0).at(0).toString(), say.clientId);
    QCOMPARE(acked.at(0).at(1).toULongLong(), 7u);
    QCOMPARE(ana->outbox().size(), 0);
    QTRY_COMPARE(ana->lastSeq(), 7u);
    QCOMPARE(fake.says().size(), 1);
}

void TestChatClient::acksOutOfOrder()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    MessageModel model;
    model.follow(ana.get());
    QVERIFY(ana->say(u"one"_s));
    QVERIFY(ana->say(u"two"_s));
    QTRY_COMPARE(fake.says().size(), 2);
    const QList<Message> says = fake.says();

    // The second is confirmed first: it moves above the first, which stays pending below.
    fake.send(Message::ack(says.at(1).clientId, 11, 1000));
    QTRY_COMPARE(model.line(0).delivery, ChatLine::Delivery::Confirmed);
    QCOMPARE(model.line(0).text, u"two"_s);
    QCOMPARE(model.line(1).text, u"one"_s);
    QCOMPARE(model.line(1).delivery, ChatLine::Delivery::Pending);
    fake.send(Message::ack(says.at(0).clientId, 12, 1000));
    fake.send(chatMessage(11, u"ana"_s, u"two"_s, says.at(1).clientId));
    fake.send(chatMessage(12, u"ana"_s, u"one"_s, says.at(0).clientId));
    QTRY_COMPARE(ana->lastSeq(), 12u);
    QCOMPARE(model.rowCount(), 2); // the chats came back: no second line for either
    QCOMPARE(model.line(0).seq, 11u);
    QCOMPARE(model.line(1).seq, 12u);
    QCOMPARE(model.line(1).delivery, ChatLine::Delivery::Confirmed);
}

void TestChatClient::resendsAfterReconnectSkippingWhatHistoryHas()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    MessageModel model;
    model.follow(ana.get());
    fake.send(chatMessage(4, u"bia"_s, u"oi"_s));
    QTRY_COMPARE(ana->lastSeq(), 4u);

    QVERIFY(ana->say(u"a"_s));
    QVERIFY(ana->say(u"b"_s));
    QVERIFY(ana->say(u"c"_s));
    QTRY_COMPARE(fake.says().size(), 3);
    const QList<Message> first = fake.says();

    // "a" was stored before the connection dropped; its ack was lost with it.
    fake.history = {chatMessage(5, u"ana"_s, u"a"_s, first.at(0).clientId)};
    QSignalSpy joined(&fake, &FakeServer::clientJoined);
    fake.drop();
    QVERIFY(joined.wait(5000));
    QCOMPARE(fake.lastHello().after, 4u);
    QCOMPARE(fake.lastHello().resume, u"token-1"_s);
    QCOMPARE(fake.lastHello().nick, u"ana"_s);

    QTRY_COMPARE(fake.says().size(), 2);
    const QList<Message> again = fake.says();
    QCOMPARE(sayTexts(again), (QStringList {u"b"_s, u"c"_s}));
    QCOMPARE(again.at(0).clientId, first.at(1).clientId);
    QCOMPARE(again.at(1).clientId, first.at(2).clientId);
    QCOMPARE(ana->outbox().size(), 2);
    // "a" is confirmed, once, by the history.
    QCOMPARE(model.rowOfClientId(first.at(0).clientId), -1);
    int shown = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        shown += model.line(row).text == u"a"_s ? 1 : 0;
    QCOMPARE(shown, 1);
}

void TestChatClient::pacesBelowTheAnnouncedRate()
{
    FakeServer fake;
    fake.rateMs = 40;
    fake.rateBurst = 3;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    constexpr int Count = 10;
    for (int i = 0; i < Count; ++i)
        QVERIFY(ana->say(u"m%1"_s.arg(i)));
    QTRY_COMPARE_WITH_TIMEOUT(fake.says().size(), Count, 10'000);

    QList<qint64> times;
    for (const FakeServer::Received &received : fake.received()) {
        if (received.message.type == MessageType::Say)
            times.append(received.atMs);
    }
    // A token bucket of (burst − 1) at one per rate-ms plus a margin: after the first two,
    // each message needs its own interval. Arrival times can only bunch up by network delay,
    // which on the loopback is far below the margin.
    const qint64 span = times.last() - times.first();
    QVERIFY2(span >= (Count - 2) * 40, qPrintable(QString::number(span)));
    // In order, each exactly once.
    QStringList expected;
    for (int i = 0; i < Count; ++i)
        expected.append(u"m%1"_s.arg(i));
    QCOMPARE(sayTexts(fake.says()), expected);
}

void TestChatClient::failedMessagesAreNotResent()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    QSignalSpy failed(ana.get(), &ChatClient::messageFailed);
    QSignalSpy errors(ana.get(), &ChatClient::serverError);
    QVERIFY(ana->say(u"bad"_s));
    QTRY_COMPARE(fake.says().size(), 1);
    const QString id = fake.says().at(0).clientId;
    fake.send(Message::error(ErrorCode::InvalidText, u"no control characters"_s, {}, id));
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).toString(), id);
    QCOMPARE(failed.at(0).at(1).toString(), u"no control characters"_s);
    QCOMPARE(errors.size(), 0); // the line says it, not a separate error line
    QCOMPARE(ana->outbox().size(), 1);
    QCOMPARE(ana->outbox().entries().at(0).state, OutboxEntry::State::Failed);

    // Not sent again after a reconnection; sent again when the user asks.
    QSignalSpy joined(&fake, &FakeServer::clientJoined);
    fake.drop();
    QVERIFY(joined.wait(5000));
    QTRY_VERIFY(ana->hasHistory());
    QVERIFY(ana->say(u"good"_s));
    QTRY_COMPARE(sayTexts(fake.says()), QStringList {u"good"_s});
    QVERIFY(ana->resend(id));
    QTRY_COMPARE(sayTexts(fake.says()), (QStringList {u"good"_s, u"bad"_s}));
    QVERIFY(ana->discard(id));
    QCOMPARE(ana->outbox().size(), 1);
}

void TestChatClient::notStoredAndRateLimitedAreRetried()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    QSignalSpy delayed(ana.get(), &ChatClient::messageDelayed);
    QVERIFY(ana->say(u"x"_s));
    QTRY_COMPARE(fake.says().size(), 1);
    const QString id = fake.says().at(0).clientId;

    fake.send(Message::error(ErrorCode::NotStored, u"disk full"_s, {}, id));
    QVERIFY(delayed.wait(5000));
    QCOMPARE(delayed.at(0).at(0).toString(), id);
    QVERIFY(!delayed.at(0).at(1).toString().isEmpty()); // "not stored yet, will retry"
    QCOMPARE(ana->outbox().entries().at(0).state, OutboxEntry::State::Pending);
    // Sent again after a while, with the same id.
    QTRY_COMPARE_WITH_TIMEOUT(fake.says().size(), 2, 10'000);
    QCOMPARE(fake.says().at(1).clientId, id);

    fake.send(Message::error(ErrorCode::RateLimited, u"slow down"_s, {}, id));
    QTRY_COMPARE_WITH_TIMEOUT(fake.says().size(), 3, 10'000);
    QCOMPARE(fake.says().at(2).clientId, id);
    fake.send(Message::ack(id, 3, 1000));
    QTRY_COMPARE(ana->outbox().size(), 0);
}

void TestChatClient::slowedDownNoticeDrainsThePacer()
{
    FakeServer fake;
    fake.rateMs = 100;
    fake.rateBurst = 5;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    QSignalSpy errors(ana.get(), &ChatClient::serverError);
    QSignalSpy delayed(ana.get(), &ChatClient::messageDelayed);
    QVERIFY(ana->say(u"a"_s));
    QTRY_COMPARE(fake.says().size(), 1);

    // The server slows the connection down: the message is not lost, only late.
    fake.send(Message::error(ErrorCode::RateLimited, u"slowing you down"_s));
    QVERIFY(errors.wait(5000));
    QCOMPARE(errors.at(0).at(0).value<ErrorCode>(), ErrorCode::RateLimited);
    QVERIFY(ana->say(u"b"_s));
    QTRY_COMPARE(fake.says().size(), 2);
    // "b" waited for the bucket to refill (a token is 110 ms), although three were left; and
    // "a" was not sent again.
    QList<qint64> times;
    for (const FakeServer::Received &received : fake.received()) {
        if (received.message.type == MessageType::Say)
            times.append(received.atMs);
    }
    QVERIFY2(times.at(1) - times.at(0) >= 100,
             qPrintable(QString::number(times.at(1) - times.at(0))));
    QCOMPARE(sayTexts(fake.says()), (QStringList {u"a"_s, u"b"_s}));
    QCOMPARE(delayed.size(), 0);
    QCOMPARE(ana->outbox().entries().at(0).state, OutboxEntry::State::Pending);
}

void TestChatClient::answersAreAwaitedAndPaidFor()
{
    FakeServer fake;
    fake.rateMs = 50;
    fake.rateBurst = 3;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    QSignalSpy users(ana.get(), &ChatClient::usersChanged);
    QVERIFY(ana->requestUsers());
    QVERIFY(ana->say(u"after the list"_s));
    const auto whoReceived = [&fake]() -> qint64 {
        for (const FakeServer::Received &received : fake.received()) {
            if (received.message.type == MessageType::Who)
                return received.atMs;
        }
        return -1;
    };
    QTRY_VERIFY(whoReceived() >= 0);
    // Nothing goes while the answer is on its way: the server charges it by its size.
    QCOMPARE(fake.says().size(), 0);
    QStringList many;
    for (int i = 0; i < 1500; ++i)
        many.append(u"somebody-%1"_s.arg(i, 4, 10, QChar(u'0')));
    fake.send(Message::userList(many)); // about 21 KB: 5 messages' worth
    QVERIFY(users.wait(5000));
    QTRY_COMPARE(fake.says().size(), 1);
    // The bucket had one token left after the who; the answer took five more: more than four
    // tokens of 55 ms before the say.
    qint64 sayAt = -1;
    for (const FakeServer::Received &received : fake.received()) {
        if (received.message.type == MessageType::Say)
            sayAt = received.atMs;
    }
    QVERIFY2(sayAt - whoReceived() >= 4 * 50, qPrintable(QString::number(sayAt - whoReceived())));
}

void TestChatClient::pacedClientIsNeverSlowedDown()
{
    m_server.reset();
    m_config.maxRate = 20;
    m_config.rateBurst = 4;
    m_server = startServer();
    QVERIFY(m_server);
    // History whose answers are worth a few messages each.
    for (int i = 0; i < 6; ++i)
        m_server->room().notice(QString(3000, QChar(u'a' + i)));
    bool stored = false;
    m_server->room().afterStored(nullptr, m_server.get(), [&stored] { stored = true; });
    QTRY_VERIFY(stored);

    auto ana = makeClient();
    join(ana.get(), u"ana"_s);
    QTRY_VERIFY(ana->hasHistory());
    QSignalSpy errors(ana.get(), &ChatClient::serverError);
    QSignalSpy acked(ana.get(), &ChatClient::messageAcknowledged);
    QSignalSpy loaded(ana.get(), &ChatClient::olderHistoryLoaded);
    QSignalSpy users(ana.get(), &ChatClient::usersChanged);
    // Ten times the burst, and large answers asked for in the middle of it.
    constexpr int Count = 40;
    for (int i = 0; i < Count; ++i) {
        QVERIFY(ana->say(u"m%1"_s.arg(i)));
        if (i == 10 || i == 25)
            QVERIFY(ana->fetchOlder(ana->lastSeq() + 1, 6));
        if (i == 20)
            QVERIFY(ana->requestUsers());
    }
    QTRY_COMPARE_WITH_TIMEOUT(acked.size(), Count, 30'000);
    QCOMPARE(loaded.size(), 2);
    QVERIFY(users.size() >= 1);
    // Never told it was too fast, let alone disconnected.
    QCOMPARE(errors.size(), 0);
    QCOMPARE(ana->state(), ChatClient::State::Connected);
    QCOMPARE(ana->outbox().size(), 0);
}

void TestChatClient::outboxAndLastSeqSurviveARestart()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    QString id;
    {
        auto ana = joinFake(fake);
        QVERIFY(ana);
        fake.send(chatMessage(9, u"bia"_s, u"oi"_s));
        QTRY_COMPARE(ana->lastSeq(), 9u);
        QVERIFY(ana->say(u"still here?"_s));
        QTRY_COMPARE(fake.says().size(), 1);
        id = fake.says().at(0).clientId;
        // The client quits before the ack.
    }
    auto again = makeClient();
    QSignalSpy opened(again.get(), &ChatClient::outboxOpened);
    QSignalSpy fetched(&fake, &FakeServer::messageReceived);
    QSignalSpy joined(&fake, &FakeServer::clientJoined);
    again->connectToServer(u"127.0.0.1"_s, fake.port(), u"ana"_s);
    QCOMPARE(opened.size(), 1);
    const auto lines = opened.at(0).at(0).value<QList<ChatLine>>();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.at(0).clientId, id);
    QCOMPARE(lines.at(0).delivery, ChatLine::Delivery::Pending);
    QVERIFY(joined.wait(5000));
    QCOMPARE(fake.lastHello().after, 9u);
    // The token too: the nickname held for the crashed client comes back to it.
    QCOMPARE(fake.lastHello().resume, u"token-1"_s);
    // A fresh log: a few older messages are asked for, for context.
    const auto askedContext = [&fake] {
        for (const FakeServer::Received &received : fake.received()) {
            if (received.message.type == MessageType::Fetch && received.message.before == 10 &&
                received.message.limit == ChatClient::ContextFetchLimit)
                return true;
        }
        return false;
    };
    QTRY_VERIFY(askedContext());
    // The outbox goes once that answer, which counts against the rate, is in.
    QCOMPARE(fake.says().size(), 0);
    fake.sendHistoryAnswer({chatMessage(9, u"bia"_s, u"oi"_s)}, 10, false);
    QTRY_COMPARE(fake.says().size(), 1);
    QCOMPARE(fake.says().at(0).clientId, id);
}

void TestChatClient::resumeNeedsTheSameHistoryId()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    fake.send(chatMessage(30, u"bia"_s, u"oi"_s));
    QTRY_COMPARE(ana->lastSeq(), 30u);

    // The server's history started afresh: its numbers mean something else now.
    fake.historyId = u"history-2"_s;
    fake.history = {chatMessage(1, u"bia"_s, u"new start"_s)};
    QSignalSpy reset(ana.get(), &ChatClient::historyReset);
    QSignalSpy joined(&fake, &FakeServer::clientJoined);
    fake.drop();
    QVERIFY(joined.wait(5000));
    QCOMPARE(fake.lastHello().after, 0u);
    QVERIFY(reset.wait(5000));
    QCOMPARE(ana->historyId(), u"history-2"_s);
    QCOMPARE(ana->lastSeq(), 1u);
}

void TestChatClient::waitsForTheHistoryBeforeSending()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    fake.send(chatMessage(2, u"bia"_s, u"oi"_s));
    QTRY_COMPARE(ana->lastSeq(), 2u);
    QVERIFY(ana->say(u"m"_s));
    QTRY_COMPARE(fake.says().size(), 1);
    const QString id = fake.says().at(0).clientId;

    // Typed while the connection is down: kept, shown pending, sent after the history.
    QSignalSpy gone(&fake, &FakeServer::clientGone);
    QSignalSpy lost(ana.get(), &ChatClient::connectionLost);
    fake.sendHistory = false;
    fake.drop();
    QVERIFY(lost.wait(5000));
    QVERIFY(ana->say(u"offline"_s));
    QSignalSpy joined(&fake, &FakeServer::clientJoined);
    QVERIFY(joined.wait(5000));
    QTRY_COMPARE(ana->state(), ChatClient::State::Connected);
    // That nothing goes out before the history has ended is typedBeforeTheHistoryWaitsForIt's
    // case; here: after it, only what the history did not hold.
    fake.sendHistoryAnswer({chatMessage(3, u"ana"_s, u"m"_s, id)}, 0, false);
    QTRY_COMPARE(sayTexts(fake.says()), QStringList {u"offline"_s});
}

void TestChatClient::typedBeforeTheHistoryWaitsForIt()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    QVERIFY(ana->say(u"m"_s));
    QTRY_COMPARE(fake.says().size(), 1);
    const QString id = fake.says().at(0).clientId; // stored; its ack is lost with the connection

    QSignalSpy lost(ana.get(), &ChatClient::connectionLost);
    fake.sendHistory = false;
    fake.drop();
    QVERIFY(lost.wait(5000));
    QSignalSpy joined(&fake, &FakeServer::clientJoined);
    QVERIFY(joined.wait(5000));
    QTRY_COMPARE(ana->state(), ChatClient::State::Connected);

    // Typed between the welcome and the end of the history: it waits, and so does "m", which
    // the history turns out to acknowledge. Only the new line goes out, after the history.
    QVERIFY(ana->say(u"typed"_s));
    fake.sendHistoryAnswer({chatMessage(3, u"ana"_s, u"m"_s, id)}, 0, false);
    QTRY_VERIFY(sayTexts(fake.says()).contains(u"typed"_s));
    QCOMPARE(sayTexts(fake.says()), QStringList {u"typed"_s});
}

void TestChatClient::gapMarkerAfterResume()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    MessageModel model;
    model.follow(ana.get());
    fake.send(chatMessage(10, u"bia"_s, u"before"_s));
    QTRY_COMPARE(ana->lastSeq(), 10u);

    fake.history = {chatMessage(11, u"bia"_s, u"one"_s), chatMessage(12, u"bia"_s, u"two"_s),
                    chatMessage(13, u"bia"_s, u"three"_s)};
    QSignalSpy history(ana.get(), &ChatClient::historyReceived);
    QSignalSpy live(ana.get(), &ChatClient::lineReceived);
    fake.drop();
    QVERIFY(history.wait(5000));
    QCOMPARE(fake.lastHello().after, 10u);
    // A catch-up right after the last number seen is shown frame by frame, then the marker.
    QTRY_COMPARE(history.size(), 3);
    QList<ChatLine> lines;
    for (const QList<QVariant> &arguments : history)
        lines += arguments.at(0).value<QList<ChatLine>>();
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(3).kind, ChatLine::Kind::Marker);
    QCOMPARE(lines.at(3).marker, ChatLine::Marker::Missed);
    QCOMPARE(lines.at(3).seq, 11u);
    QVERIFY(lines.at(3).text.contains(u'3'));
    for (int i = 0; i < 3; ++i)
        QVERIFY(lines.at(i).history);
    // The history is not reported as live lines (which count as unread).
    for (const QList<QVariant> &arguments : live)
        QVERIFY(arguments.at(0).value<ChatLine>().seq == 0);
    QTRY_COMPARE(ana->lastSeq(), 13u);

    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row) {
        const ChatLine line = model.line(row);
        if (line.kind == ChatLine::Kind::Chat || line.kind == ChatLine::Kind::Marker)
            shown.append(line.kind == ChatLine::Kind::Marker ? u"|"_s : line.text);
    }
    QCOMPARE(shown, (QStringList {u"before"_s, u"|"_s, u"one"_s, u"two"_s, u"three"_s}));
}

void TestChatClient::moreMarkerAndGapFetch()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    MessageModel model;
    model.follow(ana.get());
    fake.send(chatMessage(10, u"bia"_s, u"before"_s));
    QTRY_COMPARE(ana->lastSeq(), 10u);

    // 100 missed, the newest 2 sent: 11..98 are not loaded.
    fake.history = {chatMessage(99, u"bia"_s, u"99"_s), chatMessage(100, u"bia"_s, u"100"_s)};
    fake.historyMore = true;
    QSignalSpy history(ana.get(), &ChatClient::historyReceived);
    fake.drop();
    QVERIFY(history.wait(5000));
    auto lines = history.at(0).at(0).value<QList<ChatLine>>();
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0).marker, ChatLine::Marker::Missed);
    QCOMPARE(lines.at(1).marker, ChatLine::Marker::NotLoaded);
    QCOMPARE(lines.at(1).before, 99u);
    const int markerRow = model.findMarker(ChatLine::Marker::NotLoaded);
    QVERIFY(markerRow > 0);
    QCOMPARE(model.line(markerRow + 1).seq, 99u);

    // Loading part of the gap moves the marker up to what is still missing.
    QSignalSpy loaded(ana.get(), &ChatClient::olderHistoryLoaded);
    QSignalSpy received(&fake, &FakeServer::messageReceived);
    model.removeMarkers(ChatLine::Marker::NotLoaded);
    QVERIFY(ana->fetchOlder(99, 2));
    QTRY_VERIFY(!fake.received().isEmpty() &&
                fake.received().last().message.type == MessageType::Fetch);
    QCOMPARE(fake.received().last().message.before, 99u);
    QCOMPARE(fake.received().last().message.limit, 2);
    fake.sendHistoryAnswer({chatMessage(97, u"bia"_s, u"97"_s), chatMessage(98, u"bia"_s, u"98"_s)},
                           99, true);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.at(0).at(0).toULongLong(), 99u);
    QCOMPARE(loaded.at(0).at(1).toBool(), true);
    lines = history.last().at(0).value<QList<ChatLine>>();
    QCOMPARE(lines.at(0).marker, ChatLine::Marker::NotLoaded);
    QCOMPARE(lines.at(0).before, 97u);

    QList<quint64> seqs;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.line(row).kind == ChatLine::Kind::Chat)
            seqs.append(model.line(row).seq);
    }
    QCOMPARE(seqs, (QList<quint64> {10, 97, 98, 99, 100}));
    const int row = model.findMarker(ChatLine::Marker::NotLoaded);
    QCOMPARE(model.line(row + 1).seq, 97u);
    QVERIFY(model.findMarker(ChatLine::Marker::Missed) < row);
}

void TestChatClient::fetchOlderOnRequest()
{
    FakeServer fake;
    fake.history = {chatMessage(50, u"bia"_s, u"50"_s)};
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    MessageModel model;
    model.follow(ana.get());
    QSignalSpy loaded(ana.get(), &ChatClient::olderHistoryLoaded);
    QVERIFY(ana->fetchOlder(50));
    QTRY_VERIFY(!fake.received().isEmpty() &&
                fake.received().last().message.type == MessageType::Fetch);
    QCOMPARE(fake.received().last().message.before, 50u);
    QCOMPARE(fake.received().last().message.limit, ChatClient::DefaultFetchLimit);
    // Live traffic can come between the frames of an answer.
    fake.historyFrameSize = 1;
    fake.send(Message::history({chatMessage(48, u"bia"_s, u"48"_s)}, 50, false, false));
    fake.send(chatMessage(51, u"bia"_s, u"51"_s));
    fake.send(Message::history({chatMessage(49, u"bia"_s, u"49"_s)}, 50, true, false));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.at(0).at(1).toBool(), false);
    QList<quint64> seqs;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.line(row).kind == ChatLine::Kind::Chat)
            seqs.append(model.line(row).seq);
    }
    // (The model started after the join: 50 came before it.)
    QCOMPARE(seqs, (QList<quint64> {48, 49, 51}));
    QCOMPARE(ana->lastSeq(), 51u);
}

void TestChatClient::duplicatesAndLateHistoryInTheModel()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    MessageModel model;
    model.follow(ana.get());
    fake.send(chatMessage(20, u"bia"_s, u"20"_s));
    fake.send(chatMessage(20, u"bia"_s, u"20"_s));
    fake.send(chatMessage(22, u"bia"_s, u"22"_s));
    fake.send(Message::history(
        {chatMessage(21, u"bia"_s, u"21"_s), chatMessage(22, u"bia"_s, u"22"_s)}, 23, true, false));
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.line(0).seq, 20u);
    QCOMPARE(model.line(1).seq, 21u);
    QCOMPARE(model.line(2).seq, 22u);
}

void TestChatClient::replacedDoesNotReconnect()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    QSignalSpy failed(ana.get(), &ChatClient::failed);
    QSignalSpy scheduled(ana.get(), &ChatClient::reconnectScheduled);
    fake.sendAndClose(Message::bye(ErrorCode::Replaced, u"you resumed elsewhere"_s));
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(), ChatClient::Failure::Replaced);
    QCOMPARE(ana->state(), ChatClient::State::Disconnected);
    QCOMPARE(scheduled.size(), 0);
}

void TestChatClient::outboxIsBounded()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    ana->setOutboxLimit(3);
    QVERIFY(ana->say(u"1"_s));
    QVERIFY(ana->say(u"2"_s));
    QVERIFY(ana->say(u"3"_s));
    QVERIFY(!ana->say(u"4"_s)); // refused, not dropping an older one
    QCOMPARE(ana->outbox().size(), 3);
    QTRY_COMPARE(fake.says().size(), 3);
    fake.send(Message::ack(fake.says().at(0).clientId, 1, 1000));
    QTRY_COMPARE(ana->outbox().size(), 2);
    QVERIFY(ana->say(u"4"_s));
}

void TestChatClient::pendingMessagesSayWhenTheClientGaveUp()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    MessageModel model;
    model.follow(ana.get());
    QVERIFY(ana->say(u"are you there?"_s));
    QTRY_COMPARE(fake.says().size(), 1);
    const QString id = fake.says().at(0).clientId;
    const auto shown = [&model, &id] {
        return MessageModel::deliveryNote(model.line(model.rowOfClientId(id)));
    };
    QCOMPARE(shown(), MessageModel::tr("sending…"));

    // Kicked: no reconnection follows, so the message is not being sent any more.
    QSignalSpy failed(ana.get(), &ChatClient::failed);
    fake.sendAndClose(Message::bye(ErrorCode::Kicked, u"behave"_s));
    QVERIFY(failed.wait(5000));
    QCOMPARE(ana->state(), ChatClient::State::Disconnected);
    const QString disconnected =
        ChatClient::tr("waiting: disconnected; it will be sent when you connect again");
    QCOMPARE(model.line(model.rowOfClientId(id)).delivery, ChatLine::Delivery::Pending);
    QCOMPARE(shown(), disconnected);
    QVERIFY(MessageModel::plainText(model.line(model.rowOfClientId(id))).contains(disconnected));

    // Connecting again: on its way again, and sent.
    QSignalSpy joined(ana.get(), &ChatClient::joined);
    QVERIFY(ana->reconnect());
    QCOMPARE(shown(), MessageModel::tr("sending…"));
    QVERIFY(joined.wait(5000));
    QTRY_COMPARE(sayTexts(fake.says()), QStringList {u"are you there?"_s});

    // Disconnecting on purpose says the same.
    ana->disconnectFromServer();
    QCOMPARE(shown(), disconnected);
}

void TestChatClient::privateMessagesAndSearchOnlyWhereOffered()
{
    {
        // An older server would show a say {to} to everyone: nothing is sent to it.
        FakeServer older;
        QVERIFY(older.listen());
        auto ana = joinFake(older);
        QVERIFY(ana);
        QVERIFY(!ana->supportsPrivateMessages());
        QVERIFY(!ana->sayTo(u"bia"_s, u"psst"_s));
        QVERIFY(!ana->search(u"psst"_s));
        QVERIFY(ana->say(u"public"_s));
        QTRY_COMPARE(older.says().size(), 1);
        QCOMPARE(older.says().constFirst().to, QString());
        QCOMPARE(ana->outbox().size(), 1);
    }
    FakeServer fake;
    fake.features = {u"private"_s, u"search"_s};
    QVERIFY(fake.listen());
    auto ana = joinFake(fake);
    QVERIFY(ana);
    QSignalSpy lines(ana.get(), &ChatClient::lineReceived);
    QVERIFY(ana->sayTo(u"bia"_s, u"psst"_s));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.at(0).at(0).value<ChatLine>().to, u"bia"_s);
    QTRY_COMPARE(fake.says().size(), 1);
    QCOMPARE(fake.says().constFirst().to, u"bia"_s);
    QCOMPARE(fake.says().constFirst().text, u"psst"_s);

    // A private chat comes back with its recipient; the line says who it is for.
    Message chat = Message::chat(u"bia"_s, u"hi ana"_s, false, 1000, 5);
    chat.to = u"ana"_s;
    fake.send(chat);
    QTRY_COMPARE(lines.size(), 2);
    const auto received = lines.at(1).at(0).value<ChatLine>();
    QCOMPARE(received.to, u"ana"_s);
    QCOMPARE(received.peer(u"ana"_s), u"bia"_s);

    // Search: asked, and answered by history frames with the query, not taken for history.
    QSignalSpy found(ana.get(), &ChatClient::searchFinished);
    QSignalSpy history(ana.get(), &ChatClient::historyReceived);
    QVERIFY(ana->search(u"  hi  "_s));
    QTRY_VERIFY(std::any_of(
        fake.received().cbegin(), fake.received().cend(), [](const FakeServer::Received &r) {
            return r.message.type == MessageType::Search && r.message.query == u"hi"_s;
        }));
    Message answer = Message::history({chat}, 0, true, true);
    answer.query = u"hi"_s;
    fake.send(answer);
    QTRY_COMPARE(found.size(), 1);
    QCOMPARE(found.at(0).at(0).toString(), u"hi"_s);
    const auto hits = found.at(0).at(2).value<QList<ChatLine>>();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.constFirst().text, u"hi ana"_s);
    QCOMPARE(found.at(0).at(3).toBool(), true);
    QCOMPARE(history.size(), 0);
}

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
