// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The server binary against the worst: killed with SIGKILL while clients send, and a data
// directory that cannot take another byte. What was acknowledged must survive; what was not
// stored must not be acknowledged or sent.

#include <memory>
#include <vector>

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "framedtestclient.h"
#include "serverprocess.h"
#include "testprinters.h"

#include <sys/resource.h>
#include <sys/types.h>

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

QString serverBinary()
{
    return QString::fromUtf8(TAGARELA_SERVER_BINARY);
}

QStringList serverArguments(const QString &dataDir)
{
    return {u"--data-dir"_s, dataDir, u"--max-rate"_s, u"0"_s, u"--quiet"_s};
}

// Every message of every history frame received, in order.
QList<Message> historyOf(const FramedTestClient &client)
{
    QList<Message> messages;
    const QList<Message> frames = client.received(MessageType::History);
    for (const Message &frame : frames)
        messages += frame.messages;
    return messages;
}

// Joins a reader that asks for the newest 1000 messages.
std::unique_ptr<FramedTestClient> readHistory(quint16 port, const QString &nick)
{
    auto reader = std::make_unique<FramedTestClient>(port);
    Message hello = Message::hello(nick);
    hello.limit = 1000;
    if (!reader->join(hello, 20'000))
        return nullptr;
    return reader;
}

Match::Predicate clientId(const QString &id)
{
    return [id](const Message &m) {
        return m.clientId == id;
    };
}

} // namespace

class TestDurability final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acknowledgedSurvivesSigkill();
    void fullDiskIsNotStored();
    void oneServerPerDataDir();
};

void TestDurability::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo::exists(serverBinary()), qPrintable(serverBinary()));
}

void TestDurability::acknowledgedSurvivesSigkill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath(u"data"_s);
    constexpr int Senders = 3;
    constexpr int PerSender = 300;
    const auto idOf = [](int sender, int i) {
        return u"s%1-%2"_s.arg(sender).arg(i);
    };

    // 1. Three clients send 300 messages each, with ids; SIGKILL once some are acknowledged.
    QHash<QString, quint64> acked; // client-id -> seq
    QString historyId;
    {
        ServerProcess server(serverBinary());
        QVERIFY(server.startListening(serverArguments(dataDir)));
        std::vector<std::unique_ptr<FramedTestClient>> senders;
        for (int s = 0; s < Senders; ++s) {
            senders.push_back(std::make_unique<FramedTestClient>(server.port()));
            QVERIFY(senders.back()->join(u"sender%1"_s.arg(s)));
        }
        historyId = senders.front()->received(MessageType::HandshakeOk).constFirst().historyId;
        QCOMPARE(historyId.size(), 32);
        // Everything at once, and the kill as soon as a few acks are back: the server is then
        // in the middle of reading, storing and acknowledging the rest.
        for (int i = 0; i < PerSender; ++i) {
            for (int s = 0; s < Senders; ++s)
                senders[size_t(s)]->say(u"message %1 from %2"_s.arg(i).arg(s), idOf(s, i));
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const auto &sender : senders) {
                    if (sender->count(MessageType::Ack) > 0)
                        return true;
                }
                return false;
            },
            20'000));
        server.process().kill(); // SIGKILL
        QVERIFY(server.waitForFinished());
        QCOMPARE(server.exitStatus(), QProcess::CrashExit);
        for (const auto &sender : senders) {
            QVERIFY(sender->waitForClosed());
            const QList<Message> acks = sender->received(MessageType::Ack);
            for (const Message &ack : acks)
                acked.insert(ack.clientId, ack.seq);
        }
    }
    QVERIFY(!acked.isEmpty());
    qInfo("%lld of %d messages were acknowledged before the kill", qlonglong(acked.size()),
          Senders * PerSender);

    // 2. Restarted on the same directory: every acknowledged message is there, same numbers.
    ServerProcess server(serverBinary());
    QVERIFY(server.startListening(serverArguments(dataDir)));
    const auto reader = readHistory(server.port(), u"reader"_s);
    QVERIFY(reader);
    QCOMPARE(reader->received(MessageType::HandshakeOk).constFirst().historyId, historyId);
    const QList<Message> before = historyOf(*reader);
    QHash<QString, quint64> stored;
    quint64 previous = 0;
    for (const Message &message : before) {
        QVERIFY(message.seq > previous);
        previous = message.seq;
        QVERIFY2(!stored.contains(message.clientId), qPrintable(message.clientId));
        stored.insert(message.clientId, message.seq);
    }
    for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
        QVERIFY2(stored.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(stored.value(it.key()), it.value());
    }
    const quint64 oldMax = previous;
    qInfo("%lld stored before the kill, %lld of them not acknowledged", qlonglong(stored.size()),
          qlonglong(stored.size() - acked.size()));

    // 3. Each sender resends what it has no ack for: stored once, never twice.
    std::vector<std::unique_ptr<FramedTestClient>> senders;
    for (int s = 0; s < Senders; ++s) {
        senders.push_back(std::make_unique<FramedTestClient>(server.port()));
        QVERIFY(senders.back()->join(u"sender%1"_s.arg(s)));
        int resent = 0;
        for (int i = 0; i < PerSender; ++i) {
            if (acked.contains(idOf(s, i)))
                continue;
            senders.back()->say(u"message %1 from %2"_s.arg(i).arg(s), idOf(s, i));
            ++resent;
        }
        QVERIFY(senders.back()->waitForCount(MessageType::Ack, resent, {}, 20'000));
        const QList<Message> acks = senders.back()->received(MessageType::Ack);
        for (const Message &ack : acks) {
            // Stored before the kill but not acknowledged: the same number now.
            if (stored.contains(ack.clientId))
                QCOMPARE(ack.seq, stored.value(ack.clientId));
            else
                QVERIFY(ack.seq > oldMax); // numbers continue above the old ones
        }
    }

    const auto after = readHistory(server.port(), u"reader2"_s);
    QVERIFY(after);
    const QList<Message> all = historyOf(*after);
    QCOMPARE(all.size(), Senders * PerSender);
    QSet<QString> ids;
    previous = 0;
    for (const Message &message : all) {
        QVERIFY(message.seq > previous);
        previous = message.seq;
        QVERIFY2(!ids.contains(message.clientId), qPrintable(message.clientId));
        ids.insert(message.clientId);
    }
}

void TestDurability::fullDiskIsNotStored()
{
    // RLIMIT_FSIZE stops writes for root too (a chmod would not): the server's files may not
    // grow past 64 KiB, which a few dozen commits reach.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server(serverBinary());
    server.process().setChildProcessModifier([] {
        rlimit limit {};
        limit.rlim_cur = 64 * 1024;
        limit.rlim_max = RLIM_INFINITY;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
    QVERIFY(server.startListening(serverArguments(dir.filePath(u"data"_s))));
    FramedTestClient ana(server.port());
    FramedTestClient bia(server.port());
    QVERIFY(ana.join(u"ana"_s));
    QVERIFY(bia.join(u"bia"_s));

    // One message per commit until one is refused.
    QString refusedId;
    int stored = 0;
    for (int i = 0; i < 200 && refusedId.isEmpty(); ++i) {
        const QString id = u"full-%1"_s.arg(i);
        ana.say(u"message %1"_s.arg(i), id);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return ana.count(MessageType::Ack, clientId(id)) > 0 ||
                    ana.count(MessageType::Error, clientId(id)) > 0 || ana.isClosed();
            },
            5000));
        QVERIFY(!ana.isClosed());
        if (ana.count(MessageType::Error, clientId(id)) > 0)
            refusedId = id;
        else
            ++stored;
    }
    QVERIFY2(!refusedId.isEmpty(), "the size limit was never reached");
    QVERIFY(stored > 0);
    const auto error = ana.waitFor(MessageType::Error, clientId(refusedId));
    QCOMPARE(error->code, ErrorCode::NotStored);
    QCOMPARE(ana.count(MessageType::Ack, clientId(refusedId)), 0);
    QVERIFY(server.waitForStandardError(u"NOT STORED"_s));

    // Nothing was broadcast, and the server still serves.
    bia.send(Message::who());
    QVERIFY(bia.waitFor(MessageType::Users));
    QCOMPARE(bia.count(MessageType::Chat, clientId(refusedId)), 0);
    QCOMPARE(bia.count(MessageType::Chat), stored);
    QCOMPARE(server.process().state(), QProcess::Running);

    // Room again: the same message is stored and sent.
    rlimit unlimited {RLIM_INFINITY, RLIM_INFINITY};
    QCOMPARE(::prlimit(pid_t(server.process().processId()), RLIMIT_FSIZE, &unlimited, nullptr), 0);
    ana.say(u"again"_s, refusedId);
    QVERIFY(ana.waitFor(MessageType::Ack, clientId(refusedId)));
    QVERIFY(bia.waitFor(MessageType::Chat, clientId(refusedId)));
}

void TestDurability::oneServerPerDataDir()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess first(serverBinary());
    QVERIFY(first.startListening(serverArguments(dir.path())));
    ServerProcess second(serverBinary());
    QVERIFY(second.start(QStringList {u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s} +
                         serverArguments(dir.path())));
    QVERIFY(second.waitForFinished());
    QCOMPARE(second.exitCode(), 1);
    QVERIFY2(second.standardError().contains(u"in use by another server"_s),
             qPrintable(second.standardError()));
    QCOMPARE(first.process().state(), QProcess::Running);
}

QTEST_GUILESS_MAIN(TestDurability)

#include "tst_durability.moc"
