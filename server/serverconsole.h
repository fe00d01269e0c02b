// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QSocketNotifier>

#include "linedecoder.h"

namespace Tagarela {

class ChatServer;

/*!
 * The host's commands, typed on the server's standard input: /who, /say, /kick, /ban, /unban,
 * /bans, /quit, /help.
 * A line without a slash is said to everyone as a notice. Reads without blocking the event
 * loop; at end of input (stdin closed or /dev/null) it simply stops listening.
 */
class ServerConsole final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerConsole)

public:
    explicit ServerConsole(ChatServer *server, QObject *parent = nullptr);

    /*! Starts reading file descriptor \a fd (standard input by default). */
    void start(int fd = 0);
    /*! Runs one console line; the reply goes to standard output. Public for tests. */
    QString execute(const QString &line);

Q_SIGNALS:
    void quitRequested();

private:
    void onReadable();

    ChatServer *m_server;
    QSocketNotifier *m_notifier = nullptr;
    int m_fd = -1;
    LineDecoder m_lines;
};

} // namespace Tagarela
