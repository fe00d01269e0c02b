// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "userlistdelegate.h"

#include <QFontMetrics>
#include <QPalette>

#include "nickcolor.h"
#include "nickpalette.h"
#include "userlistmodel.h"

namespace Tagarela {

UserListDelegate::UserListDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

UserListDelegate::~UserListDelegate() = default;

void UserListDelegate::setNickPalette(const NickPalette *palette)
{
    m_nickPalette = palette;
}

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
    const QColor base = option->palette.color(QPalette::Base);
    option->palette.setBrush(QPalette::Text,
                             m_nickPalette ? m_nickPalette->color(nick, base)
                                           : NickColor::forNick(nick, base));
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
