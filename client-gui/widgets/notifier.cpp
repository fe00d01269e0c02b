// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QVariantMap>

namespace Tagarela {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotifier, "tagarela.client.notifier")

namespace {

const QString Service = u"org.freedesktop.Notifications"_s;
const QString Path = u"/org/freedesktop/Notifications"_s;
const QString Interface = u"org.freedesktop.Notifications"_s;
constexpr int DefaultTimeout = -1; // the service decides

} // namespace

Notifier::Notifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{ }

Notifier::~Notifier() = default;

bool Notifier::notifyLine(const QString &nick, const QString &text, bool mention,
                          bool privateMessage)
{
    if (m_policy == ClientPreferences::Notify::None ||
        (m_policy == ClientPreferences::Notify::Mentions && !mention && !privateMessage)) {
        return false;
    }
    const QString summary = privateMessage ? tr("%1 wrote to you").arg(nick)
        : mention                          ? tr("%1 mentioned you").arg(nick)
                                           : tr("%1 wrote").arg(nick);
    QString body = text;
    if (body.size() > MaximumBody)
        body = body.left(MaximumBody - 1) + u'…';
    notify(summary, body);
    return true;
}

void Notifier::notify(const QString &summary, const QString &body)
{
    if (!m_bus.isConnected()) {
        Q_EMIT notShown(summary, body);
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, u"Notify"_s);
    QVariantMap hints;
    hints.insert(u"desktop-entry"_s, QGuiApplication::desktopFileName());
    hints.insert(u"category"_s, u"im.received"_s);
    // Servers that take markup in the body would read a "<b>" typed in the chat as theirs.
    const QString plainBody = body.toHtmlEscaped();
    call << QGuiApplication::applicationDisplayName() << uint(0) << u"tagarela"_s << summary
         << plainBody << QStringList() << hints << DefaultTimeout;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, summary, body](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    qCInfo(lcNotifier) << "no notification service:" << reply.error().message();
                    Q_EMIT notShown(summary, body);
                    return;
                }
                Q_EMIT delivered(reply.value());
            });
}

} // namespace Tagarela
