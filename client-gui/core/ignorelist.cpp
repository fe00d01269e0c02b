// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ignorelist.h"

#include <QSettings>

#include "chatline.h"
#include "clientsettings.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

constexpr auto IgnoredKey = "ignored"_L1;

} // namespace

IgnoreList::IgnoreList(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    if (!m_settings) {
        m_ownSettings =
            std::make_unique<QSettings>(ClientSettings::Organization, ClientSettings::Application);
        m_settings = m_ownSettings.get();
    }
    const QStringList stored = m_settings->value(IgnoredKey).toStringList();
    for (const QString &nick : stored) {
        if (!nick.isEmpty() && !contains(nick))
            m_nicks.append(nick);
    }
    m_nicks.sort(Qt::CaseInsensitive);
}

IgnoreList::~IgnoreList() = default;

bool IgnoreList::contains(const QString &nick) const
{
    return m_nicks.contains(nick, Qt::CaseInsensitive);
}

bool IgnoreList::add(const QString &nick)
{
    if (nick.isEmpty() || contains(nick))
        return false;
    m_nicks.append(nick);
    m_nicks.sort(Qt::CaseInsensitive);
    save();
    return true;
}

bool IgnoreList::remove(const QString &nick)
{
    const qsizetype before = m_nicks.size();
    m_nicks.removeIf(
        [&nick](const QString &entry) { return entry.compare(nick, Qt::CaseInsensitive) == 0; });
    if (m_nicks.size() == before)
        return false;
    save();
    return true;
}

bool IgnoreList::hides(const ChatLine &line, const QString &me) const
{
    if (line.kind != ChatLine::Kind::Chat && line.kind != ChatLine::Kind::Action)
        return false;
    if (line.nick.compare(me, Qt::CaseInsensitive) == 0)
        return false;
    return contains(line.nick);
}

void IgnoreList::save()
{
    m_settings->setValue(IgnoredKey, m_nicks);
    m_settings->sync();
    Q_EMIT changed();
}

} // namespace Tagarela
