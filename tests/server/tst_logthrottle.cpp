// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "logthrottle.h"

using namespace Tagarela;

class TestLogThrottle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenRate();
    void floodIsBounded();
    void idleDoesNotSaveUpMoreThanABurst();
};

void TestLogThrottle::burstThenRate()
{
    LogThrottle throttle(3, 100);
    for (int i = 0; i < 3; ++i)
        QVERIFY(throttle.admit(0));
    QVERIFY(!throttle.admit(0));
    QVERIFY(!throttle.admit(99));
    QVERIFY(throttle.admit(100));
    QVERIFY(!throttle.admit(150));
    QCOMPARE(throttle.suppressed(), 3);
    QCOMPARE(throttle.takeSuppressed(), 3);
    QCOMPARE(throttle.suppressed(), 0);
}

void TestLogThrottle::floodIsBounded()
{
    // A million lines within ten seconds: a burst of 20 plus one per 200 ms get through.
    LogThrottle throttle(20, 200);
    int admitted = 0;
    for (int i = 0; i < 1'000'000; ++i) {
        if (throttle.admit(i / 100))
            ++admitted;
    }
    QCOMPARE(admitted, 20 + 10'000 / 200 - 1);
    QCOMPARE(throttle.takeSuppressed(), 1'000'000 - admitted);
}

void TestLogThrottle::idleDoesNotSaveUpMoreThanABurst()
{
    LogThrottle throttle(5, 10);
    int admitted = 0;
    for (int i = 0; i < 100; ++i) {
        if (throttle.admit(3'600'000))
            ++admitted;
    }
    QCOMPARE(admitted, 5);
}

QTEST_GUILESS_MAIN(TestLogThrottle)

#include "tst_logthrottle.moc"
