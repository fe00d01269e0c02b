// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// ChatClient against the real server: TLS with trust on first use, passwords, bans.

#include <memory>

#include <QSettings>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "chatclient.h"
#include "chatserver.h"
#include "pinstore.h"
#include "testcertificate.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

class TestChatClientSecurity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstUseAsksThenTrustConnects();
    void pinnedCertificateSurvivesReconnect();
    void changedCertificateIsRefused();
    void changedCertificateStopsReconnecting();
    void tlsToServerWithoutTls();
    void failedTlsHandshakeTriesTheNextAddress();
    void plainToServerRequiringTls();
    void password_data();
    void password();
    void tooManyFailures();
    void banIsFinal();

private:
    std::unique_ptr<ChatServer> startServer(const ServerConfig &config);
    std::unique_ptr<ChatClient> makeClient(bool tls);
    ServerConfig tlsConfig(const TestCertificate &certificate, quint16 port = 0) const;
    [[nodiscard]] bool joins(ChatClient *client, quint16 port);
    ChatClient::Failure failureOf(ChatClient *client, quint16 port);

    std::unique_ptr<TestCertificate> m_first;
    std::unique_ptr<TestCertificate> m_second;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<PinStore> m_pins;
};

void TestChatClientSecurity::initTestCase()
{
    // ChatClient keeps an outbox and its place in the history: never in the user's own files.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QSslSocket::supportsSsl());
    m_first = std::make_unique<TestCertificate>();
    m_second = std::make_unique<TestCertificate>();
    QVERIFY2(m_first->isValid(), qPrintable(m_first->errorString()));
    QVERIFY2(m_second->isValid(), qPrintable(m_second->errorString()));
    QVERIFY(m_first->sha256() != m_second->sha256());
}

void TestChatClientSecurity::init()
{
    // Pins of their own for each test, away from the user's settings.
    m_settingsDir = std::make_unique<QTemporaryDir>();
    m_settings =
        std::make_unique<QSettings>(m_settingsDir->filePath(u"pins.ini"_s), QSettings::IniFormat);
    m_pins = std::make_unique<PinStore>(m_settings.get());
}

void TestChatClientSecurity::cleanup()
{
    m_pins.reset();
    m_settings.reset();
    m_settingsDir.reset();
}

std::unique_ptr<ChatServer> TestChatClientSecurity::startServer(const ServerConfig &config)
{
    auto server = std::make_unique<ChatServer>(config);
    if (!server->listen())
        return nullptr;
    return server;
}

ServerConfig TestChatClientSecurity::tlsConfig(const TestCertificate &certificate,
                                               quint16 port) const
{
    ServerConfig config;
    config.bindAddress = QHostAddress::LocalHost;
    config.port = port;
    config.maxRate = 0;
    config.passwordDelayMs = 20;
    config.tlsCertFile = certificate.certificateFile();
    config.tlsKeyFile = certificate.keyFile();
    return config;
}

std::unique_ptr<ChatClient> TestChatClientSecurity::makeClient(bool tls)
{
    auto client = std::make_unique<ChatClient>();
    client->setReconnectDelays(50, 400);
    client->setRandomSeed(42);
    client->setPinStore(m_pins.get());
    client->setTls(tls);
    return client;
}

bool TestChatClientSecurity::joins(ChatClient *client, quint16 port)
{
    QSignalSpy joined(client, &ChatClient::joined);
    client->connectToServer(u"127.0.0.1"_s, port, u"ana"_s);
    return joined.wait(10'000);
}

ChatClient::Failure TestChatClientSecurity::failureOf(ChatClient *client, quint16 port)
{
    QSignalSpy failed(client, &ChatClient::failed);
    QSignalSpy scheduled(client, &ChatClient::reconnectScheduled);
    client->connectToServer(u"127.0.0.1"_s, port, u"ana"_s);
    if (!failed.wait(10'000))
        return ChatClient::Failure::None;
    // Given up for good: no retry was scheduled.
    if (!scheduled.isEmpty() || client->state() != ChatClient::State::Disconnected)
        return ChatClient::Failure::None;
    return failed.at(0).at(0).value<ChatClient::Failure>();
}

void TestChatClientSecurity::firstUseAsksThenTrustConnects()
{
    const auto server = startServer(tlsConfig(*m_first));
    QVERIFY(server);
    const quint16 port = server->serverPort();
    auto client = makeClient(true);

    QCOMPARE(failureOf(client.get(), port), ChatClient::Failure::UntrustedCertificate);
    const CertificateProblem problem = client->certificateProblem();
    QVERIFY(!problem.isChange());
    QCOMPARE(problem.host, u"127.0.0.1"_s);
    QCOMPARE(problem.port, port);
    QCOMPARE(problem.fingerprint, m_first->sha256());
    QCOMPARE(problem.subject, u"127.0.0.1"_s);
    QVERIFY(!problem.errors.isEmpty());
    // Nobody joined: the client stopped before the handshake.
    QVERIFY(server->room().nicks().isEmpty());
    QVERIFY(m_pins->pin(u"127.0.0.1"_s, port).isEmpty());

    client->trustCertificate(problem);
    QCOMPARE(m_pins->pin(u"127.0.0.1"_s, port), m_first->sha256());
    QVERIFY(joins(client.get(), port));
    QVERIFY(client->certificateProblem().isNull());
    QSignalSpy lines(client.get(), &ChatClient::lineReceived);
    QVERIFY(client->say(u"encrypted hello"_s));
    QVERIFY(lines.wait(5000));
    QCOMPARE(lines.at(0).at(0).value<ChatLine>().text, u"encrypted hello"_s);
}

void TestChatClientSecurity::pinnedCertificateSurvivesReconnect()
{
    auto server = startServer(tlsConfig(*m_first));
    QVERIFY(server);
    const quint16 port = server->serverPort();
    m_pins->setPin(u"127.0.0.1"_s, port, m_first->sha256());
    auto client = makeClient(true);
    QVERIFY(joins(client.get(), port));

    // The server goes away and comes back with the same certificate: the client reconnects
    // by itself and accepts it, since it is the pinned one.
    QSignalSpy lost(client.get(), &ChatClient::connectionLost);
    QSignalSpy joined(client.get(), &ChatClient::joined);
    server.reset();
    QVERIFY(lost.wait(5000));
    server = startServer(tlsConfig(*m_first, port));
    QVERIFY(server);
    QVERIFY(joined.wait(10'000));
    QCOMPARE(client->state(), ChatClient::State::Connected);
}

void TestChatClientSecurity::changedCertificateIsRefused()
{
    const auto server = startServer(tlsConfig(*m_first));
    QVERIFY(server);
    const quint16 port = server->serverPort();
    m_pins->setPin(u"127.0.0.1"_s, port, m_second->sha256());
    auto client = makeClient(true);

    QCOMPARE(failureOf(client.get(), port), ChatClient::Failure::CertificateChanged);
    const CertificateProblem problem = client->certificateProblem();
    QVERIFY(problem.isChange());
    QCOMPARE(problem.pinned, m_second->sha256());
    QCOMPARE(problem.fingerprint, m_first->sha256());
    QVERIFY(server->room().nicks().isEmpty());
    // The old pin stays until the user decides otherwise.
    QCOMPARE(m_pins->pin(u"127.0.0.1"_s, port), m_second->sha256());

    client->trustCertificate(problem);
    QVERIFY(joins(client.get(), port));
}

void TestChatClientSecurity::changedCertificateStopsReconnecting()
{
    auto server = startServer(tlsConfig(*m_first));
    QVERIFY(server);
    const quint16 port = server->serverPort();
    m_pins->setPin(u"127.0.0.1"_s, port, m_first->sha256());
    auto client = makeClient(true);
    QVERIFY(joins(client.get(), port));

    QSignalSpy lost(client.get(), &ChatClient::connectionLost);
    QSignalSpy failed(client.get(), &ChatClient::failed);
    server.reset();
    QVERIFY(lost.wait(5000));
    server = startServer(tlsConfig(*m_second, port));
    QVERIFY(server);
    QVERIFY(failed.wait(10'000));
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(),
             ChatClient::Failure::CertificateChanged);
    QCOMPARE(client->state(), ChatClient::State::Disconnected);
    QCOMPARE(client->msUntilRetry(), -1);
    QVERIFY(server->room().nicks().isEmpty());
}

void TestChatClientSecurity::tlsToServerWithoutTls()
{
    ServerConfig config = tlsConfig(*m_first);
    config.tlsCertFile.clear();
    config.tlsKeyFile.clear();
    const auto server = startServer(config);
    QVERIFY(server);
    auto client = makeClient(true);
    QCOMPARE(failureOf(client.get(), server->serverPort()), ChatClient::Failure::TlsFailed);
}

void TestChatClientSecurity::failedTlsHandshakeTriesTheNextAddress()
{
    ServerConfig plainConfig = tlsConfig(*m_first);
    plainConfig.tlsCertFile.clear();
    plainConfig.tlsKeyFile.clear();
    const auto plain = startServer(plainConfig);
    const auto otherPlain = startServer(plainConfig);
    const auto tls = startServer(tlsConfig(*m_first));
    QVERIFY(plain && otherPlain && tls);
    m_pins->setPin(u"127.0.0.1"_s, tls->serverPort(), m_first->sha256());

    // The first address has no TLS: its handshake fails, and the next one is tried, with TLS.
    auto client = makeClient(true);
    QSignalSpy joined(client.get(), &ChatClient::joined);
    client->connectToServer(
        u"127.0.0.1:%1, 127.0.0.1:%2"_s.arg(plain->serverPort()).arg(tls->serverPort()), 3000,
        u"ana"_s);
    QVERIFY(joined.wait(10'000));
    QVERIFY(client->isEncrypted());
    QCOMPARE(client->currentAddress().port, tls->serverPort());
    QVERIFY(plain->room().nicks().isEmpty());
    QCOMPARE(tls->room().nicks(), QStringList {u"ana"_s});

    // TLS was chosen: no address gets a plain connection instead, and the client says why.
    auto strict = makeClient(true);
    QSignalSpy failed(strict.get(), &ChatClient::failed);
    strict->connectToServer(
        u"127.0.0.1:%1 127.0.0.1:%2"_s.arg(plain->serverPort()).arg(otherPlain->serverPort()), 3000,
        u"bia"_s);
    QVERIFY(failed.wait(10'000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(), ChatClient::Failure::TlsFailed);
    QCOMPARE(strict->currentAddress().port, otherPlain->serverPort());
    QVERIFY(plain->room().nicks().isEmpty());
    QVERIFY(otherPlain->room().nicks().isEmpty());
}

void TestChatClientSecurity::plainToServerRequiringTls()
{
    ServerConfig config = tlsConfig(*m_first);
    config.requireTls = true;
    const auto server = startServer(config);
    QVERIFY(server);
    auto client = makeClient(false);
    QCOMPARE(failureOf(client.get(), server->serverPort()), ChatClient::Failure::TlsRequired);
}

void TestChatClientSecurity::password_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<ChatClient::Failure>("failure");
    QTest::newRow("right") << u"sesame"_s << ChatClient::Failure::None;
    QTest::newRow("wrong") << u"sesame!"_s << ChatClient::Failure::WrongPassword;
    QTest::newRow("missing") << QString() << ChatClient::Failure::PasswordRequired;
}

void TestChatClientSecurity::password()
{
    QFETCH(QString, password);
    QFETCH(ChatClient::Failure, failure);
    ServerConfig config = tlsConfig(*m_first);
    config.password = u"sesame"_s;
    const auto server = startServer(config);
    QVERIFY(server);
    m_pins->setPin(u"127.0.0.1"_s, server->serverPort(), m_first->sha256());
    auto client = makeClient(true);
    client->setPassword(password);
    if (failure == ChatClient::Failure::None)
        QVERIFY(joins(client.get(), server->serverPort()));
    else
        QCOMPARE(failureOf(client.get(), server->serverPort()), failure);
}

void TestChatClientSecurity::tooManyFailures()
{
    ServerConfig config = tlsConfig(*m_first);
    config.tlsCertFile.clear();
    config.tlsKeyFile.clear();
    config.password = u"sesame"_s;
    config.passwordMaxFailures = 2;
    const auto server = startServer(config);
    QVERIFY(server);
    auto client = makeClient(false);
    client->setPassword(u"guess"_s);
    QCOMPARE(failureOf(client.get(), server->serverPort()), ChatClient::Failure::WrongPassword);
    QCOMPARE(failureOf(client.get(), server->serverPort()), ChatClient::Failure::WrongPassword);
    client->setPassword(u"sesame"_s);
    QCOMPARE(failureOf(client.get(), server->serverPort()), ChatClient::Failure::TooManyFailures);
}

void TestChatClientSecurity::banIsFinal()
{
    ServerConfig config = tlsConfig(*m_first);
    config.tlsCertFile.clear();
    config.tlsKeyFile.clear();
    const auto server = startServer(config);
    QVERIFY(server);
    auto client = makeClient(false);
    QVERIFY(joins(client.get(), server->serverPort()));

    QSignalSpy failed(client.get(), &ChatClient::failed);
    QSignalSpy scheduled(client.get(), &ChatClient::reconnectScheduled);
    QCOMPARE(server->ban(*BanList::parse(u"127.0.0.1"_s)).disconnected, 1);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(), ChatClient::Failure::Banned);
    QCOMPARE(scheduled.size(), 0);
    QCOMPARE(client->state(), ChatClient::State::Disconnected);
}

QTEST_GUILESS_MAIN(TestChatClientSecurity)
#include "tst_chatclientsecurity.moc"
