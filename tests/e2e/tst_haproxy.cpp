// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// docs/haproxy.cfg at work: HAProxy (the Debian package) in front of two tagarela-server
// processes. The configuration is the documented one, with only what belongs to this machine
// rewritten: free ports, two servers, logging to standard error, and a connection limit that
// fits the test's file limit. A missing haproxy is a failure, not a skip.

#include <memory>

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "framedtestclient.h"
#include "serverprocess.h"
#include "testprinters.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

QString haproxyProgram()
{
    QString found = QStandardPaths::findExecutable(u"haproxy"_s);
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(u"haproxy"_s, {u"/usr/sbin"_s, u"/sbin"_s});
    return found;
}

// A port that was free a moment ago.
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// Which server answered: its --name, from handshake-ok.
QString serverBehind(FramedTestClient &client)
{
    if (!client.handshake(10'000))
        return {};
    return client.received(MessageType::HandshakeOk).constFirst().server;
}

} // namespace

class TestHaproxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void documentedConfigurationIsValid();
    void clientsAreSpreadOverTheServers();

private:
    /*! docs/haproxy.cfg for this machine; empty if a part to rewrite was not found. */
    QString configurationFor(quint16 frontend, quint16 first, quint16 second) const;

    QString m_haproxy;
};

void TestHaproxy::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_haproxy = haproxyProgram();
    QVERIFY2(!m_haproxy.isEmpty(), "haproxy is not installed: scripts/install-deps.sh installs it");
}

QString TestHaproxy::configurationFor(quint16 frontend, quint16 first, quint16 second) const
{
    QFile file(QStringLiteral(TAGARELA_SOURCE_DIR) + u"/docs/haproxy.cfg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    const std::pair<QString, QString> rewrites[] = {
        {u"    bind :3000\n"_s, u"    bind 127.0.0.1:%1\n"_s.arg(frontend)},
        {u"    log /dev/log local0\n"_s, u"    log stderr format raw local0\n"_s},
        {u"    maxconn 20000\n"_s, u"    maxconn 1000\n"_s},
        {u"127.0.0.1:3001\n"_s, u"127.0.0.1:%1\n"_s.arg(first)},
        {u"127.0.0.1:3002\n"_s, u"127.0.0.1:%1\n"_s.arg(second)},
        {u"    server chat3 127.0.0.1:3003\n"_s, QString()},
    };
    for (const auto &[from, to] : rewrites) {
        if (!text.contains(from))
            return {};
        text.replace(from, to);
    }
    return text;
}

void TestHaproxy::documentedConfigurationIsValid()
{
    // What the operator is told to run after editing it (docs/SCALING.md).
    QProcess check;
    check.start(m_haproxy,
                {u"-c"_s, u"-f"_s, QStringLiteral(TAGARELA_SOURCE_DIR) + u"/docs/haproxy.cfg"_s});
    QVERIFY(check.waitForFinished(30'000));
    QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
}

void TestHaproxy::clientsAreSpreadOverTheServers()
{
    ServerProcess first(QStringLiteral(TAGARELA_SERVER_BINARY));
    ServerProcess second(QStringLiteral(TAGARELA_SERVER_BINARY));
    QVERIFY(first.startListening({u"--name"_s, u"first"_s, u"--max-per-ip"_s, u"0"_s}));
    QVERIFY(second.startListening({u"--name"_s, u"second"_s, u"--max-per-ip"_s, u"0"_s}));

    const quint16 frontend = freePort();
    QVERIFY(frontend != 0);
    const QString configuration = configurationFor(frontend, first.port(), second.port());
    QVERIFY2(!configuration.isEmpty(),
             "docs/haproxy.cfg no longer has the lines this test rewrites");
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QFile file(directory.filePath(u"haproxy.cfg"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(configuration.toUtf8());
    file.close();

    // -db: in the foreground, stopped by its PID when the test ends.
    QProcess haproxy;
    haproxy.setProcessChannelMode(QProcess::MergedChannels);
    haproxy.start(m_haproxy, {u"-db"_s, u"-f"_s, file.fileName()});
    QVERIFY(haproxy.waitForStarted());
    const auto stop = qScopeGuard([&haproxy] {
        haproxy.terminate();
        if (!haproxy.waitForFinished(10'000)) {
            haproxy.kill();
            haproxy.waitForFinished();
        }
    });

    // Until HAProxy listens its port refuses, and a refused client reached no server.
    std::unique_ptr<FramedTestClient> client;
    const auto connected = [&] {
        client = std::make_unique<FramedTestClient>(frontend);
        return client->connectToServer(2000);
    };
    QTRY_VERIFY_WITH_TIMEOUT(haproxy.state() != QProcess::Running || connected(), 20'000);
    QVERIFY2(haproxy.state() == QProcess::Running, haproxy.readAll().constData());
    FramedTestClient &ana = *client;
    const QString anaServer = serverBehind(ana);
    QVERIFY2(anaServer == "first"_L1 || anaServer == "second"_L1, qPrintable(anaServer));
    QVERIFY(ana.join(u"ana"_s));

    // leastconn: while ana stays, the next client goes to the other server.
    FramedTestClient bia(frontend);
    const QString biaServer = serverBehind(bia);
    QVERIFY2(biaServer == "first"_L1 || biaServer == "second"_L1, qPrintable(biaServer));
    QVERIFY(biaServer != anaServer);
    QVERIFY(bia.join(u"bia"_s));

    // Each server is its own room without an engine: they do not see each other.
    QVERIFY(ana.received(MessageType::Welcome).constFirst().users == QStringList {u"ana"_s});
    QVERIFY(bia.received(MessageType::Welcome).constFirst().users == QStringList {u"bia"_s});

    // Bytes pass through untouched both ways: a chat comes back as the server numbered it.
    ana.say(u"through haproxy"_s, u"c1"_s);
    QVERIFY(ana.waitFor(MessageType::Ack));
    QVERIFY(ana.waitFor(MessageType::Chat, Match::text(u"through haproxy"_s)));

    // ana's server goes away: a new client still gets in, on the other one.
    ServerProcess &gone = anaServer == "first"_L1 ? first : second;
    gone.process().terminate();
    QVERIFY(gone.waitForFinished());
    FramedTestClient caio(frontend);
    QCOMPARE(serverBehind(caio), biaServer);
}

QTEST_GUILESS_MAIN(TestHaproxy)
#include "tst_haproxy.moc"
