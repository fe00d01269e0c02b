// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QHostAddress>
#include <QTemporaryDir>
#include <QTest>

#include "banlist.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestBanList final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void matches_data();
    void matches();
    void addAndRemove();
    void saveAndLoad();
    void missingFileIsEmpty();
    void badLinesAreSkipped();
    void unwritableDirectory();
};

void TestBanList::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: refused

    QTest::newRow("ipv4") << u"192.0.2.7"_s << u"192.0.2.7"_s;
    QTest::newRow("ipv4 spaces") << u"  192.0.2.7 "_s << u"192.0.2.7"_s;
    QTest::newRow("ipv4 /32") << u"192.0.2.7/32"_s << u"192.0.2.7"_s;
    QTest::newRow("ipv4 subnet") << u"192.0.2.0/24"_s << u"192.0.2.0/24"_s;
    QTest::newRow("host bits cleared") << u"10.1.2.3/8"_s << u"10.0.0.0/8"_s;
    QTest::newRow("ipv6") << u"2001:db8::1"_s << u"2001:db8::1"_s;
    QTest::newRow("ipv6 subnet") << u"2001:db8:0:0:1::/48"_s << u"2001:db8::/48"_s;
    QTest::newRow("mapped ipv4") << u"::ffff:192.0.2.7"_s << u"192.0.2.7"_s;
    QTest::newRow("mapped ipv4 subnet") << u"::ffff:192.0.2.0/120"_s << u"192.0.2.0/24"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("name") << u"example.org"_s << QString();
    QTest::newRow("bad octet") << u"300.1.1.1"_s << QString();
    QTest::newRow("prefix too long") << u"192.0.2.7/33"_s << QString();
    QTest::newRow("negative prefix") << u"192.0.2.7/-1"_s << QString();
    QTest::newRow("prefix not a number") << u"192.0.2.7/x"_s << QString();
    QTest::newRow("two addresses") << u"192.0.2.7 192.0.2.8"_s << QString();
    QTest::newRow("zone id") << u"fe80::1%eth0"_s << QString();
}

void TestBanList::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const std::optional<BanList::Entry> entry = BanList::parse(input);
    QCOMPARE(entry.has_value(), !expected.isEmpty());
    if (entry)
        QCOMPARE(entry->toString(), expected);
}

void TestBanList::matches_data()
{
    QTest::addColumn<QString>("ban");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("banned");

    QTest::newRow("same") << u"192.0.2.7"_s << u"192.0.2.7"_s << true;
    QTest::newRow("neighbour") << u"192.0.2.7"_s << u"192.0.2.8"_s << false;
    QTest::newRow("in subnet") << u"192.0.2.0/24"_s << u"192.0.2.200"_s << true;
    QTest::newRow("outside subnet") << u"192.0.2.0/24"_s << u"192.0.3.1"_s << false;
    // A dual-stack listener sees IPv4 peers as ::ffff:a.b.c.d.
    QTest::newRow("mapped peer") << u"192.0.2.7"_s << u"::ffff:192.0.2.7"_s << true;
    QTest::newRow("ipv6 subnet") << u"2001:db8::/32"_s << u"2001:db8:1::5"_s << true;
    QTest::newRow("ipv6 outside") << u"2001:db8::/32"_s << u"2001:db9::5"_s << false;
    QTest::newRow("v4 ban, v6 peer") << u"0.0.0.0/0"_s << u"2001:db8::1"_s << false;
}

void TestBanList::matches()
{
    QFETCH(QString, ban);
    QFETCH(QString, address);
    QFETCH(bool, banned);
    BanList list;
    QVERIFY(list.add(*BanList::parse(ban)));
    QCOMPARE(list.isBanned(QHostAddress(address)), banned);
}

void TestBanList::addAndRemove()
{
    BanList list;
    const BanList::Entry one = *BanList::parse(u"192.0.2.7"_s);
    QVERIFY(list.add(one));
    QVERIFY(!list.add(*BanList::parse(u"::ffff:192.0.2.7"_s))); // the same, written otherwise
    QVERIFY(list.add(*BanList::parse(u"192.0.2.0/24"_s)));
    QCOMPARE(list.entries().size(), 2);
    QVERIFY(list.remove(one));
    QVERIFY(!list.remove(one));
    // The subnet still covers the address.
    QVERIFY(list.isBanned(QHostAddress(u"192.0.2.7"_s)));
}

void TestBanList::saveAndLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sub/dir/bans.txt"_s);
    BanList list;
    for (const QString &text : {u"192.0.2.7"_s, u"10.0.0.0/8"_s, u"2001:db8::/32"_s})
        QVERIFY(list.add(*BanList::parse(text)));
    QString error;
    QVERIFY2(list.save(path, &error), qPrintable(error));

    BanList loaded;
    QStringList problems;
    QVERIFY(loaded.load(path, &problems));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(loaded.entries(), list.entries());
}

void TestBanList::missingFileIsEmpty()
{
    QTemporaryDir dir;
    BanList list;
    QVERIFY(list.add(*BanList::parse(u"192.0.2.7"_s)));
    QStringList problems;
    QVERIFY(list.load(dir.filePath(u"none.txt"_s), &problems));
    QVERIFY(problems.isEmpty());
    QVERIFY(list.entries().isEmpty());
}

void TestBanList::badLinesAreSkipped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bans.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# comment\n\n192.0.2.7   # the troll\nrubbish\n\xc3\x28\n2001:db8::/32\r\n");
    file.close();

    BanList list;
    QStringList problems;
    QVERIFY(list.load(path, &problems));
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.constFirst().contains(u"line 4"_s), qPrintable(problems.constFirst()));
    QCOMPARE(list.entries().size(), 2);
    QVERIFY(list.isBanned(QHostAddress(u"192.0.2.7"_s)));
    QVERIFY(list.isBanned(QHostAddress(u"2001:db8::9"_s)));
}

void TestBanList::unwritableDirectory()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(u"file"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    BanList list;
    QVERIFY(list.add(*BanList::parse(u"192.0.2.7"_s)));
    QString error;
    // A regular file where the directory should be.
    QVERIFY(!list.save(blocker + u"/bans.txt"_s, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestBanList)

#include "tst_banlist.moc"
