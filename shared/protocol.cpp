// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol.h"

namespace Tagarela::Protocol {

int chooseVersion(const QList<int> &offered)
{
    int best = 0;
    for (int version : supportedVersions()) {
        if (offered.contains(version))
            best = std::max(best, version);
    }
    return best;
}

} // namespace Tagarela::Protocol
