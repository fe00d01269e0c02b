// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Tagarela {

using namespace Qt::StringLiterals;

void installTranslations(QCoreApplication *app, const QLocale &locale)
{
    auto *qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(app);
    if (translator->load(locale, u"tagarela"_s, u"_"_s, u":/i18n"_s) ||
        translator->load(u":/i18n/tagarela_en"_s))
        QCoreApplication::installTranslator(translator);
}

} // namespace Tagarela
