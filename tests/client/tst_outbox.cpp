// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "outbox.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestOutbox final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void keepsOrderAndGivesUniqueIds();
    void survivesANewInstance();
    void statesAndReasons();
    void stateChangesAreWritten();
    void acknowledgedEntriesLeave();
    void isBounded();
    void writesOnceForABurst();
    void unreadableFileStartsEmpty();
    void fileNamePerServerAndNick();

private:
    QString path() const { return m_dir.filePath(u"outbox/test.json"_s); }

    QTemporaryDir m_dir;
};

void TestOutbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestOutbox::init()
{
    QFile::remove(path());
}

void TestOutbox::keepsOrderAndGivesUniqueIds()
{
    Outbox outbox;
    QVERIFY(outbox.open(path()));
    QVERIFY(outbox.isEmpty());
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        const OutboxEntry *entry = outbox.add(u"m%1"_s.arg(i), i == 2, 1000 + i);
        QVERIFY(entry);
        QVERIFY(!QUuid::fromString(entry->clientId).isNull());
        QVERIFY(!entry->clientId.contains(u'{'));
        QCOMPARE(entry->state, OutboxEntry::State::Pending);
        ids.append(entry->clientId);
    }
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 5);
    QCOMPARE(outbox.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(outbox.entries().at(i).text, u"m%1"_s.arg(i));
        QCOMPARE(outbox.entries().at(i).clientId, ids.at(i));
        QCOMPARE(outbox.entries().at(i).action, i == 2);
        QCOMPARE(outbox.entries().at(i).created, 1000 + i);
    }
}

void TestOutbox::survivesANewInstance()
{
    QList<OutboxEntry> before;
    {
        Outbox outbox;
        QVERIFY(outbox.open(path()));
        outbox.add(u"olá"_s, false, 1);
        outbox.add(u"acena"_s, true, 2);
        outbox.add(u"bad\u0001"_s, false, 3);
        QVERIFY(outbox.setFailed(outbox.entries().at(2).clientId, u"control character"_s));
        before = outbox.entries();
        // No explicit save: the destructor writes what is pending.
    }
    QVERIFY(QFile::exists(path()));
    Outbox again;
    QVERIFY(again.open(path()));
    QCOMPARE(again.entries(), before);
}

void TestOutbox::statesAndReasons()
{
    Outbox outbox;
    QVERIFY(outbox.open(path()));
    const QString id = outbox.add(u"x"_s, false, 1)->clientId;
    QVERIFY(outbox.setFailed(id, u"too long"_s));
    QCOMPARE(outbox.find(id)->state, OutboxEntry::State::Failed);
    QCOMPARE(outbox.find(id)->reason, u"too long"_s);
    QVERIFY(outbox.setPending(id));
    QCOMPARE(outbox.find(id)->state, OutboxEntry::State::Pending);
    QVERIFY(outbox.find(id)->reason.isEmpty());
    QVERIFY(!outbox.setFailed(u"unknown"_s, u"?"_s));
    QVERIFY(!outbox.setPending(u"unknown"_s));
}

void TestOutbox::stateChangesAreWritten()
{
    QString id;
    {
        Outbox outbox;
        QVERIFY(outbox.open(path()));
        id = outbox.add(u"x"_s, false, 1)->clientId;
        QVERIFY(outbox.save()); // written as pending: only the change below is left to write
        QVERIFY(outbox.setFailed(id, u"too long"_s));
    }
    {
        Outbox outbox;
        QVERIFY(outbox.open(path()));
        QCOMPARE(outbox.find(id)->state, OutboxEntry::State::Failed);
        QCOMPARE(outbox.find(id)->reason, u"too long"_s);
        QVERIFY(outbox.setPending(id));
    }
    Outbox outbox;
    QVERIFY(outbox.open(path()));
    QCOMPARE(outbox.find(id)->state, OutboxEntry::State::Pending);
    QVERIFY(outbox.find(id)->reason.isEmpty());
}

void TestOutbox::acknowledgedEntriesLeave()
{
    {
        Outbox outbox;
        QVERIFY(outbox.open(path()));
        const QString first = outbox.add(u"a"_s, false, 1)->clientId;
        outbox.add(u"b"_s, false, 2);
        QVERIFY(outbox.save());
        QVERIFY(outbox.remove(first));
        QVERIFY(!outbox.remove(first));
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.entries().at(0).text, u"b"_s);
        QVERIFY(outbox.save());
        QVERIFY(outbox.remove(outbox.entries().at(0).clientId));
        QVERIFY(outbox.save());
    }
    // Empty: no file is left behind.
    QVERIFY(!QFile::exists(path()));
}

void TestOutbox::isBounded()
{
    Outbox outbox;
    QVERIFY(outbox.open(path()));
    outbox.setLimit(3);
    QVERIFY(outbox.add(u"1"_s, false, 1));
    QVERIFY(outbox.add(u"2"_s, false, 2));
    QVERIFY(outbox.add(u"3"_s, false, 3));
    QVERIFY(outbox.isFull());
    // The newest is refused; nothing older is dropped to make room.
    QVERIFY(!outbox.add(u"4"_s, false, 4));
    QCOMPARE(outbox.size(), 3);
    QCOMPARE(outbox.entries().at(0).text, u"1"_s);
    QVERIFY(outbox.remove(outbox.entries().at(0).clientId));
    QVERIFY(outbox.add(u"4"_s, false, 4));
}

void TestOutbox::writesOnceForABurst()
{
    Outbox outbox;
    QVERIFY(outbox.open(path()));
    for (int i = 0; i < 100; ++i)
        outbox.add(u"m%1"_s.arg(i), false, i);
    // Not yet: a burst of changes costs one write, a moment later.
    QVERIFY(!QFile::exists(path()));
    QTRY_VERIFY(QFile::exists(path()));
    Outbox reader;
    QVERIFY(reader.open(path()));
    QCOMPARE(reader.size(), 100);
}

void TestOutbox::unreadableFileStartsEmpty()
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();
    Outbox outbox;
    QVERIFY(!outbox.open(path()));
    QVERIFY(outbox.isEmpty());
    QVERIFY(outbox.add(u"still works"_s, false, 1));
}

void TestOutbox::fileNamePerServerAndNick()
{
    const QString a = Outbox::fileFor(u"Example.org"_s, 3000, u"Ana"_s);
    QCOMPARE(a, Outbox::fileFor(u"example.org"_s, 3000, u"ana"_s));
    QVERIFY(a != Outbox::fileFor(u"example.org"_s, 3001, u"ana"_s));
    QVERIFY(a != Outbox::fileFor(u"example.org"_s, 3000, u"bia"_s));
    QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(!a.mid(a.lastIndexOf(u'/') + 1).contains(u':'));
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
