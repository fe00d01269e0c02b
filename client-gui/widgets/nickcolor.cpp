// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nickcolor.h"

#include <cmath>

#include <QPalette>
#include <QString>
#include <QtMath>

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

qreal labCurve(qreal t)
{
    constexpr qreal Epsilon = 216.0 / 24389.0;
    constexpr qreal Kappa = 24389.0 / 27.0;
    return t > Epsilon ? std::cbrt(t) : (Kappa * t + 16) / 116;
}

qreal degrees(qreal radians)
{
    return radians * 180 / M_PI;
}

qreal radians(qreal degrees)
{
    return degrees * M_PI / 180;
}

} // namespace

qreal relativeLuminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linearChannel(rgb.redF()) + 0.7152 * linearChannel(rgb.greenF()) +
        0.0722 * linearChannel(rgb.blueF());
}

Lab toLab(const QColor &color)
{
    const QColor rgb = color.toRgb();
    const qreal r = linearChannel(rgb.redF());
    const qreal g = linearChannel(rgb.greenF());
    const qreal b = linearChannel(rgb.blueF());
    // sRGB to XYZ, relative to the D65 white.
    const qreal x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const qreal y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const qreal z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    const qreal fx = labCurve(x);
    const qreal fy = labCurve(y);
    const qreal fz = labCurve(z);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

qreal deltaE2000(const Lab &x, const Lab &y)
{
    // Sharma, Wu and Dalal, "The CIEDE2000 Color-Difference Formula" (2005), with kL = kC =
    // kH = 1.
    const qreal c1 = std::hypot(x.a, x.b);
    const qreal c2 = std::hypot(y.a, y.b);
    const qreal meanC7 = std::pow((c1 + c2) / 2, 7);
    const qreal g = 0.5 * (1 - std::sqrt(meanC7 / (meanC7 + std::pow(25.0, 7))));
    const qreal a1 = (1 + g) * x.a;
    const qreal a2 = (1 + g) * y.a;
    const qreal c1p = std::hypot(a1, x.b);
    const qreal c2p = std::hypot(a2, y.b);
    const auto hue = [](qreal b, qreal a) {
        const qreal h = degrees(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const qreal h1p = c1p == 0 ? 0 : hue(x.b, a1);
    const qreal h2p = c2p == 0 ? 0 : hue(y.b, a2);
    const qreal deltaL = y.l - x.l;
    const qreal deltaC = c2p - c1p;
    qreal deltaH = 0;
    if (c1p * c2p != 0) {
        deltaH = h2p - h1p;
        if (deltaH > 180)
            deltaH -= 360;
        else if (deltaH < -180)
            deltaH += 360;
    }
    const qreal bigDeltaH = 2 * std::sqrt(c1p * c2p) * std::sin(radians(deltaH / 2));
    const qreal meanL = (x.l + y.l) / 2;
    const qreal meanCp = (c1p + c2p) / 2;
    qreal meanH = h1p + h2p;
    if (c1p * c2p != 0) {
        if (std::abs(h1p - h2p) <= 180)
            meanH = (h1p + h2p) / 2;
        else if (h1p + h2p < 360)
            meanH = (h1p + h2p + 360) / 2;
        else
            meanH = (h1p + h2p - 360) / 2;
    }
    const qreal t = 1 - 0.17 * std::cos(radians(meanH - 30)) + 0.24 * std::cos(radians(2 * meanH)) +
        0.32 * std::cos(radians(3 * meanH + 6)) - 0.20 * std::cos(radians(4 * meanH - 63));
    const qreal deltaTheta = 30 * std::exp(-std::pow((meanH - 275) / 25, 2));
    const qreal meanCp7 = std::pow(meanCp, 7);
    const qreal rc = 2 * std::sqrt(meanCp7 / (meanCp7 + std::pow(25.0, 7)));
    const qreal sl = 1 + 0.015 * std::pow(meanL - 50, 2) / std::sqrt(20 + std::pow(meanL - 50, 2));
    const qreal sc = 1 + 0.045 * meanCp;
    const qreal sh = 1 + 0.015 * meanCp * t;
    const qreal rt = -std::sin(radians(2 * deltaTheta)) * rc;
    const qreal l = deltaL / sl;
    const qreal c = deltaC / sc;
    const qreal h = bigDeltaH / sh;
    return std::sqrt(l * l + c * c + h * h + rt * c * h);
}

qreal deltaE2000(const QColor &x, const QColor &y)
{
    return deltaE2000(toLab(x), toLab(y));
}

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
