// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace Tagarela {

/*!
 * Records what this process logs while it lives (the project's info lines included, which the
 * test runner otherwise turns off), as the server binary's console would show it: through
 * installLogEscaping(). Warnings and errors are passed on to the handler that was installed
 * before (QtTest's). One at a time.
 */
class LogCapture final
{
    Q_DISABLE_COPY_MOVE(LogCapture)

public:
    LogCapture();
    ~LogCapture();

    /*! Every message so far, in order. */
    QStringList lines() const;
    /*! The messages containing \a part. */
    QStringList linesContaining(const QString &part) const;
};

} // namespace Tagarela
