// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordcheck.h"

#include <QCryptographicHash>

namespace Tagarela {

PasswordCheck::PasswordCheck(const QString &password, const FailureThrottle::Limits &limits)
    : m_digest(password.isEmpty() ? QByteArray() : digest(password))
    , m_throttle(limits)
{ }

QByteArray PasswordCheck::digest(const QString &password)
{
    return QCryptographicHash::hash(password.toUtf8(), QCryptographicHash::Sha256);
}

PasswordCheck::Verdict PasswordCheck::check(const QHostAddress &address, const QString &offered,
                                            qint64 nowMs)
{
    if (!isRequired())
        return Verdict::Admitted;
    if (m_throttle.isLockedOut(address, nowMs))
        return Verdict::LockedOut;
    if (offered.isEmpty())
        return Verdict::Missing;
    // Digests of both: the same length whatever was offered, so the loop takes the same time.
    if (equalInConstantTime(digest(offered), m_digest)) {
        m_throttle.recordSuccess(address, nowMs);
        return Verdict::Admitted;
    }
    m_throttle.recordFailure(address, nowMs);
    return Verdict::Wrong;
}

bool PasswordCheck::isLockedOut(const QHostAddress &address, qint64 nowMs) const
{
    return isRequired() && m_throttle.isLockedOut(address, nowMs);
}

qint64 PasswordCheck::lockoutRemainingMs(const QHostAddress &address, qint64 nowMs) const
{
    return m_throttle.lockoutRemainingMs(address, nowMs);
}

FailureThrottle::Lockout PasswordCheck::lockout(const QHostAddress &address, qint64 nowMs,
                                                qint64 *remainingMs) const
{
    if (!isRequired()) {
        if (remainingMs)
            *remainingMs = 0;
        return FailureThrottle::Lockout::None;
    }
    return m_throttle.lockout(address, nowMs, remainingMs);
}

bool PasswordCheck::equalInConstantTime(QByteArrayView a, QByteArrayView b)
{
    // No early exit: every byte is looked at, and the differences are only OR-ed together.
    const qsizetype length = std::max(a.size(), b.size());
    unsigned difference = a.size() == b.size() ? 0U : 1U;
    for (qsizetype i = 0; i < length; ++i) {
        const auto x = quint8(i < a.size() ? a[i] : 0);
        const auto y = quint8(i < b.size() ? b[i] : 0);
        difference |= unsigned(x ^ y);
    }
    return difference == 0;
}

} // namespace Tagarela
