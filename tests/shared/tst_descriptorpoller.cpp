// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// DescriptorPoller, on socket pairs: every ready descriptor heard once per turn, more of them
// than one epoll_wait() returns included; a descriptor removed by an earlier event of the
// same batch is not heard; writability only while asked for.

#include <functional>
#include <memory>
#include <vector>

#include <QCoreApplication>
#include <QTest>

#include "descriptorpoller.h"

#include <sys/socket.h>
#include <unistd.h>

using namespace Tagarela;

namespace {

// One end of a socket pair, watched; the other end writes to it. Reads nothing unless told.
class End final : public DescriptorPoller::Watcher
{
public:
    End()
    {
        int pair[2] = {-1, -1};
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair) == 0) {
            watched = pair[0];
            peer = pair[1];
        }
    }
    ~End()
    {
        stopWatching();
        if (watched >= 0)
            ::close(watched);
        if (peer >= 0)
            ::close(peer);
    }

    bool watch(quint32 interest)
    {
        m_watching = DescriptorPoller::forThisThread()->add(watched, this, interest);
        return m_watching;
    }
    void stopWatching()
    {
        if (m_watching)
            DescriptorPoller::forThisThread()->remove(watched);
        m_watching = false;
    }
    bool poke() const { return ::send(peer, "x", 1, MSG_NOSIGNAL) == 1; }

    int watched = -1;
    int peer = -1;
    int heard = 0;
    quint32 lastReady = 0;
    std::function<void()> onReady;

private:
    void descriptorReady(quint32 ready) override
    {
        ++heard;
        lastReady = ready;
        if (onReady)
            onReady();
    }

    bool m_watching = false;
};

} // namespace

class TestDescriptorPoller final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyReadyDescriptorOncePerTurn();
    void removedInTheBatchIsNotHeard();
    void writableOnlyWhileAsked();
};

void TestDescriptorPoller::everyReadyDescriptorOncePerTurn()
{
    // More ready descriptors than one epoll_wait() returns, none of them read: all are heard
    // in the same turn, each once (level-triggered, each is reported again at once).
    constexpr int Count = DescriptorPoller::MaxEvents + DescriptorPoller::MaxEvents / 2;
    std::vector<std::unique_ptr<End>> ends;
    for (int i = 0; i < Count; ++i) {
        ends.push_back(std::make_unique<End>());
        QVERIFY(ends.back()->watched >= 0);
        QVERIFY(ends.back()->watch(DescriptorPoller::Read));
        QVERIFY(ends.back()->poke());
    }
    // Turns, until the first one that heard anything.
    for (int turn = 0; turn < 1000 && ends.front()->heard == 0; ++turn)
        QCoreApplication::processEvents();
    for (const auto &end : ends) {
        QCOMPARE(end->heard, 1);
        QCOMPARE(end->lastReady, quint32(DescriptorPoller::Readable));
    }
    // The next turn hears them again: nothing was read.
    QCoreApplication::processEvents();
    for (const auto &end : ends)
        QCOMPARE(end->heard, 2);
}

void TestDescriptorPoller::removedInTheBatchIsNotHeard()
{
    // Whichever is heard first removes (and closes) the other: it is never heard.
    End a;
    End b;
    QVERIFY(a.watch(DescriptorPoller::Read));
    QVERIFY(b.watch(DescriptorPoller::Read));
    a.onReady = [&b] {
        b.stopWatching();
    };
    b.onReady = [&a] {
        a.stopWatching();
    };
    QVERIFY(a.poke());
    QVERIFY(b.poke());
    QTRY_VERIFY_WITH_TIMEOUT(a.heard + b.heard > 0, 10000);
    // (The one left is heard again on later turns: it reads nothing.)
    for (int turn = 0; turn < 10; ++turn)
        QCoreApplication::processEvents();
    QVERIFY((a.heard == 0) != (b.heard == 0));
}

void TestDescriptorPoller::writableOnlyWhileAsked()
{
    End end;
    DescriptorPoller *poller = DescriptorPoller::forThisThread();
    QVERIFY(end.watch(DescriptorPoller::Read));
    QCOMPARE(poller->interest(end.watched), quint32(DescriptorPoller::Read));
    for (int turn = 0; turn < 10; ++turn)
        QCoreApplication::processEvents();
    QCOMPARE(end.heard, 0); // writable all along, but not asked
    QVERIFY(poller->setInterest(end.watched, DescriptorPoller::Read | DescriptorPoller::Write));
    QTRY_VERIFY_WITH_TIMEOUT(end.heard > 0, 10000);
    QCOMPARE(end.lastReady, quint32(DescriptorPoller::Writable));
    QVERIFY(poller->setInterest(end.watched, DescriptorPoller::Read));
    const int heard = end.heard;
    for (int turn = 0; turn < 10; ++turn)
        QCoreApplication::processEvents();
    QCOMPARE(end.heard, heard);
    end.stopWatching();
    QCOMPARE(poller->interest(end.watched), quint32(DescriptorPoller::None));
}

QTEST_GUILESS_MAIN(TestDescriptorPoller)
#include "tst_descriptorpoller.moc"
