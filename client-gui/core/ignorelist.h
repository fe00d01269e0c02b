// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QObject>
#include <QStringList>

class QSettings;

namespace Tagarela {

struct ChatLine;

/*!
 * The people the user chose not to hear from: a client-side list of nicknames, compared
 * ignoring case, kept in QSettings (organization "Tagarela", application "tagarela") so that
 * it is remembered. The server knows nothing of it.
 */
class IgnoreList final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IgnoreList)

public:
    /*! Uses \a settings, or the application's own QSettings file when it is null. */
    explicit IgnoreList(QSettings *settings = nullptr, QObject *parent = nullptr);
    ~IgnoreList() override;

    /*! The ignored nicknames, sorted ignoring case. */
    QStringList nicks() const { return m_nicks; }
    bool contains(const QString &nick) const;
    /*! Ignores \a nick from now on (and remembers it). False if it already was. */
    bool add(const QString &nick);
    /*! Hears from \a nick again. False if it was not ignored. */
    bool remove(const QString &nick);
    /*!
     * Whether \a line is hidden: a chat or action from an ignored person. The user's own lines
     * (from \a me) and everything else (notices, joins, errors) are shown.
     */
    bool hides(const ChatLine &line, const QString &me) const;

Q_SIGNALS:
    void changed();

private:
    void save();

    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings = nullptr;
    QStringList m_nicks;
};

} // namespace Tagarela
