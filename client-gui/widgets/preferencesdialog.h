// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QLineEdit;
class QSpinBox;

namespace Tagarela {

class ClientPreferences;

/*!
 * Settings ▸ Preferences (Ctrl+,): the chat's font, the time stamps, the theme, the words that
 * count as mentions, notifications and the tray. Every change is stored and applied at once
 * (ClientPreferences signals it to the window), so there is nothing to confirm: one Close
 * button.
 */
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    PreferencesDialog(ClientPreferences *preferences, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    /*! Shows the stored choices again (they may have changed by zoom or the View menu). */
    void load();

private:
    void storeFont();

    QPointer<ClientPreferences> m_preferences;
    QFontComboBox *m_family = nullptr;
    QSpinBox *m_size = nullptr;
    QComboBox *m_timeFormat = nullptr;
    QCheckBox *m_seconds = nullptr;
    QComboBox *m_theme = nullptr;
    QLineEdit *m_highlightWords = nullptr;
    QComboBox *m_notify = nullptr;
    QCheckBox *m_tray = nullptr;
    bool m_loading = false;
};

} // namespace Tagarela
