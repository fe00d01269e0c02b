// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace Tagarela {

/*!
 * What can be done with a person's name, from the people list or a nickname in the log:
 * a private message, a mention in the message being typed, copying the name, and ignoring
 * (or hearing again from) that person. Copying is done here; the rest is asked for by signal.
 */
class NickMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NickMenu)

public:
    /*! For \a nick; \a ignored: the user ignores it now; \a own: it is the user's own name. */
    NickMenu(const QString &nick, bool ignored, bool own, QWidget *parent = nullptr);
    ~NickMenu() override;

    QString nick() const { return m_nick; }

Q_SIGNALS:
    void privateMessageRequested(const QString &nick);
    void mentionRequested(const QString &nick);
    /*! \a ignore: from now on; false: hear from \a nick again. */
    void ignoreRequested(const QString &nick, bool ignore);

private:
    QString m_nick;
};

} // namespace Tagarela
