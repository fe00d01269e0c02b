// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>
#include <QTest>

#include "broadcast.h"
#include "chatroom.h"
#include "framedecoder.h"
#include "message.h"
#include "messagecodec.h"
#include "roommember.h"
#include "serverconfig.h"
#include "serverlogging.h"
#include "textformat.h"
#include "validation.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

constexpr qint64 StartTime = 1'700'000'000'000;

/*!
 * A member that keeps everything it is handed. The frames and texts are copies of the
 * broadcast's own QByteArrays, so they keep its buffers alive: equal data pointers across
 * members mean one encoding shared by all, not a recycled allocation.
 */
class FakeMember final : public RoomMember
{
public:
    explicit FakeMember(const QString &address = u"192.0.2.1"_s)
        : m_address(address)
    { }

    void deliver(const Broadcast &broadcast) override
    {
        events.append(broadcast.event());
        frames.append(broadcast.frame());
        texts.append(broadcast.text());
        trail.append(broadcast.event().text);
        if (onDeliver)
            onDeliver(broadcast.event());
    }
    void tell(const Message &message) override
    {
        told.append(message);
        trail.append(u"told"_s);
    }
    void flush() override { trail.append(u"flush"_s); }
    void displace() override { ++displaced; }
    QString address() const override { return m_address; }
    QHostAddress peerAddress() const override { return QHostAddress(m_address); }

    void clear()
    {
        events.clear();
        frames.clear();
        texts.clear();
        told.clear();
        trail.clear();
    }

    QList<Message> events;
    QList<QByteArray> frames;
    QList<QByteArray> texts;
    QList<Message> told; //!< acks and errors for this member alone
    QStringList trail; //!< what it was handed, in order: event texts, "told", "flush"
    std::function<void(const Message &)> onDeliver; //!< called with each event handed to it
    int displaced = 0;

private:
    QString m_address;
};

/*!
 * A member that takes a batch of presence events as one buffer, as a session does, and keeps
 * everything it is handed in one list, in order: events as their frames, what it is told as
 * "told:" and the message's type.
 */
class BatchMember final : public RoomMember
{
public:
    void deliver(const Broadcast &broadcast) override { received.append(broadcast.frame()); }
    void deliverAll(const BroadcastRun &run, qsizetype from, qsizetype to) override
    {
        received.append(run.frames(from, to));
        ++batches;
    }
    void tell(const Message &message) override
    {
        received.append("told:" + messageTypeName(message.type).toUtf8());
    }
    void displace() override { }
    QString address() const override { return u"192.0.2.9"_s; }

    /*! Everything received, as one stream. */
    QByteArray stream() const { return received.join(); }

    QList<QByteArray> received;
    int batches = 0;
};

/*!
 * A member that does what a session does with what the room hands it, in its wire format:
 * framed, or text (where a private message reads differently to each of its two people). It
 * keeps the bytes as one stream, and each buffer it was handed, to see which are shared.
 */
class WireMember final : public RoomMember
{
public:
    WireMember(const QString &nick, bool line)
        : m_nick(nick)
        , m_line(line)
    { }

    void deliver(const Broadcast &broadcast) override
    {
        const Message &event = broadcast.event();
        if (m_line && event.type == MessageType::Chat && !event.to.isEmpty())
            take(TextFormat::encode(event, m_nick));
        else
            take(m_line ? broadcast.text() : broadcast.frame());
    }
    void deliverAll(const BroadcastRun &run, qsizetype from, qsizetype to) override
    {
        while (from < to) {
            const qsizetype end = std::min(run.chunkEnd(from), to);
            take(m_line ? run.text(from, end) : run.frames(from, end));
            from = end;
        }
    }
    void tell(const Message &message) override
    {
        take("told:" + FrameDecoder::encode(MessageCodec::encode(message)));
    }
    void displace() override { }
    QString address() const override { return u"192.0.2.7"_s; }

    QString nick() const { return m_nick; }
    QByteArray stream() const { return pieces.join(); }

    QList<QByteArray> pieces;

private:
    void take(const QByteArray &bytes) { pieces.append(bytes); }

    QString m_nick;
    bool m_line;
};

QByteArray frameOf(const Message &event)
{
    return FrameDecoder::encode(MessageCodec::encode(event));
}

// The buffer's address: QCOMPARE on two const char * would compare the strings instead.
const void *dataOf(const QByteArray &bytes)
{
    return static_cast<const void *>(bytes.constData());
}

} // namespace

class TestChatRoom final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void joinDeliversJoinedToOthers();
    void membersInJoinOrder();
    void nicksSortedCaseInsensitively();
    void encodedNicksFollowEveryChange();
    void nickUniqueIgnoringCase_data();
    void nickUniqueIgnoringCase();
    void takenNickSuggestsFreeNick();
    void invalidNick_data();
    void invalidNick();
    void joinAgainRenames();
    void decomposedNickIsStoredComposed();

    void renameDeliversToEveryone();
    void renameFreesOldNick();
    void renameChangesCaseOfOwnNick();
    void renameToSameNickIsSilent();
    void renameToTakenNickChangesNothing();
    void renameToInvalidNickChangesNothing();
    void renameOfNonMemberChangesNothing();

    void sayDeliversToEveryoneInOrder();
    void sayFromNonMemberIsIgnored();
    void saidThenLeftIsSentWithoutAck();
    void sayLogsOneLinePerLine();
    void leaveDeliversLeftToTheRest();
    void leaveOfNonMemberDoesNothing();
    void heldNickIsFreeWhenTheGraceEnds();
    void replayedTokenIsRetired();
    void replayDoesNotKeepATokenAlive();
    void olderTokenDoesNotDisplaceNewer();
    void resumeSpelledDifferently();
    void heldNicksAreBounded();
    void noticeReachesEveryone();
    void clockSetsEventTimes();

    void broadcastEncodedOnce();
    void batchedPresenceSendsWhatEachWouldGet();
    void batchedPresenceGoesBeforeAnythingElse();
    void batchedPresenceSharesOneBufferWithJoiners();
    void frameAndTextMatchEvent();
    void storedBatchReachesEachAsOneByOne();
    void longBatchGoesInSharedChunks();
    void eachMemberFlushedAfterItsShareOfABatch();
    void nextBatchStoredWhileOneIsSent();

private:
    void joinAll(const QStringList &nicks);
    /*! Hands what is queued to the store and waits until the room has its answer. */
    [[nodiscard]] bool storeAll();

    ChatRoom *room() { return m_room.get(); }

    std::unique_ptr<ChatRoom> m_room;
    std::vector<std::unique_ptr<FakeMember>> m_members;
    qint64 m_now = StartTime;
};

void TestChatRoom::init()
{
    m_members.clear();
    m_room = std::make_unique<ChatRoom>();
    m_now = StartTime;
    m_room->setClock([this] { return m_now; });
}

bool TestChatRoom::storeAll()
{
    room()->commit();
    return QTest::qWaitFor([this] { return !room()->isStoring() && !room()->hasPending(); },
                           10'000);
}

// Joins one fake member per nick, then forgets what they were told while joining.
void TestChatRoom::joinAll(const QStringList &nicks)
{
    for (const QString &nick : nicks) {
        m_members.push_back(std::make_unique<FakeMember>(u"192.0.2."_s + nick));
        const ChatRoom::NickResult result = room()->join(m_members.back().get(), nick);
        QVERIFY2(result.ok(), qPrintable(result.text));
    }
    for (const auto &member : m_members)
        member->clear();
}

// The welcome's list, kept encoded by the room, is the one nicks() gives after every join,
// leave and rename, wherever in the order the nickname goes.
void TestChatRoom::encodedNicksFollowEveryChange()
{
    const auto check = [this](const char *step) {
        const ChatRoom::EncodedNicks encoded = room()->encodedNicks();
        Message welcome = Message::welcome(u"ana"_s, room()->nicks());
        welcome.resume = u"token"_s;
        QVERIFY2(MessageCodec::encodeWelcome(u"ana"_s, encoded.items, encoded.count, u"token"_s) ==
                     MessageCodec::encode(welcome),
                 step);
    };
    check("empty");
    std::vector<std::unique_ptr<FakeMember>> members;
    const QStringList nicks {
        u"mia"_s,   u"Ana"_s, u"zé"_s,  u"bob"_s, u"ANA2"_s, u"João"_s, u"x"_s.repeated(16),
        u"carla"_s, u"Bia"_s, u"ana3"_s};
    for (const QString &nick : nicks) {
        members.push_back(std::make_unique<FakeMember>());
        QVERIFY(room()->join(members.back().get(), nick).ok());
        check("join");
    }
    QCOMPARE(room()->encodedNicks().count, nicks.size());
    QVERIFY(room()->rename(members[0].get(), u"aaa"_s).ok()); // to the front
    check("rename to the front");
    QVERIFY(room()->rename(members[1].get(), u"zz"_s).ok()); // to the end
    check("rename to the end");
    QVERIFY(room()->rename(members[2].get(), u"ZÉ"_s).ok()); // its own, in capitals
    check("rename, case only");
    room()->leave(members[5].get(), u"quit"_s); // in the middle
    check("leave, middle");
    room()->leave(members[0].get(), u"quit"_s); // the first
    check("leave, first");
    room()->leave(members[1].get(), u"quit"_s); // the last
    check("leave, last");
    QVERIFY(room()->join(members[5].get(), u"João"_s).ok());
    check("join again");
    for (const auto &member : members)
        room()->leave(member.get(), u"quit"_s);
    check("everyone left");
    QCOMPARE(room()->encodedNicks().count, 0);
    QVERIFY(room()->encodedNicks().items.isEmpty());
}

void TestChatRoom::joinDeliversJoinedToOthers()
{
    FakeMember ana, bia, caio;

    const ChatRoom::NickResult first = room()->join(&ana, u"ana"_s);
    QVERIFY(first.ok());
    QCOMPARE(first.error, ErrorCode::None);
    QCOMPARE(first.nick, u"ana"_s);
    QVERIFY(ana.events.isEmpty());

    m_now = StartTime + 1000;
    QVERIFY(room()->join(&bia, u"bia"_s).ok());
    QCOMPARE(ana.events, QList<Message> {Message::joined(u"bia"_s, StartTime + 1000)});
    QVERIFY(bia.events.isEmpty());

    m_now = StartTime + 2000;
    QVERIFY(room()->join(&caio, u"caio"_s).ok());
    const Message caioJoined = Message::joined(u"caio"_s, StartTime + 2000);
    QCOMPARE(ana.events.size(), 2);
    QCOMPARE(ana.events.at(1), caioJoined);
    QCOMPARE(bia.events, QList<Message> {caioJoined});
    QVERIFY(caio.events.isEmpty());

    QCOMPARE(ana.events.at(1).type, MessageType::Joined);
    QCOMPARE(ana.events.at(1).nick, u"caio"_s);
    QCOMPARE(ana.events.at(1).time, StartTime + 2000);

    QCOMPARE(room()->size(), 3);
    QVERIFY(room()->contains(&bia));
    QCOMPARE(room()->nickOf(&bia), u"bia"_s);
    QCOMPARE(room()->find(u"bia"_s), &bia);
    QCOMPARE(room()->find(u"nobody"_s), nullptr);
}

void TestChatRoom::membersInJoinOrder()
{
    joinAll({u"zeca"_s, u"ana"_s, u"Mia"_s, u"bia"_s});
    QCOMPARE(room()->members().size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(room()->members().at(i), m_members.at(size_t(i)).get());

    // Leaving and joining again puts a member at the end.
    FakeMember *ana = m_members.at(1).get();
    room()->leave(ana, {});
    QVERIFY(room()->join(ana, u"ana"_s).ok());
    const QList<RoomMember *> expected = {m_members.at(0).get(), m_members.at(2).get(),
                                          m_members.at(3).get(), ana};
    QCOMPARE(room()->members(), expected);
}

void TestChatRoom::nicksSortedCaseInsensitively()
{
    joinAll({u"zeca"_s, u"Bia"_s, u"ana"_s, u"Caio"_s, u"_x"_s, u"1st"_s});
    // A plain sort would put "Bia" and "Caio" before "ana".
    const QStringList expected = {u"1st"_s, u"_x"_s, u"ana"_s, u"Bia"_s, u"Caio"_s, u"zeca"_s};
    QCOMPARE(room()->nicks(), expected);
    QVERIFY(ChatRoom().nicks().isEmpty());
}

void TestChatRoom::nickUniqueIgnoringCase_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");

    QTest::newRow("Ana, ana") << u"Ana"_s << u"ana"_s;
    QTest::newRow("ana, ANA") << u"ana"_s << u"ANA"_s;
    QTest::newRow("ANA, aNa") << u"ANA"_s << u"aNa"_s;
    QTest::newRow("same") << u"ana"_s << u"ana"_s;
    QTest::newRow("JOÃO, joão") << u"JOÃO"_s << u"joão"_s;
    QTest::newRow("joão, João") << u"joão"_s << u"João"_s;
    QTest::newRow("ÉLODIE, élodie") << u"ÉLODIE"_s << u"élodie"_s;
    // Case folding, not lower-casing: the final sigma folds to the ordinary one.
    QTest::newRow("ΝΙΚΟΣ, νικος") << u"ΝΙΚΟΣ"_s << u"νικος"_s;
    QTest::newRow("STRAẞE, straße") << u"STRAẞE"_s << u"straße"_s;
}

void TestChatRoom::nickUniqueIgnoringCase()
{
    QFETCH(QString, first);
    QFETCH(QString, second);

    FakeMember a, b;
    QVERIFY(room()->join(&a, first).ok());
    QCOMPARE(room()->nickOf(&a), first);
    QVERIFY(room()->isTaken(second));
    QVERIFY(!room()->isTaken(second, &a));
    QCOMPARE(room()->find(second), &a);

    const ChatRoom::NickResult result = room()->join(&b, second);
    QCOMPARE(result.error, ErrorCode::NickTaken);
    QVERIFY(!result.ok());
    QVERIFY(result.nick.isEmpty());
    QVERIFY(!result.text.isEmpty());
    QVERIFY(!room()->contains(&b));
    QCOMPARE(room()->size(), 1);
    QVERIFY(a.events.isEmpty());
}

void TestChatRoom::decomposedNickIsStoredComposed()
{
    // "joão" typed as "joa" + COMBINING TILDE + "o", as some input methods send it.
    const QString decomposed = u"joa\u0303o"_s;
    FakeMember a, b;
    const ChatRoom::NickResult result = room()->join(&a, decomposed);
    QVERIFY(result.ok());
    QCOMPARE(result.nick, u"jo\u00e3o"_s);
    QCOMPARE(room()->nickOf(&a), u"jo\u00e3o"_s);
    QVERIFY(room()->isTaken(decomposed));
    QCOMPARE(room()->join(&b, u"JO\u00c3O"_s).error, ErrorCode::NickTaken);
}

void TestChatRoom::takenNickSuggestsFreeNick()
{
    joinAll({u"ana"_s, u"ana2"_s, u"ANA3"_s});

    FakeMember newcomer;
    const ChatRoom::NickResult result = room()->join(&newcomer, u"Ana"_s);
    QCOMPARE(result.error, ErrorCode::NickTaken);
    QVERIFY(!result.suggestion.isEmpty());
    QCOMPARE(Validation::checkNick(result.suggestion), NickProblem::None);
    QVERIFY2(!room()->isTaken(result.suggestion), qPrintable(result.suggestion));
    QVERIFY(result.text.contains(result.suggestion));
    QVERIFY(!room()->contains(&newcomer));

    // The suggestion really is free.
    const ChatRoom::NickResult retry = room()->join(&newcomer, result.suggestion);
    QVERIFY2(retry.ok(), qPrintable(retry.text));
    QCOMPARE(room()->nickOf(&newcomer), result.suggestion);
    QCOMPARE(room()->size(), 4);
}

void TestChatRoom::invalidNick_data()
{
    QTest::addColumn<QString>("nick");

    QTest::newRow("empty") << QString();
    QTest::newRow("space inside") << u"ana bia"_s;
    QTest::newRow("leading space") << u" ana"_s;
    QTest::newRow("punctuation") << u"ana!"_s;
    QTest::newRow("leading dash") << u"-ana"_s;
    QTest::newRow("leading dot") << u".ana"_s;
    QTest::newRow("too long") << QString(25, u'a');
    QTest::newRow("control character") << u"ana\u0007"_s;
    QTest::newRow("newline") << u"ana\nbia"_s;
}

void TestChatRoom::invalidNick()
{
    QFETCH(QString, nick);
    joinAll({u"ana"_s});

    FakeMember newcomer;
    const ChatRoom::NickResult result = room()->join(&newcomer, nick);
    QCOMPARE(result.error, ErrorCode::InvalidNick);
    QVERIFY(!result.ok());
    QVERIFY(!result.text.isEmpty());
    QVERIFY(result.nick.isEmpty());
    QVERIFY(!room()->contains(&newcomer));
    QCOMPARE(room()->size(), 1);
    QVERIFY(m_members.front()->events.isEmpty());
}

void TestChatRoom::joinAgainRenames()
{
    joinAll({u"ana"_s, u"bia"_s});
    FakeMember *ana = m_members.at(0).get();
    FakeMember *bia = m_members.at(1).get();

    const ChatRoom::NickResult result = room()->join(ana, u"anna"_s);
    QVERIFY(result.ok());
    QCOMPARE(room()->size(), 2);
    QCOMPARE(room()->nickOf(ana), u"anna"_s);
    const QList<Message> expected = {Message::renamed(u"ana"_s, u"anna"_s, StartTime)};
    QCOMPARE(ana->events, expected);
    QCOMPARE(bia->events, expected);
}

void TestChatRoom::renameDeliversToEveryone()
{
    joinAll({u"ana"_s, u"bia"_s, u"caio"_s});
    FakeMember *bia = m_members.at(1).get();

    m_now = StartTime + 5000;
    const ChatRoom::NickResult result = room()->rename(bia, u"bea"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.nick, u"bea"_s);

    const Message expected = Message::renamed(u"bia"_s, u"bea"_s, StartTime + 5000);
    QCOMPARE(expected.type, MessageType::Renamed);
    QCOMPARE(expected.from, u"bia"_s);
    QCOMPARE(expected.nick, u"bea"_s);
    for (const auto &member : m_members)
        QCOMPARE(member->events, QList<Message> {expected});

    QCOMPARE(room()->nickOf(bia), u"bea"_s);
    QCOMPARE(room()->find(u"BEA"_s), bia);
    QCOMPARE(room()->find(u"bia"_s), nullptr);
    QCOMPARE(room()->nicks(), (QStringList {u"ana"_s, u"bea"_s, u"caio"_s}));
}

void TestChatRoom::renameFreesOldNick()
{
    joinAll({u"ana"_s, u"bia"_s});
    FakeMember *ana = m_members.at(0).get();
    FakeMember *bia = m_members.at(1).get();

    QVERIFY(room()->rename(ana, u"anna"_s).ok());
    QVERIFY(!room()->isTaken(u"ana"_s));

    // Another member can rename to the freed nick, in any case...
    QVERIFY(room()->rename(bia, u"ANA"_s).ok());
    QCOMPARE(room()->find(u"ana"_s), bia);
    // ...and the nick bia left is free for a newcomer.
    FakeMember newcomer;
    QVERIFY(room()->join(&newcomer, u"bia"_s).ok());
    QCOMPARE(room()->nicks(), (QStringList {u"ANA"_s, u"anna"_s, u"bia"_s}));
}

void TestChatRoom::renameChangesCaseOfOwnNick()
{
    joinAll({u"ana"_s, u"bia"_s});
    FakeMember *ana = m_members.at(0).get();
    FakeMember *bia = m_members.at(1).get();

    const ChatRoom::NickResult result = room()->rename(ana, u"Ana"_s);
    QVERIFY2(result.ok(), qPrintable(result.text));
    QCOMPARE(room()->nickOf(ana), u"Ana"_s);
    QCOMPARE(room()->find(u"ana"_s), ana);
    QVERIFY(room()->isTaken(u"ANA"_s));
    QVERIFY(!room()->isTaken(u"ANA"_s, ana));

    const QList<Message> expected = {Message::renamed(u"ana"_s, u"Ana"_s, StartTime)};
    QCOMPARE(ana->events, expected);
    QCOMPARE(bia->events, expected);
    QCOMPARE(room()->nicks(), (QStringList {u"Ana"_s, u"bia"_s}));

    // Still unique: nobody else may take it in another case.
    FakeMember newcomer;
    QCOMPARE(room()->join(&newcomer, u"ana"_s).error, ErrorCode::NickTaken);
}

void TestChatRoom::renameToSameNickIsSilent()
{
    joinAll({u"ana"_s, u"bia"_s});
    FakeMember *ana = m_members.at(0).get();

    const ChatRoom::NickResult result = room()->rename(ana, u"ana"_s);
    QVERIFY(result.ok());
    QCOMPARE(room()->nickOf(ana), u"ana"_s);
    for (const auto &member : m_members)
        QVERIFY(member->events.isEmpty());
}

void TestChatRoom::renameToTakenNickChangesNothing()
{
    joinAll({u"ana"_s, u"bia"_s, u"caio"_s});
    FakeMember *ana = m_members.at(0).get();
    FakeMember *bia = m_members.at(1).get();

    const ChatRoom::NickResult result = room()->rename(ana, u"BIA"_s);
    QCOMPARE(result.error, ErrorCode::NickTaken);
    QVERIFY(!result.text.isEmpty());
    QVERIFY(!result.suggestion.isEmpty());
    QCOMPARE(Validation::checkNick(result.suggestion), NickProblem::None);
    QVERIFY(!room()->isTaken(result.suggestion));

    QCOMPARE(room()->nickOf(ana), u"ana"_s);
    QCOMPARE(room()->nickOf(bia), u"bia"_s);
    QCOMPARE(room()->find(u"ana"_s), ana);
    QCOMPARE(room()->find(u"bia"_s), bia);
    QCOMPARE(room()->nicks(), (QStringList {u"ana"_s, u"bia"_s, u"caio"_s}));
    for (const auto &member : m_members)
        QVERIFY(member->events.isEmpty());
}

void TestChatRoom::renameToInvalidNickChangesNothing()
{
    joinAll({u"ana"_s, u"bia"_s});
    FakeMember *ana = m_members.at(0).get();

    const ChatRoom::NickResult result = room()->rename(ana, u"a na"_s);
    QCOMPARE(result.error, ErrorCode::InvalidNick);
    QVERIFY(!result.text.isEmpty());
    QCOMPARE(room()->nickOf(ana), u"ana"_s);
    QCOMPARE(room()->find(u"ana"_s), ana);
    for (const auto &member : m_members)
        QVERIFY(member->events.isEmpty());
}

void TestChatRoom::renameOfNonMemberChangesNothing()
{
    joinAll({u"ana"_s});
    FakeMember stranger;
    (void)room()->rename(&stranger, u"zeca"_s);
    QVERIFY(!room()->contains(&stranger));
    QVERIFY(!room()->isTaken(u"zeca"_s));
    QCOMPARE(room()->size(), 1);
    QVERIFY(m_members.front()->events.isEmpty());
    QVERIFY(stranger.events.isEmpty());
}

void TestChatRoom::sayDeliversToEveryoneInOrder()
{
    joinAll({u"ana"_s, u"bia"_s, u"caio"_s});
    FakeMember *ana = m_members.at(0).get();
    FakeMember *bia = m_members.at(1).get();

    m_now = StartTime + 100;
    room()->say(bia, u"olá\nmundo"_s, false);
    m_now = StartTime + 200;
    room()->say(ana, u"waves"_s, true);
    m_now = StartTime + 300;
    room()->say(bia, u"third"_s, false);
    for (const auto &member : m_members)
        QVERIFY(member->events.isEmpty()); // nothing is sent before it is stored
    QVERIFY(storeAll());

    const QList<Message> expected = {
        Message::chat(u"bia"_s, u"olá\nmundo"_s, false, StartTime + 100, 1),
        Message::chat(u"ana"_s, u"waves"_s, true, StartTime + 200, 2),
        Message::chat(u"bia"_s, u"third"_s, false, StartTime + 300, 3),
    };
    for (const auto &member : m_members)
        QCOMPARE(member->events, expected);

    const Message &action = ana->events.at(1);
    QCOMPARE(action.type, MessageType::Chat);
    QCOMPARE(action.from, u"ana"_s);
    QCOMPARE(action.text, u"waves"_s);
    QCOMPARE(action.action, true);
    QCOMPARE(action.time, StartTime + 200);
    QCOMPARE(ana->events.at(0).action, false);
}

void TestChatRoom::saidThenLeftIsSentWithoutAck()
{
    joinAll({u"ana"_s, u"bia"_s});
    FakeMember *ana = m_members.at(0).get();
    FakeMember *bia = m_members.at(1).get();
    room()->say(ana, u"last words"_s, false, u"id-1"_s);
    room()->leave(ana, u"connection closed"_s, true);
    ana->clear();
    QVERIFY(storeAll());

    // Stored and sent; the ack has nobody to go to (ana may be gone by now).
    QCOMPARE(bia->events.size(), 2);
    QCOMPARE(bia->events.at(1).text, u"last words"_s);
    QVERIFY(ana->told.isEmpty());
    QVERIFY(ana->events.isEmpty());
}

void TestChatRoom::sayLogsOneLinePerLine()
{
    joinAll({u"ana"_s});
    // Whatever QT_LOGGING_RULES says (CTest turns these lines off), for this test only.
    QLoggingCategory &traffic = const_cast<QLoggingCategory &>(lcTraffic());
    const bool wasEnabled = traffic.isInfoEnabled();
    traffic.setEnabled(QtInfoMsg, true);
    // A text with a line feed must not be able to forge a console line of its own.
    QTest::ignoreMessage(QtInfoMsg, "<ana@192.0.2.ana> hi");
    QTest::ignoreMessage(QtInfoMsg, "<ana@192.0.2.ana> bob joined from 10.0.0.1 (2 users here)");
    room()->say(m_members.at(0).get(), u"hi\nbob joined from 10.0.0.1 (2 users here)"_s, false);
    QTest::ignoreMessage(QtInfoMsg, "* ana@192.0.2.ana waves");
    QTest::ignoreMessage(QtInfoMsg, "* ana@192.0.2.ana twice");
    room()->say(m_members.at(0).get(), u"waves\ntwice"_s, true);
    traffic.setEnabled(QtInfoMsg, wasEnabled);
}

void TestChatRoom::sayFromNonMemberIsIgnored()
{
    joinAll({u"ana"_s});
    FakeMember stranger;
    room()->say(&stranger, u"hello?"_s, false);
    QVERIFY(storeAll());
    QVERIFY(m_members.front()->events.isEmpty());
    QVERIFY(stranger.events.isEmpty());
}

void TestChatRoom::leaveDeliversLeftToTheRest()
{
    joinAll({u"ana"_s, u"bia"_s, u"caio"_s});
    FakeMember *ana = m_members.at(0).get();
    FakeMember *bia = m_members.at(1).get();
    FakeMember *caio = m_members.at(2).get();

    m_now = StartTime + 42;
    room()->leave(bia, u"bye now"_s);

    const QList<Message> expected = {Message::left(u"bia"_s, u"bye now"_s, StartTime + 42)};
    QCOMPARE(ana->events, expected);
    QCOMPARE(caio->events, expected);
    QCOMPARE(ana->events.front().type, MessageType::Left);
    QCOMPARE(ana->events.front().nick, u"bia"_s);
    QCOMPARE(ana->events.front().reason, u"bye now"_s);
    QVERIFY(bia->events.isEmpty());

    QVERIFY(!room()->contains(bia));
    QCOMPARE(room()->nickOf(bia), QString());
    QCOMPARE(room()->members(), (QList<RoomMember *> {ana, caio}));
    QCOMPARE(room()->nicks(), (QStringList {u"ana"_s, u"caio"_s}));

    // The nick is free again, and the one who left hears nothing more.
    QVERIFY(!room()->isTaken(u"bia"_s));
    FakeMember newcomer;
    QVERIFY(room()->join(&newcomer, u"BIA"_s).ok());
    room()->say(ana, u"hi"_s, false);
    QVERIFY(storeAll());
    QVERIFY(bia->events.isEmpty());
    QCOMPARE(newcomer.events.size(), 1);
}

void TestChatRoom::leaveOfNonMemberDoesNothing()
{
    joinAll({u"ana"_s, u"bia"_s});
    FakeMember *bia = m_members.at(1).get();
    room()->leave(bia, {});
    for (const auto &member : m_members)
        member->clear();

    room()->leave(bia, u"again"_s);
    FakeMember stranger;
    room()->leave(&stranger, u"never here"_s);

    QCOMPARE(room()->size(), 1);
    for (const auto &member : m_members)
        QVERIFY(member->events.isEmpty());
    QVERIFY(stranger.events.isEmpty());
}

void TestChatRoom::heldNickIsFreeWhenTheGraceEnds()
{
    const qint64 grace = ServerConfig {}.resumeGraceMs;
    joinAll({u"ana"_s, u"bia"_s});
    FakeMember *ana = m_members.at(0).get();
    FakeMember *bia = m_members.at(1).get();
    room()->leave(ana, u"connection closed"_s, true);

    // Nothing but time passes: no join in between that would clear out ended holds first.
    m_now = StartTime + grace - 1;
    QVERIFY(room()->isTaken(u"ana"_s));
    QCOMPARE(room()->rename(bia, u"ana"_s).error, ErrorCode::NickTaken);

    m_now = StartTime + grace;
    QVERIFY(!room()->isTaken(u"ana"_s));
    const ChatRoom::NickResult renamed = room()->rename(bia, u"ana"_s);
    QVERIFY2(renamed.ok(), qPrintable(renamed.text));
    QCOMPARE(room()->nicks(), QStringList {u"ana"_s});
}

void TestChatRoom::replayedTokenIsRetired()
{
    const qint64 overlap = ServerConfig {}.resumeTokenOverlapMs;
    FakeMember first, second, replay, late;
    const QString t1 = room()->join(&first, u"ana"_s).resume;
    room()->leave(&first, u"connection closed"_s, true);
    // The user comes back with its token; whoever saw that hello has t1 too.
    const ChatRoom::NickResult back = room()->join(&second, u"ana"_s, t1);
    QVERIFY2(back.ok(), qPrintable(back.text));
    QVERIFY(back.resume != t1);

    // Once the connection has been up for a short while, t1 displaces nobody any more ...
    m_now = StartTime + overlap;
    const ChatRoom::NickResult replayed = room()->join(&replay, u"ana"_s, t1);
    QCOMPARE(replayed.error, ErrorCode::NickTaken);
    QCOMPARE(second.displaced, 0);
    QVERIFY(room()->contains(&second));
    // ... nor takes back the nickname held after the user drops.
    room()->leave(&second, u"connection closed"_s, true);
    QCOMPARE(room()->join(&replay, u"ana"_s, t1).error, ErrorCode::NickTaken);
    // The newer token still works.
    QVERIFY(room()->join(&late, u"ana"_s, back.resume).ok());
}

void TestChatRoom::replayDoesNotKeepATokenAlive()
{
    const qint64 overlap = ServerConfig {}.resumeTokenOverlapMs;
    FakeMember first, second, third, fourth;
    const QString t1 = room()->join(&first, u"ana"_s).resume;
    room()->leave(&first, u"connection closed"_s, true);
    QVERIFY(room()->join(&second, u"ana"_s, t1).ok());
    // A welcome lost: t1 comes again within the overlap and displaces the connection ...
    m_now = StartTime + overlap - 10;
    QVERIFY(room()->join(&third, u"ana"_s, t1).ok());
    QCOMPARE(second.displaced, 1);
    // ... but that does not start its overlap again.
    m_now = StartTime + overlap;
    QCOMPARE(room()->join(&fourth, u"ana"_s, t1).error, ErrorCode::NickTaken);
    QCOMPARE(third.displaced, 0);
}

void TestChatRoom::olderTokenDoesNotDisplaceNewer()
{
    FakeMember first, second, third, replay;
    const QString t1 = room()->join(&first, u"ana"_s).resume;
    room()->leave(&first, u"connection closed"_s, true);
    const QString t2 = room()->join(&second, u"ana"_s, t1).resume;
    // The user used its newer token: the older one is void at once, within the overlap too.
    QVERIFY(room()->join(&third, u"ana"_s, t2).ok());
    QCOMPARE(second.displaced, 1);
    QCOMPARE(room()->join(&replay, u"ana"_s, t1).error, ErrorCode::NickTaken);
    QCOMPARE(third.displaced, 0);
    QVERIFY(room()->contains(&third));
}

void TestChatRoom::resumeSpelledDifferently()
{
    // docs/PROTOCOL.md 6.11: the nickname comes back as the resuming hello spells it, and the
    // others see it leave and join, as for any resume.
    joinAll({u"bia"_s});
    FakeMember *bia = m_members.at(0).get();
    FakeMember first, back;
    const QString token = room()->join(&first, u"Bob"_s).resume;
    room()->leave(&first, u"connection closed"_s, true);
    bia->clear();
    const ChatRoom::NickResult resumed = room()->join(&back, u"BOB"_s, token);
    QVERIFY2(resumed.ok(), qPrintable(resumed.text));
    QCOMPARE(resumed.nick, u"BOB"_s);
    QCOMPARE(room()->nicks(), (QStringList {u"bia"_s, u"BOB"_s}));
    QCOMPARE(bia->events, QList<Message> {Message::joined(u"BOB"_s, StartTime)});

    // With the old connection still open: it leaves as BOB, and bob joins.
    FakeMember again;
    bia->clear();
    QVERIFY(room()->join(&again, u"bob"_s, resumed.resume).ok());
    QCOMPARE(back.displaced, 1);
    QCOMPARE(bia->events.size(), 2);
    QCOMPARE(bia->events.at(0).type, MessageType::Left);
    QCOMPARE(bia->events.at(0).nick, u"BOB"_s);
    QCOMPARE(bia->events.at(1), Message::joined(u"bob"_s, StartTime));
}

void TestChatRoom::heldNicksAreBounded()
{
    // Issue 13: holds cost no connection slot, so one client made 20,000 of them. Now at most
    // --max-per-ip per address (an IPv6 /64 as one) and --max-clients in all.
    ServerConfig config;
    config.maxPerIp = 2;
    config.maxClients = 5;
    ChatRoom room(config);
    room.setClock([this] { return m_now; });
    std::vector<std::unique_ptr<FakeMember>> members;
    QString lastToken;
    const auto joinAndDrop = [&](const QString &nick, const QString &address) {
        members.push_back(std::make_unique<FakeMember>(address));
        const ChatRoom::NickResult joined = room.join(members.back().get(), nick);
        QVERIFY2(joined.ok(), qPrintable(joined.text));
        lastToken = joined.resume;
        room.leave(members.back().get(), u"connection closed"_s, true);
    };

    joinAndDrop(u"a1"_s, u"192.0.2.1"_s);
    const QString a1Token = lastToken;
    joinAndDrop(u"a2"_s, u"192.0.2.1"_s);
    joinAndDrop(u"a3"_s, u"192.0.2.1"_s);
    QVERIFY(room.isTaken(u"a1"_s));
    QVERIFY(room.isTaken(u"a2"_s));
    QVERIFY(!room.isTaken(u"a3"_s)); // its address holds two already

    joinAndDrop(u"v1"_s, u"2001:db8::1"_s);
    joinAndDrop(u"v2"_s, u"2001:db8::2:0:0:2"_s);
    joinAndDrop(u"v3"_s, u"2001:db8::ffff:3"_s);
    QVERIFY(room.isTaken(u"v1"_s));
    QVERIFY(room.isTaken(u"v2"_s));
    QVERIFY(!room.isTaken(u"v3"_s)); // the same /64: one address

    joinAndDrop(u"b1"_s, u"192.0.2.2"_s);
    QVERIFY(room.isTaken(u"b1"_s));
    joinAndDrop(u"c1"_s, u"192.0.2.3"_s);
    QVERIFY(!room.isTaken(u"c1"_s)); // five held in all

    // A hold taken back by its user makes room for another.
    FakeMember back(u"192.0.2.1"_s);
    const ChatRoom::NickResult resumed = room.join(&back, u"a1"_s, a1Token);
    QVERIFY2(resumed.ok(), qPrintable(resumed.text));
    joinAndDrop(u"a4"_s, u"192.0.2.1"_s);
    QVERIFY(room.isTaken(u"a4"_s));

    // Ended holds make room too.
    m_now += ServerConfig {}.resumeGraceMs;
    joinAndDrop(u"c2"_s, u"192.0.2.3"_s);
    QVERIFY(room.isTaken(u"c2"_s));
}

void TestChatRoom::noticeReachesEveryone()
{
    room()->notice(u"nobody hears this"_s); // an empty room is fine
    QVERIFY(storeAll());

    joinAll({u"ana"_s, u"bia"_s});
    m_now = StartTime + 7;
    room()->notice(u"restart at noon"_s);
    QVERIFY(storeAll());

    const QList<Message> expected = {Message::notice(u"restart at noon"_s, StartTime + 7, 2)};
    for (const auto &member : m_members)
        QCOMPARE(member->events, expected);
    QCOMPARE(expected.front().type, MessageType::Notice);
    QCOMPARE(expected.front().text, u"restart at noon"_s);
}

void TestChatRoom::clockSetsEventTimes()
{
    FakeMember ana, bia;
    QVERIFY(room()->join(&ana, u"ana"_s).ok());
    m_now = 1000;
    QVERIFY(room()->join(&bia, u"bia"_s).ok());
    m_now = 2000;
    room()->say(&bia, u"x"_s, false);
    QVERIFY(storeAll());
    m_now = 3000;
    QVERIFY(room()->rename(&bia, u"bea"_s).ok());
    m_now = 4000;
    room()->notice(u"n"_s);
    QVERIFY(storeAll());
    m_now = 5000;
    room()->leave(&bia, {});

    QList<qint64> times;
    for (const Message &event : std::as_const(ana.events))
        times.append(event.time);
    QCOMPARE(times, (QList<qint64> {1000, 2000, 3000, 4000, 5000}));

    // Without an injected clock, events carry the current time.
    ChatRoom realRoom;
    FakeMember a, b;
    QVERIFY(realRoom.join(&a, u"a"_s).ok());
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(realRoom.join(&b, u"b"_s).ok());
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(a.events.size(), 1);
    QVERIFY(a.events.front().time >= before);
    QVERIFY(a.events.front().time <= after);
    realRoom.leave(&a, {});
    realRoom.leave(&b, {});
}

void TestChatRoom::broadcastEncodedOnce()
{
    joinAll({u"ana"_s, u"bia"_s, u"caio"_s, u"dani"_s});
    room()->say(m_members.front().get(), u"one encoding for all"_s, false);
    QVERIFY(storeAll());

    const FakeMember *first = m_members.front().get();
    QCOMPARE(first->frames.size(), 1);
    QCOMPARE(first->texts.size(), 1);
    const QByteArray &frame = first->frames.front();
    const QByteArray &text = first->texts.front();
    QVERIFY(!frame.isEmpty());
    QVERIFY(!text.isEmpty());
    QVERIFY(dataOf(frame) != dataOf(text));

    for (const auto &member : m_members) {
        QCOMPARE(member->frames.size(), 1);
        QCOMPARE(member->frames.front(), frame);
        QCOMPARE(dataOf(member->frames.front()), dataOf(frame));
        QCOMPARE(member->texts.front(), text);
        QCOMPARE(dataOf(member->texts.front()), dataOf(text));
    }

    // A later event is a new broadcast with its own encoding.
    room()->notice(u"next"_s);
    QVERIFY(storeAll());
    QVERIFY(dataOf(first->frames.at(1)) != dataOf(frame));
    QCOMPARE(dataOf(m_members.back()->frames.at(1)), dataOf(first->frames.at(1)));

    // The Broadcast itself encodes lazily, once: the same buffer on every call.
    const Broadcast broadcast(Message::notice(u"x"_s, StartTime));
    const void *frameData = dataOf(broadcast.frame());
    QCOMPARE(dataOf(broadcast.frame()), frameData);
    const void *textData = dataOf(broadcast.text());
    QCOMPARE(dataOf(broadcast.text()), textData);
}

// With presence batched, a turn's joins, leaves and renames reach each member as one buffer,
// the one shared by everyone who gets all of them, holding exactly the frames it would get one
// by one: nothing from before its own join, nothing of its own join.
void TestChatRoom::batchedPresenceSendsWhatEachWouldGet()
{
    room()->setBatchPresence(true);
    BatchMember ana, bia, caio, dani;
    QVERIFY(room()->join(&ana, u"ana"_s).ok());
    QVERIFY(room()->join(&bia, u"bia"_s).ok());
    room()->flushPresence();
    ana.received.clear();
    ana.batches = 0;

    m_now = StartTime + 1;
    QVERIFY(room()->join(&caio, u"caio"_s).ok());
    QVERIFY(room()->join(&dani, u"dani"_s).ok());
    // Settling for a member due nothing (a joiner's welcome) leaves the batch waiting.
    room()->settlePresence(&dani);
    QVERIFY(room()->rename(&bia, u"bea"_s).ok());
    QVERIFY(ana.received.isEmpty()); // not yet: at the end of the turn
    QVERIFY(caio.received.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(ana.batches, 1, 10'000); // the turn ended

    const QByteArray joinedCaio = frameOf(Message::joined(u"caio"_s, StartTime + 1));
    const QByteArray joinedDani = frameOf(Message::joined(u"dani"_s, StartTime + 1));
    const QByteArray renamed = frameOf(Message::renamed(u"bia"_s, u"bea"_s, StartTime + 1));
    QCOMPARE(ana.received, QList<QByteArray> {joinedCaio + joinedDani + renamed});
    QCOMPARE(bia.received, QList<QByteArray> {joinedCaio + joinedDani + renamed});
    QCOMPARE(caio.received, QList<QByteArray> {joinedDani + renamed});
    QCOMPARE(dani.received, QList<QByteArray> {renamed});
    QCOMPARE(dataOf(ana.received.front()), dataOf(bia.received.front()));
    QCOMPARE(caio.batches, 1);
    QCOMPARE(dani.batches, 1);
}

// A join burst: those who joined during the batch are due only its end, and get it as a view
// into the buffer everyone else gets, not a copy each; that buffer is no larger than its bytes.
// (Copies made the join burst's peak memory grow with the square of the joiners per batch.)
void TestChatRoom::batchedPresenceSharesOneBufferWithJoiners()
{
    room()->setBatchPresence(true);
    for (const bool line : {false, true}) {
        const QString prefix = line ? u"t"_s : u"f"_s;
        WireMember old(prefix + u"old"_s, line);
        QVERIFY(room()->join(&old, old.nick()).ok());
        room()->flushPresence();
        old.pieces.clear();

        constexpr int Count = 40;
        std::vector<std::unique_ptr<WireMember>> joiners;
        QList<QByteArray> encoded;
        for (int i = 0; i < Count; ++i) {
            joiners.push_back(std::make_unique<WireMember>(prefix + u"j%1"_s.arg(i), line));
            QVERIFY(room()->join(joiners.back().get(), joiners.back()->nick()).ok());
            const Message joined = Message::joined(joiners.back()->nick(), StartTime);
            encoded.append(line ? TextFormat::encode(joined) : frameOf(joined));
        }
        room()->flushPresence();

        // One chunk: the member from before gets every join in one buffer.
        QCOMPARE(old.pieces.size(), 1);
        const QByteArray &whole = old.pieces.front();
        QCOMPARE(whole, encoded.join());
        QCOMPARE(whole.capacity(), whole.size());
        for (int i = 0; i < Count; ++i) {
            const WireMember &joiner = *joiners[size_t(i)];
            const QByteArray due = encoded.mid(i + 1).join();
            QCOMPARE(joiner.stream(), due); // the same bytes as before
            if (i + 1 == Count) {
                QVERIFY(joiner.pieces.isEmpty());
                continue;
            }
            QCOMPARE(joiner.pieces.size(), 1);
            if (i + 2 == Count)
                continue; // a single event: its own buffer, shared as well
            // The end of the same buffer, not a copy of it.
            QCOMPARE(dataOf(joiner.pieces.front()),
                     static_cast<const void *>(whole.constData() + whole.size() - due.size()));
        }
        for (const auto &joiner : joiners)
            room()->leave(joiner.get(), {});
        room()->leave(&old, {});
        room()->flushPresence();
    }
}

// Whatever else the room sends a member, or a session sends its client (settlePresence()),
// comes after the presence events of the turn so far, as it would without batching.
void TestChatRoom::batchedPresenceGoesBeforeAnythingElse()
{
    room()->setBatchPresence(true);
    BatchMember ana, bia, caio;
    QVERIFY(room()->join(&ana, u"ana"_s).ok());
    room()->flushPresence();

    QVERIFY(room()->join(&bia, u"bia"_s).ok());
    // An error told to ana now follows the join it happened after.
    room()->say(&ana, u"hi"_s, false, u"c1"_s, u"nobody"_s);
    const QByteArray joinedBia = frameOf(Message::joined(u"bia"_s, StartTime));
    QCOMPARE(ana.stream(), joinedBia + "told:error");

    // A member who leaves gets what it was due first; the rest get its "left" after that, with
    // the batch: a leave does not send the batch to everyone.
    QVERIFY(room()->join(&caio, u"caio"_s).ok());
    room()->leave(&bia, u"bye"_s);
    const QByteArray joinedCaio = frameOf(Message::joined(u"caio"_s, StartTime));
    QCOMPARE(bia.stream(), joinedCaio);
    QCOMPARE(ana.stream(), joinedBia + "told:error");
    room()->settlePresence(&caio); // caio is due the "left": sent now
    const QByteArray left = frameOf(Message::left(u"bia"_s, u"bye"_s, StartTime));
    QCOMPARE(caio.stream(), left);
    QCOMPARE(ana.stream(), joinedBia + "told:error" + joinedCaio + left);

    // A stored chat comes after the presence before it.
    room()->say(&ana, u"hello"_s, false, u"c2"_s);
    room()->rename(&caio, u"cai"_s);
    QVERIFY(storeAll());
    const QList<QByteArray> lastTwo = ana.received.mid(ana.received.size() - 3);
    QCOMPARE(lastTwo.size(), 3);
    QCOMPARE(lastTwo.at(0), frameOf(Message::renamed(u"caio"_s, u"cai"_s, StartTime)));
    QCOMPARE(lastTwo.at(1), "told:ack"_ba);
    QVERIFY(lastTwo.at(2).contains("hello"));
}

// A stored batch goes to each member as one run of shared buffers, yet each gets exactly the
// bytes it got message by message: its acks before its own chats, the private messages it is
// one of the two people of (worded for it in text mode) in their place, nothing else.
void TestChatRoom::storedBatchReachesEachAsOneByOne()
{
    WireMember ana(u"ana"_s, false), bia(u"bia"_s, false), caio(u"caio"_s, true),
        dani(u"dani"_s, true), eve(u"eve"_s, false), gil(u"gil"_s, false), hana(u"hana"_s, true);
    const QList<WireMember *> all = {&ana, &bia, &caio, &dani, &eve, &gil, &hana};
    for (WireMember *member : all)
        QVERIFY(room()->join(member, member->nick()).ok());
    room()->flushPresence();
    for (WireMember *member : all)
        member->pieces.clear();

    m_now = StartTime + 5;
    room()->say(&ana, u"one"_s, false, u"c1"_s);
    room()->say(&bia, u"psst"_s, false, u"c2"_s, u"caio"_s);
    room()->say(&caio, u"back"_s, true, {}, u"ana"_s);
    room()->notice(u"maintenance"_s);
    room()->say(&dani, u"two"_s, false);
    room()->say(&ana, u"one"_s, false, u"c1"_s); // sent again: acknowledged again, not repeated
    QVERIFY(storeAll());

    const qint64 t = StartTime + 5;
    const Message chat1 = Message::chat(u"ana"_s, u"one"_s, false, t, 1, u"c1"_s);
    Message private2 = Message::chat(u"bia"_s, u"psst"_s, false, t, 2, u"c2"_s);
    private2.to = u"caio"_s;
    Message private3 = Message::chat(u"caio"_s, u"back"_s, true, t, 3);
    private3.to = u"ana"_s;
    const Message notice4 = Message::notice(u"maintenance"_s, t, 4);
    const Message chat5 = Message::chat(u"dani"_s, u"two"_s, false, t, 5);
    const auto told = [](const Message &message) {
        return QByteArray("told:" + frameOf(message));
    };
    const QByteArray ack1 = told(Message::ack(u"c1"_s, 1, t));
    const QByteArray ack2 = told(Message::ack(u"c2"_s, 2, t));

    QCOMPARE(ana.stream(),
             ack1 + frameOf(chat1) + frameOf(private3) + frameOf(notice4) + frameOf(chat5) + ack1);
    QCOMPARE(bia.stream(),
             frameOf(chat1) + ack2 + frameOf(private2) + frameOf(notice4) + frameOf(chat5));
    QCOMPARE(caio.stream(),
             TextFormat::encode(chat1) + TextFormat::encode(private2, u"caio"_s) +
                 TextFormat::encode(private3, u"caio"_s) + TextFormat::encode(notice4) +
                 TextFormat::encode(chat5));
    const QByteArray publicText =
        TextFormat::encode(chat1) + TextFormat::encode(notice4) + TextFormat::encode(chat5);
    QCOMPARE(dani.stream(), publicText);
    QCOMPARE(hana.stream(), publicText);
    const QByteArray publicFrames = frameOf(chat1) + frameOf(notice4) + frameOf(chat5);
    QCOMPARE(eve.stream(), publicFrames);
    QCOMPARE(gil.stream(), publicFrames);
    // Those due only the public ones get them as one buffer, the same one for all of them.
    QCOMPARE(eve.pieces.size(), 1);
    QCOMPARE(dataOf(gil.pieces.front()), dataOf(eve.pieces.front()));
    QCOMPARE(dani.pieces.size(), 1);
    QCOMPARE(dataOf(hana.pieces.front()), dataOf(dani.pieces.front()));
}

// A batch longer than a chunk reaches each member in chunks, the same buffers for all, and
// the bytes are still those of the messages one by one.
void TestChatRoom::longBatchGoesInSharedChunks()
{
    WireMember ana(u"ana"_s, false), eve(u"eve"_s, false), gil(u"gil"_s, false),
        dani(u"dani"_s, true);
    for (WireMember *member : {&ana, &eve, &gil, &dani})
        QVERIFY(room()->join(member, member->nick()).ok());
    room()->flushPresence();
    for (WireMember *member : {&ana, &eve, &gil, &dani})
        member->pieces.clear();

    constexpr int Count = 60;
    const QString text(2000, u'z');
    for (int i = 0; i < Count; ++i)
        room()->say(&ana, text, false, u"c%1"_s.arg(i));
    QVERIFY(storeAll());

    QByteArray frames;
    QByteArray lines;
    QByteArray withAcks;
    for (int i = 0; i < Count; ++i) {
        const Message chat =
            Message::chat(u"ana"_s, text, false, StartTime, quint64(i + 1), u"c%1"_s.arg(i));
        frames += frameOf(chat);
        lines += TextFormat::encode(chat);
        withAcks +=
            "told:" + frameOf(Message::ack(chat.clientId, chat.seq, chat.time)) + frameOf(chat);
    }
    QCOMPARE(eve.stream(), frames);
    QCOMPARE(gil.stream(), frames);
    QCOMPARE(dani.stream(), lines);
    QCOMPARE(ana.stream(), withAcks);
    // In chunks of at most about BroadcastRun::ChunkBytes, each one buffer shared by all.
    QVERIFY2(eve.pieces.size() > 1, qPrintable(QString::number(eve.pieces.size())));
    QVERIFY(eve.pieces.size() < Count);
    QCOMPARE(gil.pieces.size(), eve.pieces.size());
    for (qsizetype i = 0; i < eve.pieces.size(); ++i) {
        QVERIFY(eve.pieces.at(i).size() <= BroadcastRun::ChunkBytes);
        QCOMPARE(dataOf(gil.pieces.at(i)), dataOf(eve.pieces.at(i)));
    }

    // Text of many lines repeats the stamp and nickname on each: the chunks still stay small.
    dani.pieces.clear();
    const QString manyLines = QString(u"a\n"_s).repeated(1500) + u"a"_s;
    for (int i = 0; i < 20; ++i)
        room()->say(&ana, manyLines, false, u"m%1"_s.arg(i));
    QVERIFY(storeAll());
    QByteArray expected;
    for (int i = 0; i < 20; ++i) {
        expected += TextFormat::encode(Message::chat(u"ana"_s, manyLines, false, StartTime,
                                                     quint64(Count + i + 1), u"m%1"_s.arg(i)));
    }
    QCOMPARE(dani.stream(), expected);
    QVERIFY(dani.pieces.size() > 1);
    for (const QByteArray &piece : std::as_const(dani.pieces))
        QVERIFY2(piece.size() <= 2 * BroadcastRun::ChunkBytes,
                 qPrintable(QString::number(piece.size())));
}

void TestChatRoom::frameAndTextMatchEvent()
{
    FakeMember watcher;
    QVERIFY(room()->join(&watcher, u"watcher"_s).ok());
    FakeMember ana;
    m_now = StartTime + 1;
    QVERIFY(room()->join(&ana, u"ana"_s).ok());
    m_now = StartTime + 2;
    room()->say(&ana, u"olá, ✓ 🎉\nline two"_s, false);
    room()->say(&ana, u"dances"_s, true);
    QVERIFY(storeAll());
    QVERIFY(room()->rename(&ana, u"Ana"_s).ok());
    room()->notice(u"from the host"_s);
    QVERIFY(storeAll());
    room()->leave(&ana, u"done"_s);
    FakeMember bia;
    QVERIFY(room()->join(&bia, u"bia"_s).ok());
    room()->leave(&bia, {});

    QCOMPARE(watcher.events.size(), 8);
    QCOMPARE(watcher.frames.size(), watcher.events.size());
    for (qsizetype i = 0; i < watcher.events.size(); ++i) {
        const Message &event = watcher.events.at(i);
        FrameDecoder decoder;
        QVERIFY(decoder.feed(watcher.frames.at(i)));
        QVERIFY(decoder.hasFrame());
        const QByteArray payload = decoder.next();
        QVERIFY(!decoder.hasFrame());
        QCOMPARE(decoder.bufferedBytes(), qsizetype(0));
        const DecodeResult decoded = MessageCodec::decode(payload);
        QVERIFY2(decoded.ok(), qPrintable(decoded.detail));
        QCOMPARE(decoded.message, event);

        QCOMPARE(watcher.texts.at(i), TextFormat::encode(event));
        QVERIFY(watcher.texts.at(i).endsWith("\r\n"));
    }
}

// A stored batch's share goes out to each member as soon as it is handed over (one flush
// after it, its own acks among it), not at the end of the turn after everyone's.
void TestChatRoom::eachMemberFlushedAfterItsShareOfABatch()
{
    joinAll({u"ana"_s, u"bia"_s, u"caio"_s});
    FakeMember &ana = *m_members[0];
    room()->say(&ana, u"one"_s, false, u"c1"_s);
    room()->say(m_members[1].get(), u"two"_s, false);
    QVERIFY(storeAll());
    QCOMPARE(ana.trail, QStringList({u"told"_s, u"one"_s, u"two"_s, u"flush"_s}));
    for (size_t i = 1; i < m_members.size(); ++i)
        QCOMPARE(m_members[i]->trail, QStringList({u"one"_s, u"two"_s, u"flush"_s}));
}

// What is said while a batch is being stored goes to the store before that batch is sent, so
// that its fdatasync overlaps the fan-out; each batch still reaches everyone after its own,
// in order, and a repeat waiting with it is acknowledged after the original.
void TestChatRoom::nextBatchStoredWhileOneIsSent()
{
    joinAll({u"ana"_s, u"bia"_s});
    FakeMember &ana = *m_members[0];
    FakeMember &bia = *m_members[1];
    room()->say(&ana, u"one"_s, false, u"c1"_s);
    room()->commit();
    QVERIFY(room()->isStoring());
    room()->say(&bia, u"two"_s, false);
    room()->say(&ana, u"one"_s, false, u"c1"_s); // sent again while its original is stored
    QVERIFY(room()->hasPending());
    int storingWhenSent = -1;
    bia.onDeliver = [this, &storingWhenSent](const Message &event) {
        if (event.text == u"one"_s)
            storingWhenSent = room()->storingCount();
    };
    QVERIFY(storeAll());
    QCOMPARE(storingWhenSent, 2); // "two" and the repeat were with the store already
    QCOMPARE(bia.trail, QStringList({u"one"_s, u"flush"_s, u"two"_s, u"flush"_s}));
    QCOMPARE(ana.trail,
             QStringList({u"told"_s, u"one"_s, u"flush"_s, u"two"_s, u"told"_s, u"flush"_s}));
    QCOMPARE(ana.told.size(), 2);
    QCOMPARE(ana.told.at(0).type, MessageType::Ack);
    QCOMPARE(ana.told.at(1).type, MessageType::Ack);
    QCOMPARE(ana.told.at(1).seq, ana.told.at(0).seq);
}

QTEST_GUILESS_MAIN(TestChatRoom)

#include "tst_chatroom.moc"
