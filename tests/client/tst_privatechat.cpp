// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Private conversations, nickname completion, the menu on a name, ignoring and searching,
// driven through the chat window with real key clicks, against a real server on 127.0.0.1.

#include <memory>

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "chatclient.h"
#include "chatinput.h"
#include "chatserver.h"
#include "chatwindow.h"
#include "conversationbar.h"
#include "conversations.h"
#include "ignorelist.h"
#include "messagemodel.h"
#include "messageview.h"
#include "nickmenu.h"
#include "searchdialog.h"
#include "typetext.h"
#include "userlistmodel.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;
using Tagarela::TestSupport::typeText;

namespace {

struct Person
{
    std::unique_ptr<ChatClient> client = std::make_unique<ChatClient>();
    std::unique_ptr<ChatWindow> window = std::make_unique<ChatWindow>(client.get());
};

QStringList chatTexts(const MessageModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row) {
        const ChatLine line = model->line(row);
        if (line.kind == ChatLine::Kind::Chat && !line.isUnconfirmed())
            out.append(line.text);
    }
    return out;
}

void send(ChatWindow *window, const QString &text)
{
    typeText(window->input(), text);
    QTest::keyClick(window->input(), Qt::Key_Return);
}

// Right-clicks \a row of the people list and returns the menu that opened.
NickMenu *rightClickPerson(ChatWindow *window, int row)
{
    QListView *people = window->peopleView();
    const QRect rect = people->visualRect(people->model()->index(row, 0));
    QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                            people->viewport()->mapToGlobal(rect.center()));
    QApplication::sendEvent(people->viewport(), &event);
    const QList<NickMenu *> menus = window->findChildren<NickMenu *>();
    return menus.isEmpty() ? nullptr : menus.constLast();
}

} // namespace

class TestPrivateChat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void msgOpensAConversationBesideTheRoom();
    void typingInAConversationStaysPrivate();
    void historyPrivateMessagesGoToTheirConversation();
    void tabCompletesNicknames();
    void rightClickOnAName();
    void ignoreHidesAndIsRemembered();
    void searchTheWholeHistory();

private:
    void connectPerson(Person &person, const QString &nick);

    std::unique_ptr<ChatServer> m_server;
};

void TestPrivateChat::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPrivateChat::init()
{
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/outbox"_s)
        .removeRecursively();
    QSettings settings(u"Tagarela"_s, u"tagarela"_s);
    settings.remove(u"resume"_s);
    settings.remove(u"ignored"_s);
    ServerConfig config;
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    config.maxRate = 0;
    m_server = std::make_unique<ChatServer>(config);
    QVERIFY(m_server->listen());
}

void TestPrivateChat::cleanup()
{
    m_server.reset();
    QSettings(u"Tagarela"_s, u"tagarela"_s).remove(u"ignored"_s);
}

void TestPrivateChat::connectPerson(Person &person, const QString &nick)
{
    QSignalSpy joined(person.client.get(), &ChatClient::joined);
    person.window->connectDirectly(u"127.0.0.1"_s, m_server->serverPort(), nick);
    QVERIFY(joined.wait(5000));
    QTRY_VERIFY(person.client->hasHistory());
}

void TestPrivateChat::msgOpensAConversationBesideTheRoom()
{
    Person ana;
    Person bia;
    Person caio;
    connectPerson(ana, u"ana"_s);
    connectPerson(bia, u"bia"_s);
    connectPerson(caio, u"caio"_s);

    send(ana.window.get(), u"/msg bia just for you"_s);
    ConversationList *anaList = ana.window->conversations()->list();
    QCOMPARE(anaList->count(), 2);
    QCOMPARE(anaList->currentPeer(), u"bia"_s);
    auto *anaBar = ana.window->findChild<ConversationBar *>();
    QVERIFY(anaBar && anaBar->isVisible());
    QCOMPARE(anaBar->count(), 2);
    QCOMPARE(ana.window->messageView()->model(), ana.window->conversations()->model(1));
    QTRY_COMPARE(chatTexts(ana.window->conversations()->model(1)), QStringList {u"just for you"_s});

    // bia: a conversation with ana opens, flagged unread; the room does not show it.
    ConversationList *biaList = bia.window->conversations()->list();
    QTRY_COMPARE(biaList->count(), 2);
    QCOMPARE(biaList->at(1).peer, u"ana"_s);
    QCOMPARE(biaList->at(1).unread, 1);
    auto *biaBar = bia.window->findChild<ConversationBar *>();
    QVERIFY(biaBar->tabText(1).contains(u"(1)"_s));
    QCOMPARE(chatTexts(bia.window->conversations()->model(1)), QStringList {u"just for you"_s});

    // caio sees nothing of it; a room message from ana reaches all three rooms only.
    ana.window->conversations()->list()->setCurrent(0);
    send(ana.window.get(), u"hello room"_s);
    QTRY_COMPARE(chatTexts(caio.window->messageModel()), QStringList {u"hello room"_s});
    QCOMPARE(caio.window->conversations()->list()->count(), 1);
    QTRY_COMPARE(chatTexts(bia.window->messageModel()), QStringList {u"hello room"_s});
    QCOMPARE(chatTexts(ana.window->messageModel()), QStringList {u"hello room"_s});

    // Choosing the tab reads it.
    biaBar->setCurrentIndex(1);
    QCOMPARE(biaList->at(1).unread, 0);
    QCOMPARE(bia.window->messageView()->model(), bia.window->conversations()->model(1));
}

void TestPrivateChat::typingInAConversationStaysPrivate()
{
    Person ana;
    Person bia;
    Person caio;
    connectPerson(ana, u"ana"_s);
    connectPerson(bia, u"bia"_s);
    connectPerson(caio, u"caio"_s);
    send(ana.window.get(), u"/msg bia first"_s);
    QTRY_COMPARE(bia.window->conversations()->list()->count(), 2);
    bia.window->findChild<ConversationBar *>()->setCurrentIndex(1);
    // In the conversation, a plain line is a private message to its person.
    send(bia.window.get(), u"answer"_s);
    QTRY_COMPARE(chatTexts(ana.window->conversations()->model(1)),
                 (QStringList {u"first"_s, u"answer"_s}));
    send(caio.window.get(), u"room"_s);
    QTRY_COMPARE(chatTexts(bia.window->messageModel()), QStringList {u"room"_s});
    QCOMPARE(chatTexts(caio.window->messageModel()), QStringList {u"room"_s});
    QCOMPARE(chatTexts(ana.window->messageModel()).contains(u"answer"_s), false);
}

void TestPrivateChat::historyPrivateMessagesGoToTheirConversation()
{
    {
        Person ana;
        Person bia;
        connectPerson(ana, u"ana"_s);
        connectPerson(bia, u"bia"_s);
        send(ana.window.get(), u"/msg bia kept"_s);
        QTRY_COMPARE(bia.window->conversations()->list()->count(), 2);
        QTRY_COMPARE(chatTexts(bia.window->conversations()->model(1)), QStringList {u"kept"_s});
        send(ana.window.get(), u"/quit"_s);
        bia.client->disconnectFromServer();
    }
    QSettings(u"Tagarela"_s, u"tagarela"_s).remove(u"resume"_s);
    Person bia;
    connectPerson(bia, u"bia"_s);
    ConversationList *list = bia.window->conversations()->list();
    QTRY_COMPARE(list->count(), 2);
    QCOMPARE(list->at(1).peer, u"ana"_s);
    QCOMPARE(list->at(1).unread, 0); // history is never unread
    QCOMPARE(chatTexts(bia.window->conversations()->model(1)), QStringList {u"kept"_s});
    QCOMPARE(chatTexts(bia.window->messageModel()), QStringList());
}

void TestPrivateChat::tabCompletesNicknames()
{
    Person ana;
    Person bia;
    Person bob;
    connectPerson(ana, u"ana"_s);
    connectPerson(bia, u"bia"_s);
    connectPerson(bob, u"bob"_s);
    QTRY_COMPARE(ana.client->users().size(), 3);
    ChatInput *input = ana.window->input();
    input->setFocus();
    typeText(input, u"b"_s);
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->toPlainText(), u"bia: "_s);
    QVERIFY(input->hasFocus() || !ana.window->isActiveWindow());
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->toPlainText(), u"bob: "_s);
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->toPlainText(), u"bia: "_s);
    typeText(input, u"ask a"_s);
    QTest::keyClick(input, Qt::Key_Tab);
    // Not its own nickname: "a" finds nobody else, and Tab does what it does otherwise.
    QCOMPARE(input->toPlainText(), u"bia: ask a"_s);
    input->clear();
    typeText(input, u"hi B"_s);
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->toPlainText(), u"hi bia "_s);
    QCOMPARE(input->textCursor().position(), 7);
}

void TestPrivateChat::rightClickOnAName()
{
    Person ana;
    Person bia;
    connectPerson(ana, u"ana"_s);
    connectPerson(bia, u"bia"_s);
    QTRY_COMPARE(ana.window->userModel()->rowCount(), 2);
    const int biaRow = ana.window->userModel()->rowOf(u"bia"_s);

    NickMenu *menu = rightClickPerson(ana.window.get(), biaRow);
    QVERIFY(menu);
    QCOMPARE(menu->nick(), u"bia"_s);
    menu->findChild<QAction *>(u"mention"_s)->trigger();
    QCOMPARE(ana.window->input()->toPlainText(), u"bia: "_s);
    menu->close();

    menu = rightClickPerson(ana.window.get(), biaRow);
    QVERIFY(menu);
    menu->findChild<QAction *>(u"copyName"_s)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"bia"_s);
    menu->close();

    menu = rightClickPerson(ana.window.get(), biaRow);
    QVERIFY(menu);
    menu->findChild<QAction *>(u"privateMessage"_s)->trigger();
    QCOMPARE(ana.window->conversations()->list()->currentPeer(), u"bia"_s);
    menu->close();

    // Their own name: no private message, no ignoring oneself.
    menu = rightClickPerson(ana.window.get(), ana.window->userModel()->rowOf(u"ana"_s));
    QVERIFY(menu);
    QVERIFY(!menu->findChild<QAction *>(u"privateMessage"_s)->isEnabled());
    QVERIFY(!menu->findChild<QAction *>(u"ignore"_s)->isEnabled());
    menu->close();

    // On a nick in the log: the same menu, under the name.
    ana.window->conversations()->list()->setCurrent(0);
    send(bia.window.get(), u"look at me"_s);
    QTRY_COMPARE(chatTexts(ana.window->messageModel()), QStringList {u"look at me"_s});
    MessageView *view = ana.window->messageView();
    const int row = ana.window->messageModel()->rowCount() - 1;
    view->scrollToBottom();
    const QRect rect = view->visualRect(ana.window->messageModel()->index(row));
    QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                            view->viewport()->mapToGlobal(rect.center()));
    QApplication::sendEvent(view->viewport(), &event);
    const QList<NickMenu *> menus = ana.window->findChildren<NickMenu *>();
    QVERIFY(!menus.isEmpty());
    QCOMPARE(menus.constLast()->nick(), u"bia"_s);
    QCOMPARE(menus.constLast()->title(), u"bia"_s);
}

void TestPrivateChat::ignoreHidesAndIsRemembered()
{
    Person ana;
    Person bia;
    Person caio;
    connectPerson(ana, u"ana"_s);
    connectPerson(bia, u"bia"_s);
    connectPerson(caio, u"caio"_s);
    QTRY_COMPARE(ana.window->userModel()->rowCount(), 3);
    const int biaRow = ana.window->userModel()->rowOf(u"bia"_s);
    NickMenu *menu = rightClickPerson(ana.window.get(), biaRow);
    QVERIFY(menu);
    QAction *ignore = menu->findChild<QAction *>(u"ignore"_s);
    QVERIFY(ignore->text().contains(u"Ignore"_s));
    ignore->trigger();
    menu->close();
    QVERIFY(ana.window->ignoreList()->contains(u"bia"_s));
    QVERIFY(ana.window->userModel()->index(biaRow).data(UserListModel::IgnoredRole).toBool());

    send(bia.window.get(), u"you cannot hear me"_s);
    send(bia.window.get(), u"/msg ana nor this"_s);
    send(caio.window.get(), u"but me"_s);
    QTRY_COMPARE(chatTexts(ana.window->messageModel()), QStringList {u"but me"_s});
    QCOMPARE(ana.window->conversations()->list()->count(), 1);
    // Only caio's counts as unread (the window is in the background).
    QCOMPARE(ana.window->unreadCount(), ana.window->isActiveWindow() ? 0 : 1);

    // Remembered: a new window ignores bia too; Unignore hears from bia again.
    Person later;
    connectPerson(later, u"dan"_s);
    QVERIFY(later.window->ignoreList()->contains(u"bia"_s));
    QTRY_COMPARE(later.window->userModel()->rowCount(), 4);
    menu = rightClickPerson(later.window.get(), later.window->userModel()->rowOf(u"bia"_s));
    QVERIFY(menu);
    ignore = menu->findChild<QAction *>(u"ignore"_s);
    QVERIFY(ignore->text().contains(u"Unignore"_s));
    ignore->trigger();
    QVERIFY(!later.window->ignoreList()->contains(u"bia"_s));
    bia.window->conversations()->list()->setCurrent(0); // the room again, not ana
    send(bia.window.get(), u"back"_s);
    QTRY_COMPARE(chatTexts(later.window->messageModel()).contains(u"back"_s), true);
}

void TestPrivateChat::searchTheWholeHistory()
{
    Person ana;
    Person bia;
    connectPerson(ana, u"ana"_s);
    connectPerson(bia, u"bia"_s);
    send(bia.window.get(), u"the needle is here"_s);
    send(bia.window.get(), u"hay"_s);
    send(bia.window.get(), u"/msg ana a private needle"_s);
    QTRY_COMPARE(ana.window->conversations()->list()->count(), 2);
    QTRY_COMPARE(chatTexts(ana.window->conversations()->model(1)).size(), 1);
    QCOMPARE(chatTexts(ana.window->messageModel()).size(), 2);

    QAction *action = ana.window->findChild<QAction *>(u"searchHistory"_s);
    QVERIFY(action);
    action->trigger();
    SearchDialog *dialog = ana.window->searchDialog();
    QVERIFY(dialog && dialog->isVisible());
    auto *query = dialog->findChild<QLineEdit *>(u"searchQuery"_s);
    typeText(query, u"NEEDLE"_s);
    QTest::keyClick(query, Qt::Key_Return);
    auto *results = dialog->findChild<QListWidget *>(u"searchResults"_s);
    QTRY_COMPARE(results->count(), 2);
    // Newest first.
    QVERIFY(results->item(0)->text().contains(u"a private needle"_s));
    QVERIFY(results->item(1)->text().contains(u"the needle is here"_s));

    // Activating a hit shows it in its conversation.
    results->setCurrentRow(0);
    QTest::keyClick(results, Qt::Key_Return);
    QCOMPARE(ana.window->conversations()->list()->currentPeer(), u"bia"_s);
    results->setCurrentRow(1);
    QTest::keyClick(results, Qt::Key_Return);
    QCOMPARE(ana.window->conversations()->list()->current(), 0);
    const QModelIndex current = ana.window->messageView()->currentIndex();
    QCOMPARE(current.data(MessageModel::TextRole).toString(), u"the needle is here"_s);
}

QTEST_MAIN(TestPrivateChat)

#include "tst_privatechat.moc"
