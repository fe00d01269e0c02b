// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTest>
#include <QWheelEvent>

#include "chatclient.h"
#include "chatinput.h"
#include "chatserver.h"
#include "chatwindow.h"
#include "clientpreferences.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "messageview.h"
#include "nickcolor.h"
#include "notifier.h"
#include "preferencesdialog.h"
#include "themepalette.h"
#include "typetext.h"
#include "userlistdelegate.h"
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

qreal pointSize(const QWidget *widget)
{
    return widget->font().pointSizeF();
}

// Shortcuts go to the active window only; the offscreen platform makes it so on a later turn
// of the event loop than qWaitForWindowActive() may say.
[[nodiscard]] bool activate(Person &person)
{
    person.window->activateWindow();
    return QTest::qWaitFor(
        [&person] { return QApplication::activeWindow() == person.window.get(); }, 10000);
}

void clearPreferences()
{
    QSettings settings(u"Tagarela"_s, u"tagarela"_s);
    settings.remove(u"preferences"_s);
    settings.remove(u"window"_s);
    settings.remove(u"notifications"_s);
}

} // namespace

class TestPreferences final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void ctrlCommaOpensThePreferences();
    void fontSizeAppliesAtOnce();
    void zoomKeysZoomLogInputAndList();
    void zoomIsRemembered();
    void darkThemeIsReadable();
    void timeFormatAppliesToTheLog();
    void highlightWordsAreMentions();
    void notificationChoiceInTheDialog();
    void windowSizeAndSplitAreRemembered();

private:
    void connectPerson(Person &person, const QString &nick);
    PreferencesDialog *openPreferences(Person &person);

    std::unique_ptr<ChatServer> m_server;
};

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPreferences::init()
{
    clearPreferences();
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

void TestPreferences::cleanup()
{
    m_server.reset();
    ThemePalette::apply(ClientPreferences::Theme::System);
    clearPreferences();
}

void TestPreferences::connectPerson(Person &person, const QString &nick)
{
    QSignalSpy joined(person.client.get(), &ChatClient::joined);
    person.window->connectDirectly(u"127.0.0.1"_s, m_server->serverPort(), nick);
    QVERIFY(joined.wait(5000));
    QTRY_VERIFY(person.window->isVisible());
}

PreferencesDialog *TestPreferences::openPreferences(Person &person)
{
    if (!activate(person))
        return nullptr;
    QTest::keyClick(person.window->input(), Qt::Key_Comma, Qt::ControlModifier);
    PreferencesDialog *dialog = person.window->preferencesDialog();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestPreferences::ctrlCommaOpensThePreferences()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    QVERIFY(!ana.window->preferencesDialog());
    PreferencesDialog *dialog = openPreferences(ana);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // Also in the Settings menu.
    auto *action = ana.window->findChild<QAction *>(u"preferencesAction"_s);
    QVERIFY(action);
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    dialog->close();
}

void TestPreferences::fontSizeAppliesAtOnce()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    auto *view = ana.window->findChild<MessageView *>();
    auto *people = ana.window->findChild<QListView *>(u"people"_s);
    const qreal before = pointSize(view);
    PreferencesDialog *dialog = openPreferences(ana);
    QVERIFY(dialog);
    auto *size = dialog->findChild<QSpinBox *>(u"fontSize"_s);
    QVERIFY(size);
    size->setFocus();
    QTest::keyClick(size, Qt::Key_Up);
    QTest::keyClick(size, Qt::Key_Up);
    QTest::keyClick(size, Qt::Key_Up);
    // While the dialog is still open: log, input and people list alike.
    QCOMPARE(pointSize(view), qRound(before) + 3.0);
    QCOMPARE(pointSize(ana.window->input()), pointSize(view));
    QCOMPARE(pointSize(people), pointSize(view));
    QCOMPARE(ana.window->preferences()->fontPointSize(), qRound(before) + 3.0);
    dialog->close();
}

void TestPreferences::zoomKeysZoomLogInputAndList()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    QVERIFY(activate(ana));
    auto *view = ana.window->findChild<MessageView *>();
    auto *people = ana.window->findChild<QListView *>(u"people"_s);
    const qreal normal = pointSize(view);
    ChatInput *input = ana.window->input();
    input->setFocus();

    QTest::keyClick(input, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(pointSize(view), normal + 1);
    QTest::keyClick(input, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(pointSize(view), normal + 2);
    QCOMPARE(pointSize(input), normal + 2);
    QCOMPARE(pointSize(people), normal + 2);
    QTest::keyClick(input, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(pointSize(view), normal + 1);
    // From the log too, and with Ctrl and the wheel over it.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(pointSize(view), normal + 2);
    const QPointF where(view->viewport()->rect().center());
    QWheelEvent wheel(where, view->viewport()->mapToGlobal(where), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QCOMPARE(pointSize(view), normal + 3);
    QCOMPARE(pointSize(input), normal + 3);
    QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(pointSize(view), normal);
    QCOMPARE(pointSize(people), normal);
}

void TestPreferences::zoomIsRemembered()
{
    qreal zoomed = 0;
    {
        Person ana;
        connectPerson(ana, u"ana"_s);
        QVERIFY(activate(ana));
        QTest::keyClick(ana.window->input(), Qt::Key_Equal, Qt::ControlModifier);
        QTest::keyClick(ana.window->input(), Qt::Key_Equal, Qt::ControlModifier);
        zoomed = pointSize(ana.window->findChild<MessageView *>());
    }
    Person again;
    QCOMPARE(again.window->preferences()->zoom(), 2);
    QCOMPARE(pointSize(again.window->findChild<MessageView *>()), zoomed);
}

void TestPreferences::darkThemeIsReadable()
{
    Person ana;
    Person bia;
    connectPerson(ana, u"ana"_s);
    connectPerson(bia, u"bia"_s);
    QTRY_COMPARE(ana.window->userModel()->rowCount(), 2);
    PreferencesDialog *dialog = openPreferences(ana);
    QVERIFY(dialog);
    auto *theme = dialog->findChild<QComboBox *>(u"theme"_s);
    QVERIFY(theme);
    theme->setFocus();
    QTest::keyClick(theme, Qt::Key_Down);
    QTest::keyClick(theme, Qt::Key_Down);
    QCOMPARE(ana.window->preferences()->theme(), ClientPreferences::Theme::Dark);

    auto *view = ana.window->findChild<MessageView *>();
    // The application's palette reaches the widgets on the next turn of the event loop.
    QTRY_COMPARE(view->palette().color(QPalette::Base), ThemePalette::darkBase());
    const QPalette palette = view->palette();
    const QColor base = palette.color(QPalette::Base);
    QVERIFY(NickColor::contrastRatio(palette.color(QPalette::Text), base) >= 7);
    QVERIFY(NickColor::contrastRatio(palette.color(QPalette::WindowText),
                                     palette.color(QPalette::Window)) >= 7);
    QVERIFY(NickColor::contrastRatio(palette.color(QPalette::Link), base) >= 4.5);
    // The names in the list, as their delegate paints them.
    auto *people = ana.window->findChild<QListView *>(u"people"_s);
    auto *delegate = qobject_cast<UserListDelegate *>(people->itemDelegate());
    QVERIFY(delegate);
    for (int row = 0; row < ana.window->userModel()->rowCount(); ++row) {
        QStyleOptionViewItem option;
        option.initFrom(people);
        delegate->initStyleOption(&option, ana.window->userModel()->index(row));
        QVERIFY(NickColor::contrastRatio(option.palette.color(QPalette::Text), base) >= 4.5);
    }
    // And back to light.
    QTest::keyClick(theme, Qt::Key_Up);
    QTRY_COMPARE(view->palette().color(QPalette::Base), ThemePalette::lightBase());
    dialog->close();
}

void TestPreferences::timeFormatAppliesToTheLog()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    MessageDelegate *delegate = ana.window->findChild<MessageView *>()->messageDelegate();
    PreferencesDialog *dialog = openPreferences(ana);
    QVERIFY(dialog);
    auto *format = dialog->findChild<QComboBox *>(u"timeFormat"_s);
    auto *seconds = dialog->findChild<QCheckBox *>(u"showSeconds"_s);
    QVERIFY(format);
    QVERIFY(seconds);
    format->setFocus();
    QTest::keyClick(format, Qt::Key_Down); // 24-hour
    QCOMPARE(delegate->timeFormat(), u"HH:mm"_s);
    QTest::keyClick(format, Qt::Key_Down); // 12-hour
    QCOMPARE(delegate->timeFormat(), u"h:mm AP"_s);
    seconds->setFocus();
    QTest::keyClick(seconds, Qt::Key_Space);
    QCOMPARE(delegate->timeFormat(), u"h:mm:ss AP"_s);
    dialog->close();
    Person again;
    QCOMPARE(again.window->findChild<MessageView *>()->messageDelegate()->timeFormat(),
             u"h:mm:ss AP"_s);
}

void TestPreferences::highlightWordsAreMentions()
{
    Person ana;
    Person bia;
    connectPerson(ana, u"ana"_s);
    connectPerson(bia, u"bia"_s);
    PreferencesDialog *dialog = openPreferences(ana);
    QVERIFY(dialog);
    auto *words = dialog->findChild<QLineEdit *>(u"highlightWords"_s);
    QVERIFY(words);
    words->setFocus();
    typeText(words, u"pizza, Deploy"_s);
    QCOMPARE(ana.window->preferences()->highlightWords(), (QStringList {u"pizza"_s, u"Deploy"_s}));
    dialog->close();

    bia.window->activateWindow();
    QTRY_VERIFY(!ana.window->isActiveWindow());
    QSignalSpy attention(ana.window.get(), &ChatWindow::attentionRequested);
    QVERIFY(bia.client->say(u"pizzas are not it"_s));
    QVERIFY(bia.client->say(u"who wants PIZZA?"_s));
    const MessageModel *model = ana.window->messageModel();
    QTRY_VERIFY(model->rowCount() > 0 &&
                model->line(model->rowCount() - 1).text == u"who wants PIZZA?"_s);
    QVERIFY(model->line(model->rowCount() - 1).mentionsMe);
    QVERIFY(!model->line(model->rowCount() - 2).mentionsMe);
    QCOMPARE(attention.size(), 1);
}

void TestPreferences::notificationChoiceInTheDialog()
{
    Person ana;
    connectPerson(ana, u"ana"_s);
    PreferencesDialog *dialog = openPreferences(ana);
    QVERIFY(dialog);
    auto *notify = dialog->findChild<QComboBox *>(u"notify"_s);
    QVERIFY(notify);
    notify->setFocus();
    QTest::keyClick(notify, Qt::Key_Down);
    QVERIFY(ana.window->notifiesAll());
    QCOMPARE(ana.window->notifier()->policy(), ClientPreferences::Notify::All);
    QTest::keyClick(notify, Qt::Key_Down);
    QCOMPARE(ana.window->notifier()->policy(), ClientPreferences::Notify::None);
    QVERIFY(!ana.window->notifiesAll());
    dialog->close();
    Person again;
    QCOMPARE(again.window->notifier()->policy(), ClientPreferences::Notify::None);
}

void TestPreferences::windowSizeAndSplitAreRemembered()
{
    QList<int> split;
    {
        Person ana;
        connectPerson(ana, u"ana"_s);
        ana.window->resize(700, 520);
        auto *splitter = ana.window->findChild<QSplitter *>(u"splitter"_s);
        QVERIFY(splitter);
        QTRY_COMPARE(ana.window->size(), QSize(700, 520));
        splitter->setSizes({400, 250});
        split = splitter->sizes();
        QVERIFY(ana.window->close());
    }
    Person again;
    again.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(again.window.get()));
    QTRY_COMPARE(again.window->size(), QSize(700, 520));
    QCOMPARE(again.window->findChild<QSplitter *>(u"splitter"_s)->sizes(), split);
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
