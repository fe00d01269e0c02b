// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagemodel.h"

#include <algorithm>

#include <QColor>
#include <QDateTime>

#include "nickcolor.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// The exported page has its own white background, whatever the palette of the program.
const QColor HtmlBackground = QColor(255, 255, 255);

QString htmlNick(const QString &shown, const QString &nick)
{
    return u"<span class=\"nick\" style=\"color:"_s +
        NickColor::forNick(nick, HtmlBackground).name() + u"\">"_s + shown.toHtmlEscaped() +
        u"</span>"_s;
}

QString htmlBody(const ChatLine &line)
{
    switch (line.kind) {
    case ChatLine::Kind::Chat:
        return htmlNick(u'<' + line.nick + u'>', line.nick) + u' ' + line.text.toHtmlEscaped();
    case ChatLine::Kind::Action:
        return u"* "_s + htmlNick(line.nick, line.nick) + u' ' + line.text.toHtmlEscaped();
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
        name = u"quiet"_s;
        break;
    }
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
    return names;
}

void MessageModel::append(const ChatLine &line)
{
    insertLines(&line, 1);
}

void MessageModel::append(const QList<ChatLine> &lines)
{
    insertLines(lines.constData(), lines.size());
}

void MessageModel::insertLines(const ChatLine *first, qsizetype count)
{
    if (count <= 0)
        return;
    // Lines of the batch that would be dropped at once are never inserted.
    if (count > m_limit) {
        first += count - m_limit;
        count = m_limit;
    }
    const qsizetype overflow = m_lines.size() + count - m_limit;
    if (overflow > 0)
        dropOldest(std::max<qsizetype>(overflow, std::max(1, m_limit / 10)));

    const auto start = static_cast<int>(m_lines.size());
    beginInsertRows({}, start, start + static_cast<int>(count) - 1);
    for (qsizetype i = 0; i < count; ++i)
        m_lines.append(first[i]);
    endInsertRows();
}

void MessageModel::dropOldest(qsizetype count)
{
    count = std::min(count, m_lines.size());
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, static_cast<int>(count) - 1);
    // QList keeps the free space at the front, so this moves no other line.
    m_lines.remove(0, count);
    endRemoveRows();
}

void MessageModel::clear()
{
    if (m_lines.isEmpty())
        return;
    beginResetModel();
    m_lines.clear();
    endResetModel();
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

QString MessageModel::toPlainText() const
{
    QString text;
    for (const ChatLine &line : m_lines) {
        text += plainText(line);
        text += u'\n';
    }
    return text;
}

QString MessageModel::toHtml() const
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
        "</style>\n</head>\n<body>\n"_s;
    for (const ChatLine &line : m_lines) {
        html += u"<p class=\""_s + htmlClass(line) + u"\"><span class=\"time\">["_s +
            timeStamp(line.time) + u"]</span> "_s + htmlBody(line) + u"</p>\n"_s;
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
    switch (line.kind) {
    case ChatLine::Kind::Chat:
        return u'<' + line.nick + u"> "_s + line.text;
    case ChatLine::Kind::Action:
        return u"* "_s + line.nick + u' ' + line.text;
    case ChatLine::Kind::Joined:
        return tr("%1 joined").arg(line.nick);
    case ChatLine::Kind::Left:
        return line.text.isEmpty() ? tr("%1 left").arg(line.nick)
                                   : tr("%1 left (%2)").arg(line.nick, line.text);
    case ChatLine::Kind::Renamed:
        return tr("%1 is now known as %2").arg(line.nick, line.text);
    case ChatLine::Kind::Notice:
        //: A notice typed by the host (the person running the server): -host- text
        return tr("-%1- %2").arg(line.nick.isEmpty() ? tr("host") : line.nick, line.text);
    case ChatLine::Kind::Info:
        return line.text;
    case ChatLine::Kind::Error:
        return tr("Error: %1").arg(line.text);
    }
    return line.text;
}

QString MessageModel::plainText(const ChatLine &line)
{
    return u'[' + timeStamp(line.time) + u"] "_s + describe(line);
}

} // namespace Tagarela
