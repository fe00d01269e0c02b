// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "chatclient.h"
#include "chatserver.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestChatClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void joinsAndTalks();
    void followsPresence();
    void nickCollisionFailsWithSuggestion();
    void refusedConnectionFails();
    void reconnectsAfterServerRestart();
    void keepsSuggestedNickWhenOwnIsTakenOnReconnect();
    void noRetryAfterKick();
    void noRetryAfterShutdown();
    void disconnectStopsRetrying();
    void mentions_data();
    void mentions();

private:
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

void TestChatClient::init()
{
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
    QTRY_COMPARE(biaLines.size(), 2);
    QTRY_COMPARE(anaLines.size(), 3); // bia joined, then the two messages
    QCOMPARE(anaLines.at(0).at(0).value<ChatLine>().kind, ChatLine::Kind::Joined);

    const auto first = biaLines.at(0).at(0).value<ChatLine>();
    QCOMPARE(first.kind, ChatLine::Kind::Chat);
    QCOMPARE(first.nick, u"ana"_s);
    QCOMPARE(first.text, u"olá, bia"_s);
    QVERIFY(first.mentionsMe);
    const auto second = anaLines.at(2).at(0).value<ChatLine>();
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

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
