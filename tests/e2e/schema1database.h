// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Tagarela::Testing {

/*!
 * Writes in \a dir (which must exist) a history database as servers of schema 1 left it: no
 * recipient column and no search index. It holds one chat from "zoe" per text of \a texts,
 * seq 1, 2, ... at times 1000, 2000, ... Returns why it could not, or an empty string.
 */
QString writeSchema1Database(const QString &dir, const QStringList &texts);

} // namespace Tagarela::Testing
