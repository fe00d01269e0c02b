// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textformat.h"

#include <QDateTime>

#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// "[HH:MM] " in local time for \a time. Formatting a QDateTime costs thousands of instructions
// (time zone included) and every line of a minute has the same stamp: kept per minute, per
// thread. Time zone offsets are whole minutes, so one epoch minute has one local HH:MM.
QString stampOf(qint64 time)
{
    constexpr qint64 MinuteMs = 60'000;
    const qint64 minute = time >= 0 ? time / MinuteMs : (time - MinuteMs + 1) / MinuteMs;
    thread_local qint64 cachedMinute = 0;
    thread_local QString cachedStamp;
    if (cachedStamp.isEmpty() || minute != cachedMinute) {
        cachedStamp = u'[' + QDateTime::fromMSecsSinceEpoch(time).toString(u"HH:mm"_s) + u"] "_s;
        cachedMinute = minute;
    }
    return cachedStamp;
}

// One line of a chat to the room, then \a end: "[HH:MM] <ana> text", or for an action
// "[HH:MM] * ana text".
QString roomChatLine(const QString &stamp, const Message &event, QStringView line,
                     QStringView end = {})
{
    return event.action ? QString(stamp + u"* "_s + event.from + u' ' + line + end)
                        : QString(stamp + u'<' + event.from + u"> "_s + line + end);
}

} // namespace

QStringList TextFormat::lines(const Message &event, const QString &viewer)
{
    const QString stamp = stampOf(event.time);
    QStringList out;
    switch (event.type) {
    case MessageType::Chat: {
        const QStringList textLines = event.text.split(u'\n');
        QString privatePrefix;
        if (!event.to.isEmpty()) {
            const bool mine =
                !viewer.isEmpty() && Validation::nickKey(viewer) == Validation::nickKey(event.from);
            privatePrefix = mine ? QString(u"-> *"_s + event.to + u"* "_s)
                                 : QString(u'*' + event.from + u"* "_s);
        }
        for (const QString &line : textLines) {
            if (!privatePrefix.isEmpty()) {
                const QString action =
                    event.action ? QString(u"* "_s + event.from + u' ') : QString();
                out.append(stamp + privatePrefix + action + line);
            } else {
                out.append(roomChatLine(stamp, event, line));
            }
        }
        break;
    }
    case MessageType::Joined:
        out.append(stamp + u"*** "_s + tr("%1 joined").arg(event.nick));
        break;
    case MessageType::Left:
        out.append(stamp + u"*** "_s +
                   (event.reason.isEmpty() ? tr("%1 left").arg(event.nick)
                                           : tr("%1 left (%2)").arg(event.nick, event.reason)));
        break;
    case MessageType::Renamed:
        out.append(stamp + u"*** "_s + tr("%1 is now known as %2").arg(event.from, event.nick));
        break;
    case MessageType::Notice: {
        const QStringList textLines = event.text.split(u'\n');
        for (const QString &line : textLines)
            out.append(stamp + u"-host- "_s + line);
        break;
    }
    default:
        break;
    }
    return out;
}

QByteArray TextFormat::encode(const Message &event, const QString &viewer)
{
    if (event.type == MessageType::Chat && event.to.isEmpty() && !event.text.contains(u'\n')) {
        // The common case, one line to the room: built as one string, converted once (what
        // lines() would give, without its lists and per-line conversions).
        return roomChatLine(stampOf(event.time), event, event.text, u"\r\n").toUtf8();
    }
    QByteArray bytes;
    const QStringList all = lines(event, viewer);
    for (const QString &line : all)
        bytes += line.toUtf8() + "\r\n";
    return bytes;
}

QString TextFormat::reply(const QString &text)
{
    return u"*** "_s + text;
}

QString TextFormat::userList(const QStringList &nicks)
{
    if (nicks.isEmpty())
        return tr("Nobody is here yet.");
    return tr("%n user(s) here: %1", nullptr, int(nicks.size())).arg(nicks.join(u", "_s));
}

QString TextFormat::userCount(int count)
{
    if (count <= 0)
        return tr("Nobody is here yet.");
    return tr("%n user(s) here.", nullptr, count);
}

} // namespace Tagarela
