// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisroomengine.h"

#include <algorithm>
#include <memory>
#include <utility>

#include <QCryptographicHash>
#include <QDateTime>
#include <QEventLoop>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include "historydatabase.h"
#include "messagelog.h"
#include "redisconnection.h"
#include "redisroomtail.h"
#include "serverconfig.h"
#include "serverlogging.h"
#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// Stream entries kept at least, whatever --history-limit says: every server's tail must be
// able to read what it has not delivered yet, and presence events take entries too.
constexpr int MinStreamLength = 10'000;

// How long a claim to announce a dead server's users left lasts: longer than it takes.
constexpr int CleanupClaimMs = 60'000;

// How often a nickname claim that waits for another server to let the user go is tried.
constexpr int ClaimRetryMs = 200;
// How long, and how often, a claim refused for a nickname this server has seen leave (its
// release follows the leave) is tried again.
constexpr int ReleaseWaitMs = 2000;
constexpr int ReleaseRecheckMs = 50;

// A resume token as Redis keeps it: its SHA-256, never the token itself.
QByteArray tokenHash(const QString &token)
{
    if (token.isEmpty())
        return "-";
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QByteArray nickKeyOf(const QString &nick)
{
    return Validation::nickKey(nick).toUtf8();
}

// An id for this server process among those sharing the room: random, so that a restarted
// server is not taken for the one before it.
QString newOrigin()
{
    return QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, u'0');
}

RedisConnection::Options connectionOptions(const ServerConfig &config, const QByteArray &name)
{
    RedisConnection::Options options;
    QString error;
    // ServerOptions checked the address; a test's config may still be wrong: open() says so.
    options.address = RedisAddress::parse(config.redisUrl, &error).value_or(RedisAddress {});
    options.password = config.redisPassword;
    options.clientName = name;
    options.commandTimeoutMs = config.redisCommandTimeoutMs;
    return options;
}

} // namespace

RedisRoomEngine::RedisRoomEngine(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_url(config.redisUrl)
    , m_origin(newOrigin())
    , m_openTimeoutMs(config.redisOpenTimeoutMs)
    , m_historyLimit(config.noHistory ? 0 : config.historyLimit)
    , m_logConnection(std::make_unique<RedisConnection>(
          connectionOptions(config, "tagarela-server-" + m_origin.toLatin1())))
    , m_tailConnection(std::make_unique<RedisConnection>(
          connectionOptions(config, "tagarela-tail-" + m_origin.toLatin1())))
    , m_keys(RedisRoomKeys::forRoom(config.redisPrefix, config.redisRoom))
    , m_release(u":/redis/release.lua"_s)
    , m_claim(u":/redis/claim.lua"_s)
    , m_graceMs(config.resumeGraceMs)
    , m_leaseMs(std::max(300, config.redisLeaseMs))
{
    m_leaseTimer.setInterval(m_leaseMs / 3);
    connect(&m_leaseTimer, &QTimer::timeout, this, [this] {
        renewLease();
        sweep();
    });
    RedisRoomLog::Options logOptions;
    logOptions.prefix = config.redisPrefix;
    logOptions.room = config.redisRoom;
    logOptions.origin = m_origin;
    logOptions.historyLimit = std::max(config.historyLimit, MinStreamLength);
    logOptions.clientIdLimit = MessageLog::RememberedClientIds;
    m_log = std::make_unique<RedisRoomLog>(m_logConnection.get(), logOptions);

    RedisRoomTail::Options tailOptions;
    tailOptions.prefix = config.redisPrefix;
    tailOptions.room = config.redisRoom;
    tailOptions.blockMs = config.redisBlockMs;
    m_tail = std::make_unique<RedisRoomTail>(m_tailConnection.get(), tailOptions);
    connect(m_tail.get(), &RedisRoomTail::events, this, &RedisRoomEngine::onTail);
    connect(m_tail.get(), &RedisRoomTail::historyChanged, this, [this](const QString &id) {
        m_historyId = id;
        qCCritical(lcServer).noquote()
            << tr("Redis lost the room: a new history begins (%1). Messages stored before are "
                  "gone.")
                   .arg(id);
    });

    connect(m_logConnection.get(), &RedisConnection::disconnected, this,
            [this](const QString &reason) {
                qCWarning(lcServer).noquote()
                    << tr("Lost the connection to Redis at %1 (%2): messages are not stored "
                          "and their senders are told so until it is back")
                           .arg(m_url, reason);
            });
    connect(m_logConnection.get(), &RedisConnection::connectFailed, this,
            [this](const QString &reason) {
                qCWarning(lcServer).noquote()
                    << tr("Cannot reach Redis at %1 (%2); trying again").arg(m_url, reason);
            });
    connect(m_logConnection.get(), &RedisConnection::connected, this, [this] {
        if (m_open)
            qCInfo(lcServer).noquote() << tr("Connected to Redis at %1 again").arg(m_url);
    });
}

RedisRoomEngine::~RedisRoomEngine() = default;

bool RedisRoomEngine::open()
{
    if (m_open)
        return true;
    QString error;
    if (!RedisAddress::parse(m_url, &error)) {
        m_error = tr("--redis: %1").arg(error);
        return false;
    }
    for (const RedisScript *script : {&m_release, &m_claim}) {
        if (!script->isValid()) {
            m_error = script->errorString();
            return false;
        }
    }
    if (!m_log->isValid()) {
        m_error = m_log->errorString();
        return false;
    }
    // At start-up, before anyone is served, like the SQLite store's open(): nothing else can
    // be waiting on this loop yet.
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(m_log.get(), &RedisRoomLog::ready, &loop, &QEventLoop::quit);
    // The tail's socket first: when both answers are ready at once, the loop then tends to
    // hand over the tail's read before the append's answer, the order onTail() must handle
    // (tst_redisroom sees it happen).
    m_tailConnection->open();
    m_logConnection->open();
    if (!m_log->isReady()) {
        deadline.start(m_openTimeoutMs);
        loop.exec();
    }
    if (!m_log->isReady()) {
        m_error = tr("Redis at %1 did not answer within %n second(s)", nullptr,
                     std::max(1, m_openTimeoutMs / 1000))
                      .arg(m_url);
        m_logConnection->close();
        m_tailConnection->close();
        return false;
    }
    m_historyId = m_log->historyId();
    m_lastSeq = m_log->lastSeq();
    // Alive before anyone joins here; then who is on the other servers.
    renewLease();
    bool membersRead = false;
    m_logConnection->command({"HGETALL", m_keys.members}, &loop, [&](const RedisReply &reply) {
        takeMembers(reply);
        membersRead = true;
        loop.quit();
    });
    if (!membersRead) {
        deadline.start(m_openTimeoutMs);
        loop.exec();
    }
    // The bans made on any server, before this one lets anybody in.
    bool bansRead = false;
    m_logConnection->command({"SMEMBERS", m_keys.bans}, &loop, [&](const RedisReply &reply) {
        for (const RedisReply &entry : reply.elements)
            m_sharedBans.append(QString::fromUtf8(entry.text));
        bansRead = true;
        loop.quit();
    });
    if (!bansRead) {
        deadline.start(m_openTimeoutMs);
        loop.exec();
    }
    m_tail->start(m_historyId, m_lastSeq);
    m_leaseTimer.start();

    RedisRoomLog::DurabilityReport report;
    bool reported = false;
    m_log->checkDurability(&loop, [&](const RedisRoomLog::DurabilityReport &answer) {
        report = answer;
        reported = true;
        loop.quit();
    });
    if (!reported) {
        deadline.start(m_openTimeoutMs);
        loop.exec();
    }
    switch (report.durability) {
    case RedisRoomLog::Durability::Always:
        qCInfo(lcServer).noquote()
            << tr("Redis writes every message to disk before it is acknowledged "
                  "(appendonly yes, appendfsync always)");
        break;
    case RedisRoomLog::Durability::Weaker:
        qCCritical(lcServer).noquote()
            << tr("WARNING: Redis at %1 runs with appendonly %2 and appendfsync %3: if Redis or "
                  "its machine crashes, messages that were acknowledged can be LOST. Set "
                  "\"appendonly yes\" and \"appendfsync always\" in redis.conf.")
                   .arg(m_url, report.appendonly, report.appendfsync);
        break;
    case RedisRoomLog::Durability::Unknown:
        qCCritical(lcServer).noquote()
            << tr("WARNING: the durability of Redis at %1 is UNKNOWN (CONFIG GET was refused: "
                  "%2): acknowledged messages may be lost in a crash unless Redis runs with "
                  "\"appendonly yes\" and \"appendfsync always\".")
                   .arg(m_url, report.error.isEmpty() ? tr("no answer") : report.error);
        break;
    }
    m_open = true;
    return true;
}

bool RedisRoomEngine::isConnected() const
{
    return m_logConnection->isConnected() && m_log->isReady();
}

void RedisRoomEngine::append(QList<Message> messages, Stored done)
{
    Q_ASSERT(!m_writing);
    ++m_commits;
    m_writing = true;
    m_log->append(messages, this,
                  [this, messages, done = std::move(done)](const RedisRoomLog::AppendResult &r) {
                      onAppended(messages, r, done);
                  });
}

void RedisRoomEngine::onAppended(const QList<Message> &batch,
                                 const RedisRoomLog::AppendResult &result, const Stored &done)
{
    HistoryStore::Appended appended;
    appended.ok = result.ok && result.events.size() == batch.size();
    appended.error = result.ok
        ? tr("Redis answered for %1 of %2 messages").arg(result.events.size()).arg(batch.size())
        : tr("Redis at %1: %2").arg(m_url, result.error);
    appended.messages = batch;
    appended.repeated.fill(false, batch.size());
    if (appended.ok) {
        appended.error.clear();
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const RedisRoomLog::Stored &stored = result.events.at(i);
            Message &message = appended.messages[i];
            message.seq = stored.seq;
            message.time = stored.time;
            appended.repeated[i] = stored.duplicate;
            if (!message.clientId.isEmpty())
                rememberClientId(message.clientId, stored.seq, stored.time);
            m_answeredSeq = std::max(m_answeredSeq, stored.seq);
        }
    }
    m_writing = false;
    // The acks first; then what the tail brought meanwhile, this batch's chats among it.
    if (done)
        done(appended);
    feedHeld();
}

void RedisRoomEngine::onTail(const QList<RoomEvent> &events)
{
    for (const RoomEvent &event : events) {
        m_log->observe(event.historyId, event.message.seq);
        const bool ours = event.origin == m_origin;
        if (!m_held.empty() || (m_writing && ours && event.message.seq > m_answeredSeq))
            m_held.emplace_back(event.message, ours);
        else
            feed(event.message, ours);
    }
}

void RedisRoomEngine::feedHeld()
{
    while (!m_held.empty()) {
        const auto [event, ours] = std::move(m_held.front());
        m_held.pop_front();
        feed(event, ours);
    }
}

void RedisRoomEngine::feed(const Message &event, bool ours)
{
    m_lastSeq = std::max(m_lastSeq, event.seq);
    switch (event.type) {
    case MessageType::Joined:
    case MessageType::Left:
    case MessageType::Renamed:
        track(event, ours);
        [[fallthrough]];
    case MessageType::Chat:
    case MessageType::Notice:
        if (m_feed)
            m_feed(event, ours);
        break;
    case MessageType::Unknown:
        if (m_commands &&
            (event.typeName == "kick"_L1 || event.typeName == "ban"_L1 ||
             event.typeName == "unban"_L1)) {
            m_commands(event, ours);
        }
        break; // anything else is from a newer server: not for this one
    default:
        break;
    }
}

void RedisRoomEngine::sendCommand(const Message &command)
{
    m_log->append({command}, this, [this](const RedisRoomLog::AppendResult &result) {
        if (!result.ok) {
            qCWarning(lcServer).noquote()
                << tr("Could not hand the command to the other servers: %1").arg(result.error);
        }
    });
    // Kept for servers that start later.
    const auto ignore = [](const RedisReply &) {
    };
    if (command.typeName == "ban"_L1)
        m_logConnection->command({"SADD", m_keys.bans, command.text.toUtf8()}, this, ignore);
    else if (command.typeName == "unban"_L1)
        m_logConnection->command({"SREM", m_keys.bans, command.text.toUtf8()}, this, ignore);
}

void RedisRoomEngine::track(const Message &event, bool ours)
{
    switch (event.type) {
    case MessageType::Joined:
        if (!ours)
            m_remote.insert(Validation::nickKey(event.nick), event.nick);
        break;
    case MessageType::Left:
        // Also a user of a dead server, announced by this one.
        m_remote.remove(Validation::nickKey(event.nick));
        break;
    case MessageType::Renamed:
        if (m_remote.remove(Validation::nickKey(event.from)) > 0)
            m_remote.insert(Validation::nickKey(event.nick), event.nick);
        break;
    default:
        break;
    }
}

void RedisRoomEngine::takeMembers(const RedisReply &reply)
{
    if (reply.type != RedisReply::Type::Array) {
        qCWarning(lcServer).noquote()
            << tr("Could not read who is on the other servers from Redis at %1: %2")
                   .arg(m_url, QString::fromUtf8(reply.text));
        return;
    }
    for (qsizetype i = 0; i + 1 < reply.elements.size(); i += 2) {
        const QByteArray &value = reply.elements.at(i + 1).text;
        const qsizetype space = value.indexOf(' ');
        if (space <= 0 || QString::fromUtf8(value.left(space)) == m_origin)
            continue;
        const QString nick = QString::fromUtf8(value.mid(space + 1));
        m_remote.insert(Validation::nickKey(nick), nick);
    }
}

void RedisRoomEngine::announce(const Message &event, bool holdNick)
{
    // A leave is in the stream before the members hash lets the nickname go (and holds it):
    // whoever takes it next, here or on another server, is announced after it. Joins and
    // renames were stored in the members hash by their claim.
    const bool left = event.type == MessageType::Left;
    const QByteArray key = nickKeyOf(event.nick);
    if (left)
        ++m_leaving[key];
    sending();
    m_log->append({event}, this,
                  [this, event, key, left, holdNick](const RedisRoomLog::AppendResult &result) {
                      if (left) {
                          release({key, m_origin.toUtf8() + ' ' + event.nick.toUtf8()},
                                  holdNick ? m_graceMs : 0, [](const QList<QByteArray> &) {});
                          // A claim of it here waited: it goes after the release.
                          if (--m_leaving[key] <= 0) {
                              m_leaving.remove(key);
                              const auto waiting = m_claimsWaiting.take(key);
                              for (const std::function<void()> &claim : waiting)
                                  claim();
                          }
                      }
                      sent();
                      if (!result.ok) {
                          qCWarning(lcServer).noquote()
                              << tr("Could not tell the other servers of a join, leave or "
                                    "rename: %1")
                                     .arg(result.error);
                          return;
                      }
                      for (const RedisRoomLog::Stored &stored : result.events)
                          m_answeredSeq = std::max(m_answeredSeq, stored.seq);
                  });
}

void RedisRoomEngine::release(const QList<QByteArray> &pairs, int holdMs,
                              std::function<void(const QList<QByteArray> &released)> done)
{
    QList<QByteArray> keys {m_keys.members, m_keys.tokens};
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
        keys.append(m_keys.holdPrefix + pairs.at(i));
    sending();
    m_release.run(m_logConnection.get(), keys,
                  QList<QByteArray> {QByteArray::number(holdMs)} + pairs, this,
                  [this, done = std::move(done)](const RedisReply &reply) {
                      sent();
                      QList<QByteArray> released;
                      for (const RedisReply &key : reply.elements)
                          released.append(key.text);
                      done(released);
                  });
}

void RedisRoomEngine::claimNick(const NickClaim &claim, Claimed done)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    runClaim(claim, now + 2 * qint64(m_leaseMs), now + ReleaseWaitMs, std::move(done));
}

void RedisRoomEngine::runClaim(const NickClaim &claim, qint64 giveUpAt, qint64 releaseBy,
                               Claimed done)
{
    const QByteArray key = nickKeyOf(claim.nick);
    if (m_leaving.contains(key)) {
        // A member here left with it and its release is not sent yet: the claim goes after
        // it, or the release would take back what the claim got.
        m_claimsWaiting[key].push_back(
            [this, claim, giveUpAt, releaseBy, done = std::move(done)]() mutable {
                runClaim(claim, giveUpAt, releaseBy, std::move(done));
            });
        return;
    }
    const QByteArray mine = m_origin.toUtf8() + ' ';
    const QList<QByteArray> args {
        key,
        mine + claim.nick.toUtf8(),
        tokenHash(claim.token),
        claim.resume.isEmpty() ? QByteArray() : tokenHash(claim.resume),
        QByteArray::number(claim.now),
        m_origin.toUtf8(),
        m_keys.leasePrefix,
        claim.previousNick.isEmpty() ? QByteArray() : nickKeyOf(claim.previousNick),
        claim.previousNick.isEmpty() ? QByteArray() : mine + claim.previousNick.toUtf8(),
        tokenHash(claim.previousToken),
        QByteArray::number(claim.previousUntil),
    };
    m_claim.run(
        m_logConnection.get(), {m_keys.members, m_keys.tokens, m_keys.holdPrefix + key}, args, this,
        [this, claim, key, giveUpAt, releaseBy,
         done = std::move(done)](const RedisReply &reply) mutable {
            if (reply.type != RedisReply::Type::Array || reply.elements.size() < 2) {
                qCWarning(lcServer).noquote()
                    << tr("Could not claim the nickname %1 in Redis at %2 (%3): it is taken on "
                          "this server only")
                           .arg(claim.nick, m_url, QString::fromUtf8(reply.text));
                done(Claim::Unreachable);
                return;
            }
            const QByteArray answer = reply.elements.at(0).text;
            if (answer == "granted" || answer == "resumed") {
                // Nobody else has it now, whatever the feed has not told yet.
                m_remote.remove(QString::fromUtf8(nickKeyOf(claim.nick)));
                done(answer == "granted" ? Claim::Granted : Claim::Resumed);
            } else if (answer == "held") {
                done(Claim::Held);
            } else if (answer == "wait" && QDateTime::currentMSecsSinceEpoch() < giveUpAt) {
                // The user's token, but its server still has it: it lets it go when it notices
                // the drop, or a sweep does when its lease has run out.
                if (reply.elements.at(1).text == "0")
                    sweep();
                QTimer::singleShot(
                    ClaimRetryMs, this,
                    [this, claim, giveUpAt, releaseBy, done = std::move(done)]() mutable {
                        runClaim(claim, giveUpAt, releaseBy, std::move(done));
                    });
            } else if (answer == "taken" && !m_remote.contains(QString::fromUtf8(key)) &&
                       QDateTime::currentMSecsSinceEpoch() < releaseBy) {
                // This server has seen its user leave, and the release follows the leave: or
                // another server's claim won an instant ago, and its join is on its way here.
                QTimer::singleShot(
                    ReleaseRecheckMs, this,
                    [this, claim, giveUpAt, releaseBy, done = std::move(done)]() mutable {
                        runClaim(claim, giveUpAt, releaseBy, std::move(done));
                    });
            } else {
                done(Claim::Taken);
            }
        });
}

void RedisRoomEngine::releaseNick(const QString &nick)
{
    release({nickKeyOf(nick), m_origin.toUtf8() + ' ' + nick.toUtf8()}, 0,
            [](const QList<QByteArray> &) {});
}

void RedisRoomEngine::sending()
{
    ++m_presenceSending;
}

void RedisRoomEngine::sent()
{
    if (--m_presenceSending > 0)
        return;
    m_presenceSending = 0;
    const std::vector<std::function<void()>> waiting = std::exchange(m_flushed, {});
    for (const std::function<void()> &done : waiting)
        done();
}

void RedisRoomEngine::flush(int timeoutMs, QObject *context, std::function<void()> done)
{
    if (m_presenceSending <= 0 || !m_logConnection->isConnected()) {
        done();
        return;
    }
    // Called once, whichever comes first: the answers, or the time limit.
    auto once = std::make_shared<std::function<void()>>(std::move(done));
    const QPointer<QObject> guard(context);
    const auto call = [once, guard] {
        if (*once && guard) {
            const std::function<void()> callback = std::exchange(*once, {});
            callback();
        }
    };
    m_flushed.push_back(call);
    QTimer::singleShot(timeoutMs, context, call);
}

void RedisRoomEngine::renewLease()
{
    m_logConnection->command({"SET", m_keys.leasePrefix + m_origin.toUtf8(), m_origin.toUtf8(),
                              "PX", QByteArray::number(m_leaseMs)},
                             this, [](const RedisReply &) {});
}

void RedisRoomEngine::sweep()
{
    if (!m_logConnection->isConnected())
        return;
    m_logConnection->command({"HGETALL", m_keys.members}, this, [this](const RedisReply &reply) {
        if (reply.type != RedisReply::Type::Array)
            return;
        QHash<QString, QList<std::pair<QByteArray, QByteArray>>> byOrigin;
        for (qsizetype i = 0; i + 1 < reply.elements.size(); i += 2) {
            const QByteArray &value = reply.elements.at(i + 1).text;
            const qsizetype space = value.indexOf(' ');
            const QString origin = QString::fromUtf8(value.left(space));
            if (space > 0 && origin != m_origin)
                byOrigin[origin].append({reply.elements.at(i).text, value});
        }
        for (auto users = byOrigin.cbegin(); users != byOrigin.cend(); ++users) {
            const QString origin = users.key();
            const QList<std::pair<QByteArray, QByteArray>> list = users.value();
            m_logConnection->command(
                {"EXISTS", m_keys.leasePrefix + origin.toUtf8()}, this,
                [this, origin, list](const RedisReply &alive) {
                    if (alive.type != RedisReply::Type::Integer || alive.integer != 0)
                        return;
                    // Whoever sets this first announces them; the others leave it alone.
                    m_logConnection->command(
                        {"SET", m_keys.cleanupPrefix + origin.toUtf8(), m_origin.toUtf8(), "NX",
                         "PX", QByteArray::number(CleanupClaimMs)},
                        this, [this, origin, list](const RedisReply &claim) {
                            if (claim.type == RedisReply::Type::Status && claim.text == "OK")
                                cleanUp(origin, list);
                        });
                });
        }
    });
}

void RedisRoomEngine::cleanUp(const QString &origin,
                              const QList<std::pair<QByteArray, QByteArray>> &users)
{
    qCWarning(lcServer).noquote()
        << tr("The server %1 sharing the room stopped answering: announcing its %n user(s) left",
              nullptr, int(users.size()))
               .arg(origin);
    QList<Message> lefts;
    QList<QByteArray> pairs;
    for (const auto &[key, value] : users) {
        const QString nick = QString::fromUtf8(value.mid(value.indexOf(' ') + 1));
        lefts.append(Message::left(nick, tr("the server was lost"), 0));
        pairs << key << value;
    }
    // Their leaves first, then their nicknames held for their tokens (as announce() does):
    // nobody can take one, nor resume with it, before its leave is in the stream. A dead
    // server changes nothing meanwhile, and only its users' tokens open what it holds.
    sending();
    m_log->append(lefts, this, [this, pairs](const RedisRoomLog::AppendResult &) {
        release(pairs, m_graceMs, [](const QList<QByteArray> &) {});
        sent();
    });
}

void RedisRoomEngine::rememberClientId(const QString &clientId, quint64 seq, qint64 time)
{
    if (m_clientIds.contains(clientId))
        return;
    m_clientIds.insert(clientId, Acked {seq, time});
    m_clientIdOrder.push_back(clientId);
    if (m_clientIdOrder.size() > size_t(MessageLog::RememberedClientIds)) {
        m_clientIds.remove(m_clientIdOrder.front());
        m_clientIdOrder.pop_front();
    }
}

std::optional<Message> RedisRoomEngine::ackFor(const QString &clientId) const
{
    // Only this server's own answers: a client-id stored through another server is
    // recognised by the append script, which answers with its original number.
    const auto found = m_clientIds.constFind(clientId);
    if (found == m_clientIds.cend())
        return std::nullopt;
    return Message::ack(clientId, found->seq, found->time);
}

void RedisRoomEngine::page(quint64 after, quint64 before, int max, QObject *context, PageReady done)
{
    // Only what the room has been fed: the rest reaches the asker live. Within the history
    // limit: the stream keeps more, for the tails.
    before = std::min(before, m_lastSeq + 1);
    if (m_lastSeq > quint64(m_historyLimit))
        after = std::max(after, m_lastSeq - quint64(m_historyLimit));
    if (max <= 0 || before <= after + 1) {
        done(HistoryPage {});
        return;
    }
    m_log->range(after, before, max, context, [this, done](const RedisRoomLog::Page &answer) {
        if (!answer.ok) {
            qCWarning(lcServer).noquote()
                << tr("Could not read the history from Redis at %1: %2").arg(m_url, answer.error);
        }
        done(HistoryPage {answer.messages, answer.more});
    });
}

void RedisRoomEngine::search(const QString &query, quint64 before, int max, const QString &viewer,
                             QObject *context, PageReady done)
{
    // Like page(): what the room has been fed, within the history limit.
    before = std::min(before, m_lastSeq + 1);
    const quint64 after =
        m_lastSeq > quint64(m_historyLimit) ? m_lastSeq - quint64(m_historyLimit) : 0;
    if (max <= 0 || before <= after + 1) {
        QTimer::singleShot(0, context, [done = std::move(done)] { done(HistoryPage()); });
        return;
    }
    const auto accept = [query, viewer](const Message &message) {
        return message.text.contains(query, Qt::CaseInsensitive) &&
            HistoryDatabase::isVisibleTo(message, viewer);
    };
    m_log->scan(after, before, max, SearchScanLimit, accept, context,
                [this, done = std::move(done)](const RedisRoomLog::Page &answer) {
                    if (!answer.ok) {
                        qCWarning(lcServer).noquote()
                            << tr("Could not read the history from Redis at %1: %2")
                                   .arg(m_url, answer.error);
                    }
                    // Nothing found within the scan's bound: a client pages on from its oldest
                    // hit, so with none it could only ask for the same again.
                    done(HistoryPage {answer.messages, answer.more && !answer.messages.isEmpty(),
                                      answer.examined});
                });
}

} // namespace Tagarela
