// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "themepalette.h"

#include <QApplication>

namespace Tagarela::ThemePalette {

namespace {

QPalette light()
{
    const QColor window(0xef, 0xf0, 0xf1);
    const QColor text(0x23, 0x26, 0x29);
    QPalette palette(text, window);
    palette.setColor(QPalette::Base, lightBase());
    palette.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf8));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Button, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x6a, 0x6e, 0x73));
    palette.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xc5));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x0b, 0x57, 0xa4));
    palette.setColor(QPalette::LinkVisited, QColor(0x6b, 0x3f, 0xa0));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8c, 0x90, 0x94));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8c, 0x90, 0x94));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x8c, 0x90, 0x94));
    return palette;
}

QPalette dark()
{
    const QColor window(0x2f, 0x33, 0x37);
    const QColor text(0xe8, 0xe9, 0xea);
    QPalette palette(text, window);
    palette.setColor(QPalette::Base, darkBase());
    palette.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2e, 0x32));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3f, 0x44));
    palette.setColor(QPalette::Light, QColor(0x4a, 0x50, 0x56));
    palette.setColor(QPalette::Midlight, QColor(0x40, 0x45, 0x4a));
    palette.setColor(QPalette::Mid, QColor(0x25, 0x28, 0x2b));
    palette.setColor(QPalette::Dark, QColor(0x1a, 0x1c, 0x1e));
    palette.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa4, 0xa8));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    palette.setColor(QPalette::HighlightedText, QColor(0x10, 0x12, 0x14));
    palette.setColor(QPalette::Link, QColor(0x6c, 0xc0, 0xf5));
    palette.setColor(QPalette::LinkVisited, QColor(0xc3, 0x9b, 0xf0));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8a, 0x8e, 0x92));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8a, 0x8e, 0x92));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x8a, 0x8e, 0x92));
    palette.setColor(QPalette::Disabled, QPalette::Base, QColor(0x2a, 0x2d, 0x30));
    return palette;
}

} // namespace

QColor lightBase()
{
    return {0xff, 0xff, 0xff};
}

QColor darkBase()
{
    return {0x23, 0x26, 0x29};
}

QPalette forTheme(ClientPreferences::Theme theme, const QPalette &system)
{
    switch (theme) {
    case ClientPreferences::Theme::Light:
        return light();
    case ClientPreferences::Theme::Dark:
        return dark();
    case ClientPreferences::Theme::System:
        break;
    }
    return system;
}

void apply(ClientPreferences::Theme theme)
{
    static const QPalette desktop = QApplication::palette();
    static ClientPreferences::Theme applied = ClientPreferences::Theme::System;
    // Setting the palette repaints every widget: only when it changes.
    if (theme == applied)
        return;
    applied = theme;
    QApplication::setPalette(forTheme(theme, desktop));
}

} // namespace Tagarela::ThemePalette
