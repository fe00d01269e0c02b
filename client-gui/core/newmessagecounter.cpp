// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "newmessagecounter.h"

#include <QAbstractItemModel>

#include "chatline.h"
#include "messagemodel.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

NewMessageCounter::NewMessageCounter(QObject *parent)
    : QObject(parent)
{ }

NewMessageCounter::~NewMessageCounter() = default;

void NewMessageCounter::setModel(const QAbstractItemModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &NewMessageCounter::onRowsInserted);
    }
    setCounting(false);
}

void NewMessageCounter::setCounting(bool counting)
{
    m_counting = counting;
    if (counting || (m_count == 0 && m_mentions == 0))
        return;
    m_count = 0;
    m_mentions = 0;
    Q_EMIT countChanged(0, 0);
}

void NewMessageCounter::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (!m_counting || parent.isValid() || !m_model)
        return;
    int count = 0;
    int mentions = 0;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const auto kind = static_cast<ChatLine::Kind>(index.data(MessageModel::KindRole).toInt());
        if (kind != ChatLine::Kind::Chat && kind != ChatLine::Kind::Action)
            continue;
        // Older history loaded above, a catch-up, and the user's own lines on their way are
        // nothing new to read.
        if (index.data(MessageModel::HistoryRole).toBool() ||
            index.data(MessageModel::DeliveryRole).toInt() !=
                static_cast<int>(ChatLine::Delivery::Confirmed)) {
            continue;
        }
        ++count;
        if (index.data(MessageModel::MentionRole).toBool())
            ++mentions;
    }
    if (count == 0)
        return;
    m_count += count;
    m_mentions += mentions;
    Q_EMIT countChanged(m_count, m_mentions);
}

QString NewMessageCounter::label(int count, int mentions)
{
    const QString messages = tr("%n new message(s)", nullptr, count);
    if (mentions <= 0)
        //: The button over the log that jumps to the latest: "3 new messages ↓"
        return tr("%1 ↓").arg(messages);
    //: "3 new messages, 1 mention ↓"
    return tr("%1, %2 ↓").arg(messages, tr("%n mention(s)", nullptr, mentions));
}

} // namespace Tagarela
