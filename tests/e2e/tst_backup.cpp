// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// tagarela-server --backup against a real server that is busy storing a stream of messages:
// the copy must be complete, consistent and restorable, and the server must not notice.

#include <memory>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "framedtestclient.h"
#include "serverprocess.h"
#include "testprinters.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

QString serverBinary()
{
    return QString::fromUtf8(TAGARELA_SERVER_BINARY);
}

QStringList serverArguments(const QString &dataDir)
{
    return {u"--data-dir"_s, dataDir, u"--max-rate"_s, u"0"_s, u"--quiet"_s};
}

// What an SQLite file holds: client-id -> seq, or an error in \a problem.
QHash<QString, quint64> readMessages(const QString &path, QString *problem)
{
    QHash<QString, quint64> messages;
    const QString name = u"tst_backup-"_s + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open()) {
            *problem = u"cannot open"_s;
        } else {
            QSqlQuery query(db);
            if (!query.exec(u"PRAGMA integrity_check"_s) || !query.next()) {
                *problem = u"no integrity check"_s;
            } else if (query.value(0).toString() != "ok"_L1) {
                *problem = query.value(0).toString();
            } else if (!query.exec(u"SELECT client_id, seq FROM messages"_s)) {
                *problem = u"no messages table"_s;
            } else {
                while (query.next())
                    messages.insert(query.value(0).toString(), query.value(1).toULongLong());
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return messages;
}

// Runs tagarela-server --backup; the process, finished, for its exit code and output.
std::unique_ptr<ServerProcess> runBackup(const QString &dataDir, const QString &target)
{
    auto backup = std::make_unique<ServerProcess>(serverBinary());
    if (!backup->start({u"--data-dir"_s, dataDir, u"--backup"_s, target}) ||
        !backup->waitForFinished(60'000)) {
        return nullptr;
    }
    return backup;
}

} // namespace

class TestBackup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void backupWhileBusy();
    void replacesAnOlderBackup();
    void refusesBadTargets();
    void noHistoryToCopy();
};

void TestBackup::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo::exists(serverBinary()), qPrintable(serverBinary()));
}

void TestBackup::backupWhileBusy()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath(u"data"_s);
    const QString target = dir.filePath(u"backup.sqlite"_s);
    constexpr int Preload = 2000;
    constexpr int InFlight = 16;
    constexpr int MostStreamed = 50'000; // the stream's bound, should the backup hang
    const QString text(1500, u'x'); // a few MB of history, so the copy takes a while

    ServerProcess server(serverBinary());
    QVERIFY(server.startListening(serverArguments(dataDir)));
    FramedTestClient sender(server.port());
    QVERIFY(sender.join(u"sender"_s));
    const QString historyId = sender.received(MessageType::HandshakeOk).constFirst().historyId;
    for (int i = 0; i < Preload; ++i)
        sender.say(text, u"p%1"_s.arg(i));
    QVERIFY(sender.waitForCount(MessageType::Ack, Preload, {}, 60'000));

    // 1. A stream: each ack sends the next message, keeping InFlight of them in the server's
    //    hands (being read, stored, acknowledged) all through the backup.
    QHash<QString, quint64> acked;
    int sent = 0;
    bool streaming = true;
    QObject pump;
    connect(&sender, &FramedTestClient::messageReceived, &pump, [&](const Message &message) {
        if (message.type != MessageType::Ack)
            return;
        acked.insert(message.clientId, message.seq);
        if (streaming && sent < MostStreamed)
            sender.say(text, u"s%1"_s.arg(sent++));
    });
    for (const Message &ack : sender.received(MessageType::Ack))
        acked.insert(ack.clientId, ack.seq);
    for (int i = 0; i < InFlight; ++i)
        sender.say(text, u"s%1"_s.arg(sent++));
    QVERIFY(QTest::qWaitFor([&] { return acked.size() >= Preload + 2 * InFlight; }, 20'000));

    // 2. The backup, while the stream goes on.
    const QHash<QString, quint64> ackedBefore = acked;
    const int sentBefore = sent;
    const auto backup = runBackup(dataDir, target);
    QVERIFY(backup);
    const int streamedDuring = sent - sentBefore;
    streaming = false;
    QCOMPARE(backup->exitStatus(), QProcess::NormalExit);
    QVERIFY2(backup->exitCode() == 0, qPrintable(backup->standardError()));
    QVERIFY2(backup->standardOutput().contains(u"integrity check ok"_s),
             qPrintable(backup->standardOutput()));
    QVERIFY(sent < MostStreamed);
    QVERIFY(QTest::qWaitFor([&] { return acked.size() == Preload + sent; }, 20'000));
    qInfo("%d messages acknowledged while the backup ran", streamedDuring);
    QVERIFY(!server.isFinished());

    // 3. The copy: intact, every message acknowledged before the backup began, and a snapshot:
    //    up to its newest message, nothing acknowledged is missing.
    QVERIFY(!QFileInfo::exists(target + u"-wal"_s));
    QCOMPARE(QFile::permissions(target) &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    QString problem;
    const QHash<QString, quint64> copied = readMessages(target, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    for (auto it = ackedBefore.cbegin(); it != ackedBefore.cend(); ++it) {
        QVERIFY2(copied.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(copied.value(it.key()), it.value());
    }
    quint64 newest = 0;
    for (const quint64 seq : copied)
        newest = qMax(newest, seq);
    for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
        if (it.value() <= newest)
            QVERIFY2(copied.value(it.key()) == it.value(), qPrintable(it.key()));
        else
            QVERIFY2(!copied.contains(it.key()), qPrintable(it.key()));
    }
    // "message(s)" until the English plural forms are built in.
    const QString report = backup->standardOutput();
    QVERIFY2(report.startsWith(u"Backed up %1 message"_s.arg(copied.size())) &&
                 report.contains(u"the newest #%1,"_s.arg(newest)),
             qPrintable(report));

    // 4. The server kept serving and still stops cleanly.
    sender.say(u"after the backup"_s, u"after"_s);
    QVERIFY(sender.waitFor(MessageType::Ack,
                           [](const Message &m) { return m.clientId == "after"_L1; }));
    server.writeLine(u"/quit"_s);
    QVERIFY(server.waitForFinished());
    QCOMPARE(server.exitCode(), 0);

    // 5. Restored as README.md says (the copy as history.sqlite of a fresh directory), it is
    //    the same history: same id, its newest message served to a joining client.
    const QString restored = dir.filePath(u"restored"_s);
    QVERIFY(QDir().mkpath(restored));
    QVERIFY(QFile::copy(target, restored + u"/history.sqlite"_s));
    ServerProcess again(serverBinary());
    QVERIFY(again.startListening(serverArguments(restored)));
    FramedTestClient reader(again.port());
    Message hello = Message::hello(u"reader"_s);
    hello.limit = 10;
    QVERIFY(reader.join(hello));
    QCOMPARE(reader.received(MessageType::HandshakeOk).constFirst().historyId, historyId);
    const QList<Message> history = reader.received(MessageType::History);
    QVERIFY(!history.isEmpty() && !history.constLast().messages.isEmpty());
    QCOMPARE(history.constLast().messages.constLast().seq, newest);
}

void TestBackup::replacesAnOlderBackup()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath(u"data"_s);
    const QString target = dir.filePath(u"backup.sqlite"_s);
    ServerProcess server(serverBinary());
    QVERIFY(server.startListening(serverArguments(dataDir)));
    FramedTestClient sender(server.port());
    QVERIFY(sender.join(u"sender"_s));
    sender.say(u"one"_s, u"one"_s);
    QVERIFY(sender.waitForCount(MessageType::Ack, 1));
    auto backup = runBackup(dataDir, target);
    QVERIFY(backup);
    QVERIFY2(backup->exitCode() == 0, qPrintable(backup->standardError()));

    sender.say(u"two"_s, u"two"_s);
    QVERIFY(sender.waitForCount(MessageType::Ack, 2));
    backup = runBackup(dataDir, target);
    QVERIFY(backup);
    QVERIFY2(backup->exitCode() == 0, qPrintable(backup->standardError()));
    QString problem;
    const QHash<QString, quint64> copied = readMessages(target, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(copied.size(), 2);
    QVERIFY(copied.contains(u"two"_s));
    // No temporary file is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList {u"backup.sqlite"_s});
}

void TestBackup::refusesBadTargets()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath(u"data"_s);
    ServerProcess server(serverBinary());
    QVERIFY(server.startListening(serverArguments(dataDir)));
    FramedTestClient sender(server.port());
    QVERIFY(sender.join(u"sender"_s));
    sender.say(u"keep me"_s, u"keep"_s);
    QVERIFY(sender.waitForCount(MessageType::Ack, 1));

    const struct
    {
        QString target;
        QString error;
    } cases[] = {
        {dataDir + u"/history.sqlite"_s, u"is the history itself"_s},
        {dataDir + u"/history.sqlite-wal"_s, u"is the history itself"_s},
        {dataDir + u"/../data/history.sqlite-shm"_s, u"is the history itself"_s},
        {dir.filePath(u"missing/backup.sqlite"_s), u"does not exist"_s},
        {dir.path(), u"is a directory"_s},
    };
    for (const auto &bad : cases) {
        const auto backup = runBackup(dataDir, bad.target);
        QVERIFY(backup);
        QCOMPARE(backup->exitCode(), 1);
        QVERIFY2(backup->standardError().contains(bad.error), qPrintable(backup->standardError()));
    }

    // The history is untouched and the server still stores.
    sender.say(u"still here"_s, u"still"_s);
    QVERIFY(sender.waitForCount(MessageType::Ack, 2));
    server.writeLine(u"/quit"_s);
    QVERIFY(server.waitForFinished());
    QString problem;
    const QHash<QString, quint64> stored = readMessages(dataDir + u"/history.sqlite"_s, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(stored.contains(u"keep"_s) && stored.contains(u"still"_s));
}

void TestBackup::noHistoryToCopy()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath(u"nothing-here"_s);
    const QString target = dir.filePath(u"backup.sqlite"_s);
    const auto backup = runBackup(dataDir, target);
    QVERIFY(backup);
    QCOMPARE(backup->exitCode(), 1);
    QVERIFY2(backup->standardError().contains(u"there is no history in"_s),
             qPrintable(backup->standardError()));
    // Neither an empty database nor the directory is made.
    QVERIFY(!QFileInfo::exists(dataDir));
    QVERIFY(!QFileInfo::exists(target));
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
