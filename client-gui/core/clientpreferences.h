// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

class QLocale;

namespace Tagarela {

/*!
 * The user's choices for the desktop client (Settings ▸ Preferences, zoom, the window's size),
 * kept in the client's settings file (ClientSettings). Every setter stores the value at once
 * and signals it, so that views follow a change while the dialog is still open. No Gui types:
 * a font is its family name and point size, a theme a name; the widgets turn them into QFont
 * and QPalette.
 */
class ClientPreferences final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientPreferences)

public:
    enum class TimeFormat { Locale, TwentyFourHour, TwelveHour };
    Q_ENUM(TimeFormat)
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)
    enum class Notify { Mentions, All, None };
    Q_ENUM(Notify)

    static constexpr int MinimumZoom = -6; //!< points below the chosen size
    static constexpr int MaximumZoom = 24; //!< points above it

    /*! Reads the stored choices. */
    explicit ClientPreferences(QObject *parent = nullptr);
    ~ClientPreferences() override;

    /*! The family of the chat's font; empty: the desktop's. */
    QString fontFamily() const { return m_fontFamily; }
    /*! The chat font's size in points before zooming; 0: the desktop's. */
    qreal fontPointSize() const { return m_fontPointSize; }
    void setFont(const QString &family, qreal pointSize);
    /*! Points added to the font's size (Ctrl+= and Ctrl+-), from MinimumZoom to MaximumZoom. */
    int zoom() const { return m_zoom; }
    void setZoom(int zoom);

    TimeFormat timeFormat() const { return m_timeFormat; }
    void setTimeFormat(TimeFormat format);
    bool showSeconds() const { return m_showSeconds; }
    void setShowSeconds(bool show);
    /*! The QDateTime format of the log's time stamps for these choices in \a locale. */
    QString timePattern(const QLocale &locale) const;
    /*! Whether \a locale writes times on a 12-hour clock (with AM and PM). */
    static bool usesTwelveHourClock(const QLocale &locale);

    Theme theme() const { return m_theme; }
    void setTheme(Theme theme);

    /*! Words besides the user's nickname that count as mentions, case-insensitively. */
    QStringList highlightWords() const { return m_highlightWords; }
    void setHighlightWords(const QStringList &words);
    /*! Splits what the user typed (commas or new lines) into words, trimmed, without repeats. */
    static QStringList parseWords(const QString &text);

    Notify notify() const { return m_notify; }
    void setNotify(Notify notify);

    /*! Closing the window hides it in the tray instead of quitting. */
    bool minimizeToTray() const { return m_minimizeToTray; }
    void setMinimizeToTray(bool minimize);

    /*! QWidget::saveGeometry() of the chat window, and QSplitter::saveState() of its split. */
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

Q_SIGNALS:
    void fontChanged();
    void zoomChanged(int zoom);
    void timeFormatChanged();
    void themeChanged(Tagarela::ClientPreferences::Theme theme);
    void highlightWordsChanged(const QStringList &words);
    void notifyChanged(Tagarela::ClientPreferences::Notify notify);
    void minimizeToTrayChanged(bool minimize);

private:
    void store(const QString &key, const QVariant &value);

    QString m_fontFamily;
    qreal m_fontPointSize = 0;
    int m_zoom = 0;
    TimeFormat m_timeFormat = TimeFormat::Locale;
    bool m_showSeconds = false;
    Theme m_theme = Theme::System;
    QStringList m_highlightWords;
    Notify m_notify = Notify::Mentions;
    bool m_minimizeToTray = false;
};

} // namespace Tagarela
