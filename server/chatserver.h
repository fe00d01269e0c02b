// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "admissionpool.h"
#include "banlist.h"
#include "chatroom.h"
#include "connection.h"
#include "listener.h"
#include "logthrottle.h"
#include "passwordcheck.h"
#include "serverconfig.h"

namespace Tagarela {

class ClientSession;

/*!
 * The listener: accepts connections, applies the connection limits, and hands each one to a
 * ClientSession in the one room. Also what the console acts on (who, kick, shut down).
 */
class ChatServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatServer)

public:
    explicit ChatServer(const ServerConfig &config, QObject *parent = nullptr);
    /*! A server whose room keeps its history in \a store rather than the one config asks for. */
    ChatServer(const ServerConfig &config, std::unique_ptr<HistoryStore> store,
               QObject *parent = nullptr);
    /*! A server whose room is kept by \a engine rather than the one config asks for. */
    ChatServer(const ServerConfig &config, std::unique_ptr<RoomEngine> engine,
               QObject *parent = nullptr);
    ~ChatServer() override;

    /*!
     * Loads the TLS certificate and key, if configured, and the ban list from the data
     * directory. False, with errorString(), if the certificate or key cannot be used; a ban
     * list that cannot be read is only reported. listen() calls it if it was not called.
     */
    [[nodiscard]] bool prepare();
    /*! Starts listening. False, with errorString(), if the address cannot be bound. */
    /*! Opens the message history (listen() does if needed). False, with errorString(). */
    [[nodiscard]] bool openHistory();
    /*!
     * Opens the history if needed and starts listening. False, with errorString(), if the
     * history cannot be opened or the address cannot be bound.
     */
    [[nodiscard]] bool listen();
    QString errorString() const { return m_errorString; }
    quint16 serverPort() const { return m_listener.serverPort(); }
    QHostAddress serverAddress() const { return m_listener.serverAddress(); }

    ChatRoom &room() { return m_room; }
    const ServerConfig &config() const { return m_config; }
    /*! Connections open now, joined or not. */
    int connectionCount() const { return int(m_sessions.size()); }
    /*!
     * Admitted connections from \a address as --max-per-ip counts them: an IPv6 address
     * together with its whole /64 (addressKey()).
     */
    int connectionsFrom(const QHostAddress &address) const;
    /*! Output queued to all clients now, in bytes (limited by --max-pending-total). */
    qint64 queuedOutput() const { return m_output.queued; }
    /*! Times freed memory was given back to the system. */
    int memoryReturns() const { return m_memoryReturns; }
    /*! TLS handshakes in progress. */
    int tlsHandshakeCount() const { return m_listener.handshakeCount(); }
    /*! Admitted connections that have not joined the room yet. */
    int unjoinedCount() const { return m_unjoined.size(); }
    /*! "nick  address" for each member, for the console's /who. */
    QStringList describeMembers() const;

    /*!
     * Kicks \a nick, here or, when the room is shared, on the server the user is on. False if
     * nobody has that nickname.
     */
    bool kick(const QString &nick, const QString &reason);

    struct BanResult
    {
        bool added = false; //!< false: it was banned already
        int disconnected = 0; //!< connections from there that were closed
        QString saveError; //!< why the ban list could not be saved; empty if it was
    };
    /*!
     * Bans \a entry, disconnects whoever is connected from it, and saves the list; when the
     * room is shared, on every server (disconnected counts this server's connections).
     */
    BanResult ban(const BanList::Entry &entry);
    /*! Lifts a ban. False if \a entry was not banned; \a saveError if the list was not saved. */
    bool unban(const BanList::Entry &entry, QString *saveError);
    QList<BanList::Entry> bans() const { return m_bans.entries(); }
    /*! Where the bans are kept; empty without a data directory. */
    QString banFilePath() const;
    /*!
     * Stops accepting, tells every client the server is going down (after what it said is
     * stored and answered), and emits shutDownFinished() once every connection is closed and
     * the history has stored what it was given (or after a few seconds, for peers that do not
     * read).
     */
    void shutDown();

Q_SIGNALS:
    void shutDownFinished();

private:
    void onConnectionReady(Tagarela::Connection *connection, bool silent);
    /*! A host's command from another server sharing the room. */
    void onCommand(const Message &command, bool ours);
    bool kickHere(const QString &nick, const QString &reason);
    BanResult banHere(const BanList::Entry &entry);
    bool unbanHere(const BanList::Entry &entry, QString *saveError);
    [[nodiscard]] bool saveBans(QString *error) const;
    void onSessionFinished(ClientSession *session);
    void finishShutDownIfIdle();
    /*! Says the shutdown is finished once the engine has passed the leaves on. */
    void finishShutDown();
    /*! Shortens the time to join for \a newcomer, or everyone, when many have not joined. */
    void hurryUnjoined(ClientSession *newcomer);
    /*! Gives the memory freed by output let go back to the system (malloc_trim). */
    void returnMemory();

    ServerConfig m_config;
    Listener m_listener;
    ChatRoom m_room;
    PasswordCheck m_passwords;
    BanList m_bans;
    QElapsedTimer m_clock; //!< for the password throttle
    bool m_prepared = false;
    QSet<ClientSession *> m_sessions;
    QHash<QHostAddress, int> m_perAddress; //!< admitted connections per addressKey()
    int m_rejecting = 0;
    AdmissionPool m_unjoined; //!< admitted sessions that have not joined yet
    QSet<ClientSession *> m_evicted; //!< closed to make room, not finished yet
    bool m_hurrying = false; //!< the unjoined were told to hurry (under pressure)
    OutputBudget m_output; //!< every session's pending output; outlives the sessions
    QTimer m_trimTimer;
    int m_memoryReturns = 0;
    bool m_shuttingDown = false;
    QTimer m_shutDownTimer;
    LogThrottle m_protocolLog; //!< protocol-error log lines of all sessions together
    QTimer m_protocolLogSummary; //!< says how many of them were not logged
    QString m_errorString;
};

} // namespace Tagarela
