// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

namespace Tagarela {

TrayIcon::TrayIcon(QWidget *window)
    : QSystemTrayIcon(window->windowIcon(), window)
    , m_window(window)
    , m_menu(std::make_unique<QMenu>())
{
    m_showHide = m_menu->addAction(tr("&Show Tagarela"), this, [this] {
        // From the menu, the window is never the active one: shown means hide.
        if (m_window && m_window->isVisible() && !m_window->isMinimized())
            m_window->hide();
        else
            showWindow();
        updateShowHide();
    });
    m_showHide->setObjectName(QStringLiteral("trayShowHide"));
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    m_quit->setObjectName(QStringLiteral("trayQuit"));
    // Said right as the menu opens: the window may have been hidden or shown since.
    connect(m_menu.get(), &QMenu::aboutToShow, this, &TrayIcon::updateShowHide);
    setContextMenu(m_menu.get());
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger || reason == DoubleClick)
            toggleWindow();
    });
    updateShowHide();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::showWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::toggleWindow()
{
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized() && m_window->isActiveWindow())
        m_window->hide();
    else
        showWindow();
    updateShowHide();
}

void TrayIcon::updateShowHide()
{
    const bool shown = m_window && m_window->isVisible() && !m_window->isMinimized();
    m_showHide->setText(shown ? tr("&Hide Tagarela") : tr("&Show Tagarela"));
}

} // namespace Tagarela
