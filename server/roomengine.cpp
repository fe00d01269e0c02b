// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomengine.h"

#include "messagelog.h"
#include "redisroomengine.h"
#include "serverconfig.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

std::unique_ptr<RoomEngine> RoomEngine::create(const ServerConfig &config)
{
    if (!config.redisUrl.isEmpty())
        return std::make_unique<RedisRoomEngine>(config);
    return std::make_unique<MessageLog>(HistoryStore::create(config),
                                        MessageLog::cacheSizeFor(config));
}

namespace {

Message command(const QString &name)
{
    Message message;
    message.type = MessageType::Unknown;
    message.typeName = name;
    return message;
}

} // namespace

Message RoomEngine::kickCommand(const QString &nick, const QString &reason)
{
    Message message = command(u"kick"_s);
    message.nick = nick;
    message.reason = reason;
    return message;
}

Message RoomEngine::banCommand(const QString &entry)
{
    Message message = command(u"ban"_s);
    message.text = entry;
    return message;
}

Message RoomEngine::unbanCommand(const QString &entry)
{
    Message message = command(u"unban"_s);
    message.text = entry;
    return message;
}

} // namespace Tagarela
