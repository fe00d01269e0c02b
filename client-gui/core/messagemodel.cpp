// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagemodel.h"

#include <algorithm>

#include <QDateTime>
#include <QLocale>

#include "biditext.h"
#include "chatclient.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

using NickColorFunction = std::function<QString(const QString &nick)>;

QString htmlNick(const QString &shown, const QString &nick, const NickColorFunction &nickColor)
{
    const QString color = nickColor ? nickColor(nick) : QString();
    const QString style =
        color.isEmpty() ? QString() : u" style=\"color:"_s + color.toHtmlEscaped() + u'"';
    return u"<span class=\"nick\""_s + style + u'>' + shown.toHtmlEscaped() + u"</span>"_s;
}

QString htmlBody(const ChatLine &line, const NickColorFunction &nickColor)
{
    switch (line.kind) {
    case ChatLine::Kind::Chat:
        return htmlNick(u'<' + BidiText::isolated(line.nick) + u'>', line.nick, nickColor) + u' ' +
            BidiText::isolated(line.text).toHtmlEscaped();
    case ChatLine::Kind::Action:
        return u"* "_s + htmlNick(BidiText::isolated(line.nick), line.nick, nickColor) + u' ' +
            BidiText::isolated(line.text).toHtmlEscaped();
    default:
        return MessageModel::describe(line).toHtmlEscaped();
    }
}

QString htmlClass(const ChatLine &line)
{
    QString name;
    switch (line.kind) {
    case ChatLine::Kind::Chat:
        name = u"chat"_s;
        break;
    case ChatLine::Kind::Action:
        name = u"action"_s;
        break;
    case ChatLine::Kind::Error:
        name = u"error"_s;
        break;
    case ChatLine::Kind::Joined:
    case ChatLine::Kind::Left:
    case ChatLine::Kind::Renamed:
    case ChatLine::Kind::Notice:
    case ChatLine::Kind::Info:
    case ChatLine::Kind::Marker:
        name = u"quiet"_s;
        break;
    }
    if (line.delivery != ChatLine::Delivery::Confirmed)
        name += u" unconfirmed"_s;
    if (line.mentionsMe)
        name += u" mention"_s;
    return name;
}

} // namespace

MessageModel::MessageModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

MessageModel::~MessageModel() = default;

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChatLine &line = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return plainText(line);
    case KindRole:
        return static_cast<int>(line.kind);
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(line.time);
    case NickRole:
        return line.nick;
    case TextRole:
        return line.text;
    case MentionRole:
        return line.mentionsMe;
    case SeqRole:
        return qulonglong(line.seq);
    case DeliveryRole:
        return static_cast<int>(line.delivery);
    case NoteRole:
        return line.note;
    case HistoryRole:
        return line.history;
    case MarkerRole:
        return static_cast<int>(line.marker);
    case ClientIdRole:
        return line.clientId;
    case DayRole:
        return dayStartingAt(index.row());
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind"_ba);
    names.insert(TimeRole, "time"_ba);
    names.insert(NickRole, "nick"_ba);
    names.insert(TextRole, "text"_ba);
    names.insert(MentionRole, "mention"_ba);
    names.insert(SeqRole, "seq"_ba);
    names.insert(DeliveryRole, "delivery"_ba);
    names.insert(NoteRole, "note"_ba);
    names.insert(HistoryRole, "history"_ba);
    names.insert(MarkerRole, "marker"_ba);
    names.insert(ClientIdRole, "clientId"_ba);
    names.insert(DayRole, "day"_ba);
    return names;
}

void MessageModel::follow(ChatClient *client)
{
    connect(client, &ChatClient::lineReceived, this,
            qOverload<const ChatLine &>(&MessageModel::append));
    connect(client, &ChatClient::historyReceived, this,
            qOverload<const QList<ChatLine> &>(&MessageModel::append));
    connect(client, &ChatClient::historyReset, this, &MessageModel::startSequence);
    connect(client, &ChatClient::outboxOpened, this, &MessageModel::replaceOutgoing);
    connect(client, &ChatClient::messageAcknowledged, this, &MessageModel::confirm);
    connect(client, &ChatClient::messageFailed, this,
            [this](const QString &clientId, const QString &reason) {
                setDelivery(clientId, ChatLine::Delivery::Failed, reason);
            });
    connect(client, &ChatClient::messageDelayed, this,
            [this](const QString &clientId, const QString &note) {
                setDelivery(clientId, ChatLine::Delivery::Pending, note);
            });
}

qint64 MessageModel::orderKey(const ChatLine &line)
{
    if (line.kind == ChatLine::Kind::Marker)
        return qint64(line.seq * 2);
    if (line.seq > 0 && !line.isUnconfirmed())
        return qint64(line.seq * 2 + 1);
    return -1;
}

int MessageModel::tailStart() const
{
    auto row = static_cast<int>(m_lines.size());
    while (row > m_sequenceStart && m_lines.at(row - 1).isUnconfirmed())
        --row;
    return row;
}

int MessageModel::insertPosition(qint64 key) const
{
    const int tail = tailStart();
    if (key < 0)
        return tail;
    // Back over everything later, and over the lines without a number among them...
    int row = tail;
    while (row > m_sequenceStart) {
        const qint64 other = orderKey(m_lines.at(row - 1));
        if (other >= 0 && other <= key)
            break;
        --row;
    }
    // ...then forward over lines without a number, which stay after the message they followed.
    while (row < tail && orderKey(m_lines.at(row)) < 0)
        ++row;
    return row;
}

void MessageModel::append(const ChatLine &line)
{
    append(QList<ChatLine> {line});
}

void MessageModel::append(const QList<ChatLine> &lines)
{
    // Lines that land in the same place (a batch of history, a burst of live chat) go in with
    // one insertion. A run is inserted before the next position is worked out.
    QList<ChatLine> run;
    int runRow = -1;
    qint64 runKey = -1;
    const auto flush = [&] {
        if (!run.isEmpty())
            insertLines(runRow, run.constData(), run.size());
        run.clear();
        runRow = -1;
        runKey = -1;
    };
    for (const ChatLine &line : lines) {
        if (m_accepts && !m_accepts(line))
            continue;
        const bool numbered =
            line.kind != ChatLine::Kind::Marker && line.seq > 0 && !line.isUnconfirmed();
        if (numbered && !line.clientId.isEmpty() && rowOfClientId(line.clientId) >= 0) {
            // Our own message, back from the server without its ack (in a catch-up).
            flush();
            confirm(line.clientId, line.seq, line.time);
            continue;
        }
        if (numbered && m_seqs.contains(line.seq))
            continue;
        const qint64 key = orderKey(line);
        const auto position = [&] {
            return line.isUnconfirmed() ? static_cast<int>(m_lines.size()) : insertPosition(key);
        };
        int row = position();
        if (!run.isEmpty() && (row != runRow || (key >= 0 && runKey >= 0 && key < runKey))) {
            flush();
            row = position();
        }
        if (run.isEmpty())
            runRow = row;
        run.append(line);
        if (key >= 0)
            runKey = key;
        if (numbered)
            m_seqs.insert(line.seq);
    }
    flush();
}

void MessageModel::insertLines(int row, const ChatLine *first, qsizetype count)
{
    // Lines of the batch that are never inserted: forget their numbers, so that they are
    // not taken for duplicates if they come again.
    const auto skip = [&](qsizetype lines) {
        for (qsizetype i = 0; i < lines; ++i) {
            if (orderKey(first[i]) >= 0)
                m_seqs.remove(first[i].seq);
        }
        first += lines;
        count -= lines;
    };
    // Lines of the batch that would be dropped at once are never inserted.
    if (count > m_limit)
        skip(count - m_limit);
    const qsizetype overflow = m_lines.size() + count - m_limit;
    if (overflow > 0) {
        // The oldest lines go, a chunk at a time: those above the batch...
        const qsizetype above =
            std::min<qsizetype>(row, std::max<qsizetype>(overflow, std::max(1, m_limit / 10)));
        dropOldest(above);
        row -= static_cast<int>(above);
        // ...then, for older history that goes in at the top, the batch's own oldest lines.
        // Never the lines below the batch, which are newer than it: the log would have a
        // hole that nothing shows.
        if (overflow > above)
            skip(overflow - above);
    }
    if (count <= 0)
        return;

    beginInsertRows({}, row, row + static_cast<int>(count) - 1);
    m_lines.insert(row, count, ChatLine());
    for (qsizetype i = 0; i < count; ++i)
        m_lines[row + i] = first[i];
    endInsertRows();
}

void MessageModel::dropOldest(qsizetype count)
{
    count = std::min(count, m_lines.size());
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, static_cast<int>(count) - 1);
    for (qsizetype row = std::max<qsizetype>(m_sequenceStart, 0); row < count; ++row) {
        if (orderKey(m_lines.at(row)) >= 0)
            m_seqs.remove(m_lines.at(row).seq);
    }
    // QList keeps the free space at the front, so this moves no other line.
    m_lines.remove(0, count);
    m_sequenceStart = std::max(0, m_sequenceStart - static_cast<int>(count));
    endRemoveRows();
}

void MessageModel::clear()
{
    const int tail = tailStart();
    if (tail == 0)
        return;
    beginResetModel();
    m_lines.remove(0, tail);
    m_seqs.clear();
    m_sequenceStart = 0;
    endResetModel();
}

int MessageModel::rowOfClientId(const QString &clientId) const
{
    if (clientId.isEmpty())
        return -1;
    for (auto row = static_cast<int>(m_lines.size()) - 1; row >= m_sequenceStart; --row) {
        const ChatLine &line = m_lines.at(row);
        if (!line.isUnconfirmed())
            break;
        if (line.clientId == clientId)
            return row;
    }
    return -1;
}

void MessageModel::confirm(const QString &clientId, quint64 seq, qint64 time)
{
    const int row = rowOfClientId(clientId);
    if (row < 0)
        return;
    if (seq > 0 && m_seqs.contains(seq)) {
        beginRemoveRows({}, row, row);
        m_lines.removeAt(row);
        endRemoveRows();
        return;
    }
    ChatLine confirmed = m_lines.at(row);
    confirmed.delivery = ChatLine::Delivery::Confirmed;
    confirmed.note.clear();
    confirmed.seq = seq;
    confirmed.time = time;
    // Where it belongs among the confirmed lines: usually right where it is, the first of the
    // unconfirmed ones; above them if an earlier message is still waiting.
    const int target = insertPosition(orderKey(confirmed));
    if (target != row) {
        beginMoveRows({}, row, row, {}, target);
        m_lines.move(row, target);
        endMoveRows();
    }
    m_lines[target] = confirmed;
    if (seq > 0)
        m_seqs.insert(seq);
    const QModelIndex changed = index(target);
    Q_EMIT dataChanged(changed, changed);
}

void MessageModel::setDelivery(const QString &clientId, ChatLine::Delivery delivery,
                               const QString &note)
{
    const int row = rowOfClientId(clientId);
    if (row < 0 || delivery == ChatLine::Delivery::Confirmed)
        return;
    ChatLine &line = m_lines[row];
    if (line.delivery == delivery && line.note == note)
        return;
    line.delivery = delivery;
    line.note = note;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

void MessageModel::removeOutgoing(const QString &clientId)
{
    const int row = rowOfClientId(clientId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_lines.removeAt(row);
    endRemoveRows();
}

void MessageModel::replaceOutgoing(const QList<ChatLine> &lines)
{
    const int tail = tailStart();
    if (tail < m_lines.size()) {
        beginRemoveRows({}, tail, static_cast<int>(m_lines.size()) - 1);
        m_lines.resize(tail);
        endRemoveRows();
    }
    append(lines);
}

void MessageModel::startSequence()
{
    m_sequenceStart = tailStart();
    m_seqs.clear();
}

void MessageModel::addServerDivider(const QString &address)
{
    // Below every line so far (but above the user's unconfirmed messages, which belong to the
    // new server's outbox): no number of the new server is compared with the old ones.
    startSequence();
    ChatLine divider;
    divider.kind = ChatLine::Kind::Marker;
    divider.marker = ChatLine::Marker::Server;
    divider.text = address;
    insertLines(tailStart(), &divider, 1);
    m_sequenceStart = tailStart();
}

void MessageModel::removeMarkers(ChatLine::Marker marker)
{
    for (auto row = static_cast<int>(m_lines.size()) - 1; row >= 0; --row) {
        if (m_lines.at(row).kind == ChatLine::Kind::Marker && m_lines.at(row).marker == marker) {
            beginRemoveRows({}, row, row);
            m_lines.removeAt(row);
            if (row < m_sequenceStart)
                --m_sequenceStart;
            endRemoveRows();
        }
    }
}

int MessageModel::findMarker(ChatLine::Marker marker) const
{
    for (int row = 0; row < m_lines.size(); ++row) {
        if (m_lines.at(row).kind == ChatLine::Kind::Marker && m_lines.at(row).marker == marker)
            return row;
    }
    return -1;
}

quint64 MessageModel::oldestSeq() const
{
    for (qsizetype row = m_sequenceStart; row < m_lines.size(); ++row) {
        const ChatLine &line = m_lines.at(row);
        if (line.kind != ChatLine::Kind::Marker && orderKey(line) >= 0)
            return line.seq;
    }
    return 0;
}

void MessageModel::setScrollbackLimit(int lines)
{
    m_limit = std::max(1, lines);
    if (m_lines.size() > m_limit)
        dropOldest(m_lines.size() - m_limit);
}

ChatLine MessageModel::line(int row) const
{
    return row >= 0 && row < m_lines.size() ? m_lines.at(row) : ChatLine();
}

QDate MessageModel::day(int row) const
{
    if (row < 0 || row >= m_lines.size())
        return {};
    const ChatLine &line = m_lines.at(row);
    if (line.kind == ChatLine::Kind::Marker || line.time <= 0)
        return {};
    // Converting to local time asks the C library, which looks at the zone file each time;
    // the lines of a log come a day at a time, so the last day's bounds answer nearly all.
    if (line.time < m_dayStart || line.time >= m_dayEnd) {
        m_day = QDateTime::fromMSecsSinceEpoch(line.time).date();
        m_dayStart = QDateTime(m_day, QTime(0, 0)).toMSecsSinceEpoch();
        m_dayEnd = QDateTime(m_day.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
        if (line.time < m_dayStart || line.time >= m_dayEnd) {
            // A day that does not start at midnight (a zone's change at 00:00): no shortcut.
            m_dayStart = m_dayEnd = 0;
            return m_day;
        }
    }
    return m_day;
}

QDate MessageModel::dayStartingAt(int row) const
{
    const QDate own = day(row);
    if (!own.isValid())
        return {};
    // Markers have no day: look past them (there are never many in a row).
    for (int above = row - 1; above >= 0; --above) {
        const QDate other = day(above);
        if (other.isValid())
            return other == own ? QDate() : own;
    }
    return own;
}

QList<qsizetype> MessageModel::findIn(const QString &text, const QString &query)
{
    QList<qsizetype> starts;
    if (query.isEmpty())
        return starts;
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = text.indexOf(query, from, Qt::CaseInsensitive);
        if (at < 0)
            break;
        starts.append(at);
        from = at + query.size();
    }
    return starts;
}

QList<MessageModel::FindHit> MessageModel::find(const QString &query) const
{
    QList<FindHit> hits;
    if (query.isEmpty())
        return hits;
    for (int row = 0; row < m_lines.size(); ++row) {
        const QList<qsizetype> starts = findIn(describe(m_lines.at(row)), query);
        for (const qsizetype start : starts)
            hits.append({row, start, query.size()});
    }
    return hits;
}

QString MessageModel::dayName(const QDate &day, const QDate &today)
{
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QString MessageModel::fullTime(qint64 msecsSinceEpoch)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch);
    const QLocale locale;
    //: A time stamp's tooltip: the long date, then the time ("Monday, 30 November 2026, 14:03:22")
    return tr("%1, %2").arg(locale.toString(time.date(), QLocale::LongFormat),
                            locale.toString(time.time(), u"HH:mm:ss"_s));
}

QString MessageModel::dayLine(const QDate &day)
{
    //: A day's line in a saved chat log: "— Monday, 30 November 2026 —"
    return tr("— %1 —").arg(QLocale().toString(day, QLocale::LongFormat));
}

QString MessageModel::toPlainText() const
{
    QString text;
    for (int row = 0; row < m_lines.size(); ++row) {
        // A time alone says nothing once the log is read another day.
        const QDate day = dayStartingAt(row);
        if (day.isValid()) {
            text += dayLine(day);
            text += u'\n';
        }
        text += plainText(m_lines.at(row));
        text += u'\n';
    }
    return text;
}

QString MessageModel::toHtml(const std::function<QString(const QString &)> &nickColor) const
{
    QString html = u"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>"_s +
        tr("Tagarela chat log").toHtmlEscaped() +
        u"</title>\n<style>\n"
        "body { background: #ffffff; color: #1a1a1a; font-family: sans-serif; }\n"
        "p { margin: 0.1em 0; white-space: pre-wrap; }\n"
        ".time { color: #767676; }\n"
        ".nick { font-weight: bold; }\n"
        ".action { font-style: italic; }\n"
        ".quiet { color: #5f5f5f; font-style: italic; }\n"
        ".error { color: #b00020; }\n"
        ".mention { background: #fff2b3; }\n"
        ".unconfirmed { color: #767676; }\n"
        ".note { color: #767676; font-style: italic; }\n"
        ".marker { color: #5f5f5f; text-align: center; }\n"
        "h2.day { font-size: 1em; color: #5f5f5f; text-align: center; margin: 0.8em 0 0.3em; }\n"
        "</style>\n</head>\n<body>\n"_s;
    for (int row = 0; row < m_lines.size(); ++row) {
        const ChatLine &line = m_lines.at(row);
        const QDate day = dayStartingAt(row);
        if (day.isValid()) {
            html += u"<h2 class=\"day\">"_s +
                QLocale().toString(day, QLocale::LongFormat).toHtmlEscaped() + u"</h2>\n"_s;
        }
        if (line.kind == ChatLine::Kind::Marker) {
            html += u"<p class=\"marker\">"_s + describe(line).toHtmlEscaped() + u"</p>\n"_s;
            continue;
        }
        const QString note = deliveryNote(line);
        html += u"<p class=\""_s + htmlClass(line) + u"\"><span class=\"time\">["_s +
            timeStamp(line.time) + u"]</span> "_s + htmlBody(line, nickColor) +
            (note.isEmpty() ? QString()
                            : u" <span class=\"note\">("_s + note.toHtmlEscaped() + u")</span>"_s) +
            u"</p>\n"_s;
    }
    html += u"</body>\n</html>\n"_s;
    return html;
}

QString MessageModel::timeStamp(const QDateTime &time)
{
    return time.toLocalTime().toString(u"HH:mm"_s);
}

QString MessageModel::timeStamp(qint64 msecsSinceEpoch)
{
    return timeStamp(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch));
}

QString MessageModel::describe(const ChatLine &line)
{
    // What others wrote is isolated, so that its direction controls and right-to-left letters
    // cannot reorder the brackets, words and notes around it.
    const QString nick = BidiText::isolated(line.nick);
    const QString text = BidiText::isolated(line.text);
    switch (line.kind) {
    case ChatLine::Kind::Chat:
        return u'<' + nick + u"> "_s + text;
    case ChatLine::Kind::Action:
        return u"* "_s + nick + u' ' + text;
    case ChatLine::Kind::Joined:
        return tr("%1 joined").arg(nick);
    case ChatLine::Kind::Left:
        return line.text.isEmpty() ? tr("%1 left").arg(nick) : tr("%1 left (%2)").arg(nick, text);
    case ChatLine::Kind::Renamed:
        return tr("%1 is now known as %2").arg(nick, text);
    case ChatLine::Kind::Notice:
        //: A notice typed by the host (the person running the server): -host- text
        return tr("-%1- %2").arg(line.nick.isEmpty() ? tr("host") : nick, text);
    case ChatLine::Kind::Info:
        return text;
    case ChatLine::Kind::Error:
        return tr("Error: %1").arg(text);
    case ChatLine::Kind::Marker:
        //: A divider across the chat log, such as "— 12 messages while you were away —"
        return tr("— %1 —").arg(line.text);
    }
    return line.text;
}

QString MessageModel::deliveryNote(const ChatLine &line)
{
    switch (line.delivery) {
    case ChatLine::Delivery::Confirmed:
        return {};
    case ChatLine::Delivery::Pending:
        return line.note.isEmpty() ? tr("sending…") : line.note;
    case ChatLine::Delivery::Failed:
        return line.note.isEmpty() ? tr("not sent") : tr("not sent: %1").arg(line.note);
    }
    return {};
}

QString MessageModel::plainText(const ChatLine &line)
{
    if (line.kind == ChatLine::Kind::Marker)
        return describe(line);
    const QString note = deliveryNote(line);
    return u'[' + timeStamp(line.time) + u"] "_s + describe(line) +
        (note.isEmpty() ? QString() : u" ("_s + note + u')');
}

} // namespace Tagarela
