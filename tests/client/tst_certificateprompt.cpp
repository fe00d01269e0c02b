// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QCryptographicHash>
#include <QDir>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "certificateprompt.h"
#include "chatclient.h"
#include "chatserver.h"
#include "chatwindow.h"
#include "connectdialog.h"
#include "messagemodel.h"
#include "pinstore.h"
#include "testcertificate.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

CertificateProblem problem(bool changed)
{
    CertificateProblem problem;
    problem.host = u"chat.example"_s;
    problem.port = 3000;
    problem.fingerprint = QCryptographicHash::hash("new", QCryptographicHash::Sha256);
    if (changed)
        problem.pinned = QCryptographicHash::hash("old", QCryptographicHash::Sha256);
    problem.subject = u"chat.example"_s;
    problem.expiry = QDateTime(QDate(2030, 1, 2), QTime(3, 4), Qt::UTC);
    return problem;
}

// The fingerprint as the prompt shows it: two lines of 16 pairs, in a <pre> block.
QString shown(const QByteArray &digest)
{
    return PinStore::format(digest, 16).toHtmlEscaped();
}

} // namespace

class TestCertificatePrompt final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstUse();
    void changed();
    void enterDoesNotAcceptAChange();
    void windowAsksThenConnects();
    void windowTrustsAChangeAndCarriesOn();
};

void TestCertificatePrompt::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings(u"Tagarela"_s, u"tagarela"_s).clear();
}

void TestCertificatePrompt::firstUse()
{
    const CertificateProblem asked = problem(false);
    QPointer<CertificatePrompt> prompt = new CertificatePrompt(asked);
    const QString text = prompt->text() + prompt->informativeText();
    QVERIFY2(text.contains(u"chat.example:3000"_s), qPrintable(text));
    QVERIFY2(text.contains(shown(asked.fingerprint)), qPrintable(text));
    QVERIFY(shown(asked.fingerprint).contains(u'\n'));
    QCOMPARE(prompt->icon(), QMessageBox::Question);
    QCOMPARE(prompt->defaultButton(), prompt->trustButton());

    QSignalSpy trusted(prompt.data(), &CertificatePrompt::trusted);
    prompt->open();
    QVERIFY(QTest::qWaitForWindowExposed(prompt));
    QTest::mouseClick(prompt->trustButton(), Qt::LeftButton);
    QCOMPARE(trusted.size(), 1);
    QCOMPARE(trusted.at(0).at(0).value<CertificateProblem>().fingerprint, asked.fingerprint);
    QTRY_VERIFY(!prompt); // it deletes itself once answered
}

void TestCertificatePrompt::changed()
{
    const CertificateProblem asked = problem(true);
    auto prompt = std::make_unique<CertificatePrompt>(asked);
    prompt->setAttribute(Qt::WA_DeleteOnClose, false);
    const QString text = prompt->text() + prompt->informativeText();
    QVERIFY2(text.contains(shown(asked.pinned)), qPrintable(text));
    QVERIFY2(text.contains(shown(asked.fingerprint)), qPrintable(text));
    QVERIFY(text.contains(u"not the one you trusted before"_s));
    QCOMPARE(prompt->icon(), QMessageBox::Critical);
    QVERIFY(prompt->defaultButton() != prompt->trustButton());
    QVERIFY(prompt->trustButton()->text().contains(u"New Certificate"_s));
}

void TestCertificatePrompt::enterDoesNotAcceptAChange()
{
    QPointer<CertificatePrompt> prompt = new CertificatePrompt(problem(true));
    QSignalSpy trusted(prompt.data(), &CertificatePrompt::trusted);
    prompt->open();
    QVERIFY(QTest::qWaitForWindowExposed(prompt));
    // Typing meant for another window does not accept it either.
    QTest::keyClicks(prompt, u"a new certificate, trust it"_s);
    QVERIFY(prompt);
    QCOMPARE(trusted.size(), 0);
    QTest::keyClick(prompt, Qt::Key_Return);
    QTRY_VERIFY(!prompt);
    QCOMPARE(trusted.size(), 0);
}

void TestCertificatePrompt::windowAsksThenConnects()
{
    const TestCertificate certificate;
    QVERIFY2(certificate.isValid(), qPrintable(certificate.errorString()));
    ServerConfig config;
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    config.tlsCertFile = certificate.certificateFile();
    config.tlsKeyFile = certificate.keyFile();
    ChatServer server(config);
    QVERIFY(server.listen());

    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"pins.ini"_s), QSettings::IniFormat);
    PinStore pins(&settings);
    ChatClient client;
    client.setPinStore(&pins);
    ChatWindow window(&client);
    QSignalSpy joined(&client, &ChatClient::joined);
    window.connectDirectly(u"127.0.0.1"_s, server.serverPort(), u"ana"_s, true);

    // The dialog says what happened and the prompt asks, over it.
    ConnectDialog *dialog = window.connectDialog();
    QVERIFY(dialog);
    CertificatePrompt *prompt = nullptr;
    QTRY_VERIFY((prompt = dialog->findChild<CertificatePrompt *>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(prompt));
    QVERIFY2(dialog->failureText().contains(u"no authority"_s), qPrintable(dialog->failureText()));
    const QString text = prompt->text() + prompt->informativeText();
    QVERIFY2(text.contains(shown(certificate.sha256())), qPrintable(text));
    QVERIFY(!window.isVisible());

    // Enter: trust is the default on first use.
    QTest::keyClick(prompt, Qt::Key_Return);
    QVERIFY(joined.wait(10'000));
    QCOMPARE(pins.pin(u"127.0.0.1"_s, server.serverPort()), certificate.sha256());
    QTRY_VERIFY(window.isVisible());
    QVERIFY(dialog->failureText().isEmpty());

    // The status bar says it is encrypted, with the version, and the fingerprint on hover.
    QVERIFY(client.isEncrypted());
    QCOMPARE(client.peerFingerprint(), certificate.sha256());
    auto *encryption = window.findChild<QLabel *>(u"encryption"_s);
    QVERIFY(encryption);
    QTRY_VERIFY(encryption->isVisible());
    QVERIFY2(encryption->text().startsWith(u"TLS 1."_s), qPrintable(encryption->text()));
    QVERIFY(window.findChild<QLabel *>(u"lock"_s)->isVisible());
    QVERIFY(!window.findChild<QLabel *>(u"lock"_s)->pixmap().isNull());
    const QString tip = encryption->parentWidget()->toolTip();
    QVERIFY2(tip.contains(PinStore::format(certificate.sha256(), 16)), qPrintable(tip));
}

void TestCertificatePrompt::windowTrustsAChangeAndCarriesOn()
{
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/outbox"_s)
        .removeRecursively();
    QSettings(u"Tagarela"_s, u"tagarela"_s).remove(u"resume"_s);
    const TestCertificate first;
    const TestCertificate second;
    QVERIFY2(first.isValid(), qPrintable(first.errorString()));
    QVERIFY2(second.isValid(), qPrintable(second.errorString()));
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const auto configFor = [&data](const TestCertificate &certificate, quint16 port) {
        ServerConfig config;
        config.bindAddress = QHostAddress::LocalHost;
        config.port = port;
        config.maxRate = 0;
        config.dataDir = data.path();
        config.tlsCertFile = certificate.certificateFile();
        config.tlsKeyFile = certificate.keyFile();
        return config;
    };
    auto server = std::make_unique<ChatServer>(configFor(first, 0));
    QVERIFY(server->listen());
    const quint16 port = server->serverPort();

    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"pins.ini"_s), QSettings::IniFormat);
    PinStore pins(&settings);
    pins.setPin(u"127.0.0.1"_s, port, first.sha256());
    ChatClient client;
    client.setPinStore(&pins);
    client.setReconnectDelays(50, 400);
    ChatWindow window(&client);
    QSignalSpy joined(&client, &ChatClient::joined);
    window.connectDirectly(u"127.0.0.1"_s, port, u"ana"_s, true);
    QVERIFY(joined.wait(10'000));
    QTRY_VERIFY(client.hasHistory());
    QSignalSpy renamed(&client, &ChatClient::nickChanged);
    QVERIFY(client.changeNick(u"bia"_s));
    QVERIFY(renamed.wait(5000));
    QSignalSpy acknowledged(&client, &ChatClient::messageAcknowledged);
    QVERIFY(client.say(u"before"_s));
    QVERIFY(acknowledged.wait(5000));

    // The server comes back with another certificate, while a message waits to be sent.
    QSignalSpy lost(&client, &ChatClient::connectionLost);
    QSignalSpy failed(&client, &ChatClient::failed);
    server.reset();
    QVERIFY(lost.wait(5000));
    QVERIFY(client.say(u"while away"_s));
    server = std::make_unique<ChatServer>(configFor(second, port));
    QVERIFY(server->listen());
    QVERIFY(failed.wait(10'000));
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(),
             ChatClient::Failure::CertificateChanged);
    CertificatePrompt *prompt = nullptr;
    QTRY_VERIFY((prompt = window.findChild<CertificatePrompt *>()) != nullptr);

    // The user accepts it: the session carries on under the nickname it had, from where it was.
    QSignalSpy reset(&client, &ChatClient::historyReset);
    joined.clear();
    Q_EMIT prompt->trusted(client.certificateProblem());
    QVERIFY(joined.wait(10'000));
    QCOMPARE(joined.at(0).at(0).toString(), u"bia"_s);
    QTRY_VERIFY(client.hasHistory());
    QTRY_COMPARE(client.outbox().size(), 0);
    QCOMPARE(reset.size(), 0);
    // Each message once: the history is not shown a second time under the first.
    const auto chat = [&window] {
        QStringList texts;
        const MessageModel *model = window.messageModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->line(row).kind == ChatLine::Kind::Chat)
                texts.append(model->line(row).text);
        }
        return texts;
    };
    QTRY_COMPARE(chat(), (QStringList {u"before"_s, u"while away"_s}));
}

QTEST_MAIN(TestCertificatePrompt)
#include "tst_certificateprompt.moc"
