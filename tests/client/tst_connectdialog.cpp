// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include "chatclient.h"
#include "connectdialog.h"
#include "serveraddress.h"
#include "serverhistory.h"
#include "typetext.h"
#include "validation.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;
using Tagarela::TestSupport::typeText;

using Failure = ChatClient::Failure;

class TestConnectDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void describesItself();
    void connectNeedsAHost();
    void emptyHostIsExplainedOnceLeft();
    void emptyNickIsExplainedOnceTouched();
    void invalidNickDisablesConnect();
    void portBounds();
    void connectEmitsTheTypedValues();
    void enterConnects();
    void hostWithPortSetsThePort();
    void severalServers();
    void nickTakenOffersTheSuggestion();
    void nickTakenTypingGoesToTheNickname();
    void otherFailuresHaveTheirOwnMessage();
    void busyDisablesInputs();
    void cancelWhileBusyStopsTheAttempt();
    void cancelWhenIdleCloses();
    void cancelCanReadQuit();
    void recentServersFillTheHostList();
    void rememberSavesServerAndNick();
    void setValues();
    void tabOrder();
    void passwordIsHiddenAndNeverSaved();
    void tlsIsRememberedPerServer();
    void chosenTlsIsNeverUndoneByARememberedServer();
    void shownAgainEnterConnects();
    void longFailureLeavesTheFieldsTheirSize();
    void passwordFailuresFocusThePassword_data();
    void passwordFailuresFocusThePassword();
    void tlsRequiredFocusesTheCheckbox();
    void passwordWithoutTlsIsWarned();

private:
    void createDialog();
    template<typename T>
    T *child(const QString &name) const
    {
        T *widget = m_dialog->findChild<T *>(name);
        if (!widget)
            qFatal("no child %s", qPrintable(name));
        return widget;
    }
    QComboBox *hostCombo() const { return child<QComboBox>(u"host"_s); }
    QSpinBox *portSpin() const { return child<QSpinBox>(u"port"_s); }
    QLineEdit *nickEdit() const { return child<QLineEdit>(u"nick"_s); }
    QLabel *hostReason() const { return child<QLabel>(u"hostReason"_s); }
    QLabel *nickReason() const { return child<QLabel>(u"nickReason"_s); }
    QLabel *errorLabel() const { return child<QLabel>(u"errorLabel"_s); }
    QPushButton *suggestionButton() const { return child<QPushButton>(u"suggestionButton"_s); }
    QPushButton *connectButton() const { return child<QPushButton>(u"connectButton"_s); }
    QPushButton *cancelButton() const { return child<QPushButton>(u"cancelButton"_s); }
    QCheckBox *tlsCheck() const { return child<QCheckBox>(u"tls"_s); }
    QLineEdit *passwordEdit() const { return child<QLineEdit>(u"password"_s); }
    QLabel *passwordReason() const { return child<QLabel>(u"passwordReason"_s); }
    void fill(const QString &host, const QString &nick);

    std::unique_ptr<ConnectDialog> m_dialog;
};

void TestConnectDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings(u"Tagarela"_s, u"tagarela"_s).clear();
    qputenv("USER", "ana");
}

void TestConnectDialog::init()
{
    QSettings(u"Tagarela"_s, u"tagarela"_s).clear();
}

void TestConnectDialog::cleanup()
{
    m_dialog.reset();
    QSettings(u"Tagarela"_s, u"tagarela"_s).clear();
}

void TestConnectDialog::createDialog()
{
    m_dialog = std::make_unique<ConnectDialog>();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestConnectDialog::fill(const QString &host, const QString &nick)
{
    hostCombo()->lineEdit()->clear();
    QTest::keyClicks(hostCombo()->lineEdit(), host);
    nickEdit()->clear();
    QTest::keyClicks(nickEdit(), nick);
}

void TestConnectDialog::describesItself()
{
    createDialog();
    QCOMPARE(m_dialog->windowTitle(), ConnectDialog::tr("Connect to a Tagarela server"));
    for (QWidget *field : {static_cast<QWidget *>(hostCombo()), static_cast<QWidget *>(portSpin()),
                           static_cast<QWidget *>(nickEdit())}) {
        QVERIFY2(!field->accessibleName().isEmpty(), qPrintable(field->objectName()));
        const QList<QLabel *> labels = m_dialog->findChildren<QLabel *>();
        const auto buddy = std::find_if(labels.cbegin(), labels.cend(),
                                        [field](QLabel *label) { return label->buddy() == field; });
        QVERIFY2(buddy != labels.cend(), qPrintable(field->objectName()));
        QVERIFY((*buddy)->text().contains(u'&'));
    }
    QCOMPARE(portSpin()->value(), ConnectDialog::DefaultPort);
    QCOMPARE(m_dialog->nick(), u"ana"_s); // from USER
    QVERIFY(!errorLabel()->isVisible());
}

void TestConnectDialog::connectNeedsAHost()
{
    createDialog();
    QCOMPARE(m_dialog->host(), QString());
    QVERIFY(!connectButton()->isEnabled());
    // Nothing typed yet: no complaint, only the placeholder and a disabled Connect.
    QVERIFY(!hostReason()->isVisible());
    QVERIFY(hostCombo()->accessibleDescription().isEmpty());

    QTest::keyClicks(hostCombo()->lineEdit(), u"localhost"_s);
    QVERIFY(connectButton()->isEnabled());
    QVERIFY(!hostReason()->isVisible());

    // A second server with a port that cannot be.
    QTest::keyClicks(hostCombo()->lineEdit(), u", x:0"_s);
    QVERIFY(!connectButton()->isEnabled());
    QVERIFY(hostReason()->isVisible());
    QCOMPARE(
        hostReason()->text(),
        ServerAddressList::tr("\"%1\": the port must be a number from 1 to 65535.").arg(u"x:0"_s));

    // Erased by the user: now it says what is missing.
    for (int i = 0; i < 14; ++i)
        QTest::keyClick(hostCombo()->lineEdit(), Qt::Key_Backspace);
    QCOMPARE(m_dialog->host(), QString());
    QVERIFY(hostReason()->isVisible());
    QCOMPARE(hostReason()->text(), ConnectDialog::tr("Enter the server's host name or address."));
    QCOMPARE(hostCombo()->accessibleDescription(), hostReason()->text());
}

void TestConnectDialog::emptyHostIsExplainedOnceLeft()
{
    createDialog();
    QVERIFY(hostCombo()->lineEdit()->hasFocus());
    QVERIFY(!hostReason()->isVisible());
    // Enter in the empty field, or leaving it, asks for a reason.
    QTest::keyClick(hostCombo()->lineEdit(), Qt::Key_Return);
    QVERIFY(m_dialog->isVisible());
    QVERIFY(hostReason()->isVisible());
    QCOMPARE(hostReason()->text(), ConnectDialog::tr("Enter the server's host name or address."));

    cleanup();
    createDialog();
    QVERIFY(!hostReason()->isVisible());
    QTest::keyClick(hostCombo()->lineEdit(), Qt::Key_Tab);
    QVERIFY(!hostCombo()->lineEdit()->hasFocus());
    QVERIFY(hostReason()->isVisible());
}

void TestConnectDialog::emptyNickIsExplainedOnceTouched()
{
    createDialog();
    m_dialog->setValues(u"localhost"_s, ConnectDialog::DefaultPort, QString());
    QCOMPARE(m_dialog->nick(), QString());
    QVERIFY(!connectButton()->isEnabled());
    QVERIFY(!nickReason()->isVisible());
    QTest::keyClicks(nickEdit(), u"b"_s);
    QTest::keyClick(nickEdit(), Qt::Key_Backspace);
    QVERIFY(nickReason()->isVisible());
    QCOMPARE(nickReason()->text(), Validation::describe(NickProblem::Empty));
}

void TestConnectDialog::invalidNickDisablesConnect()
{
    createDialog();
    fill(u"localhost"_s, u"bad nick!"_s);
    QVERIFY(!connectButton()->isEnabled());
    QVERIFY(nickReason()->isVisible());
    QCOMPARE(nickReason()->text(), Validation::describe(Validation::checkNick(u"bad nick!"_s)));
    QCOMPARE(nickEdit()->accessibleDescription(), nickReason()->text());

    nickEdit()->clear();
    QVERIFY(!connectButton()->isEnabled());
    QCOMPARE(nickReason()->text(), Validation::describe(NickProblem::Empty));

    typeText(nickEdit(), u"João"_s);
    QVERIFY(connectButton()->isEnabled());
    QVERIFY(!nickReason()->isVisible());
}

void TestConnectDialog::portBounds()
{
    createDialog();
    QCOMPARE(portSpin()->minimum(), 1);
    QCOMPARE(portSpin()->maximum(), 65535);
    portSpin()->selectAll();
    QTest::keyClicks(portSpin(), u"99999"_s);
    QVERIFY(portSpin()->value() <= 65535);
    portSpin()->setValue(0);
    QCOMPARE(portSpin()->value(), 1);
    portSpin()->selectAll();
    QTest::keyClicks(portSpin(), u"4000"_s);
    QCOMPARE(m_dialog->port(), 4000);
}

void TestConnectDialog::connectEmitsTheTypedValues()
{
    createDialog();
    QSignalSpy requested(m_dialog.get(), &ConnectDialog::connectRequested);
    fill(u" chat.example.org "_s, u"bia"_s);
    portSpin()->selectAll();
    QTest::keyClicks(portSpin(), u"4000"_s);
    QTest::mouseClick(connectButton(), Qt::LeftButton);

    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), u"chat.example.org"_s);
    QCOMPARE(requested.at(0).at(1).value<quint16>(), 4000);
    QCOMPARE(requested.at(0).at(2).toString(), u"bia"_s);
    // The dialog waits for the outcome.
    QVERIFY(m_dialog->isVisible());
    QVERIFY(m_dialog->isBusy());
    QVERIFY(!connectButton()->isEnabled());
    QTest::mouseClick(connectButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
}

void TestConnectDialog::enterConnects()
{
    createDialog();
    QSignalSpy requested(m_dialog.get(), &ConnectDialog::connectRequested);
    fill(u"localhost"_s, u"bia"_s);
    QTest::keyClick(nickEdit(), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
}

void TestConnectDialog::hostWithPortSetsThePort()
{
    createDialog();
    fill(u"chat.example.org:4000"_s, u"bia"_s);
    QCOMPARE(m_dialog->host(), u"chat.example.org"_s);
    QCOMPARE(m_dialog->port(), 4000);

    QSignalSpy requested(m_dialog.get(), &ConnectDialog::connectRequested);
    QTest::mouseClick(connectButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), u"chat.example.org"_s);
    QCOMPARE(requested.at(0).at(1).value<quint16>(), 4000);
    // The fields now say what was used.
    QCOMPARE(hostCombo()->currentText(), u"chat.example.org"_s);
    QCOMPARE(portSpin()->value(), 4000);

    m_dialog->setBusy(false);
    hostCombo()->lineEdit()->clear();
    QTest::keyClicks(hostCombo()->lineEdit(), u"[::1]:5000"_s);
    QCOMPARE(m_dialog->host(), u"::1"_s);
    QCOMPARE(m_dialog->port(), 5000);
    hostCombo()->lineEdit()->clear();
    QTest::keyClicks(hostCombo()->lineEdit(), u"fe80::1"_s);
    QCOMPARE(m_dialog->host(), u"fe80::1"_s);
    QCOMPARE(m_dialog->port(), 4000); // the port field's
}

void TestConnectDialog::severalServers()
{
    createDialog();
    fill(u" chat1.example.org:4001,chat2.example.org  [::1]:4003 "_s, u"bia"_s);
    // The list is the host; the port field stays the default of entries without a port.
    QCOMPARE(m_dialog->host(), u"chat1.example.org:4001, chat2.example.org, [::1]:4003"_s);
    QCOMPARE(m_dialog->port(), ConnectDialog::DefaultPort);
    QVERIFY(!hostReason()->isVisible());
    QVERIFY(connectButton()->isEnabled());

    QSignalSpy requested(m_dialog.get(), &ConnectDialog::connectRequested);
    QTest::mouseClick(connectButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(),
             u"chat1.example.org:4001, chat2.example.org, [::1]:4003"_s);
    QCOMPARE(requested.at(0).at(1).value<quint16>(), ConnectDialog::DefaultPort);
    // Not split into host and port as one address is.
    QCOMPARE(hostCombo()->currentText().trimmed(),
             u"chat1.example.org:4001,chat2.example.org  [::1]:4003"_s);

    // Remembered as a list, offered again with every port spelt out.
    m_dialog->remember();
    m_dialog.reset();
    createDialog();
    const int index =
        hostCombo()->findText(u"chat1.example.org:4001, chat2.example.org:3000, [::1]:4003"_s);
    QVERIFY(index >= 0);
    hostCombo()->setCurrentIndex(index);
    Q_EMIT hostCombo()->activated(index);
    QCOMPARE(m_dialog->host(), u"chat1.example.org:4001, chat2.example.org, [::1]:4003"_s);
    QCOMPARE(m_dialog->port(), ConnectDialog::DefaultPort);

    // A bad entry is named, and Connect waits for it to be mended.
    m_dialog->setValues(u"chat1.example.org, [chat2.example.org]"_s, 3000, u"bia"_s);
    QVERIFY(!connectButton()->isEnabled());
    QVERIFY(hostReason()->isVisible());
    QCOMPARE(hostReason()->text(),
             ServerAddressList::tr("\"%1\": between [ and ] goes an IPv6 address.")
                 .arg(u"[chat2.example.org]"_s));
    QCOMPARE(hostCombo()->accessibleDescription(), hostReason()->text());
}

void TestConnectDialog::nickTakenOffersTheSuggestion()
{
    createDialog();
    fill(u"localhost"_s, u"ana"_s);
    QTest::mouseClick(connectButton(), Qt::LeftButton);
    m_dialog->showFailure(Failure::NickTaken, u"The nickname ana is taken."_s, u"ana2"_s);

    QVERIFY(m_dialog->isVisible());
    QVERIFY(!m_dialog->isBusy());
    QVERIFY(errorLabel()->isVisible());
    QVERIFY(errorLabel()->text().contains(u"ana"_s));
    QVERIFY(suggestionButton()->isVisible());
    QVERIFY(suggestionButton()->text().contains(u"ana2"_s));

    QTest::mouseClick(suggestionButton(), Qt::LeftButton);
    QCOMPARE(nickEdit()->text(), u"ana2"_s);
    QCOMPARE(m_dialog->nick(), u"ana2"_s);
    QVERIFY(connectButton()->isEnabled());

    // No usable suggestion, no button.
    m_dialog->showFailure(Failure::NickTaken, {}, {});
    QVERIFY(errorLabel()->isVisible());
    QVERIFY(!suggestionButton()->isVisible());
}

void TestConnectDialog::nickTakenTypingGoesToTheNickname()
{
    createDialog();
    fill(u"localhost"_s, u"ana"_s);
    QTest::keyClick(nickEdit(), Qt::Key_Return);
    QVERIFY(m_dialog->isBusy());
    m_dialog->showFailure(Failure::NickTaken, u"The nickname ana is taken."_s, u"ana2"_s);
    QVERIFY(suggestionButton()->isVisible());

    // The user types another name at once: it goes to the nickname, replacing the taken one,
    // and Enter connects with it.
    QSignalSpy requested(m_dialog.get(), &ConnectDialog::connectRequested);
    QTest::keyClicks(QApplication::focusWidget(), u"carla"_s);
    QCOMPARE(nickEdit()->text(), u"carla"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(2).toString(), u"carla"_s);

    // The suggestion is still a click (or its Alt shortcut) away.
    m_dialog->showFailure(Failure::NickTaken, u"The nickname carla is taken."_s, u"carla2"_s);
    QVERIFY(suggestionButton()->text().contains(u'&'));
    QTest::mouseClick(suggestionButton(), Qt::LeftButton);
    QCOMPARE(nickEdit()->text(), u"carla2"_s);
}

void TestConnectDialog::otherFailuresHaveTheirOwnMessage()
{
    createDialog();
    fill(u"localhost"_s, u"ana"_s);
    const QString text = u"detail from the server"_s;
    QSet<QString> messages;
    m_dialog->showFailure(Failure::NickTaken, text, u"ana2"_s);
    messages.insert(m_dialog->failureText());
    for (const Failure failure :
         {Failure::HostNotFound, Failure::ConnectionRefused, Failure::TimedOut,
          Failure::VersionMismatch, Failure::InvalidNick, Failure::ServerFull,
          Failure::TooManyConnections, Failure::Kicked, Failure::ServerShutDown, Failure::Flood,
          Failure::PasswordRequired, Failure::WrongPassword, Failure::TooManyFailures,
          Failure::TlsRequired, Failure::Banned, Failure::UntrustedCertificate,
          Failure::CertificateChanged, Failure::TlsFailed, Failure::Network}) {
        m_dialog->showFailure(failure, text, u"ana2"_s);
        const QString message = m_dialog->failureText();
        const QString name =
            QString::fromLatin1(QMetaEnum::fromType<Failure>().valueToKey(int(failure)));
        QVERIFY2(!message.isEmpty(), qPrintable(name));
        QVERIFY2(!messages.contains(message), qPrintable(name));
        messages.insert(message);
        QVERIFY2(errorLabel()->isVisible(), qPrintable(name));
        QVERIFY2(!suggestionButton()->isVisible(), qPrintable(name));
        QVERIFY(m_dialog->isVisible());
    }
    // Failures with no fixed wording show what the client was told.
    m_dialog->showFailure(Failure::Network, u"Socket operation timed out"_s, {});
    QVERIFY(m_dialog->failureText().contains(u"Socket operation timed out"_s));
    m_dialog->showFailure(Failure::Kicked, u"be nice"_s, {});
    QVERIFY(m_dialog->failureText().contains(u"be nice"_s));

    m_dialog->showFailure(Failure::None, {}, {});
    QVERIFY(!errorLabel()->isVisible());
    QVERIFY(m_dialog->failureText().isEmpty());
}

void TestConnectDialog::busyDisablesInputs()
{
    createDialog();
    fill(u"localhost"_s, u"ana"_s);
    const QString idleText = connectButton()->text();
    m_dialog->setBusy(true);
    QVERIFY(!hostCombo()->isEnabled());
    QVERIFY(!portSpin()->isEnabled());
    QVERIFY(!nickEdit()->isEnabled());
    QVERIFY(!connectButton()->isEnabled());
    QCOMPARE(connectButton()->text(), ConnectDialog::tr("Connecting…"));
    QVERIFY(cancelButton()->isEnabled());

    m_dialog->setBusy(false);
    QVERIFY(hostCombo()->isEnabled());
    QVERIFY(portSpin()->isEnabled());
    QVERIFY(nickEdit()->isEnabled());
    QVERIFY(connectButton()->isEnabled());
    QCOMPARE(connectButton()->text(), idleText);
}

void TestConnectDialog::cancelWhileBusyStopsTheAttempt()
{
    createDialog();
    QSignalSpy cancelled(m_dialog.get(), &ConnectDialog::cancelRequested);
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    m_dialog->setBusy(true);
    QTest::mouseClick(cancelButton(), Qt::LeftButton);
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(rejected.isEmpty());
    QVERIFY(m_dialog->isVisible());
    QVERIFY(!m_dialog->isBusy());

    m_dialog->setBusy(true);
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QCOMPARE(cancelled.size(), 2);
    QVERIFY(m_dialog->isVisible());
}

void TestConnectDialog::cancelWhenIdleCloses()
{
    createDialog();
    QSignalSpy cancelled(m_dialog.get(), &ConnectDialog::cancelRequested);
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    QTest::mouseClick(cancelButton(), Qt::LeftButton);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(cancelled.isEmpty());
    QVERIFY(!m_dialog->isVisible());
}

void TestConnectDialog::cancelCanReadQuit()
{
    createDialog();
    const QString cancelText = cancelButton()->text();
    m_dialog->setCancelQuits(true);
    QCOMPARE(cancelButton()->text(), ConnectDialog::tr("&Quit"));
    m_dialog->setBusy(true); // then it stops the attempt, it does not quit
    QCOMPARE(cancelButton()->text(), cancelText);
    m_dialog->setBusy(false);
    QCOMPARE(cancelButton()->text(), ConnectDialog::tr("&Quit"));
}

void TestConnectDialog::recentServersFillTheHostList()
{
    {
        ServerHistory history;
        history.addServer(u"alpha.example"_s, 4000);
        history.addServer(u"beta.example"_s, 5000);
        history.setLastNick(u"caio"_s);
    }
    createDialog();
    QCOMPARE(hostCombo()->count(), 2);
    QCOMPARE(hostCombo()->itemText(0), u"beta.example:5000"_s);
    QCOMPARE(hostCombo()->itemText(1), u"alpha.example:4000"_s);
    // The last server and nickname come first.
    QCOMPARE(m_dialog->host(), u"beta.example"_s);
    QCOMPARE(m_dialog->port(), 5000);
    QCOMPARE(m_dialog->nick(), u"caio"_s);
    QVERIFY(connectButton()->isEnabled());

    // Picking an entry with the keyboard sets both fields.
    hostCombo()->setFocus();
    QTest::keyClick(hostCombo(), Qt::Key_Down);
    QTest::keyClick(hostCombo(), Qt::Key_Down);
    QCOMPARE(hostCombo()->currentIndex(), 1);
    QCOMPARE(hostCombo()->currentText(), u"alpha.example"_s);
    QCOMPARE(portSpin()->value(), 4000);
    QCOMPARE(m_dialog->host(), u"alpha.example"_s);
    QCOMPARE(m_dialog->port(), 4000);
}

void TestConnectDialog::rememberSavesServerAndNick()
{
    createDialog();
    fill(u"gamma.example:6000"_s, u"dora"_s);
    QTest::mouseClick(connectButton(), Qt::LeftButton);
    m_dialog->remember();
    const ServerHistory history;
    QCOMPARE(history.lastServer()->host, u"gamma.example"_s);
    QCOMPARE(history.lastServer()->port, 6000);
    QCOMPARE(history.lastNick(), u"dora"_s);
}

void TestConnectDialog::setValues()
{
    createDialog();
    m_dialog->setValues(u"delta.example"_s, 7000, u"eva"_s);
    QCOMPARE(m_dialog->host(), u"delta.example"_s);
    QCOMPARE(m_dialog->port(), 7000);
    QCOMPARE(m_dialog->nick(), u"eva"_s);
    QCOMPARE(portSpin()->value(), 7000);
    QVERIFY(connectButton()->isEnabled());
}

void TestConnectDialog::tabOrder()
{
    createDialog();
    fill(u"localhost"_s, u"ana"_s);
    QApplication::setActiveWindow(m_dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    hostCombo()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), hostCombo());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), portSpin());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), tlsCheck());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), nickEdit());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), passwordEdit());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    // The suggestion button is hidden, so focus goes on to the buttons.
    QVERIFY(QApplication::focusWidget() == connectButton() ||
            QApplication::focusWidget() == cancelButton());
}

void TestConnectDialog::passwordIsHiddenAndNeverSaved()
{
    createDialog();
    fill(u"gamma.example"_s, u"dora"_s);
    QCOMPARE(passwordEdit()->echoMode(), QLineEdit::Password);
    typeText(passwordEdit(), u"pão de queijo"_s);
    QCOMPARE(m_dialog->password(), u"pão de queijo"_s);
    QSignalSpy requested(m_dialog.get(), &ConnectDialog::connectRequested);
    QTest::mouseClick(connectButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    m_dialog->remember();

    // Nowhere in the settings, under any key.
    QSettings settings(u"Tagarela"_s, u"tagarela"_s);
    settings.sync();
    for (const QString &key : settings.allKeys()) {
        QVERIFY2(!settings.value(key).toString().contains(u"queijo"_s), qPrintable(key));
        QVERIFY2(!key.contains(u"password"_s, Qt::CaseInsensitive), qPrintable(key));
    }
    m_dialog.reset();
    createDialog();
    QVERIFY(m_dialog->password().isEmpty());
}

void TestConnectDialog::tlsIsRememberedPerServer()
{
    {
        ServerHistory history;
        history.addServer(u"plain.example"_s, 3000, false);
        history.addServer(u"secure.example"_s, 3443, true);
    }
    createDialog();
    // The last server used TLS: the box starts ticked.
    QCOMPARE(m_dialog->host(), u"secure.example"_s);
    QVERIFY(tlsCheck()->isChecked());
    QVERIFY(m_dialog->useTls());

    hostCombo()->setFocus();
    QTest::keyClick(hostCombo(), Qt::Key_Down);
    QTest::keyClick(hostCombo(), Qt::Key_Down);
    QCOMPARE(m_dialog->host(), u"plain.example"_s);
    QVERIFY(!tlsCheck()->isChecked());
    QTest::keyClick(hostCombo(), Qt::Key_Up);
    QVERIFY(tlsCheck()->isChecked());

    // Ticking it by hand is remembered for that server once connected.
    m_dialog->setValues(u"new.example"_s, 4000, u"ana"_s);
    QVERIFY(!tlsCheck()->isChecked());
    tlsCheck()->setFocus();
    QTest::keyClick(tlsCheck(), Qt::Key_Space);
    QVERIFY(m_dialog->useTls());
    m_dialog->remember();
    QVERIFY(ServerHistory().find(u"NEW.example"_s, 4000)->tls);
}

void TestConnectDialog::chosenTlsIsNeverUndoneByARememberedServer()
{
    {
        ServerHistory history;
        history.addServer(u"plain.example"_s, 3000, false);
        history.addServer(u"other.example"_s, 3001, false);
    }
    createDialog();
    QCOMPARE(m_dialog->host(), u"other.example"_s);
    QVERIFY(!tlsCheck()->isChecked());
    // The user asks for TLS...
    tlsCheck()->setFocus();
    QTest::keyClick(tlsCheck(), Qt::Key_Space);
    QVERIFY(m_dialog->useTls());

    // ...then picks a server remembered without it from the list,
    hostCombo()->setFocus();
    QTest::keyClick(hostCombo(), Qt::Key_Down);
    QTest::keyClick(hostCombo(), Qt::Key_Down);
    QCOMPARE(m_dialog->host(), u"plain.example"_s);
    QVERIFY(tlsCheck()->isChecked());
    // types one and presses Enter (the combo box matches it to the remembered entry),
    hostCombo()->lineEdit()->clear();
    QTest::keyClicks(hostCombo()->lineEdit(), u"other.example:3001"_s);
    QSignalSpy requested(m_dialog.get(), &ConnectDialog::connectRequested);
    QTest::keyClick(hostCombo()->lineEdit(), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), u"other.example"_s);
    QVERIFY(m_dialog->useTls());
    m_dialog->setBusy(false);
    // or the window fills it in: TLS stays on.
    m_dialog->setValues(u"plain.example"_s, 3000, u"ana"_s);
    QVERIFY(m_dialog->useTls());

    // Unticking is the user's to do, and then the history may tick it again (never the
    // other way round).
    tlsCheck()->setFocus();
    QTest::keyClick(tlsCheck(), Qt::Key_Space);
    QVERIFY(!m_dialog->useTls());
    {
        ServerHistory history;
        history.addServer(u"secure.example"_s, 3443, true);
    }
    m_dialog->setValues(u"secure.example"_s, 3443, u"ana"_s);
    QVERIFY(m_dialog->useTls());
}

void TestConnectDialog::shownAgainEnterConnects()
{
    createDialog();
    fill(u"localhost"_s, u"ana"_s);
    QTest::keyClick(nickEdit(), Qt::Key_Return);
    QVERIFY(m_dialog->isBusy());
    // Connected: the window hides the dialog while it is busy, and shows it again later
    // (Chat ▸ Connect…).
    m_dialog->hide();
    m_dialog->setBusy(false);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QCOMPARE(m_dialog->focusWidget(), nickEdit());
    QSignalSpy requested(m_dialog.get(), &ConnectDialog::connectRequested);
    QTest::keyClick(m_dialog->focusWidget(), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QVERIFY(m_dialog->isVisible());
}

void TestConnectDialog::longFailureLeavesTheFieldsTheirSize()
{
    createDialog();
    fill(u"localhost"_s, u"ana"_s);
    QCoreApplication::processEvents();
    const QSize before = m_dialog->size();
    // Three lines and more at the dialog's width.
    m_dialog->showFailure(Failure::Network,
                          u"the remote host closed the connection while the handshake was still "
                          "going on, after the proxy in between had already said something about "
                          "a certificate that nobody here asked for, twice"_s,
                          {});
    QTRY_VERIFY(errorLabel()->isVisible());
    QCoreApplication::processEvents();
    for (QWidget *field :
         {static_cast<QWidget *>(hostCombo()), static_cast<QWidget *>(portSpin()),
          static_cast<QWidget *>(nickEdit()), static_cast<QWidget *>(passwordEdit())}) {
        QVERIFY2(field->height() >= field->sizeHint().height(), qPrintable(field->objectName()));
    }
    // The message is whole: as tall as its lines at its width.
    QTRY_VERIFY2(errorLabel()->height() >= errorLabel()->heightForWidth(errorLabel()->width()),
                 qPrintable(u"%1 < %2"_s.arg(errorLabel()->height())
                                .arg(errorLabel()->heightForWidth(errorLabel()->width()))));
    QVERIFY(m_dialog->height() >= before.height());
}

void TestConnectDialog::passwordFailuresFocusThePassword_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::newRow("required") << Failure::PasswordRequired;
    QTest::newRow("wrong") << Failure::WrongPassword;
}

void TestConnectDialog::passwordFailuresFocusThePassword()
{
    QFETCH(Failure, failure);
    createDialog();
    fill(u"localhost"_s, u"ana"_s);
    QTest::keyClicks(passwordEdit(), u"guess"_s);
    QApplication::setActiveWindow(m_dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    QTest::mouseClick(connectButton(), Qt::LeftButton);
    QVERIFY(m_dialog->isBusy());
    QVERIFY(!passwordEdit()->isEnabled());
    QVERIFY(!tlsCheck()->isEnabled());
    m_dialog->showFailure(failure, u"from the server"_s, {});
    QVERIFY(passwordEdit()->isEnabled());
    QTRY_COMPARE(QApplication::focusWidget(), passwordEdit());
    QVERIFY(errorLabel()->isVisible());
    QVERIFY(m_dialog->failureText().contains(u"password"_s));
    // Typing replaces the old guess.
    QCOMPARE(passwordEdit()->selectedText(), u"guess"_s);
    QTest::keyClicks(passwordEdit(), u"right"_s);
    QCOMPARE(m_dialog->password(), u"right"_s);
}

void TestConnectDialog::tlsRequiredFocusesTheCheckbox()
{
    createDialog();
    fill(u"localhost"_s, u"ana"_s);
    QApplication::setActiveWindow(m_dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    m_dialog->showFailure(Failure::TlsRequired, {}, {});
    QTRY_COMPARE(QApplication::focusWidget(), tlsCheck());
    QVERIFY(m_dialog->failureText().contains(u"Use TLS"_s));
    QTest::keyClick(tlsCheck(), Qt::Key_Space);
    QVERIFY(m_dialog->useTls());
}

void TestConnectDialog::passwordWithoutTlsIsWarned()
{
    createDialog();
    fill(u"localhost"_s, u"ana"_s);
    QVERIFY(!passwordReason()->isVisible());
    QTest::keyClicks(passwordEdit(), u"x"_s);
    QVERIFY(passwordReason()->isVisible());
    QVERIFY(passwordReason()->text().contains(u"unencrypted"_s));
    // A warning, not a refusal.
    QVERIFY(connectButton()->isEnabled());
    tlsCheck()->setChecked(true);
    QVERIFY(!passwordReason()->isVisible());
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
