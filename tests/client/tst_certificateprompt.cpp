// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QCryptographicHash>
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
}

QTEST_MAIN(TestCertificatePrompt)
#include "tst_certificateprompt.moc"
