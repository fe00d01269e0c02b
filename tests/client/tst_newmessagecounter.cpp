// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QList>
#include <QSignalSpy>
#include <QTest>

#include "chatline.h"
#include "messagemodel.h"
#include "newmessagecounter.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

ChatLine chat(const QString &text, bool mention = false)
{
    ChatLine line;
    line.kind = ChatLine::Kind::Chat;
    line.time = 1'700'000'000'000;
    line.nick = u"bia"_s;
    line.text = text;
    line.mentionsMe = mention;
    return line;
}

} // namespace

class TestNewMessageCounter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsOnlyWhileCounting();
    void countsMessagesAndMentionsApart();
    void historyPresenceAndOwnLinesAreNotNew();
    void label();
};

void TestNewMessageCounter::countsOnlyWhileCounting()
{
    MessageModel model;
    NewMessageCounter counter;
    counter.setModel(&model);
    QSignalSpy changed(&counter, &NewMessageCounter::countChanged);
    model.append(chat(u"seen at the bottom"_s));
    QCOMPARE(counter.count(), 0);
    QVERIFY(changed.isEmpty());

    counter.setCounting(true);
    model.append({chat(u"one"_s), chat(u"two"_s)});
    QCOMPARE(counter.count(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().at(0).toInt(), 2);

    // Back at the bottom: all read.
    counter.setCounting(false);
    QCOMPARE(counter.count(), 0);
    QCOMPARE(changed.last().at(0).toInt(), 0);
    model.append(chat(u"three"_s));
    QCOMPARE(counter.count(), 0);
}

void TestNewMessageCounter::countsMessagesAndMentionsApart()
{
    MessageModel model;
    NewMessageCounter counter;
    counter.setModel(&model);
    counter.setCounting(true);
    model.append(chat(u"hi"_s));
    model.append(chat(u"ana: look"_s, true));
    ChatLine action = chat(u"waves"_s);
    action.kind = ChatLine::Kind::Action;
    model.append(action);
    QCOMPARE(counter.count(), 3);
    QCOMPARE(counter.mentions(), 1);
}

void TestNewMessageCounter::historyPresenceAndOwnLinesAreNotNew()
{
    MessageModel model;
    NewMessageCounter counter;
    counter.setModel(&model);
    counter.setCounting(true);
    ChatLine old = chat(u"from the history"_s);
    old.history = true;
    old.seq = 1;
    ChatLine joined = chat({});
    joined.kind = ChatLine::Kind::Joined;
    ChatLine mine = chat(u"mine"_s);
    mine.nick = u"ana"_s;
    mine.clientId = u"c1"_s;
    mine.delivery = ChatLine::Delivery::Pending;
    model.append({old, joined, mine});
    QCOMPARE(counter.count(), 0);
    QCOMPARE(counter.mentions(), 0);
}

void TestNewMessageCounter::label()
{
    // Without a translation loaded the plurals read "message(s)"; the English one has the forms.
    const QString three = NewMessageCounter::tr("%n new message(s)", nullptr, 3);
    QVERIFY(three.startsWith(u"3 new message"_s));
    QCOMPARE(NewMessageCounter::label(3, 0), three + u" ↓"_s);
    QCOMPARE(NewMessageCounter::label(3, 1),
             three + u", "_s + NewMessageCounter::tr("%n mention(s)", nullptr, 1) + u" ↓"_s);
    QVERIFY(NewMessageCounter::label(5, 2).contains(u", 2 mention"_s));
}

QTEST_GUILESS_MAIN(TestNewMessageCounter)
#include "tst_newmessagecounter.moc"
