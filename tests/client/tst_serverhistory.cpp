// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QByteArray>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include "serverhistory.h"
#include "validation.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

QString serverList(const QList<ServerHistory::Server> &servers)
{
    QStringList names;
    for (const ServerHistory::Server &server : servers)
        names.append(server.host + u':' + QString::number(server.port));
    return names.join(u' ');
}

} // namespace

class TestServerHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void settingsAreIsolated();
    void emptyAtFirst();
    void mostRecentFirst();
    void deduplicatesIgnoringHostCase();
    void samehostOtherPortIsAnotherServer();
    void keepsTen();
    void ignoresEmptyHostAndPortZero();
    void lastNickPersists();
    void savedInvalidNickFallsBack();
    void explicitSettings();
    void defaultNick_data();
    void defaultNick();

private:
    QByteArray m_user;
    QByteArray m_userName;
};

void TestServerHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_user = qgetenv("USER");
    m_userName = qgetenv("USERNAME");
}

void TestServerHistory::init()
{
    QSettings(u"Tagarela"_s, u"tagarela"_s).clear();
    qputenv("USER", "ana");
    qunsetenv("USERNAME");
}

void TestServerHistory::cleanup()
{
    QSettings(u"Tagarela"_s, u"tagarela"_s).clear();
    qputenv("USER", m_user);
    qputenv("USERNAME", m_userName);
}

void TestServerHistory::settingsAreIsolated()
{
    const QSettings settings(u"Tagarela"_s, u"tagarela"_s);
    QVERIFY2(settings.fileName().contains(u".qttest"_s), qPrintable(settings.fileName()));
}

void TestServerHistory::emptyAtFirst()
{
    const ServerHistory history;
    QVERIFY(history.recentServers().isEmpty());
    QVERIFY(!history.lastServer());
}

void TestServerHistory::mostRecentFirst()
{
    ServerHistory history;
    history.addServer(u"alpha.example"_s, 3000);
    history.addServer(u"beta.example"_s, 4000);
    history.addServer(u"192.0.2.7"_s, 5000);
    QCOMPARE(serverList(history.recentServers()),
             u"192.0.2.7:5000 beta.example:4000 alpha.example:3000"_s);
    QCOMPARE(history.lastServer()->host, u"192.0.2.7"_s);
    QCOMPARE(history.lastServer()->port, 5000);

    history.addServer(u"alpha.example"_s, 3000);
    QCOMPARE(serverList(history.recentServers()),
             u"alpha.example:3000 192.0.2.7:5000 beta.example:4000"_s);
}

void TestServerHistory::deduplicatesIgnoringHostCase()
{
    ServerHistory history;
    history.addServer(u"Chat.Example.org"_s, 3000);
    history.addServer(u"beta.example"_s, 3000);
    history.addServer(u"  chat.example.ORG "_s, 3000);
    // The latest spelling wins, trimmed.
    QCOMPARE(serverList(history.recentServers()), u"chat.example.ORG:3000 beta.example:3000"_s);
}

void TestServerHistory::samehostOtherPortIsAnotherServer()
{
    ServerHistory history;
    history.addServer(u"chat.example.org"_s, 3000);
    history.addServer(u"chat.example.org"_s, 4000);
    QCOMPARE(serverList(history.recentServers()), u"chat.example.org:4000 chat.example.org:3000"_s);
}

void TestServerHistory::keepsTen()
{
    ServerHistory history;
    for (int i = 1; i <= 12; ++i)
        history.addServer(u"host%1.example"_s.arg(i), quint16(3000 + i));
    const QList<ServerHistory::Server> servers = history.recentServers();
    QCOMPARE(servers.size(), ServerHistory::MaxServers);
    QCOMPARE(servers.first().host, u"host12.example"_s);
    QCOMPARE(servers.last().host, u"host3.example"_s);
    QCOMPARE(servers.last().port, 3003);

    // Another instance reads the same list.
    QCOMPARE(serverList(ServerHistory().recentServers()), serverList(servers));
}

void TestServerHistory::ignoresEmptyHostAndPortZero()
{
    ServerHistory history;
    history.addServer(u"  "_s, 3000);
    history.addServer(u"chat.example.org"_s, 0);
    QVERIFY(history.recentServers().isEmpty());
}

void TestServerHistory::lastNickPersists()
{
    {
        ServerHistory history;
        QCOMPARE(history.lastNick(), u"ana"_s); // from USER
        history.setLastNick(u"Bia_2"_s);
    }
    const ServerHistory again;
    QCOMPARE(again.lastNick(), u"Bia_2"_s);
}

void TestServerHistory::savedInvalidNickFallsBack()
{
    QSettings(u"Tagarela"_s, u"tagarela"_s).setValue(u"lastNick"_s, u"bad nick!"_s);
    QCOMPARE(ServerHistory().lastNick(), u"ana"_s);
}

void TestServerHistory::explicitSettings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"history.ini"_s);
    {
        QSettings settings(file, QSettings::IniFormat);
        ServerHistory history(&settings);
        history.addServer(u"chat.example.org"_s, 4000);
        history.setLastNick(u"caio"_s);
    }
    QSettings settings(file, QSettings::IniFormat);
    const ServerHistory history(&settings);
    QCOMPARE(serverList(history.recentServers()), u"chat.example.org:4000"_s);
    QCOMPARE(history.lastNick(), u"caio"_s);
    // Nothing went to the default file.
    QVERIFY(ServerHistory().recentServers().isEmpty());
}

void TestServerHistory::defaultNick_data()
{
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("userName");
    QTest::addColumn<QString>("expected"); // empty: any valid nickname

    QTest::newRow("valid") << "ana"_ba << QByteArray() << u"ana"_s;
    QTest::newRow("space and accent") << "jo\xc3\xa3o silva"_ba << QByteArray() << u"joãosilva"_s;
    QTest::newRow("windows") << QByteArray() << "Bia"_ba << u"Bia"_s;
    QTest::newRow("leading dash") << "-dev"_ba << QByteArray() << u"dev"_s;
    QTest::newRow("too long") << QByteArray(40, 'x') << QByteArray() << QString();
    QTest::newRow("only symbols") << "!!!"_ba << QByteArray() << QString();
    QTest::newRow("none") << QByteArray() << QByteArray() << QString();
}

void TestServerHistory::defaultNick()
{
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, userName);
    QFETCH(QString, expected);
    if (user.isEmpty())
        qunsetenv("USER");
    else
        qputenv("USER", user);
    if (userName.isEmpty())
        qunsetenv("USERNAME");
    else
        qputenv("USERNAME", userName);

    const QString nick = ServerHistory::defaultNick();
    QCOMPARE(Validation::checkNick(nick), NickProblem::None);
    if (!expected.isEmpty())
        QCOMPARE(nick, expected);
    QCOMPARE(ServerHistory().lastNick(), nick);
}

QTEST_GUILESS_MAIN(TestServerHistory)
#include "tst_serverhistory.moc"
