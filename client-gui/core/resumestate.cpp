// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "resumestate.h"

#include <QSettings>
#include <QUrl>

#include "clientsettings.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

QSettings settings()
{
    return QSettings(ClientSettings::Organization, ClientSettings::Application);
}

} // namespace

QString ResumeState::keyFor(const QString &host, quint16 port, const QString &nick)
{
    // Percent-encoded: a '/' would open a settings group.
    const QString name = host.toLower() + u':' + QString::number(port) + u' ' + nick.toCaseFolded();
    return u"resume/"_s + QString::fromLatin1(QUrl::toPercentEncoding(name));
}

ResumeState ResumeState::load(const QString &key)
{
    QSettings store = settings();
    ResumeState state;
    state.historyId = store.value(key + u"/history-id"_s).toString();
    state.lastSeq = store.value(key + u"/last-seq"_s).toULongLong();
    state.token = store.value(key + u"/token"_s).toString();
    return state;
}

void ResumeState::save(const QString &key) const
{
    QSettings store = settings();
    if (store.value(key + u"/history-id"_s).toString() == historyId &&
        store.value(key + u"/last-seq"_s).toULongLong() == lastSeq &&
        store.value(key + u"/token"_s).toString() == token) {
        return;
    }
    store.setValue(key + u"/history-id"_s, historyId);
    store.setValue(key + u"/last-seq"_s, lastSeq);
    store.setValue(key + u"/token"_s, token);
}

} // namespace Tagarela
