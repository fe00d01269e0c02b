// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "userlistdelegate.h"

#include <QFontMetrics>
#include <QPalette>

#include "nickcolor.h"
#include "userlistmodel.h"

namespace Tagarela {

UserListDelegate::UserListDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

UserListDelegate::~UserListDelegate() = default;

QSize UserListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return {1, QStyledItemDelegate::sizeHint(option, index).height()};
}

void UserListDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString nick = index.data(Qt::DisplayRole).toString();
    if (nick.isEmpty())
        return;
    option->palette.setBrush(QPalette::Text,
                             NickColor::forNick(nick, option->palette.color(QPalette::Base)));
    if (index.data(UserListModel::OwnNickRole).toBool()) {
        option->font.setBold(true);
        option->fontMetrics = QFontMetrics(option->font);
    }
    if (index.data(UserListModel::IgnoredRole).toBool()) {
        // Ignored: struck through, and dimmed like disabled text.
        option->font.setStrikeOut(true);
        option->fontMetrics = QFontMetrics(option->font);
        option->palette.setBrush(QPalette::Text,
                                 option->palette.color(QPalette::Disabled, QPalette::Text));
    }
}

} // namespace Tagarela
