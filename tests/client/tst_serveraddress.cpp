// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "serveraddress.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

Q_DECLARE_METATYPE(QList<Tagarela::ServerAddress>)

namespace {

ServerAddress at(const QString &host, quint16 port, bool given)
{
    return ServerAddress {host, port, given};
}

} // namespace

namespace QTest {
template<>
char *toString(const ServerAddress &address)
{
    return qstrdup(
        qPrintable(address.toString() + (address.portGiven ? u" (given)"_s : QString())));
}
} // namespace QTest

class TestServerAddress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodLists_data();
    void goodLists();
    void badLists_data();
    void badLists();
    void tooMany();
    void formatReadsBack();
};

void TestServerAddress::goodLists_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<ServerAddress>>("expected");
    QTest::addColumn<QString>("formatted");

    QTest::newRow("one host") << u"chat.example.org"_s
                              << QList {at(u"chat.example.org"_s, 3000, false)}
                              << u"chat.example.org"_s;
    QTest::newRow("one host and port")
        << u" chat.example.org:4000 "_s << QList {at(u"chat.example.org"_s, 4000, true)}
        << u"chat.example.org:4000"_s;
    QTest::newRow("commas and spaces")
        << u"host1:3001, host2:3002,host3  host4:3004"_s
        << QList {at(u"host1"_s, 3001, true), at(u"host2"_s, 3002, true),
                  at(u"host3"_s, 3000, false), at(u"host4"_s, 3004, true)}
        << u"host1:3001, host2:3002, host3, host4:3004"_s;
    QTest::newRow("IPv6 in brackets")
        << u"[::1]:3001, [fe80::1], 192.0.2.7:3003"_s
        << QList {at(u"::1"_s, 3001, true), at(u"fe80::1"_s, 3000, false),
                  at(u"192.0.2.7"_s, 3003, true)}
        << u"[::1]:3001, [fe80::1], 192.0.2.7:3003"_s;
    QTest::newRow("bare IPv6") << u"::1, 2001:db8::7"_s
                               << QList {at(u"::1"_s, 3000, false),
                                         at(u"2001:db8::7"_s, 3000, false)}
                               << u"[::1], [2001:db8::7]"_s;
    QTest::newRow("repeats dropped, case ignored")
        << u"a.example:3001, A.EXAMPLE:3001, a.example:3002,"_s
        << QList {at(u"a.example"_s, 3001, true), at(u"a.example"_s, 3002, true)}
        << u"a.example:3001, a.example:3002"_s;
    QTest::newRow("international name")
        << u"bate-papo.exemplo.br, tagarela_1"_s
        << QList {at(u"bate-papo.exemplo.br"_s, 3000, false), at(u"tagarela_1"_s, 3000, false)}
        << u"bate-papo.exemplo.br, tagarela_1"_s;
}

void TestServerAddress::goodLists()
{
    QFETCH(QString, text);
    QFETCH(QList<ServerAddress>, expected);
    QFETCH(QString, formatted);
    const ServerAddressList::Parsed parsed = ServerAddressList::parse(text, 3000);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.error));
    QCOMPARE(parsed.addresses.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(parsed.addresses.at(i), expected.at(i));
        QCOMPARE(parsed.addresses.at(i).portGiven, expected.at(i).portGiven);
    }
    QCOMPARE(ServerAddressList::format(parsed.addresses), formatted);
}

void TestServerAddress::badLists_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << u""_s
                           << ServerAddressList::tr("Enter the server's host name or address.");
    QTest::newRow("only separators")
        << u" , ,"_s << ServerAddressList::tr("Enter the server's host name or address.");
    QTest::newRow("port zero") << u"a.example, b.example:0"_s
                               << ServerAddressList::tr(
                                      "\"%1\": the port must be a number from 1 to 65535.")
                                      .arg(u"b.example:0"_s);
    QTest::newRow("port too big") << u"a.example:65536"_s
                                  << ServerAddressList::tr(
                                         "\"%1\": the port must be a number from 1 to 65535.")
                                         .arg(u"a.example:65536"_s);
    QTest::newRow("port not a number")
        << u"a.example:http"_s
        << ServerAddressList::tr("\"%1\": the port must be a number from 1 to 65535.")
               .arg(u"a.example:http"_s);
    QTest::newRow("empty port") << u"a.example:"_s
                                << ServerAddressList::tr(
                                       "\"%1\": the port must be a number from 1 to 65535.")
                                       .arg(u"a.example:"_s);
    QTest::newRow("no host") << u"a.example :3000"_s
                             << ServerAddressList::tr(
                                    "\"%1\": the host name is missing before the port.")
                                    .arg(u":3000"_s);
    QTest::newRow("unclosed bracket")
        << u"[::1:3000"_s
        << ServerAddressList::tr("\"%1\": the ] that ends the IPv6 address is missing.")
               .arg(u"[::1:3000"_s);
    QTest::newRow("not IPv6 in brackets")
        << u"[chat.example.org]:3000"_s
        << ServerAddressList::tr("\"%1\": between [ and ] goes an IPv6 address.")
               .arg(u"[chat.example.org]:3000"_s);
    QTest::newRow("junk after bracket")
        << u"[::1]x"_s
        << ServerAddressList::tr("\"%1\": only a port, after a colon, may follow the ].")
               .arg(u"[::1]x"_s);
    QTest::newRow("IPv6 with port, no brackets")
        << u"::1:3000:x"_s
        << ServerAddressList::tr(
               "\"%1\" is not an IPv6 address (with a port, write it as [address]:port).")
               .arg(u"::1:3000:x"_s);
    QTest::newRow("a URL")
        << u"tcp://chat.example.org:3000"_s
        << ServerAddressList::tr(
               "\"%1\": write the host name alone, without a scheme such as tcp://.")
               .arg(u"tcp://chat.example.org:3000"_s);
    QTest::newRow("slash") << u"chat.example.org/room"_s
                           << ServerAddressList::tr("\"%1\" is not a host name or address.")
                                  .arg(u"chat.example.org/room"_s);
    QTest::newRow("semicolon") << u"a.example;b.example"_s
                               << ServerAddressList::tr("\"%1\" is not a host name or address.")
                                      .arg(u"a.example;b.example"_s);
}

void TestServerAddress::badLists()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const ServerAddressList::Parsed parsed = ServerAddressList::parse(text, 3000);
    QVERIFY(!parsed.isValid());
    QCOMPARE(parsed.error, error);
}

void TestServerAddress::tooMany()
{
    QStringList names;
    for (int i = 0; i <= ServerAddressList::MaxAddresses; ++i)
        names.append(u"host%1"_s.arg(i));
    const QString all = names.join(u", "_s);
    names.removeLast();
    QVERIFY(ServerAddressList::parse(names.join(u", "_s), 3000).isValid());
    const ServerAddressList::Parsed parsed = ServerAddressList::parse(all, 3000);
    QVERIFY(!parsed.isValid());
    QCOMPARE(parsed.error,
             ServerAddressList::tr("Too many servers: at most %n.", nullptr,
                                   ServerAddressList::MaxAddresses));
}

void TestServerAddress::formatReadsBack()
{
    const QString text = u"a.example:3001 [::1] b.example"_s;
    const ServerAddressList::Parsed first = ServerAddressList::parse(text, 3000);
    QVERIFY(first.isValid());
    // Read back with another default: the entries without a port follow it, as remembered.
    const ServerAddressList::Parsed again =
        ServerAddressList::parse(ServerAddressList::format(first.addresses), 4000);
    QVERIFY(again.isValid());
    QCOMPARE(again.addresses.size(), 3);
    QCOMPARE(again.addresses.at(0), at(u"a.example"_s, 3001, true));
    QCOMPARE(again.addresses.at(1), at(u"::1"_s, 4000, false));
    QCOMPARE(again.addresses.at(2), at(u"b.example"_s, 4000, false));
}

QTEST_GUILESS_MAIN(TestServerAddress)
#include "tst_serveraddress.moc"
