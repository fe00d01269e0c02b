// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Tagarela {

/*!
 * The nickname colours of the log and the people list: a fixed palette chosen for distinctness
 * (greedy farthest points in CIEDE2000 among colours that pass WCAG 4.5:1), each entry in a
 * form for light backgrounds and one for dark ones, and an assignment of entries to the people
 * in the room. Everyone starts from the entry their nickname hashes to (NickColor::hash, the
 * same everywhere); when that one is taken or looks too much like one that is, the nearest
 * free entry at least MinimumDistance from every one in use is taken instead, while there is
 * one. People keep their colour while they stay, and their lines keep it after they leave.
 */
class NickPalette final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NickPalette)

public:
    struct Entry
    {
        QColor onLight; //!< for backgrounds like ThemePalette::lightBase()
        QColor onDark; //!< for backgrounds like ThemePalette::darkBase()
    };

    /*! The CIEDE2000 distance kept between the people in the room while the palette has room. */
    static constexpr qreal MinimumDistance = 20;

    explicit NickPalette(QObject *parent = nullptr);
    ~NickPalette() override;

    static const QList<Entry> &entries();
    /*! The entry \a nick hashes to, before any other person is considered. */
    static int preferredSlot(const QString &nick);
    /*! The form of entry \a slot for \a background (light or dark by its luminance). */
    static QColor slotColor(int slot, const QColor &background);
    /*! The smaller of the entries' CIEDE2000 distances on light and on dark backgrounds. */
    static qreal distance(int slot, int other);

    /*! The people in the room now: assigns entries to those who have none. */
    void setPeople(const QStringList &nicks);
    /*! The entry of \a nick: assigned, remembered from before, or preferred. */
    int slot(const QString &nick) const;
    QColor color(const QString &nick, const QColor &background) const;

Q_SIGNALS:
    /*! Someone's colour changed: views should paint again. */
    void changed();

private:
    static constexpr int RememberedLimit = 2000;

    QHash<QString, int> m_slots; //!< by case-folded nick: everyone in the room, and some before
    QStringList m_present; //!< case-folded
};

} // namespace Tagarela
