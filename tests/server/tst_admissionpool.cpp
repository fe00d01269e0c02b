// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The places for connections that have not finished their TLS handshake or joined yet.

#include <memory>
#include <vector>

#include <QHostAddress>
#include <QObject>
#include <QTest>

#include "admissionpool.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestAdmissionPool final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void admitsWhileThereIsRoom();
    void fullPoolEvictsFromTheBiggestAddress();
    void tiesGoToTheLongestWaiting();
    void perAddressLimitEvictsItsOwnOldest();
    void youngEntriesAreNotEvicted();
    void fullServerEvictsEvenWithRoomHere();
    void ipv6CountsBy64();
    void removeGivesThePlaceBack();

private:
    QObject *make()
    {
        m_objects.push_back(std::make_unique<QObject>());
        return m_objects.back().get();
    }

    std::vector<std::unique_ptr<QObject>> m_objects;
};

namespace {
const QHostAddress A(u"192.0.2.1"_s);
const QHostAddress B(u"192.0.2.2"_s);
const QHostAddress C(u"192.0.2.3"_s);
} // namespace

void TestAdmissionPool::admitsWhileThereIsRoom()
{
    AdmissionPool pool({3, 0, 0});
    for (int i = 0; i < 3; ++i) {
        const AdmissionPool::Decision decision = pool.admit(A, i);
        QVERIFY(decision.admit);
        QCOMPARE(decision.evict, nullptr);
        pool.add(make(), A, i);
    }
    QCOMPARE(pool.size(), 3);
    QVERIFY(pool.isUnderPressure());
}

void TestAdmissionPool::fullPoolEvictsFromTheBiggestAddress()
{
    AdmissionPool pool({4, 0, 0});
    QObject *b1 = make();
    pool.add(b1, B, 0); // the longest waiting, but B holds one place only
    QObject *a1 = make();
    pool.add(a1, A, 1);
    pool.add(make(), A, 2);
    pool.add(make(), A, 3);
    const AdmissionPool::Decision decision = pool.admit(C, 10);
    QVERIFY(decision.admit);
    QCOMPARE(decision.evict, a1);
}

void TestAdmissionPool::tiesGoToTheLongestWaiting()
{
    AdmissionPool pool({2, 0, 0});
    pool.add(make(), A, 5);
    QObject *b1 = make();
    pool.add(b1, B, 3);
    QCOMPARE(pool.admit(C, 10).evict, b1);
}

void TestAdmissionPool::perAddressLimitEvictsItsOwnOldest()
{
    AdmissionPool pool({100, 2, 0});
    QObject *a1 = make();
    pool.add(a1, A, 0);
    pool.add(make(), A, 1);
    pool.add(make(), B, 2);
    const AdmissionPool::Decision decision = pool.admit(A, 10);
    QVERIFY(decision.admit);
    QCOMPARE(decision.evict, a1);
    QVERIFY(pool.admit(B, 10).admit);
    QCOMPARE(pool.admit(B, 10).evict, nullptr);
}

void TestAdmissionPool::youngEntriesAreNotEvicted()
{
    AdmissionPool pool({2, 0, 1000});
    QObject *a1 = make();
    pool.add(a1, A, 0);
    pool.add(make(), A, 500);
    QVERIFY(!pool.admit(B, 999).admit);
    const AdmissionPool::Decision later = pool.admit(B, 1000);
    QVERIFY(later.admit);
    QCOMPARE(later.evict, a1);
}

void TestAdmissionPool::fullServerEvictsEvenWithRoomHere()
{
    AdmissionPool pool({100, 0, 0});
    QVERIFY(!pool.admit(A, 0, true).admit); // nobody to make room
    QObject *a1 = make();
    pool.add(a1, A, 0);
    QCOMPARE(pool.admit(B, 1, true).evict, a1);
    QCOMPARE(pool.admit(B, 1, false).evict, nullptr);
}

void TestAdmissionPool::ipv6CountsBy64()
{
    AdmissionPool pool({100, 2, 0});
    pool.add(make(), QHostAddress(u"2001:db8:1:2::1"_s), 0);
    pool.add(make(), QHostAddress(u"2001:db8:1:2::2"_s), 0);
    QCOMPARE(pool.countFrom(QHostAddress(u"2001:db8:1:2:ffff::"_s)), 2);
    QVERIFY(pool.admit(QHostAddress(u"2001:db8:1:2::3"_s), 1).evict != nullptr);
    QCOMPARE(pool.admit(QHostAddress(u"2001:db8:1:3::1"_s), 1).evict, nullptr);
}

void TestAdmissionPool::removeGivesThePlaceBack()
{
    AdmissionPool pool({1, 0, 1000});
    QObject *a1 = make();
    pool.add(a1, A, 0);
    QVERIFY(!pool.admit(B, 1).admit);
    pool.remove(a1);
    pool.remove(a1); // idempotent
    QCOMPARE(pool.size(), 0);
    QCOMPARE(pool.countFrom(A), 0);
    QVERIFY(pool.admit(B, 1).admit);
    QVERIFY(pool.entries().isEmpty());
}

QTEST_GUILESS_MAIN(TestAdmissionPool)
#include "tst_admissionpool.moc"
