// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QVariantMap>

#include "notifier.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

const QString Service = u"org.freedesktop.Notifications"_s;
const QString Path = u"/org/freedesktop/Notifications"_s;

// What the desktop's notification service would be shown.
struct Shown
{
    QString appName;
    QString summary;
    QString body;
    QVariantMap hints;
};

} // namespace

// A stand-in for the desktop's notification daemon, on the test's own bus.
class FakeNotifications final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<Shown> shown;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(actions)
        Q_UNUSED(timeout)
        shown.append({appName, summary, body, hints});
        return static_cast<uint>(shown.size());
    }
};

class TestNotifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void mentionReachesTheService();
    void policyDecidesWhatGoesOut_data();
    void policyDecidesWhatGoesOut();
    void markupInTheChatStaysText();
    void longMessagesAreCut();
    void withoutTheServiceTheTrayShowsIt();
    void withoutABusTheTrayShowsIt();

private:
    QProcess m_daemon;
    QString m_address;
    std::unique_ptr<FakeNotifications> m_service;
};

void TestNotifier::initTestCase()
{
    // A session bus of the test's own: nothing reaches the desktop of whoever runs it.
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    QVERIFY2(!daemon.isEmpty(), "dbus-daemon is not installed (Debian package dbus-daemon)");
    m_daemon.start(daemon, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    QVERIFY(m_daemon.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_daemon.canReadLine(), 10000);
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY(!m_address.isEmpty());
}

void TestNotifier::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(u"service"_s);
    QDBusConnection::disconnectFromBus(u"client"_s);
    m_daemon.terminate();
    m_daemon.waitForFinished(10000);
}

void TestNotifier::init()
{
    QDBusConnection bus = QDBusConnection::connectToBus(m_address, u"service"_s);
    QVERIFY(bus.isConnected());
    m_service = std::make_unique<FakeNotifications>();
    QVERIFY(bus.registerObject(Path, m_service.get(), QDBusConnection::ExportAllSlots));
    QVERIFY(bus.registerService(Service));
}

void TestNotifier::cleanup()
{
    QDBusConnection bus(u"service"_s);
    bus.unregisterService(Service);
    bus.unregisterObject(Path);
    m_service.reset();
}

void TestNotifier::mentionReachesTheService()
{
    Notifier notifier(QDBusConnection::connectToBus(m_address, u"client"_s));
    QSignalSpy delivered(&notifier, &Notifier::delivered);
    QSignalSpy notShown(&notifier, &Notifier::notShown);
    QVERIFY(notifier.notifyLine(u"bia"_s, u"ana, lunch? 🍕"_s, true));
    QVERIFY(delivered.wait(10000));
    QCOMPARE(m_service->shown.size(), 1);
    QCOMPARE(m_service->shown[0].summary, u"bia mentioned you"_s);
    QCOMPARE(m_service->shown[0].body, u"ana, lunch? 🍕"_s);
    QCOMPARE(m_service->shown[0].hints.value(u"category"_s).toString(), u"im.received"_s);
    QCOMPARE(notShown.size(), 0);
}

void TestNotifier::policyDecidesWhatGoesOut_data()
{
    QTest::addColumn<ClientPreferences::Notify>("policy");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("mentions") << ClientPreferences::Notify::Mentions
                              << QStringList {u"bia mentioned you"_s};
    QTest::newRow("all") << ClientPreferences::Notify::All
                         << QStringList {u"caio wrote"_s, u"bia mentioned you"_s};
    QTest::newRow("none") << ClientPreferences::Notify::None << QStringList {};
}

void TestNotifier::policyDecidesWhatGoesOut()
{
    QFETCH(ClientPreferences::Notify, policy);
    QFETCH(QStringList, expected);
    Notifier notifier(QDBusConnection::connectToBus(m_address, u"client"_s));
    notifier.setPolicy(policy);
    QCOMPARE(notifier.notifyLine(u"caio"_s, u"good morning"_s, false),
             policy == ClientPreferences::Notify::All);
    QCOMPARE(notifier.notifyLine(u"bia"_s, u"ana?"_s, true),
             policy != ClientPreferences::Notify::None);
    // A last call whatever the policy: once it is in, all that was sent before it is too.
    QSignalSpy delivered(&notifier, &Notifier::delivered);
    notifier.notify(u"end"_s, u"end"_s);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), expected.size() + 1, 10000);
    QStringList summaries;
    for (const Shown &shown : std::as_const(m_service->shown))
        summaries.append(shown.summary);
    QCOMPARE(summaries, expected + QStringList {u"end"_s});
}

void TestNotifier::markupInTheChatStaysText()
{
    Notifier notifier(QDBusConnection::connectToBus(m_address, u"client"_s));
    QSignalSpy delivered(&notifier, &Notifier::delivered);
    notifier.notifyLine(u"bia"_s, u"<b>ana</b> & <a href=\"x\">y</a>"_s, true);
    QVERIFY(delivered.wait(10000));
    QCOMPARE(m_service->shown[0].body,
             u"&lt;b&gt;ana&lt;/b&gt; &amp; &lt;a href=&quot;x&quot;&gt;y&lt;/a&gt;"_s);
}

void TestNotifier::longMessagesAreCut()
{
    Notifier notifier(QDBusConnection::connectToBus(m_address, u"client"_s));
    QSignalSpy delivered(&notifier, &Notifier::delivered);
    notifier.notifyLine(u"bia"_s, u"ana "_s + QString(1000, u'x'), true);
    QVERIFY(delivered.wait(10000));
    QCOMPARE(m_service->shown[0].body.size(), Notifier::MaximumBody);
    QVERIFY(m_service->shown[0].body.endsWith(u'…'));
}

void TestNotifier::withoutTheServiceTheTrayShowsIt()
{
    cleanup(); // the bus is there; the service is not
    Notifier notifier(QDBusConnection::connectToBus(m_address, u"client"_s));
    QSignalSpy notShown(&notifier, &Notifier::notShown);
    QVERIFY(notifier.notifyLine(u"bia"_s, u"ana?"_s, true));
    QVERIFY(notShown.wait(10000));
    QCOMPARE(notShown[0][0].toString(), u"bia mentioned you"_s);
    QCOMPARE(notShown[0][1].toString(), u"ana?"_s);
    init();
}

void TestNotifier::withoutABusTheTrayShowsIt()
{
    Notifier notifier(QDBusConnection(u"never connected"_s));
    QSignalSpy notShown(&notifier, &Notifier::notShown);
    notifier.setPolicy(ClientPreferences::Notify::All);
    QVERIFY(notifier.notifyLine(u"caio"_s, u"hello"_s, false));
    QTRY_COMPARE(notShown.size(), 1);
    QCOMPARE(notShown[0][0].toString(), u"caio wrote"_s);
}

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
