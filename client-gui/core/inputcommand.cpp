// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputcommand.h"

#include <QStringList>

#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

InputCommand makeCommand(InputCommand::Kind kind, const QString &argument, const QString &error,
                         const QString &target = {})
{
    InputCommand command;
    command.kind = kind;
    command.argument = argument;
    command.error = error;
    command.target = target;
    return command;
}

} // namespace

InputCommand InputCommand::parse(const QString &input)
{
    // As the server's text mode does: "//" escapes a leading slash, commands ignore case, and
    // the argument is whatever follows the first white space, trimmed.
    if (input.startsWith("//"_L1))
        return makeCommand(Say, input.mid(1), {});
    if (!input.startsWith(u'/'))
        return makeCommand(Say, input, {});

    qsizetype end = 0;
    while (end < input.size() && !input.at(end).isSpace())
        ++end;
    const QString command = input.left(end).toLower();
    const QString argument = input.mid(end).trimmed();

    if (command == "/me"_L1) {
        if (argument.isEmpty())
            return makeCommand(Invalid, {}, tr("Usage: /me ACTION"));
        return makeCommand(Action, argument, {});
    }
    if (command == "/nick"_L1) {
        if (argument.isEmpty())
            return makeCommand(Invalid, {}, tr("Usage: /nick NEWNAME"));
        const NickProblem problem = Validation::checkNick(argument);
        if (problem != NickProblem::None)
            return makeCommand(Invalid, argument, Validation::describe(problem));
        return makeCommand(Nick, argument, {});
    }
    if (command == "/msg"_L1) {
        qsizetype gap = 0;
        while (gap < argument.size() && !argument.at(gap).isSpace())
            ++gap;
        const QString text = argument.mid(gap).trimmed();
        if (argument.isEmpty() || text.isEmpty())
            return makeCommand(Invalid, {}, tr("Usage: /msg NICK TEXT"));
        return makeCommand(Msg, text, {}, argument.left(gap));
    }
    if (command == "/who"_L1)
        return makeCommand(Who, {}, {});
    if (command == "/clear"_L1)
        return makeCommand(Clear, {}, {});
    if (command == "/help"_L1)
        return makeCommand(Help, {}, {});
    if (command == "/quit"_L1)
        return makeCommand(Quit, argument, {});
    return makeCommand(Unknown, command,
                       tr("Unknown command %1. Type /help for the commands.").arg(command));
}

QString InputCommand::helpText()
{
    const QStringList lines {
        tr("Type a message and press Enter to send it to everyone. Commands:"),
        tr("/me ACTION — say what you are doing"),
        tr("/nick NAME — change your nickname"),
        tr("/msg NICK TEXT — send TEXT to NICK alone, in a conversation of its own"),
        tr("/who — list who is here"),
        tr("/clear — clear the messages in this window"),
        tr("/help — show this list"),
        tr("/quit [REASON] — leave"),
        tr("//text — send a message that starts with /"),
    };
    return lines.join(u'\n');
}

} // namespace Tagarela
