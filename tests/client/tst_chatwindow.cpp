// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>
#include <optional>
#include <tuple>

#include <QApplication>
#include <QColor>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "chatclient.h"
#include "chatinput.h"
#include "chatserver.h"
#include "chatwindow.h"
#include "connectdialog.h"
#include "fakeserver.h"
#include "findbar.h"
#include "messagemodel.h"
#include "messageview.h"
#include "nickcolor.h"
#include "typetext.h"
#include "userlistmodel.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;
using Tagarela::TestSupport::chatMessage;
using Tagarela::TestSupport::FakeServer;
using Tagarela::TestSupport::typeText;

namespace {

// Everything one person at the keyboard has: a client and its window.
struct Person
{
    std::unique_ptr<ChatClient> client = std::make_unique<ChatClient>();
    std::unique_ptr<ChatWindow> window = std::make_unique<ChatWindow>(client.get());
};

QStringList texts(const MessageModel *model, ChatLine::Kind kind)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->line(row).kind == kind)
            out.append(model->line(row).text);
    }
    return out;
}

// The sequence numbers of the chat lines, top to bottom.
QList<quint64> chatSeqs(const MessageModel *model)
{
    QList<quint64> out;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->line(row).kind == ChatLine::Kind::Chat)
            out.append(model->line(row).seq);
    }
    return out;
}

QList<Tagarela::Message> chatRange(quint64 first, quint64 last)
{
    QList<Tagarela::Message> out;
    for (quint64 seq = first; seq <= last; ++seq)
        out.append(chatMessage(seq, u"bia"_s, u"line %1"_s.arg(seq)));
    return out;
}

QStringList nicks(const UserListModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row).data(Qt::DisplayRole).toString());
    return out;
}

} // namespace

class TestChatWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void connectsThroughTheDialog();
    void twoWindowsTalk();
    void userListFollowsPresence();
    void unreadCounterWhileInactive();
    void commandsInTheInput();
    void savesLogAsTextAndHtml();
    void refusesToSendWhileDisconnectedAndKeepsText();
    void remembersTheNotificationChoice();
    void historyIsNeitherUnreadNorNotified();
    void ownMessageIsPendingThenConfirmedOnOneLine();
    void failureAfterJoiningIsInTheUsersWords();
    void joinLineComesAfterTheHistory();
    void olderHistoryKeepsTheLinesReadInPlace();
    void ctrlNOffersTheCurrentNickAndEnterConnects();
    void statusBarSaysTheConnectionIsNotEncrypted();
    void typingInTheLogGoesToTheInput();
    void inputRowIsAlignedAndFitsASmallWindow();
    void closingWithUnsentTextAsksFirst();
    void closingWithPendingMessagesAsksFirst();
    void serverShutdownOffersReconnect();
    void switchingServersPutsADividerInTheLog();
    void lengthCounterCountsCharacters();
    void keysInTheInputScrollTheLogAndSendingJumpsToTheLatest();
    void ctrlFFindsInTheLogAndEscGoesBackToTheInput();

private:
    void connectPerson(Person &person, const QString &nick);

    std::unique_ptr<ChatServer> m_server;
};

void TestChatWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestChatWindow::init()
{
    // No outbox or remembered sequence numbers from an earlier run.
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/outbox"_s)
        .removeRecursively();
    QSettings(u"Tagarela"_s, u"tagarela"_s).remove(u"resume"_s);
    ServerConfig config;
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    config.maxRate = 0;
    m_server = std::make_unique<ChatServer>(config);
    QVERIFY(m_server->listen());
}

void TestChatWindow::cleanup()
{
    m_server.reset();
}

void TestChatWindow::connectPerson(Person &person, const QString &nick)
{
    QSignalSpy joined(person.client.get(), &ChatClient::joined);
    person.window->connectDirectly(u"127.0.0.1"_s, m_server->serverPort(), nick);
    QVERIFY(joined.wait(5000));
    QTRY_VERIFY(person.window->isVisible());
}

void TestChatWindow::connectsThroughTheDialog()
{
    Person ana;
    ana.window->showConnectDialog(u"127.0.0.1"_s, m_server->serverPort(), u"ana"_s);
    ConnectDialog *dialog = ana.window->connectDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!ana.window->isVisible());

    QSignalSpy joined(ana.client.get(), &ChatClient::joined);
    Q_EMIT dialog->connectRequested(dialog->host(), dialog->port(), dialog->nick());
    QVERIFY(joined.wait(5000));
    QTRY_VERIFY(ana.window->isVisible());
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(ana.window->windowTitle().contains(u"ana"_s));
}

void TestChatWindow::twoWindowsTalk()
{
    Person ana;
    Person bia;
    connectPerson(ana, u"ana"_s);
    connectPerson(bia, u"bia"_s);

    ana.window->activateWindow();
    typeText(ana.window->input(), u"olá, bia"_s);
    QTest::keyClick(ana.window->input(), Qt::Key_Return);
    QCOMPARE(ana.window->input()->toPlainText(), QString());

    QTRY_COMPARE(texts(bia.window->messageModel(), ChatLine::Kind::Chat),
                 QStringList {u"olá, bia"_s});
    QTRY_COMPARE(texts(ana.window->messageModel(), ChatLine::Kind::Chat),
                 QStringList {u"olá, bia"_s});

    typeText(bia.window->input(), u"/me acena"_s);
    QTest::keyClick(bia.window->input(), Qt::Key_Return);
    QTRY_COMPARE(texts(ana.window->messageModel(), ChatLine::Kind::Action),
                 QStringList {u"acena"_s});
}

void TestChatWindow::userListFollowsPresence()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    QTRY_COMPARE(nicks(ana.window->userModel()), QStringList {u"ana"_s});
    {
        Person bia;
        connectPerson(bia, u"bia"_s);
        QTRY_COMPARE(nicks(ana.window->userModel()), (QStringList {u"ana"_s, u"bia"_s}));
        typeText(bia.window->input(), u"/nick Bea"_s);
        QTest::keyClick(bia.window->input(), Qt::Key_Return);
        QTRY_COMPARE(nicks(ana.window->userModel()), (QStringList {u"ana"_s, u"Bea"_s}));
        QVERIFY(ana.window->findChild<QLabel *>() != nullptr);
    }
    QTRY_COMPARE(nicks(ana.window->userModel()), QStringList {u"ana"_s});
    QTRY_COMPARE(texts(ana.window->messageModel(), ChatLine::Kind::Left).size(), 1);

    // Out of the room, the list is greyed: it says who was there, not who is.
    auto *people = ana.window->findChild<QListView *>(u"people"_s);
    QVERIFY(people);
    QVERIFY(people->isEnabled());
    ana.client->disconnectFromServer();
    QVERIFY(!people->isEnabled());
}

void TestChatWindow::unreadCounterWhileInactive()
{
    Person ana;
    Person bia;
    connectPerson(ana, u"ana"_s);
    connectPerson(bia, u"bia"_s);
    // bia's window is the active one; ana's is in the background.
    bia.window->activateWindow();
    QTRY_VERIFY(!ana.window->isActiveWindow());

    QVERIFY(bia.client->say(u"one"_s));
    QVERIFY(bia.client->say(u"two, ana"_s));
    QTRY_COMPARE(ana.window->unreadCount(), 2);
    QVERIFY(ana.window->windowTitle().startsWith(u"(2)"_s));
    // Her own messages and presence never count.
    QVERIFY(ana.client->say(u"mine"_s));
    QTRY_COMPARE(texts(ana.window->messageModel(), ChatLine::Kind::Chat).size(), 3);
    QCOMPARE(ana.window->unreadCount(), 2);

    ana.window->activateWindow();
    QTRY_COMPARE(ana.window->unreadCount(), 0);
    QVERIFY(!ana.window->windowTitle().startsWith(u"("_s));
}

void TestChatWindow::commandsInTheInput()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    const int before = ana.window->messageModel()->rowCount();
    typeText(ana.window->input(), u"/help"_s);
    QTest::keyClick(ana.window->input(), Qt::Key_Return);
    QTRY_VERIFY(ana.window->messageModel()->rowCount() > before);
    typeText(ana.window->input(), u"/frobnicate"_s);
    QTest::keyClick(ana.window->input(), Qt::Key_Return);
    QTRY_COMPARE(texts(ana.window->messageModel(), ChatLine::Kind::Error).size(), 1);
    typeText(ana.window->input(), u"/clear"_s);
    QTest::keyClick(ana.window->input(), Qt::Key_Return);
    QTRY_COMPARE(ana.window->messageModel()->rowCount(), 0);
}

void TestChatWindow::savesLogAsTextAndHtml()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    QVERIFY(ana.client->say(u"<b>not bold</b> & olá"_s));
    QTRY_COMPARE(texts(ana.window->messageModel(), ChatLine::Kind::Chat).size(), 1);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString textPath = dir.filePath(u"log.txt"_s);
    const QString htmlPath = dir.filePath(u"log.html"_s);
    QVERIFY(ana.window->saveLog(textPath));
    QVERIFY(ana.window->saveLog(htmlPath));

    QFile text(textPath);
    QVERIFY(text.open(QIODevice::ReadOnly));
    const QString plain = QString::fromUtf8(text.readAll());
    QVERIFY(plain.contains(u"<ana> <b>not bold</b> & olá"_s));

    QFile html(htmlPath);
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(html.readAll());
    QVERIFY(page.contains(u"&lt;b&gt;not bold&lt;/b&gt; &amp; olá"_s));
    // Nicks in their colours, readable on the page's white.
    const QString anaColor = NickColor::forNick(u"ana"_s, QColor(255, 255, 255)).name();
    QVERIFY(page.contains(u"style=\"color:"_s + anaColor + u"\">&lt;ana&gt;</span>"_s));
    QVERIFY(!page.contains(u"<b>not bold</b>"_s));

    QString error;
    QVERIFY(!ana.window->saveLog(dir.filePath(u"missing/folder/log.txt"_s), &error));
    QVERIFY(!error.isEmpty());
}

void TestChatWindow::refusesToSendWhileDisconnectedAndKeepsText()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    ana.client->disconnectFromServer();
    typeText(ana.window->input(), u"are you there?"_s);
    QTest::keyClick(ana.window->input(), Qt::Key_Return);
    QCOMPARE(ana.window->input()->toPlainText(), u"are you there?"_s);
}

void TestChatWindow::remembersTheNotificationChoice()
{
    {
        Person ana;
        ana.window->setNotifyAll(true);
        QVERIFY(ana.window->notifiesAll());
    }
    {
        Person again;
        QVERIFY(again.window->notifiesAll());
        again.window->setNotifyAll(false);
    }
    Person third;
    QVERIFY(!third.window->notifiesAll());
}

void TestChatWindow::historyIsNeitherUnreadNorNotified()
{
    FakeServer fake;
    fake.history = {chatMessage(1, u"bia"_s, u"old one"_s),
                    chatMessage(2, u"bia"_s, u"old two, ana"_s),
                    chatMessage(3, u"bia"_s, u"old three"_s)};
    QVERIFY(fake.listen());
    Person ana;
    Person other; // the active window, so that ana's is in the background
    other.window->show();
    other.window->activateWindow();
    QSignalSpy joined(ana.client.get(), &ChatClient::joined);
    ana.window->connectDirectly(u"127.0.0.1"_s, fake.port(), u"ana"_s);
    QVERIFY(joined.wait(5000));
    QTRY_VERIFY(ana.client->hasHistory());
    other.window->activateWindow();
    QTRY_VERIFY(!ana.window->isActiveWindow());

    QTRY_COMPARE(texts(ana.window->messageModel(), ChatLine::Kind::Chat).size(), 3);
    QCOMPARE(ana.window->unreadCount(), 0);
    QVERIFY(!ana.window->windowTitle().startsWith(u"("_s));
    // The history is followed by a divider, and what comes after it is live.
    QVERIFY(ana.window->messageModel()->findMarker(ChatLine::Marker::NewMessages) >= 0);
    fake.send(chatMessage(4, u"bia"_s, u"live"_s));
    QTRY_COMPARE(ana.window->unreadCount(), 1);
}

void TestChatWindow::ownMessageIsPendingThenConfirmedOnOneLine()
{
    FakeServer fake;
    QVERIFY(fake.listen());
    Person ana;
    QSignalSpy joined(ana.client.get(), &ChatClient::joined);
    ana.window->connectDirectly(u"127.0.0.1"_s, fake.port(), u"ana"_s);
    QVERIFY(joined.wait(5000));
    QTRY_VERIFY(ana.client->hasHistory());
    MessageModel *model = ana.window->messageModel();

    typeText(ana.window->input(), u"olá"_s);
    QTest::keyClick(ana.window->input(), Qt::Key_Return);
    QCOMPARE(texts(model, ChatLine::Kind::Chat), QStringList {u"olá"_s});
    const int row = model->rowCount() - 1;
    QCOMPARE(model->line(row).delivery, ChatLine::Delivery::Pending);
    QTRY_COMPARE(fake.says().size(), 1);
    const QString id = fake.says().at(0).clientId;
    fake.send(Tagarela::Message::ack(id, 5, 1000));
    fake.send(chatMessage(5, u"ana"_s, u"olá"_s, id));
    QTRY_COMPARE(model->line(row).delivery, ChatLine::Delivery::Confirmed);
    QCOMPARE(model->line(row).seq, 5u);
    QTRY_COMPARE(ana.client->lastSeq(), 5u);
    QCOMPARE(texts(model, ChatLine::Kind::Chat), QStringList {u"olá"_s});
}

void TestChatWindow::failureAfterJoiningIsInTheUsersWords()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    QSignalSpy failed(ana.client.get(), &ChatClient::failed);
    const std::optional<BanList::Entry> entry = BanList::parse(u"127.0.0.1"_s);
    QVERIFY(entry);
    QVERIFY(m_server->ban(*entry).added);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(), ChatClient::Failure::Banned);
    // The client's own (translatable) wording, not the server's text in the server's language.
    const QStringList errors = texts(ana.window->messageModel(), ChatLine::Kind::Error);
    QVERIFY2(errors.contains(ConnectDialog::failureMessage(ChatClient::Failure::Banned, {},
                                                           ana.client->host(), u"ana"_s)),
             qPrintable(errors.join(u" | "_s)));
    QVERIFY(!errors.contains(failed.at(0).at(1).toString()));
}

void TestChatWindow::joinLineComesAfterTheHistory()
{
    FakeServer fake;
    fake.history = chatRange(1, 3);
    QVERIFY(fake.listen());
    Person ana;
    ana.client->setReconnectDelays(20, 100);
    QSignalSpy joined(ana.client.get(), &ChatClient::joined);
    ana.window->connectDirectly(u"127.0.0.1"_s, fake.port(), u"ana"_s);
    QVERIFY(joined.wait(5000));
    QTRY_VERIFY(ana.client->hasHistory());
    const MessageModel *model = ana.window->messageModel();
    // The history was said before the user came in: above the line that says they did.
    QCOMPARE(chatSeqs(model), (QList<quint64> {1, 2, 3}));
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(model->line(3).marker, ChatLine::Marker::NewMessages);
    QCOMPARE(model->line(4).kind, ChatLine::Kind::Info);
    QCOMPARE(model->line(4).text,
             ChatClient::tr("Connected to %1 as %2.")
                 .arg(u"127.0.0.1:"_s + QString::number(fake.port()), u"ana"_s));
    fake.send(chatMessage(4, u"bia"_s, u"live"_s));
    QTRY_COMPARE(model->rowCount(), 6);
    QCOMPARE(model->line(5).seq, 4u);

    // After an outage, what was missed comes before the line that says the user is back.
    fake.history = chatRange(5, 6);
    fake.drop();
    QTRY_COMPARE(texts(model, ChatLine::Kind::Info).size(), 2);
    QTRY_VERIFY(ana.client->hasHistory());
    const ChatLine last = model->line(model->rowCount() - 1);
    QCOMPARE(last.text,
             ChatClient::tr("Reconnected to %1 as %2.")
                 .arg(u"127.0.0.1:"_s + QString::number(fake.port()), u"ana"_s));
    QCOMPARE(chatSeqs(model), (QList<quint64> {1, 2, 3, 4, 5, 6}));
    QCOMPARE(model->line(model->rowCount() - 2).seq, 6u);
}

void TestChatWindow::olderHistoryKeepsTheLinesReadInPlace()
{
    FakeServer fake;
    fake.history = chatRange(101, 200);
    fake.historyFrameSize = 50;
    QVERIFY(fake.listen());
    Person ana;
    QSignalSpy joined(ana.client.get(), &ChatClient::joined);
    ana.window->connectDirectly(u"127.0.0.1"_s, fake.port(), u"ana"_s);
    QVERIFY(joined.wait(5000));
    QTRY_VERIFY(ana.client->hasHistory());
    QVERIFY(QTest::qWaitForWindowExposed(ana.window.get()));
    MessageModel *model = ana.window->messageModel();
    auto *view = ana.window->findChild<MessageView *>();
    QVERIFY(view);
    QScrollBar *bar = view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    const auto rowOf = [model](quint64 seq) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->line(row).kind == ChatLine::Kind::Chat && model->line(row).seq == seq)
                return row;
        }
        return -1;
    };
    const auto lastFetchBefore = [&fake]() -> quint64 {
        for (qsizetype i = fake.received().size() - 1; i >= 0; --i) {
            if (fake.received().at(i).message.type == MessageType::Fetch)
                return fake.received().at(i).message.before;
        }
        return 0;
    };

    for (const auto &[first, last, more] :
         {std::tuple<quint64, quint64, bool> {51, 100, true}, {1, 50, false}}) {
        const quint64 oldest = last + 1;
        // Reaching the top asks for more and says so where the user looks.
        bar->setValue(bar->minimum());
        QTRY_COMPARE(lastFetchBefore(), oldest);
        const int loading = model->findMarker(ChatLine::Marker::Loading);
        QVERIFY(loading >= 0);
        QTRY_COMPARE(view->indexAt(QPoint(1, 1)).row(), loading);
        QCOMPARE(model->line(loading).text, ChatWindow::tr("Loading older messages…"));
        const int read = rowOf(oldest);
        QCOMPARE(read, loading + 1);
        const int readTop = view->visualRect(model->index(read)).top();

        fake.historyFrameSize = 20;
        fake.sendHistoryAnswer(chatRange(first, last), oldest, more);
        QTRY_COMPARE(rowOf(first), more ? 0 : 1);
        QTRY_COMPARE(model->findMarker(ChatLine::Marker::Loading), -1);
        // The line that was at the top of the view is still there, the older ones above it.
        QTRY_COMPARE(view->visualRect(model->index(rowOf(oldest))).top(), readTop);
        QVERIFY(bar->value() > bar->minimum());
    }
    QList<quint64> expected;
    for (quint64 seq = 1; seq <= 200; ++seq)
        expected.append(seq);
    QCOMPARE(chatSeqs(model), expected); // in order, once each
    QCOMPARE(model->findMarker(ChatLine::Marker::Start), 0);
    QCOMPARE(model->line(0).text, ChatWindow::tr("the beginning of the conversation"));
}

void TestChatWindow::ctrlNOffersTheCurrentNickAndEnterConnects()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    ana.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(ana.window.get()));
    QSignalSpy renamed(ana.client.get(), &ChatClient::nickChanged);
    typeText(ana.window->input(), u"/nick bia"_s);
    QTest::keyClick(ana.window->input(), Qt::Key_Return);
    QVERIFY(renamed.wait(5000));

    QTest::keyClick(ana.window.get(), Qt::Key_N, Qt::ControlModifier);
    ConnectDialog *dialog = ana.window->connectDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->nick(), u"bia"_s);
    // Enter connects, wherever the focus was left when the dialog was last hidden.
    QVERIFY(dialog->focusWidget());
    QSignalSpy requested(dialog, &ConnectDialog::connectRequested);
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(2).toString(), u"bia"_s);
    QVERIFY(dialog->isVisible());
}

void TestChatWindow::statusBarSaysTheConnectionIsNotEncrypted()
{
    Person ana;
    auto *encryption = ana.window->findChild<QLabel *>(u"encryption"_s);
    QVERIFY(encryption);
    connectPerson(ana, u"ana"_s);
    QTRY_VERIFY(encryption->isVisible());
    QCOMPARE(encryption->text(), ChatWindow::tr("Not encrypted"));
    QVERIFY(!encryption->parentWidget()->toolTip().isEmpty());
    QVERIFY(!ana.window->findChild<QLabel *>(u"lock"_s)->isVisible());
    ana.client->disconnectFromServer();
    QVERIFY(!encryption->isVisible());
}

void TestChatWindow::typingInTheLogGoesToTheInput()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    ana.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(ana.window.get()));
    auto *view = ana.window->findChild<MessageView *>();
    QVERIFY(view);
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClicks(view, u"Hi there"_s);
    QCOMPARE(ana.window->input()->toPlainText(), u"Hi there"_s);
    QVERIFY(ana.window->input()->hasFocus());
    // Keys that mean something to the log stay there.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(ana.window->input()->toPlainText(), u"Hi there"_s);
}

void TestChatWindow::inputRowIsAlignedAndFitsASmallWindow()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    auto *send = ana.window->findChild<QPushButton *>(u"sendButton"_s);
    auto *people = ana.window->findChild<QListView *>(u"people"_s);
    QVERIFY(send);
    QVERIFY(people);
    ChatInput *input = ana.window->input();
    const auto check = [&] {
        const QRect box(input->mapTo(ana.window.get(), QPoint(0, 0)), input->size());
        const QRect button(send->mapTo(ana.window.get(), QPoint(0, 0)), send->size());
        // Side by side, the same height, no dead space under the button.
        QCOMPARE(button.bottom(), box.bottom());
        QCOMPARE(button.top(), box.top());
        // The placeholder is on one line that fits, not wrapped and cut.
        const int room = input->viewport()->width();
        QVERIFY2(input->fontMetrics().horizontalAdvance(input->placeholderText()) <= room,
                 qPrintable(input->placeholderText()));
    };
    ana.window->resize(900, 600);
    QTRY_COMPARE(ana.window->size(), QSize(900, 600));
    check();
    QCOMPARE(input->placeholderText(),
             ChatInput::tr("Type a message — Enter sends, Shift+Enter adds a line"));

    ana.window->userModel()->setUsers({u"ana"_s, u"a_very_long_nickname_here"_s});
    ana.window->resize(420, 300);
    QTRY_COMPARE(ana.window->size(), QSize(420, 300));
    QCoreApplication::processEvents();
    check();
    QVERIFY(input->placeholderText() !=
            ChatInput::tr("Type a message — Enter sends, Shift+Enter adds a line"));
    // A long name is elided, not scrolled to.
    QCOMPARE(people->horizontalScrollBar()->maximum(), 0);
    QVERIFY(people->visualRect(people->model()->index(1, 0)).width() <=
            people->viewport()->width());
}

void TestChatWindow::closingWithUnsentTextAsksFirst()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    typeText(ana.window->input(), u"half a thought"_s);
    QVERIFY(!ana.window->close());
    QVERIFY(ana.window->isVisible());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = ana.window->findChild<QMessageBox *>(u"closeQuestion"_s)) != nullptr);
    QTRY_VERIFY(box->isVisible());
    // open(), not exec(): window-modal, no nested event loop.
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    // Escape (Keep Writing) keeps everything.
    QPointer<QMessageBox> guard(box);
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!guard);
    QVERIFY(ana.window->isVisible());
    QCOMPARE(ana.window->input()->toPlainText(), u"half a thought"_s);

    QVERIFY(!ana.window->close());
    QTRY_VERIFY((box = ana.window->findChild<QMessageBox *>(u"closeQuestion"_s)) != nullptr);
    QTRY_VERIFY(box->isVisible());
    auto *quit = box->findChild<QPushButton *>(u"quitButton"_s);
    QVERIFY(quit);
    QTest::mouseClick(quit, Qt::LeftButton);
    QTRY_VERIFY(!ana.window->isVisible());

    // Nothing unsent: it closes at once.
    Person bia;
    connectPerson(bia, u"bia"_s);
    QVERIFY(bia.window->close());
}

void TestChatWindow::closingWithPendingMessagesAsksFirst()
{
    FakeServer fake; // never acknowledges: what is sent stays pending
    QVERIFY(fake.listen());
    Person ana;
    QSignalSpy joined(ana.client.get(), &ChatClient::joined);
    ana.window->connectDirectly(u"127.0.0.1"_s, fake.port(), u"ana"_s);
    QVERIFY(joined.wait(5000));
    QTRY_VERIFY(ana.client->hasHistory());
    typeText(ana.window->input(), u"are you there?"_s);
    QTest::keyClick(ana.window->input(), Qt::Key_Return);
    QTRY_COMPARE(fake.says().size(), 1);
    QCOMPARE(ana.window->input()->toPlainText(), QString());

    QVERIFY(!ana.window->close());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = ana.window->findChild<QMessageBox *>(u"closeQuestion"_s)) != nullptr);
    QVERIFY2(box->informativeText().contains(u'1'), qPrintable(box->informativeText()));
    QTest::mouseClick(box->findChild<QPushButton *>(u"quitButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!ana.window->isVisible());
}

void TestChatWindow::serverShutdownOffersReconnect()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    auto *reconnect = ana.window->findChild<QToolButton *>(u"reconnectButton"_s);
    QVERIFY(reconnect);
    QVERIFY(!reconnect->isVisible());
    const quint16 port = m_server->serverPort();
    QSignalSpy failed(ana.client.get(), &ChatClient::failed);
    QSignalSpy finished(m_server.get(), &ChatServer::shutDownFinished);
    m_server->shutDown();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<ChatClient::Failure>(), ChatClient::Failure::ServerShutDown);
    QTRY_VERIFY(reconnect->isVisible());
    QVERIFY(finished.size() > 0 || finished.wait(5000));

    // The host starts it again: one click, and the user is back as who they were.
    ServerConfig config;
    config.bindAddress = QHostAddress::LocalHost;
    config.port = port;
    config.maxRate = 0;
    m_server = std::make_unique<ChatServer>(config);
    QVERIFY(m_server->listen());
    QSignalSpy joined(ana.client.get(), &ChatClient::joined);
    QTest::mouseClick(reconnect, Qt::LeftButton);
    QVERIFY(joined.wait(5000));
    QCOMPARE(ana.client->nick(), u"ana"_s);
    QTRY_VERIFY(!reconnect->isVisible());
}

void TestChatWindow::switchingServersPutsADividerInTheLog()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    QVERIFY(ana.client->say(u"on the first server"_s));
    QTRY_COMPARE(texts(ana.window->messageModel(), ChatLine::Kind::Chat).size(), 1);

    ServerConfig config;
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    config.maxRate = 0;
    ChatServer second(config);
    QVERIFY(second.listen());
    ana.window->showConnectDialog(u"127.0.0.1"_s, second.serverPort(), u"ana"_s);
    ConnectDialog *dialog = ana.window->connectDialog();
    QTRY_VERIFY(dialog->isVisible());
    QSignalSpy joined(ana.client.get(), &ChatClient::joined);
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    QVERIFY(joined.wait(5000));

    const MessageModel *model = ana.window->messageModel();
    const QString address = u"127.0.0.1:"_s + QString::number(second.serverPort());
    int divider = -1;
    int firstChat = -1;
    int connected = -1;
    QTRY_VERIFY([&] {
        for (int row = 0; row < model->rowCount(); ++row) {
            const ChatLine line = model->line(row);
            if (line.marker == ChatLine::Marker::Server)
                divider = row;
            if (line.kind == ChatLine::Kind::Chat && firstChat < 0)
                firstChat = row;
            if (line.kind == ChatLine::Kind::Info &&
                line.text == ChatClient::tr("Connected to %1 as %2.").arg(address, u"ana"_s)) {
                connected = row;
            }
        }
        return connected >= 0;
    }());
    QVERIFY(divider >= 0);
    QCOMPARE(model->line(divider).text, address);
    QVERIFY(firstChat < divider);
    QVERIFY(divider < connected);
}

void TestChatWindow::lengthCounterCountsCharacters()
{
    Person ana;
    auto *counter = ana.window->findChild<QLabel *>(u"lengthCounter"_s);
    QVERIFY(counter);
    ana.window->input()->setMaxBytes(20);
    typeText(ana.window->input(), u"abcdefghij"_s);
    QCOMPARE(counter->text(), QString()); // far from the limit
    typeText(ana.window->input(), u"klmnop"_s);
    QCOMPARE(counter->text(), ChatWindow::tr("%n character(s) left", nullptr, 4));
    typeText(ana.window->input(), u"qrstuv"_s);
    QCOMPARE(counter->text(), ChatWindow::tr("%n character(s) too many", nullptr, 2));

    // Where characters and bytes differ, both, in words.
    ana.window->input()->clear();
    typeText(ana.window->input(), u"ééééééééé"_s); // 9 characters, 18 bytes
    QVERIFY2(counter->text().startsWith(ChatWindow::tr("%n character(s)", nullptr, 9)),
             qPrintable(counter->text()));
    QVERIFY2(counter->text().contains(ChatWindow::tr("%1 of %2 bytes").arg(18).arg(20)),
             qPrintable(counter->text()));
}

void TestChatWindow::keysInTheInputScrollTheLogAndSendingJumpsToTheLatest()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    QList<ChatLine> lines;
    for (int i = 0; i < 300; ++i) {
        ChatLine line;
        line.kind = ChatLine::Kind::Info;
        line.time = QDateTime::currentMSecsSinceEpoch();
        line.text = u"line %1"_s.arg(i);
        lines.append(line);
    }
    ana.window->messageModel()->append(lines);
    auto *view = ana.window->findChild<MessageView *>();
    QScrollBar *bar = view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    ChatInput *input = ana.window->input();
    typeText(input, u"still typing"_s);

    QTest::keyClick(input, Qt::Key_PageUp);
    QVERIFY(bar->value() < bar->maximum());
    const int oneUp = bar->value();
    QTest::keyClick(input, Qt::Key_PageDown);
    QVERIFY(bar->value() > oneUp);
    QTest::keyClick(input, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(bar->value(), bar->minimum());
    QTest::keyClick(input, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(view->isFollowingBottom());
    // The text and the cursor in the box are untouched.
    QCOMPARE(input->toPlainText(), u"still typing"_s);
    QCOMPARE(input->textCursor().position(), input->toPlainText().size());

    // Scrolled up, the user sends: the log jumps to the latest.
    QTest::keyClick(input, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(bar->value(), bar->minimum());
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(texts(ana.window->messageModel(), ChatLine::Kind::Chat).size(), 1);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(view->isFollowingBottom());
}

void TestChatWindow::ctrlFFindsInTheLogAndEscGoesBackToTheInput()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    QVERIFY(ana.client->say(u"where is the needle?"_s));
    QVERIFY(ana.client->say(u"a NEEDLE here"_s));
    QTRY_COMPARE(texts(ana.window->messageModel(), ChatLine::Kind::Chat).size(), 2);
    ana.window->activateWindow();
    QTRY_VERIFY(ana.window->isActiveWindow());
    ChatInput *input = ana.window->input();
    input->setFocus();
    QTRY_VERIFY(input->hasFocus());
    typeText(input, u"half typed"_s);

    auto *bar = ana.window->findChild<FindBar *>();
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
    QTest::keyClick(input, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(bar->isVisible());
    QTRY_VERIFY(bar->queryEdit()->hasFocus());
    typeText(bar->queryEdit(), u"needle"_s);
    QCOMPARE(bar->hitCount(), 2);
    QCOMPARE(bar->countText(), FindBar::tr("%1 of %2").arg(1).arg(2));
    QTest::keyClick(bar->queryEdit(), Qt::Key_Return);
    QCOMPARE(bar->currentHit(), 1);
    QTest::keyClick(bar->queryEdit(), Qt::Key_Escape);
    QTRY_VERIFY(!bar->isVisible());
    QTRY_VERIFY(input->hasFocus());
    QCOMPARE(input->toPlainText(), u"half typed"_s);
}

QTEST_MAIN(TestChatWindow)
#include "tst_chatwindow.moc"
