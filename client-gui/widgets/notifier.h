// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

#include "clientpreferences.h"

namespace Tagarela {

/*!
 * Desktop notifications for chat lines, as the user chose (ClientPreferences::Notify): sent
 * to the desktop's notification service, org.freedesktop.Notifications on the session bus
 * (GNOME, KDE, XFCE, dunst... also desktops without a tray). Where the bus has no such service,
 * or no bus at all, the notification comes out of notShown() instead, for the tray icon.
 * The call is asynchronous: the event loop never waits for the bus.
 */
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    static constexpr int MaximumBody = 200; //!< characters of a message shown

    /*! Talks to the service on \a bus (tests give a private one). */
    explicit Notifier(const QDBusConnection &bus, QObject *parent = nullptr);
    ~Notifier() override;

    void setPolicy(ClientPreferences::Notify policy) { m_policy = policy; }
    ClientPreferences::Notify policy() const { return m_policy; }

    /*!
     * Notifies about \a text from \a nick if the policy asks for it (\a mention: it names the
     * user; \a privateMessage: it was written to the user alone, which counts as a mention);
     * returns whether a notification went out, to the service or to notShown().
     */
    bool notifyLine(const QString &nick, const QString &text, bool mention,
                    bool privateMessage = false);
    /*! Sends \a summary and \a body, whatever the policy. */
    void notify(const QString &summary, const QString &body);

Q_SIGNALS:
    /*! The service answered the Notify call (with its notification id). */
    void delivered(uint id);
    /*! There is no notification service: show \a summary and \a body some other way. */
    void notShown(const QString &summary, const QString &body);

private:
    QDBusConnection m_bus;
    ClientPreferences::Notify m_policy = ClientPreferences::Notify::Mentions;
};

} // namespace Tagarela
