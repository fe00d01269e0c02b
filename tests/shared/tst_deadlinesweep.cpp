// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// DeadlineSweep: many deadlines on one timer, each run once, in order, never early; entries
// cancelled, deleted or rescheduled from another entry's run.

#include <functional>
#include <memory>
#include <vector>

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QTest>

#include "deadlinesweep.h"

using namespace Tagarela;

namespace {

class Probe final : public DeadlineSweep::Entry
{
public:
    explicit Probe(std::function<void(Probe *)> onRun = {})
        : m_onRun(std::move(onRun))
    { }
    ~Probe() override = default;

    void start(int delayMs)
    {
        m_delayMs = delayMs;
        m_clock.start();
        DeadlineSweep::forThisThread()->schedule(this, delayMs);
    }

    int runs = 0;
    qint64 ranAfterMs = -1; //!< of the last run, since the last start()
    int delayMs() const { return m_delayMs; }

private:
    void deadlineReached() override
    {
        ++runs;
        ranAfterMs = m_clock.elapsed();
        if (m_onRun)
            m_onRun(this);
    }

    std::function<void(Probe *)> m_onRun;
    QElapsedTimer m_clock;
    int m_delayMs = 0;
};

} // namespace

class TestDeadlineSweep final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnceInOrderNeverEarly();
    void oneTimerForManyEntries();
    void cancelledAndDeletedNeverRun();
    void rescheduledFromItsOwnRun();
    void cleanup();
};

void TestDeadlineSweep::cleanup()
{
    QCOMPARE(DeadlineSweep::forThisThread()->scheduledCount(), 0);
}

void TestDeadlineSweep::runsOnceInOrderNeverEarly()
{
    // Three delays (three queues), several entries each, scheduled out of order.
    std::vector<Probe *> order;
    std::vector<std::unique_ptr<Probe>> probes;
    const int delays[] = {60, 20, 40, 20, 60, 1, 40, 20};
    for (const int delay : delays) {
        probes.push_back(
            std::make_unique<Probe>([&order](Probe *probe) { order.push_back(probe); }));
        probes.back()->start(delay);
        QVERIFY(probes.back()->isScheduled());
    }
    QCOMPARE(DeadlineSweep::forThisThread()->scheduledCount(), int(std::size(delays)));
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), std::size(delays), 10000);
    for (const auto &probe : probes) {
        QCOMPARE(probe->runs, 1);
        QVERIFY(!probe->isScheduled());
        QVERIFY2(probe->ranAfterMs >= probe->delayMs(),
                 qPrintable(QString::number(probe->ranAfterMs)));
    }
    for (size_t i = 1; i < order.size(); ++i)
        QVERIFY(order[i - 1]->delayMs() <= order[i]->delayMs());
    // Nothing runs twice.
    Probe sentinel;
    sentinel.start(30);
    QTRY_COMPARE_WITH_TIMEOUT(sentinel.runs, 1, 10000);
    for (const auto &probe : probes)
        QCOMPARE(probe->runs, 1);
}

void TestDeadlineSweep::oneTimerForManyEntries()
{
    DeadlineSweep *sweep = DeadlineSweep::forThisThread();
    std::vector<std::unique_ptr<Probe>> probes;
    for (int i = 0; i < 1000; ++i) {
        probes.push_back(std::make_unique<Probe>());
        probes.back()->start(i % 2 ? 15'000 : 45'000);
    }
    QCOMPARE(sweep->scheduledCount(), 1000);
    QCOMPARE(QAbstractEventDispatcher::instance()->registeredTimers(sweep).size(), 1);
    probes.clear(); // deleting an entry cancels it
    QCOMPARE(sweep->scheduledCount(), 0);
}

void TestDeadlineSweep::cancelledAndDeletedNeverRun()
{
    // One queue, due in this order: the first run cancels one entry, deletes another, and
    // reschedules a third; none of them runs with the first, and the sweep is not confused.
    auto cancelled = std::make_unique<Probe>();
    auto deleted = std::make_unique<Probe>();
    auto moved = std::make_unique<Probe>();
    Probe first([&](Probe *) {
        cancelled->cancel();
        deleted.reset();
        moved->start(200);
    });
    first.start(20);
    cancelled->start(20);
    deleted->start(20);
    moved->start(20);
    Probe after;
    after.start(20);
    QTRY_COMPARE_WITH_TIMEOUT(after.runs, 1, 10000);
    QCOMPARE(first.runs, 1);
    QCOMPARE(cancelled->runs, 0);
    QVERIFY(!cancelled->isScheduled());
    QVERIFY(!deleted);
    QCOMPARE(moved->runs, 0);
    QVERIFY(moved->isScheduled());
    QTRY_COMPARE_WITH_TIMEOUT(moved->runs, 1, 10000);
    QVERIFY(moved->ranAfterMs >= 200);
    QCOMPARE(cancelled->runs, 0);
}

void TestDeadlineSweep::rescheduledFromItsOwnRun()
{
    // A heartbeat: each run schedules the next, until the fifth.
    Probe beat([](Probe *probe) {
        if (probe->runs < 5)
            probe->start(probe->delayMs());
    });
    QElapsedTimer clock;
    clock.start();
    beat.start(15);
    QTRY_COMPARE_WITH_TIMEOUT(beat.runs, 5, 10000);
    QVERIFY(clock.elapsed() >= 5 * 15);
    QVERIFY(!beat.isScheduled());
}

QTEST_GUILESS_MAIN(TestDeadlineSweep)
#include "tst_deadlinesweep.moc"
