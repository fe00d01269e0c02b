// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace Tagarela::TestSupport {

/*!
 * Types \a text into \a widget key by key. QTest::keyClicks() aborts on characters outside
 * ASCII; those go in as key events that carry only their text, as an input method sends them.
 */
void typeText(QWidget *widget, const QString &text);

} // namespace Tagarela::TestSupport
