// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QPointer>
#include <QSystemTrayIcon>

class QAction;
class QMenu;

namespace Tagarela {

/*!
 * The chat's icon in the system tray: a click shows the window, and its menu shows or hides
 * it and quits. It says nothing about unread messages itself: ChatWindow badges it.
 */
class TrayIcon final : public QSystemTrayIcon
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    /*! An icon for \a window, which it shows and hides. */
    explicit TrayIcon(QWidget *window);
    ~TrayIcon() override;

    QMenu *menu() const { return m_menu.get(); }
    QAction *showHideAction() const { return m_showHide; }
    QAction *quitAction() const { return m_quit; }

    /*! Brings the window up, in front, with the focus. */
    void showWindow();
    /*! Shows the window, or hides it if it is in front already (a click on the icon). */
    void toggleWindow();

Q_SIGNALS:
    /*! Quit was chosen in the menu. */
    void quitRequested();

private:
    void updateShowHide();

    QPointer<QWidget> m_window;
    std::unique_ptr<QMenu> m_menu; // a QMenu cannot be a child of a non-widget
    QAction *m_showHide = nullptr;
    QAction *m_quit = nullptr;
};

} // namespace Tagarela
