// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include "nickcolor.h"
#include "nickpalette.h"
#include "themepalette.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

QStringList people(int count)
{
    QStringList nicks;
    for (int i = 0; i < count; ++i)
        nicks.append(u"person%1"_s.arg(i));
    return nicks;
}

} // namespace

class TestNickPalette final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deltaE2000MatchesThePublishedPairs_data();
    void deltaE2000MatchesThePublishedPairs();
    void everyEntryReadsOnLightAndDark();
    void everyPairOfEntriesIsDistinct();
    void peopleGetDistinctColoursWhileThereIsRoom();
    void peopleKeepTheirColourWhenOthersCome();
    void assignmentDoesNotDependOnListOrder();
    void moreThanThePaletteReusesEntries();
};

void TestNickPalette::deltaE2000MatchesThePublishedPairs_data()
{
    // From the test data of Sharma, Wu and Dalal (2005), the formula's reference.
    QTest::addColumn<double>("l1");
    QTest::addColumn<double>("a1");
    QTest::addColumn<double>("b1");
    QTest::addColumn<double>("l2");
    QTest::addColumn<double>("a2");
    QTest::addColumn<double>("b2");
    QTest::addColumn<double>("expected");
    QTest::newRow("1") << 50.0 << 2.6772 << -79.7751 << 50.0 << 0.0 << -82.7485 << 2.0425;
    QTest::newRow("7") << 50.0 << 0.0 << 0.0 << 50.0 << -1.0 << 2.0 << 2.3669;
    QTest::newRow("17") << 50.0 << 2.5 << 0.0 << 73.0 << 25.0 << -18.0 << 27.1492;
    QTest::newRow("25") << 60.2574 << -34.0099 << 36.2677 << 60.4626 << -34.1751 << 39.4387
                        << 1.2644;
    QTest::newRow("31") << 90.9257 << -0.5406 << -0.9208 << 88.6381 << -0.8985 << -0.7239 << 1.5381;
}

void TestNickPalette::deltaE2000MatchesThePublishedPairs()
{
    QFETCH(double, l1);
    QFETCH(double, a1);
    QFETCH(double, b1);
    QFETCH(double, l2);
    QFETCH(double, a2);
    QFETCH(double, b2);
    QFETCH(double, expected);
    const qreal found =
        NickColor::deltaE2000(NickColor::Lab {l1, a1, b1}, NickColor::Lab {l2, a2, b2});
    QVERIFY2(qAbs(found - expected) < 0.0001, qPrintable(QString::number(found)));
}

void TestNickPalette::everyEntryReadsOnLightAndDark()
{
    const QList<NickPalette::Entry> &entries = NickPalette::entries();
    QVERIFY(entries.size() >= 16 && entries.size() <= 24);
    const QPalette light = ThemePalette::forTheme(ClientPreferences::Theme::Light, {});
    const QPalette dark = ThemePalette::forTheme(ClientPreferences::Theme::Dark, {});
    for (int slot = 0; slot < entries.size(); ++slot) {
        const qreal onLight = NickColor::contrastRatio(
            NickPalette::slotColor(slot, light.color(QPalette::Base)), light.color(QPalette::Base));
        const qreal onDark = NickColor::contrastRatio(
            NickPalette::slotColor(slot, dark.color(QPalette::Base)), dark.color(QPalette::Base));
        QVERIFY2(onLight >= 4.5, qPrintable(u"entry %1 on light: %2"_s.arg(slot).arg(onLight)));
        QVERIFY2(onDark >= 4.5, qPrintable(u"entry %1 on dark: %2"_s.arg(slot).arg(onDark)));
        // The fixed forms themselves, not a fallback made on the fly.
        QCOMPARE(NickPalette::slotColor(slot, ThemePalette::lightBase()), entries[slot].onLight);
        QCOMPARE(NickPalette::slotColor(slot, ThemePalette::darkBase()), entries[slot].onDark);
    }
}

void TestNickPalette::everyPairOfEntriesIsDistinct()
{
    // The palette's own floor; people are kept further apart (MinimumDistance) while they can.
    constexpr qreal PaletteFloor = 9;
    const auto size = static_cast<int>(NickPalette::entries().size());
    qreal smallest = 100;
    for (int a = 0; a < size; ++a) {
        for (int b = a + 1; b < size; ++b) {
            const qreal distance = NickPalette::distance(a, b);
            smallest = std::min(smallest, distance);
            QVERIFY2(distance >= PaletteFloor,
                     qPrintable(u"entries %1 and %2: %3"_s.arg(a).arg(b).arg(distance)));
        }
    }
    QVERIFY(smallest < NickPalette::MinimumDistance); // else the assignment has nothing to do
}

void TestNickPalette::peopleGetDistinctColoursWhileThereIsRoom()
{
    const auto size = static_cast<int>(NickPalette::entries().size());
    NickPalette palette;
    QStringList here;
    QList<int> taken;
    for (const QString &nick : people(size)) {
        // Could the newcomer be kept MinimumDistance from everyone? Then they must be.
        bool room = false;
        for (int slot = 0; slot < size && !room; ++slot) {
            room =
                !taken.contains(slot) && std::all_of(taken.cbegin(), taken.cend(), [slot](int o) {
                    return NickPalette::distance(slot, o) >= NickPalette::MinimumDistance;
                });
        }
        here.append(nick);
        palette.setPeople(here);
        const int slot = palette.slot(nick);
        QVERIFY2(!taken.contains(slot), qPrintable(nick));
        if (room) {
            for (int other : std::as_const(taken)) {
                QVERIFY2(NickPalette::distance(slot, other) >= NickPalette::MinimumDistance,
                         qPrintable(u"%1: %2"_s.arg(nick).arg(NickPalette::distance(slot, other))));
            }
        }
        taken.append(slot);
    }
    QCOMPARE(QSet<int>(taken.cbegin(), taken.cend()).size(), size);
}

void TestNickPalette::peopleKeepTheirColourWhenOthersCome()
{
    NickPalette palette;
    palette.setPeople({u"ana"_s, u"bia"_s});
    const int ana = palette.slot(u"ana"_s);
    const int bia = palette.slot(u"Bia"_s);
    QSignalSpy changed(&palette, &NickPalette::changed);
    palette.setPeople(QStringList {u"ana"_s, u"bia"_s} + people(10));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(palette.slot(u"ana"_s), ana);
    QCOMPARE(palette.slot(u"bia"_s), bia);
    // Gone, their old lines keep the colour they were written in.
    palette.setPeople({u"bia"_s});
    QCOMPARE(palette.slot(u"ana"_s), ana);
}

void TestNickPalette::assignmentDoesNotDependOnListOrder()
{
    QStringList nicks = people(12);
    NickPalette forwards;
    forwards.setPeople(nicks);
    std::reverse(nicks.begin(), nicks.end());
    NickPalette backwards;
    backwards.setPeople(nicks);
    for (const QString &nick : std::as_const(nicks))
        QCOMPARE(forwards.slot(nick), backwards.slot(nick));
}

void TestNickPalette::moreThanThePaletteReusesEntries()
{
    const auto size = static_cast<int>(NickPalette::entries().size());
    NickPalette palette;
    const QStringList crowd = people(size + 5);
    palette.setPeople(crowd);
    QSet<int> used;
    for (const QString &nick : crowd) {
        const int slot = palette.slot(nick);
        QVERIFY(slot >= 0 && slot < size);
        used.insert(slot);
    }
    QCOMPARE(used.size(), size);
}

QTEST_MAIN(TestNickPalette)
#include "tst_nickpalette.moc"
