// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Private messages (say {to}) over real sockets on 127.0.0.1: they reach their two people and
// nobody else, live, in the history on join, in a catch-up and in fetch; they are numbered,
// acknowledged and deduplicated like any chat; text clients have /msg. In memory and in SQLite,
// including a database made before private messages existed.

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "chatserver.h"
#include "framedtestclient.h"
#include "linetestclient.h"
#include "schema1database.h"
#include "serverconfig.h"
#include "testprinters.h"
#include "testserverconfig.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

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

Message privateSay(const QString &to, const QString &text, const QString &clientId = {})
{
    Message say = Message::say(text, false, clientId);
    say.to = to;
    return say;
}

// Leaves with quit: a dropped connection's nickname would be held for its resume token.
bool leave(FramedTestClient &client)
{
    client.send(Message::quit());
    return client.waitForClosed();
}

// Says \a marker in the room from \a from and waits until \a watcher has it: whatever was
// delivered before it (one order for everybody) has reached \a watcher by then.
bool sync(FramedTestClient &from, FramedTestClient &watcher, const QString &marker)
{
    from.say(marker);
    return watcher.waitFor(MessageType::Chat, Match::text(marker)).has_value();
}

} // namespace

class TestPrivateMessages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void handshakeAnnouncesFeatures();
    void reachesTheTwoOnly_data();
    void reachesTheTwoOnly();
    void unknownRecipient();
    void resentIsNotRepeated();
    void textClients();
    void oldDatabaseIsMigrated();

private:
    ServerConfig config(bool onDisk);

    QTemporaryDir m_dir;
};

void TestPrivateMessages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

ServerConfig TestPrivateMessages::config(bool onDisk)
{
    ServerConfig config = Testing::serverConfig(u"private"_s);
    if (onDisk) {
        static int count = 0;
        config.dataDir = m_dir.filePath(u"data%1"_s.arg(++count));
    }
    return config;
}

void TestPrivateMessages::handshakeAnnouncesFeatures()
{
    ChatServer server(config(false));
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.handshake());
    const QStringList features = ana.received(MessageType::HandshakeOk).constFirst().features;
    QVERIFY(features.contains(QString::fromLatin1(Feature::PrivateMessages)));
    QVERIFY(features.contains(QString::fromLatin1(Feature::Search)));
}

void TestPrivateMessages::reachesTheTwoOnly_data()
{
    QTest::addColumn<bool>("onDisk");
    QTest::newRow("memory") << false;
    QTest::newRow("sqlite") << true;
}

void TestPrivateMessages::reachesTheTwoOnly()
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

    ana.say(u"before"_s);
    QVERIFY(caio.waitFor(MessageType::Chat, Match::text(u"before"_s)));
    // Spelled differently from the nickname: the chat carries the nickname as it is.
    ana.send(privateSay(u"BIA"_s, u"secret"_s, u"pm-1"_s));
    const auto ack = ana.waitFor(MessageType::Ack);
    QVERIFY(ack);
    QCOMPARE(ack->clientId, u"pm-1"_s);
    const auto mine = ana.waitFor(MessageType::Chat, Match::text(u"secret"_s));
    QVERIFY(mine);
    QCOMPARE(mine->to, u"bia"_s);
    QCOMPARE(mine->from, u"ana"_s);
    QCOMPARE(mine->seq, ack->seq);
    const auto theirs = bia.waitFor(MessageType::Chat, Match::text(u"secret"_s));
    QVERIFY(theirs);
    QCOMPARE(*theirs, *mine);
    // Numbered like any chat: right after the room message before it.
    QCOMPARE(mine->seq, caio.received(MessageType::Chat).constLast().seq + 1);

    // bia answers; caio never sees either, live.
    bia.send(privateSay(u"ana"_s, u"reply"_s));
    QVERIFY(ana.waitFor(MessageType::Chat, Match::text(u"reply"_s)));
    QVERIFY(sync(bia, caio, u"after"_s));
    QCOMPARE(textsOf(caio.received(MessageType::Chat)), QStringList({u"before"_s, u"after"_s}));

    // History on join: a newcomer sees the room only; bia coming back sees both.
    FramedTestClient dan(server.serverPort());
    QVERIFY(dan.join(u"dan"_s));
    QCOMPARE(textsOf(historyOf(dan)), QStringList({u"before"_s, u"after"_s}));
    QVERIFY(leave(bia));
    QVERIFY(ana.waitFor(MessageType::Left, Match::nick(u"bia"_s)));
    FramedTestClient bia2(server.serverPort());
    QVERIFY(bia2.join(u"bia"_s));
    QCOMPARE(textsOf(historyOf(bia2)),
             QStringList({u"before"_s, u"secret"_s, u"reply"_s, u"after"_s}));
    QCOMPARE(historyOf(bia2).at(1).to, u"bia"_s);

    // Catch-up after the first message: caio gets the room's only, ana everything.
    const quint64 first = caio.received(MessageType::Chat).constFirst().seq;
    for (const auto &[nick, expected] :
         {std::pair {u"caio"_s, QStringList({u"after"_s})},
          std::pair {u"ana"_s, QStringList({u"secret"_s, u"reply"_s, u"after"_s})}}) {
        FramedTestClient &old = nick == u"caio"_s ? caio : ana;
        QVERIFY(leave(old));
        QVERIFY(dan.waitFor(MessageType::Left, Match::nick(nick)));
        FramedTestClient back(server.serverPort());
        Message hello = Message::hello(nick);
        hello.after = first;
        QVERIFY(back.join(hello));
        QCOMPARE(textsOf(historyOf(back)), expected);

        // fetch: the same filter.
        back.send(Message::fetch(0, 10));
        QVERIFY(back.waitForCount(MessageType::History, 2));
        const Message page = back.received(MessageType::History).constLast();
        QCOMPARE(page.end, true);
        QCOMPARE(textsOf(page.messages), QStringList(QStringList {u"before"_s} + expected));
        QVERIFY(leave(back));
        QVERIFY(dan.waitForCount(MessageType::Left, 2, Match::nick(nick)));
    }
    QCOMPARE(dan.count(MessageType::Chat), 0);
}

void TestPrivateMessages::unknownRecipient()
{
    ChatServer server(config(true));
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient caio(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(caio.join(u"caio"_s));
    ana.send(privateSay(u"nobody"_s, u"lost"_s, u"pm-x"_s));
    const auto error = ana.waitFor(MessageType::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::NoSuchNick);
    QCOMPARE(error->clientId, u"pm-x"_s);
    QVERIFY(error->text.contains(u"nobody"_s));
    QVERIFY(sync(ana, caio, u"room"_s));
    QCOMPARE(ana.count(MessageType::Ack), 0);
    QCOMPARE(textsOf(ana.received(MessageType::Chat)), QStringList({u"room"_s}));
    // Nothing stored either.
    FramedTestClient nobody(server.serverPort());
    QVERIFY(nobody.join(u"nobody"_s));
    QCOMPARE(textsOf(historyOf(nobody)), QStringList({u"room"_s}));
}

void TestPrivateMessages::resentIsNotRepeated()
{
    ChatServer server(config(true));
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));
    ana.send(privateSay(u"bia"_s, u"once"_s, u"pm-2"_s));
    QVERIFY(bia.waitFor(MessageType::Chat, Match::text(u"once"_s)));
    const auto ack = ana.waitFor(MessageType::Ack);
    QVERIFY(ack);
    // Resent after bia left: acknowledged as it was, not refused, not repeated.
    QVERIFY(leave(bia));
    QVERIFY(ana.waitFor(MessageType::Left, Match::nick(u"bia"_s)));
    ana.send(privateSay(u"bia"_s, u"once"_s, u"pm-2"_s));
    QVERIFY(ana.waitForCount(MessageType::Ack, 2));
    QCOMPARE(ana.received(MessageType::Ack).constLast(), *ack);
    QCOMPARE(ana.count(MessageType::Error), 0);
    QCOMPARE(ana.count(MessageType::Chat, Match::text(u"once"_s)), 1);
}

void TestPrivateMessages::textClients()
{
    ChatServer server(config(false));
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    LineTestClient tex(server.serverPort());
    LineTestClient other(server.serverPort());
    QVERIFY(tex.join(u"tex"_s));
    QVERIFY(other.join(u"other"_s));

    tex.sendLine(u"/msg ana hello there"_s);
    const auto got = ana.waitFor(MessageType::Chat, Match::text(u"hello there"_s));
    QVERIFY(got);
    QCOMPARE(got->from, u"tex"_s);
    QCOMPARE(got->to, u"ana"_s);
    QVERIFY(tex.waitForLine(u"] -> *ana* hello there"_s));

    ana.send(privateSay(u"tex"_s, u"hi tex"_s));
    QVERIFY(tex.waitForLine(u"] *ana* hi tex"_s));

    tex.sendLine(u"/msg nobody hi"_s);
    QVERIFY(tex.waitForLine(u"Nobody called nobody is here"_s));
    tex.sendLine(u"/msg ana"_s);
    QVERIFY(tex.waitForLine(u"Usage: /msg NICK TEXT"_s));

    // other saw none of it: its own line comes after them all.
    tex.sendLine(u"public"_s);
    QVERIFY(other.waitForLine(u"<tex> public"_s));
    QCOMPARE(other.linesContaining(u"hello there"_s), QStringList());
    QCOMPARE(other.linesContaining(u"hi tex"_s), QStringList());

    // Recent messages on join: a text client sees its own private messages, as they read.
    LineTestClient tex2(server.serverPort());
    tex.sendLine(u"/quit"_s);
    QVERIFY(tex.waitForClosed());
    QVERIFY(tex2.join(u"tex"_s));
    QVERIFY(tex2.waitForLine(u"End of recent messages."_s));
    QCOMPARE(tex2.linesContaining(u"-> *ana* hello there"_s).size(), 1);
    QCOMPARE(tex2.linesContaining(u"*ana* hi tex"_s).size(), 1);
    LineTestClient third(server.serverPort());
    QVERIFY(third.join(u"third"_s));
    QVERIFY(third.waitForLine(u"End of recent messages."_s));
    QCOMPARE(third.linesContaining(u"hello there"_s), QStringList());
    QCOMPARE(third.linesContaining(u"<tex> public"_s).size(), 1);
}

void TestPrivateMessages::oldDatabaseIsMigrated()
{
    // A database as servers before private messages left it: no recipient column.
    const QString dir = m_dir.filePath(u"schema1"_s);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY2(Testing::writeSchema1Database(dir, QStringList {u"old one"_s, u"old two"_s}).isEmpty(),
             "schema 1 database");

    ServerConfig migrated = config(false);
    migrated.dataDir = dir;
    ChatServer server(migrated);
    QVERIFY(server.listen());
    FramedTestClient ana(server.serverPort());
    FramedTestClient bia(server.serverPort());
    QVERIFY(ana.join(u"ana"_s));
    QCOMPARE(textsOf(historyOf(ana)), QStringList({u"old one"_s, u"old two"_s}));
    QVERIFY(bia.join(u"bia"_s));
    ana.send(privateSay(u"bia"_s, u"new and private"_s));
    const auto pm = bia.waitFor(MessageType::Chat);
    QVERIFY(pm);
    QCOMPARE(pm->seq, 3u);
    FramedTestClient caio(server.serverPort());
    QVERIFY(caio.join(u"caio"_s));
    QCOMPARE(textsOf(historyOf(caio)), QStringList({u"old one"_s, u"old two"_s}));
    FramedTestClient ana2(server.serverPort());
    QVERIFY(leave(ana));
    QVERIFY(bia.waitFor(MessageType::Left, Match::nick(u"ana"_s)));
    QVERIFY(ana2.join(u"ana"_s));
    QCOMPARE(textsOf(historyOf(ana2)),
             QStringList({u"old one"_s, u"old two"_s, u"new and private"_s}));
}

QTEST_GUILESS_MAIN(TestPrivateMessages)

#include "tst_privatemessages.moc"
