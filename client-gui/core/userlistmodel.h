// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QStringList>

namespace Tagarela {

/*!
 * The people in the room, sorted case-insensitively. setUsers() takes the whole list each time
 * (as ChatClient::usersChanged() gives it) but changes only the rows that differ, so that a
 * join or a leave keeps the view's selection and scroll position. It says who is who, not how
 * that looks: colours and bold are the UserListDelegate's, on the widgets' side.
 */
class UserListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserListModel)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        OwnNickRole = Qt::UserRole + 1, //!< bool: the row is the user's own nick
        IgnoredRole, //!< bool: the user ignores this person (IgnoreList)
    };
    Q_ENUM(Role)

    explicit UserListModel(QObject *parent = nullptr);
    ~UserListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /*! Shows \a users (in any order; duplicates are shown once). */
    void setUsers(const QStringList &users);
    QStringList users() const { return m_users; }
    /*! The user's own nick (OwnNickRole; the widgets show it in bold). */
    void setOwnNick(const QString &nick);
    QString ownNick() const { return m_ownNick; }
    /*! The people the user ignores (IgnoredRole), compared ignoring case. */
    void setIgnored(const QStringList &nicks);

    int count() const { return static_cast<int>(m_users.size()); }
    /*! The row of \a nick, or -1. */
    int rowOf(const QString &nick) const;

    /*! The order of the list: case-insensitive, ties broken by case so that it is total. */
    static bool lessThan(const QString &a, const QString &b);

Q_SIGNALS:
    void countChanged(int count);

private:
    void replaceRow(qsizetype row, const QString &nick);
    void emitChanged(const QString &nick);

    QStringList m_users;
    QString m_ownNick;
    QStringList m_ignored;
};

} // namespace Tagarela
