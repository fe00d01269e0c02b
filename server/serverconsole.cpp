// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverconsole.h"

#include <cerrno>
#include <cstdio>

#include "banlist.h"
#include "chatserver.h"
#include "serverlogging.h"
#include "validation.h"

#include <fcntl.h>
#include <unistd.h>

namespace Tagarela {

using namespace Qt::StringLiterals;

ServerConsole::ServerConsole(ChatServer *server, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_lines(64 * 1024)
{ }

void ServerConsole::start(int fd)
{
    m_fd = fd;
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0)
        return; // no standard input at all
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ServerConsole::onReadable);
}

void ServerConsole::onReadable()
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n > 0) {
            m_lines.feed(QByteArrayView(buffer, n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
            // End of input: a server started in the background keeps running without it.
            m_notifier->setEnabled(false);
        }
        break;
    }
    while (m_lines.hasLine()) {
        const TextLine line = m_lines.next();
        if (line.problem != TextLine::Problem::None)
            continue;
        const QString reply = execute(line.text);
        if (!reply.isEmpty()) {
            std::fputs(qPrintable(reply + u'\n'), stdout);
            std::fflush(stdout);
        }
    }
}

QString ServerConsole::execute(const QString &input)
{
    const QString line = input.trimmed();
    if (line.isEmpty())
        return {};
    if (!line.startsWith(u'/'))
        return execute(u"/say "_s + line);

    const qsizetype space = line.indexOf(u' ');
    const QString command = line.left(space < 0 ? line.size() : space).toLower();
    const QString argument = space < 0 ? QString() : line.mid(space + 1).trimmed();

    if (command == "/who"_L1) {
        const QStringList members = m_server->describeMembers();
        return tr("%n user(s) here; %1 connection(s) open.", nullptr, int(members.size()))
                   .arg(m_server->connectionCount()) +
            (members.isEmpty() ? QString() : u"\n  "_s + members.join(u"\n  "_s));
    }
    if (command == "/say"_L1) {
        const TextProblem problem = Validation::checkText(argument, m_server->config().maxText);
        if (problem != TextProblem::None)
            return Validation::describe(problem, m_server->config().maxText);
        m_server->room().notice(argument);
        return {};
    }
    if (command == "/kick"_L1) {
        const qsizetype split = argument.indexOf(u' ');
        const QString nick = argument.left(split < 0 ? argument.size() : split);
        const QString reason = split < 0 ? QString() : argument.mid(split + 1).trimmed();
        if (nick.isEmpty())
            return tr("Usage: /kick NICK [REASON]");
        if (!m_server->kick(nick, reason))
            return tr("Nobody here is called %1.").arg(nick);
        return {};
    }
    if (command == "/ban"_L1 || command == "/unban"_L1) {
        if (argument.isEmpty())
            return command == "/ban"_L1 ? tr("Usage: /ban ADDRESS (or ADDRESS/PREFIX for a subnet)")
                                        : tr("Usage: /unban ADDRESS (as /bans lists it)");
        const std::optional<BanList::Entry> entry = BanList::parse(argument);
        if (!entry) {
            return tr("\"%1\" is not an IPv4 or IPv6 address or subnet (such as 192.0.2.7 or "
                      "2001:db8::/48).")
                .arg(argument);
        }
        QString saveError;
        QString reply;
        if (command == "/ban"_L1) {
            const ChatServer::BanResult result = m_server->ban(*entry);
            saveError = result.saveError;
            if (!result.added)
                reply = tr("%1 is banned already.").arg(entry->toString());
            else if (result.disconnected == 0)
                reply = tr("Banned %1.").arg(entry->toString());
            else
                reply = tr("Banned %1; %n connection(s) closed.", nullptr, result.disconnected)
                            .arg(entry->toString());
        } else {
            reply = m_server->unban(*entry, &saveError)
                ? tr("Lifted the ban on %1.").arg(entry->toString())
                : tr("%1 is not banned. /bans lists the bans.").arg(entry->toString());
        }
        if (!saveError.isEmpty())
            reply += u'\n' +
                tr("The ban list could not be saved (%1): the change lasts until "
                   "the server stops.")
                    .arg(saveError);
        return reply;
    }
    if (command == "/bans"_L1) {
        const QList<BanList::Entry> bans = m_server->bans();
        if (bans.isEmpty())
            return tr("Nobody is banned.");
        QStringList lines;
        for (const BanList::Entry &entry : bans)
            lines.append(entry.toString());
        return tr("%n ban(s):", nullptr, int(bans.size())) + u"\n  "_s + lines.join(u"\n  "_s);
    }
    if (command == "/quit"_L1) {
        Q_EMIT quitRequested();
        return {};
    }
    if (command == "/help"_L1) {
        return tr("Commands:\n"
                  "  /who                   list who is connected\n"
                  "  /say TEXT              send a notice to everyone (or type TEXT alone)\n"
                  "  /kick NICK [REASON]    disconnect someone\n"
                  "  /ban ADDRESS[/BITS]    refuse an address or a subnet, also after restarts\n"
                  "  /unban ADDRESS[/BITS]  lift a ban\n"
                  "  /bans                  list the bans\n"
                  "  /quit                  shut the server down");
    }
    return tr("Unknown command %1. Type /help for the commands.").arg(command);
}

} // namespace Tagarela
