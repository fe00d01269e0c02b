// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema1database.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include "sqlitehistorydatabase.h"

using namespace Qt::StringLiterals;

namespace Tagarela::Testing {

QString writeSchema1Database(const QString &dir, const QStringList &texts)
{
    const QString connection = u"schema1:"_s + dir;
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(QDir(dir).filePath(QLatin1StringView(SqliteHistoryDatabase::FileName)));
        if (!db.open()) {
            problem = db.lastError().text();
        } else {
            QSqlQuery query(db);
            const auto run = [&](const QString &statement) {
                if (problem.isEmpty() && !query.exec(statement))
                    problem = statement + u": "_s + query.lastError().text();
            };
            run(u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s);
            run(u"INSERT INTO meta VALUES ('schema', '1'), ('history-id', "
                "'0123456789abcdef0123456789abcdef'), ('last-seq', '%1')"_s.arg(texts.size()));
            run(u"CREATE TABLE messages (seq INTEGER PRIMARY KEY, time INTEGER NOT NULL, kind "
                "TEXT NOT NULL, sender TEXT NOT NULL, text TEXT NOT NULL, action INTEGER NOT "
                "NULL, client_id TEXT)"_s);
            for (qsizetype i = 0; i < texts.size() && problem.isEmpty(); ++i) {
                query.prepare(u"INSERT INTO messages VALUES (?, ?, 'chat', 'zoe', ?, 0, NULL)"_s);
                query.addBindValue(i + 1);
                query.addBindValue((i + 1) * 1000);
                query.addBindValue(texts.at(i));
                if (!query.exec())
                    problem = query.lastError().text();
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return problem;
}

} // namespace Tagarela::Testing
