// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

class QCoreApplication;

namespace Tagarela {

/*!
 * Installs Qt's own translation and Tagarela's (embedded under :/i18n) for \a locale into
 * \a app. English is a translation too: it supplies the plural forms ("1 user", "2 users"),
 * so it is the fallback when \a locale has none.
 */
void installTranslations(QCoreApplication *app, const QLocale &locale = QLocale());

} // namespace Tagarela
