// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTime>
#include <QVBoxLayout>

#include "clientpreferences.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

PreferencesDialog::PreferencesDialog(ClientPreferences *preferences, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));

    m_family = new QFontComboBox(this);
    m_family->setObjectName(u"fontFamily"_s);
    m_size = new QSpinBox(this);
    m_size->setObjectName(u"fontSize"_s);
    m_size->setRange(6, 48);
    m_size->setSuffix(tr(" pt"));
    m_size->setAccessibleName(tr("Font size"));
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_family, 1);
    fontRow->addWidget(m_size);

    const QTime example(14, 5, 9);
    m_timeFormat = new QComboBox(this);
    m_timeFormat->setObjectName(u"timeFormat"_s);
    const QLocale locale;
    m_timeFormat->addItem(
        tr("As usual in my language (%1)")
            .arg(example.toString(ClientPreferences::usesTwelveHourClock(locale) ? u"h:mm AP"_s
                                                                                 : u"HH:mm"_s)),
        QVariant::fromValue(ClientPreferences::TimeFormat::Locale));
    m_timeFormat->addItem(tr("24-hour (%1)").arg(example.toString(u"HH:mm"_s)),
                          QVariant::fromValue(ClientPreferences::TimeFormat::TwentyFourHour));
    m_timeFormat->addItem(tr("12-hour (%1)").arg(example.toString(u"h:mm AP"_s)),
                          QVariant::fromValue(ClientPreferences::TimeFormat::TwelveHour));
    m_seconds = new QCheckBox(tr("Show s&econds"), this);
    m_seconds->setObjectName(u"showSeconds"_s);

    m_theme = new QComboBox(this);
    m_theme->setObjectName(u"theme"_s);
    m_theme->addItem(tr("As the desktop"), QVariant::fromValue(ClientPreferences::Theme::System));
    m_theme->addItem(tr("Light"), QVariant::fromValue(ClientPreferences::Theme::Light));
    m_theme->addItem(tr("Dark"), QVariant::fromValue(ClientPreferences::Theme::Dark));

    m_highlightWords = new QLineEdit(this);
    m_highlightWords->setObjectName(u"highlightWords"_s);
    m_highlightWords->setPlaceholderText(tr("e.g. pizza, release, Ana Maria"));
    m_highlightWords->setToolTip(tr("Messages with any of these words (separated by commas) "
                                    "count as mentioning you, like your nickname."));

    m_notify = new QComboBox(this);
    m_notify->setObjectName(u"notify"_s);
    m_notify->addItem(tr("When I am mentioned"),
                      QVariant::fromValue(ClientPreferences::Notify::Mentions));
    m_notify->addItem(tr("For every message"), QVariant::fromValue(ClientPreferences::Notify::All));
    m_notify->addItem(tr("Never"), QVariant::fromValue(ClientPreferences::Notify::None));
    m_tray = new QCheckBox(tr("Closing the window &keeps Tagarela in the tray"), this);
    m_tray->setObjectName(u"minimizeToTray"_s);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->setToolTip(tr("This desktop shows no tray at the moment."));

    auto *looks = new QGroupBox(tr("Looks"), this);
    auto *looksForm = new QFormLayout(looks);
    // A row of two fields has no buddy of its own: the label needs one for its Alt+F.
    auto *fontLabel = new QLabel(tr("&Font:"), looks);
    fontLabel->setBuddy(m_family);
    looksForm->addRow(fontLabel, fontRow);
    looksForm->addRow(tr("&Time:"), m_timeFormat);
    looksForm->addRow(QString(), m_seconds);
    looksForm->addRow(tr("The&me:"), m_theme);
    auto *attention = new QGroupBox(tr("Notifications"), this);
    auto *attentionForm = new QFormLayout(attention);
    attentionForm->addRow(tr("&Highlight words:"), m_highlightWords);
    attentionForm->addRow(tr("&Notify me:"), m_notify);
    attentionForm->addRow(QString(), m_tray);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(looks);
    layout->addWidget(attention);
    layout->addStretch(1);
    layout->addWidget(buttons);

    load();

    connect(m_family, &QFontComboBox::currentFontChanged, this, &PreferencesDialog::storeFont);
    connect(m_size, &QSpinBox::valueChanged, this, &PreferencesDialog::storeFont);
    connect(m_timeFormat, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading && m_preferences) {
            m_preferences->setTimeFormat(
                m_timeFormat->currentData().value<ClientPreferences::TimeFormat>());
        }
    });
    connect(m_seconds, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_loading && m_preferences)
            m_preferences->setShowSeconds(on);
    });
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading && m_preferences)
            m_preferences->setTheme(m_theme->currentData().value<ClientPreferences::Theme>());
    });
    connect(m_highlightWords, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_preferences)
            m_preferences->setHighlightWords(ClientPreferences::parseWords(text));
    });
    connect(m_notify, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading && m_preferences)
            m_preferences->setNotify(m_notify->currentData().value<ClientPreferences::Notify>());
    });
    connect(m_tray, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_loading && m_preferences)
            m_preferences->setMinimizeToTray(on);
    });
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::load()
{
    if (!m_preferences)
        return;
    m_loading = true;
    const QFont desktop = QApplication::font();
    QFont chosen = desktop;
    if (!m_preferences->fontFamily().isEmpty())
        chosen.setFamily(m_preferences->fontFamily());
    m_family->setCurrentFont(chosen);
    const qreal size =
        m_preferences->fontPointSize() > 0 ? m_preferences->fontPointSize() : desktop.pointSizeF();
    m_size->setValue(qRound(size));
    m_timeFormat->setCurrentIndex(
        m_timeFormat->findData(QVariant::fromValue(m_preferences->timeFormat())));
    m_seconds->setChecked(m_preferences->showSeconds());
    m_theme->setCurrentIndex(m_theme->findData(QVariant::fromValue(m_preferences->theme())));
    m_highlightWords->setText(m_preferences->highlightWords().join(u", "_s));
    m_notify->setCurrentIndex(m_notify->findData(QVariant::fromValue(m_preferences->notify())));
    m_tray->setChecked(m_preferences->minimizeToTray());
    m_loading = false;
}

void PreferencesDialog::storeFont()
{
    if (m_loading || !m_preferences)
        return;
    m_preferences->setFont(m_family->currentFont().family(), m_size->value());
}

} // namespace Tagarela
