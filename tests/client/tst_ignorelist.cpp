// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "chatline.h"
#include "ignorelist.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestIgnoreList final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addRemoveAndRemember();
    void hidesChatFromIgnoredOnly();
};

void TestIgnoreList::addRemoveAndRemember()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"tagarela.conf"_s);
    {
        QSettings settings(file, QSettings::IniFormat);
        IgnoreList list(&settings);
        QSignalSpy changed(&list, &IgnoreList::changed);
        QVERIFY(list.nicks().isEmpty());
        QVERIFY(list.add(u"troll"_s));
        QVERIFY(!list.add(u"TROLL"_s));
        QVERIFY(list.add(u"Bot"_s));
        QCOMPARE(list.nicks(), QStringList({u"Bot"_s, u"troll"_s}));
        QVERIFY(list.contains(u"bot"_s));
        QCOMPARE(changed.size(), 2);
    }
    {
        // Remembered.
        QSettings settings(file, QSettings::IniFormat);
        IgnoreList list(&settings);
        QCOMPARE(list.nicks(), QStringList({u"Bot"_s, u"troll"_s}));
        QVERIFY(list.remove(u"BOT"_s));
        QVERIFY(!list.remove(u"nobody"_s));
    }
    QSettings settings(file, QSettings::IniFormat);
    IgnoreList list(&settings);
    QCOMPARE(list.nicks(), QStringList({u"troll"_s}));
}

void TestIgnoreList::hidesChatFromIgnoredOnly()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"t.conf"_s), QSettings::IniFormat);
    IgnoreList list(&settings);
    QVERIFY(list.add(u"troll"_s));
    ChatLine line;
    line.kind = ChatLine::Kind::Chat;
    line.nick = u"Troll"_s;
    QVERIFY(list.hides(line, u"ana"_s));
    line.kind = ChatLine::Kind::Action;
    QVERIFY(list.hides(line, u"ana"_s));
    line.to = u"ana"_s; // private, too
    QVERIFY(list.hides(line, u"ana"_s));
    line.kind = ChatLine::Kind::Joined;
    QVERIFY(!list.hides(line, u"ana"_s));
    line.kind = ChatLine::Kind::Chat;
    line.nick = u"bia"_s;
    QVERIFY(!list.hides(line, u"ana"_s));
    // Never one's own lines.
    line.nick = u"troll"_s;
    QVERIFY(!list.hides(line, u"troll"_s));
}

QTEST_GUILESS_MAIN(TestIgnoreList)

#include "tst_ignorelist.moc"
