// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAbstractItemModel;
class QModelIndex;

namespace Tagarela {

/*!
 * Counts the messages that arrive in a MessageModel while the user reads further up: chat and
 * actions from others, live (not history, not the user's own unconfirmed lines), with the
 * mentions counted apart. The view says when counting starts (it left the bottom) and stops
 * (it is back at the bottom), which also resets the counts.
 */
class NewMessageCounter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewMessageCounter)

public:
    explicit NewMessageCounter(QObject *parent = nullptr);
    ~NewMessageCounter() override;

    /*! Watches \a model, a MessageModel or one with its roles. */
    void setModel(const QAbstractItemModel *model);
    /*! Counts new messages from now on, or stops and forgets the counts. */
    void setCounting(bool counting);
    bool isCounting() const { return m_counting; }

    int count() const { return m_count; }
    int mentions() const { return m_mentions; }

    /*! "3 new messages, 1 mention ↓" ("3 new messages ↓" without mentions). */
    static QString label(int count, int mentions);

Q_SIGNALS:
    void countChanged(int count, int mentions);

private:
    void onRowsInserted(const QModelIndex &parent, int first, int last);

    QPointer<const QAbstractItemModel> m_model;
    bool m_counting = false;
    int m_count = 0;
    int m_mentions = 0;
};

} // namespace Tagarela
