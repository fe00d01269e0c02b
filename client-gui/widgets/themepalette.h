// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

#include "clientpreferences.h"

namespace Tagarela::ThemePalette {

/*! The background of the light theme's log and list. */
QColor lightBase();
/*! The background of the dark theme's log and list. */
QColor darkBase();
/*!
 * The palette for \a theme: \a system itself for ClientPreferences::Theme::System, else a
 * light or dark palette whose text and links read at a WCAG contrast of at least 7:1.
 */
QPalette forTheme(ClientPreferences::Theme theme, const QPalette &system);
/*!
 * Gives the application the palette of \a theme. The desktop's own palette is kept from the
 * first call, for going back to "As the desktop".
 */
void apply(ClientPreferences::Theme theme);

} // namespace Tagarela::ThemePalette
