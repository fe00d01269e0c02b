// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatroom.h"

#include <algorithm>
#include <utility>

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include "addresskey.h"
#include "broadcast.h"
#include "historystore.h"
#include "messagecodec.h"
#include "roommember.h"
#include "serverconfig.h"
#include "serverlogging.h"
#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// Held nicknames at most when --max-clients is 0 (no limit on connections).
constexpr int DefaultMaxHolds = 10'000;

// Batched presence (ChatRoom::setBatchPresence()) waits a millisecond per this many members
// beyond the turn, at most MaxPresenceDelayMs: 200 ms for 5,000. One round of writes to 5,000
// members costs about 10 ms of the server's time; a join burst then costs a few rounds a second.
constexpr int PresenceMembersPerMs = 25;
constexpr int MaxPresenceDelayMs = 250;

// An answered batch's entries are kept for a later batch up to this many (48 bytes each).
constexpr size_t MaxSpareEntries = 4096;

QString newResumeToken()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

} // namespace

ChatRoom::ChatRoom()
    : ChatRoom(ServerConfig {})
{ }

ChatRoom::ChatRoom(const ServerConfig &config)
    : ChatRoom(config, RoomEngine::create(config))
{ }

ChatRoom::ChatRoom(const ServerConfig &config, std::unique_ptr<HistoryStore> store)
    : ChatRoom(config,
               std::make_unique<MessageLog>(std::move(store), MessageLog::cacheSizeFor(config)))
{ }

ChatRoom::ChatRoom(const ServerConfig &config, std::unique_ptr<RoomEngine> engine)
    : m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_engine(std::move(engine))
    , m_graceMs(config.resumeGraceMs)
    , m_tokenOverlapMs(config.resumeTokenOverlapMs)
    // A dropped connection's nickname is held like a connection slot: at most as many as
    // there may be connections, in all and per address. Holds cost no socket, so without
    // this one client could make thousands a second (issue 13).
    , m_maxHolds(config.maxClients > 0 ? config.maxClients : DefaultMaxHolds)
    , m_maxHoldsPerAddress(config.maxPerIp)
{
    m_engine->setFeed([this](const Message &event, bool ours) { onFed(event, ours); });
}

ChatRoom::~ChatRoom() = default;

bool ChatRoom::openHistory()
{
    return m_engine->open();
}

namespace {

/*! \a done, given only the messages of a page that \a nick may see. */
RoomEngine::PageReady visibleOnly(const QString &nick, RoomEngine::PageReady done)
{
    return [nick, done = std::move(done)](HistoryPage page) {
        page.messages.removeIf([&nick](const Message &message) {
            return !HistoryDatabase::isVisibleTo(message, nick);
        });
        done(page);
    };
}

} // namespace

void ChatRoom::history(quint64 after, quint64 before, int max, QObject *context,
                       RoomEngine::PageReady done)
{
    m_engine->page(after, before == 0 ? HistoryStore::NoLimit : before, max, context,
                   std::move(done));
}

void ChatRoom::history(RoomMember *viewer, quint64 after, quint64 before, int max, QObject *context,
                       RoomEngine::PageReady done)
{
    // The nickname when asked: the stored rows keep who a private message was from and to.
    const QString nick = viewer ? nickOf(viewer) : QString();
    history(after, before, max, context, visibleOnly(nick, std::move(done)));
}

void ChatRoom::search(RoomMember *viewer, const QString &query, quint64 before, int max,
                      QObject *context, RoomEngine::PageReady done)
{
    const QString nick = viewer ? nickOf(viewer) : QString();
    // The engine already looks only among what \a viewer may see; the room checks again, so
    // that no engine's mistake can show one person's private messages to another.
    m_engine->search(query, before == 0 ? HistoryStore::NoLimit : before, max, nick, context,
                     visibleOnly(nick, std::move(done)));
}

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
        const QString key = Validation::nickKey(nick);
        return refusal(nick, except, m_byKey.contains(key) || m_engine->isRemoteNick(key));
    }
    result.nick = nick;
    return result;
}

ChatRoom::NickResult ChatRoom::refusal(const QString &nick, RoomMember *except, bool inUse) const
{
    NickResult result;
    result.error = ErrorCode::NickTaken;
    result.suggestion = Validation::suggestNick(
        nick, [this, except](const QString &candidate) { return isTaken(candidate, except); });
    if (result.suggestion.isEmpty()) {
        // Every candidate tried was taken too (the search is bounded): no suggestion.
        result.text = inUse
            ? tr("The nickname %1 is taken.").arg(nick)
            : tr("The nickname %1 is kept for someone who is reconnecting.").arg(nick);
    } else if (inUse) {
        result.text = tr("The nickname %1 is taken; %2 is free.").arg(nick, result.suggestion);
    } else {
        result.text = tr("The nickname %1 is kept for someone who is reconnecting; %2 is free.")
                          .arg(nick, result.suggestion);
    }
    return result;
}

bool ChatRoom::isTaken(const QString &nick, RoomMember *except) const
{
    const QString key = Validation::nickKey(nick);
    RoomMember *owner = m_byKey.value(key);
    return (owner && owner != except) ||
        (!owner && (isHeld(key) || m_engine->isRemoteNick(key) || m_claimedKeys.contains(key)));
}

bool ChatRoom::isHeld(const QString &key) const
{
    const auto hold = m_holds.constFind(key);
    return hold != m_holds.cend() && hold->until > m_clock();
}

void ChatRoom::expireHolds()
{
    // Holds end in the order they began (one grace period for all); a hold taken back by its
    // user or replaced by a newer one leaves a stale key here, skipped by the time check.
    const qint64 now = m_clock();
    while (!m_holdOrder.empty()) {
        const auto hold = m_holds.constFind(m_holdOrder.front());
        if (hold != m_holds.cend() && hold->until > now)
            break;
        if (hold != m_holds.cend())
            forgetHold(m_holds.find(m_holdOrder.front()));
        m_holdOrder.pop_front();
    }
    // Holds taken back by their users leave stale keys behind a hold that has not ended: a
    // client that drops and resumes in a loop must not grow this without bound. The last
    // entry of a key is the one its hold ends with.
    if (m_holdOrder.size() > 2 * size_t(m_holds.size()) + 64) {
        std::deque<QString> live;
        QSet<QString> seen;
        for (auto key = m_holdOrder.crbegin(); key != m_holdOrder.crend(); ++key) {
            if (m_holds.contains(*key) && !seen.contains(*key)) {
                seen.insert(*key);
                live.push_front(*key);
            }
        }
        m_holdOrder.swap(live);
    }
}

void ChatRoom::hold(RoomMember *member, const QString &nick, const Tokens &tokens)
{
    expireHolds();
    const QString key = Validation::nickKey(nick);
    const auto previous = m_holds.find(key);
    if (previous != m_holds.end())
        forgetHold(previous);
    const QHostAddress address = addressKey(member->peerAddress());
    if ((m_maxHoldsPerAddress > 0 && m_holdsPerAddress.value(address) >= m_maxHoldsPerAddress) ||
        (m_maxHolds > 0 && m_holds.size() >= m_maxHolds)) {
        qCInfo(lcServer).noquote()
            << tr("Not keeping the nickname %1 for a reconnect: too many nicknames are kept for "
                  "%2 or in all")
                   .arg(nick, member->address());
        return;
    }
    m_holds.insert(key, Hold {nick, tokens, m_clock() + m_graceMs, address});
    ++m_holdsPerAddress[address];
    m_holdOrder.push_back(key);
}

void ChatRoom::forgetHold(QHash<QString, Hold>::iterator hold)
{
    const auto count = m_holdsPerAddress.find(hold->address);
    if (count != m_holdsPerAddress.end() && --*count <= 0)
        m_holdsPerAddress.erase(count);
    m_holds.erase(hold);
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
    QStringList local;
    local.reserve(qsizetype(m_sorted.size()));
    for (const SortedNick &sorted : m_sorted)
        local.append(sorted.nick);
    const QStringList remote = m_engine->remoteNicks();
    if (remote.isEmpty())
        return local;
    std::set<QString, NickOrder> all(local.cbegin(), local.cend());
    all.insert(remote.cbegin(), remote.cend());
    return QStringList(all.cbegin(), all.cend());
}

ChatRoom::EncodedNicks ChatRoom::encodedNicks() const
{
    if (m_engine->remoteNicks().isEmpty())
        return EncodedNicks {m_sortedItems, qsizetype(m_sorted.size())};
    EncodedNicks encoded;
    const QStringList all = nicks();
    for (const QString &nick : all)
        MessageCodec::appendUser(&encoded.items, nick);
    encoded.count = all.size();
    return encoded;
}

qsizetype ChatRoom::sortedOffset(size_t index) const
{
    // From the nearer end: a sum of sizes, no strings touched.
    qsizetype offset = 0;
    if (index <= m_sorted.size() / 2) {
        for (size_t i = 0; i < index; ++i)
            offset += m_sorted[i].bytes;
        return offset;
    }
    offset = m_sortedItems.size();
    for (size_t i = index; i < m_sorted.size(); ++i)
        offset -= m_sorted[i].bytes;
    return offset;
}

std::vector<ChatRoom::SortedNick>::const_iterator ChatRoom::sortedPlace(const QString &nick) const
{
    return std::lower_bound(
        m_sorted.cbegin(), m_sorted.cend(), nick,
        [](const SortedNick &sorted, const QString &key) { return NickOrder()(sorted.nick, key); });
}

void ChatRoom::addSorted(const QString &nick)
{
    const auto at = sortedPlace(nick);
    if (at != m_sorted.cend() && at->nick == nick)
        return;
    QByteArray item;
    MessageCodec::appendUser(&item, nick);
    const size_t index = size_t(at - m_sorted.cbegin());
    m_sortedItems.insert(sortedOffset(index), item);
    m_sorted.insert(at, SortedNick {nick, item.size()});
}

void ChatRoom::removeSorted(const QString &nick)
{
    const auto at = sortedPlace(nick);
    if (at == m_sorted.cend() || at->nick != nick)
        return;
    const size_t index = size_t(at - m_sorted.cbegin());
    m_sortedItems.remove(sortedOffset(index), at->bytes);
    m_sorted.erase(at);
}

ChatRoom::NickResult ChatRoom::join(RoomMember *member, const QString &requested,
                                    const QString &resume)
{
    Q_ASSERT(!m_engine->claimsNicks());
    NickResult answer;
    join(member, requested, resume, [&answer](const NickResult &result) { answer = result; });
    return answer;
}

void ChatRoom::join(RoomMember *member, const QString &requested, const QString &resume,
                    NickAnswer done)
{
    // Composed form: "joão" typed with a combining tilde is the same name, and valid.
    const QString nick = requested.normalized(QString::NormalizationForm_C);
    if (contains(member)) {
        rename(member, nick, std::move(done));
        return;
    }
    expireHolds();
    const QString key = Validation::nickKey(nick);
    bool resumed = false;
    // How long the presented token stays good beside the new one. Presenting the older of two
    // tokens does not make it last longer: a replay cannot keep it alive.
    qint64 presentedUntil = m_clock() + m_tokenOverlapMs;
    if (!resume.isEmpty()) {
        RoomMember *owner = m_byKey.value(key);
        const auto hold = m_holds.constFind(key);
        const Tokens ownerTokens = owner ? m_tokens.value(owner) : Tokens {};
        if (owner && ownerTokens.matches(resume, m_clock())) {
            if (resume == ownerTokens.previous)
                presentedUntil = ownerTokens.previousUntil;
            // The old connection is still here (it has not noticed it is dead): it goes.
            qCInfo(lcServer).noquote()
                << tr("%1 came back from %2; closing its old connection from %3")
                       .arg(m_nicks.value(owner), member->address(), owner->address());
            leave(owner, tr("reconnected"));
            owner->displace();
            resumed = true;
        } else if (!owner && hold != m_holds.cend() && hold->tokens.matches(resume, m_clock()) &&
                   isHeld(key)) {
            if (resume == hold->tokens.previous)
                presentedUntil = hold->tokens.previousUntil;
            forgetHold(m_holds.find(key));
            resumed = true;
        }
    }
    NickResult result = checkNick(nick, nullptr);
    // A token for a user of another server: only Redis knows whether it is theirs.
    const bool remoteResume = !resume.isEmpty() && m_engine->claimsNicks() &&
        !m_byKey.contains(key) && !isHeld(key) && !m_claimedKeys.contains(key) &&
        m_engine->isRemoteNick(key) && Validation::checkNick(nick) == NickProblem::None;
    if (!result.ok() && !remoteResume) {
        done(result);
        return;
    }
    result = NickResult {};
    result.nick = nick;
    result.resume = newResumeToken();
    // The presented token stays good a short while (this welcome may be lost), or until the
    // new one is used.
    const Tokens tokens {result.resume, resumed ? resume : QString(), resumed ? presentedUntil : 0};
    if (!m_engine->claimsNicks()) {
        admit(member, result, tokens, resumed);
        done(result);
        return;
    }
    // Claimed in Redis first, atomically among the servers; the nickname is reserved here
    // meanwhile, and the member waits.
    RoomEngine::NickClaim claim;
    claim.nick = nick;
    claim.resume = resume;
    claim.token = tokens.current;
    claim.previousToken = tokens.previous;
    // Also for a token that opens a hold in Redis (a user of another server, or of a dead one).
    claim.previousUntil = presentedUntil;
    claim.now = m_clock();
    const quint64 id = ++m_nextClaim;
    m_claims.insert(member, id);
    m_claimedKeys.insert(key);
    m_engine->claimNick(
        claim,
        [this, member, id, key, result, tokens, resumed, resume, presentedUntil,
         done = std::move(done)](RoomEngine::Claim answer) mutable {
            m_claimedKeys.remove(key);
            if (m_claims.value(member) != id) {
                // Gone while Redis answered: what it got goes back.
                if (answer == RoomEngine::Claim::Granted || answer == RoomEngine::Claim::Resumed)
                    m_engine->releaseNick(result.nick);
                return;
            }
            m_claims.remove(member);
            if (answer == RoomEngine::Claim::Taken || answer == RoomEngine::Claim::Held) {
                done(refusal(result.nick, nullptr, answer == RoomEngine::Claim::Taken));
                return;
            }
            Tokens kept = tokens;
            const bool reopened = answer == RoomEngine::Claim::Resumed;
            if (reopened && !resumed)
                kept = Tokens {tokens.current, resume, presentedUntil};
            admit(member, result, kept, resumed || reopened);
            done(result);
        });
}

void ChatRoom::admit(RoomMember *member, const NickResult &result, const Tokens &tokens,
                     bool resumed)
{
    const QString &nick = result.nick;
    m_members.append(member);
    m_nicks.insert(member, nick);
    m_byKey.insert(Validation::nickKey(nick), member);
    addSorted(nick);
    m_tokens.insert(member, tokens);
    if (resumed) {
        qCInfo(lcServer).noquote()
            << tr("%1 (%2) resumed with its token").arg(nick, member->address());
    }
    qCInfo(lcTraffic).noquote()
        << tr("%1 joined from %2 (%n user(s) here)", nullptr, size()).arg(nick, member->address());
    announce(Message::joined(nick, m_clock()), member);
}

void ChatRoom::cancelClaims(RoomMember *member)
{
    m_claims.remove(member);
}

void ChatRoom::leave(RoomMember *member, const QString &reason, bool holdNick)
{
    if (!contains(member))
        return;
    // What it is due of the batched presence reaches it before it goes; the others get theirs
    // with the batch, its "left" included, so a disconnect storm is batched too.
    if (!m_presence.isEmpty()) {
        const qsizetype first = m_presenceFrom.take(member);
        if (first < m_presence.size())
            member->deliverAll(m_presence, first, m_presence.size());
    }
    const QString nick = m_nicks.take(member);
    const QString key = Validation::nickKey(nick);
    const Tokens tokens = m_tokens.take(member);
    m_byKey.remove(key);
    removeSorted(nick);
    m_members.removeOne(member);
    // Its queued messages are still stored and sent; only the ack has nobody to go to.
    for (Batch *batch : {&m_pending, &m_writing}) {
        for (Pending &pending : batch->entries) {
            if (pending.sender == member)
                pending.sender = nullptr;
        }
    }
    if (holdNick && m_graceMs > 0 && !tokens.current.isEmpty())
        hold(member, nick, tokens);
    qCInfo(lcTraffic).noquote() << tr("%1 left from %2 (%3; %n user(s) here)", nullptr, size())
                                       .arg(nick, member->address(), reason);
    announce(Message::left(nick, reason, m_clock()), nullptr, isHeld(key));
}

ChatRoom::NickResult ChatRoom::rename(RoomMember *member, const QString &requested)
{
    Q_ASSERT(!m_engine->claimsNicks());
    NickResult answer;
    rename(member, requested, [&answer](const NickResult &result) { answer = result; });
    return answer;
}

void ChatRoom::rename(RoomMember *member, const QString &requested, NickAnswer done)
{
    const QString nick = requested.normalized(QString::NormalizationForm_C);
    NickResult result = checkNick(nick, member);
    if (!result.ok() || !contains(member) || m_nicks.value(member) == nick) {
        done(result);
        return;
    }
    if (!m_engine->claimsNicks()) {
        renameNow(member, nick);
        done(result);
        return;
    }
    const Tokens tokens = m_tokens.value(member);
    RoomEngine::NickClaim claim;
    claim.nick = nick;
    claim.previousNick = m_nicks.value(member);
    claim.token = tokens.current;
    claim.previousToken = tokens.previous;
    claim.previousUntil = tokens.previousUntil;
    claim.now = m_clock();
    const QString key = Validation::nickKey(nick);
    const quint64 id = ++m_nextClaim;
    m_claims.insert(member, id);
    m_claimedKeys.insert(key);
    m_engine->claimNick(
        claim, [this, member, id, key, result, done = std::move(done)](RoomEngine::Claim answer) {
            m_claimedKeys.remove(key);
            if (m_claims.value(member) != id || !contains(member)) {
                if (answer == RoomEngine::Claim::Granted || answer == RoomEngine::Claim::Resumed)
                    m_engine->releaseNick(result.nick);
                return;
            }
            m_claims.remove(member);
            if (answer == RoomEngine::Claim::Taken || answer == RoomEngine::Claim::Held) {
                done(refusal(result.nick, member, answer == RoomEngine::Claim::Taken));
                return;
            }
            renameNow(member, result.nick);
            done(result);
        });
}

void ChatRoom::renameNow(RoomMember *member, const QString &nick)
{
    const QString old = m_nicks.value(member);
    expireHolds();
    m_byKey.remove(Validation::nickKey(old));
    m_byKey.insert(Validation::nickKey(nick), member);
    m_nicks.insert(member, nick);
    removeSorted(old);
    addSorted(nick);
    qCInfo(lcTraffic).noquote()
        << tr("%1 is now known as %2 (%3)").arg(old, nick, member->address());
    announce(Message::renamed(old, nick, m_clock()));
}

void ChatRoom::say(RoomMember *member, const QString &text, bool action, const QString &clientId,
                   const QString &to)
{
    if (!contains(member))
        return;
    flushPresence(); // an error told now comes after what happened before it
    if (!to.isEmpty() && !m_engine->supportsPrivateMessages()) {
        member->tell(Message::error(
            ErrorCode::Protocol,
            tr("This server cannot send private messages, so yours was not sent."), {}, clientId));
        return;
    }
    RoomMember *recipient = to.isEmpty() ? nullptr : find(to);
    // Here, or on another server sharing the room: the nickname as its owner has it.
    QString recipientNick;
    if (recipient)
        recipientNick = m_nicks.value(recipient);
    else if (!to.isEmpty())
        recipientNick = m_engine->remoteNick(Validation::nickKey(to));
    Pending pending;
    pending.sender = member;
    if (!clientId.isEmpty()) {
        // Sent again (after a reconnect, or twice in a row): acknowledged, never repeated.
        const auto queued = m_pending.clientIds.constFind(clientId);
        if (queued != m_pending.clientIds.cend()) {
            pending.repeatOf = *queued;
            queue(std::move(pending));
            return;
        }
        if (m_engine->isWriting() && m_writing.clientIds.contains(clientId)) {
            pending.repeatOfWriting = clientId;
            queue(std::move(pending));
            return;
        }
        if (std::optional<Message> ack = m_engine->ackFor(clientId)) {
            pending.storedAck = std::make_unique<Message>(std::move(*ack));
            queue(std::move(pending));
            return;
        }
    }
    // Checked after the repeats: a private message resent after its recipient left was
    // delivered the first time, and is acknowledged as it was.
    if (!to.isEmpty() && recipientNick.isEmpty()) {
        member->tell(Message::error(
            ErrorCode::NoSuchNick,
            tr("Nobody called %1 is here, so your private message was not sent.").arg(to), {},
            clientId));
        return;
    }
    if (!clientId.isEmpty())
        m_pending.clientIds.insert(clientId, int(m_pending.entries.size()));
    const QString nick = m_nicks.value(member);
    if (m_logChatText) {
        // QDebug would quote and escape the text; the host reads it as typed. One log line per
        // line of text, each with its sender, so that a line feed cannot forge a console line.
        QString who = nick + u'@' + member->address();
        if (!recipientNick.isEmpty())
            who += u" -> "_s + recipientNick;
        const QString prefix =
            action ? QString(u"* "_s + who + u' ') : QString(u'<' + who + u"> "_s);
        const QStringList lines = text.split(u'\n');
        for (const QString &line : lines)
            qCInfo(lcTraffic).noquote() << prefix + line;
    }
    // Made where the store will read it: the batch's list, which goes to the store as it is.
    Message &message = newMessage();
    message.type = MessageType::Chat;
    message.from = nick;
    message.text = text;
    message.action = action;
    message.time = m_clock();
    message.clientId = clientId;
    message.to = recipientNick;
    queue(std::move(pending));
}

void ChatRoom::notice(const QString &text)
{
    qCInfo(lcTraffic).noquote() << u"-host- "_s + text;
    newMessage() = Message::notice(text, m_clock());
    queue(Pending {});
}

Message &ChatRoom::newMessage()
{
    // The list goes to the store and then, shared, to the history cache: it is not reused.
    // It grows as messages come (Message is relocatable: by moving memory), never larger than
    // twice what it holds, so the cache keeps no room for a burst long gone.
    return m_pending.messages.emplaceBack();
}

void ChatRoom::queue(Pending &&pending)
{
    m_pending.entries.push_back(std::move(pending));
    // While a batch is being stored the queue waits for its answer, and grows meanwhile.
    if (m_commitPosted || m_engine->isWriting())
        return;
    m_commitPosted = true;
    // Queued, not direct: everything said in this event-loop turn goes into one batch.
    QMetaObject::invokeMethod(
        &m_commitContext, [this] { commit(); }, Qt::QueuedConnection);
}

void ChatRoom::commit()
{
    m_commitPosted = false;
    if (m_pending.entries.empty() || m_engine->isWriting())
        return;
    Batch batch = std::exchange(m_pending, {});
    m_pending.entries = std::exchange(m_spareEntries, {});
    // The messages go to the store, given away (the store numbers them in place: a list
    // shared with the room would be copied); the batch keeps who sent what, and the store's
    // answer carries the messages back, numbered.
    QList<Message> messages = std::move(batch.messages);
    if (messages.isEmpty()) {
        // Only repeats of what is stored: nothing to wait for.
        HistoryStore::Appended nothing;
        nothing.ok = true;
        answer(batch, nothing);
        recycle(std::move(batch.entries));
        return;
    }
    m_writing = std::move(batch);
    m_engine->append(std::move(messages),
                     [this](const HistoryStore::Appended &result) { onStored(result); });
}

void ChatRoom::onStored(const HistoryStore::Appended &result)
{
    Batch batch = std::exchange(m_writing, {});
    // What was said meanwhile goes to the store before this batch is sent: its fdatasync then
    // overlaps this batch's fan-out instead of waiting for it. Not a batch of repeats only:
    // that is answered at once, and must not overtake this one.
    const bool storeFirst = m_pending.hasMessagesToStore();
    if (storeFirst)
        commit();
    answer(batch, result);
    recycle(std::move(batch.entries));
    if (!storeFirst)
        commit();
}

void ChatRoom::recycle(std::vector<Pending> &&entries)
{
    // One burst does not keep its memory for good.
    if (entries.capacity() > MaxSpareEntries || entries.capacity() <= m_spareEntries.capacity())
        return;
    entries.clear();
    m_spareEntries = std::move(entries);
}

void ChatRoom::answer(const Batch &batch, const HistoryStore::Appended &result)
{
    flushPresence();
    const bool stored = result.ok;
    if (!stored) {
        qCWarning(lcServer).noquote()
            << tr("NOT STORED: %n message(s) could not be written to the history and were not "
                  "sent; their senders were told. %1",
                  nullptr, int(result.messages.size()))
                   .arg(result.error);
    }
    const auto notStored = [](const QString &clientId) {
        return Message::error(ErrorCode::NotStored,
                              tr("The server could not store your message, so nobody received "
                                 "it. Try again later."),
                              {}, clientId);
    };

    // Public chats and notices read the same to everyone: they go as one run, a buffer per
    // member per chunk instead of one per message. What goes to one member alone (an ack, an
    // error, a private message) keeps its place among them, so each member gets exactly what
    // it would get message by message.
    BroadcastRun run;
    if (stored)
        run.reserve(result.messages.size());
    // Stored messages are shared with the store's answer, never copied: the run's events
    // and the private messages are result.messages' own.
    std::vector<Broadcast> privates;
    std::vector<Message> told; // the rare replies that are not the ack of a stored message
    QHash<RoomMember *, std::vector<Personal>> personal;
    const auto tell = [&run, &personal, &told](RoomMember *member, Message message) {
        personal[member].push_back(
            Personal {run.size(), qsizetype(told.size()), Personal::Kind::Told});
        told.push_back(std::move(message));
    };

    qsizetype next = 0;
    std::vector<qsizetype> numbered(batch.entries.size(), -1);
    for (size_t i = 0; i < batch.entries.size(); ++i) {
        const Pending &pending = batch.entries[i];
        if (pending.storedAck) {
            if (pending.sender)
                tell(pending.sender, *pending.storedAck);
            continue;
        }
        if (!pending.repeatOfWriting.isEmpty()) {
            // Its original was in the batch before this one, answered by now.
            if (!pending.sender)
                continue;
            const std::optional<Message> ack = m_engine->ackFor(pending.repeatOfWriting);
            tell(pending.sender, ack ? *ack : notStored(pending.repeatOfWriting));
            continue;
        }
        if (pending.repeatOf >= 0) {
            if (!pending.sender)
                continue;
            const qsizetype original = numbered[size_t(pending.repeatOf)];
            if (stored) {
                personal[pending.sender].push_back(
                    Personal {run.size(), original, Personal::Kind::Ack});
            } else {
                tell(pending.sender, notStored(result.messages.at(original).clientId));
            }
            continue;
        }
        const qsizetype index = next++;
        numbered[i] = index;
        const Message &message = result.messages.at(index);
        if (!stored) {
            if (pending.sender)
                tell(pending.sender, notStored(message.clientId));
            continue;
        }
        if (pending.sender && !message.clientId.isEmpty())
            personal[pending.sender].push_back(Personal {run.size(), index, Personal::Kind::Ack});
        // A client-id the store had already: acknowledged as it was, not sent again. An
        // engine that feeds events sends this one through onFed(), after this ack.
        if (result.repeated.value(index) || m_engine->feedsEvents())
            continue;
        if (message.to.isEmpty()) {
            run.append(result.messages, index);
            continue;
        }
        // A private message: to its two people only (deliverStored()).
        const qsizetype privateIndex = qsizetype(privates.size());
        privates.emplace_back(result.messages, index);
        RoomMember *recipient = find(message.to);
        if (pending.sender) {
            personal[pending.sender].push_back(
                Personal {run.size(), privateIndex, Personal::Kind::Private});
        }
        if (recipient && recipient != pending.sender) {
            personal[recipient].push_back(
                Personal {run.size(), privateIndex, Personal::Kind::Private});
        }
    }
    const auto send = [&run, &privates, &told, &result](RoomMember *member,
                                                        const std::vector<Personal> *own) {
        qsizetype done = 0;
        if (own) {
            for (const Personal &item : *own) {
                if (item.at > done)
                    member->deliverAll(run, done, item.at);
                done = item.at;
                switch (item.kind) {
                case Personal::Kind::Ack: {
                    const Message &original = result.messages.at(item.index);
                    member->tell(Message::ack(original.clientId, original.seq, original.time));
                    break;
                }
                case Personal::Kind::Private:
                    member->deliver(privates[size_t(item.index)]);
                    break;
                case Personal::Kind::Told:
                    member->tell(told[size_t(item.index)]);
                    break;
                }
            }
        }
        if (done < run.size())
            member->deliverAll(run, done, run.size());
    };
    // Members never leave during delivery (see RoomMember::deliver), so the list is stable.
    for (RoomMember *member : std::as_const(m_members)) {
        const auto own = personal.isEmpty() ? personal.cend() : personal.constFind(member);
        send(member, own == personal.cend() ? nullptr : &own.value());
        // All of the batch it is due: it need not wait for the others' share, nor for the
        // rest of the turn (the next reads) as a turn's output otherwise does.
        member->flush();
    }
    for (const Waiter &waiter : batch.waiters) {
        if (waiter.context)
            waiter.done();
    }
}

bool ChatRoom::Batch::hasMessagesToStore() const
{
    return !messages.isEmpty();
}

bool ChatRoom::Batch::hasSaysFrom(const RoomMember *member) const
{
    if (!member)
        return !entries.empty();
    return std::any_of(entries.cbegin(), entries.cend(),
                       [member](const Pending &pending) { return pending.sender == member; });
}

void ChatRoom::afterStored(RoomMember *member, QObject *context, std::function<void()> done)
{
    // Batches are answered in order: waiting for the newest that holds such a message is
    // waiting for all of them.
    if (m_pending.hasSaysFrom(member))
        m_pending.waiters.push_back(Waiter {context, std::move(done)});
    else if (m_engine->isWriting() && m_writing.hasSaysFrom(member))
        m_writing.waiters.push_back(Waiter {context, std::move(done)});
    else
        done();
}

void ChatRoom::announce(const Message &event, RoomMember *except, bool holdNick)
{
    if (m_engine->sharesPresence()) {
        m_engine->announce(event, holdNick);
        return;
    }
    if (!m_batchPresence) {
        deliverToAll(Broadcast(event), except);
        return;
    }
    m_presence.append(event);
    // Only a joiner is left out, and it knows what came before from its welcome.
    if (except)
        m_presenceFrom.insert(except, m_presence.size());
    if (m_presencePosted)
        return;
    m_presencePosted = true;
    // A batch costs a write to every member: in a big room it waits a little longer than the
    // turn, so that a join burst costs a few rounds of writes a second, not one per turn.
    // Anything else sent to a member sends the batch first (settlePresence()).
    const int delayMs = std::min(int(m_members.size()) / PresenceMembersPerMs, MaxPresenceDelayMs);
    if (delayMs <= 0) {
        QMetaObject::invokeMethod(
            &m_commitContext, [this] { flushPresence(); }, Qt::QueuedConnection);
    } else {
        QTimer::singleShot(delayMs, &m_commitContext, [this] { flushPresence(); });
    }
}

void ChatRoom::flushPresence()
{
    m_presencePosted = false;
    if (m_presence.isEmpty())
        return;
    const BroadcastRun run = std::exchange(m_presence, {});
    const QHash<RoomMember *, qsizetype> from = std::exchange(m_presenceFrom, {});
    // Members never leave during delivery (see RoomMember::deliver), so the list is stable.
    for (RoomMember *member : std::as_const(m_members)) {
        const qsizetype first = from.isEmpty() ? 0 : from.value(member, 0);
        if (first < run.size())
            member->deliverAll(run, first, run.size());
    }
}

void ChatRoom::settlePresence(RoomMember *member)
{
    if (m_presence.isEmpty())
        return;
    const auto from = m_presenceFrom.constFind(member);
    if (from != m_presenceFrom.cend() ? *from < m_presence.size() : contains(member))
        flushPresence();
}

void ChatRoom::onFed(const Message &event, bool ours)
{
    if (!event.to.isEmpty()) {
        // A private message: to its sender and its recipient, if either of them is here.
        deliverStored(Broadcast(event), find(event.from));
        return;
    }
    if (!ours && event.type == MessageType::Joined) {
        // Resumed on another server (or taken there after its hold ended): not held here.
        const auto hold = m_holds.find(Validation::nickKey(event.nick));
        if (hold != m_holds.end())
            forgetHold(hold);
    }
    // A member who joined here knows it from its welcome, as with announce(); a member is
    // not told of its own leave (it resumed here while another server let it go).
    RoomMember *except =
        (ours && event.type == MessageType::Joined) || event.type == MessageType::Left
        ? m_byKey.value(Validation::nickKey(event.nick))
        : nullptr;
    deliverToAll(Broadcast(event), except);
}

void ChatRoom::deliverStored(const Broadcast &broadcast, RoomMember *sender)
{
    flushPresence();
    const QString &to = broadcast.event().to;
    if (to.isEmpty()) {
        deliverToAll(broadcast);
        return;
    }
    // The recipient by its nickname now; a sender who left meanwhile (null here) sees it in
    // the history when it is back, and nobody who took its nickname since gets it live.
    RoomMember *recipient = find(to);
    if (sender)
        sender->deliver(broadcast);
    if (recipient && recipient != sender)
        recipient->deliver(broadcast);
}

void ChatRoom::deliverToAll(const Broadcast &broadcast, RoomMember *except)
{
    flushPresence();
    // Members never leave during delivery (see RoomMember::deliver), so the list is stable.
    for (RoomMember *member : std::as_const(m_members)) {
        if (member != except)
            member->deliver(broadcast);
    }
}

} // namespace Tagarela
