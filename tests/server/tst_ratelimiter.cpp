// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QString>
#include <QTest>

#include "ratelimiter.h"

using namespace Tagarela;

namespace {

// Takes at \a nowMs until refused; returns how many were let through (at most \a limit).
int takeAll(RateLimiter &limiter, qint64 nowMs, int limit = 1000)
{
    int taken = 0;
    while (taken < limit && limiter.tryTake(nowMs))
        ++taken;
    return taken;
}

} // namespace

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenRefused_data();
    void burstThenRefused();
    void refillsOverTime();
    void refillIsProportional_data();
    void refillIsProportional();
    void neverMoreThanBurst();
    void msUntilNext();
    void chargeLeavesDebt();
    void fullOnceRefilled();
    void zeroRateIsUnlimited();
    void timeGoingBackwardsAddsNothing();
    void startsAtAnyTime();
};

void TestRateLimiter::burstThenRefused_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("burst");

    QTest::newRow("5/s, burst 20") << 5.0 << 20;
    QTest::newRow("5/s, burst 3") << 5.0 << 3;
    QTest::newRow("1/s, burst 1") << 1.0 << 1;
    QTest::newRow("0.5/s, burst 2") << 0.5 << 2;
    QTest::newRow("1000/s, burst 50") << 1000.0 << 50;
}

void TestRateLimiter::burstThenRefused()
{
    QFETCH(double, rate);
    QFETCH(int, burst);

    RateLimiter limiter(rate, burst);
    for (int i = 0; i < burst; ++i)
        QVERIFY2(limiter.tryTake(0), qPrintable(QString::number(i)));
    QVERIFY(!limiter.tryTake(0));
    QVERIFY(!limiter.tryTake(0));
}

void TestRateLimiter::refillsOverTime()
{
    RateLimiter limiter(5, 3);
    QCOMPARE(takeAll(limiter, 0), 3);

    // 5 per second: one token every 200 ms.
    QVERIFY(!limiter.tryTake(100));
    QVERIFY(limiter.tryTake(200));
    QVERIFY(!limiter.tryTake(200));
    QVERIFY(limiter.tryTake(400));
    QVERIFY(!limiter.tryTake(400));
    // Two periods at once give two tokens.
    QCOMPARE(takeAll(limiter, 800), 2);
    // A full second refills the whole burst, and no more.
    QCOMPARE(takeAll(limiter, 1800), 3);
}

void TestRateLimiter::refillIsProportional_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<int>("expected");

    QTest::newRow("5/s, 199 ms") << 5.0 << qint64(199) << 0;
    QTest::newRow("5/s, 200 ms") << 5.0 << qint64(200) << 1;
    QTest::newRow("5/s, 399 ms") << 5.0 << qint64(399) << 1;
    QTest::newRow("5/s, 1000 ms") << 5.0 << qint64(1000) << 5;
    QTest::newRow("0.5/s, 1999 ms") << 0.5 << qint64(1999) << 0;
    QTest::newRow("0.5/s, 2000 ms") << 0.5 << qint64(2000) << 1;
    QTest::newRow("100/s, 50 ms") << 100.0 << qint64(50) << 5;
}

void TestRateLimiter::refillIsProportional()
{
    QFETCH(double, rate);
    QFETCH(qint64, elapsedMs);
    QFETCH(int, expected);

    const qint64 start = 1'000'000;
    RateLimiter limiter(rate, 100);
    QCOMPARE(takeAll(limiter, start), 100);
    QCOMPARE(takeAll(limiter, start + elapsedMs), expected);
}

void TestRateLimiter::neverMoreThanBurst()
{
    RateLimiter limiter(5, 4);
    QCOMPARE(takeAll(limiter, 0), 4);
    // An hour idle would be 18000 tokens at this rate; the bucket holds four.
    QCOMPARE(takeAll(limiter, 3'600'000), 4);

    // An unused bucket does not grow past its burst either.
    RateLimiter fresh(5, 4);
    QVERIFY(fresh.tryTake(0));
    QCOMPARE(takeAll(fresh, 10'000'000), 4);
}

void TestRateLimiter::msUntilNext()
{
    RateLimiter limiter(5, 2);
    QCOMPARE(limiter.msUntilNext(0), 0);
    QCOMPARE(takeAll(limiter, 0), 2);
    // One token every 200 ms: the wait shrinks as time passes, and is exact.
    QCOMPARE(limiter.msUntilNext(0), 200);
    QCOMPARE(limiter.msUntilNext(150), 50);
    QVERIFY(!limiter.tryTake(199));
    QCOMPARE(limiter.msUntilNext(200), 0);
    QVERIFY(limiter.tryTake(200));
    QCOMPARE(limiter.msUntilNext(200), 200);
}

void TestRateLimiter::chargeLeavesDebt()
{
    RateLimiter limiter(5, 4);
    QVERIFY(limiter.tryTake(0));
    // A large answer: 10 more than the three left. The next message waits for 8 tokens'
    // worth of time, 7 to pay the debt and one for itself.
    limiter.charge(0, 10);
    QVERIFY(!limiter.tryTake(0));
    QCOMPARE(limiter.msUntilNext(0), 8 * 200);
    QVERIFY(!limiter.tryTake(8 * 200 - 1));
    QVERIFY(limiter.tryTake(8 * 200));
    QVERIFY(!limiter.tryTake(8 * 200));

    // Fractions count: two answers of half a token make one.
    RateLimiter halves(5, 1);
    halves.charge(0, 0.5);
    QVERIFY(!halves.tryTake(0));
    QVERIFY(halves.tryTake(100));
    halves.charge(100, 0.5);
    QCOMPARE(halves.msUntilNext(100), 300);
    // Nothing, or less than nothing, is free.
    RateLimiter none(5, 1);
    none.charge(0, 0);
    none.charge(0, -3);
    QVERIFY(none.tryTake(0));
    QVERIFY(!none.tryTake(0));
}

void TestRateLimiter::fullOnceRefilled()
{
    RateLimiter limiter(5, 3);
    QVERIFY(limiter.isFull(0));
    QVERIFY(limiter.tryTake(0));
    QVERIFY(!limiter.isFull(0));
    QVERIFY(!limiter.isFull(199));
    QVERIFY(limiter.isFull(200));

    QCOMPARE(takeAll(limiter, 200), 3);
    limiter.charge(200, 2);
    // Two tokens of debt and three of burst: a second.
    QVERIFY(!limiter.isFull(1199));
    QVERIFY(limiter.isFull(1200));
}

void TestRateLimiter::zeroRateIsUnlimited()
{
    RateLimiter limiter(0, 1);
    for (int i = 0; i < 100'000; ++i) {
        if (!limiter.tryTake(0))
            QFAIL(qPrintable(QString::number(i)));
    }
    QVERIFY(limiter.tryTake(-5)); // whatever the clock says
    limiter.charge(0, 1000);
    QVERIFY(limiter.tryTake(0));
    QCOMPARE(limiter.msUntilNext(0), 0);
    QVERIFY(limiter.isFull(0));
    QVERIFY(!limiter.isLimited());
}

void TestRateLimiter::timeGoingBackwardsAddsNothing()
{
    RateLimiter limiter(5, 2);
    QCOMPARE(takeAll(limiter, 10'000), 2);

    // A clock that jumps back must not count the jump as time passed...
    QVERIFY(!limiter.tryTake(0));
    QVERIFY(!limiter.tryTake(5000));
    QVERIFY(!limiter.tryTake(9999));
    // ...nor, coming forward again, count the same span twice.
    QVERIFY(!limiter.tryTake(10'000));
    QVERIFY(!limiter.tryTake(10'100));
    QVERIFY(limiter.tryTake(10'200));
    QVERIFY(!limiter.tryTake(10'200));
}

void TestRateLimiter::startsAtAnyTime()
{
    // The first take sets the reference point: a large monotonic clock value is no refill.
    RateLimiter limiter(5, 2);
    QCOMPARE(takeAll(limiter, 987'654'321), 2);
    QVERIFY(!limiter.tryTake(987'654'321));
    QVERIFY(limiter.tryTake(987'654'521));
}

QTEST_GUILESS_MAIN(TestRateLimiter)

#include "tst_ratelimiter.moc"
