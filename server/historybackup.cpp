// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "historybackup.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QVariant>

#include "serverlogging.h"
#include "sqlitehistorydatabase.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// SQLite's files beside the database: the write-ahead log and its index.
constexpr std::array<QLatin1StringView, 2> SideFiles = {"-wal"_L1, "-shm"_L1};

// Waited for a lock SQLite cannot share at once (a WAL being reset); the server never holds
// one for long.
constexpr auto SourceOptions = "QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"_L1;

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool statOf(const QString &path, struct stat *info)
{
    return ::stat(QFile::encodeName(path).constData(), info) == 0;
}

// True if \a a and \a b name the same existing file (links and symbolic links included).
bool sameFile(const QString &a, const QString &b)
{
    struct stat first
    { };
    struct stat second
    { };
    return statOf(a, &first) && statOf(b, &second) && first.st_dev == second.st_dev &&
        first.st_ino == second.st_ino;
}

// A connection to one SQLite file that is closed and removed however the caller leaves.
class ScopedDatabase final
{
    Q_DISABLE_COPY_MOVE(ScopedDatabase)

public:
    ScopedDatabase(const QString &name, const QString &path, const QString &options)
        : m_name(name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(options);
    }
    ~ScopedDatabase() { QSqlDatabase::removeDatabase(m_name); }

    [[nodiscard]] bool open(QString *error)
    {
        QSqlDatabase db = database();
        if (!db.isValid()) {
            *error = HistoryBackup::tr("Qt's SQLite driver (QSQLITE) is not installed; on Debian "
                                       "it is the package libqt6sql6-sqlite");
            return false;
        }
        if (db.open())
            return true;
        *error = db.lastError().text();
        return false;
    }
    // Ends the connection here, while the caller still has the file to itself.
    void close() { database().close(); }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

} // namespace

HistoryBackup::Result HistoryBackup::write(const QString &dataDir, const QString &target)
{
    Result result;
    const auto failed = [&result](const QString &error) {
        result.error = error;
        return result;
    };

    const QString source =
        QDir(dataDir).absoluteFilePath(QLatin1StringView(SqliteHistoryDatabase::FileName));
    if (!QFileInfo(source).isFile())
        return failed(tr("there is no history in %1 (%2 does not exist)").arg(dataDir, source));
    const QFileInfo targetInfo(target);
    if (target.isEmpty() || targetInfo.isDir())
        return failed(tr("%1 is a directory: give the backup file's name").arg(target));
    const QString targetPath = targetInfo.absoluteFilePath();
    const QString targetDir = targetInfo.absolutePath();
    if (!QFileInfo(targetDir).isDir())
        return failed(tr("the directory %1 does not exist").arg(targetDir));
    // Replacing the database or its side files would destroy what is being copied; the side
    // files need not exist yet, so their names are refused in the data directory too.
    const bool inDataDir = sameFile(targetDir, dataDir);
    for (const QString &suffix : {QString(), QString(SideFiles[0]), QString(SideFiles[1])}) {
        const QString name = QLatin1StringView(SqliteHistoryDatabase::FileName) + suffix;
        if (sameFile(targetPath, source + suffix) || (inDataDir && targetInfo.fileName() == name)) {
            return failed(
                tr("%1 is the history itself; write the backup somewhere else").arg(targetPath));
        }
    }

    // Mode 0600, like the history: a backup is as private as what it copies.
    QTemporaryFile partial(targetDir + u"/."_s + targetInfo.fileName() + u".XXXXXX.partial"_s);
    if (!partial.open())
        return failed(tr("cannot create a file in %1: %2").arg(targetDir, partial.errorString()));

    // A read-only connection still creates the side files when no server has them open. If it
    // does as another user (root backing up a service's directory), they are given to the
    // database's owner, or the server could not open them when it starts.
    struct stat sourceStat
    { };
    if (!statOf(source, &sourceStat))
        return failed(tr("cannot read %1: %2").arg(source, systemError()));
    std::array<bool, SideFiles.size()> sideFileExisted {};
    for (size_t i = 0; i < SideFiles.size(); ++i)
        sideFileExisted[i] = QFileInfo::exists(source + SideFiles[i]);

    QString error;
    {
        ScopedDatabase db(u"tagarela-backup-source"_s, source, SourceOptions);
        if (!db.open(&error))
            return failed(tr("cannot open %1: %2").arg(source, error));
        QSqlQuery copy(db.database());
        // One statement, one read transaction: a snapshot of everything committed before it.
        if (!copy.prepare(u"VACUUM INTO ?"_s))
            return failed(tr("cannot copy %1: %2").arg(source, copy.lastError().text()));
        copy.addBindValue(partial.fileName());
        if (!copy.exec())
            return failed(tr("cannot copy %1: %2").arg(source, copy.lastError().text()));
        copy.finish();
        db.close();
    }
    for (size_t i = 0; i < SideFiles.size(); ++i) {
        const QString side = source + SideFiles[i];
        struct stat sideStat
        { };
        if (sideFileExisted[i] || !statOf(side, &sideStat) || sideStat.st_uid == sourceStat.st_uid)
            continue;
        if (::chown(QFile::encodeName(side).constData(), sourceStat.st_uid, sourceStat.st_gid) !=
            0) {
            qCWarning(lcServer).noquote()
                << tr("%1 was created by this backup and could not be given to the owner of %2 "
                      "(%3); remove it while no server runs")
                       .arg(side, source, systemError());
        }
    }

    // SQLite does not flush the copy; the backup is only worth having once it is on disk.
    if (::fsync(partial.handle()) != 0)
        return failed(tr("cannot write %1: %2").arg(partial.fileName(), systemError()));
    {
        ScopedDatabase db(u"tagarela-backup-copy"_s, partial.fileName(),
                          u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open(&error))
            return failed(tr("cannot open the copy %1: %2").arg(partial.fileName(), error));
        QSqlQuery check(db.database());
        if (!check.exec(u"PRAGMA integrity_check"_s) || !check.next())
            return failed(tr("cannot check the copy: %1").arg(check.lastError().text()));
        if (check.value(0).toString() != "ok"_L1) {
            return failed(tr("the copy is damaged (integrity check: %1); the history may be too")
                              .arg(check.value(0).toString()));
        }
        if (!check.exec(u"SELECT COUNT(*), MAX(seq) FROM messages"_s) || !check.next())
            return failed(tr("cannot read the copy: %1").arg(check.lastError().text()));
        result.messages = check.value(0).toLongLong();
        result.lastSeq = check.value(1).toULongLong();
        check.finish();
        db.close();
    }

    if (::rename(QFile::encodeName(partial.fileName()).constData(),
                 QFile::encodeName(targetPath).constData()) != 0) {
        return failed(
            tr("cannot rename %1 to %2: %3").arg(partial.fileName(), targetPath, systemError()));
    }
    partial.setAutoRemove(false);
    // The rename itself is on disk once the directory is.
    const int dir = ::open(QFile::encodeName(targetDir).constData(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    result.bytes = QFileInfo(targetPath).size();
    result.ok = true;
    return result;
}

} // namespace Tagarela
