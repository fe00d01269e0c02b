// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "sendpacer.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestSendPacer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unlimited();
    void staysInsideTheAnnouncedBucket_data();
    void staysInsideTheAnnouncedBucket();
    void leavesHeadroomForJitter_data();
    void leavesHeadroomForJitter();
    void drainAfterAWarning();
    void answersArePaidFor_data();
    void answersArePaidFor();
};

void TestSendPacer::unlimited()
{
    SendPacer pacer;
    pacer.reset(0, 0, 0);
    QVERIFY(!pacer.isLimited());
    for (int i = 0; i < 10'000; ++i)
        QVERIFY(pacer.tryTake(0));
    QCOMPARE(pacer.msUntilNext(0), 0);
}

void TestSendPacer::staysInsideTheAnnouncedBucket_data()
{
    QTest::addColumn<int>("rateMs");
    QTest::addColumn<int>("burst");
    QTest::newRow("default 200 ms, 20") << 200 << 20;
    QTest::newRow("fast 10 ms, 2") << 10 << 2;
    QTest::newRow("burst of 1") << 100 << 1;
}

void TestSendPacer::staysInsideTheAnnouncedBucket()
{
    QFETCH(int, rateMs);
    QFETCH(int, burst);
    SendPacer pacer;
    pacer.reset(rateMs, burst, 0);
    // Send as fast as the pacer allows for a minute of simulated time, and replay the sends
    // through the server's own bucket: it must never refuse one.
    double serverTokens = burst;
    qint64 last = 0;
    int sent = 0;
    for (qint64 now = 0; now < 60'000;) {
        if (pacer.tryTake(now)) {
            serverTokens = std::min<double>(burst, serverTokens + double(now - last) / rateMs);
            last = now;
            QVERIFY2(serverTokens >= 1, qPrintable(QString::number(now)));
            serverTokens -= 1;
            ++sent;
            continue;
        }
        const qint64 wait = pacer.msUntilNext(now);
        QVERIFY(wait > 0);
        now += wait;
    }
    // And it does not crawl either: at least 85 % of the allowed rate.
    QVERIFY2(sent >= 0.85 * 60'000 / rateMs, qPrintable(QString::number(sent)));
}

void TestSendPacer::leavesHeadroomForJitter_data()
{
    staysInsideTheAnnouncedBucket_data();
}

void TestSendPacer::leavesHeadroomForJitter()
{
    QFETCH(int, rateMs);
    QFETCH(int, burst);
    SendPacer pacer;
    pacer.reset(rateMs, burst, 0);
    // Once the burst is spent, a long drain runs measurably below the announced rate: the
    // server's bucket fills up again meanwhile, for the messages the network bunches up.
    constexpr qint64 Start = 10'000;
    constexpr qint64 End = 70'000;
    int sent = 0;
    for (qint64 now = 0; now < End;) {
        if (pacer.tryTake(now)) {
            if (now >= Start)
                ++sent;
            continue;
        }
        const qint64 wait = pacer.msUntilNext(now);
        QVERIFY(wait > 0);
        now += wait;
    }
    const double allowed = double(End - Start) / rateMs;
    QVERIFY2(sent <= allowed / 1.05, qPrintable(u"%1 of %2"_s.arg(sent).arg(allowed)));
}

void TestSendPacer::drainAfterAWarning()
{
    SendPacer pacer;
    pacer.reset(100, 5, 0);
    QVERIFY(pacer.tryTake(0));
    pacer.drain(0);
    QVERIFY(!pacer.tryTake(0));
    QVERIFY(pacer.msUntilNext(0) >= 100);
    // take() may go below zero: later sends wait for it.
    pacer.take(0);
    QVERIFY(pacer.msUntilNext(0) >= 200);
}

void TestSendPacer::answersArePaidFor_data()
{
    QTest::addColumn<int>("rateMs");
    QTest::addColumn<int>("burst");
    QTest::addColumn<double>("answerCost");
    QTest::newRow("default, small answers") << 200 << 20 << 0.5;
    QTest::newRow("default, answers of 30 messages") << 200 << 20 << 30.0;
    QTest::newRow("fast 10 ms, 2, answers of 3") << 10 << 2 << 3.0;
}

void TestSendPacer::answersArePaidFor()
{
    QFETCH(int, rateMs);
    QFETCH(int, burst);
    QFETCH(double, answerCost);
    SendPacer pacer;
    pacer.reset(rateMs, burst, 0);
    // Every fifth message is a request whose answer the server charges by its size when it
    // sends it, and the client when it arrives, 5 ms later; the client sends nothing while it
    // waits. Replayed through the server's bucket, nothing is ever held: the bucket has a
    // token for every message when it arrives.
    double serverTokens = burst;
    qint64 last = 0;
    qint64 answerAt = -1;
    int sent = 0;
    for (qint64 now = 0; now < 120'000;) {
        if (answerAt >= 0) {
            now = std::max(now, answerAt);
            pacer.take(now, answerCost);
            answerAt = -1;
            continue;
        }
        if (!pacer.tryTake(now)) {
            now += pacer.msUntilNext(now);
            continue;
        }
        serverTokens = std::min<double>(burst, serverTokens + double(now - last) / rateMs);
        last = now;
        QVERIFY2(serverTokens >= 1, qPrintable(u"%1 at %2"_s.arg(serverTokens).arg(now)));
        serverTokens -= 1;
        if (++sent % 5 == 0) {
            serverTokens -= answerCost;
            answerAt = now + 5;
        }
    }
    QVERIFY(sent > 0);
}

QTEST_GUILESS_MAIN(TestSendPacer)
#include "tst_sendpacer.moc"
