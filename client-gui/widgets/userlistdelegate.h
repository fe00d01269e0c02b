// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QStyledItemDelegate>

namespace Tagarela {

class NickPalette;

/*!
 * Paints a UserListModel row: each nick in its colour (NickColor, on the view's own base
 * colour, so that it reads on light and dark palettes alike) and the user's own nick in bold.
 * The model says who is who; how that looks is decided here, on the widgets' side.
 */
class UserListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserListDelegate)

public:
    explicit UserListDelegate(QObject *parent = nullptr);
    ~UserListDelegate() override;

    /*!
     * As tall as the style wants, but no wider than anything: a list view makes its rows as
     * wide as itself, so long names are elided rather than scrolled sideways.
     */
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Public so that tests can see what a row is painted with.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    /*! Where nicknames take their colours from; without one, NickColor::forNick(). */
    void setNickPalette(const NickPalette *palette);

private:
    QPointer<const NickPalette> m_nickPalette;
};

} // namespace Tagarela
