// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The server in-process, driven over loopback sockets by framed and text clients.

#include <algorithm>
#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "chatserver.h"
#include "clientsession.h"
#include "framedtestclient.h"
#include "linetestclient.h"
#include "protocol.h"
#include "roommember.h"
#include "serverconfig.h"
#include "testprinters.h"
#include "testserverconfig.h"
#include "wirebytes.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

ServerConfig testConfig()
{
    return Testing::serverConfig();
}

// "[12:34] <ana> hello" or "[12:34] * ana waves"
const QRegularExpression &chatLinePattern()
{
    static const QRegularExpression pattern(
        u"^\\[\\d\\d:\\d\\d\\] (?:<(\\S+)> |\\* (\\S+) )(.*)$"_s);
    return pattern;
}

// The chat texts a text client received, in order.
QStringList chatTextsOf(const LineTestClient &client)
{
    QStringList texts;
    for (const QString &line : client.lines()) {
        const QRegularExpressionMatch match = chatLinePattern().match(line);
        if (match.hasMatch())
            texts.append(match.captured(3));
    }
    return texts;
}

int chatLineCount(const LineTestClient &client)
{
    return int(chatTextsOf(client).size());
}

// The server's own rate limit, as it runs by default (5 messages a second, bursts of 20).
ServerConfig defaultRateConfig()
{
    const ServerConfig defaults;
    ServerConfig config = testConfig();
    config.maxRate = defaults.maxRate;
    config.rateBurst = defaults.rateBurst;
    return config;
}

// Input the server holds for a client over its rate before it is an excess flood: 4 bursts.
int heldCap(const ServerConfig &config)
{
    return 4 * config.rateBurst;
}

// Someone in the room without a socket: a large room costs the test nothing.
class QuietMember final : public RoomMember
{
public:
    void deliver(const Broadcast &) override { }
    void tell(const Message &) override { }
    void displace() override { }
    QString address() const override { return u"192.0.2.1:1"_s; }
};

// Fills \a server's room with \a count quiet members with long nicknames.
std::vector<std::unique_ptr<QuietMember>> crowd(ChatServer &server, int count)
{
    std::vector<std::unique_ptr<QuietMember>> members;
    for (int i = 0; i < count; ++i) {
        members.push_back(std::make_unique<QuietMember>());
        const auto result = server.room().join(members.back().get(),
                                               u"quiet-member-%1"_s.arg(i, 5, 10, QChar(u'0')));
        if (!result.ok())
            qFatal("could not join a quiet member");
    }
    return members;
}

} // namespace

class TestServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Chat
    void chatReachesEveryoneInOneOrder();
    // Presence
    void joinAndWelcome();
    void renameAndWho();
    void leaveReasons();
    void leaveReasonIsCleaned_data();
    void leaveReasonIsCleaned();
    // Nicknames
    void nickCollision();
    void invalidNick();
    void lineNickCollision();
    // Handshake
    void versionMismatch();
    void firstFrameNotHandshake();
    void badMagic_data();
    void badMagic();
    void handshakeTimeout();
    void lineNickTimeout();
    // Mode detection
    void silentClientIsGreeted();
    void telnetNegotiationIsStripped();
    void lineEndings_data();
    void lineEndings();
    // Limits
    void badFrameLength_data();
    void badFrameLength();
    void invalidUtf8InFrame();
    void invalidUtf8Line();
    void tooLongLine();
    void textTooLong();
    void unknownType();
    void pastedLinesAllArriveInOrder();
    void framedBurstAllArrivesWithAcks();
    void excessFloodIsCutOff_data();
    void excessFloodIsCutOff();
    void excessFloodByBytes();
    void pingsAreNotHeldBehindAFlood();
    void largeAnswersCountAgainstTheRate_data();
    void largeAnswersCountAgainstTheRate();
    void textJoinShowsACount();
    void connectionCaps_data();
    void connectionCaps();
    void slowReaderIsDropped();
    void silentPeerTimesOut();
    void idleClientAnswersPings();
    // Host actions
    void kick();
    void notice();
    // Shutdown
    void reusePortOnIpv6();
    void shutDown();
    void destroyedRightAfterShutDown();

private:
    // Whether a chat from \a from still reaches \a to: the server keeps serving.
    [[nodiscard]] bool chatStillWorks(FramedTestClient &from, FramedTestClient &to);

    int m_probe = 0;
};

void TestServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

bool TestServer::chatStillWorks(FramedTestClient &from, FramedTestClient &to)
{
    const QString text = u"still serving %1"_s.arg(++m_probe);
    from.say(text);
    return to.waitFor(MessageType::Chat, Match::text(text)).has_value();
}

// --- Chat -------------------------------------------------------------------------------------

void TestServer::chatReachesEveryoneInOneOrder()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    FramedTestClient caio(server.serverPort());
    LineTestClient dora(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(caio.join(u"caio"_s));
    QVERIFY(dora.join(u"dora"_s));

    // Everyone writes at once: the server picks one order, and everyone must see that one.
    constexpr int Rounds = 5;
    QStringList sent;
    for (int i = 0; i < Rounds; ++i) {
        for (FramedTestClient *client : {&ana, &bia, &caio}) {
            const QString text = client->nick() + u" says %1"_s.arg(i);
            client->say(text);
            sent.append(text);
        }
        const QString text = u"dora says %1"_s.arg(i);
        dora.sendLine(text);
        sent.append(text);
    }
    const int total = int(sent.size());
    for (FramedTestClient *client : {&ana, &bia, &caio})
        QVERIFY2(client->waitForCount(MessageType::Chat, total), qPrintable(client->nick()));
    QTRY_COMPARE(chatLineCount(dora), total);

    const QStringList order = ana.chatTexts();
    QCOMPARE(bia.chatTexts(), order);
    QCOMPARE(caio.chatTexts(), order);
    QCOMPARE(chatTextsOf(dora), order);
    QStringList sortedOrder = order;
    sortedOrder.sort();
    sent.sort();
    QCOMPARE(sortedOrder, sent);

    // The text client sees "[HH:MM] <nick> text".
    QVERIFY(dora.lines().contains(QRegularExpression(u"^\\[\\d\\d:\\d\\d\\] <bia> bia says 0$"_s)));
    // Framed clients see the text client's lines as chat messages.
    const auto fromDora = caio.waitFor(MessageType::Chat, Match::text(u"dora says 3"_s));
    QVERIFY(fromDora);
    QCOMPARE(fromDora->from, u"dora"_s);
    QVERIFY(!fromDora->action);
    QVERIFY(fromDora->time > 0);

    // "/me" from a text client is an action.
    dora.sendLine(u"/me waves"_s);
    const auto wave = ana.waitFor(MessageType::Chat, Match::text(u"waves"_s));
    QVERIFY(wave);
    QCOMPARE(wave->from, u"dora"_s);
    QVERIFY(wave->action);
    QVERIFY(dora.waitForLine(u"* dora waves"_s));

    // And an action from a framed client reads as one to the text client.
    bia.say(u"dances"_s, true);
    QVERIFY(dora.waitForLine(u"] * bia dances"_s));
    const auto dance = ana.waitFor(MessageType::Chat, Match::text(u"dances"_s));
    QVERIFY(dance);
    QVERIFY(dance->action);
}

// --- Presence ---------------------------------------------------------------------------------

void TestServer::joinAndWelcome()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient caio(server.serverPort());
    FramedTestClient bia(server.serverPort());
    LineTestClient dora(server.serverPort());

    QVERIFY(ana.join(u"ana"_s));
    auto welcome = ana.waitFor(MessageType::Welcome);
    QVERIFY(welcome);
    QCOMPARE(welcome->nick, u"ana"_s);
    QCOMPARE(welcome->users, QStringList {u"ana"_s});

    QVERIFY(caio.join(u"caio"_s));
    QVERIFY(bia.join(u"Bia"_s));
    welcome = bia.waitFor(MessageType::Welcome);
    QVERIFY(welcome);
    QCOMPARE(welcome->nick, u"Bia"_s);
    // Sorted without regard to case.
    QCOMPARE(welcome->users, (QStringList {u"ana"_s, u"Bia"_s, u"caio"_s}));

    QVERIFY(ana.waitFor(MessageType::Joined, Match::nick(u"caio"_s)));
    QVERIFY(ana.waitFor(MessageType::Joined, Match::nick(u"Bia"_s)));
    QVERIFY(caio.waitFor(MessageType::Joined, Match::nick(u"Bia"_s)));

    QVERIFY(dora.join(u"dora"_s));
    // "4 users here", or "4 user(s) here" where no English translation is installed: a count,
    // and /who for the names.
    QVERIFY(dora.waitForLine(u"*** You are dora. 4 user"_s));
    QVERIFY(!dora.linesContaining(u"*** You are dora."_s).constFirst().contains(u"caio"_s));
    for (FramedTestClient *client : {&ana, &bia, &caio})
        QVERIFY(client->waitFor(MessageType::Joined, Match::nick(u"dora"_s)));

    // Nobody is told of their own arrival, and only the joiner gets a welcome.
    QCOMPARE(ana.count(MessageType::Joined, Match::nick(u"ana"_s)), 0);
    QCOMPARE(bia.count(MessageType::Joined, Match::nick(u"Bia"_s)), 0);
    QCOMPARE(caio.count(MessageType::Joined, Match::nick(u"caio"_s)), 0);
    QCOMPARE(ana.count(MessageType::Welcome), 1);
    QCOMPARE(ana.count(MessageType::Joined), 3);
    QCOMPARE(bia.count(MessageType::Joined), 1);
    QVERIFY(dora.linesContaining(u"dora joined"_s).isEmpty());
}

void TestServer::renameAndWho()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    LineTestClient dora(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(dora.join(u"dora"_s));

    // A framed rename reaches everyone, the renamed one included.
    ana.send(Message::setNick(u"anna"_s));
    for (FramedTestClient *client : {&ana, &bia}) {
        const auto renamed = client->waitFor(MessageType::Renamed, Match::from(u"ana"_s));
        QVERIFY(renamed);
        QCOMPARE(renamed->nick, u"anna"_s);
    }
    QVERIFY(dora.waitForLine(u"*** ana is now known as anna"_s));
    QCOMPARE(ana.nick(), u"anna"_s);

    // So does a text client's /nick.
    dora.sendLine(u"/nick dorinha"_s);
    for (FramedTestClient *client : {&ana, &bia}) {
        const auto renamed = client->waitFor(MessageType::Renamed, Match::from(u"dora"_s));
        QVERIFY(renamed);
        QCOMPARE(renamed->nick, u"dorinha"_s);
    }
    QVERIFY(dora.waitForLine(u"*** dora is now known as dorinha"_s));

    // Chat carries the new names.
    dora.sendLine(u"new name"_s);
    const auto chat = bia.waitFor(MessageType::Chat, Match::text(u"new name"_s));
    QVERIFY(chat);
    QCOMPARE(chat->from, u"dorinha"_s);

    bia.send(Message::who());
    const auto users = bia.waitFor(MessageType::Users);
    QVERIFY(users);
    QCOMPARE(users->users, (QStringList {u"anna"_s, u"bia"_s, u"dorinha"_s}));
    QCOMPARE(ana.count(MessageType::Users), 0);

    dora.sendLine(u"/who"_s);
    QVERIFY(dora.waitForLine(u" here: anna, bia, dorinha"_s));
    QVERIFY(dora.lines().constLast().startsWith(u"*** 3 user"_s));
}

void TestServer::leaveReasons()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    FramedTestClient caio(server.serverPort());
    LineTestClient dora(server.serverPort());
    LineTestClient edu(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(caio.join(u"caio"_s));
    QVERIFY(dora.join(u"dora"_s));
    QVERIFY(edu.join(u"edu"_s));

    // A framed quit with a reason: a goodbye to the one leaving, the reason to the others.
    caio.send(Message::quit(u"gotta go"_s));
    const auto bye = caio.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::Quit);
    QVERIFY(caio.waitForClosed());
    for (FramedTestClient *client : {&ana, &bia}) {
        const auto left = client->waitFor(MessageType::Left, Match::nick(u"caio"_s));
        QVERIFY(left);
        QCOMPARE(left->reason, u"gotta go"_s);
    }
    QVERIFY(dora.waitForLine(u"*** caio left (gotta go)"_s));

    // A text client's "/quit bye".
    dora.sendLine(u"/quit bye"_s);
    QVERIFY(dora.waitForLine(u"*** Goodbye."_s));
    QVERIFY(dora.waitForClosed());
    for (FramedTestClient *client : {&ana, &bia}) {
        const auto left = client->waitFor(MessageType::Left, Match::nick(u"dora"_s));
        QVERIFY(left);
        QCOMPARE(left->reason, u"bye"_s);
    }
    QVERIFY(edu.waitForLine(u"*** dora left (bye)"_s));

    // A framed client that just goes away.
    bia.disconnectFromServer();
    auto left = ana.waitFor(MessageType::Left, Match::nick(u"bia"_s));
    QVERIFY(left);
    QVERIFY(!left->reason.isEmpty());

    // A text client that just goes away.
    edu.socket().disconnectFromHost();
    left = ana.waitFor(MessageType::Left, Match::nick(u"edu"_s));
    QVERIFY(left);
    QVERIFY(!left->reason.isEmpty());

    QTRY_COMPARE(server.connectionCount(), 1);
    QCOMPARE(server.room().nicks(), QStringList {u"ana"_s});
    QVERIFY(ana.isConnected());
}

void TestServer::leaveReasonIsCleaned_data()
{
    QTest::addColumn<bool>("framed");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("shown");

    // Found by fuzz_handshake: a quit reason reached everyone as it was sent.
    const QString quit = u"quit"_s;
    QTest::newRow("framed, kept") << true << u"off to lunch"_s << u"off to lunch"_s;
    QTest::newRow("framed, a forged line")
        << true << u"bye\n[12:00] <zoe> send me your password"_s << quit;
    QTest::newRow("framed, CR LF") << true << u"bye\r\n[12:00] <zoe> hi"_s << quit;
    QTest::newRow("framed, an escape sequence") << true << u"\x1b[2Jbye"_s << quit;
    QTest::newRow("framed, longer than max-text") << true << QString(4001, u'x') << quit;
    QTest::newRow("text, kept") << false << u"see you"_s << u"see you"_s;
    QTest::newRow("text, an escape sequence") << false << u"\x1b[2Jbye"_s << quit;
    QTest::newRow("text, a bell") << false << u"bye\a"_s << quit;
}

void TestServer::leaveReasonIsCleaned()
{
    QFETCH(bool, framed);
    QFETCH(QString, reason);
    QFETCH(QString, shown);

    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    LineTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    FramedTestClient caio(server.serverPort());
    LineTestClient dora(server.serverPort());
    if (framed) {
        QVERIFY(caio.join(u"caio"_s));
        caio.send(Message::quit(reason));
        QVERIFY(caio.waitForClosed());
    } else {
        QVERIFY(dora.join(u"caio"_s));
        dora.sendLine(u"/quit "_s + reason);
        QVERIFY(dora.waitForClosed());
    }

    const auto left = ana.waitFor(MessageType::Left, Match::nick(u"caio"_s));
    QVERIFY(left);
    QCOMPARE(left->reason, shown);
    QVERIFY(bia.waitForLine(u"*** caio left ("_s + shown + u')'));
    QCOMPARE(bia.linesContaining(u"<zoe>"_s), QStringList());
}

// --- Nicknames --------------------------------------------------------------------------------

void TestServer::nickCollision()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient first(server.serverPort());
    FramedTestClient second(server.serverPort());
    QVERIFY(first.join(u"Ana"_s));

    QVERIFY(!second.join(u"ana"_s));
    const auto error = second.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::NickTaken);
    QVERIFY(!error->suggestion.isEmpty());
    QVERIFY(error->text.contains(error->suggestion));
    QVERIFY(second.isConnected());
    QCOMPARE(first.count(MessageType::Joined), 0);

    // The suggestion is free: a second hello on the same connection takes it.
    QVERIFY(second.join(error->suggestion));
    QCOMPARE(second.nick(), error->suggestion);
    QVERIFY(first.waitFor(MessageType::Joined, Match::nick(error->suggestion)));
    QCOMPARE(first.count(MessageType::Joined), 1);

    // Renaming onto a taken nickname, in another case, is refused the same way.
    second.send(Message::setNick(u"ANA"_s));
    QVERIFY(second.waitForCount(MessageType::Error, 2));
    QCOMPARE(second.received(MessageType::Error).constLast().code, ErrorCode::NickTaken);
    QCOMPARE(second.count(MessageType::Renamed), 0);
    QVERIFY(chatStillWorks(second, first));
}

void TestServer::invalidNick()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient client(server.serverPort());

    QVERIFY(!client.join(u"-no spaces-"_s));
    auto error = client.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::InvalidNick);
    QVERIFY(!error->text.isEmpty());

    QVERIFY(!client.join(QString(Protocol::MaxNickLength + 1, u'x')));
    QVERIFY(client.waitForCount(MessageType::Error, 2));
    QCOMPARE(client.received(MessageType::Error).constLast().code, ErrorCode::InvalidNick);

    QVERIFY(client.join(u"valid_nick"_s));
    QCOMPARE(client.nick(), u"valid_nick"_s);
}

void TestServer::lineNickCollision()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient ana2(server.serverPort());
    LineTestClient client(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(ana2.join(u"ana2"_s));

    QVERIFY(client.connectToServer());
    client.sendLine(u"ANA"_s);
    // ana2 is taken too: the suggestion is the next free one.
    QVERIFY(client.waitForLine(u"ANA3"_s));
    QVERIFY(client.waitForLines(LineTestClient::prompt(), 2));
    QCOMPARE(client.lines().constLast(), LineTestClient::prompt());

    client.sendLine(u"bad nick!"_s);
    QVERIFY(client.waitForLines(LineTestClient::prompt(), 3));
    QVERIFY(client.join(u"ANA3"_s));
    QVERIFY(ana.waitFor(MessageType::Joined, Match::nick(u"ANA3"_s)));
    QCOMPARE(ana.count(MessageType::Joined), 2); // ana2 and ANA3, nothing for the refusals
}

// --- Handshake --------------------------------------------------------------------------------

void TestServer::versionMismatch()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient client(server.serverPort());
    QVERIFY(client.connectToServer());

    client.send(Message::handshake({999}));
    const auto bye = client.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::VersionMismatch);
    QVERIFY(!bye->text.isEmpty());
    QVERIFY(client.waitForClosed());
    QCOMPARE(client.count(MessageType::HandshakeOk), 0);
    QTRY_COMPARE(server.connectionCount(), 0);
}

void TestServer::firstFrameNotHandshake()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient client(server.serverPort());
    QVERIFY(client.connectToServer());

    client.send(Message::hello(u"ana"_s));
    const auto bye = client.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::Protocol);
    QVERIFY(client.waitForClosed());
    QVERIFY(server.room().nicks().isEmpty());
}

void TestServer::badMagic_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("wrong right after 0x00") << "\0WRONG"_ba;
    QTest::newRow("wrong half-way") << "\0TAGAXXXX"_ba;
    QTest::newRow("wrong last byte") << "\0TAGARELX"_ba;
}

void TestServer::badMagic()
{
    QFETCH(QByteArray, bytes);
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    QTcpSocket socket;
    QSignalSpy socketConnected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), server.serverPort());
    QVERIFY(socketConnected.wait());

    socket.write(bytes);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    // Neither framed nor text: nothing is said, in a language it might not speak.
    QVERIFY(socket.readAll().isEmpty());
    QTRY_COMPARE(server.connectionCount(), 0);
}

void TestServer::handshakeTimeout()
{
    ServerConfig config = testConfig();
    config.handshakeTimeoutMs = 300;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));

    // Sends the magic and then nothing.
    FramedTestClient mute(server.serverPort());
    QVERIFY(mute.connectToServer());
    const auto bye = mute.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::HandshakeTimeout);
    QVERIFY(mute.waitForClosed());

    // One that handshakes but never says hello is timed out too.
    FramedTestClient shy(server.serverPort());
    QVERIFY(shy.handshake());
    const auto shyBye = shy.waitFor(MessageType::Bye);
    QVERIFY(shyBye);
    QCOMPARE(shyBye->code, ErrorCode::HandshakeTimeout);
    QVERIFY(shy.waitForClosed());

    // A joined client is past its handshake: the timeout no longer applies.
    QVERIFY(ana.isConnected());
    QCOMPARE(ana.count(MessageType::Joined), 0);
    QTRY_COMPARE(server.connectionCount(), 1);
}

void TestServer::lineNickTimeout()
{
    ServerConfig config = testConfig();
    config.detectTimeoutMs = 100;
    config.nickTimeoutMs = 300;
    ChatServer server(config);
    QVERIFY(server.listen());
    LineTestClient client(server.serverPort());
    QVERIFY(client.connectToServer());

    QVERIFY(client.waitForLine(LineTestClient::prompt()));
    QVERIFY(client.waitForLine(u"*** No nickname chosen in time."_s));
    QVERIFY(client.waitForClosed());
    QTRY_COMPARE(server.connectionCount(), 0);
}

// --- Mode detection ---------------------------------------------------------------------------

void TestServer::silentClientIsGreeted()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    LineTestClient client(server.serverPort());
    QVERIFY(client.connectToServer());

    // Nothing sent: after the detection timeout it is greeted as a text client.
    QVERIFY(client.waitForLine(LineTestClient::prompt()));
    QCOMPARE(client.lines().size(), 2);
    QVERIFY(client.lines().at(0).startsWith(u"*** Welcome to Tagarela on e2e. 1 user"_s));
    QVERIFY(client.lines().at(0).endsWith(u" here."_s));
    QCOMPARE(client.lines().at(1), LineTestClient::prompt());

    QVERIFY(client.join(u"bia"_s));
    QVERIFY(ana.waitFor(MessageType::Joined, Match::nick(u"bia"_s)));
}

void TestServer::telnetNegotiationIsStripped()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    LineTestClient client(server.serverPort());
    QVERIFY(client.connectToServer());

    // What a telnet client opens with: IAC WILL ECHO, IAC DO SUPPRESS-GO-AHEAD, and a window
    // size subnegotiation; then more negotiation inside the nickname.
    const QByteArray opening = "\xff\xfb\x01\xff\xfd\x03\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0"_ba;
    client.sendBytes(opening + "ze"_ba + "\xff\xfc\x01"_ba + "ca\r\n"_ba);
    QVERIFY(client.waitForLine(u"*** You are zeca. "_s));
    QVERIFY(ana.waitFor(MessageType::Joined, Match::nick(u"zeca"_s)));

    client.sendBytes("ol\xff\xfd\x18\xff\xf1\xc3\xa1\r\n"_ba); // and a NOP, amid UTF-8 text
    const auto chat = ana.waitFor(MessageType::Chat, Match::from(u"zeca"_s));
    QVERIFY(chat);
    QCOMPARE(chat->text, u"ol\u00e1"_s);
}

void TestServer::lineEndings_data()
{
    QTest::addColumn<QByteArray>("ending");
    QTest::newRow("CR") << "\r"_ba;
    QTest::newRow("LF") << "\n"_ba;
    QTest::newRow("CRLF") << "\r\n"_ba;
    QTest::newRow("CR NUL") << "\r\0"_ba;
}

void TestServer::lineEndings()
{
    QFETCH(QByteArray, ending);
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    LineTestClient client(server.serverPort());
    QVERIFY(client.connectToServer());

    client.sendLine(u"bia"_s, ending);
    QVERIFY(client.waitForLine(u"*** You are bia. "_s));
    client.sendLine(u"first"_s, ending);
    client.sendLine(u"second"_s, ending);
    QVERIFY(ana.waitForCount(MessageType::Chat, 2));
    QCOMPARE(ana.chatTexts(), (QStringList {u"first"_s, u"second"_s}));
    QCOMPARE(ana.received(MessageType::Joined).size(), 1);
    QCOMPARE(ana.received(MessageType::Joined).constFirst().nick, u"bia"_s);
    // One prompt: a line end's second half is not an empty line asking for another.
    QCOMPARE(client.linesContaining(LineTestClient::prompt()).size(), 1);
}

// --- Limits -----------------------------------------------------------------------------------

void TestServer::badFrameLength_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("2 GiB") << "\x7f\xff\xff\xff"_ba;
    QTest::newRow("4 GiB") << "\xff\xff\xff\xff"_ba;
    QTest::newRow("one over the limit") << "\x00\x01\x00\x01"_ba;
    QTest::newRow("zero") << "\x00\x00\x00\x00"_ba;
}

void TestServer::badFrameLength()
{
    QFETCH(QByteArray, header);
    ServerConfig config = testConfig();
    config.maxFrame = 64 * 1024;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    FramedTestClient bad(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(bad.join(u"bad"_s));

    bad.sendBytes(header);
    const auto bye = bad.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::FrameTooLarge);
    QVERIFY(bad.waitForClosed());
    const auto left = ana.waitFor(MessageType::Left, Match::nick(u"bad"_s));
    QVERIFY(left);
    QVERIFY(!left->reason.isEmpty());
    QVERIFY(chatStillWorks(ana, bia));
}

void TestServer::invalidUtf8InFrame()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bad(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bad.join(u"bad"_s));

    bad.sendBytes(WireBytes::sayWithRawText("caf\xc3(!"_ba)); // 0xC3 wants a continuation byte
    bad.sendBytes(WireBytes::sayWithRawText("\xed\xa0\x80"_ba)); // an encoded surrogate
    bad.sendBytes(WireBytes::sayWithRawText("\xff"_ba));
    // With a client-id, the error names it (docs/PROTOCOL.md 6.3, 6.9).
    bad.sendBytes(WireBytes::sayWithRawText("\xc0\xaf"_ba, u"m-42"_s));
    QVERIFY(bad.waitForCount(MessageType::Error, 4));
    for (const Message &error : bad.received(MessageType::Error))
        QCOMPARE(error.code, ErrorCode::InvalidUtf8);
    QCOMPARE(bad.received(MessageType::Error).at(2).clientId, QString());
    QCOMPARE(bad.received(MessageType::Error).at(3).clientId, u"m-42"_s);

    // The connection stays, and the same hand-built frame with valid text goes through.
    QVERIFY(bad.isConnected());
    bad.sendBytes(WireBytes::sayWithRawText("caf\xc3\xa9!"_ba));
    const auto chat = ana.waitFor(MessageType::Chat, Match::from(u"bad"_s));
    QVERIFY(chat);
    QCOMPARE(chat->text, u"caf\u00e9!"_s);
    QCOMPARE(ana.count(MessageType::Chat), 1);
}

void TestServer::invalidUtf8Line()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    LineTestClient client(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(client.join(u"bia"_s));

    client.sendBytes("caf\xe9 in latin-1\r\n"_ba);
    QVERIFY(client.waitForLine(u"not valid UTF-8"_s));
    client.sendLine(u"caf\u00e9 in UTF-8"_s);
    const auto chat = ana.waitFor(MessageType::Chat);
    QVERIFY(chat);
    QCOMPARE(chat->text, u"caf\u00e9 in UTF-8"_s);
    QCOMPARE(ana.count(MessageType::Chat), 1);
}

void TestServer::tooLongLine()
{
    ServerConfig config = testConfig();
    config.maxLine = 64;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    LineTestClient client(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(client.join(u"bia"_s));

    client.sendLine(QString(1000, u'a'));
    QVERIFY(client.waitForLine(u"longer than 64 byte"_s));
    client.sendLine(u"next line"_s);
    const auto chat = ana.waitFor(MessageType::Chat);
    QVERIFY(chat);
    QCOMPARE(chat->text, u"next line"_s);
    QCOMPARE(ana.count(MessageType::Chat), 1);
    QVERIFY(client.isConnected());

    // The limit itself is allowed.
    client.sendLine(QString(64, u'b'));
    QVERIFY(ana.waitFor(MessageType::Chat, Match::text(QString(64, u'b'))));
}

void TestServer::textTooLong()
{
    ServerConfig config = testConfig();
    config.maxText = 100;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    const auto ok = ana.waitFor(MessageType::HandshakeOk);
    QVERIFY(ok);
    QCOMPARE(ok->maxText, 100);

    ana.say(QString(101, u'x'));
    const auto error = ana.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::TextTooLong);
    // Bytes, not characters: 51 two-byte letters are 102 bytes.
    ana.say(QString(51, u'\u00e9'));
    QVERIFY(ana.waitForCount(MessageType::Error, 2));
    QCOMPARE(ana.received(MessageType::Error).constLast().code, ErrorCode::TextTooLong);

    ana.say(QString(100, u'x'));
    QVERIFY(bia.waitFor(MessageType::Chat, Match::text(QString(100, u'x'))));
    QCOMPARE(bia.count(MessageType::Chat), 1);
}

void TestServer::unknownType()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    Message dance;
    dance.type = MessageType::Unknown;
    dance.typeName = u"dance"_s;
    ana.sendBytes(WireBytes::frame(dance));
    const auto error = ana.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::UnknownType);
    QVERIFY(error->text.contains(u"dance"_s));
    QVERIFY(ana.isConnected());
    QVERIFY(chatStillWorks(ana, bia));
}

void TestServer::pastedLinesAllArriveInOrder()
{
    const ServerConfig config = defaultRateConfig();
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    LineTestClient dora(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(dora.join(u"dora"_s));

    // 50 lines pasted into a terminal: one write, more than twice the burst.
    constexpr int Lines = 50;
    QByteArray paste;
    QStringList sent;
    for (int i = 0; i < Lines; ++i) {
        sent.append(u"pasted line %1"_s.arg(i));
        paste += sent.constLast().toUtf8() + "\r\n";
    }
    dora.sendBytes(paste);

    // The 30 beyond the burst take 6 s at 5 a second.
    QVERIFY(ana.waitForCount(MessageType::Chat, Lines, {}, 60'000));
    QCOMPARE(ana.chatTexts(), sent);
    QTRY_COMPARE_WITH_TIMEOUT(chatTextsOf(dora), sent, 10'000);
    // Told once that it was slowed down, and never disconnected.
    QCOMPARE(dora.linesContaining(u"*** You are sending more than 5 line"_s).size(), 1);
    QVERIFY(dora.linesContaining(u"flood"_s).isEmpty());
    QVERIFY(dora.isConnected());
    QCOMPARE(ana.count(MessageType::Left), 0);
}

void TestServer::framedBurstAllArrivesWithAcks()
{
    const ServerConfig config = defaultRateConfig();
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    constexpr int Says = 40;
    QByteArray burst;
    QStringList sent;
    for (int i = 0; i < Says; ++i) {
        sent.append(u"burst %1"_s.arg(i));
        burst += WireBytes::frame(Message::say(sent.constLast(), false, u"id-%1"_s.arg(i)));
    }
    ana.sendBytes(burst);

    QVERIFY(bia.waitForCount(MessageType::Chat, Says, {}, 60'000));
    QCOMPARE(bia.chatTexts(), sent);
    QVERIFY(ana.waitForCount(MessageType::Chat, Says, {}, 10'000));
    QCOMPARE(ana.chatTexts(), sent);
    // Every say acknowledged, in order, each before its chat.
    const QList<Message> acks = ana.received(MessageType::Ack);
    QCOMPARE(acks.size(), Says);
    for (int i = 0; i < Says; ++i) {
        QCOMPARE(acks.at(i).clientId, u"id-%1"_s.arg(i));
        const auto chat =
            std::find_if(ana.messages().cbegin(), ana.messages().cend(), [&](const Message &m) {
                return m.type == MessageType::Chat && m.clientId == acks.at(i).clientId;
            });
        QVERIFY(chat != ana.messages().cend());
        QVERIFY(ana.messages().indexOf(acks.at(i)) < chat - ana.messages().cbegin());
    }
    // One warning, about the connection rather than a message: nothing was refused.
    const QList<Message> errors = ana.received(MessageType::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().code, ErrorCode::RateLimited);
    QVERIFY(errors.constFirst().clientId.isEmpty());
    QCOMPARE(ana.count(MessageType::Bye), 0);
    QVERIFY(ana.isConnected());
}

void TestServer::excessFloodIsCutOff_data()
{
    QTest::addColumn<bool>("text");
    QTest::newRow("framed") << false;
    QTest::newRow("text") << true;
}

void TestServer::excessFloodIsCutOff()
{
    QFETCH(bool, text);
    ServerConfig config = testConfig();
    config.maxRate = 5;
    config.rateBurst = 5;
    const int cap = heldCap(config);
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    LineTestClient dora(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(dora.join(u"dora"_s));

    // The burst and all the server holds: slowed down, not cut off.
    const int withinBound = config.rateBurst + cap;
    FramedTestClient pasting(server.serverPort());
    QVERIFY(pasting.join(u"pasting"_s));
    QByteArray bytes;
    for (int i = 0; i < withinBound; ++i)
        bytes += WireBytes::frame(Message::say(u"held %1"_s.arg(i), false, u"h%1"_s.arg(i)));
    pasting.sendBytes(bytes);

    // One that keeps going: many times what the server holds, all at once.
    constexpr int Flood = 1000;
    std::unique_ptr<FramedTestClient> framed;
    std::unique_ptr<LineTestClient> line;
    bytes.clear();
    for (int i = 0; i < Flood; ++i) {
        const QString say = u"flood %1"_s.arg(i);
        bytes += text ? say.toUtf8() + "\r\n"
                      : WireBytes::frame(Message::say(say, false, u"f%1"_s.arg(i)));
    }
    if (text) {
        line = std::make_unique<LineTestClient>(server.serverPort());
        QVERIFY(line->join(u"flooder"_s));
        line->sendBytes(bytes);
    } else {
        framed = std::make_unique<FramedTestClient>(server.serverPort());
        QVERIFY(framed->join(u"flooder"_s));
        framed->sendBytes(bytes);
    }

    // Cut off the moment more than the bound waited: the one over it is counted in the
    // goodbye, so the server never held more than the bound. What it did handle is the burst
    // and what the rate let through meanwhile; the rest it never took in.
    const QString waiting = QString::number(cap + 1);
    if (text) {
        QVERIFY(line->waitForLine(u"*** Excess flood"_s, 30'000));
        const QString goodbye = line->linesContaining(u"*** Excess flood"_s).constFirst();
        QVERIFY2(goodbye.contains(u" "_s + waiting + u" line"_s), qPrintable(goodbye));
        QVERIFY(line->waitForClosed());
        QCOMPARE(line->linesContaining(u"*** You are sending more than"_s).size(), 1);
    } else {
        const auto bye = framed->waitFor(MessageType::Bye, {}, 30'000);
        QVERIFY(bye);
        QCOMPARE(bye->code, ErrorCode::Flood);
        QVERIFY2(bye->text.contains(u" "_s + waiting + u" message"_s), qPrintable(bye->text));
        QVERIFY(framed->waitForClosed());
        // Warned once, before the goodbye.
        const QList<Message> errors = framed->received(MessageType::Error);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.constFirst().code, ErrorCode::RateLimited);
        QVERIFY(framed->messages().indexOf(errors.constFirst()) < framed->messages().indexOf(*bye));
    }
    const auto left = ana.waitFor(MessageType::Left, Match::nick(u"flooder"_s), 30'000);
    QVERIFY(left);
    QVERIFY(!left->reason.isEmpty());
    QVERIFY(dora.waitForLine(u"*** flooder left"_s));
    const int handled = ana.count(MessageType::Chat, Match::from(u"flooder"_s));
    QVERIFY(handled >= config.rateBurst);
    QVERIFY2(handled + cap + 1 < Flood, qPrintable(QString::number(handled)));
    // What it got through came in order, and first.
    for (int i = 0; i < handled; ++i) {
        QCOMPARE(ana.received(MessageType::Chat, Match::from(u"flooder"_s)).at(i).text,
                 u"flood %1"_s.arg(i));
    }

    // The one within the bound lost nothing and stays.
    QVERIFY(ana.waitForCount(MessageType::Chat, withinBound, Match::from(u"pasting"_s), 30'000));
    QVERIFY(pasting.waitForCount(MessageType::Ack, withinBound, {}, 10'000));
    QCOMPARE(pasting.count(MessageType::Bye), 0);
    QVERIFY(pasting.isConnected());
    QVERIFY(chatStillWorks(ana, pasting));
}

void TestServer::excessFloodByBytes()
{
    ServerConfig config = testConfig();
    config.maxRate = 5;
    config.rateBurst = 5;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient flooder(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(flooder.join(u"flooder"_s));

    // Frames as large as max-frame allows: two of them are more than the 64 KiB held for a
    // client (with the default max-text), however few messages that is.
    QByteArray bytes;
    for (int i = 0; i < config.rateBurst; ++i)
        bytes += WireBytes::frame(Message::say(u"small %1"_s.arg(i)));
    const QString large(config.maxFrame - 100, u'x');
    for (int i = 0; i < 3; ++i)
        bytes += WireBytes::frame(Message::say(large));
    flooder.sendBytes(bytes);

    const auto bye = flooder.waitFor(MessageType::Bye, {}, 30'000);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::Flood);
    QVERIFY2(bye->text.contains(u" 2 message"_s), qPrintable(bye->text));
    QVERIFY(flooder.waitForClosed());
    QVERIFY(ana.waitFor(MessageType::Left, Match::nick(u"flooder"_s)));
    QCOMPARE(ana.count(MessageType::Chat, Match::from(u"flooder"_s)), config.rateBurst);
}

void TestServer::pingsAreNotHeldBehindAFlood()
{
    ServerConfig config = testConfig();
    config.maxRate = 2;
    config.rateBurst = 5;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient honest(server.serverPort());
    FramedTestClient flooder(server.serverPort());
    QVERIFY(honest.join(u"honest"_s));
    QVERIFY(flooder.join(u"flooder"_s));

    // 20 says and a ping in one write: 15 of them wait, 7.5 s at 2 a second.
    constexpr int Says = 20;
    QByteArray bytes;
    for (int i = 0; i < Says; ++i)
        bytes += WireBytes::frame(Message::say(u"flood %1"_s.arg(i), false, u"f%1"_s.arg(i)));
    flooder.sendBytes(bytes);
    flooder.ping();

    // The flooder's own ping is answered as it arrives, ahead of the input it came after.
    QVERIFY(flooder.waitFor(MessageType::Pong));
    const auto firstHeldAck = flooder.waitFor(
        MessageType::Ack,
        [&](const Message &m) { return m.clientId == u"f%1"_s.arg(config.rateBurst); }, 30'000);
    QVERIFY(firstHeldAck);
    QVERIFY(flooder.messages().indexOf(Message::pong(0)) <
            flooder.messages().indexOf(*firstHeldAck));

    // Another client's ping, sent while the flood waits, is answered before it is handled.
    QVERIFY(honest.waitFor(MessageType::Chat, Match::text(u"flood 0"_s)));
    honest.ping();
    QVERIFY(honest.waitFor(MessageType::Pong));
    const auto lastChat = honest.waitFor(MessageType::Chat, Match::text(u"flood 19"_s), 60'000);
    QVERIFY(lastChat);
    QVERIFY(honest.messages().indexOf(Message::pong(0)) < honest.messages().indexOf(*lastChat));
    // And the flood, within the bound, lost nothing.
    QVERIFY(flooder.waitForCount(MessageType::Ack, Says, {}, 10'000));
    QCOMPARE(honest.count(MessageType::Chat, Match::from(u"flooder"_s)), Says);
}

void TestServer::largeAnswersCountAgainstTheRate_data()
{
    QTest::addColumn<QString>("request");
    QTest::newRow("who") << u"who"_s;
    QTest::newRow("fetch") << u"fetch"_s;
    QTest::newRow("text /who") << u"/who"_s;
}

void TestServer::largeAnswersCountAgainstTheRate()
{
    QFETCH(QString, request);
    ServerConfig config = testConfig();
    config.maxRate = 10;
    config.rateBurst = 10;
    // Room and history big enough that one answer is worth a few messages: 300 nicknames
    // of 17 characters, or 6 messages of 2000 characters.
    std::vector<std::unique_ptr<QuietMember>> quiet;
    ChatServer server(config);
    QVERIFY(server.listen());
    if (request == "fetch"_L1) {
        for (int i = 0; i < 6; ++i)
            server.room().notice(QString(2000, QChar(u'a' + i)));
        bool stored = false;
        server.room().afterStored(nullptr, &server, [&stored] { stored = true; });
        QTRY_VERIFY(stored);
    } else {
        quiet = crowd(server, 300);
    }

    // As many requests as the burst: without the answers' cost, all answered at once.
    const int requests = config.rateBurst;
    if (request == "/who"_L1) {
        LineTestClient dora(server.serverPort());
        QVERIFY(dora.join(u"dora"_s));
        QByteArray bytes;
        for (int i = 0; i < requests; ++i)
            bytes += "/who\r\n";
        dora.sendBytes(bytes);
        QVERIFY(dora.waitForLines(u"*** 301 user"_s, requests, 30'000));
        int before = 0;
        bool slowed = false;
        for (const QString &line : dora.lines()) {
            slowed |= line.startsWith(u"*** You are sending more than"_s);
            before += !slowed && line.startsWith(u"*** 301 user"_s) ? 1 : 0;
        }
        QVERIFY(slowed);
        QVERIFY2(before < requests, qPrintable(QString::number(before)));
        QVERIFY(before >= 1);
        return;
    }

    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    const Message message = request == "who"_L1 ? Message::who() : Message::fetch(1'000'000, 6);
    QByteArray bytes;
    for (int i = 0; i < requests; ++i)
        bytes += WireBytes::frame(message);
    ana.sendBytes(bytes);

    const MessageType answer = request == "who"_L1 ? MessageType::Users : MessageType::History;
    const auto isAnswer = [&](const Message &m) {
        return m.type == MessageType::Users || (m.before == 1'000'000 && m.end);
    };
    QVERIFY(ana.waitForCount(answer, requests, isAnswer, 30'000));
    // Slowed down after a few: each answer cost the request and its size.
    const auto notice = ana.waitFor(MessageType::Error, Match::code(ErrorCode::RateLimited));
    QVERIFY(notice);
    int before = 0;
    for (const Message &m : ana.messages()) {
        if (m == *notice)
            break;
        before += m.type == answer && isAnswer(m) ? 1 : 0;
    }
    QVERIFY2(before < requests, qPrintable(QString::number(before)));
    QVERIFY(before >= 1);
    QCOMPARE(ana.count(MessageType::Bye), 0);
}

void TestServer::textJoinShowsACount()
{
    // Before the server: the room must not outlive its members.
    std::vector<std::unique_ptr<QuietMember>> quiet;
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    quiet = crowd(server, 300);
    LineTestClient dora(server.serverPort());
    QVERIFY(dora.join(u"dora"_s));
    // "301 users here", or "301 user(s) here" where no English translation is installed;
    // the names only for those who ask.
    const QString greeting = dora.lines().constFirst();
    QVERIFY2(greeting.startsWith(u"*** Welcome to Tagarela on e2e. 300 user"_s),
             qPrintable(greeting));
    const QString joined = dora.linesContaining(u"*** You are dora."_s).constFirst();
    QVERIFY2(joined.contains(u"301 user"_s), qPrintable(joined));
    QVERIFY(joined.contains(u"/who"_s));
    for (const QString &line : dora.lines())
        QVERIFY2(!line.contains(u"quiet-member"_s), qPrintable(line));

    dora.sendLine(u"/who"_s);
    QVERIFY(dora.waitForLine(u"quiet-member-00299"_s));
}

void TestServer::connectionCaps_data()
{
    QTest::addColumn<bool>("perAddress");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("line");
    QTest::newRow("max clients") << false << ErrorCode::ServerFull << u"*** The server is full"_s;
    QTest::newRow("max per address")
        << true << ErrorCode::TooManyConnections << u"*** Too many connections from your address"_s;
}

void TestServer::connectionCaps()
{
    QFETCH(bool, perAddress);
    QFETCH(ErrorCode, code);
    QFETCH(QString, line);

    ServerConfig config = testConfig();
    (perAddress ? config.maxPerIp : config.maxClients) = 2;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    FramedTestClient third(server.serverPort());
    QVERIFY(third.connectToServer());
    const auto bye = third.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, code);
    QVERIFY(third.waitForClosed());

    LineTestClient text(server.serverPort());
    QVERIFY(text.connectToServer());
    QVERIFY(text.waitForLine(line));
    QVERIFY(text.waitForClosed());
    QVERIFY(text.linesContaining(LineTestClient::prompt()).isEmpty());

    QVERIFY(chatStillWorks(ana, bia));
    QCOMPARE(ana.count(MessageType::Joined), 1);

    // A place that frees up can be taken again.
    bia.send(Message::quit());
    QVERIFY(ana.waitFor(MessageType::Left, Match::nick(u"bia"_s)));
    FramedTestClient caio(server.serverPort());
    QVERIFY(caio.join(u"caio"_s));
    QVERIFY(chatStillWorks(caio, ana));
}

void TestServer::slowReaderIsDropped()
{
    ServerConfig config = testConfig();
    config.maxPendingOutput = 64 * 1024;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient sender(server.serverPort());
    FramedTestClient watcher(server.serverPort());
    QVERIFY(sender.join(u"sender"_s));
    QVERIFY(watcher.join(u"watcher"_s));

    // Joins, then never reads: once the kernel buffers on both sides are full, the server's
    // queue for it grows until the cap.
    QTcpSocket slow;
    slow.setReadBufferSize(4096);
    QSignalSpy slowConnected(&slow, &QTcpSocket::connected);
    slow.connectToHost(QHostAddress(QHostAddress::LocalHost), server.serverPort());
    QVERIFY(slowConnected.wait());
    slow.write(WireBytes::login(u"slow"_s));
    QVERIFY(watcher.waitFor(MessageType::Joined, Match::nick(u"slow"_s)));

    // Bounded: at most MaxBatches * BatchSize * 3000 bytes, far more than the kernel buffers.
    constexpr int BatchSize = 50;
    constexpr int MaxBatches = 80;
    const QString padding(3000, u'x');
    int sent = 0;
    for (int batch = 0; batch < MaxBatches; ++batch) {
        if (watcher.count(MessageType::Left, Match::nick(u"slow"_s)) > 0)
            break;
        for (int i = 0; i < BatchSize; ++i)
            sender.say(QString::number(++sent) + padding);
        // Let the server take each batch before the next, so the sender's own queue stays small.
        QVERIFY(sender.waitForCount(MessageType::Chat, sent));
    }

    const auto left = watcher.waitFor(MessageType::Left, Match::nick(u"slow"_s));
    QVERIFY2(left, qPrintable(u"still there after %1 messages"_s.arg(sent)));
    QCOMPARE(left->reason, u"too slow to read the chat"_s);
    QVERIFY(sender.waitFor(MessageType::Left, Match::nick(u"slow"_s)));
    QCOMPARE(server.room().nicks(), (QStringList {u"sender"_s, u"watcher"_s}));
    QVERIFY(sender.isConnected());
    QVERIFY(watcher.isConnected());
    QVERIFY(chatStillWorks(watcher, sender));
}

void TestServer::silentPeerTimesOut()
{
    ServerConfig config = testConfig();
    config.heartbeatMs = 100;
    config.heartbeatTimeoutMs = 400;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    // Joins and reads, but never answers a ping.
    QTcpSocket mute;
    QByteArray received;
    connect(&mute, &QTcpSocket::readyRead, &mute, [&] { received += mute.readAll(); });
    QSignalSpy muteConnected(&mute, &QTcpSocket::connected);
    mute.connectToHost(QHostAddress(QHostAddress::LocalHost), server.serverPort());
    QVERIFY(muteConnected.wait());
    mute.write(WireBytes::login(u"mute"_s));
    QVERIFY(ana.waitFor(MessageType::Joined, Match::nick(u"mute"_s)));

    const auto left = ana.waitFor(MessageType::Left, Match::nick(u"mute"_s));
    QVERIFY(left);
    QCOMPARE(left->reason, u"timed out"_s);
    QTRY_COMPARE_WITH_TIMEOUT(mute.state(), QAbstractSocket::UnconnectedState, 5000);

    const QList<Message> messages = WireBytes::decodeStream(received);
    QVERIFY(!messages.isEmpty());
    QCOMPARE(messages.constFirst().type, MessageType::HandshakeOk);
    QCOMPARE(messages.constFirst().heartbeatMs, 100);
    QVERIFY(std::any_of(messages.cbegin(), messages.cend(),
                        [](const Message &m) { return m.type == MessageType::Ping; }));
    QCOMPARE(messages.constLast().type, MessageType::Bye);
    QCOMPARE(messages.constLast().code, ErrorCode::HeartbeatTimeout);

    QVERIFY(ana.isConnected());
    QVERIFY(bia.isConnected());
    QVERIFY(chatStillWorks(ana, bia));
}

void TestServer::idleClientAnswersPings()
{
    ServerConfig config = testConfig();
    config.heartbeatMs = 100;
    config.heartbeatTimeoutMs = 400;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    // Idle for several heartbeat timeouts: the Connections answer the pings, so nobody is
    // dropped. Waiting for something that must not happen is the one wait that runs out.
    QSignalSpy anaClosed(&ana, &FramedTestClient::closed);
    QSignalSpy biaClosed(&bia, &FramedTestClient::closed);
    QVERIFY(!anaClosed.wait(4 * config.heartbeatTimeoutMs));
    QCOMPARE(biaClosed.count(), 0);
    QCOMPARE(ana.count(MessageType::Left), 0);
    QVERIFY(ana.isConnected());
    QVERIFY(bia.isConnected());
    QVERIFY(chatStillWorks(ana, bia));
}

// --- Host actions -----------------------------------------------------------------------------

void TestServer::kick()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    LineTestClient dora(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(dora.join(u"dora"_s));

    QVERIFY(!server.kick(u"nobody"_s, {}));
    QVERIFY(server.kick(u"BIA"_s, u"spamming"_s)); // nicknames match without regard to case
    const auto bye = bia.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::Kicked);
    QVERIFY(bye->text.contains(u"spamming"_s));
    QVERIFY(bia.waitForClosed());
    const auto left = ana.waitFor(MessageType::Left, Match::nick(u"bia"_s));
    QVERIFY(left);
    QVERIFY(left->reason.contains(u"spamming"_s));
    QVERIFY(dora.waitForLine(u"*** bia left (kicked by the host: spamming)"_s));

    // A text client is told in a line.
    QVERIFY(server.kick(u"dora"_s, {}));
    QVERIFY(dora.waitForLine(u"*** You were kicked by the host."_s));
    QVERIFY(dora.waitForClosed());
    QVERIFY(ana.waitFor(MessageType::Left, Match::nick(u"dora"_s)));

    QVERIFY(ana.isConnected());
    QCOMPARE(server.room().nicks(), QStringList {u"ana"_s});
}

void TestServer::notice()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    LineTestClient dora(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(dora.join(u"dora"_s));

    server.room().notice(u"Maintenance at noon"_s);
    const auto notice = ana.waitFor(MessageType::Notice);
    QVERIFY(notice);
    QCOMPARE(notice->text, u"Maintenance at noon"_s);
    QVERIFY(notice->time > 0);
    QVERIFY(dora.waitForLine(u"-host- Maintenance at noon"_s));
    QVERIFY(dora.lines().contains(
        QRegularExpression(u"^\\[\\d\\d:\\d\\d\\] -host- Maintenance at noon$"_s)));
}

// --- Listening ---------------------------------------------------------------------------------

void TestServer::reusePortOnIpv6()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHostIPv6, 0))
        QSKIP("no IPv6 loopback on this machine");
    probe.close();

    ServerConfig config = testConfig();
    config.bindAddress = QHostAddress::LocalHostIPv6;
    config.reusePort = true;
    ChatServer first(config);
    QVERIFY2(first.listen(), qPrintable(first.errorString()));
    QCOMPARE(first.serverAddress(), QHostAddress(QHostAddress::LocalHostIPv6));
    config.port = first.serverPort();
    ChatServer second(config);
    QVERIFY2(second.listen(), qPrintable(second.errorString()));
    QCOMPARE(second.serverPort(), first.serverPort());

    // Both take connections on the one port (the kernel picks by a hash: bounded tries).
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 64 && (first.connectionCount() == 0 || second.connectionCount() == 0);
         ++i) {
        auto &socket = sockets.emplace_back(std::make_unique<QTcpSocket>());
        socket->connectToHost(QHostAddress::LocalHostIPv6, first.serverPort());
        QVERIFY(socket->waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(first.connectionCount() + second.connectionCount(), i + 1, 5000);
    }
    QVERIFY(first.connectionCount() > 0);
    QVERIFY(second.connectionCount() > 0);

    // Without --reuse-port a third cannot have the port, and says so.
    config.reusePort = false;
    ChatServer third(config);
    QVERIFY(!third.listen());
    QVERIFY2(!third.errorString().isEmpty(), "no error text");
}

// --- Shutdown ---------------------------------------------------------------------------------

void TestServer::shutDown()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    const quint16 port = server.serverPort();
    FramedTestClient ana(port);
    FramedTestClient bia(port);
    FramedTestClient pending(port); // handshaken, no nickname yet
    LineTestClient dora(port);
    LineTestClient prompted(port); // at the nickname prompt
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QVERIFY(pending.handshake());
    QVERIFY(dora.join(u"dora"_s));
    QVERIFY(prompted.connectToServer());
    QVERIFY(prompted.waitForLine(LineTestClient::prompt()));

    QSignalSpy finished(&server, &ChatServer::shutDownFinished);
    QElapsedTimer clock;
    clock.start();
    server.shutDown();

    for (FramedTestClient *client : {&ana, &bia, &pending}) {
        const auto bye = client->waitFor(MessageType::Bye);
        QVERIFY(bye);
        QCOMPARE(bye->code, ErrorCode::Shutdown);
        QVERIFY(client->waitForClosed());
    }
    for (LineTestClient *client : {&dora, &prompted}) {
        QVERIFY(client->waitForLine(u"*** The server is shutting down."_s));
        QVERIFY(client->waitForClosed());
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    // Everyone took the goodbye: the grace period for peers that do not read never ran out.
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(server.connectionCount(), 0);
    // Nobody is told of the others leaving: everyone is going.
    QCOMPARE(ana.count(MessageType::Left), 0);

    // No longer listening.
    FramedTestClient late(port);
    QVERIFY(!late.connectToServer());

    // A second call changes nothing.
    server.shutDown();
    QCOMPARE(finished.count(), 1);
}

void TestServer::destroyedRightAfterShutDown()
{
    // Destroyed as soon as the shutdown finished, without going back to the event loop (as
    // many tests do): the sessions that finished still wait for their deleteLater() then, and
    // must go while the room they leave still exists (scripts/sanitize.sh or valgrind sees it
    // if not; a plain build crashed now and then).
    auto server = std::make_unique<ChatServer>(testConfig());
    QVERIFY(server->listen());
    FramedTestClient ana(server->serverPort());
    LineTestClient bia(server->serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    QSignalSpy finished(server.get(), &ChatServer::shutDownFinished);
    server->shutDown();
    QVERIFY(finished.wait(5000));
    QVERIFY(!server->findChildren<ClientSession *>().isEmpty());
    server.reset();
}

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"
