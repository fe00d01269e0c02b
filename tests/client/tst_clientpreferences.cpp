// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "clientpreferences.h"
#include "clientsettings.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

QSettings settings()
{
    return QSettings(ClientSettings::Organization, ClientSettings::Application);
}

void clear()
{
    QSettings stored = settings();
    stored.remove(u"preferences"_s);
    stored.remove(u"window"_s);
    stored.remove(u"notifications"_s);
}

} // namespace

class TestClientPreferences final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { clear(); }
    void cleanup() { clear(); }
    void defaults();
    void choicesAreStoredAndSignalled();
    void zoomStaysInItsRange();
    void timePatternFollowsTheLanguageByDefault();
    void highlightWordsAreCleanedUp();
    void unreadableValuesFallBackToDefaults();
    void theEarlierNotifyAllTickIsKept();
};

void TestClientPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestClientPreferences::defaults()
{
    const ClientPreferences preferences;
    QVERIFY(preferences.fontFamily().isEmpty());
    QCOMPARE(preferences.fontPointSize(), 0.0);
    QCOMPARE(preferences.zoom(), 0);
    QCOMPARE(preferences.timeFormat(), ClientPreferences::TimeFormat::Locale);
    QVERIFY(!preferences.showSeconds());
    QCOMPARE(preferences.theme(), ClientPreferences::Theme::System);
    QVERIFY(preferences.highlightWords().isEmpty());
    QCOMPARE(preferences.notify(), ClientPreferences::Notify::Mentions);
    QVERIFY(!preferences.minimizeToTray());
}

void TestClientPreferences::choicesAreStoredAndSignalled()
{
    {
        ClientPreferences preferences;
        QSignalSpy font(&preferences, &ClientPreferences::fontChanged);
        QSignalSpy theme(&preferences, &ClientPreferences::themeChanged);
        QSignalSpy notify(&preferences, &ClientPreferences::notifyChanged);
        preferences.setFont(u"DejaVu Serif"_s, 13);
        preferences.setFont(u"DejaVu Serif"_s, 13); // no change, no signal
        preferences.setZoom(3);
        preferences.setTimeFormat(ClientPreferences::TimeFormat::TwelveHour);
        preferences.setShowSeconds(true);
        preferences.setTheme(ClientPreferences::Theme::Dark);
        preferences.setHighlightWords({u"pizza"_s});
        preferences.setNotify(ClientPreferences::Notify::None);
        preferences.setMinimizeToTray(true);
        preferences.setWindowGeometry("geometry"_ba);
        preferences.setSplitterState("split"_ba);
        QCOMPARE(font.size(), 1);
        QCOMPARE(theme.size(), 1);
        QCOMPARE(notify.size(), 1);
    }
    const ClientPreferences again;
    QCOMPARE(again.fontFamily(), u"DejaVu Serif"_s);
    QCOMPARE(again.fontPointSize(), 13.0);
    QCOMPARE(again.zoom(), 3);
    QCOMPARE(again.timeFormat(), ClientPreferences::TimeFormat::TwelveHour);
    QVERIFY(again.showSeconds());
    QCOMPARE(again.theme(), ClientPreferences::Theme::Dark);
    QCOMPARE(again.highlightWords(), QStringList {u"pizza"_s});
    QCOMPARE(again.notify(), ClientPreferences::Notify::None);
    QVERIFY(again.minimizeToTray());
    QCOMPARE(again.windowGeometry(), "geometry"_ba);
    QCOMPARE(again.splitterState(), "split"_ba);
}

void TestClientPreferences::zoomStaysInItsRange()
{
    ClientPreferences preferences;
    preferences.setZoom(1000);
    QCOMPARE(preferences.zoom(), ClientPreferences::MaximumZoom);
    preferences.setZoom(-1000);
    QCOMPARE(preferences.zoom(), ClientPreferences::MinimumZoom);
}

void TestClientPreferences::timePatternFollowsTheLanguageByDefault()
{
    ClientPreferences preferences;
    const QLocale american(QLocale::English, QLocale::UnitedStates);
    const QLocale brazilian(QLocale::Portuguese, QLocale::Brazil);
    QVERIFY(ClientPreferences::usesTwelveHourClock(american));
    QVERIFY(!ClientPreferences::usesTwelveHourClock(brazilian));
    QCOMPARE(preferences.timePattern(american), u"h:mm AP"_s);
    QCOMPARE(preferences.timePattern(brazilian), u"HH:mm"_s);
    preferences.setShowSeconds(true);
    QCOMPARE(preferences.timePattern(brazilian), u"HH:mm:ss"_s);
    preferences.setTimeFormat(ClientPreferences::TimeFormat::TwelveHour);
    QCOMPARE(preferences.timePattern(brazilian), u"h:mm:ss AP"_s);
    preferences.setTimeFormat(ClientPreferences::TimeFormat::TwentyFourHour);
    QCOMPARE(preferences.timePattern(american), u"HH:mm:ss"_s);
}

void TestClientPreferences::highlightWordsAreCleanedUp()
{
    QCOMPARE(ClientPreferences::parseWords(u" pizza, ,Deploy;  release day \n PIZZA"_s),
             (QStringList {u"pizza"_s, u"Deploy"_s, u"release day"_s}));
    ClientPreferences preferences;
    QSignalSpy changed(&preferences, &ClientPreferences::highlightWordsChanged);
    preferences.setHighlightWords({u" café "_s, u""_s});
    QCOMPARE(preferences.highlightWords(), QStringList {u"café"_s});
    QCOMPARE(changed.size(), 1);
}

void TestClientPreferences::unreadableValuesFallBackToDefaults()
{
    {
        QSettings stored = settings();
        stored.setValue(u"preferences/fontSize"_s, u"huge"_s);
        stored.setValue(u"preferences/zoom"_s, 9999);
        stored.setValue(u"preferences/timeFormat"_s, u"36h"_s);
        stored.setValue(u"preferences/theme"_s, u"plaid"_s);
        stored.setValue(u"notifications/notify"_s, u"sometimes"_s);
    }
    const ClientPreferences preferences;
    QCOMPARE(preferences.fontPointSize(), 0.0);
    QCOMPARE(preferences.zoom(), ClientPreferences::MaximumZoom);
    QCOMPARE(preferences.timeFormat(), ClientPreferences::TimeFormat::Locale);
    QCOMPARE(preferences.theme(), ClientPreferences::Theme::System);
    QCOMPARE(preferences.notify(), ClientPreferences::Notify::Mentions);
}

void TestClientPreferences::theEarlierNotifyAllTickIsKept()
{
    settings().setValue(u"notifications/all"_s, true);
    const ClientPreferences preferences;
    QCOMPARE(preferences.notify(), ClientPreferences::Notify::All);
}

QTEST_GUILESS_MAIN(TestClientPreferences)
#include "tst_clientpreferences.moc"
