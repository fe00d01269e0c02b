// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomengine.h"

#include "messagelog.h"
#include "redisroomengine.h"
#include "serverconfig.h"

namespace Tagarela {

std::unique_ptr<RoomEngine> RoomEngine::create(const ServerConfig &config)
{
    if (!config.redisUrl.isEmpty())
        return std::make_unique<RedisRoomEngine>(config);
    return std::make_unique<MessageLog>(HistoryStore::create(config),
                                        MessageLog::cacheSizeFor(config));
}

} // namespace Tagarela
