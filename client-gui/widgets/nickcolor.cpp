// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nickcolor.h"

#include <cmath>

#include <QPalette>
#include <QString>

namespace Tagarela::NickColor {

namespace {

constexpr quint32 FnvOffsetBasis = 2166136261u;
constexpr quint32 FnvPrime = 16777619u;
constexpr qreal ReadableContrast = 4.5;
constexpr qreal NickSaturation = 0.70;

qreal linearChannel(qreal channel)
{
    return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

qreal relativeLuminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linearChannel(rgb.redF()) + 0.7152 * linearChannel(rgb.greenF()) +
        0.0722 * linearChannel(rgb.blueF());
}

} // namespace

quint32 hash(const QString &nick)
{
    quint32 value = FnvOffsetBasis;
    const QString folded = nick.toCaseFolded();
    for (const QChar c : folded) {
        const char16_t unit = c.unicode();
        value = (value ^ (unit & 0xffu)) * FnvPrime;
        value = (value ^ (unit >> 8)) * FnvPrime;
    }
    return value;
}

int hue(const QString &nick)
{
    return static_cast<int>(hash(nick) % 360u);
}

QColor forNick(const QString &nick, const QColor &background)
{
    return readableOn(hue(nick), NickSaturation, background);
}

QColor forNick(const QString &nick, const QPalette &palette)
{
    return forNick(nick, palette.color(QPalette::Base));
}

QColor readableOn(int hue, qreal saturation, const QColor &background)
{
    const bool darkBackground = relativeLuminance(background) < 0.18;
    // Start from a middling lightness and walk away from the background; yellows and greens
    // are bright at any lightness and need a longer walk than blues on a white page.
    qreal lightness = darkBackground ? 0.62 : 0.42;
    const qreal step = darkBackground ? 0.04 : -0.04;
    QColor color = QColor::fromHslF(hue / 360.0, saturation, lightness);
    for (int i = 0; i < 12 && contrastRatio(color, background) < ReadableContrast; ++i) {
        lightness = qBound(0.0, lightness + step, 1.0);
        color = QColor::fromHslF(hue / 360.0, saturation, lightness);
    }
    return color.toRgb();
}

qreal contrastRatio(const QColor &a, const QColor &b)
{
    const qreal la = relativeLuminance(a);
    const qreal lb = relativeLuminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

} // namespace Tagarela::NickColor
