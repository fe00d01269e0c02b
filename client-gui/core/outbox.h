// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>

#include <QBasicTimer>
#include <QList>
#include <QObject>
#include <QString>

namespace Tagarela {

/*! One message the user sent that the server has not acknowledged yet. */
struct OutboxEntry
{
    enum class State {
        Pending, //!< to be sent, or sent and waiting for the ack
        Failed, //!< refused for good (invalid text...): kept until resent or discarded
    };

    QString clientId; //!< the say's client-id: a QUuid without braces
    QString text;
    bool action = false;
    qint64 created = 0; //!< milliseconds since the epoch, UTC
    State state = State::Pending;
    QString reason; //!< Failed: the server's explanation
    QString to; //!< a private message: the nickname it is for; empty: the room

    friend bool operator==(const OutboxEntry &a, const OutboxEntry &b);
};

/*!
 * The user's unacknowledged messages for one server and nickname, in the order they were
 * typed, kept in a small JSON file so that they survive a crash or a restart of the client.
 * An entry leaves when the server acknowledges it.
 *
 * Writes are atomic and synced (QSaveFile), which costs an fsync: a new or changed entry is
 * written within 50 ms, so that a burst of changes costs one write; a removal (an ack) may
 * wait half a second, since losing it only means sending the message again, which the server
 * recognises by its id.
 *
 * The outbox is bounded: add() refuses a message beyond limit() entries rather than dropping
 * an older one.
 */
class Outbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Outbox)

public:
    static constexpr int DefaultLimit = 500;

    explicit Outbox(QObject *parent = nullptr);
    ~Outbox() override;

    /*!
     * The file for \a host, \a port and \a nick under the application data location:
     * "outbox/<host>:<port> <nick>.json", percent-encoded.
     */
    static QString fileFor(const QString &host, quint16 port, const QString &nick);

    /*!
     * Writes what is unsaved to the current file, then loads \a path (empty: none, nothing is
     * kept on disk). A missing file is an empty outbox; an unreadable one too, with false.
     */
    [[nodiscard]] bool open(const QString &path);
    QString path() const { return m_path; }

    void setLimit(int entries) { m_limit = std::max(1, entries); }
    int limit() const { return m_limit; }
    bool isFull() const { return m_entries.size() >= m_limit; }
    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }

    const QList<OutboxEntry> &entries() const { return m_entries; }
    /*! The entry with \a clientId, or nullptr. */
    const OutboxEntry *find(const QString &clientId) const;
    bool contains(const QString &clientId) const { return find(clientId) != nullptr; }

    /*! Adds a pending message with a new client id, at \a created; nullptr if full. */
    const OutboxEntry *add(const QString &text, bool action, qint64 created,
                           const QString &to = {});
    /*! Removes the entry (acknowledged, or discarded by the user). False if unknown. */
    bool remove(const QString &clientId);
    bool setFailed(const QString &clientId, const QString &reason);
    /*! Makes a failed entry pending again (the user asked to resend it). */
    bool setPending(const QString &clientId);

    /*! Writes now if anything is unsaved. False, with errorString(), if the write failed. */
    [[nodiscard]] bool save();
    QString errorString() const { return m_error; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void scheduleSave(int delayMs);
    [[nodiscard]] bool load();

    QString m_path;
    QList<OutboxEntry> m_entries;
    int m_limit = DefaultLimit;
    bool m_dirty = false;
    QBasicTimer m_saveTimer;
    int m_saveDelayMs = -1; //!< the delay m_saveTimer runs with
    QString m_error;
};

} // namespace Tagarela
