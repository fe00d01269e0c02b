// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace Tagarela {

/*!
 * Bounds how many lines a kind of event writes to the log, so that clients cannot flood the
 * host's console or disk: at most \c burst lines at once, then one every \c intervalMs on
 * average (a token bucket). The lines it holds back are counted for a summary line.
 */
class LogThrottle final
{
public:
    LogThrottle(int burst, qint64 intervalMs);

    /*! True if a line may be logged at \a nowMs (any monotonic milliseconds); else counted. */
    [[nodiscard]] bool admit(qint64 nowMs);
    /*! admit() on the throttle's own clock. */
    [[nodiscard]] bool admit() { return admit(m_clock.elapsed()); }
    /*! Lines held back since the last takeSuppressed(). */
    int suppressed() const { return m_suppressed; }
    /*! Lines held back since the last call, for a summary; the count starts again at 0. */
    int takeSuppressed();

private:
    int m_burst;
    qint64 m_intervalMs;
    qint64 m_creditMs; //!< a line costs intervalMs; time earns it back, up to a burst
    qint64 m_last = 0;
    int m_suppressed = 0;
    QElapsedTimer m_clock;
};

} // namespace Tagarela
