// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "userlistmodel.h"

#include <algorithm>
#include <utility>

namespace Tagarela {

UserListModel::UserListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

UserListModel::~UserListModel() = default;

bool UserListModel::lessThan(const QString &a, const QString &b)
{
    const int order = QString::compare(a, b, Qt::CaseInsensitive);
    return order != 0 ? order < 0 : QString::compare(a, b, Qt::CaseSensitive) < 0;
}

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &nick = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return nick;
    case OwnNickRole:
        return !m_ownNick.isEmpty() && nick == m_ownNick;
    case IgnoredRole:
        return m_ignored.contains(nick, Qt::CaseInsensitive);
    case Qt::ToolTipRole:
        if (nick == m_ownNick)
            return tr("%1 (you)").arg(nick);
        return m_ignored.contains(nick, Qt::CaseInsensitive) ? tr("%1 (ignored)").arg(nick) : nick;
    default:
        return {};
    }
}

void UserListModel::setIgnored(const QStringList &nicks)
{
    m_ignored = nicks;
    if (!m_users.isEmpty())
        Q_EMIT dataChanged(index(0), index(count() - 1), {IgnoredRole, Qt::ToolTipRole});
}

int UserListModel::rowOf(const QString &nick) const
{
    const auto it = std::lower_bound(m_users.cbegin(), m_users.cend(), nick, lessThan);
    return it != m_users.cend() && *it == nick ? static_cast<int>(it - m_users.cbegin()) : -1;
}

void UserListModel::setUsers(const QStringList &users)
{
    QStringList wanted = users;
    std::sort(wanted.begin(), wanted.end(), lessThan);
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());

    const int oldCount = count();
    // Both lists are sorted the same way: walk them together, as in a merge, and turn each
    // difference into the smallest row change: a replacement in place (a rename that keeps
    // its position), a run of removals or a run of insertions.
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < m_users.size() || j < wanted.size()) {
        if (i < m_users.size() && j < wanted.size() && m_users.at(i) == wanted.at(j)) {
            ++i;
            ++j;
            continue;
        }
        const bool oldIsGone =
            j >= wanted.size() || (i < m_users.size() && lessThan(m_users.at(i), wanted.at(j)));
        if (oldIsGone) {
            // m_users[i] is not wanted; if wanted[j] sorts right here too, it takes its row.
            if (j < wanted.size() &&
                (i + 1 >= m_users.size() || lessThan(wanted.at(j), m_users.at(i + 1)))) {
                replaceRow(i++, wanted.at(j++));
                continue;
            }
            qsizetype end = i + 1;
            while (end < m_users.size() &&
                   (j >= wanted.size() || lessThan(m_users.at(end), wanted.at(j)))) {
                ++end;
            }
            beginRemoveRows({}, static_cast<int>(i), static_cast<int>(end - 1));
            m_users.remove(i, end - i);
            endRemoveRows();
        } else {
            // wanted[j] is new; if m_users[i] is not wanted either, it gives up its row.
            if (i < m_users.size() &&
                (j + 1 >= wanted.size() || lessThan(m_users.at(i), wanted.at(j + 1)))) {
                replaceRow(i++, wanted.at(j++));
                continue;
            }
            qsizetype end = j + 1;
            while (end < wanted.size() &&
                   (i >= m_users.size() || lessThan(wanted.at(end), m_users.at(i)))) {
                ++end;
            }
            beginInsertRows({}, static_cast<int>(i), static_cast<int>(i + end - j - 1));
            for (qsizetype k = j; k < end; ++k)
                m_users.insert(i + (k - j), wanted.at(k));
            endInsertRows();
            i += end - j;
            j = end;
        }
    }
    if (count() != oldCount)
        Q_EMIT countChanged(count());
}

void UserListModel::replaceRow(qsizetype row, const QString &nick)
{
    m_users[row] = nick;
    const QModelIndex changed = index(static_cast<int>(row));
    Q_EMIT dataChanged(changed, changed);
}

void UserListModel::setOwnNick(const QString &nick)
{
    if (nick == m_ownNick)
        return;
    const QString previous = std::exchange(m_ownNick, nick);
    emitChanged(previous);
    emitChanged(m_ownNick);
}

void UserListModel::emitChanged(const QString &nick)
{
    const int row = rowOf(nick);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {OwnNickRole, Qt::ToolTipRole});
}

} // namespace Tagarela
