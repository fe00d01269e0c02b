// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatroom.h"

#include <QDateTime>

#include "broadcast.h"
#include "roommember.h"
#include "serverlogging.h"
#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

ChatRoom::ChatRoom()
    : m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{ }

ChatRoom::NickResult ChatRoom::checkNick(const QString &nick, RoomMember *except) const
{
    NickResult result;
    const NickProblem problem = Validation::checkNick(nick);
    if (problem != NickProblem::None) {
        result.error = ErrorCode::InvalidNick;
        result.text = Validation::describe(problem);
        return result;
    }
    if (isTaken(nick, except)) {
        result.error = ErrorCode::NickTaken;
        result.suggestion = Validation::suggestNick(
            nick, [this, except](const QString &candidate) { return isTaken(candidate, except); });
        result.text = tr("The nickname %1 is taken; %2 is free.").arg(nick, result.suggestion);
        return result;
    }
    result.nick = nick;
    return result;
}

bool ChatRoom::isTaken(const QString &nick, RoomMember *except) const
{
    RoomMember *owner = m_byKey.value(Validation::nickKey(nick));
    return owner && owner != except;
}

RoomMember *ChatRoom::find(const QString &nick) const
{
    return m_byKey.value(Validation::nickKey(nick));
}

bool ChatRoom::NickOrder::operator()(const QString &a, const QString &b) const
{
    const int order = a.compare(b, Qt::CaseInsensitive);
    return order != 0 ? order < 0 : a < b;
}

QStringList ChatRoom::nicks() const
{
    return QStringList(m_sorted.cbegin(), m_sorted.cend());
}

ChatRoom::NickResult ChatRoom::join(RoomMember *member, const QString &requested)
{
    // Composed form: "joão" typed with a combining tilde is the same name, and valid.
    const QString nick = requested.normalized(QString::NormalizationForm_C);
    if (contains(member))
        return rename(member, nick);
    NickResult result = checkNick(nick, nullptr);
    if (!result.ok())
        return result;
    m_members.append(member);
    m_nicks.insert(member, nick);
    m_byKey.insert(Validation::nickKey(nick), member);
    m_sorted.insert(nick);
    qCInfo(lcTraffic).noquote()
        << tr("%1 joined from %2 (%n user(s) here)", nullptr, size()).arg(nick, member->address());
    deliverToAll(Broadcast(Message::joined(nick, m_clock())), member);
    return result;
}

void ChatRoom::leave(RoomMember *member, const QString &reason)
{
    if (!contains(member))
        return;
    const QString nick = m_nicks.take(member);
    m_byKey.remove(Validation::nickKey(nick));
    m_sorted.erase(nick);
    m_members.removeOne(member);
    qCInfo(lcTraffic).noquote() << tr("%1 left from %2 (%3; %n user(s) here)", nullptr, size())
                                       .arg(nick, member->address(), reason);
    deliverToAll(Broadcast(Message::left(nick, reason, m_clock())));
}

ChatRoom::NickResult ChatRoom::rename(RoomMember *member, const QString &requested)
{
    const QString nick = requested.normalized(QString::NormalizationForm_C);
    NickResult result = checkNick(nick, member);
    if (!result.ok() || !contains(member))
        return result;
    const QString old = m_nicks.value(member);
    if (old == nick)
        return result;
    m_byKey.remove(Validation::nickKey(old));
    m_byKey.insert(Validation::nickKey(nick), member);
    m_nicks.insert(member, nick);
    m_sorted.erase(old);
    m_sorted.insert(nick);
    qCInfo(lcTraffic).noquote()
        << tr("%1 is now known as %2 (%3)").arg(old, nick, member->address());
    deliverToAll(Broadcast(Message::renamed(old, nick, m_clock())));
    return result;
}

void ChatRoom::say(RoomMember *member, const QString &text, bool action)
{
    if (!contains(member))
        return;
    const QString nick = m_nicks.value(member);
    if (m_logChatText) {
        // QDebug would quote and escape the text; the host reads it as typed.
        const QString who = nick + u'@' + member->address();
        qCInfo(lcTraffic).noquote() << (action ? QString(u"* "_s + who + u' ' + text)
                                               : QString(u'<' + who + u"> "_s + text));
    }
    deliverToAll(Broadcast(Message::chat(nick, text, action, m_clock())));
}

void ChatRoom::notice(const QString &text)
{
    qCInfo(lcTraffic).noquote() << u"-host- "_s + text;
    deliverToAll(Broadcast(Message::notice(text, m_clock())));
}

void ChatRoom::deliverToAll(const Broadcast &broadcast, RoomMember *except)
{
    // Members never leave during delivery (see RoomMember::deliver), so the list is stable.
    for (RoomMember *member : std::as_const(m_members)) {
        if (member != except)
            member->deliver(broadcast);
    }
}

} // namespace Tagarela
