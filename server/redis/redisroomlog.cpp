// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisroomlog.h"

#include <algorithm>
#include <memory>

#include <QRandomGenerator>

#include "redislogging.h"

using namespace Qt::StringLiterals;

namespace Tagarela {

namespace {

// A new history's id: 32 hex digits, like the SQLite store's.
QByteArray newHistoryId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

QString describe(const RedisReply &reply)
{
    return QString::fromUtf8(reply.text);
}

// How many stream entries one page read may look at: it skips presence events.
constexpr int PageScanExtra = 10'000;

// Entries one XREVRANGE of a scan reads at most: a short reply, so other commands on the
// connection do not wait long behind it.
constexpr int ScanPage = 500;

} // namespace

RedisRoomLog::RedisRoomLog(RedisConnection *connection, const Options &options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_options(options)
    , m_keys(RedisRoomKeys::forRoom(options.prefix, options.room))
    , m_append(u":/redis/append.lua"_s)
    , m_range(u":/redis/range.lua"_s)
    , m_find(u":/redis/find.lua"_s)
{
    m_options.historyLimit = std::max(1, m_options.historyLimit);
    m_options.clientIdLimit = std::max(1, m_options.clientIdLimit);
    m_options.maxEventsPerCall = std::max(1, m_options.maxEventsPerCall);
    connect(m_connection, &RedisConnection::connected, this, &RedisRoomLog::connectionUp);
    connect(m_connection, &RedisConnection::disconnected, this, &RedisRoomLog::connectionDown);
    if (m_connection->isConnected())
        connectionUp();
}

bool RedisRoomLog::isValid() const
{
    return m_append.isValid() && m_range.isValid() && m_find.isValid();
}

QString RedisRoomLog::errorString() const
{
    for (const RedisScript *script : {&m_append, &m_range, &m_find}) {
        if (!script->isValid())
            return script->errorString();
    }
    return {};
}

void RedisRoomLog::connectionUp()
{
    m_ready = false;
    for (const RedisScript *script : {&m_append, &m_range, &m_find}) {
        const QString name = script->name();
        script->load(m_connection, this, [name](const RedisReply &reply) {
            if (reply.failed())
                qCCritical(lcRedis) << "Redis refused the script" << name << ":" << reply.text;
        });
    }
    Waiting open;
    open.context = this;
    open.open = true;
    m_waiting.push_front(open);
    sendNext();
}

void RedisRoomLog::connectionDown()
{
    m_ready = false;
    // The call in flight fails by itself (its reply is NoReply); these were never sent.
    QList<Waiting> unsent(m_waiting.begin(), m_waiting.end());
    m_waiting.clear();
    fail(unsent, u"the connection to Redis was lost"_s);
}

void RedisRoomLog::append(const QList<Message> &batch, const QObject *context, AppendHandler done)
{
    Waiting waiting;
    waiting.batch = batch;
    waiting.context = context;
    waiting.done = std::move(done);
    if (!m_connection->isConnected()) {
        // Queued so that the handler never runs inside append(): callers need not be
        // re-entrant.
        QMetaObject::invokeMethod(
            this, [this, waiting] { fail({waiting}, u"Redis is not connected"_s); },
            Qt::QueuedConnection);
        return;
    }
    m_waiting.push_back(std::move(waiting));
    sendNext();
}

void RedisRoomLog::sendNext()
{
    if (m_inFlight || m_waiting.empty())
        return;
    if (!m_connection->isConnected()) {
        connectionDown();
        return;
    }
    QList<Waiting> sent;
    QList<QByteArray> args {m_historyId.toUtf8(),
                            QByteArray::number(m_lastSeq),
                            newHistoryId(),
                            QByteArray::number(m_options.historyLimit),
                            QByteArray::number(m_options.clientIdLimit),
                            m_options.origin.toUtf8()};
    qsizetype events = 0;
    while (!m_waiting.empty()) {
        const Waiting &next = m_waiting.front();
        // The opening call goes alone; a batch larger than the limit goes alone too.
        if (!sent.isEmpty() &&
            (next.open || sent.constFirst().open ||
             events + next.batch.size() > m_options.maxEventsPerCall))
            break;
        for (const Message &message : next.batch)
            args += RedisRoomSchema::appendArguments(message);
        events += next.batch.size();
        sent.append(std::move(m_waiting.front()));
        m_waiting.pop_front();
    }
    m_inFlight = true;
    m_append.run(m_connection, {m_keys.log, m_keys.meta, m_keys.clientIds, m_keys.clientIdOrder},
                 args, this, [this, sent](const RedisReply &reply) { appended(sent, reply); });
}

void RedisRoomLog::appended(const QList<Waiting> &sent, const RedisReply &reply)
{
    m_inFlight = false;
    qsizetype events = 0;
    for (const Waiting &waiting : sent)
        events += waiting.batch.size();
    if (reply.failed()) {
        fail(sent, describe(reply));
    } else if (reply.type != RedisReply::Type::Array || reply.elements.size() != 3 + 3 * events) {
        fail(sent, u"append.lua answered something unexpected"_s);
    } else {
        const QString historyId = QString::fromUtf8(reply.elements.at(0).text);
        const bool isNew = reply.elements.at(1).integer == 1;
        const quint64 last = quint64(reply.elements.at(2).toInteger());
        takeHistory(historyId, isNew);
        m_lastSeq = std::max(m_lastSeq, last);
        qsizetype at = 3;
        for (const Waiting &waiting : sent) {
            AppendResult result;
            result.ok = true;
            result.historyId = historyId;
            for (qsizetype i = 0; i < waiting.batch.size(); ++i, at += 3) {
                Stored stored;
                stored.seq = quint64(reply.elements.at(at).toInteger());
                stored.time = reply.elements.at(at + 1).toInteger();
                stored.duplicate = reply.elements.at(at + 2).integer == 1;
                result.events.append(stored);
            }
            if (waiting.open) {
                m_ready = true;
                qCInfo(lcRedis) << "room" << m_options.room << "opened: history" << historyId
                                << "at seq" << m_lastSeq;
                Q_EMIT ready(historyId, m_lastSeq);
            } else if (waiting.context && waiting.done) {
                waiting.done(result);
            }
        }
    }
    sendNext();
}

void RedisRoomLog::fail(const QList<Waiting> &items, const QString &error)
{
    AppendResult result;
    result.error = error;
    for (const Waiting &waiting : items) {
        if (waiting.open)
            qCWarning(lcRedis) << "could not open room" << m_options.room << ":" << error;
        else if (waiting.context && waiting.done)
            waiting.done(result);
    }
}

void RedisRoomLog::takeHistory(const QString &historyId, bool isNew)
{
    if (historyId == m_historyId)
        return;
    const bool hadOne = !m_historyId.isEmpty();
    m_historyId = historyId;
    m_lastSeq = 0; // the script's answer follows: the new history's numbers
    if (isNew && hadOne) {
        qCCritical(lcRedis) << "Redis lost room" << m_options.room
                            << "- a new history begins:" << historyId;
    }
    if (hadOne)
        Q_EMIT historyChanged(historyId);
}

void RedisRoomLog::observe(const QString &historyId, quint64 seq)
{
    if (historyId == m_historyId)
        m_lastSeq = std::max(m_lastSeq, seq);
}

void RedisRoomLog::range(quint64 after, quint64 before, int max, const QObject *context,
                         PageHandler done)
{
    if (before == 0 || before > NoLimit)
        before = NoLimit;
    max = std::max(0, max);
    m_range.run(m_connection, {m_keys.log},
                {QByteArray::number(after), QByteArray::number(before), QByteArray::number(max),
                 RedisRoomSchema::HistoryTypes, QByteArray::number(max + PageScanExtra)},
                context, [done = std::move(done)](const RedisReply &reply) {
                    Page page;
                    if (reply.failed()) {
                        page.error = describe(reply);
                    } else if (reply.type != RedisReply::Type::Array || reply.elements.isEmpty()) {
                        page.error = u"range.lua answered something unexpected"_s;
                    } else {
                        page.ok = true;
                        page.more = reply.elements.at(0).integer == 1;
                        for (qsizetype i = reply.elements.size() - 1; i >= 1; --i) {
                            if (auto event = RedisRoomSchema::eventFromEntry(reply.elements.at(i)))
                                page.messages.append(event->message);
                        }
                    }
                    done(page);
                });
}

/*! A scan() on its way: where it goes on from and what it found so far. */
struct RedisRoomLog::Scan
{
    QByteArray upper; //!< the exclusive XREVRANGE bound to read on below
    QByteArray lower; //!< the exclusive bound of after
    int max = 0;
    int budget = 0; //!< entries it may still look at
    int examined = 0; //!< entries read so far
    Filter accept;
    QPointer<const QObject> context;
    PageHandler done;
    QList<Message> newestFirst;
};

void RedisRoomLog::scan(quint64 after, quint64 before, int max, int scanLimit, Filter accept,
                        const QObject *context, PageHandler done)
{
    if (before == 0 || before > NoLimit)
        before = NoLimit;
    auto scan = std::make_shared<Scan>();
    scan->upper = "(" + QByteArray::number(before) + "-0";
    scan->lower = "(" + QByteArray::number(after) + "-0";
    scan->max = std::max(0, max);
    scan->budget = std::max(1, scanLimit);
    scan->accept = std::move(accept);
    scan->context = context;
    scan->done = std::move(done);
    scanOn(scan);
}

void RedisRoomLog::scanOn(const std::shared_ptr<Scan> &scan)
{
    const int count = std::min(ScanPage, scan->budget);
    // The log as the context: the next page is asked of it. The caller's context is checked
    // before answering.
    m_connection->command(
        {"XREVRANGE", m_keys.log, scan->upper, scan->lower, "COUNT", QByteArray::number(count)},
        this, [this, scan, count](const RedisReply &reply) {
            if (!scan->context)
                return;
            Page page;
            const auto finish = [&scan, &page] {
                page.messages =
                    QList<Message>(scan->newestFirst.crbegin(), scan->newestFirst.crend());
                page.examined = scan->examined;
                scan->done(page);
            };
            if (reply.failed() || reply.type != RedisReply::Type::Array) {
                page.error =
                    reply.failed() ? describe(reply) : u"XREVRANGE answered something unexpected"_s;
                scan->newestFirst.clear();
                finish();
                return;
            }
            page.ok = true;
            for (const RedisReply &entry : reply.elements) {
                --scan->budget;
                ++scan->examined;
                if (entry.type == RedisReply::Type::Array && !entry.elements.isEmpty())
                    scan->upper = "(" + entry.elements.at(0).text;
                const std::optional<RoomEvent> event = RedisRoomSchema::eventFromEntry(entry);
                if (!event ||
                    (event->message.type != MessageType::Chat &&
                     event->message.type != MessageType::Notice) ||
                    !scan->accept(event->message))
                    continue;
                if (scan->newestFirst.size() == scan->max) {
                    page.more = true;
                    finish();
                    return;
                }
                scan->newestFirst.append(event->message);
            }
            // A short page reached after; a used-up budget leaves older ones unknown.
            if (reply.elements.size() < count || scan->budget <= 0) {
                page.more = reply.elements.size() == count;
                finish();
                return;
            }
            scanOn(scan);
        });
}

void RedisRoomLog::findClientId(const QString &clientId, const QObject *context, LookupHandler done)
{
    m_find.run(m_connection, {m_keys.clientIds, m_keys.log}, {clientId.toUtf8()}, context,
               [done = std::move(done)](const RedisReply &reply) {
                   Lookup lookup;
                   if (reply.failed()) {
                       lookup.error = describe(reply);
                   } else if (reply.type != RedisReply::Type::Array) {
                       lookup.error = u"find.lua answered something unexpected"_s;
                   } else {
                       lookup.ok = true;
                       lookup.found = reply.elements.size() >= 2;
                       if (lookup.found) {
                           lookup.seq = quint64(reply.elements.at(0).toInteger());
                           lookup.time = reply.elements.at(1).toInteger();
                       }
                       if (reply.elements.size() == 3) {
                           if (auto event = RedisRoomSchema::eventFromEntry(reply.elements.at(2)))
                               lookup.message = event->message;
                       }
                   }
                   done(lookup);
               });
}

void RedisRoomLog::checkDurability(const QObject *context, DurabilityHandler done)
{
    auto report = std::make_shared<DurabilityReport>();
    const auto valueOf = [](const RedisReply &reply, QString *value, QString *error) {
        if (reply.failed()) {
            *error = describe(reply);
            return false;
        }
        if (reply.type != RedisReply::Type::Array || reply.elements.size() != 2) {
            *error = u"CONFIG GET gave no value"_s;
            return false;
        }
        *value = QString::fromUtf8(reply.elements.at(1).text);
        return true;
    };
    m_connection->command({"CONFIG", "GET", "appendonly"}, context,
                          [report, valueOf](const RedisReply &reply) {
                              valueOf(reply, &report->appendonly, &report->error);
                          });
    m_connection->command({"CONFIG", "GET", "appendfsync"}, context,
                          [report, valueOf, done = std::move(done)](const RedisReply &reply) {
                              if (report->error.isEmpty() &&
                                  valueOf(reply, &report->appendfsync, &report->error)) {
                                  report->durability = report->appendonly == "yes"_L1 &&
                                          report->appendfsync == "always"_L1
                                      ? Durability::Always
                                      : Durability::Weaker;
                              }
                              done(*report);
                          });
}

} // namespace Tagarela
