// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nickpalette.h"

#include <algorithm>

#include <QSet>

#include "nickcolor.h"

namespace Tagarela {

NickPalette::NickPalette(QObject *parent)
    : QObject(parent)
{ }

NickPalette::~NickPalette() = default;

const QList<NickPalette::Entry> &NickPalette::entries()
{
    // Sixteen hues picked by scripts in the commit that brought them: the greedy farthest
    // points, by CIEDE2000 on both backgrounds, among HSL colours whose lightness was moved
    // until they read at 4.7:1 (4.5 and a margin) on white and on the dark theme's base.
    // Text on white and on #232629 cannot share one colour at 4.5:1 (the luminance would
    // have to be at most 0.18 and at least 0.23), so each entry has a form for each.
    static const QList<Entry> palette = {
        {QColor(0xb2, 0x34, 0x34), QColor(0xd6, 0x73, 0x73)},
        {QColor(0xe0, 0x23, 0x06), QColor(0xfa, 0x58, 0x40)},
        {QColor(0xb7, 0x59, 0x1a), QColor(0xe6, 0x8a, 0x4c)},
        {QColor(0x93, 0x6d, 0x04), QColor(0xfa, 0xc6, 0x38)},
        {QColor(0x71, 0x77, 0x22), QColor(0xca, 0xd1, 0x61)},
        {QColor(0x03, 0x86, 0x03), QColor(0x38, 0xfa, 0x38)},
        {QColor(0x26, 0x82, 0x51), QColor(0x61, 0xd1, 0x95)},
        {QColor(0x12, 0x81, 0x73), QColor(0x4c, 0xe6, 0xd1)},
        {QColor(0x28, 0x7d, 0x8a), QColor(0x61, 0xc2, 0xd1)},
        {QColor(0x04, 0x7b, 0xa7), QColor(0x38, 0xc6, 0xfa)},
        {QColor(0x05, 0x73, 0xd3), QColor(0x38, 0x9f, 0xfa)},
        {QColor(0x34, 0x55, 0xb2), QColor(0x73, 0x8d, 0xd6)},
        {QColor(0x4d, 0x34, 0xb2), QColor(0x96, 0x84, 0xdb)},
        {QColor(0x7a, 0x06, 0xe0), QColor(0xb9, 0x6c, 0xfb)},
        {QColor(0xce, 0x05, 0xc1), QColor(0xfa, 0x38, 0xed)},
        {QColor(0xdd, 0x06, 0x79), QColor(0xfa, 0x47, 0xa7)},
    };
    return palette;
}

int NickPalette::preferredSlot(const QString &nick)
{
    return static_cast<int>(NickColor::hash(nick) % static_cast<quint32>(entries().size()));
}

QColor NickPalette::slotColor(int slot, const QColor &background)
{
    const Entry &entry = entries().at(slot);
    const bool dark = NickColor::relativeLuminance(background) < 0.18;
    const QColor color = dark ? entry.onDark : entry.onLight;
    // A desktop theme's own background may be neither: then the entry's hue, made readable.
    if (NickColor::contrastRatio(color, background) >= 4.5)
        return color;
    return NickColor::readableOn(color.hslHue(), color.hslSaturationF(), background);
}

qreal NickPalette::distance(int slot, int other)
{
    const Entry &a = entries().at(slot);
    const Entry &b = entries().at(other);
    return std::min(NickColor::deltaE2000(a.onLight, b.onLight),
                    NickColor::deltaE2000(a.onDark, b.onDark));
}

void NickPalette::setPeople(const QStringList &nicks)
{
    const int size = static_cast<int>(entries().size());
    QStringList present;
    present.reserve(nicks.size());
    for (const QString &nick : nicks)
        present.append(nick.toCaseFolded());
    const QSet<QString> before(m_present.cbegin(), m_present.cend());
    if (m_slots.size() > RememberedLimit) {
        // Only those still here keep their entry; the memory of the others goes.
        QHash<QString, int> kept;
        for (const QString &nick : std::as_const(present)) {
            if (before.contains(nick) && m_slots.contains(nick))
                kept.insert(nick, m_slots.value(nick));
        }
        m_slots = kept;
    }

    // Those who stay keep their colour; newcomers choose among what is left, in an order
    // that does not depend on the order of the list.
    QList<int> taken;
    QStringList newcomers;
    for (const QString &nick : std::as_const(present)) {
        if (before.contains(nick) && m_slots.contains(nick))
            taken.append(m_slots.value(nick));
        else
            newcomers.append(nick);
    }
    std::sort(newcomers.begin(), newcomers.end(), [](const QString &a, const QString &b) {
        const quint32 ha = NickColor::hash(a);
        const quint32 hb = NickColor::hash(b);
        return ha != hb ? ha < hb : a < b;
    });
    bool changedAny = false;
    for (const QString &nick : std::as_const(newcomers)) {
        const int start = m_slots.contains(nick) ? m_slots.value(nick) : preferredSlot(nick);
        int chosen = -1;
        int firstFree = -1;
        // start, start+1, start-1, start+2...: the nearest entries first.
        for (int step = 0; step < size && chosen < 0; ++step) {
            const int offset = (step + 1) / 2 * (step % 2 == 1 ? 1 : -1);
            const int slot = ((start + offset) % size + size) % size;
            if (taken.contains(slot))
                continue;
            if (firstFree < 0)
                firstFree = slot;
            const bool farEnough = std::all_of(taken.cbegin(), taken.cend(), [slot](int other) {
                return distance(slot, other) >= MinimumDistance;
            });
            if (farEnough)
                chosen = slot;
        }
        if (chosen < 0)
            chosen = firstFree >= 0 ? firstFree : start;
        if (m_slots.value(nick, -1) != chosen) {
            m_slots.insert(nick, chosen);
            changedAny = true;
        }
        taken.append(chosen);
    }
    m_present = present;
    if (changedAny)
        Q_EMIT changed();
}

int NickPalette::slot(const QString &nick) const
{
    const QString folded = nick.toCaseFolded();
    const auto it = m_slots.constFind(folded);
    return it != m_slots.constEnd() ? *it : preferredSlot(folded);
}

QColor NickPalette::color(const QString &nick, const QColor &background) const
{
    return slotColor(slot(nick), background);
}

} // namespace Tagarela
