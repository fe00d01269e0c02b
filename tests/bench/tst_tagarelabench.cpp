// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// tagarela-bench --plain and its --host/--port lists, over real sockets: against a small
// line hub in this test (listeners that share one list of receivers, as servers sharing a
// room do) and against the epoll baseline of bench/baselines.

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "serverprocess.h"

using Tagarela::ServerProcess;

using namespace Qt::StringLiterals;

namespace {

// Every complete line any client sends goes to every client, whichever listener took it.
class LineHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineHub)

public:
    explicit LineHub(int listeners)
    {
        for (int i = 0; i < listeners; ++i) {
            auto *server = new QTcpServer(this);
            if (!server->listen(QHostAddress::LocalHost, 0))
                qFatal("LineHub: cannot listen");
            connect(server, &QTcpServer::newConnection, this, [this, server, i] {
                while (server->hasPendingConnections())
                    take(server->nextPendingConnection(), i);
            });
            m_servers.append(server);
            m_accepted.append(0);
        }
    }

    QString ports() const
    {
        QStringList list;
        for (const QTcpServer *server : m_servers)
            list.append(QString::number(server->serverPort()));
        return list.join(u',');
    }
    int accepted(int listener) const { return m_accepted.at(listener); }
    // The n-th line that is not a probe is not delivered to the first client.
    void withholdFromFirstClient(int n) { m_withhold = n; }

private:
    void take(QTcpSocket *socket, int listener)
    {
        ++m_accepted[listener];
        m_clients.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            m_pending[socket] += socket->readAll();
            QByteArray &pending = m_pending[socket];
            const qsizetype end = pending.lastIndexOf('\n') + 1;
            if (end == 0)
                return;
            const QList<QByteArray> lines = pending.first(end - 1).split('\n');
            pending.remove(0, end);
            for (const QByteArray &line : lines)
                broadcast(line + '\n');
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_pending.remove(socket);
            socket->deleteLater();
        });
    }

    void broadcast(const QByteArray &line)
    {
        const bool data = !line.startsWith('#');
        if (data)
            ++m_dataLines;
        for (int i = 0; i < m_clients.size(); ++i) {
            QTcpSocket *client = m_clients.at(i);
            if (!client || (data && i == 0 && m_dataLines == m_withhold))
                continue;
            client->write(line);
        }
    }

    QList<QTcpServer *> m_servers;
    QList<int> m_accepted;
    QList<QPointer<QTcpSocket>> m_clients;
    QHash<QTcpSocket *, QByteArray> m_pending;
    int m_dataLines = 0;
    int m_withhold = 0;
};

struct BenchRun
{
    int exitCode = -1;
    QJsonObject report;
    QByteArray errors;
};

BenchRun runBench(const QStringList &arguments)
{
    BenchRun result;
    QProcess bench;
    bench.start(QStringLiteral(TAGARELA_BENCH_BINARY), arguments + QStringList {u"--json"_s});
    if (!bench.waitForStarted())
        return result;
    // The hub lives on this thread: keep the event loop running while the bench works.
    QSignalSpy finished(&bench, &QProcess::finished);
    if (!finished.wait(60'000)) {
        bench.kill();
        bench.waitForFinished();
        return result;
    }
    result.exitCode = bench.exitStatus() == QProcess::NormalExit ? bench.exitCode() : -1;
    result.errors = bench.readAllStandardError();
    result.report = QJsonDocument::fromJson(bench.readAllStandardOutput()).object();
    return result;
}

} // namespace

class TestTagarelaBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainAgainstOneServer();
    void plainSpreadsClientsOverServers();
    void plainReportsAWithheldDelivery();
    void plainAgainstTheEpollBaseline();
    void listsOfDifferentLengthsAreRefused();
    void framedSpreadOverTwoServers();
    void roomPerServerIsNotForPlain();
};

void TestTagarelaBench::plainAgainstOneServer()
{
    LineHub hub(1);
    const BenchRun run = runBench({u"--plain"_s, u"--port"_s, hub.ports(), u"--clients"_s, u"10"_s,
                                   u"--senders"_s, u"2"_s, u"--messages"_s, u"50"_s});
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    QCOMPARE(run.report.value(u"mode"_s).toString(), u"plain"_s);
    QCOMPARE(run.report.value(u"joined"_s).toInt(), 10);
    QCOMPARE(run.report.value(u"expected"_s).toInteger(), 10 * 2 * 50);
    QCOMPARE(run.report.value(u"received"_s).toInteger(), 10 * 2 * 50);
    QCOMPARE(run.report.value(u"lost"_s).toInteger(), 0);
    QCOMPARE(run.report.value(u"corrupt"_s).toInteger(), 0);
    QCOMPARE(run.report.value(u"duplicated"_s).toInteger(), 0);
}

void TestTagarelaBench::plainSpreadsClientsOverServers()
{
    LineHub hub(3);
    // One host for three ports: each client takes the next server in turn.
    const BenchRun run = runBench({u"--plain"_s, u"--host"_s, u"127.0.0.1"_s, u"--port"_s,
                                   hub.ports(), u"--clients"_s, u"9"_s, u"--senders"_s, u"3"_s,
                                   u"--messages"_s, u"40"_s, u"--rate"_s, u"400"_s});
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    QCOMPARE(run.report.value(u"servers"_s).toInt(), 3);
    QCOMPARE(hub.accepted(0), 3);
    QCOMPARE(hub.accepted(1), 3);
    QCOMPARE(hub.accepted(2), 3);
    QCOMPARE(run.report.value(u"received"_s).toInteger(), 9 * 3 * 40);
    QCOMPARE(run.report.value(u"lost"_s).toInteger(), 0);

    // A host list paired with a port list.
    LineHub pair(2);
    const BenchRun paired =
        runBench({u"--plain"_s, u"--host"_s, u"127.0.0.1,127.0.0.1"_s, u"--port"_s, pair.ports(),
                  u"--clients"_s, u"5"_s, u"--senders"_s, u"1"_s, u"--messages"_s, u"20"_s});
    QVERIFY2(paired.exitCode == 0, paired.errors.constData());
    QCOMPARE(pair.accepted(0), 3);
    QCOMPARE(pair.accepted(1), 2);
    QCOMPARE(paired.report.value(u"received"_s).toInteger(), 5 * 1 * 20);
}

void TestTagarelaBench::plainReportsAWithheldDelivery()
{
    LineHub hub(1);
    hub.withholdFromFirstClient(7);
    const BenchRun run = runBench({u"--plain"_s, u"--port"_s, hub.ports(), u"--clients"_s, u"4"_s,
                                   u"--senders"_s, u"1"_s, u"--messages"_s, u"20"_s});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.report.value(u"expected"_s).toInteger(), 4 * 20);
    QCOMPARE(run.report.value(u"received"_s).toInteger(), 4 * 20 - 1);
    QCOMPARE(run.report.value(u"lost"_s).toInteger(), 1);
    QCOMPARE(run.report.value(u"complete"_s).toBool(), false);
}

void TestTagarelaBench::plainAgainstTheEpollBaseline()
{
    QProcess baseline;
    baseline.start(QStringLiteral(TAGARELA_EPOLL_BASELINE_BINARY), {u"--port"_s, u"0"_s});
    QVERIFY(baseline.waitForStarted());
    const auto cleanup = qScopeGuard([&baseline] {
        baseline.kill();
        baseline.waitForFinished();
    });
    QByteArray announced;
    QTRY_VERIFY_WITH_TIMEOUT((announced += baseline.readAllStandardError()).contains('\n'), 10'000);
    const qsizetype at = announced.indexOf(" port ");
    QVERIFY2(at > 0, announced.constData());
    const QByteArray port = announced.mid(at + 6).trimmed();

    const BenchRun run =
        runBench({u"--plain"_s, u"--port"_s, QString::fromLatin1(port), u"--clients"_s, u"30"_s,
                  u"--senders"_s, u"3"_s, u"--messages"_s, u"200"_s});
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    QCOMPARE(run.report.value(u"received"_s).toInteger(), 30 * 3 * 200);
    QCOMPARE(run.report.value(u"lost"_s).toInteger(), 0);
    QCOMPARE(run.report.value(u"out_of_order"_s).toInteger(), 0);
    QCOMPARE(run.report.value(u"corrupt"_s).toInteger(), 0);
    QCOMPARE(baseline.state(), QProcess::Running);
}

void TestTagarelaBench::listsOfDifferentLengthsAreRefused()
{
    QProcess bench;
    bench.start(QStringLiteral(TAGARELA_BENCH_BINARY),
                {u"--plain"_s, u"--host"_s, u"127.0.0.1,127.0.0.2,127.0.0.3"_s, u"--port"_s,
                 u"3000,3001"_s});
    QVERIFY(bench.waitForFinished(30'000));
    QCOMPARE(bench.exitCode(), 2);
    QVERIFY(bench.readAllStandardError().contains("same length"));

    bench.start(QStringLiteral(TAGARELA_BENCH_BINARY), {u"--port"_s, u"3000,x"_s});
    QVERIFY(bench.waitForFinished(30'000));
    QCOMPARE(bench.exitCode(), 2);
    QVERIFY(bench.readAllStandardError().contains("not x"));
}

void TestTagarelaBench::framedSpreadOverTwoServers()
{
    // Two real servers, each its own room (no Redis): clients alternate between them, and each
    // expects the messages of the senders on its own server (--room-per-server).
    // --resume-grace 0: the second run's clients take the nicknames the first run's just left.
    const QStringList serverArguments {u"--no-history"_s,   u"--max-rate"_s, u"0"_s,
                                       u"--max-per-ip"_s,   u"0"_s,          u"--quiet"_s,
                                       u"--resume-grace"_s, u"0"_s};
    ServerProcess first(QStringLiteral(TAGARELA_SERVER_BINARY));
    ServerProcess second(QStringLiteral(TAGARELA_SERVER_BINARY));
    QVERIFY(first.startListening(serverArguments));
    QVERIFY(second.startListening(serverArguments));
    const QString ports = u"%1,%2"_s.arg(first.port()).arg(second.port());
    const QStringList workload {u"--port"_s,    ports,   u"--clients"_s,  u"6"_s,
                                u"--senders"_s, u"2"_s,  u"--messages"_s, u"30"_s,
                                u"--rate"_s,    u"300"_s};

    const BenchRun run = runBench(workload + QStringList {u"--room-per-server"_s});
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    QCOMPARE(run.report.value(u"mode"_s).toString(), u"framed"_s);
    QCOMPARE(run.report.value(u"servers"_s).toInt(), 2);
    QCOMPARE(run.report.value(u"room_per_server"_s).toBool(), true);
    QCOMPARE(run.report.value(u"joined"_s).toInt(), 6);
    // Sender 0 and clients 0, 2, 4 on the first; sender 1 and clients 1, 3, 5 on the second.
    QCOMPARE(run.report.value(u"expected"_s).toInteger(), 6 * 1 * 30);
    QCOMPARE(run.report.value(u"received"_s).toInteger(), 6 * 1 * 30);
    QCOMPARE(run.report.value(u"lost"_s).toInteger(), 0);
    QCOMPARE(run.report.value(u"corrupt"_s).toInteger(), 0);
    QCOMPARE(run.report.value(u"duplicated"_s).toInteger(), 0);

    // As one room, the same run misses what the other server's senders said: the bench tells.
    const BenchRun oneRoom = runBench(workload + QStringList {u"--timeout"_s, u"20"_s});
    QCOMPARE(oneRoom.exitCode, 1);
    QCOMPARE(oneRoom.report.value(u"expected"_s).toInteger(), 6 * 2 * 30);
    QCOMPARE(oneRoom.report.value(u"received"_s).toInteger(), 6 * 1 * 30);
    QCOMPARE(oneRoom.report.value(u"lost"_s).toInteger(), 6 * 1 * 30);
}

void TestTagarelaBench::roomPerServerIsNotForPlain()
{
    QProcess bench;
    bench.start(QStringLiteral(TAGARELA_BENCH_BINARY),
                {u"--plain"_s, u"--port"_s, u"3000,3001"_s, u"--room-per-server"_s});
    QVERIFY(bench.waitForFinished(30'000));
    QCOMPARE(bench.exitCode(), 2);
    QVERIFY(bench.readAllStandardError().contains("--room-per-server needs"));
}

QTEST_GUILESS_MAIN(TestTagarelaBench)
#include "tst_tagarelabench.moc"
