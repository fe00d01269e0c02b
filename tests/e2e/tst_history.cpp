// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Nothing lost, in-process: sequence numbers, acks, dedupe, history, paging, resume, and what
// happens when the history cannot be written. Real sockets on 127.0.0.1.

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "chatserver.h"
#include "framedecoder.h"
#include "framedtestclient.h"
#include "linetestclient.h"
#include "messagecodec.h"
#include "serverconfig.h"
#include "testprinters.h"
#include "testserverconfig.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

ServerConfig testConfig()
{
    return Testing::serverConfig(u"history"_s);
}

Match::Predicate clientId(const QString &id)
{
    return [id](const Message &m) {
        return m.clientId == id;
    };
}

// Every message of every history frame received, in order.
QList<Message> historyOf(const FramedTestClient &client)
{
    QList<Message> messages;
    const QList<Message> frames = client.received(MessageType::History);
    for (const Message &frame : frames)
        messages += frame.messages;
    return messages;
}

QStringList textsOf(const QList<Message> &messages)
{
    QStringList texts;
    for (const Message &message : messages)
        texts.append(message.text);
    return texts;
}

QStringList numbered(int first, int last)
{
    QStringList texts;
    for (int i = first; i <= last; ++i)
        texts.append(u"m%1"_s.arg(i));
    return texts;
}

} // namespace

class TestHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void handshakeAnnouncesHistoryAndRate();
    void groupCommit();
    void ackBeforeChat();
    void repeatedClientIdIsNotRepeated();
    void errorsCarryClientId();
    void invalidClientId();
    void historyOnJoin();
    void historyOnJoinInFrames();
    void textHistoryOnJoin();
    void fetchPages();
    void retentionLimit();
    void resumeCatchesUp();
    void resumeCatchUpCap();
    void nickHeldDuringGrace();
    void quitDoesNotHoldNick();
    void droppedTextClientNickIsNotHeld();
    void replacedWhenOldConnectionOpen();
    void graceExpiryFreesNick();
    void notStoredWhenDataDirUnusable();
    void sqliteHistoryAcrossServers();

private:
    // Says texts m<first>..m<last> from \a from and waits until \a watcher has them all.
    void sayNumbered(FramedTestClient &from, FramedTestClient &watcher, int first, int last);
};

void TestHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHistory::sayNumbered(FramedTestClient &from, FramedTestClient &watcher, int first,
                              int last)
{
    const int before = watcher.count(MessageType::Chat);
    for (int i = first; i <= last; ++i)
        from.say(u"m%1"_s.arg(i));
    QVERIFY(watcher.waitForCount(MessageType::Chat, before + last - first + 1));
}

void TestHistory::handshakeAnnouncesHistoryAndRate()
{
    ServerConfig config = testConfig();
    config.maxRate = 4;
    config.rateBurst = 7;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.handshake());
    const Message ok = ana.received(MessageType::HandshakeOk).constFirst();
    QCOMPARE(ok.historyId, server.room().historyId());
    QCOMPARE(ok.historyId.size(), 32);
    QCOMPARE(ok.rateMs, 250);
    QCOMPARE(ok.rateBurst, 7);

    ChatServer unlimited(testConfig());
    QVERIFY(unlimited.listen());
    FramedTestClient bia(unlimited.serverPort());
    QVERIFY(bia.handshake());
    const Message open = bia.received(MessageType::HandshakeOk).constFirst();
    QCOMPARE(open.rateMs, 0);
    QCOMPARE(open.rateBurst, 0);
    QVERIFY(open.historyId != ok.historyId);
}

void TestHistory::groupCommit()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    // Five says in one write arrive in one read, hence one event-loop turn: one transaction.
    QByteArray burst;
    for (int i = 1; i <= 5; ++i)
        burst += FrameDecoder::encode(MessageCodec::encode(Message::say(u"m%1"_s.arg(i))));
    const int commits = server.room().commitCount();
    ana.sendBytes(burst);
    QVERIFY(bia.waitForCount(MessageType::Chat, 5));
    QCOMPARE(server.room().commitCount(), commits + 1);

    const QList<Message> chats = bia.received(MessageType::Chat);
    QCOMPARE(textsOf(chats), numbered(1, 5));
    for (qsizetype i = 1; i < chats.size(); ++i)
        QCOMPARE(chats.at(i).seq, chats.at(i - 1).seq + 1);
    QVERIFY(chats.front().seq >= 1);
    QVERIFY(ana.waitForCount(MessageType::Chat, 5));
    QCOMPARE(ana.received(MessageType::Chat), chats);
}

void TestHistory::ackBeforeChat()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    ana.say(u"hello"_s, u"id-1"_s);
    QVERIFY(ana.waitFor(MessageType::Chat, clientId(u"id-1"_s)));
    const QList<Message> &seen = ana.messages();
    const qsizetype chatAt = seen.size() - 1;
    QCOMPARE(seen.at(chatAt).type, MessageType::Chat);
    const Message ack = seen.at(chatAt - 1);
    QCOMPARE(ack.type, MessageType::Ack);
    QCOMPARE(ack.clientId, u"id-1"_s);
    QCOMPARE(ack.seq, seen.at(chatAt).seq);
    QCOMPARE(ack.time, seen.at(chatAt).time);
    QVERIFY(ack.seq >= 1);

    const auto chat = bia.waitFor(MessageType::Chat);
    QVERIFY(chat);
    QCOMPARE(chat->clientId, u"id-1"_s);
    QCOMPARE(chat->seq, ack.seq);
    QCOMPARE(bia.count(MessageType::Ack), 0);

    // Without an id: a chat, no ack.
    ana.say(u"plain"_s);
    QVERIFY(ana.waitFor(MessageType::Chat, Match::text(u"plain"_s)));
    QCOMPARE(ana.count(MessageType::Ack), 1);
}

void TestHistory::repeatedClientIdIsNotRepeated()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    Message first;
    {
        FramedTestClient ana(server.serverPort());
        QVERIFY(ana.join(u"ana"_s));
        ana.say(u"once"_s, u"dup-1"_s);
        const auto ack = ana.waitFor(MessageType::Ack);
        QVERIFY(ack);
        first = *ack;
        ana.disconnectFromServer();
    }
    QVERIFY(bia.waitFor(MessageType::Left));

    // Sent again after a reconnect, under another nickname: acknowledged as it was.
    FramedTestClient again(server.serverPort());
    QVERIFY(again.join(u"ana_back"_s));
    QCOMPARE(textsOf(historyOf(again)), QStringList {u"once"_s});
    QCOMPARE(historyOf(again).front().clientId, u"dup-1"_s);
    again.say(u"once"_s, u"dup-1"_s);
    const auto ack = again.waitFor(MessageType::Ack);
    QVERIFY(ack);
    QCOMPARE(*ack, first);

    // Twice in one write: stored once, acknowledged twice.
    const QByteArray frame =
        FrameDecoder::encode(MessageCodec::encode(Message::say(u"twice"_s, false, u"dup-2"_s)));
    again.sendBytes(frame + frame);
    QVERIFY(again.waitForCount(MessageType::Ack, 3));
    const QList<Message> acks = again.received(MessageType::Ack);
    QCOMPARE(acks.at(1), acks.at(2));
    QVERIFY(acks.at(1).seq > first.seq);

    again.say(u"marker"_s);
    QVERIFY(bia.waitFor(MessageType::Chat, Match::text(u"marker"_s)));
    QCOMPARE(textsOf(bia.received(MessageType::Chat)),
             (QStringList {u"once"_s, u"twice"_s, u"marker"_s}));
    QCOMPARE(again.count(MessageType::Chat, Match::text(u"once"_s)), 0);
}

void TestHistory::errorsCarryClientId()
{
    ServerConfig config = testConfig();
    config.maxText = 16;
    config.maxFrame = 1024;
    config.maxRate = 1;
    config.rateBurst = 2;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));

    ana.say(u"   "_s, u"blank"_s);
    const auto invalid = ana.waitFor(MessageType::Error, clientId(u"blank"_s));
    QVERIFY(invalid);
    QCOMPARE(invalid->code, ErrorCode::InvalidText);

    ana.say(u"far more than sixteen bytes"_s, u"long"_s);
    const auto tooLong = ana.waitFor(MessageType::Error, clientId(u"long"_s));
    QVERIFY(tooLong);
    QCOMPARE(tooLong->code, ErrorCode::TextTooLong);

    // The burst is used up by now: the next say waits for its turn. The warning is about the
    // connection, not that say, which is acknowledged once its turn comes.
    ana.say(u"fast"_s, u"fast"_s);
    const auto limited = ana.waitFor(MessageType::Error, Match::code(ErrorCode::RateLimited));
    QVERIFY(limited);
    QVERIFY(limited->clientId.isEmpty());
    QCOMPARE(ana.count(MessageType::Ack), 0);
    const auto ack = ana.waitFor(MessageType::Ack, clientId(u"fast"_s));
    QVERIFY(ack);
    QCOMPARE(ana.chatTexts(), QStringList {u"fast"_s});
    QCOMPARE(ana.count(MessageType::Error), 3);
}

void TestHistory::invalidClientId()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    ana.say(u"hi"_s, u"not a token!"_s);
    const auto error = ana.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::Protocol);
    ana.say(u"hi"_s, QString(65, u'x'));
    QVERIFY(ana.waitForCount(MessageType::Error, 2));
    ana.say(u"after"_s, QString(64, u'x'));
    QVERIFY(ana.waitFor(MessageType::Ack));
    QCOMPARE(textsOf(ana.received(MessageType::Chat)), QStringList {u"after"_s});
}

void TestHistory::historyOnJoin()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());

    // An empty history is one empty frame.
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QCOMPARE(ana.count(MessageType::History), 1);
    const Message empty = ana.received(MessageType::History).constFirst();
    QVERIFY(empty.messages.isEmpty());
    QVERIFY(empty.end);
    QVERIFY(!empty.more);
    QCOMPARE(empty.before, quint64(0));
    // welcome, then the history
    QCOMPARE(ana.messages().at(ana.messages().size() - 2).type, MessageType::Welcome);

    sayNumbered(ana, ana, 1, 6);
    server.room().notice(u"from the host"_s);
    QVERIFY(ana.waitFor(MessageType::Notice));
    const QList<Message> live = ana.received(MessageType::Chat) + ana.received(MessageType::Notice);

    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    const QList<Message> history = historyOf(bia);
    QCOMPARE(history, live); // the same messages, numbers and times as they were sent
    QCOMPARE(bia.count(MessageType::History), 1);
    QVERIFY(!bia.received(MessageType::History).constFirst().more);

    // A smaller limit: the newest, and "more".
    Message hello = Message::hello(u"caio"_s);
    hello.limit = 3;
    FramedTestClient caio(server.serverPort());
    QVERIFY(caio.join(hello));
    QCOMPARE(historyOf(caio), live.mid(4));
    QVERIFY(caio.received(MessageType::History).constLast().more);
    QVERIFY(caio.received(MessageType::History).constLast().end);
}

void TestHistory::historyOnJoinInFrames()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    sayNumbered(ana, ana, 1, 1100);

    // The default is 100; at most 1000; in frames of 200, the last with end.
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    QCOMPARE(textsOf(historyOf(bia)), numbered(1001, 1100));

    Message hello = Message::hello(u"caio"_s);
    hello.limit = 5000;
    FramedTestClient caio(server.serverPort());
    QVERIFY(caio.join(hello, 20'000));
    QCOMPARE(textsOf(historyOf(caio)), numbered(101, 1100));
    const QList<Message> frames = caio.received(MessageType::History);
    QCOMPARE(frames.size(), 5);
    for (const Message &frame : frames) {
        QCOMPARE(frame.messages.size(), 200);
        QCOMPARE(frame.end, &frame == &frames.constLast());
        QCOMPARE(frame.more, &frame == &frames.constLast());
    }
}

void TestHistory::textHistoryOnJoin()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    LineTestClient first(server.serverPort());
    QVERIFY(first.join(u"first"_s));
    QVERIFY(first.linesContaining(u"Recent messages"_s).isEmpty()); // nothing yet

    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    sayNumbered(ana, ana, 1, 24);
    server.room().notice(u"the last one"_s);
    QVERIFY(ana.waitFor(MessageType::Notice));

    LineTestClient dora(server.serverPort());
    QVERIFY(dora.join(u"dora"_s));
    QVERIFY(dora.waitForLine(u"*** End of recent messages."_s));
    const QStringList lines = dora.lines();
    const qsizetype start = lines.indexOf(u"*** Recent messages:"_s);
    const qsizetype end = lines.indexOf(u"*** End of recent messages."_s);
    QVERIFY2(start >= 0, qPrintable(lines.join(u'\n')));
    QCOMPARE(end - start - 1, 20);
    QVERIFY(lines.at(start + 1).endsWith(u"<ana> m6"_s));
    QVERIFY(lines.at(end - 2).endsWith(u"<ana> m24"_s));
    QVERIFY(lines.at(end - 1).endsWith(u"-host- the last one"_s));
    QVERIFY(lines.at(start + 1).startsWith(u'['));
}

void TestHistory::fetchPages()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.connectToServer());
    QVERIFY(ana.handshake());
    ana.send(Message::fetch(10, 10)); // before welcome: refused
    const auto early = ana.waitFor(MessageType::Error);
    QVERIFY(early);
    QCOMPARE(early->code, ErrorCode::Protocol);
    QVERIFY(ana.join(u"ana"_s));
    sayNumbered(ana, ana, 1, 30);
    const QList<Message> chats = ana.received(MessageType::Chat);

    const quint64 before = chats.at(20).seq; // m21
    const qsizetype frames = ana.count(MessageType::History);
    ana.send(Message::fetch(before, 10));
    QVERIFY(ana.waitForCount(MessageType::History, frames + 1));
    Message answer = ana.received(MessageType::History).constLast();
    QCOMPARE(textsOf(answer.messages), numbered(11, 20));
    QCOMPARE(answer.before, before);
    QVERIFY(answer.end);
    QVERIFY(answer.more);

    ana.send(Message::fetch(answer.messages.front().seq, 0)); // default limit: all 10 left
    QVERIFY(ana.waitForCount(MessageType::History, frames + 2));
    answer = ana.received(MessageType::History).constLast();
    QCOMPARE(textsOf(answer.messages), numbered(1, 10));
    QVERIFY(!answer.more);

    ana.send(Message::fetch(answer.messages.front().seq, 10));
    QVERIFY(ana.waitForCount(MessageType::History, frames + 3));
    answer = ana.received(MessageType::History).constLast();
    QVERIFY(answer.messages.isEmpty());
    QVERIFY(answer.end);
    QVERIFY(!answer.more);
}

void TestHistory::retentionLimit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerConfig config = testConfig();
    config.dataDir = dir.path();
    config.historyLimit = 5;
    {
        ChatServer server(config);
        QVERIFY(server.listen());
        FramedTestClient ana(server.serverPort());
        QVERIFY(ana.join(u"ana"_s));
        sayNumbered(ana, ana, 1, 8);
        FramedTestClient bia(server.serverPort());
        QVERIFY(bia.join(u"bia"_s));
        QCOMPARE(textsOf(historyOf(bia)), numbered(4, 8));
        QVERIFY(!bia.received(MessageType::History).constLast().more);
        bia.send(Message::fetch(historyOf(bia).front().seq, 100));
        QVERIFY(bia.waitForCount(MessageType::History, 2));
        QVERIFY(bia.received(MessageType::History).constLast().messages.isEmpty());
    }
    // On disk too: a new server on the same directory has the same five.
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient caio(server.serverPort());
    QVERIFY(caio.join(u"caio"_s));
    QCOMPARE(textsOf(historyOf(caio)), numbered(4, 8));
}

void TestHistory::resumeCatchesUp()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    sayNumbered(bia, bia, 1, 3);

    auto ana = std::make_unique<FramedTestClient>(server.serverPort());
    QVERIFY(ana->join(u"ana"_s));
    const QString token = ana->received(MessageType::Welcome).constFirst().resume;
    QCOMPARE(token.size(), 32);
    const quint64 seen = historyOf(*ana).constLast().seq;
    ana->disconnectFromServer();
    QVERIFY(bia.waitFor(MessageType::Left, Match::nick(u"ana"_s)));

    sayNumbered(bia, bia, 4, 7);

    Message hello = Message::hello(u"ana"_s);
    hello.resume = token;
    hello.after = seen;
    FramedTestClient back(server.serverPort());
    QVERIFY(back.join(hello));
    const Message welcome = back.received(MessageType::Welcome).constFirst();
    QCOMPARE(welcome.nick, u"ana"_s);
    QVERIFY(welcome.resume != token); // a new token every time
    QCOMPARE(welcome.resume.size(), 32);
    QCOMPARE(textsOf(historyOf(back)), numbered(4, 7)); // exactly what was missed
    QVERIFY(!back.received(MessageType::History).constLast().more);
    QVERIFY(bia.waitFor(MessageType::Joined, Match::nick(u"ana"_s)));

    // And live again.
    bia.say(u"live"_s);
    QVERIFY(back.waitFor(MessageType::Chat, Match::text(u"live"_s)));
}

void TestHistory::resumeCatchUpCap()
{
    ServerConfig config = testConfig();
    config.catchUpLimit = 10;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    sayNumbered(bia, bia, 1, 25);
    const QList<Message> chats = bia.received(MessageType::Chat);

    Message hello = Message::hello(u"ana"_s);
    hello.after = chats.at(2).seq; // saw m1..m3, missed 22
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(hello));
    QCOMPARE(textsOf(historyOf(ana)), numbered(16, 25)); // the newest 10
    QVERIFY(ana.received(MessageType::History).constLast().more);

    // The gap is fetched with before = the first one sent.
    ana.send(Message::fetch(historyOf(ana).front().seq, 1000));
    QVERIFY(ana.waitForCount(MessageType::History, 2));
    QCOMPARE(textsOf(ana.received(MessageType::History).constLast().messages), numbered(1, 15));
}

void TestHistory::nickHeldDuringGrace()
{
    ChatServer server(testConfig()); // the default grace, 120 s
    QVERIFY(server.listen());
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    auto ana = std::make_unique<FramedTestClient>(server.serverPort());
    QVERIFY(ana->join(u"ana"_s));
    const QString token = ana->received(MessageType::Welcome).constFirst().resume;
    ana->disconnectFromServer();
    QVERIFY(bia.waitFor(MessageType::Left, Match::nick(u"ana"_s)));

    // Held: others are refused, with a free suggestion and the reason.
    FramedTestClient other(server.serverPort());
    QVERIFY(!other.join(u"ANA"_s));
    const Message refused = other.received(MessageType::Error).constFirst();
    QCOMPARE(refused.code, ErrorCode::NickTaken);
    QVERIFY(!refused.suggestion.isEmpty());
    QVERIFY2(refused.text.contains(u"reconnecting"_s), qPrintable(refused.text));
    bia.send(Message::setNick(u"ana"_s));
    QVERIFY(bia.waitFor(MessageType::Error, Match::code(ErrorCode::NickTaken)));
    LineTestClient dora(server.serverPort());
    QVERIFY(!dora.join(u"ana"_s, 1000));
    QVERIFY(dora.waitForLine(u"reconnecting"_s));

    // A wrong token does not help.
    Message wrong = Message::hello(u"ana"_s);
    wrong.resume = u"0123456789abcdef0123456789abcdef"_s;
    QVERIFY(!other.join(wrong));

    // The right one does, once.
    Message hello = Message::hello(u"ana"_s);
    hello.resume = token;
    FramedTestClient back(server.serverPort());
    QVERIFY(back.join(hello));
    QCOMPARE(back.nick(), u"ana"_s);
    QVERIFY(bia.waitFor(MessageType::Joined, Match::nick(u"ana"_s)));
    const QString second = back.received(MessageType::Welcome).constFirst().resume;
    QVERIFY(second != token);
    back.disconnectFromServer();
    QVERIFY(bia.waitForCount(MessageType::Left, 2));

    // That welcome might never have arrived: the token that got it still works...
    FramedTestClient lostWelcome(server.serverPort());
    QVERIFY(lostWelcome.join(hello));
    const QString third = lostWelcome.received(MessageType::Welcome).constFirst().resume;
    lostWelcome.disconnectFromServer();
    QVERIFY(bia.waitForCount(MessageType::Left, 3));
    // ... while the welcome it replaced is void.
    Message secondHello = hello;
    secondHello.resume = second;
    FramedTestClient stale(server.serverPort());
    QVERIFY(!stale.join(secondHello));

    // Using the newest token retires the older one.
    Message thirdHello = hello;
    thirdHello.resume = third;
    FramedTestClient newest(server.serverPort());
    QVERIFY(newest.join(thirdHello));
    newest.disconnectFromServer();
    QVERIFY(bia.waitForCount(MessageType::Left, 4));
    FramedTestClient reuse(server.serverPort());
    QVERIFY(!reuse.join(hello)); // the first token is used up
    QCOMPARE(reuse.received(MessageType::Error).constFirst().code, ErrorCode::NickTaken);
}

void TestHistory::quitDoesNotHoldNick()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    ana.send(Message::quit());
    QVERIFY(ana.waitForClosed());
    FramedTestClient other(server.serverPort());
    QVERIFY(other.join(u"ana"_s));

    // Nor does a kick.
    QVERIFY(server.kick(u"ana"_s, {}));
    QVERIFY(other.waitForClosed());
    FramedTestClient third(server.serverPort());
    QVERIFY(third.join(u"ana"_s));
}

void TestHistory::droppedTextClientNickIsNotHeld()
{
    ChatServer server(testConfig()); // the default grace, 120 s
    QVERIFY(server.listen());
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    auto dora = std::make_unique<LineTestClient>(server.serverPort());
    QVERIFY(dora->join(u"dora"_s));
    QVERIFY(bia.waitFor(MessageType::Joined, Match::nick(u"dora"_s)));

    // Dropped, not quit: a text client has no token to come back with, so nothing is held.
    dora.reset();
    QVERIFY(bia.waitFor(MessageType::Left, Match::nick(u"dora"_s)));
    FramedTestClient other(server.serverPort());
    QVERIFY(other.join(u"dora"_s));
}

void TestHistory::replacedWhenOldConnectionOpen()
{
    ChatServer server(testConfig());
    QVERIFY(server.listen());
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    const QString token = ana.received(MessageType::Welcome).constFirst().resume;

    Message hello = Message::hello(u"ana"_s);
    hello.resume = token;
    FramedTestClient newer(server.serverPort());
    QVERIFY(newer.join(hello));
    QCOMPARE(newer.nick(), u"ana"_s);

    QVERIFY(ana.waitForClosed());
    const auto bye = ana.waitFor(MessageType::Bye);
    QVERIFY(bye);
    QCOMPARE(bye->code, ErrorCode::Replaced);
    QVERIFY(bia.waitFor(MessageType::Left, Match::nick(u"ana"_s)));
    QVERIFY(bia.waitFor(MessageType::Joined, Match::nick(u"ana"_s)));
    QCOMPARE(server.room().nicks(), (QStringList {u"ana"_s, u"bia"_s}));

    newer.say(u"still here"_s);
    QVERIFY(bia.waitFor(MessageType::Chat, Match::text(u"still here"_s)));
}

void TestHistory::graceExpiryFreesNick()
{
    ServerConfig config = testConfig();
    config.resumeGraceMs = 300;
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    auto ana = std::make_unique<FramedTestClient>(server.serverPort());
    QVERIFY(ana->join(u"ana"_s));
    const QString token = ana->received(MessageType::Welcome).constFirst().resume;
    ana->disconnectFromServer();
    QVERIFY(bia.waitFor(MessageType::Left, Match::nick(u"ana"_s)));

    FramedTestClient other(server.serverPort());
    QVERIFY(!other.join(u"ana"_s));
    // Each try is answered at once; the hold ends after 300 ms. (Not QTRY_VERIFY: it would
    // evaluate the join once more after it succeeded.)
    QVERIFY(QTest::qWaitFor([&] { return other.join(u"ana"_s); }, 5000));

    // The token of the expired hold is worth nothing now.
    Message hello = Message::hello(u"ana"_s);
    hello.resume = token;
    FramedTestClient late(server.serverPort());
    QVERIFY(!late.join(hello));
}

void TestHistory::notStoredWhenDataDirUnusable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerConfig config = testConfig();
    config.dataDir = dir.filePath(u"data"_s);
    ChatServer server(config);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    ana.say(u"stored"_s, u"ok-1"_s);
    const auto stored = ana.waitFor(MessageType::Ack);
    QVERIFY(stored);

    // A file where the data directory was: nothing can be written, whoever the server runs as.
    QVERIFY(QDir(config.dataDir).removeRecursively());
    QFile blocker(config.dataDir);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    ana.say(u"lost"_s, u"no-1"_s);
    const auto error = ana.waitFor(MessageType::Error, clientId(u"no-1"_s));
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::NotStored);
    QVERIFY(!error->text.isEmpty());
    QCOMPARE(ana.count(MessageType::Ack), 1);
    bia.send(Message::who()); // a round trip: anything broadcast before it has arrived
    QVERIFY(bia.waitFor(MessageType::Users));
    QCOMPARE(bia.count(MessageType::Chat, Match::text(u"lost"_s)), 0);
    QCOMPARE(ana.count(MessageType::Chat, Match::text(u"lost"_s)), 0);

    // Fixed: the same id sent again is stored and sent, numbered above the first.
    QVERIFY(QFile::remove(config.dataDir));
    ana.say(u"lost"_s, u"no-1"_s);
    const auto ack = ana.waitFor(MessageType::Ack, clientId(u"no-1"_s));
    QVERIFY(ack);
    QVERIFY(ack->seq > stored->seq);
    const auto chat = bia.waitFor(MessageType::Chat, Match::text(u"lost"_s));
    QVERIFY(chat);
    QCOMPARE(chat->seq, ack->seq);
}

void TestHistory::sqliteHistoryAcrossServers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerConfig config = testConfig();
    config.dataDir = dir.path();
    QString historyId;
    quint64 last = 0;
    {
        ChatServer server(config);
        QVERIFY(server.listen());
        FramedTestClient ana(server.serverPort());
        QVERIFY(ana.join(u"ana"_s));
        sayNumbered(ana, ana, 1, 3);
        historyId = server.room().historyId();
        last = ana.received(MessageType::Chat).constLast().seq;
    }
    ChatServer server(config);
    QVERIFY(server.listen());
    QCOMPARE(server.room().historyId(), historyId);
    FramedTestClient bia(server.serverPort());
    QVERIFY(bia.join(u"bia"_s));
    QCOMPARE(textsOf(historyOf(bia)), numbered(1, 3));
    bia.say(u"next"_s);
    const auto chat = bia.waitFor(MessageType::Chat);
    QVERIFY(chat);
    QCOMPARE(chat->seq, last + 1);
}

QTEST_GUILESS_MAIN(TestHistory)

#include "tst_history.moc"
