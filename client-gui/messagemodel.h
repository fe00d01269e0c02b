// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QList>

#include "chatline.h"

class QDateTime;

namespace Tagarela {

/*!
 * The chat log as a list model: one row per ChatLine, oldest first. Lines arrive in bursts, so
 * append() takes a batch in one insertion, and the scrollback limit drops the oldest lines a
 * chunk at a time rather than one row per appended line.
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
    };
    Q_ENUM(Role)

    static constexpr int DefaultScrollbackLimit = 10'000;

    explicit MessageModel(QObject *parent = nullptr);
    ~MessageModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void append(const ChatLine &line);
    /*! Appends \a lines with one row insertion. */
    void append(const QList<ChatLine> &lines);
    void clear();

    /*!
     * Keeps at most \a lines lines (at least 1). When an append would go over, the oldest
     * lines go in one removal of a tenth of the limit (or more if needed), so that a full log
     * does not pay a row removal for every line that arrives.
     */
    void setScrollbackLimit(int lines);
    int scrollbackLimit() const { return m_limit; }

    /*! The line at \a row; a default ChatLine if there is none. */
    ChatLine line(int row) const;

    /*! The whole log, one DisplayRole line each, for "save as plain text". */
    QString toPlainText() const;
    /*! The whole log as a standalone UTF-8 HTML document, nicks in their colours. */
    QString toHtml() const;

    /*! "HH:mm" in local time. */
    static QString timeStamp(const QDateTime &time);
    static QString timeStamp(qint64 msecsSinceEpoch);
    /*! The line without its time stamp: "<ana> hi", "* ana waves", "ana joined"... */
    static QString describe(const ChatLine &line);
    /*! "[HH:mm] " and describe(): the DisplayRole. */
    static QString plainText(const ChatLine &line);

private:
    void insertLines(const ChatLine *first, qsizetype count);
    void dropOldest(qsizetype count);

    QList<ChatLine> m_lines;
    int m_limit = DefaultScrollbackLimit;
};

} // namespace Tagarela
