// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QHostAddress>
#include <QTest>

#include "failurethrottle.h"
#include "passwordcheck.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Minute = 60 * 1000;
const QHostAddress Guesser(u"192.0.2.7"_s);
const QHostAddress Friend(u"192.0.2.8"_s);
} // namespace

class TestPasswordCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalInConstantTime_data();
    void equalInConstantTime();
    void noPasswordAdmitsEveryone();
    void verdicts_data();
    void verdicts();
    void lockoutAfterFailures();
    void lockoutEnds();
    void failuresOutsideTheWindowDoNotCount();
    void windowEdge();
    void lockedOutAddressIsNotChecked();
    void addressesAreSeparate();
    void ipv6CountsPerSlash64();
    void tableIsBounded();
    void fullTableKeepsRecentFailures();
    void fullTableRefusesNewcomers();
    void ipv6CountsPerSlash48();
    void totalBudget();
    void knownAddressesAreBounded();
    void zeroFailuresNeverLocks();
};

void TestPasswordCheck::equalInConstantTime_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << "secret"_ba
                          << "secret"_ba << true;
    QTest::newRow("empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("first byte") << "secret"_ba
                                << "Secret"_ba << false;
    QTest::newRow("last byte") << "secret"_ba
                               << "secreT"_ba << false;
    QTest::newRow("prefix") << "secret"_ba
                            << "secre"_ba << false;
    QTest::newRow("longer") << "secret"_ba
                            << "secret\0"_ba << false;
    QTest::newRow("one empty") << QByteArray() << "x"_ba << false;
}

void TestPasswordCheck::equalInConstantTime()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(PasswordCheck::equalInConstantTime(a, b), equal);
    QCOMPARE(PasswordCheck::equalInConstantTime(b, a), equal);
}

void TestPasswordCheck::noPasswordAdmitsEveryone()
{
    PasswordCheck check;
    QVERIFY(!check.isRequired());
    QCOMPARE(check.check(Guesser, {}, 0), PasswordCheck::Verdict::Admitted);
    QCOMPARE(check.check(Guesser, u"anything"_s, 0), PasswordCheck::Verdict::Admitted);
    QVERIFY(!check.isLockedOut(Guesser, 0));
}

void TestPasswordCheck::verdicts_data()
{
    QTest::addColumn<QString>("offered");
    QTest::addColumn<PasswordCheck::Verdict>("verdict");
    QTest::newRow("right") << u"pão de queijo"_s << PasswordCheck::Verdict::Admitted;
    QTest::newRow("missing") << QString() << PasswordCheck::Verdict::Missing;
    QTest::newRow("wrong") << u"pao de queijo"_s << PasswordCheck::Verdict::Wrong;
    QTest::newRow("trailing space") << u"pão de queijo "_s << PasswordCheck::Verdict::Wrong;
    QTest::newRow("case") << u"Pão de queijo"_s << PasswordCheck::Verdict::Wrong;
}

void TestPasswordCheck::verdicts()
{
    QFETCH(QString, offered);
    QFETCH(PasswordCheck::Verdict, verdict);
    PasswordCheck check(u"pão de queijo"_s);
    QVERIFY(check.isRequired());
    QCOMPARE(check.check(Guesser, offered, 0), verdict);
}

void TestPasswordCheck::lockoutAfterFailures()
{
    PasswordCheck check(u"right"_s);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(check.check(Guesser, u"wrong"_s, i * Minute), PasswordCheck::Verdict::Wrong);
    QVERIFY(!check.isLockedOut(Guesser, 4 * Minute));
    // Missing passwords are not guesses.
    QCOMPARE(check.check(Guesser, {}, 4 * Minute), PasswordCheck::Verdict::Missing);
    QVERIFY(!check.isLockedOut(Guesser, 4 * Minute));
    QCOMPARE(check.check(Guesser, u"wrong"_s, 4 * Minute), PasswordCheck::Verdict::Wrong);
    QVERIFY(check.isLockedOut(Guesser, 4 * Minute));
    QCOMPARE(check.lockoutRemainingMs(Guesser, 4 * Minute), 10 * Minute);
    // Even the right password is not looked at now.
    QCOMPARE(check.check(Guesser, u"right"_s, 5 * Minute), PasswordCheck::Verdict::LockedOut);
}

void TestPasswordCheck::lockoutEnds()
{
    PasswordCheck check(u"right"_s);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(check.check(Guesser, u"wrong"_s, 0), PasswordCheck::Verdict::Wrong);
    QVERIFY(check.isLockedOut(Guesser, 10 * Minute - 1));
    QVERIFY(!check.isLockedOut(Guesser, 10 * Minute));
    QCOMPARE(check.check(Guesser, u"right"_s, 10 * Minute), PasswordCheck::Verdict::Admitted);
    // A fresh count afterwards: one more wrong guess does not lock it again.
    QCOMPARE(check.check(Guesser, u"wrong"_s, 11 * Minute), PasswordCheck::Verdict::Wrong);
    QVERIFY(!check.isLockedOut(Guesser, 11 * Minute));
}

void TestPasswordCheck::failuresOutsideTheWindowDoNotCount()
{
    PasswordCheck check(u"right"_s);
    // One guess every three minutes: never five within ten minutes.
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(check.check(Guesser, u"wrong"_s, i * 3 * Minute), PasswordCheck::Verdict::Wrong);
        QVERIFY2(!check.isLockedOut(Guesser, i * 3 * Minute), qPrintable(QString::number(i)));
    }
}

void TestPasswordCheck::windowEdge()
{
    const qint64 window = FailureThrottle::Limits {}.windowMs;
    // The first failure exactly one window before the fifth still counts...
    PasswordCheck within(u"right"_s);
    QCOMPARE(within.check(Guesser, u"wrong"_s, 0), PasswordCheck::Verdict::Wrong);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(within.check(Guesser, u"wrong"_s, window), PasswordCheck::Verdict::Wrong);
    QVERIFY(within.isLockedOut(Guesser, window));

    // ... one millisecond more and it no longer does.
    PasswordCheck outside(u"right"_s);
    QCOMPARE(outside.check(Guesser, u"wrong"_s, 0), PasswordCheck::Verdict::Wrong);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(outside.check(Guesser, u"wrong"_s, window + 1), PasswordCheck::Verdict::Wrong);
    QVERIFY(!outside.isLockedOut(Guesser, window + 1));
}

void TestPasswordCheck::lockedOutAddressIsNotChecked()
{
    FailureThrottle::Limits limits;
    limits.maxFailures = 2;
    limits.lockoutMs = Minute;
    PasswordCheck check(u"right"_s, limits);
    (void)check.check(Guesser, u"a"_s, 0);
    (void)check.check(Guesser, u"b"_s, 0);
    QCOMPARE(check.check(Guesser, u"c"_s, 1), PasswordCheck::Verdict::LockedOut);
    // Attempts during the lockout do not extend it.
    QVERIFY(!check.isLockedOut(Guesser, Minute));
}

void TestPasswordCheck::addressesAreSeparate()
{
    PasswordCheck check(u"right"_s);
    for (int i = 0; i < 5; ++i)
        (void)check.check(Guesser, u"wrong"_s, 0);
    QVERIFY(check.isLockedOut(Guesser, 0));
    QVERIFY(!check.isLockedOut(Friend, 0));
    QCOMPARE(check.check(Friend, u"right"_s, 0), PasswordCheck::Verdict::Admitted);
}

void TestPasswordCheck::ipv6CountsPerSlash64()
{
    PasswordCheck check(u"right"_s);
    // A new address in the same /64 for every guess does not help.
    for (int i = 1; i <= 5; ++i)
        (void)check.check(QHostAddress(u"2001:db8:1:2::%1"_s.arg(i)), u"wrong"_s, 0);
    QVERIFY(check.isLockedOut(QHostAddress(u"2001:db8:1:2:ffff::9"_s), 0));
    QVERIFY(!check.isLockedOut(QHostAddress(u"2001:db8:1:3::1"_s), 0));
    QCOMPARE(FailureThrottle::keyOf(QHostAddress(u"2001:db8:1:2:a:b:c:d"_s)),
             QHostAddress(u"2001:db8:1:2::"_s));
    QCOMPARE(FailureThrottle::keyOf(Guesser), Guesser);
}

void TestPasswordCheck::tableIsBounded()
{
    FailureThrottle::Limits limits;
    limits.maxAddresses = 100;
    FailureThrottle throttle(limits);
    // A locked-out address survives a flood of one-off failures from elsewhere.
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(Guesser, 0);
    for (quint32 i = 0; i < 10'000; ++i)
        throttle.recordFailure(QHostAddress(0x0a000000U + i), 1 + i);
    QVERIFY(throttle.size() <= 100);
    QVERIFY(throttle.isLockedOut(Guesser, 20'000));
}

void TestPasswordCheck::fullTableKeepsRecentFailures()
{
    // The bypass: one failure from each of 4,200 other addresses between guesses pushed the
    // guesser's record out of the table, so it never reached five.
    FailureThrottle::Limits limits;
    limits.maxTotalFailures = 0; // this test is about the table alone
    PasswordCheck check(u"right"_s, limits);
    quint32 other = 0x0a000000U;
    qint64 now = 0;
    for (int guess = 1; guess <= 5; ++guess) {
        QCOMPARE(check.check(Guesser, u"wrong"_s, now), PasswordCheck::Verdict::Wrong);
        for (int i = 0; i < 4200; ++i)
            (void)check.check(QHostAddress(other++), u"wrong"_s, ++now);
    }
    QVERIFY(check.throttle().size() <= limits.maxAddresses);
    QCOMPARE(check.lockout(Guesser, now), FailureThrottle::Lockout::Address);
    QCOMPARE(check.check(Guesser, u"right"_s, now), PasswordCheck::Verdict::LockedOut);
}

void TestPasswordCheck::fullTableRefusesNewcomers()
{
    FailureThrottle::Limits limits;
    limits.maxAddresses = 10;
    limits.maxTotalFailures = 0;
    FailureThrottle throttle(limits);
    for (quint32 i = 0; i < 10; ++i)
        throttle.recordFailure(QHostAddress(0x0a000000U + i), 0);
    QCOMPARE(throttle.size(), 10);
    // Addresses that find no room are counted together: after five, newcomers wait.
    for (quint32 i = 0; i < 4; ++i)
        throttle.recordFailure(QHostAddress(0x0b000000U + i), 1);
    QVERIFY(!throttle.isLockedOut(Friend, 1));
    throttle.recordFailure(QHostAddress(0x0b000004U), 1);
    QCOMPARE(throttle.size(), 10);
    QCOMPARE(throttle.lockout(Friend, 2), FailureThrottle::Lockout::Newcomers);
    // Not those with a record of their own, nor a known address.
    QVERIFY(!throttle.isLockedOut(QHostAddress(0x0a000001U), 2));
    throttle.recordSuccess(Guesser, 0);
    QVERIFY(!throttle.isLockedOut(Guesser, 2));
    // Once the old records no longer matter, a newcomer finds room again.
    const qint64 later = limits.lockoutMs + 2;
    QVERIFY(!throttle.isLockedOut(Friend, later));
    throttle.recordFailure(Friend, later);
    QCOMPARE(throttle.lockout(Friend, later), FailureThrottle::Lockout::None);
    QVERIFY(throttle.size() <= 10);
}

void TestPasswordCheck::ipv6CountsPerSlash48()
{
    // The bypass: a /52 holds 4,096 /64s, one guess from each never locked anything.
    PasswordCheck check(u"right"_s);
    const auto inSite = [](int subnet) {
        return QHostAddress(u"2001:db8:7:%1::1"_s.arg(subnet, 0, 16));
    };
    for (int i = 0; i < 19; ++i)
        QCOMPARE(check.check(inSite(i), u"wrong"_s, i), PasswordCheck::Verdict::Wrong);
    QVERIFY(!check.isLockedOut(inSite(500), 19));
    QCOMPARE(check.check(inSite(19), u"wrong"_s, 19), PasswordCheck::Verdict::Wrong);
    QCOMPARE(check.lockout(inSite(500), 20), FailureThrottle::Lockout::Network);
    QCOMPARE(check.check(inSite(4095), u"right"_s, 20), PasswordCheck::Verdict::LockedOut);
    QVERIFY(!check.isLockedOut(QHostAddress(u"2001:db8:8::1"_s), 20));
    QCOMPARE(FailureThrottle::networkOf(QHostAddress(u"2001:db8:7:abcd:1:2:3:4"_s)),
             QHostAddress(u"2001:db8:7::"_s));
    QVERIFY(FailureThrottle::networkOf(Guesser).isNull());
}

void TestPasswordCheck::totalBudget()
{
    FailureThrottle::Limits limits;
    limits.maxTotalFailures = 50;
    PasswordCheck check(u"right"_s, limits);
    QCOMPARE(check.check(Friend, u"right"_s, 0), PasswordCheck::Verdict::Admitted);
    // One guess from each of many addresses: no address and no /48 reaches its limit.
    for (quint32 i = 0; i < 49; ++i)
        QCOMPARE(check.check(QHostAddress(0x0a000000U + i), u"wrong"_s, Minute),
                 PasswordCheck::Verdict::Wrong);
    QVERIFY(!check.isLockedOut(Guesser, Minute));
    QCOMPARE(check.check(QHostAddress(0x0a0000ffU), u"wrong"_s, 2 * Minute),
             PasswordCheck::Verdict::Wrong);
    // Spent: everyone waits until the oldest of these guesses is out of the window ...
    QCOMPARE(check.lockout(Guesser, 2 * Minute), FailureThrottle::Lockout::Everyone);
    QCOMPARE(check.check(Guesser, u"right"_s, 2 * Minute), PasswordCheck::Verdict::LockedOut);
    QCOMPARE(check.lockoutRemainingMs(Guesser, 2 * Minute), 9 * Minute + 1);
    // ... but an address that gave the right password before.
    QCOMPARE(check.check(Friend, u"right"_s, 2 * Minute), PasswordCheck::Verdict::Admitted);
    QVERIFY(check.isLockedOut(Guesser, 11 * Minute));
    QCOMPARE(check.check(Guesser, u"right"_s, 11 * Minute + 1), PasswordCheck::Verdict::Admitted);
    // A known address that guesses wrong is a stranger again.
    QCOMPARE(check.check(Friend, u"wrong"_s, 11 * Minute + 1), PasswordCheck::Verdict::Wrong);
    for (quint32 i = 0; i < 49; ++i)
        (void)check.check(QHostAddress(0x0b000000U + i), u"wrong"_s, 12 * Minute);
    QCOMPARE(check.lockout(Friend, 12 * Minute), FailureThrottle::Lockout::Everyone);
    QVERIFY(!check.isLockedOut(Guesser, 12 * Minute));
}

void TestPasswordCheck::knownAddressesAreBounded()
{
    FailureThrottle::Limits limits;
    limits.maxAddresses = 10;
    limits.maxTotalFailures = 1;
    FailureThrottle throttle(limits);
    for (quint32 i = 0; i < 1000; ++i)
        throttle.recordSuccess(QHostAddress(0x0a000000U + i), i);
    throttle.recordFailure(Guesser, 1000);
    // The newest ten are known, the oldest forgotten.
    QVERIFY(!throttle.isLockedOut(QHostAddress(0x0a000000U + 999), 1000));
    QVERIFY(!throttle.isLockedOut(QHostAddress(0x0a000000U + 990), 1000));
    QVERIFY(throttle.isLockedOut(QHostAddress(0x0a000000U + 989), 1000));
    QVERIFY(throttle.isLockedOut(QHostAddress(0x0a000000U), 1000));
}

void TestPasswordCheck::zeroFailuresNeverLocks()
{
    FailureThrottle::Limits limits;
    limits.maxFailures = 0;
    FailureThrottle throttle(limits);
    for (int i = 0; i < 100; ++i)
        throttle.recordFailure(Guesser, i);
    QVERIFY(!throttle.isLockedOut(Guesser, 100));
    QCOMPARE(throttle.size(), 0);
}

QTEST_GUILESS_MAIN(TestPasswordCheck)

#include "tst_passwordcheck.moc"
