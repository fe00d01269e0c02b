// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Tagarela {

/*!
 * What a line typed into the message box asks for. The commands are those of the server's text
 * mode (see the README), plus /clear, which only concerns the window.
 */
struct InputCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tagarela::InputCommand)

public:
    enum Kind {
        Say, //!< argument: the text to send
        Action, //!< /me ACTION; argument: the action
        Nick, //!< /nick NAME; argument: the new nickname, already valid
        Who, //!< /who
        Msg, //!< /msg NICK TEXT; target: the nickname, argument: the text
        Clear, //!< /clear
        Help, //!< /help
        Quit, //!< /quit [REASON]; argument: the reason, maybe empty
        Unknown, //!< /something else; argument: the command, error: what to tell the user
        Invalid, //!< a known command used wrongly; error: what to tell the user
    };

    Kind kind = Say;
    QString argument;
    QString error;
    QString target; //!< Msg: whom the message is for

    /*! Reads \a input as the user typed it. */
    [[nodiscard]] static InputCommand parse(const QString &input);
    /*! The commands, one a line, for /help. */
    static QString helpText();
};

} // namespace Tagarela
