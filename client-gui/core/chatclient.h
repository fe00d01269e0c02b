// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include "chatline.h"
#include "message.h"
#include "outbox.h"
#include "pinstore.h"
#include "resumestate.h"
#include "sendpacer.h"
#include "serveraddress.h"

class QSslError;
class QSslSocket;
class QTcpSocket;

namespace Tagarela {

class Connection;

/*!
 * The client without widgets: connects, handshakes, joins, keeps the user list and the
 * nickname, sends what the user types, and reconnects by itself with exponential backoff and
 * jitter when the connection drops (not after a kick or a shutdown). Everything the views show
 * comes out of its signals.
 *
 * Nothing the user types is lost: say() puts the message in an Outbox (kept on disk per server
 * and nickname) under a new client id, and it leaves only when the server acknowledges it. After
 * each join, once the history answer is complete, the outbox is sent in order, paced below the
 * server's announced rate; messages that came back in the history are not sent again. The
 * answers to fetchOlder() and requestUsers() count against that rate by their size, as the
 * server counts them: nothing is sent while one is awaited, and its size is paid for first.
 * Requests (nickname, user list, older history) are paced too, ahead of the outbox.
 *
 * Nothing said while the user was away is missed: the client remembers the last sequence number
 * it saw and the history-id (ResumeState, kept across restarts) and joins with hello {after},
 * and with the resume token of its last welcome, which gets the nickname back.
 */
class ChatClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatClient)

public:
    enum class State {
        Disconnected,
        Connecting, //!< TCP connection under way
        Handshaking, //!< magic and handshake sent, waiting for handshake-ok
        Joining, //!< hello sent, waiting for welcome
        Connected, //!< in the room
        WaitingToReconnect, //!< the connection dropped; a retry is scheduled
    };
    Q_ENUM(State)

    /*! Why a connection attempt failed or the client stopped for good. */
    enum class Failure {
        None,
        HostNotFound,
        ConnectionRefused,
        TimedOut,
        VersionMismatch,
        NickTaken,
        InvalidNick,
        ServerFull,
        TooManyConnections,
        Kicked,
        ServerShutDown,
        Flood,
        PasswordRequired, //!< the server has a password and none was given
        WrongPassword,
        TooManyFailures, //!< too many wrong passwords from this address; wait
        TlsRequired, //!< the server takes encrypted connections only
        Banned,
        UntrustedCertificate, //!< first TLS connection, self-signed: see certificateProblem()
        CertificateChanged, //!< not the certificate pinned before: see certificateProblem()
        TlsFailed, //!< the TLS handshake failed for another reason (no TLS on the server...)
        Replaced, //!< another connection of ours took over (resumed with our token)
        Network, //!< any other network or protocol failure
    };
    Q_ENUM(Failure)

    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    /*!
     * Connects and joins as \a nick; stays connected (reconnecting) until disconnectFromServer().
     * \a host may name several servers of one room, "host1:3000, host2" (ServerAddressList;
     * \a port is the default): an address that cannot be reached (refused, no answer, a failed
     * TLS handshake, a name not found) is followed at once by the next one, on the first
     * connection and on every reconnection; the client gives up, or waits to retry, only once
     * every address failed.
     */
    void connectToServer(const QString &host, quint16 port, const QString &nick);
    /*! Leaves (telling the server) and stops reconnecting. */
    void disconnectFromServer();
    /*! Skips the wait before the next reconnection attempt. */
    void retryNow();
    /*!
     * After the client gave up (a certificate the user has now trusted, say), connects again
     * as a reconnection: the same nickname, outbox and place in the history, unlike a new
     * connectToServer(), which starts from what is saved for the nickname it is given. False
     * if there is no server to go back to or the client has not given up.
     */
    bool reconnect();

    /*!
     * Queues a chat message or, with \a action, a /me in the outbox and sends it as soon as the
     * connection allows; a pending line for it comes out of lineReceived() at once. False
     * (nothing queued) when disconnected (not when reconnecting) or when the outbox is full.
     */
    bool say(const QString &text, bool action = false);
    /*!
     * say() for \a nick alone: a private message (docs/PROTOCOL.md 6.13). False, nothing
     * queued, also when the server does not offer private messages.
     */
    bool sayTo(const QString &nick, const QString &text, bool action = false);
    /*! The server offers private messages (its handshake-ok lists them). */
    bool supportsPrivateMessages() const;
    /*! The server offers search. */
    bool supportsSearch() const;
    /*!
     * Asks the server for the newest \a limit messages older than \a before (0: the newest)
     * holding \a query; searchFinished() follows. False if it cannot be asked now.
     */
    bool search(const QString &query, quint64 before = 0, int limit = DefaultSearchLimit);
    /*! Asks for up to \a limit messages older than \a before; olderHistoryLoaded() follows. */
    bool fetchOlder(quint64 before, int limit = DefaultFetchLimit);
    /*! Makes the failed message \a clientId pending again, to be sent once more. */
    bool resend(const QString &clientId);
    /*! Forgets the unacknowledged message \a clientId (the user gave up on it). */
    bool discard(const QString &clientId);
    /*! Asks the server for a new nickname; the answer arrives as nickChanged() or an error. */
    bool changeNick(const QString &nick);
    /*! Asks the server for the user list; it arrives as usersChanged(). */
    bool requestUsers();

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    /*!
     * The server as the user named it: the host of a single address, or the whole list
     * (ServerAddressList::format()) with port() as its default. The outbox and the place in
     * the history are kept under it.
     */
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    /*! Every address of the server, in the order they are tried. */
    QList<ServerAddress> addresses() const { return m_addresses; }
    /*! The address of this connection or attempt (the last one tried when disconnected). */
    ServerAddress currentAddress() const { return m_addresses.value(m_addressIndex); }
    QString nick() const { return m_nick; }
    /*!
     * "host:port", "[v6::address]:port": how the server is named to the user; a list of
     * addresses as "a:3000, b:3000", every entry with its port.
     */
    static QString address(const QString &host, quint16 port);
    QStringList users() const { return m_users; }
    QString serverName() const { return m_serverName; }
    int maxText() const { return m_maxText; }
    int latencyMs() const { return m_latencyMs; }
    const Outbox &outbox() const { return m_outbox; }
    void setOutboxLimit(int entries) { m_outbox.setLimit(entries); }
    /*! The highest sequence number seen in the current server's history. */
    quint64 lastSeq() const { return m_resume.lastSeq; }
    QString historyId() const { return m_resume.historyId; }
    /*! True once the history answer after the last welcome is complete. */
    bool hasHistory() const { return m_historyDone; }

    static constexpr int DefaultFetchLimit = 100;
    static constexpr int DefaultSearchLimit = 50;
    /*! The most history a hello may ask for (PROTOCOL.md 6.10). */
    static constexpr int MaxJoinHistory = 1000;
    /*! Older messages shown for context on a first join that resumes (after a restart). */
    static constexpr int ContextFetchLimit = 50;
    /*! Milliseconds until the next reconnection attempt, or -1. */
    int msUntilRetry() const;

    /*! Backoff: the first retry after \a initialMs, doubling up to \a maxMs (with jitter). */
    void setReconnectDelays(int initialMs, int maxMs);
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }

    /*! Connects over TLS from the next connectToServer() on. */
    void setTls(bool on) { m_tls = on; }
    bool usesTls() const { return m_tls; }
    /*! True once this connection's TLS handshake has finished: what is sent is encrypted. */
    bool isEncrypted() const { return m_encrypted; }
    /*! The TLS version of this connection, "TLS 1.3"; empty when it is not encrypted. */
    QString tlsProtocol() const { return m_tlsProtocol; }
    /*! The SHA-256 fingerprint of the certificate this connection is encrypted with, or empty. */
    QByteArray peerFingerprint() const { return m_peerFingerprint; }
    /*! The server's password, sent in the handshake; kept in memory only. */
    void setPassword(const QString &password) { m_password = password; }
    /*!
     * The certificates the user trusts (trust on first use). By default the application's
     * own; \a store (not owned) must outlive the client.
     */
    void setPinStore(PinStore *store);
    PinStore *pinStore() const { return m_pins; }
    /*! Why the last attempt stopped at the certificate; null if it did not. */
    CertificateProblem certificateProblem() const { return m_certificateProblem; }
    /*! Pins the certificate of \a problem for its server, as the user decided. */
    void trustCertificate(const CertificateProblem &problem);
    /*! Seeds the jitter, for tests. */
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    /*! True if \a text names \a nick as a whole word, ignoring case. */
    static bool mentions(const QString &text, const QString &nick);
    /*!
     * Words besides the nickname that make a message a mention (Preferences ▸ Highlight
     * words), as whole words, ignoring case. Lines already received keep what they were.
     */
    void setHighlightWords(const QStringList &words);
    QStringList highlightWords() const { return m_highlightWords; }

Q_SIGNALS:
    void stateChanged(Tagarela::ChatClient::State state);
    /*! Welcomed into the room (also after each reconnection). */
    void joined(const QString &nick, const QStringList &users);
    /*! A line for the chat view. */
    void lineReceived(const Tagarela::ChatLine &line);
    void usersChanged(const QStringList &users);
    void nickChanged(const QString &nick);
    /*! The server refused something but the connection stays (bad text, taken nick...). */
    void serverError(Tagarela::ErrorCode code, const QString &text, const QString &suggestion);
    /*! Gave up: a first connection that failed, a kick, a shutdown. No retry follows. */
    void failed(Tagarela::ChatClient::Failure failure, const QString &text,
                const QString &suggestion);
    /*! The connection dropped and a retry is coming. Once per outage. */
    void connectionLost(const QString &reason);
    void reconnectScheduled(int delayMs);
    void latencyChanged(int ms);

    /*! The unacknowledged messages of the server just opened, as pending or failed lines. */
    void outboxOpened(const QList<Tagarela::ChatLine> &lines);
    /*! The server stored the user's message \a clientId as \a seq (0: an older server). */
    void messageAcknowledged(const QString &clientId, quint64 seq, qint64 time);
    /*! The server refused the message for good; it stays in the outbox as failed. */
    void messageFailed(const QString &clientId, const QString &reason);
    /*!
     * The message waits (\a note says why: not stored yet, or the client is disconnected;
     * empty once it is on its way again).
     */
    void messageDelayed(const QString &clientId, const QString &note);
    /*!
     * Past messages from the server, with markers (new messages, a gap filled...), to be
     * placed by sequence number. History never counts as unread nor notifies.
     */
    void historyReceived(const QList<Tagarela::ChatLine> &lines);
    /*! A join without resume: the numbering may have started afresh. */
    void historyReset();
    /*! The answer to fetchOlder(\a before) is in; \a more: older messages exist. */
    void olderHistoryLoaded(quint64 before, bool more);
    /*!
     * The answer to search(\a query, \a before): the hits, oldest first, as history lines
     * (not shown in the log by themselves); \a more: older hits exist.
     */
    void searchFinished(const QString &query, quint64 before, const QList<Tagarela::ChatLine> &hits,
                        bool more);

private:
    void attempt();
    void onConnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(QSslSocket *socket, const QList<QSslError> &errors);
    void onMessage(const Message &message);
    void onClosed(ErrorCode code, const QString &detail);
    void handleEvent(const Message &message);
    void setState(State state);
    /*! Gives every pending message \a note (messageDelayed()); empty: on its way again. */
    void noteWaiting(const QString &note);
    /*! Resets what belongs to one connection: timers, in-flight sends, history answers. */
    void forgetConnection();
    void dropConnection();
    void giveUp(Failure failure, const QString &text, const QString &suggestion = {});
    void scheduleReconnect(const QString &reason);
    /*!
     * This attempt could not reach its address: tries the next one, if some address has not
     * been tried since the last success or wait. False when every one has.
     */
    bool tryNextAddress(const QString &detail);
    bool canSend() const;
    void sendHello(const QString &nick);
    /*! "Connected to … as ana.": once the history answer (older than it) is in. */
    void announceJoin();
    void openOutbox();
    void onHistory(const Message &message);
    void finishJoinHistory(const QList<Message> &messages, bool more);
    void finishFetch(quint64 before, const QList<Message> &messages, bool more);
    /*! Turns history messages into lines, acknowledging outbox entries that came back. */
    QList<ChatLine> historyLines(const QList<Message> &messages);
    void noteSeq(quint64 seq);
    void acknowledge(const QString &clientId, quint64 seq, qint64 time);
    void onSayError(const Message &message);
    /*! Sends \a message (nick, who, fetch) as soon as the pacer allows, before the outbox. */
    bool request(const Message &message);
    /*! Pays for a frame of an answer, by its size (docs/PROTOCOL.md 7.2). */
    void chargeAnswer(const Message &message);
    /*! One awaited answer is complete: what waited for it may go. */
    void answerArrived();
    /*! Sends what the outbox holds, as fast as the pacer allows. */
    void sendPending();
    void saveResume();
    ChatLine lineFor(const OutboxEntry &entry) const;
    bool mentionsMe(const QString &text);
    static QRegularExpression mentionPattern(const QStringList &words);

    QPointer<Connection> m_connection;
    State m_state = State::Disconnected;
    QString m_host;
    quint16 m_port = 0;
    QList<ServerAddress> m_addresses; //!< from m_host; never empty once connectToServer()
    int m_addressIndex = 0; //!< the address tried now
    int m_addressesTried = 1; //!< addresses tried since the last success or wait, this one too
    QString m_wantedNick;
    QString m_nick;
    QStringList m_users;
    QString m_serverName;
    int m_maxText = 0;
    int m_latencyMs = -1;
    bool m_joinedBefore = false; //!< reached the room once since connectToServer()
    bool m_outageReported = false;
    int m_retries = 0;
    int m_initialDelayMs = 1000;
    int m_maxDelayMs = 60'000;
    int m_connectTimeoutMs = 15'000;
    bool m_tls = false;
    QString m_password;
    std::unique_ptr<PinStore> m_ownPins;
    PinStore *m_pins = nullptr;
    CertificateProblem m_certificateProblem;
    bool m_tcpConnected = false; //!< this attempt reached the server (before any TLS)
    bool m_encrypted = false; //!< this attempt's TLS handshake finished
    QString m_tlsProtocol; //!< "TLS 1.3", once encrypted
    QByteArray m_peerFingerprint; //!< the certificate's SHA-256, once encrypted
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError;
    ErrorCode m_byeCode = ErrorCode::None;
    QString m_byeText;
    ErrorCode m_joinError = ErrorCode::None;
    QString m_joinErrorText;
    QString m_joinSuggestion;
    QTimer m_retryTimer;
    QTimer m_connectTimer;
    QRandomGenerator m_random;
    QRegularExpression m_mention;
    QString m_mentionNick; //!< the nickname m_mention was built for
    QStringList m_highlightWords;

    Outbox m_outbox;
    QString m_resumeKey; //!< ResumeState::keyFor() the server and nickname
    ResumeState m_resume;
    QString m_resumeToken; //!< from the last welcome
    quint64 m_joinAfter = 0; //!< the after of the last hello
    bool m_catchUp = false; //!< the last hello asked for what was missed, not a first look
    bool m_inHistory = false; //!< joined this history-id since connectToServer()
    bool m_awaitingHistory = false; //!< welcomed; the history answer has not begun
    bool m_historyDone = false; //!< the history answer of this connection is complete
    bool m_joinAnswered = false; //!< the answer to this connection's hello has ended
    bool m_joinReconnected = false; //!< this connection's join was a reconnection
    bool m_legacyServer = false; //!< no history answer: a server without acks
    bool m_contextLoaded = false; //!< the log has history since connectToServer()
    QList<Message> m_joinFrames; //!< the history answer to the hello, until its end
    bool m_joinProgressive = false; //!< this answer is shown frame by frame
    bool m_joinStarted = false; //!< a frame of this answer has come
    bool m_outageOpen = false; //!< catching up on an outage, maybe over several connections
    quint64 m_outageAfter = 0; //!< the last number seen before it
    int m_outageCount = 0; //!< messages of it shown so far
    QHash<quint64, QList<Message>> m_fetchFrames; //!< answers to fetch, by before
    QList<Message> m_searchFrames; //!< the answer to a search, until its end
    QStringList m_features; //!< handshake-ok: what the server offers beyond the base
    QHash<quint64, quint64> m_gaps; //!< NotLoaded marker's before -> the after of its gap
    SendPacer m_pacer;
    int m_rateMs = 0;
    QList<Message> m_requests; //!< nick, who and fetch waiting for the pacer, in order
    int m_answersAwaited = 0; //!< fetch and who sent on this connection and not answered
    QElapsedTimer m_clock;
    QTimer m_sendTimer;
    QSet<QString> m_inFlight; //!< client ids sent on this connection and not answered
    QHash<QString, qint64> m_retryAt; //!< client id -> m_clock time it may be sent again
    int m_notStoredDelayMs = 0;
};

} // namespace Tagarela
