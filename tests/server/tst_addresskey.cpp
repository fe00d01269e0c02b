// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The key per-address limits count under: IPv4 as is, IPv6 by its /64.

#include <QHostAddress>
#include <QTest>

#include "addresskey.h"
#include "failurethrottle.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestAddressKey final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void key_data();
    void key();
    void passwordThrottleSharesIt();
};

void TestAddressKey::key_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");

    QTest::newRow("IPv4 as is") << u"192.0.2.7"_s << u"192.0.2.7"_s;
    QTest::newRow("IPv4 neighbours apart") << u"192.0.2.8"_s << u"192.0.2.8"_s;
    QTest::newRow("IPv4-mapped is IPv4") << u"::ffff:192.0.2.7"_s << u"192.0.2.7"_s;
    QTest::newRow("IPv6 host bits dropped") << u"2001:db8:1:2:a:b:c:d"_s << u"2001:db8:1:2::"_s;
    QTest::newRow("IPv6 other host, same /64") << u"2001:db8:1:2:ffff::1"_s << u"2001:db8:1:2::"_s;
    QTest::newRow("IPv6 next /64") << u"2001:db8:1:3::1"_s << u"2001:db8:1:3::"_s;
    QTest::newRow("IPv6 loopback") << u"::1"_s << u"::"_s;
}

void TestAddressKey::key()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    QCOMPARE(addressKey(QHostAddress(address)), QHostAddress(expected));
}

void TestAddressKey::passwordThrottleSharesIt()
{
    for (const QString &address : {u"192.0.2.7"_s, u"2001:db8:1:2:a:b:c:d"_s, u"::1"_s}) {
        QCOMPARE(FailureThrottle::keyOf(QHostAddress(address)), addressKey(QHostAddress(address)));
    }
}

QTEST_GUILESS_MAIN(TestAddressKey)
#include "tst_addresskey.moc"
