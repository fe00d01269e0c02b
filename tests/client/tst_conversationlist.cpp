// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include <QSignalSpy>
#include <QTest>

#include "chatline.h"
#include "conversationlist.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

ChatLine chat(const QString &from, const QString &text, const QString &to = {})
{
    ChatLine line;
    line.kind = ChatLine::Kind::Chat;
    line.nick = from;
    line.text = text;
    line.to = to;
    return line;
}

} // namespace

class TestConversationList final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roomFirst();
    void privateLinesOpenTheirConversation();
    void unreadCounts();
    void historyAndOwnLinesAreNotUnread();
    void closeAndRename();
};

void TestConversationList::roomFirst()
{
    ConversationList list;
    QCOMPARE(list.count(), 1);
    QCOMPARE(list.at(0).peer, QString());
    QCOMPARE(list.current(), 0);
    QVERIFY(!list.close(0));
    QCOMPARE(list.indexOf({}), 0);
}

void TestConversationList::privateLinesOpenTheirConversation()
{
    ConversationList list;
    QSignalSpy opened(&list, &ConversationList::opened);
    QCOMPARE(list.add(chat(u"bia"_s, u"hi"_s), u"ana"_s), 0);
    // Received: the sender's conversation; sent: the recipient's.
    QCOMPARE(list.add(chat(u"bia"_s, u"psst"_s, u"ana"_s), u"ana"_s), 1);
    QCOMPARE(list.add(chat(u"ANA"_s, u"yes?"_s, u"BIA"_s), u"ana"_s), 1);
    QCOMPARE(list.add(chat(u"ana"_s, u"hey"_s, u"caio"_s), u"ana"_s), 2);
    QCOMPARE(opened.size(), 2);
    QCOMPARE(list.at(1).peer, u"bia"_s);
    QCOMPARE(list.at(2).peer, u"caio"_s);
    QCOMPARE(list.open(u"Caio"_s), 2);
    QCOMPARE(list.indexOf(u"dan"_s), -1);
}

void TestConversationList::unreadCounts()
{
    ConversationList list;
    QSignalSpy changed(&list, &ConversationList::changed);
    list.add(chat(u"bia"_s, u"one"_s, u"ana"_s), u"ana"_s);
    list.add(chat(u"bia"_s, u"two"_s, u"ana"_s), u"ana"_s);
    // The room is shown: its lines are read as they come.
    list.add(chat(u"caio"_s, u"room"_s), u"ana"_s);
    QCOMPARE(list.at(1).unread, 2);
    QCOMPARE(list.at(0).unread, 0);
    QCOMPARE(list.unreadPrivate(), 2);
    QVERIFY(changed.size() >= 2);

    QSignalSpy current(&list, &ConversationList::currentChanged);
    list.setCurrent(1);
    QCOMPARE(current.size(), 1);
    QCOMPARE(list.at(1).unread, 0);
    QCOMPARE(list.currentPeer(), u"bia"_s);
    list.add(chat(u"caio"_s, u"room again"_s), u"ana"_s);
    list.add(chat(u"bia"_s, u"seen"_s, u"ana"_s), u"ana"_s);
    QCOMPARE(list.at(0).unread, 1);
    QCOMPARE(list.at(1).unread, 0);
    list.setCurrent(0);
    QCOMPARE(list.at(0).unread, 0);
}

void TestConversationList::historyAndOwnLinesAreNotUnread()
{
    ConversationList list;
    ChatLine past = chat(u"bia"_s, u"old"_s, u"ana"_s);
    past.history = true;
    QCOMPARE(list.add(past, u"ana"_s), 1);
    list.add(chat(u"ana"_s, u"mine"_s, u"bia"_s), u"ana"_s);
    ChatLine joined;
    joined.kind = ChatLine::Kind::Joined;
    joined.nick = u"dan"_s;
    list.setCurrent(1);
    list.add(joined, u"ana"_s);
    QCOMPARE(list.at(1).unread, 0);
    QCOMPARE(list.at(0).unread, 0);
}

void TestConversationList::closeAndRename()
{
    ConversationList list;
    list.open(u"bia"_s);
    list.open(u"caio"_s);
    list.setCurrent(2);
    list.rename(u"BIA"_s, u"beatriz"_s);
    QCOMPARE(list.at(1).peer, u"beatriz"_s);
    QVERIFY(list.close(2));
    QCOMPARE(list.count(), 2);
    QCOMPARE(list.current(), 1);
    QVERIFY(list.close(1));
    QCOMPARE(list.current(), 0);
    QCOMPARE(list.count(), 1);
}

QTEST_GUILESS_MAIN(TestConversationList)

#include "tst_conversationlist.moc"
