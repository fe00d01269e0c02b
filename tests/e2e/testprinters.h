// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTest>

#include "message.h"

namespace Tagarela {

// Found by argument-dependent lookup, so QCOMPARE prints "nick-taken" rather than a number.

inline char *toString(ErrorCode code)
{
    const QString name = code == ErrorCode::None ? QStringLiteral("none") : errorCodeName(code);
    return qstrdup(name.toUtf8().constData());
}

inline char *toString(MessageType type)
{
    const QString name =
        type == MessageType::Unknown ? QStringLiteral("unknown") : messageTypeName(type);
    return qstrdup(name.toUtf8().constData());
}

} // namespace Tagarela
