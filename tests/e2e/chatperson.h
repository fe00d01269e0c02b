// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QList>
#include <QStringList>
#include <QTimer>

#include "chatclient.h"
#include "messagemodel.h"

namespace Tagarela::TestSupport {

/*! One person of a convergence test: a client, the log its window would show, a sender. */
struct ChatPerson
{
    std::unique_ptr<ChatClient> client = std::make_unique<ChatClient>();
    std::unique_ptr<MessageModel> model = std::make_unique<MessageModel>();
    QTimer sender;
    int sent = 0;
};

/*! The chat lines of a log, top to bottom. */
struct SeenChats
{
    QList<quint64> seqs; //!< of the confirmed chat lines
    QStringList texts;
    int unconfirmed = 0; //!< lines still waiting for their ack
};

/*! What \a model shows of the chat, confirmed lines apart from unconfirmed ones. */
SeenChats seenBy(const MessageModel &model);

/*!
 * Forgets what earlier runs of the client left behind (its outbox and resume tokens), in
 * QStandardPaths' test mode, so that every run starts as a first one.
 */
void startClientsAfresh();

} // namespace Tagarela::TestSupport
