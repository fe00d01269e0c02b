// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

#include "failurethrottle.h"

namespace Tagarela {

/*!
 * The server's password: compares what a client offers in constant time and throttles
 * guessing (FailureThrottle); an address that gives the right password is known to it. Only a
 * SHA-256 digest of the password is kept. Pure: the caller passes the time.
 */
class PasswordCheck final
{
public:
    enum class Verdict {
        Admitted, //!< right, or the server has no password
        Missing, //!< none offered; not counted as a failure
        Wrong, //!< counted as a failure
        LockedOut, //!< the address made too many failures; the password was not looked at
    };

    /*! An empty \a password: no password, everyone is admitted. */
    explicit PasswordCheck(const QString &password = {},
                           const FailureThrottle::Limits &limits = {});

    bool isRequired() const { return !m_digest.isEmpty(); }
    /*! Judges what \a address offers at \a nowMs, recording a wrong guess. */
    Verdict check(const QHostAddress &address, const QString &offered, qint64 nowMs);
    bool isLockedOut(const QHostAddress &address, qint64 nowMs) const;
    qint64 lockoutRemainingMs(const QHostAddress &address, qint64 nowMs) const;
    /*! Why \a address is refused, and for how long (FailureThrottle::lockout()). */
    FailureThrottle::Lockout lockout(const QHostAddress &address, qint64 nowMs,
                                     qint64 *remainingMs = nullptr) const;
    const FailureThrottle &throttle() const { return m_throttle; }

    /*!
     * Compares \a a and \a b in time that depends on their lengths only, never on where they
     * first differ. Unequal lengths are unequal (after the same loop).
     */
    static bool equalInConstantTime(QByteArrayView a, QByteArrayView b);

private:
    static QByteArray digest(const QString &password);

    QByteArray m_digest; //!< SHA-256 of the UTF-8 password; empty: none
    FailureThrottle m_throttle;
};

} // namespace Tagarela
