// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisroomschema.h"

using namespace Qt::StringLiterals;

namespace Tagarela {

RedisRoomKeys RedisRoomKeys::forRoom(const QString &prefix, const QString &room)
{
    const QByteArray base = prefix.toUtf8() + ":{" + room.toUtf8() + "}:";
    return {base + "log",     base + "meta",   base + "client-ids", base + "client-id-order",
            base + "members", base + "lease:", base + "cleanup:",   base + "bans",
            base + "tokens",  base + "hold:"};
}

namespace RedisRoomSchema {

QList<QByteArray> appendArguments(const Message &message)
{
    // A type the protocol does not have (a host's command) by its name.
    QString type =
        message.type == MessageType::Unknown ? message.typeName : messageTypeName(message.type);
    if (message.type == MessageType::Chat && !message.to.isEmpty())
        type = u"private"_s;
    return {type.toUtf8(),
            message.from.toUtf8(),
            message.nick.toUtf8(),
            message.text.toUtf8(),
            message.reason.toUtf8(),
            message.action ? "1" : "0",
            message.clientId.toUtf8(),
            QByteArray::number(message.time),
            message.to.toUtf8()};
}

quint64 seqFromId(const QByteArray &id)
{
    if (!id.endsWith("-0"))
        return 0;
    bool ok = false;
    const quint64 seq = id.left(id.size() - 2).toULongLong(&ok);
    return ok ? seq : 0;
}

std::optional<RoomEvent> eventFromEntry(const RedisReply &entry)
{
    if (entry.type != RedisReply::Type::Array || entry.elements.size() != 2 ||
        entry.elements.at(1).type != RedisReply::Type::Array)
        return std::nullopt;
    RoomEvent event;
    Message &message = event.message;
    message.seq = seqFromId(entry.elements.at(0).text);
    if (message.seq == 0)
        return std::nullopt;
    const QList<RedisReply> &fields = entry.elements.at(1).elements;
    for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
        const QByteArray &name = fields.at(i).text;
        const QByteArray &value = fields.at(i + 1).text;
        if (name == "type") {
            message.type = value == "private" ? MessageType::Chat
                                              : messageTypeFromName(QString::fromUtf8(value));
            if (message.type == MessageType::Unknown)
                message.typeName = QString::fromUtf8(value); // from a newer server
        } else if (name == "from")
            message.from = QString::fromUtf8(value);
        else if (name == "nick")
            message.nick = QString::fromUtf8(value);
        else if (name == "text")
            message.text = QString::fromUtf8(value);
        else if (name == "reason")
            message.reason = QString::fromUtf8(value);
        else if (name == "action")
            message.action = value == "1";
        else if (name == "client-id")
            message.clientId = QString::fromUtf8(value);
        else if (name == "to")
            message.to = QString::fromUtf8(value);
        else if (name == "time")
            message.time = value.toLongLong();
        else if (name == "origin")
            event.origin = QString::fromUtf8(value);
        else if (name == "history")
            event.historyId = QString::fromUtf8(value);
    }
    return event;
}

} // namespace RedisRoomSchema

} // namespace Tagarela
