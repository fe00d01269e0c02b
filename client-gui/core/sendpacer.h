// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Tagarela {

/*!
 * The client's side of the server's rate limit (rate-ms, rate-burst in handshake-ok): a token
 * bucket that stays a little inside the announced one, so that the outbox, however full, is
 * never slowed down by the server (a rate-limited warning), let alone held until the server's
 * bound and disconnected as an excess flood. Pure: the caller passes
 * the time (any monotonic milliseconds).
 */
class SendPacer final
{
public:
    /*! \a rateMs 0: no limit. Starts with a full bucket at \a nowMs. */
    void reset(int rateMs, int burst, qint64 nowMs);

    /*! Takes a token if there is one. */
    [[nodiscard]] bool tryTake(qint64 nowMs);
    /*!
     * Takes \a tokens even if there are not so many (a nick change cannot wait; an answer's
     * size is charged after it arrived): later sends wait longer.
     */
    void take(qint64 nowMs, double tokens = 1);
    /*! Empties the bucket: the server said it is slowing us down. */
    void drain(qint64 nowMs);
    /*! Milliseconds until tryTake() succeeds; 0 if it would now. */
    qint64 msUntilNext(qint64 nowMs);

    bool isLimited() const { return m_intervalMs > 0; }
    double intervalMs() const { return m_intervalMs; }
    double capacity() const { return m_capacity; }

private:
    void refill(qint64 nowMs);

    double m_intervalMs = 0; //!< one token per this many ms; 0: unlimited
    double m_capacity = 0;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
};

} // namespace Tagarela
