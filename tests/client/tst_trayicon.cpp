// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

#include "trayicon.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

// The tray's menu, driven as a user would; the icon itself needs a desktop with a tray, which
// the offscreen platform has not, but its menu and actions are the same.
class TestTrayIcon final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void menuShowsAndHidesTheWindow();
    void menuQuits();
};

void TestTrayIcon::menuShowsAndHidesTheWindow()
{
    QWidget window;
    TrayIcon tray(&window);
    QVERIFY(tray.contextMenu());
    QVERIFY(tray.contextMenu()->actions().contains(tray.showHideAction()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Q_EMIT tray.contextMenu()->aboutToShow();
    QCOMPARE(tray.showHideAction()->text(), TrayIcon::tr("&Hide Tagarela"));
    tray.showHideAction()->trigger();
    QVERIFY(!window.isVisible());
    Q_EMIT tray.contextMenu()->aboutToShow();
    QCOMPARE(tray.showHideAction()->text(), TrayIcon::tr("&Show Tagarela"));
    tray.showHideAction()->trigger();
    QVERIFY(window.isVisible());
    // A click on the icon brings a hidden window back.
    window.hide();
    Q_EMIT tray.activated(QSystemTrayIcon::Trigger);
    QVERIFY(window.isVisible());
}

void TestTrayIcon::menuQuits()
{
    QWidget window;
    TrayIcon tray(&window);
    QSignalSpy quit(&tray, &TrayIcon::quitRequested);
    tray.quitAction()->trigger();
    QCOMPARE(quit.size(), 1);
}

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
