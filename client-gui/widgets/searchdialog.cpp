// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchdialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "chatclient.h"
#include "messagemodel.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

SearchDialog::SearchDialog(ChatClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_query(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_older(new QPushButton(tr("&Older Results"), this))
{
    setObjectName(u"searchDialog"_s);
    setWindowTitle(tr("Search the Whole History"));
    m_query->setObjectName(u"searchQuery"_s);
    m_query->setPlaceholderText(tr("Words to look for in everything the server keeps"));
    m_query->setClearButtonEnabled(true);
    m_results->setObjectName(u"searchResults"_s);
    m_results->setAccessibleName(tr("Search results"));
    m_results->setWordWrap(true);
    m_results->setTextElideMode(Qt::ElideRight);
    m_status->setObjectName(u"searchStatus"_s);
    m_older->setObjectName(u"olderResults"_s);
    m_older->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *label = new QLabel(tr("&Find:"), this);
    label->setBuddy(m_query);
    auto *queryRow = new QHBoxLayout;
    queryRow->addWidget(label);
    queryRow->addWidget(m_query, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_older);
    bottom->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(queryRow);
    layout->addWidget(m_results, 1);
    layout->addLayout(bottom);
    resize(560, 420);

    connect(m_query, &QLineEdit::returnPressed, this, [this] { search(m_query->text()); });
    connect(m_older, &QPushButton::clicked, this, &SearchDialog::searchOlder);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int row = m_results->row(item);
        if (row >= 0 && row < m_hits.size())
            Q_EMIT hitActivated(m_hits.at(row));
    });
    connect(m_client, &ChatClient::searchFinished, this, &SearchDialog::onFinished);
}

SearchDialog::~SearchDialog() = default;

void SearchDialog::search(const QString &query)
{
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty())
        return;
    if (m_query->text() != query)
        m_query->setText(query);
    m_results->clear();
    m_hits.clear();
    m_older->setEnabled(false);
    m_asked = trimmed;
    if (!m_client->supportsSearch()) {
        m_status->setText(m_client->isConnected() ? tr("This server cannot search.")
                                                  : tr("Not connected."));
        return;
    }
    m_waiting = m_client->search(trimmed);
    m_status->setText(m_waiting ? tr("Searching…") : tr("Not connected."));
}

void SearchDialog::searchOlder()
{
    if (m_hits.isEmpty() || m_waiting)
        return;
    m_waiting = m_client->search(m_asked, m_hits.constLast().seq);
    if (m_waiting)
        m_older->setEnabled(false);
}

void SearchDialog::onFinished(const QString &query, quint64, const QList<ChatLine> &hits, bool more)
{
    if (query != m_asked)
        return;
    m_waiting = false;
    // Newest first: the hits come oldest first, and older pages go below.
    for (auto hit = hits.crbegin(); hit != hits.crend(); ++hit) {
        m_hits.append(*hit);
        QString where =
            hit->isPrivate() ? tr("(private, %1 → %2) ").arg(hit->nick, hit->to) : QString();
        auto *item = new QListWidgetItem(MessageModel::timeStamp(hit->time) + u' ' + where +
                                             MessageModel::describe(*hit),
                                         m_results);
        item->setToolTip(QDateTime::fromMSecsSinceEpoch(hit->time).toString(Qt::TextDate));
    }
    m_older->setEnabled(more);
    m_status->setText(m_hits.isEmpty()
                          ? tr("Nothing found.")
                          : tr("%n message(s) found. Press Enter on one to see it in the log.",
                               nullptr, int(m_hits.size())));
}

} // namespace Tagarela
