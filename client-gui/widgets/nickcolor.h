// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QPalette;
class QString;

namespace Tagarela {

/*!
 * A stable colour for each nickname: the hue comes from a hash of the case-folded nick (the
 * same on every run and machine, unlike a seeded qHash), the lightness from the background it
 * is drawn on, so that the same person keeps a recognisable colour on light and dark palettes.
 * Functions rather than a class: there is no state to keep.
 */
namespace NickColor {

/*! FNV-1a (32 bits) over the UTF-16 of the case-folded \a nick. */
quint32 hash(const QString &nick);
/*! The hue, 0 to 359, that \a nick is drawn in. */
int hue(const QString &nick);
/*! The colour for \a nick on \a background. */
QColor forNick(const QString &nick, const QColor &background);
/*! The colour for \a nick on the palette's QPalette::Base. */
QColor forNick(const QString &nick, const QPalette &palette);
/*!
 * A colour of \a hue and \a saturation whose lightness is moved away from \a background until
 * it reads comfortably (a WCAG contrast ratio of 4.5), or as far as it can go.
 */
QColor readableOn(int hue, qreal saturation, const QColor &background);
/*! The WCAG contrast ratio between two colours, from 1 (none) to 21 (black on white). */
qreal contrastRatio(const QColor &a, const QColor &b);
/*! The WCAG relative luminance of \a color, from 0 (black) to 1 (white). */
qreal relativeLuminance(const QColor &color);

/*! A colour in CIELAB (D65 white): lightness 0 to 100, a* green to red, b* blue to yellow. */
struct Lab
{
    qreal l = 0;
    qreal a = 0;
    qreal b = 0;
};
/*! \a color (sRGB) in CIELAB. */
Lab toLab(const QColor &color);
/*!
 * The CIEDE2000 colour difference between \a x and \a y: about 1 is the smallest difference
 * people notice side by side, 10 and more tells two names apart at a glance.
 */
qreal deltaE2000(const Lab &x, const Lab &y);
qreal deltaE2000(const QColor &x, const QColor &y);

} // namespace NickColor

} // namespace Tagarela
