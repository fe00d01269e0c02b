// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The proof of issue 6, in-process: clients behind a proxy that cuts their connections at
// random points all end with the same messages, in the same order, each once, none missing.
#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QTest>
#include <QTimer>

#include "chatclient.h"
#include "chatperson.h"
#include "chatserver.h"
#include "faultproxy.h"
#include "messagemodel.h"
#include "serverconfig.h"

using namespace Tagarela;
using namespace Tagarela::TestSupport;
using namespace Qt::StringLiterals;

class TestFaultProxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyoneSeesEverythingOnceInOrder();
};

void TestFaultProxy::initTestCase()
{
    startClientsAfresh();
}

void TestFaultProxy::everyoneSeesEverythingOnceInOrder()
{
    constexpr int Clients = 4;
    constexpr int PerClient = 250;
    constexpr int MaxCuts = 100; // then it only relays, so that the end is calm
    constexpr int MinCuts = 20; // fewer would prove little
    constexpr quint32 Seed = 20'260'601;

    ServerConfig config;
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    config.maxRate = 0;
    ChatServer server(config);
    QVERIFY(server.listen());

    FaultProxy proxy(QHostAddress::LocalHost, server.serverPort(), Seed);
    // Budgets small enough that most connections die mid-stream, some in the handshake.
    proxy.setUpstreamBudget(40, 6'000);
    proxy.setDownstreamBudget(40, 40'000);
    proxy.setMaxCuts(MaxCuts);
    QVERIFY(proxy.listen());

    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<ChatPerson>> people;
    QStringList expected;
    for (int i = 0; i < Clients; ++i) {
        auto person = std::make_unique<ChatPerson>();
        person->model->follow(person->client.get());
        person->client->setReconnectDelays(5, 40);
        person->client->setRandomSeed(Seed + quint32(i));
        person->client->connectToServer(u"127.0.0.1"_s, proxy.port(), u"p%1"_s.arg(i));
        for (int n = 0; n < PerClient; ++n)
            expected.append(u"p%1 m%2"_s.arg(i).arg(n));
        people.push_back(std::move(person));
    }
    // Everyone is in before anyone talks, so that each log holds the whole conversation.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(people.cbegin(), people.cend(),
                                         [](const auto &p) { return p->client->hasHistory(); }),
                             20'000);

    // Each sends one message every 2 ms, whether connected or not: the outbox keeps them.
    for (int i = 0; i < Clients; ++i) {
        ChatPerson *person = people[std::size_t(i)].get();
        person->sender.setInterval(2);
        connect(&person->sender, &QTimer::timeout, person->client.get(), [person, i] {
            if (person->sent == PerClient) {
                person->sender.stop();
                return;
            }
            if (person->client->say(u"p%1 m%2"_s.arg(i).arg(person->sent)))
                ++person->sent;
        });
        person->sender.start();
    }

    const auto converged = [&] {
        for (const auto &person : people) {
            if (person->sent < PerClient || !person->client->outbox().isEmpty())
                return false;
            const SeenChats seen = seenBy(*person->model);
            if (seen.unconfirmed > 0 || seen.seqs.size() < expected.size())
                return false;
        }
        return true;
    };
    const bool done = QTest::qWaitFor(converged, 45'000);
    const qint64 elapsed = clock.elapsed();

    const QString figures =
        u"seed %1, %2 clients × %3 messages, %4 connections, %5 cuts, %6 ms"_s.arg(Seed)
            .arg(Clients)
            .arg(PerClient)
            .arg(proxy.connectionCount())
            .arg(proxy.cutCount())
            .arg(elapsed);
    QString details = figures;
    for (const auto &person : people) {
        const SeenChats seen = seenBy(*person->model);
        details += u"\n%1 (%2): state %3, sent %4, outbox %5, %6 lines, %7 unconfirmed"_s
                       .arg(person->client->nick(), person->client->host())
                       .arg(int(person->client->state()))
                       .arg(person->sent)
                       .arg(person->client->outbox().size())
                       .arg(seen.seqs.size())
                       .arg(seen.unconfirmed);
    }
    for (const auto &person : people) {
        const SeenChats seen = seenBy(*person->model);
        QStringList missing;
        for (const QString &text : std::as_const(expected)) {
            if (!seen.texts.contains(text))
                missing.append(text);
        }
        if (!missing.isEmpty()) {
            details += u"\n%1 misses %2: %3"_s.arg(person->client->nick())
                           .arg(missing.size())
                           .arg(missing.mid(0, 20).join(u", "_s));
        }
    }
    details += u"\n"_s + proxy.cuts().join(u'\n');
    QVERIFY2(done, qPrintable(u"no convergence: "_s + details));
    QVERIFY2(proxy.cutCount() >= MinCuts, qPrintable(u"too few cuts: "_s + details));

    const SeenChats reference = seenBy(*people.front()->model);
    QStringList sorted = reference.texts;
    sorted.sort();
    QStringList wanted = expected;
    wanted.sort();
    // Nothing missing, nothing twice.
    QVERIFY2(sorted == wanted, qPrintable(details));
    for (qsizetype i = 1; i < reference.seqs.size(); ++i)
        QVERIFY2(reference.seqs.at(i - 1) < reference.seqs.at(i), qPrintable(details));
    // Everyone the same, in the same order.
    for (const auto &person : people) {
        const SeenChats seen = seenBy(*person->model);
        QVERIFY2(seen.seqs == reference.seqs, qPrintable(details));
        QVERIFY2(seen.texts == reference.texts, qPrintable(details));
    }
    // Each one's own messages were stored in the order they were typed.
    for (int i = 0; i < Clients; ++i) {
        QStringList own;
        for (const QString &text : reference.texts) {
            if (text.startsWith(u"p%1 "_s.arg(i)))
                own.append(text);
        }
        QStringList typed;
        for (int n = 0; n < PerClient; ++n)
            typed.append(u"p%1 m%2"_s.arg(i).arg(n));
        QVERIFY2(own == typed, qPrintable(details));
    }
    QStringList nicks;
    for (const auto &person : people)
        nicks.append(person->client->nick());
    // The figures for the record, and the nicknames: p0..p3 unless a welcome was cut off.
    qInfo().noquote() << figures << nicks.join(u' ');
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
