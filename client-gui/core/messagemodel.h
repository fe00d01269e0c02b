// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QAbstractListModel>
#include <QDate>
#include <QList>
#include <QSet>

#include "chatline.h"

class QDateTime;

namespace Tagarela {

class ChatClient;

/*!
 * The chat log as a list model: one row per ChatLine, oldest first. Lines arrive in bursts, so
 * append() takes a batch in one insertion, and the scrollback limit drops the oldest lines a
 * chunk at a time rather than one row per appended line.
 *
 * Messages with a sequence number are kept in its order and shown once: a number already in
 * the log is dropped, an older one (history fetched later) goes where it belongs, and a marker
 * stands just before the number it names. Lines without a number (joins, information) stay
 * where they arrived. The user's own unconfirmed messages (pending or failed) stay together at
 * the bottom; an ack confirms the line in place, moving it above any that were sent before it.
 */
class MessageModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageModel)

public:
    enum Role {
        KindRole = Qt::UserRole + 1, //!< int: the ChatLine::Kind
        TimeRole, //!< QDateTime, local time
        NickRole, //!< QString
        TextRole, //!< QString: the text as received (reason, new nick...), not the rendering
        MentionRole, //!< bool: the line names the user
        SeqRole, //!< qulonglong: the server's sequence number, 0 if none
        DeliveryRole, //!< int: the ChatLine::Delivery
        NoteRole, //!< QString: why a pending line waits or a failed one failed
        HistoryRole, //!< bool: a past message from the server's history
        MarkerRole, //!< int: the ChatLine::Marker
        ClientIdRole, //!< QString: the outbox id of the user's own message
        DayRole, //!< QDate: the local day this line opens in the log; null if it continues one
    };
    Q_ENUM(Role)

    static constexpr int DefaultScrollbackLimit = 10'000;

    /*! One occurrence of a searched text: \a start and \a length in describe() of \a row. */
    struct FindHit
    {
        int row = -1;
        qsizetype start = 0;
        qsizetype length = 0;
        friend bool operator==(const FindHit &a, const FindHit &b)
        {
            return a.row == b.row && a.start == b.start && a.length == b.length;
        }
    };

    explicit MessageModel(QObject *parent = nullptr);
    ~MessageModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*!
     * Shows what \a client reports: its lines, history, acknowledgements and failures. The
     * client must outlive the model or be deleted first.
     */
    void follow(ChatClient *client);

    /*!
     * Only lines \a accepts from now on (the room without private messages, or one private
     * conversation); without one, every line.
     */
    void setLineFilter(std::function<bool(const ChatLine &line)> accepts)
    {
        m_accepts = std::move(accepts);
    }
    /*! Adds \a line at the bottom, or by its sequence number (see the class description). */
    void append(const ChatLine &line);
    /*! Adds \a lines, with one row insertion for each run of lines that land together. */
    void append(const QList<ChatLine> &lines);
    /*! Removes every line but the user's unconfirmed messages, which are not history. */
    void clear();

    /*!
     * The server stored the user's message \a clientId as \a seq at \a time: the line
     * becomes a confirmed one. If \a seq is in the log already, the pending line goes.
     */
    void confirm(const QString &clientId, quint64 seq, qint64 time);
    /*! Marks the user's message \a clientId pending or failed, with a note saying why. */
    void setDelivery(const QString &clientId, ChatLine::Delivery delivery, const QString &note);
    /*! Removes the user's unconfirmed message \a clientId (discarded). */
    void removeOutgoing(const QString &clientId);
    /*! Replaces every unconfirmed message with \a lines (the outbox of a newly opened server). */
    void replaceOutgoing(const QList<ChatLine> &lines);
    /*!
     * The server's numbering starts afresh (another server, or its history was reset): the
     * lines so far stay, above, but new numbers are compared only with each other.
     */
    void startSequence();
    /*!
     * A divider, "— host:port —", before what comes from another server: the user switched
     * servers, and the two logs must not read as one. A new numbering starts after it.
     */
    void addServerDivider(const QString &address);
    /*! Removes the markers of \a marker kind. */
    void removeMarkers(ChatLine::Marker marker);
    /*! The row of the first marker of \a marker kind, or -1. */
    int findMarker(ChatLine::Marker marker) const;
    /*! The lowest sequence number of the current numbering in the log, or 0. */
    quint64 oldestSeq() const;
    /*! The row of the user's message \a clientId, or -1. */
    int rowOfClientId(const QString &clientId) const;

    /*!
     * Keeps at most \a lines lines (at least 1). When an append would go over, the oldest
     * lines go in one removal of a tenth of the limit (or more if needed), so that a full log
     * does not pay a row removal for every line that arrives. Lines older than those kept
     * (history inserted at the top of a full log) are the oldest, so they are not inserted.
     */
    void setScrollbackLimit(int lines);
    int scrollbackLimit() const { return m_limit; }

    /*! The line at \a row; a default ChatLine if there is none. */
    ChatLine line(int row) const;

    /*! The local day of the line at \a row; null for a marker or a line without a time. */
    QDate day(int row) const;
    /*!
     * The day the line at \a row opens: its local day if it is the first line with a day, or
     * if the nearest line with a day above it has another; else null (the DayRole).
     */
    QDate dayStartingAt(int row) const;
    /*!
     * Every occurrence of \a query in the lines as shown without their time (describe()),
     * ignoring case, top to bottom. Empty for an empty query.
     */
    QList<FindHit> find(const QString &query) const;

    /*! The whole log, one DisplayRole line each, for "save as plain text". */
    QString toPlainText() const;
    /*!
     * The whole log as a standalone UTF-8 HTML document on a white page. \a nickColor gives
     * each nick's CSS colour (the widgets' NickColor: colours are presentation, not the
     * model's); without it nicks are in the text colour.
     */
    QString toHtml(const std::function<QString(const QString &nick)> &nickColor = {}) const;

    /*!
     * A day separator's words: "Today", "Yesterday", else the date in the locale's long format
     * ("Monday, 30 November 2026").
     */
    static QString dayName(const QDate &day, const QDate &today);
    /*! The date and time in full, in the locale's long formats (a time stamp's tooltip). */
    static QString fullTime(qint64 msecsSinceEpoch);
    /*! The start of each occurrence of \a query in \a text, ignoring case, not overlapping. */
    static QList<qsizetype> findIn(const QString &text, const QString &query);
    /*! "HH:mm" in local time. */
    static QString timeStamp(const QDateTime &time);
    static QString timeStamp(qint64 msecsSinceEpoch);
    /*! The line without its time stamp: "<ana> hi", "* ana waves", "ana joined"... */
    static QString describe(const ChatLine &line);
    /*! "sending…", "not sent: reason"... for the user's unconfirmed messages; else empty. */
    static QString deliveryNote(const ChatLine &line);
    /*! "[HH:mm] " and describe(), and the delivery note if any: the DisplayRole. */
    static QString plainText(const ChatLine &line);
    /*! A day's line in a saved log: "— Monday, 30 November 2026 —", whatever day today is. */
    static QString dayLine(const QDate &day);

private:
    /*! The sort key: 2 × seq + 1 for a numbered message, 2 × seq for a marker, -1: none. */
    static qint64 orderKey(const ChatLine &line);
    /*! The first row of the unconfirmed messages at the bottom (rowCount() if none). */
    int tailStart() const;
    /*! Where a line with \a key goes: after every row of a key up to \a key. */
    int insertPosition(qint64 key) const;
    void insertLines(int row, const ChatLine *first, qsizetype count);
    void dropOldest(qsizetype count);

    QList<ChatLine> m_lines;
    QSet<quint64> m_seqs; //!< the numbers in rows from m_sequenceStart on
    int m_sequenceStart = 0; //!< the first row of the current numbering
    int m_limit = DefaultScrollbackLimit;
    // day()'s last answer and the local day's bounds, in ms since the epoch.
    mutable QDate m_day;
    mutable qint64 m_dayStart = 0;
    mutable qint64 m_dayEnd = 0;
    std::function<bool(const ChatLine &line)> m_accepts; //!< setLineFilter()
};

} // namespace Tagarela
