// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nickmenu.h"

#include <QClipboard>
#include <QGuiApplication>

namespace Tagarela {

using namespace Qt::StringLiterals;

NickMenu::NickMenu(const QString &nick, bool ignored, bool own, QWidget *parent)
    : QMenu(parent)
    , m_nick(nick)
{
    setObjectName(u"nickMenu"_s);
    QAction *message =
        addAction(tr("&Private Message"), this, [this] { Q_EMIT privateMessageRequested(m_nick); });
    message->setObjectName(u"privateMessage"_s);
    message->setEnabled(!own);
    QAction *mention = addAction(tr("&Mention"), this, [this] { Q_EMIT mentionRequested(m_nick); });
    mention->setObjectName(u"mention"_s);
    QAction *copy = addAction(tr("&Copy Name"), this,
                              [this] { QGuiApplication::clipboard()->setText(m_nick); });
    copy->setObjectName(u"copyName"_s);
    addSeparator();
    QAction *ignore = addAction(ignored ? tr("&Unignore") : tr("&Ignore"), this,
                                [this, ignored] { Q_EMIT ignoreRequested(m_nick, !ignored); });
    ignore->setObjectName(u"ignore"_s);
    ignore->setEnabled(!own);
}

NickMenu::~NickMenu() = default;

} // namespace Tagarela
