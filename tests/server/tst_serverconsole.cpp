// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QFile>
#include <QList>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include "broadcast.h"
#include "chatroom.h"
#include "chatserver.h"
#include "message.h"
#include "roommember.h"
#include "serverconfig.h"
#include "serverconsole.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

class FakeMember final : public RoomMember
{
public:
    explicit FakeMember(const QString &address)
        : m_address(address)
    { }

    void deliver(const Broadcast &broadcast) override { events.append(broadcast.event()); }
    void tell(const Message &) override { }
    void displace() override { }
    QString address() const override { return m_address; }

    QList<Message> events;

private:
    QString m_address;
};

} // namespace

/*!
 * The console against a server that never listens: the room is filled with fake members, so
 * whatever a command does to the room shows in what they receive.
 */
class TestServerConsole final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyLine_data();
    void emptyLine();
    void whoListsMembers();
    void whoWithNobody();
    void sayNotice_data();
    void sayNotice();
    void sayRejectsBadText_data();
    void sayRejectsBadText();
    void kickUnknownNick();
    void kickWithoutNick();
    void quit_data();
    void quit();
    void help();
    void unknownCommand();
    void banCommands();
    void banUsage_data();
    void banUsage();
    void banIsSaved();

private:
    void expectNoEvents();

    ServerConfig m_config;
    std::unique_ptr<ChatServer> m_server;
    std::unique_ptr<ServerConsole> m_console;
    FakeMember m_ana {u"192.0.2.10"_s};
    FakeMember m_bia {u"2001:db8::20"_s};
};

void TestServerConsole::init()
{
    m_config = ServerConfig();
    m_config.maxText = 100;
    m_server = std::make_unique<ChatServer>(m_config);
    m_console = std::make_unique<ServerConsole>(m_server.get());
    QVERIFY(m_server->room().join(&m_bia, u"bia"_s).ok());
    QVERIFY(m_server->room().join(&m_ana, u"ana"_s).ok());
    // The server batches presence (ChatRoom::setBatchPresence()): bia's "joined" goes now.
    m_server->room().flushPresence();
    m_ana.events.clear();
    m_bia.events.clear();
}

void TestServerConsole::cleanup()
{
    m_console.reset();
    m_server.reset();
}

void TestServerConsole::expectNoEvents()
{
    m_server->room().commit(); // nothing queued either
    QVERIFY(!m_server->room().isStoring());
    QVERIFY(m_ana.events.isEmpty());
    QVERIFY(m_bia.events.isEmpty());
}

void TestServerConsole::emptyLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << u"   "_s;
    QTest::newRow("tab") << u"\t"_s;
}

void TestServerConsole::emptyLine()
{
    QFETCH(QString, line);
    QSignalSpy quit(m_console.get(), &ServerConsole::quitRequested);
    QCOMPARE(m_console->execute(line), QString());
    expectNoEvents();
    QCOMPARE(quit.count(), 0);
}

void TestServerConsole::whoListsMembers()
{
    const QString reply = m_console->execute(u"/who"_s);
    const QStringList lines = reply.split(u'\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).contains(u'2'), qPrintable(reply)); // the number of users
    QVERIFY2(lines.at(0).contains(u'0'), qPrintable(reply)); // no connection is open
    // Sorted by nick, each with its address.
    QCOMPARE(lines.at(1).trimmed(), u"ana  192.0.2.10"_s);
    QCOMPARE(lines.at(2).trimmed(), u"bia  2001:db8::20"_s);
    QVERIFY(lines.at(1).startsWith(u' '));
    expectNoEvents();

    // Case-insensitive command name, surrounding spaces ignored.
    QCOMPARE(m_console->execute(u"  /WHO  "_s), reply);
}

void TestServerConsole::whoWithNobody()
{
    m_server->room().leave(&m_ana, {});
    m_server->room().leave(&m_bia, {});
    const QString reply = m_console->execute(u"/who"_s);
    QVERIFY(!reply.isEmpty());
    QVERIFY2(!reply.contains(u'\n'), qPrintable(reply));
    QVERIFY2(!reply.contains(u"ana"_s), qPrintable(reply));
    QVERIFY2(reply.contains(u'0'), qPrintable(reply));
}

void TestServerConsole::sayNotice_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("text");

    QTest::newRow("/say") << u"/say hi"_s << u"hi"_s;
    QTest::newRow("plain text") << u"hi"_s << u"hi"_s;
    QTest::newRow("plain text, spaces kept inside") << u"  hello  there  "_s << u"hello  there"_s;
    QTest::newRow("/SAY") << u"/SAY olá a todos"_s << u"olá a todos"_s;
    QTest::newRow("/say, extra spaces") << u"/say    spaced"_s << u"spaced"_s;
    QTest::newRow("text of maximum length")
        << u"/say "_s + QString(100, u'x') << QString(100, u'x');
}

void TestServerConsole::sayNotice()
{
    QFETCH(QString, line);
    QFETCH(QString, text);

    QCOMPARE(m_console->execute(line), QString());
    m_server->room().commit(); // notices are sent once stored
    QTRY_VERIFY(!m_server->room().isStoring());
    for (const FakeMember *member : {&m_ana, &m_bia}) {
        QCOMPARE(member->events.size(), 1);
        const Message &event = member->events.constFirst();
        QCOMPARE(event.type, MessageType::Notice);
        QCOMPARE(event.text, text);
        QVERIFY(event.time > 0);
    }
}

void TestServerConsole::sayRejectsBadText_data()
{
    QTest::addColumn<QString>("line");

    QTest::newRow("nothing") << u"/say"_s;
    QTest::newRow("only spaces") << u"/say    "_s;
    QTest::newRow("control character") << u"/say bell \u0007 rings"_s;
    QTest::newRow("escape") << u"/say \u001b[31mred"_s;
    QTest::newRow("too long") << u"/say "_s + QString(101, u'x');
    QTest::newRow("too long in UTF-8") << u"/say "_s + QString(51, u'é');
    QTest::newRow("lone surrogate") << u"/say a"_s + QChar(0xd800) + u"b"_s;
    QTest::newRow("plain control") << u"bell \u0007"_s;
}

void TestServerConsole::sayRejectsBadText()
{
    QFETCH(QString, line);

    const QString reply = m_console->execute(line);
    QVERIFY(!reply.isEmpty());
    expectNoEvents();
}

void TestServerConsole::kickUnknownNick()
{
    const QString reply = m_console->execute(u"/kick nobody being rude"_s);
    QVERIFY2(reply.contains(u"nobody"_s), qPrintable(reply));
    QVERIFY2(!reply.contains(u"rude"_s), qPrintable(reply));
    expectNoEvents();
    QCOMPARE(m_server->room().size(), 2);
}

void TestServerConsole::kickWithoutNick()
{
    const QString reply = m_console->execute(u"/kick"_s);
    QVERIFY2(reply.contains(u"/kick"_s), qPrintable(reply)); // the usage
    QCOMPARE(m_console->execute(u"/kick   "_s), reply);
    expectNoEvents();
}

void TestServerConsole::quit_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("/quit") << u"/quit"_s;
    QTest::newRow("/QUIT with spaces") << u"  /QUIT "_s;
    QTest::newRow("/quit with argument") << u"/quit now"_s;
}

void TestServerConsole::quit()
{
    QFETCH(QString, line);

    QSignalSpy quit(m_console.get(), &ServerConsole::quitRequested);
    QVERIFY(quit.isValid());
    QCOMPARE(m_console->execute(line), QString());
    QCOMPARE(quit.count(), 1);
    expectNoEvents();

    // Other commands do not ask to quit.
    (void)m_console->execute(u"/who"_s);
    (void)m_console->execute(u"/help"_s);
    (void)m_console->execute(u"quit"_s);
    QCOMPARE(quit.count(), 1);
}

void TestServerConsole::help()
{
    const QString reply = m_console->execute(u"/help"_s);
    QVERIFY(!reply.isEmpty());
    for (const QString &command :
         {u"/who"_s, u"/say"_s, u"/kick"_s, u"/ban"_s, u"/unban"_s, u"/bans"_s, u"/quit"_s})
        QVERIFY2(reply.contains(command), qPrintable(command));
    expectNoEvents();
}

void TestServerConsole::unknownCommand()
{
    const QString reply = m_console->execute(u"/frobnicate now"_s);
    QVERIFY2(reply.contains(u"/frobnicate"_s), qPrintable(reply));
    QVERIFY2(reply.contains(u"/help"_s), qPrintable(reply));
    expectNoEvents();

    // A bare slash is a command too, not a notice.
    QVERIFY(!m_console->execute(u"/"_s).isEmpty());
    expectNoEvents();
}

void TestServerConsole::banCommands()
{
    QCOMPARE(m_console->execute(u"/bans"_s), u"Nobody is banned."_s);
    // Nobody was connected from there: nothing to say about connections.
    QCOMPARE(m_console->execute(u"/ban 192.0.2.99/24"_s), u"Banned 192.0.2.0/24."_s);
    QCOMPARE(m_console->execute(u"/BAN 192.0.2.0/24"_s), u"192.0.2.0/24 is banned already."_s);
    QCOMPARE(m_console->execute(u"/ban 2001:db8::1"_s), u"Banned 2001:db8::1."_s);
    QCOMPARE(m_console->execute(u"/bans"_s), u"2 ban(s):\n  192.0.2.0/24\n  2001:db8::1"_s);
    const QString notBanned = m_console->execute(u"/unban 192.0.2.1"_s);
    QVERIFY2(notBanned.startsWith(u"192.0.2.1 is not banned."_s), qPrintable(notBanned));
    QCOMPARE(m_console->execute(u"/unban 192.0.2.0/24"_s), u"Lifted the ban on 192.0.2.0/24."_s);
    QCOMPARE(m_server->bans().size(), 1);
    // Banning does not touch the room: those members are not connections.
    expectNoEvents();
}

void TestServerConsole::banUsage_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ban alone") << u"/ban"_s << u"Usage: /ban"_s;
    QTest::newRow("unban alone") << u"/unban"_s << u"Usage: /unban"_s;
    QTest::newRow("a name") << u"/ban troll"_s << u"\"troll\" is not an IPv4 or IPv6"_s;
    QTest::newRow("bad prefix") << u"/unban 192.0.2.7/40"_s << u"is not an IPv4 or IPv6"_s;
}

void TestServerConsole::banUsage()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    const QString reply = m_console->execute(line);
    QVERIFY2(reply.contains(expected), qPrintable(reply));
    QVERIFY(m_server->bans().isEmpty());
}

void TestServerConsole::banIsSaved()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_console.reset();
    m_server.reset();
    m_config.dataDir = dir.path();
    m_server = std::make_unique<ChatServer>(m_config);
    m_console = std::make_unique<ServerConsole>(m_server.get());
    QVERIFY(m_server->prepare());
    (void)m_console->execute(u"/ban 198.51.100.4"_s);
    QFile file(dir.filePath(u"bans.txt"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\n198.51.100.4\n"));
}

QTEST_GUILESS_MAIN(TestServerConsole)

#include "tst_serverconsole.moc"
