// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisaddress.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Tagarela {

namespace {

// Databases 0 to 15 exist in a default Redis; a larger one may be configured, so only the
// form is checked here and SELECT says whether it exists.
std::optional<int> parseDb(const QString &text)
{
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    for (const QChar c : text) {
        if (!c.isDigit() || c.unicode() > u'9')
            return std::nullopt;
    }
    return text.toInt();
}

} // namespace

std::optional<RedisAddress> RedisAddress::parse(const QString &url, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString text = url.trimmed();
    if (text.isEmpty())
        return fail(tr("The Redis address is empty: give redis://HOST[:PORT][/DB] or "
                       "unix:/PATH/redis.sock."));

    RedisAddress address;
    if (text.startsWith("unix:"_L1)) {
        QString path = text.mid(5);
        if (path.startsWith("//"_L1))
            path = path.mid(2); // unix:///run/redis.sock, as some tools write it
        const qsizetype query = path.indexOf(u'?');
        if (query >= 0) {
            const QString parameters = path.mid(query + 1);
            path.truncate(query);
            if (!parameters.startsWith("db="_L1) || !parseDb(parameters.mid(3)))
                return fail(tr("\"%1\": after the socket's path only ?db=N may follow, with N "
                               "a database number.")
                                .arg(text));
            address.db = *parseDb(parameters.mid(3));
        }
        if (!path.startsWith(u'/'))
            return fail(tr("\"%1\": a unix socket needs an absolute path, as in "
                           "unix:/run/redis/redis-server.sock.")
                            .arg(text));
        // sockaddr_un holds 108 bytes with the terminating zero.
        if (path.toLocal8Bit().size() > 107)
            return fail(tr("\"%1\": the socket's path is longer than the 107 bytes a unix "
                           "socket's name may have.")
                            .arg(text));
        address.kind = Kind::Unix;
        address.socketPath = path;
        return address;
    }

    if (!text.startsWith("redis://"_L1))
        return fail(tr("\"%1\" is not a Redis address: give redis://HOST[:PORT][/DB] or "
                       "unix:/PATH/redis.sock.")
                        .arg(text));
    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid())
        return fail(tr("\"%1\" is not a valid address: %2").arg(text, parsed.errorString()));
    if (!parsed.userInfo().isEmpty())
        return fail(tr("\"%1\": do not put a user or password in the address; give the password "
                       "in a file (--redis-password-file) or in TAGARELA_REDIS_PASSWORD.")
                        .arg(text));
    if (parsed.host().isEmpty())
        return fail(tr("\"%1\" names no host: give redis://HOST[:PORT][/DB].").arg(text));
    if (parsed.hasQuery() || parsed.hasFragment())
        return fail(tr("\"%1\": a Redis address has no ?query or #fragment.").arg(text));
    const int port = parsed.port(DefaultPort);
    if (port < 1 || port > 65535)
        return fail(tr("\"%1\": the port must be between 1 and 65535.").arg(text));
    // QUrl accepts "host:" with an empty port as the default; say so instead of guessing.
    if (text.section(u'/', 2, 2).endsWith(u':'))
        return fail(tr("\"%1\": the port after the colon is missing.").arg(text));
    const QString path = parsed.path();
    if (!path.isEmpty() && path != "/"_L1) {
        const auto db = parseDb(path.mid(1));
        if (!db)
            return fail(tr("\"%1\": after the host only /DB may follow, with DB a database "
                           "number (0 by default).")
                            .arg(text));
        address.db = *db;
    }
    address.kind = Kind::Tcp;
    address.host = parsed.host();
    address.port = quint16(port);
    return address;
}

QString RedisAddress::toString() const
{
    if (kind == Kind::Unix) {
        QString text = "unix:"_L1 + socketPath;
        if (db != 0)
            text += "?db="_L1 + QString::number(db);
        return text;
    }
    const QString hostPart = host.contains(u':') ? u'[' + host + u']' : host;
    QString text = "redis://"_L1 + hostPart + u':' + QString::number(port);
    if (db != 0)
        text += u'/' + QString::number(db);
    return text;
}

} // namespace Tagarela
