// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Issue 13, look-alike and invisible nicknames: the server in-process, framed and text clients
// over loopback sockets.

#include <memory>

#include <QTest>

#include "chatserver.h"
#include "framedtestclient.h"
#include "linetestclient.h"
#include "protocol.h"
#include "serverconfig.h"
#include "testprinters.h"
#include "testserverconfig.h"
#include "validation.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestNicknames final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lookAlikesCannotJoin_data();
    void lookAlikesCannotJoin();
    void lookAlikeTakenEitherOrder_data();
    void lookAlikeTakenEitherOrder();
    void lookAlikeOfAHeldNickname();
    void textClientLookAlike();
    void renameToLookAlike();
    void singleScriptNamesJoin();
    void invisibleOnlyMessageRefused();
    void directionControlsReachOthersIntact();
};

void TestNicknames::lookAlikesCannotJoin_data()
{
    QTest::addColumn<QString>("nick");
    QTest::addColumn<NickProblem>("problem");

    QTest::newRow("Cyrillic а") << u"\u0430na"_s << NickProblem::MixedScripts;
    QTest::newRow("full-width") << u"ａｎａ"_s << NickProblem::CompatibilityForm;
    QTest::newRow("mathematical bold") << u"𝐚𝐧𝐚"_s << NickProblem::CompatibilityForm;
    QTest::newRow("Hangul filler after") << u"ana\u3164"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("Hangul filler alone") << u"\u3164"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("zero width joiner") << u"an\u200da"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("right-to-left override") << u"\u202eana"_s << NickProblem::DirectionControl;
}

// `ana` is in the room; none of its look-alikes gets in, each told why, and the connection
// stays usable.
void TestNicknames::lookAlikesCannotJoin()
{
    QFETCH(QString, nick);
    QFETCH(NickProblem, problem);
    ChatServer server(Testing::serverConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));

    FramedTestClient other(server.serverPort());
    QVERIFY(!other.join(nick));
    const auto error = other.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::InvalidNick);
    QCOMPARE(error->text, Validation::describe(problem));
    QCOMPARE(ana.count(MessageType::Joined), 0);
    QCOMPARE(server.room().nicks(), QStringList {u"ana"_s});

    QVERIFY(other.join(u"bia"_s));
    QVERIFY(ana.waitFor(MessageType::Joined, Match::nick(u"bia"_s)));
}

void TestNicknames::lookAlikeTakenEitherOrder_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");

    // Valid each on its own (one script), but drawn alike: the confusable skeleton decides.
    const QString cyrillic = u"\u0441\u043e\u0440"_s; // сор
    QTest::newRow("Latin cop, then Cyrillic сор") << u"cop"_s << cyrillic;
    QTest::newRow("Cyrillic сор, then Latin cop") << cyrillic << u"cop"_s;
    QTest::newRow("ana0, then anaO") << u"ana0"_s << u"anaO"_s;
    QTest::newRow("anaO, then ana0") << u"anaO"_s << u"ana0"_s;
    QTest::newRow("bill1, then billl") << u"bill1"_s << u"billl"_s;
    QTest::newRow("mia, then rnia") << u"mia"_s << u"rnia"_s;
    QTest::newRow("rnia, then mia") << u"rnia"_s << u"mia"_s;
}

void TestNicknames::lookAlikeTakenEitherOrder()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    ChatServer server(Testing::serverConfig());
    QVERIFY(server.listen());
    FramedTestClient one(server.serverPort());
    QVERIFY(one.join(first));

    FramedTestClient two(server.serverPort());
    QVERIFY(!two.join(second));
    const auto error = two.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::NickTaken);
    QVERIFY(!error->suggestion.isEmpty());
    QCOMPARE(Validation::checkNick(error->suggestion), NickProblem::None);
    QVERIFY(Validation::nickKey(error->suggestion) != Validation::nickKey(first));

    QVERIFY(two.join(error->suggestion));
    QVERIFY(one.waitFor(MessageType::Joined, Match::nick(error->suggestion)));
}

// A dropped user's nickname is held by the same key: its look-alike waits too.
void TestNicknames::lookAlikeOfAHeldNickname()
{
    ChatServer server(Testing::serverConfig());
    QVERIFY(server.listen());
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    auto cop = std::make_unique<FramedTestClient>(server.serverPort());
    QVERIFY(cop->join(u"cop"_s));
    const QString token = cop->received(MessageType::Welcome).constFirst().resume;
    cop->disconnectFromServer();
    QVERIFY(bia.waitFor(MessageType::Left, Match::nick(u"cop"_s)));

    FramedTestClient other(server.serverPort());
    QVERIFY(!other.join(u"\u0441\u043e\u0440"_s));
    const auto error = other.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::NickTaken);

    // Its owner comes back with the token.
    Message hello = Message::hello(u"cop"_s);
    hello.resume = token;
    FramedTestClient back(server.serverPort());
    QVERIFY(back.join(hello));
    QCOMPARE(back.nick(), u"cop"_s);
}

void TestNicknames::textClientLookAlike()
{
    ChatServer server(Testing::serverConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));

    LineTestClient text(server.serverPort());
    QVERIFY(text.connectToServer());
    QVERIFY(text.waitForLine(LineTestClient::prompt()));
    text.sendLine(u"\u0430na"_s);
    QVERIFY(text.waitForLine(Validation::describe(NickProblem::MixedScripts)));
    text.sendLine(u"ana\u3164"_s);
    QVERIFY(text.waitForLine(Validation::describe(NickProblem::InvisibleCharacter)));
    QCOMPARE(ana.count(MessageType::Joined), 0);
    QVERIFY(text.join(u"caio"_s));
    QVERIFY(ana.waitFor(MessageType::Joined, Match::nick(u"caio"_s)));
}

void TestNicknames::renameToLookAlike()
{
    ChatServer server(Testing::serverConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));

    bia.send(Message::setNick(u"\u0430na"_s));
    QVERIFY(bia.waitFor(MessageType::Error, Match::code(ErrorCode::InvalidNick)));
    bia.send(Message::setNick(u"ANA"_s));
    QVERIFY(bia.waitFor(MessageType::Error, Match::code(ErrorCode::NickTaken)));
    QCOMPARE(ana.count(MessageType::Renamed), 0);
    QCOMPARE(server.room().nicks(), (QStringList {u"ana"_s, u"bia"_s}));
}

// Names in one script other than Latin stay welcome, and do not clash with each other.
void TestNicknames::singleScriptNamesJoin()
{
    ChatServer server(Testing::serverConfig());
    QVERIFY(server.listen());
    const QStringList names {u"やまだ太郎"_s, u"Οδυσσέας"_s, u"Мария"_s, u"नमस्ते"_s, u"علي"_s};
    std::vector<std::unique_ptr<FramedTestClient>> clients;
    for (const QString &name : names) {
        clients.push_back(std::make_unique<FramedTestClient>(server.serverPort()));
        QVERIFY2(clients.back()->join(name), qPrintable(name));
        QCOMPARE(clients.back()->nick(), name);
    }
    QCOMPARE(server.room().nicks().size(), names.size());
}

void TestNicknames::invisibleOnlyMessageRefused()
{
    ChatServer server(Testing::serverConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    LineTestClient text(server.serverPort());
    QVERIFY(text.join(u"caio"_s));

    ana.say(u"\u200b\u200d\u2060"_s, u"c-1"_s);
    const auto error = ana.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::InvalidText);
    QCOMPARE(error->clientId, u"c-1"_s);
    text.sendLine(u"\u3164\u2800"_s);
    QVERIFY(text.waitForLine(Validation::describe(TextProblem::Empty, Protocol::DefaultMaxText)));

    ana.say(u"visible"_s);
    QVERIFY(bia.waitFor(MessageType::Chat, Match::text(u"visible"_s)));
    QCOMPARE(bia.count(MessageType::Chat), 1);
}

// Direction controls in chat text are allowed: the client isolates them for display.
void TestNicknames::directionControlsReachOthersIntact()
{
    ChatServer server(Testing::serverConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));

    const QString text = u"abc\u202edef"_s;
    ana.say(text);
    QVERIFY(bia.waitFor(MessageType::Chat, Match::text(text)));
}

QTEST_GUILESS_MAIN(TestNicknames)
#include "tst_nicknames.moc"
