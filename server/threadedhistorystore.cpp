// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadedhistorystore.h"

#include <algorithm>
#include <utility>

#include <QDeadlineTimer>
#include <QThread>

#include "serverlogging.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

/*! One thread and the database that lives in it. */
class ThreadedHistoryStore::Worker final
{
    Q_DISABLE_COPY_MOVE(Worker)

public:
    Worker(const QString &name, Factory factory)
        : m_factory(std::move(factory))
        , m_context(new QObject)
    {
        m_thread.setObjectName(name);
        m_context->moveToThread(&m_thread);
        m_thread.start();
    }

    ~Worker() { delete m_context; }

    /*! Runs \a job with the database in the worker's thread, after the jobs posted before. */
    template<typename Job>
    void post(Job job)
    {
        QMetaObject::invokeMethod(m_context,
                                  [this, job = std::move(job)]() mutable { job(database()); });
    }

    /*! Runs \a job in the worker's thread and waits for it. */
    template<typename Job>
    void run(Job job)
    {
        QMetaObject::invokeMethod(
            m_context, [this, &job] { job(database()); }, Qt::BlockingQueuedConnection);
    }

    /*!
     * Closes the database and ends the thread once the jobs posted before are done. False if
     * that took longer than \a timeoutMs: the thread is still running then.
     */
    [[nodiscard]] bool stop(int timeoutMs)
    {
        QMetaObject::invokeMethod(m_context, [this] {
            m_database.reset();
            QThread::currentThread()->quit();
        });
        return m_thread.wait(QDeadlineTimer(timeoutMs));
    }

    quint64 lastSeq = 0; //!< the writer's counter; used in the worker's thread only

private:
    HistoryDatabase &database()
    {
        if (!m_database)
            m_database = m_factory();
        return *m_database;
    }

    Factory m_factory;
    QThread m_thread;
    QObject *m_context; //!< lives in m_thread; deleted once it has finished
    std::unique_ptr<HistoryDatabase> m_database; //!< made, used and closed in m_thread
};

ThreadedHistoryStore::ThreadedHistoryStore(Factory writer, Factory reader, Keeps keeps,
                                           QObject *parent)
    : HistoryStore(parent)
    , m_writer(std::make_unique<Worker>(u"history writer"_s, std::move(writer)))
    , m_reader(std::make_unique<Worker>(u"history reader"_s, std::move(reader)))
    , m_keeps(keeps)
{ }

ThreadedHistoryStore::~ThreadedHistoryStore()
{
    // The reader's work can be dropped; the writer's batch is what someone waits for.
    for (std::unique_ptr<Worker> *worker : {&m_reader, &m_writer}) {
        if ((*worker)->stop(StopTimeoutMs))
            continue;
        qCWarning(lcServer).noquote()
            << tr("The history's disk did not answer within %n second(s); stopping without "
                  "waiting for it.",
                  nullptr, StopTimeoutMs / 1000);
        // Still running: it must outlive this store (the process ends soon).
        (void)worker->release();
    }
}

HistoryStore::Opened ThreadedHistoryStore::open(int newest)
{
    Opened opened;
    m_writer->run([&](HistoryDatabase &database) {
        opened = openDatabase(database, newest);
        m_writer->lastSeq = opened.lastSeq;
    });
    // Without messages the counter is all there is: reserved up to its value.
    m_lastSeq = opened.lastSeq;
    m_reservedSeq = opened.lastSeq;
    return opened;
}

quint64 ThreadedHistoryStore::append(QList<Message> messages, bool checkClientIds)
{
    const quint64 ticket = ++m_lastTicket;
    if (m_keeps == Keeps::CounterOnly) {
        // No client-id to look up either: none is stored.
        appendCounted(ticket, std::move(messages));
        return ticket;
    }
    Worker *writer = m_writer.get();
    // The list is handed over, not shared: the room gave its own away (moved), so the writer
    // numbers the messages in place instead of copying them.
    m_writer->post([this, writer, ticket, messages = std::move(messages),
                    checkClientIds](HistoryDatabase &database) mutable {
        Appended result =
            appendTo(database, &writer->lastSeq, ticket, std::move(messages), checkClientIds);
        QMetaObject::invokeMethod(this,
                                  [this, result = std::move(result)] { Q_EMIT appended(result); });
    });
    return ticket;
}

void ThreadedHistoryStore::appendCounted(quint64 ticket, QList<Message> messages)
{
    Appended result;
    result.ticket = ticket;
    result.repeated = QList<bool>(messages.size(), false);
    // Numbered here, as the writer would: a batch that fails uses its numbers up all the same.
    for (Message &message : messages)
        message.seq = ++m_lastSeq;
    result.messages = std::move(messages);
    // A batch handed to the writer has numbers beyond m_reservedSeq, which grows only with its
    // answer: until then every later batch goes the same way, and the answers keep the order.
    if (m_lastSeq <= m_reservedSeq) {
        // Nothing to write: the numbers are reserved, durably. Queued, so the answer comes on
        // a later turn, never from within the call.
        result.ok = true;
        QMetaObject::invokeMethod(
            this, [this, result = std::move(result)] { Q_EMIT appended(result); },
            Qt::QueuedConnection);
        return;
    }
    // The database reserves the next block as it stores the batch's counter.
    m_writer->post([this, result = std::move(result)](HistoryDatabase &database) mutable {
        result.ok = database.append(result.messages);
        if (!result.ok)
            result.error = database.errorString();
        const quint64 reserved = database.lastSeq();
        QMetaObject::invokeMethod(this, [this, reserved, result = std::move(result)] {
            m_reservedSeq = std::max(m_reservedSeq, reserved);
            Q_EMIT appended(result);
        });
    });
}

quint64 ThreadedHistoryStore::read(quint64 after, quint64 before, int max)
{
    const quint64 ticket = ++m_lastTicket;
    m_reader->post([this, ticket, after, before, max](HistoryDatabase &database) {
        Read result;
        result.ticket = ticket;
        result.messages = database.range(after, before, max);
        QMetaObject::invokeMethod(this, [this, result] { Q_EMIT readFinished(result); });
    });
    return ticket;
}

quint64 ThreadedHistoryStore::search(const QString &query, quint64 before, int max,
                                     const QString &viewer)
{
    const quint64 ticket = ++m_lastTicket;
    m_reader->post([this, ticket, query, before, max, viewer](HistoryDatabase &database) {
        Read result;
        result.ticket = ticket;
        result.messages = database.search(query, before, max, viewer);
        QMetaObject::invokeMethod(this, [this, result] { Q_EMIT readFinished(result); });
    });
    return ticket;
}

} // namespace Tagarela
