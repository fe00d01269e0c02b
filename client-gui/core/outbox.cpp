// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimerEvent>
#include <QUrl>
#include <QUuid>

namespace Tagarela {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOutbox, "tagarela.client.outbox")

namespace {

constexpr int FormatVersion = 1;
// Each write ends with an fsync (QSaveFile), which can take tens of milliseconds: a new
// message is on disk within this much, and a burst of them costs one write.
constexpr int ChangeSaveDelayMs = 50;
constexpr int RemovalSaveDelayMs = 500;

} // namespace

bool operator==(const OutboxEntry &a, const OutboxEntry &b)
{
    return a.clientId == b.clientId && a.text == b.text && a.action == b.action && a.to == b.to &&
        a.created == b.created && a.state == b.state && a.reason == b.reason;
}

Outbox::Outbox(QObject *parent)
    : QObject(parent)
{ }

Outbox::~Outbox()
{
    if (!save())
        qCWarning(lcOutbox) << "could not write" << m_path << m_error;
}

QString Outbox::fileFor(const QString &host, quint16 port, const QString &nick)
{
    const QString name = host.toLower() + u':' + QString::number(port) + u' ' + nick.toCaseFolded();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/outbox/"_s +
        QString::fromLatin1(QUrl::toPercentEncoding(name)) + u".json"_s;
}

bool Outbox::open(const QString &path)
{
    if (!save())
        qCWarning(lcOutbox) << "could not write" << m_path << m_error;
    m_saveTimer.stop();
    m_path = path;
    m_entries.clear();
    m_dirty = false;
    return load();
}

bool Outbox::load()
{
    if (m_path.isEmpty())
        return true;
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = file.errorString();
        return false;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        m_error = error.errorString();
        return false;
    }
    const QJsonArray entries = document.object().value("entries"_L1).toArray();
    for (const QJsonValue &value : entries) {
        const QJsonObject object = value.toObject();
        OutboxEntry entry;
        entry.clientId = object.value("id"_L1).toString();
        entry.text = object.value("text"_L1).toString();
        entry.action = object.value("action"_L1).toBool();
        entry.created = qint64(object.value("created"_L1).toDouble());
        entry.state = object.value("state"_L1).toString() == "failed"_L1
            ? OutboxEntry::State::Failed
            : OutboxEntry::State::Pending;
        entry.reason = object.value("reason"_L1).toString();
        entry.to = object.value("to"_L1).toString();
        if (entry.clientId.isEmpty() || entry.text.isEmpty() || contains(entry.clientId))
            continue;
        m_entries.append(entry);
    }
    return true;
}

bool Outbox::save()
{
    m_saveTimer.stop();
    m_saveDelayMs = -1;
    if (!m_dirty || m_path.isEmpty())
        return true;
    if (m_entries.isEmpty()) {
        // Nothing to keep: no file rather than an empty one.
        if (QFile::exists(m_path) && !QFile::remove(m_path)) {
            m_error = tr("Could not remove %1.").arg(m_path);
            return false;
        }
        m_dirty = false;
        return true;
    }
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        m_error = tr("Could not create the folder for %1.").arg(m_path);
        return false;
    }
    QJsonArray entries;
    for (const OutboxEntry &entry : std::as_const(m_entries)) {
        QJsonObject object {
            {"id"_L1, entry.clientId},
            {"text"_L1, entry.text},
            {"action"_L1, entry.action},
            {"created"_L1, double(entry.created)},
            {"state"_L1, entry.state == OutboxEntry::State::Failed ? u"failed"_s : u"pending"_s},
        };
        if (!entry.reason.isEmpty())
            object.insert("reason"_L1, entry.reason);
        if (!entry.to.isEmpty())
            object.insert("to"_L1, entry.to);
        entries.append(object);
    }
    const QJsonObject root {{"version"_L1, FormatVersion}, {"entries"_L1, entries}};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        m_error = file.errorString();
        return false;
    }
    m_dirty = false;
    return true;
}

void Outbox::scheduleSave(int delayMs)
{
    m_dirty = true;
    if (m_path.isEmpty())
        return;
    // A sooner write replaces a later one, never the reverse.
    if (m_saveTimer.isActive() && m_saveDelayMs <= delayMs)
        return;
    m_saveDelayMs = delayMs;
    m_saveTimer.start(delayMs, this);
}

void Outbox::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_saveTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    if (!save())
        qCWarning(lcOutbox) << "could not write" << m_path << m_error;
}

const OutboxEntry *Outbox::find(const QString &clientId) const
{
    for (const OutboxEntry &entry : m_entries) {
        if (entry.clientId == clientId)
            return &entry;
    }
    return nullptr;
}

const OutboxEntry *Outbox::add(const QString &text, bool action, qint64 created, const QString &to)
{
    if (isFull())
        return nullptr;
    OutboxEntry entry;
    entry.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.text = text;
    entry.action = action;
    entry.created = created;
    entry.to = to;
    m_entries.append(entry);
    scheduleSave(ChangeSaveDelayMs);
    return &m_entries.constLast();
}

bool Outbox::remove(const QString &clientId)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).clientId == clientId) {
            m_entries.removeAt(i);
            scheduleSave(RemovalSaveDelayMs);
            return true;
        }
    }
    return false;
}

bool Outbox::setFailed(const QString &clientId, const QString &reason)
{
    for (OutboxEntry &entry : m_entries) {
        if (entry.clientId == clientId) {
            entry.state = OutboxEntry::State::Failed;
            entry.reason = reason;
            scheduleSave(ChangeSaveDelayMs);
            return true;
        }
    }
    return false;
}

bool Outbox::setPending(const QString &clientId)
{
    for (OutboxEntry &entry : m_entries) {
        if (entry.clientId == clientId) {
            entry.state = OutboxEntry::State::Pending;
            entry.reason.clear();
            scheduleSave(ChangeSaveDelayMs);
            return true;
        }
    }
    return false;
}

} // namespace Tagarela
