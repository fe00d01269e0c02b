// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logcapture.h"

#include <cstring>

#include <QLoggingCategory>

#include "logging.h"

namespace Tagarela {

namespace {

QStringList captured;
QtMessageHandler passOn = nullptr;
QLoggingCategory::CategoryFilter previousFilter = nullptr;

// The test runner turns the project's info lines off; the console shows them.
void enableProjectInfo(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (std::strncmp(category->categoryName(), "tagarela.", 9) == 0)
        category->setEnabled(QtInfoMsg, true);
}

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg)
        captured.append(message);
    // Only what the test would show anyway: the info lines are many.
    if (passOn && type != QtDebugMsg && type != QtInfoMsg)
        passOn(type, context, message);
}

} // namespace

LogCapture::LogCapture()
{
    captured.clear();
    passOn = qInstallMessageHandler(capture);
    installLogEscaping();
    previousFilter = QLoggingCategory::installFilter(enableProjectInfo);
}

LogCapture::~LogCapture()
{
    QLoggingCategory::installFilter(previousFilter);
    previousFilter = nullptr;
    qInstallMessageHandler(passOn);
    passOn = nullptr;
}

QStringList LogCapture::lines() const
{
    return captured;
}

QStringList LogCapture::linesContaining(const QString &part) const
{
    return captured.filter(part);
}

} // namespace Tagarela
