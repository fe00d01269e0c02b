// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientpreferences.h"

#include <algorithm>

#include <QLocale>
#include <QRegularExpression>
#include <QSettings>

#include "clientsettings.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

const QString FontFamilyKey = u"preferences/fontFamily"_s;
const QString FontSizeKey = u"preferences/fontSize"_s;
const QString ZoomKey = u"preferences/zoom"_s;
const QString TimeFormatKey = u"preferences/timeFormat"_s;
const QString SecondsKey = u"preferences/seconds"_s;
const QString ThemeKey = u"preferences/theme"_s;
const QString HighlightKey = u"preferences/highlightWords"_s;
const QString NotifyKey = u"notifications/notify"_s;
const QString NotifyAllKey = u"notifications/all"_s; // before there was a choice of three
const QString TrayKey = u"preferences/minimizeToTray"_s;
const QString GeometryKey = u"window/geometry"_s;
const QString SplitterKey = u"window/splitter"_s;

// Stored as words rather than numbers, so that the file reads well and a reordered enum
// cannot change anyone's choice.
QString timeFormatName(ClientPreferences::TimeFormat format)
{
    switch (format) {
    case ClientPreferences::TimeFormat::TwentyFourHour:
        return u"24h"_s;
    case ClientPreferences::TimeFormat::TwelveHour:
        return u"12h"_s;
    case ClientPreferences::TimeFormat::Locale:
        break;
    }
    return u"locale"_s;
}

QString themeName(ClientPreferences::Theme theme)
{
    switch (theme) {
    case ClientPreferences::Theme::Light:
        return u"light"_s;
    case ClientPreferences::Theme::Dark:
        return u"dark"_s;
    case ClientPreferences::Theme::System:
        break;
    }
    return u"system"_s;
}

QString notifyName(ClientPreferences::Notify notify)
{
    switch (notify) {
    case ClientPreferences::Notify::All:
        return u"all"_s;
    case ClientPreferences::Notify::None:
        return u"none"_s;
    case ClientPreferences::Notify::Mentions:
        break;
    }
    return u"mentions"_s;
}

QSettings settings()
{
    return QSettings(ClientSettings::Organization, ClientSettings::Application);
}

} // namespace

ClientPreferences::ClientPreferences(QObject *parent)
    : QObject(parent)
{
    // Whatever is unreadable in the file (edited by hand, from a newer version) counts as
    // not chosen: the default stands and nothing else is lost.
    const QSettings stored = settings();
    m_fontFamily = stored.value(FontFamilyKey).toString();
    const qreal size = stored.value(FontSizeKey, 0).toReal();
    m_fontPointSize = size >= 4 && size <= 96 ? size : 0;
    m_zoom = qBound(MinimumZoom, stored.value(ZoomKey, 0).toInt(), MaximumZoom);
    const QString format = stored.value(TimeFormatKey).toString();
    m_timeFormat = format == timeFormatName(TimeFormat::TwentyFourHour) ? TimeFormat::TwentyFourHour
        : format == timeFormatName(TimeFormat::TwelveHour)              ? TimeFormat::TwelveHour
                                                                        : TimeFormat::Locale;
    m_showSeconds = stored.value(SecondsKey, false).toBool();
    const QString theme = stored.value(ThemeKey).toString();
    m_theme = theme == themeName(Theme::Light) ? Theme::Light
        : theme == themeName(Theme::Dark)      ? Theme::Dark
                                               : Theme::System;
    m_highlightWords = parseWords(stored.value(HighlightKey).toStringList().join(u'\n'));
    const QString notify = stored.value(NotifyKey).toString();
    if (notify == notifyName(Notify::All))
        m_notify = Notify::All;
    else if (notify == notifyName(Notify::None))
        m_notify = Notify::None;
    else if (notify.isEmpty() && stored.value(NotifyAllKey, false).toBool())
        m_notify = Notify::All;
    m_minimizeToTray = stored.value(TrayKey, false).toBool();
}

ClientPreferences::~ClientPreferences() = default;

void ClientPreferences::store(const QString &key, const QVariant &value)
{
    QSettings stored = settings();
    stored.setValue(key, value);
}

void ClientPreferences::setFont(const QString &family, qreal pointSize)
{
    pointSize = pointSize >= 4 && pointSize <= 96 ? pointSize : 0;
    if (family == m_fontFamily && qFuzzyCompare(1 + pointSize, 1 + m_fontPointSize))
        return;
    m_fontFamily = family;
    m_fontPointSize = pointSize;
    store(FontFamilyKey, family);
    store(FontSizeKey, pointSize);
    Q_EMIT fontChanged();
}

void ClientPreferences::setZoom(int zoom)
{
    zoom = qBound(MinimumZoom, zoom, MaximumZoom);
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    store(ZoomKey, zoom);
    Q_EMIT zoomChanged(zoom);
}

void ClientPreferences::setTimeFormat(TimeFormat format)
{
    if (format == m_timeFormat)
        return;
    m_timeFormat = format;
    store(TimeFormatKey, timeFormatName(format));
    Q_EMIT timeFormatChanged();
}

void ClientPreferences::setShowSeconds(bool show)
{
    if (show == m_showSeconds)
        return;
    m_showSeconds = show;
    store(SecondsKey, show);
    Q_EMIT timeFormatChanged();
}

bool ClientPreferences::usesTwelveHourClock(const QLocale &locale)
{
    const QString pattern = locale.timeFormat(QLocale::ShortFormat);
    return pattern.contains(u'a', Qt::CaseInsensitive);
}

QString ClientPreferences::timePattern(const QLocale &locale) const
{
    const bool twelve = m_timeFormat == TimeFormat::TwelveHour ||
        (m_timeFormat == TimeFormat::Locale && usesTwelveHourClock(locale));
    QString pattern = twelve ? u"h:mm"_s : u"HH:mm"_s;
    if (m_showSeconds)
        pattern += u":ss"_s;
    if (twelve)
        pattern += u" AP"_s;
    return pattern;
}

void ClientPreferences::setTheme(Theme theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    store(ThemeKey, themeName(theme));
    Q_EMIT themeChanged(theme);
}

QStringList ClientPreferences::parseWords(const QString &text)
{
    static const QRegularExpression separators(u"[,;\\n]"_s);
    QStringList words;
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString word = part.simplified();
        const bool known = std::any_of(words.cbegin(), words.cend(), [&word](const QString &w) {
            return w.compare(word, Qt::CaseInsensitive) == 0;
        });
        if (!word.isEmpty() && !known)
            words.append(word);
    }
    return words;
}

void ClientPreferences::setHighlightWords(const QStringList &words)
{
    const QStringList cleaned = parseWords(words.join(u'\n'));
    if (cleaned == m_highlightWords)
        return;
    m_highlightWords = cleaned;
    store(HighlightKey, cleaned);
    Q_EMIT highlightWordsChanged(cleaned);
}

void ClientPreferences::setNotify(Notify notify)
{
    if (notify == m_notify)
        return;
    m_notify = notify;
    store(NotifyKey, notifyName(notify));
    Q_EMIT notifyChanged(notify);
}

void ClientPreferences::setMinimizeToTray(bool minimize)
{
    if (minimize == m_minimizeToTray)
        return;
    m_minimizeToTray = minimize;
    store(TrayKey, minimize);
    Q_EMIT minimizeToTrayChanged(minimize);
}

QByteArray ClientPreferences::windowGeometry() const
{
    return settings().value(GeometryKey).toByteArray();
}

void ClientPreferences::setWindowGeometry(const QByteArray &geometry)
{
    store(GeometryKey, geometry);
}

QByteArray ClientPreferences::splitterState() const
{
    return settings().value(SplitterKey).toByteArray();
}

void ClientPreferences::setSplitterState(const QByteArray &state)
{
    store(SplitterKey, state);
}

} // namespace Tagarela
