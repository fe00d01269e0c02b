// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

#include "chatline.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Tagarela {

class ChatClient;

/*!
 * "Search the whole history": asks the server (ChatClient::search()) and lists what it found,
 * newest first; "Older results" pages back. Activating a result asks for it to be shown in
 * the log (hitActivated()). Modeless: the log stays usable beside it.
 */
class SearchDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchDialog)

public:
    explicit SearchDialog(ChatClient *client, QWidget *parent = nullptr);
    ~SearchDialog() override;

    /*! Asks for \a query (as if typed and Enter pressed). */
    void search(const QString &query);
    const QList<ChatLine> &hits() const { return m_hits; }

Q_SIGNALS:
    void hitActivated(const Tagarela::ChatLine &hit);

private:
    void onFinished(const QString &query, quint64 before, const QList<ChatLine> &hits, bool more);
    void searchOlder();

    ChatClient *m_client;
    QLineEdit *m_query;
    QListWidget *m_results;
    QLabel *m_status;
    QPushButton *m_older;
    QString m_asked; //!< the query of the results shown
    QList<ChatLine> m_hits; //!< newest first, as listed
    bool m_waiting = false;
};

} // namespace Tagarela
