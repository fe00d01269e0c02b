// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDBusConnection>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTextBoundaryFinder>
#include <QToolButton>
#include <QVBoxLayout>

#include "certificateprompt.h"
#include "chatinput.h"
#include "clientpreferences.h"
#include "connectdialog.h"
#include "conversationbar.h"
#include "conversations.h"
#include "emojifont.h"
#include "emojihighlighter.h"
#include "findbar.h"
#include "ignorelist.h"
#include "inputcommand.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "messageview.h"
#include "nickcolor.h"
#include "nickmenu.h"
#include "nickpalette.h"
#include "notifier.h"
#include "pinstore.h"
#include "preferencesdialog.h"
#include "searchdialog.h"
#include "themepalette.h"
#include "trayicon.h"
#include "userlistdelegate.h"
#include "userlistmodel.h"
#include "validation.h"
#include "zoomcontroller.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// The application icon with the unread count in a red disc, for the tray.
QIcon badgedIcon(const QIcon &icon, int count)
{
    constexpr int Size = 64;
    QPixmap pixmap = icon.pixmap(Size, Size);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF disc(Size * 0.42, Size * 0.42, Size * 0.58, Size * 0.58);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xd0, 0x21, 0x21));
    painter.drawEllipse(disc);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(count > 99 ? Size / 5 : Size / 3);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(disc, Qt::AlignCenter, count > 99 ? u"99+"_s : QString::number(count));
    return QIcon(pixmap);
}

// A padlock, drawn rather than taken from an icon theme that may not have one.
QPixmap lockPixmap(int size, const QColor &color)
{
    const qreal ratio = qApp->devicePixelRatio();
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal unit = size / 16.0;
    painter.setPen(QPen(color, 1.6 * unit));
    painter.setBrush(Qt::NoBrush);
    painter.drawArc(QRectF(4.5 * unit, 1.5 * unit, 7 * unit, 9 * unit), 0, 180 * 16);
    painter.drawLine(QPointF(4.5 * unit, 6 * unit), QPointF(4.5 * unit, 7.5 * unit));
    painter.drawLine(QPointF(11.5 * unit, 6 * unit), QPointF(11.5 * unit, 7.5 * unit));
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(2.5 * unit, 7 * unit, 11 * unit, 8 * unit), unit, unit);
    return pixmap;
}

} // namespace

ChatWindow::ChatWindow(ChatClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_messages(new MessageModel(this))
    , m_users(new UserListModel(this))
    , m_ignore(new IgnoreList(nullptr, this))
    , m_conversations(new Conversations(client, m_messages, m_ignore, this))
    , m_preferences(new ClientPreferences(this))
    , m_nickPalette(new NickPalette(this))
    , m_notifier(new Notifier(QDBusConnection::sessionBus(), this))
    , m_zoom(new ZoomController(m_preferences, this))
{
    setWindowIcon(QApplication::windowIcon());
    setObjectName(u"chatWindow"_s);

    m_view = new MessageView(this);
    m_view->setModel(m_messages);
    m_messages->follow(m_client);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    auto *userPanel = new QWidget(this);
    auto *userLayout = new QVBoxLayout(userPanel);
    userLayout->setContentsMargins(0, 0, 0, 0);
    m_userCount = new QLabel(userPanel);
    m_userView = new QListView(userPanel);
    m_userView->setObjectName(u"people"_s);
    m_userView->setModel(m_users);
    auto *userDelegate = new UserListDelegate(m_userView);
    userDelegate->setNickPalette(m_nickPalette);
    m_userView->setItemDelegate(userDelegate);
    m_userView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_userView->setAccessibleName(tr("People in the room"));
    // Long names are elided (the tooltip has them whole): the list never scrolls sideways.
    m_userView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_userView->setTextElideMode(Qt::ElideRight);
    m_userCount->setBuddy(m_userView);
    userLayout->addWidget(m_userCount);
    userLayout->addWidget(m_userView);

    // The conversations (room first, then private ones) as tabs over the log.
    auto *logPanel = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPanel);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->setSpacing(0);
    m_conversationBar = new ConversationBar(m_conversations->list(), logPanel);
    logLayout->addWidget(m_conversationBar);
    logLayout->addWidget(m_view, 1);
    connect(m_conversations->list(), &ConversationList::currentChanged, this,
            &ChatWindow::showConversation);
    connect(m_conversations->list(), &ConversationList::changed, this, &ChatWindow::updateTitle);
    m_userView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_userView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_userView->indexAt(pos);
        if (!index.isValid())
            return;
        QMenu *menu = nickMenu(index.data(Qt::DisplayRole).toString(), this);
        menu->popup(m_userView->viewport()->mapToGlobal(pos));
    });
    m_users->setIgnored(m_ignore->nicks());
    connect(m_ignore, &IgnoreList::changed, this,
            [this] { m_users->setIgnored(m_ignore->nicks()); });

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"splitter"_s);
    m_splitter->addWidget(logPanel);
    m_splitter->addWidget(userPanel);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({640, 160});

    m_input = new ChatInput(this);
    m_input->setNickSource([this] {
        QStringList others = m_client->users();
        others.removeAll(m_client->nick());
        return others;
    });
    m_view->setTypingTarget(m_input);
    m_counter = new QLabel(this);
    m_counter->setObjectName(u"lengthCounter"_s);
    m_counter->setAccessibleName(tr("Message length"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *sendButton = new QPushButton(tr("&Send"), this);
    sendButton->setObjectName(u"sendButton"_s);
    sendButton->setAccessibleName(tr("Send message"));
    // One row, bottoms aligned: the button stays beside the line being typed as the box grows,
    // and nothing under it makes the row taller than the box.
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1, Qt::AlignBottom);
    inputRow->addWidget(m_counter, 0, Qt::AlignBottom);
    inputRow->addWidget(sendButton, 0, Qt::AlignBottom);
    sendButton->setFixedHeight(m_input->minimumSizeHint().height());

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_splitter, 1);
    // Ctrl+F: under the log, above the input it hands the focus back to.
    auto *findBar = new FindBar(m_view, m_messages, central);
    findBar->setReturnFocus(m_input);
    layout->addWidget(findBar);
    layout->addLayout(inputRow);
    setCentralWidget(central);
    setTabOrder(m_input, sendButton);
    setTabOrder(sendButton, m_view);
    setTabOrder(m_view, m_userView);

    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Connection status"));
    m_retryButton = new QPushButton(tr("Retry now"), this);
    m_retryButton->setAccessibleName(tr("Retry the connection now"));
    m_retryButton->hide();
    m_reconnectButton = new QToolButton(this);
    m_reconnectButton->setObjectName(u"reconnectButton"_s);
    m_reconnectButton->hide();
    m_encryptionArea = new QWidget(this);
    m_lock = new QLabel(m_encryptionArea);
    m_lock->setObjectName(u"lock"_s);
    m_encryption = new QLabel(m_encryptionArea);
    m_encryption->setObjectName(u"encryption"_s);
    m_encryption->setAccessibleName(tr("Encryption"));
    m_encryption->setTextFormat(Qt::PlainText);
    auto *encryptionLayout = new QHBoxLayout(m_encryptionArea);
    encryptionLayout->setContentsMargins(0, 0, 0, 0);
    encryptionLayout->setSpacing(3);
    encryptionLayout->addWidget(m_lock);
    encryptionLayout->addWidget(m_encryption);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_retryButton);
    statusBar()->addPermanentWidget(m_reconnectButton);
    statusBar()->addPermanentWidget(m_encryptionArea);

    createActions();
    m_reconnectButton->setDefaultAction(m_reconnectAction);
    createTray();
    updateUserCount(0);
    updateStatus();
    updateTitle();
    resize(900, 600);
    restoreGeometry(m_preferences->windowGeometry());
    m_splitter->restoreState(m_preferences->splitterState());

    m_view->messageDelegate()->setNickPalette(m_nickPalette);
    new EmojiHighlighter(m_input->document());
    m_zoom->watch(m_view->viewport());
    m_zoom->watch(m_userView->viewport());
    applyFont();
    applyTimeFormat();
    ThemePalette::apply(m_preferences->theme());
    m_client->setHighlightWords(m_preferences->highlightWords());
    m_notifier->setPolicy(m_preferences->notify());
    connect(m_preferences, &ClientPreferences::fontChanged, this, &ChatWindow::applyFont);
    connect(m_preferences, &ClientPreferences::zoomChanged, this, &ChatWindow::applyFont);
    connect(m_preferences, &ClientPreferences::timeFormatChanged, this,
            &ChatWindow::applyTimeFormat);
    connect(m_preferences, &ClientPreferences::themeChanged, this, &ThemePalette::apply);
    connect(m_preferences, &ClientPreferences::highlightWordsChanged, m_client,
            &ChatClient::setHighlightWords);
    connect(m_preferences, &ClientPreferences::notifyChanged, this,
            [this](ClientPreferences::Notify notify) {
                m_notifier->setPolicy(notify);
                m_notifyAllAction->setChecked(notify == ClientPreferences::Notify::All);
            });
    connect(m_notifier, &Notifier::notShown, this,
            [this](const QString &summary, const QString &body) {
                if (m_tray)
                    m_tray->showMessage(summary, body, windowIcon(), 8000);
            });
    connect(m_nickPalette, &NickPalette::changed, m_view->viewport(),
            qOverload<>(&QWidget::update));
    connect(m_nickPalette, &NickPalette::changed, m_userView->viewport(),
            qOverload<>(&QWidget::update));

    connect(sendButton, &QPushButton::clicked, m_input, &ChatInput::submit);
    connect(m_input, &ChatInput::submitted, this, &ChatWindow::onSubmitted);
    connect(m_input, &ChatInput::rejected, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 5000); });
    connect(m_input, &ChatInput::lengthChanged, this, &ChatWindow::updateCounter);
    connect(m_input, &ChatInput::logScrollRequested, this,
            [this](QAbstractSlider::SliderAction action) {
                if (action == QAbstractSlider::SliderToMaximum)
                    m_view->followBottom();
                else
                    m_view->verticalScrollBar()->triggerAction(action);
            });
    connect(m_retryButton, &QPushButton::clicked, m_client, &ChatClient::retryNow);
    connect(m_userView, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        m_input->insertPlainText(index.data(Qt::DisplayRole).toString() + u": "_s);
        m_input->setFocus();
    });
    connect(m_users, &UserListModel::countChanged, this, &ChatWindow::updateUserCount);

    connect(m_client, &ChatClient::lineReceived, this, &ChatWindow::onLine);
    connect(m_view, &MessageView::reachedTop, this, &ChatWindow::loadOlder);
    connect(m_view, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.data(MessageModel::MarkerRole).toInt() ==
            static_cast<int>(ChatLine::Marker::NotLoaded)) {
            loadGap(index.row());
        }
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &ChatWindow::showLineMenu);
    connect(m_client, &ChatClient::olderHistoryLoaded, this, &ChatWindow::onOlderLoaded);
    connect(m_client, &ChatClient::historyReset, this, [this] {
        m_olderBefore = 0;
        m_noOlderHistory = false;
    });
    connect(m_client, &ChatClient::usersChanged, m_users, &UserListModel::setUsers);
    connect(m_client, &ChatClient::usersChanged, m_nickPalette, &NickPalette::setPeople);
    connect(m_client, &ChatClient::nickChanged, this, [this](const QString &nick) {
        m_users->setOwnNick(nick);
        updateStatus();
        updateTitle();
    });
    connect(m_client, &ChatClient::stateChanged, this, &ChatWindow::onStateChanged);
    connect(m_client, &ChatClient::failed, this, &ChatWindow::onFailed);
    connect(m_client, &ChatClient::serverError, this,
            [this](ErrorCode, const QString &text, const QString &suggestion) {
                addLocalLine(ChatLine::Kind::Error,
                             suggestion.isEmpty() ? text
                                                  : tr("%1 (Try /nick %2.)").arg(text, suggestion));
            });
    connect(m_client, &ChatClient::connectionLost, this, [this](const QString &reason) {
        addLocalLine(
            ChatLine::Kind::Error,
            tr("Connection lost (%1). Reconnecting by itself; what you type is kept.").arg(reason));
    });
    connect(m_client, &ChatClient::latencyChanged, this, &ChatWindow::updateStatus);
    connect(m_client, &ChatClient::joined, this, [this](const QString &nick) {
        m_users->setOwnNick(nick);
        m_input->setMaxBytes(m_client->maxText());
        if (m_dialog && m_dialog->isVisible()) {
            m_dialog->remember();
            m_dialog->hide();
        }
        show();
        m_input->setFocus();
        updateTitle();
    });

    m_countdown.setInterval(500);
    connect(&m_countdown, &QTimer::timeout, this, &ChatWindow::updateStatus);
}

ChatWindow::~ChatWindow() = default;

ConnectDialog *ChatWindow::connectDialog() const
{
    return m_dialog;
}

void ChatWindow::createActions()
{
    QMenu *chat = menuBar()->addMenu(tr("&Chat"));
    // Offered with the nickname in use now (after a /nick), not the one first typed.
    m_connectAction = chat->addAction(tr("&Connect…"), this,
                                      [this] { showConnectDialog({}, 0, m_client->nick()); });
    m_connectAction->setShortcut(QKeySequence::New);
    m_disconnectAction =
        chat->addAction(tr("&Disconnect"), m_client, &ChatClient::disconnectFromServer);
    m_disconnectAction->setShortcut(Qt::CTRL | Qt::Key_D);
    // After the server went away (shut down, kicked...): the same server, nickname and place
    // in the history, in one click.
    m_reconnectAction = chat->addAction(tr("&Reconnect"), this, [this] {
        if (m_client->reconnect())
            m_offerReconnect = false;
        updateStatus();
    });
    m_reconnectAction->setShortcut(Qt::CTRL | Qt::Key_R);
    m_reconnectAction->setEnabled(false);
    chat->addSeparator();
    QAction *save = chat->addAction(tr("&Save Chat Log…"), this, &ChatWindow::askSaveLog);
    save->setShortcut(QKeySequence::Save);
    QAction *search =
        chat->addAction(tr("Search the &Whole History…"), this, &ChatWindow::showSearch);
    search->setObjectName(u"searchHistory"_s);
    search->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    chat->addSeparator();
    QAction *quit = chat->addAction(tr("&Quit"), this, [this] {
        m_quitting = true;
        close();
    });
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // The log, the input and the people list zoom together, and the zoom is remembered.
    // Ctrl+= as well as Ctrl++: on most keyboards + needs Shift, = does not.
    QAction *zoomIn = view->addAction(tr("Zoom &In"), m_zoom, &ZoomController::zoomIn);
    zoomIn->setObjectName(u"zoomIn"_s);
    QList<QKeySequence> zoomInKeys = {QKeySequence(Qt::CTRL | Qt::Key_Equal),
                                      QKeySequence(Qt::CTRL | Qt::Key_Plus)};
    for (const QKeySequence &keys : QKeySequence::keyBindings(QKeySequence::ZoomIn)) {
        if (!zoomInKeys.contains(keys))
            zoomInKeys.append(keys);
    }
    zoomIn->setShortcuts(zoomInKeys);
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), m_zoom, &ZoomController::zoomOut);
    zoomOut->setObjectName(u"zoomOut"_s);
    QList<QKeySequence> zoomOutKeys = {QKeySequence(Qt::CTRL | Qt::Key_Minus)};
    for (const QKeySequence &keys : QKeySequence::keyBindings(QKeySequence::ZoomOut)) {
        if (!zoomOutKeys.contains(keys))
            zoomOutKeys.append(keys);
    }
    zoomOut->setShortcuts(zoomOutKeys);
    view->addAction(tr("&Reset Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), m_zoom,
                    &ZoomController::resetZoom)
        ->setObjectName(u"resetZoom"_s);
    view->addSeparator();
    m_notifyAllAction = view->addAction(tr("Notify for &All Messages"));
    m_notifyAllAction->setCheckable(true);
    m_notifyAllAction->setChecked(m_preferences->notify() == ClientPreferences::Notify::All);
    connect(m_notifyAllAction, &QAction::toggled, this, &ChatWindow::setNotifyAll);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *preferences =
        settings->addAction(tr("&Preferences…"), this, &ChatWindow::showPreferences);
    preferences->setObjectName(u"preferencesAction"_s);
    preferences->setMenuRole(QAction::PreferencesRole);
    // QKeySequence::Preferences has no keys on Linux desktops: Ctrl+, as GNOME and KDE use.
    QList<QKeySequence> preferencesKeys = {QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    for (const QKeySequence &keys : QKeySequence::keyBindings(QKeySequence::Preferences)) {
        if (!preferencesKeys.contains(keys))
            preferencesKeys.append(keys);
    }
    preferences->setShortcuts(preferencesKeys);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tagarela"), this, &ChatWindow::showAbout)
        ->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

void ChatWindow::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new TrayIcon(this);
    m_tray->setToolTip(tr("Tagarela"));
    connect(m_tray, &TrayIcon::quitRequested, this, [this] {
        m_quitting = true;
        close();
    });
    m_tray->show();
}

void ChatWindow::setNotifyAll(bool all)
{
    // "All" and "mentions" only: the menu's tick is not the place to silence everything.
    if (all)
        m_preferences->setNotify(ClientPreferences::Notify::All);
    else if (m_preferences->notify() == ClientPreferences::Notify::All)
        m_preferences->setNotify(ClientPreferences::Notify::Mentions);
    if (m_notifyAllAction->isChecked() != all)
        m_notifyAllAction->setChecked(all);
}

bool ChatWindow::notifiesAll() const
{
    return m_preferences->notify() == ClientPreferences::Notify::All;
}

PreferencesDialog *ChatWindow::preferencesDialog() const
{
    return m_preferencesDialog;
}

void ChatWindow::showPreferences()
{
    if (!m_preferencesDialog)
        m_preferencesDialog = new PreferencesDialog(m_preferences, this);
    else
        m_preferencesDialog->load();
    m_preferencesDialog->show();
    m_preferencesDialog->raise();
    m_preferencesDialog->activateWindow();
}

void ChatWindow::applyFont()
{
    QFont font = QApplication::font();
    if (!m_preferences->fontFamily().isEmpty())
        font.setFamily(m_preferences->fontFamily());
    const qreal size =
        m_preferences->fontPointSize() > 0 ? m_preferences->fontPointSize() : font.pointSizeF();
    font.setPointSizeF(qBound(MessageView::MinimumPointSize, size + m_preferences->zoom(),
                              MessageView::MaximumPointSize));
    font = EmojiFont::withFallback(font);
    m_view->setFont(font);
    m_input->setFont(font);
    m_userView->setFont(font);
    if (auto *send = findChild<QPushButton *>(u"sendButton"_s))
        send->setFixedHeight(m_input->minimumSizeHint().height());
}

void ChatWindow::applyTimeFormat()
{
    m_view->messageDelegate()->setTimeFormat(m_preferences->timePattern(QLocale()));
    m_view->doItemsLayout();
    m_view->viewport()->update();
}

void ChatWindow::savePlacement()
{
    m_preferences->setWindowGeometry(saveGeometry());
    m_preferences->setSplitterState(m_splitter->saveState());
}

void ChatWindow::showConnectDialog(const QString &host, quint16 port, const QString &nick)
{
    if (!m_dialog) {
        m_dialog = new ConnectDialog(this);
        connect(m_dialog, &ConnectDialog::connectRequested, this, &ChatWindow::onConnectRequested);
        connect(m_dialog, &ConnectDialog::cancelRequested, this, [this] {
            if (m_client->state() != ChatClient::State::Connected)
                m_client->disconnectFromServer();
            m_dialog->setBusy(false);
        });
        connect(m_dialog, &QDialog::rejected, this, [this] {
            // Closing the dialog before ever connecting means the user does not want to chat.
            if (!isVisible())
                qApp->quit();
        });
    }
    if (!host.isEmpty() || port != 0 || !nick.isEmpty()) {
        m_dialog->setValues(host.isEmpty() ? m_dialog->host() : host,
                            port == 0 ? m_dialog->port() : port,
                            nick.isEmpty() ? m_dialog->nick() : nick);
    }
    // Before the chat window exists, leaving the dialog leaves the program.
    m_dialog->setCancelQuits(!isVisible());
    m_dialog->setBusy(false);
    m_dialog->open();
}

void ChatWindow::connectDirectly(const QString &host, quint16 port, const QString &nick, bool tls)
{
    showConnectDialog(host, port, nick);
    if (tls)
        m_dialog->setUseTls(true);
    onConnectRequested(host, port, nick);
}

void ChatWindow::onConnectRequested(const QString &host, quint16 port, const QString &nick)
{
    // Another server: its lines go below a divider that names it, not mixed into the others.
    const bool otherServer = !m_client->host().isEmpty() &&
        (QString::compare(host, m_client->host(), Qt::CaseInsensitive) != 0 ||
         port != m_client->port());
    if (otherServer && m_messages->rowCount() > 0)
        m_messages->addServerDivider(ChatClient::address(host, port));
    if (m_dialog) {
        m_dialog->setBusy(true);
        m_client->setTls(m_dialog->useTls());
        m_client->setPassword(m_dialog->password());
    }
    m_client->connectToServer(host, port, nick);
}

void ChatWindow::askAboutCertificate()
{
    const CertificateProblem problem = m_client->certificateProblem();
    if (problem.isNull())
        return;
    const bool fromDialog = m_dialog && m_dialog->isVisible();
    auto *prompt = new CertificatePrompt(
        problem, fromDialog ? static_cast<QWidget *>(m_dialog) : static_cast<QWidget *>(this));
    connect(prompt, &CertificatePrompt::trusted, this,
            [this, fromDialog](const CertificateProblem &trusted) {
                m_client->trustCertificate(trusted);
                if (fromDialog && m_dialog && m_dialog->isVisible()) {
                    m_dialog->clearFailure();
                    onConnectRequested(m_dialog->host(), m_dialog->port(), m_dialog->nick());
                } else {
                    addLocalLine(ChatLine::Kind::Info,
                                 tr("Certificate trusted; connecting again."));
                    // Not connectToServer() with the current nickname: after a /nick that
                    // would open another outbox and start the history afresh.
                    m_client->reconnect();
                }
            });
    prompt->open();
}

void ChatWindow::onFailed(ChatClient::Failure failure, const QString &text,
                          const QString &suggestion)
{
    const bool certificate = failure == ChatClient::Failure::UntrustedCertificate ||
        failure == ChatClient::Failure::CertificateChanged;
    if (m_dialog && m_dialog->isVisible()) {
        m_dialog->setBusy(false);
        m_dialog->showFailure(failure, text, suggestion);
        if (certificate)
            askAboutCertificate();
        return;
    }
    if (certificate) {
        addLocalLine(ChatLine::Kind::Error,
                     ConnectDialog::failureMessage(failure, text, m_client->host(), {}));
        askAboutCertificate();
        return;
    }
    if (failure == ChatClient::Failure::Replaced) {
        addLocalLine(ChatLine::Kind::Error,
                     tr("You connected again as %1 from somewhere else, and that connection took "
                        "over. This window does not reconnect, so that the two do not keep "
                        "pushing each other out.")
                         .arg(m_client->nick()));
    } else if (failure == ChatClient::Failure::Kicked ||
               failure == ChatClient::Failure::ServerShutDown) {
        // The server's words carry the host's reason.
        addLocalLine(ChatLine::Kind::Error, text);
    } else {
        // In the user's language: the server's text is in the server's (a wrong password, a
        // ban, TLS required...), and its code says all there is to say.
        addLocalLine(
            ChatLine::Kind::Error,
            ConnectDialog::failureMessage(failure, text, m_client->host(), m_client->nick()));
    }
    switch (failure) {
    case ChatClient::Failure::Kicked:
    case ChatClient::Failure::ServerShutDown:
    case ChatClient::Failure::Flood:
    case ChatClient::Failure::Replaced:
    case ChatClient::Failure::PasswordRequired:
    case ChatClient::Failure::WrongPassword:
    case ChatClient::Failure::TooManyFailures:
    case ChatClient::Failure::TlsRequired:
    case ChatClient::Failure::Banned:
        addLocalLine(ChatLine::Kind::Info, tr("Use Chat ▸ Connect… to connect again."));
        break;
    default:
        break;
    }
    // Where the server or the host sent the user away, coming back is their call: offered,
    // not done by itself. A connection replaced by another one is not offered (the two
    // would push each other out).
    m_offerReconnect = failure == ChatClient::Failure::ServerShutDown ||
        failure == ChatClient::Failure::Kicked || failure == ChatClient::Failure::Flood;
    updateStatus();
}

void ChatWindow::onStateChanged(ChatClient::State state)
{
    if (state != ChatClient::State::Disconnected)
        m_offerReconnect = false;
    m_disconnectAction->setEnabled(state != ChatClient::State::Disconnected);
    // Out of the room the list is only who was there: greyed, so nobody takes it for now.
    m_userView->setEnabled(state == ChatClient::State::Connected);
    if (state != ChatClient::State::Connected && m_olderBefore != 0) {
        // The answer went down with the connection.
        m_olderBefore = 0;
        m_messages->removeMarkers(ChatLine::Marker::Loading);
    }
    if (state == ChatClient::State::WaitingToReconnect)
        m_countdown.start();
    else
        m_countdown.stop();
    updateStatus();
    updateTitle();
}

void ChatWindow::onSubmitted(const QString &text)
{
    const InputCommand command = InputCommand::parse(text);
    const auto refuseOffline = [this, &text] {
        // While the connection is coming back, messages wait in the outbox; only a user who
        // disconnected on purpose is refused.
        if (m_client->state() != ChatClient::State::Disconnected)
            return false;
        // Nothing is lost: the text goes back into the box to be sent once connected.
        m_input->setPlainText(text);
        m_input->moveCursor(QTextCursor::End);
        statusBar()->showMessage(tr("Not connected: the message was not sent."), 5000);
        return true;
    };
    const QString peer = m_conversations->list()->currentPeer();
    switch (command.kind) {
    case InputCommand::Kind::Msg:
    case InputCommand::Kind::Say:
    case InputCommand::Kind::Action: {
        if (refuseOffline())
            return;
        const QString to = command.kind == InputCommand::Kind::Msg ? command.target : peer;
        if (!to.isEmpty() && m_client->isConnected() && !m_client->supportsPrivateMessages()) {
            m_input->setPlainText(text);
            addLocalLine(ChatLine::Kind::Error,
                         tr("This server has no private messages: nothing was sent."));
            return;
        }
        const TextProblem problem = Validation::checkText(command.argument, m_client->maxText());
        if (problem != TextProblem::None) {
            m_input->setPlainText(text);
            addLocalLine(ChatLine::Kind::Error, Validation::describe(problem, m_client->maxText()));
            return;
        }
        if (!to.isEmpty())
            openConversation(to);
        const bool action = command.kind == InputCommand::Kind::Action;
        const bool queued = to.isEmpty() ? m_client->say(command.argument, action)
                                         : m_client->sayTo(to, command.argument, action);
        if (!queued) {
            m_input->setPlainText(text);
            m_input->moveCursor(QTextCursor::End);
            addLocalLine(ChatLine::Kind::Error,
                         tr("%n message(s) are waiting to be sent already; this one stays in the "
                            "box until some of them are through.",
                            nullptr, m_client->outbox().limit()));
            return;
        }
        // What the user just said is where they look next: the latest lines.
        m_view->followBottom();
        if (!m_client->isConnected()) {
            statusBar()->showMessage(
                tr("Not connected: the message will be sent when the connection is back."), 5000);
        }
        return;
    }
    case InputCommand::Kind::Nick: {
        if (!m_client->isConnected()) {
            m_input->setPlainText(text);
            m_input->moveCursor(QTextCursor::End);
            statusBar()->showMessage(tr("Not connected: the nickname was not changed."), 5000);
            return;
        }
        const NickProblem problem = Validation::checkNick(command.argument);
        if (problem != NickProblem::None) {
            addLocalLine(ChatLine::Kind::Error, Validation::describe(problem));
            return;
        }
        m_client->changeNick(command.argument);
        return;
    }
    case InputCommand::Kind::Who:
        addLocalLine(ChatLine::Kind::Info,
                     tr("Here now (%1): %2")
                         .arg(m_client->users().size())
                         .arg(m_client->users().join(u", "_s)));
        return;
    case InputCommand::Kind::Clear:
        m_conversations->currentModel()->clear();
        return;
    case InputCommand::Kind::Help:
        addLocalLine(ChatLine::Kind::Info, InputCommand::helpText());
        return;
    case InputCommand::Kind::Quit:
        m_quitting = true;
        close();
        return;
    case InputCommand::Kind::Unknown:
    case InputCommand::Kind::Invalid:
        addLocalLine(ChatLine::Kind::Error, command.error);
        return;
    }
}

void ChatWindow::onLine(const ChatLine &line)
{
    // The model follows the client by itself; this only counts and notifies. History arrives
    // by ChatClient::historyReceived(), never here, so past messages never count as unread.
    const bool fromOthers =
        (line.kind == ChatLine::Kind::Chat || line.kind == ChatLine::Kind::Action) &&
        !line.history && line.nick != m_client->nick();
    // Someone ignored neither counts nor notifies.
    if (!fromOthers || isActiveWindow() || !m_conversations->shows(line))
        return;
    ++m_unread;
    updateTitle();
    m_notifier->notifyLine(line.nick, line.text, line.mentionsMe, line.isPrivate());
    if (line.mentionsMe || line.isPrivate()) {
        QApplication::alert(this);
        Q_EMIT attentionRequested();
    }
}

void ChatWindow::loadOlder()
{
    // The room's older history; a private conversation has only what the room's brings.
    if (m_conversations->list()->current() != 0)
        return;
    if (m_olderBefore != 0 || m_noOlderHistory || !m_client->hasHistory() ||
        m_messages->rowCount() >= m_messages->scrollbackLimit()) {
        return;
    }
    const quint64 oldest = m_messages->oldestSeq();
    if (oldest <= 1)
        return;
    if (!m_client->fetchOlder(oldest))
        return;
    m_olderBefore = oldest;
    ChatLine loading;
    loading.kind = ChatLine::Kind::Marker;
    loading.marker = ChatLine::Marker::Loading;
    loading.text = tr("Loading older messages…");
    // Just above the oldest line: the older ones go in above it, and the lines read stay put.
    loading.seq = oldest;
    m_messages->append(loading);
    // The user is at the top, where it went in: show it, not the lines it pushed down.
    const int row = m_messages->findMarker(ChatLine::Marker::Loading);
    if (row >= 0)
        m_view->scrollTo(m_messages->index(row));
}

void ChatWindow::loadGap(int row)
{
    const ChatLine marker = m_messages->line(row);
    if (marker.marker != ChatLine::Marker::NotLoaded || !m_client->hasHistory())
        return;
    if (m_client->fetchOlder(marker.before, GapFetchLimit))
        m_messages->removeMarkers(ChatLine::Marker::NotLoaded);
}

void ChatWindow::onOlderLoaded(quint64 before, bool more)
{
    if (before != m_olderBefore)
        return;
    m_olderBefore = 0;
    m_messages->removeMarkers(ChatLine::Marker::Loading);
    if (!more) {
        m_noOlderHistory = true;
        ChatLine start;
        start.kind = ChatLine::Kind::Marker;
        start.marker = ChatLine::Marker::Start;
        start.text = tr("the beginning of the conversation");
        m_messages->append(start);
    }
}

void ChatWindow::showLineMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    // Copy, and on a link or a message what they offer.
    m_view->addContextActions(menu, pos);
    MessageModel *shown = m_conversations->currentModel();
    const ChatLine line = shown->line(index.row());
    if (index.isValid() && !line.nick.isEmpty() && line.kind != ChatLine::Kind::Marker) {
        QMenu *person = nickMenu(line.nick, menu);
        person->setTitle(line.nick);
        menu->addMenu(person);
    }
    if (index.isValid() && line.delivery == ChatLine::Delivery::Failed) {
        menu->addSeparator();
        menu->addAction(tr("&Resend"), this, [this, id = line.clientId] {
            if (m_client->resend(id))
                m_conversations->currentModel()->setDelivery(id, ChatLine::Delivery::Pending, {});
        });
    }
    if (index.isValid() && line.isUnconfirmed()) {
        menu->addAction(tr("&Discard This Message"), this, [this, id = line.clientId] {
            m_client->discard(id);
            m_conversations->currentModel()->removeOutgoing(id);
        });
    }
    if (index.isValid() && line.marker == ChatLine::Marker::NotLoaded) {
        menu->addSeparator();
        menu->addAction(tr("&Load the Missed Messages"), this,
                        [this, row = index.row()] { loadGap(row); });
    }
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void ChatWindow::addLocalLine(ChatLine::Kind kind, const QString &text)
{
    ChatLine line;
    line.kind = kind;
    line.time = QDateTime::currentMSecsSinceEpoch();
    line.text = text;
    m_messages->append(line);
}

void ChatWindow::updateStatus()
{
    QString text;
    m_retryButton->setVisible(m_client->state() == ChatClient::State::WaitingToReconnect);
    const bool canReconnect =
        m_offerReconnect && m_client->state() == ChatClient::State::Disconnected;
    m_reconnectAction->setEnabled(canReconnect);
    m_reconnectButton->setVisible(canReconnect);
    switch (m_client->state()) {
    case ChatClient::State::Disconnected:
        text = tr("Not connected");
        break;
    case ChatClient::State::Connecting:
    case ChatClient::State::Handshaking:
    case ChatClient::State::Joining:
        // The address of this attempt: with several, the one being tried.
        text = tr("Connecting to %1:%2…")
                   .arg(m_client->currentAddress().host)
                   .arg(m_client->currentAddress().port);
        break;
    case ChatClient::State::Connected:
        text = tr("Connected to %1:%2 as %3")
                   .arg(m_client->currentAddress().host)
                   .arg(m_client->currentAddress().port)
                   .arg(m_client->nick());
        if (m_client->latencyMs() >= 0)
            text += u" · "_s + tr("%1 ms").arg(m_client->latencyMs());
        break;
    case ChatClient::State::WaitingToReconnect: {
        const int seconds = (std::max(0, m_client->msUntilRetry()) + 999) / 1000;
        text = tr("Connection lost. Reconnecting in %n s…", nullptr, seconds);
        break;
    }
    }
    m_status->setText(text);
    updateEncryption();
}

void ChatWindow::updateEncryption()
{
    // Shown whenever there is a connection to speak of, so that a plain one is never taken
    // for an encrypted one.
    const bool connected = m_client->isConnected();
    m_encryptionArea->setVisible(connected);
    if (!connected)
        return;
    const bool encrypted = m_client->isEncrypted();
    m_lock->setVisible(encrypted);
    if (encrypted) {
        m_lock->setPixmap(
            lockPixmap(m_encryption->fontMetrics().height(), QColor(0x1e, 0x8a, 0x3c)));
        m_encryption->setText(m_client->tlsProtocol());
        m_encryptionArea->setToolTip(
            tr("Encrypted with %1.\nThe server's certificate (SHA-256):\n%2")
                .arg(m_client->tlsProtocol(), PinStore::format(m_client->peerFingerprint(), 16)));
        m_encryption->setAccessibleDescription(m_encryptionArea->toolTip());
    } else {
        m_lock->clear();
        m_encryption->setText(tr("Not encrypted"));
        m_encryptionArea->setToolTip(tr("What you send crosses the network as plain text. "
                                        "Connect with \"Use TLS\" to encrypt it."));
        m_encryption->setAccessibleDescription(m_encryptionArea->toolTip());
    }
}

void ChatWindow::updateTitle()
{
    QString title = m_client->isConnected()
        ? tr("%1 on %2 — Tagarela").arg(m_client->nick(), m_client->currentAddress().host)
        : tr("Tagarela");
    if (m_unread > 0)
        title = u'(' + QString::number(m_unread) + u") "_s + title;
    setWindowTitle(title);
    if (m_tray) {
        m_tray->setToolTip(m_unread > 0 ? tr("Tagarela: %n unread message(s)", nullptr, m_unread)
                                        : tr("Tagarela"));
        m_tray->setIcon(m_unread > 0 ? badgedIcon(windowIcon(), m_unread) : windowIcon());
    }
}

void ChatWindow::updateUserCount(int count)
{
    m_userCount->setText(tr("&People (%1)").arg(count));
}

void ChatWindow::resetUnread()
{
    if (m_unread == 0)
        return;
    m_unread = 0;
    updateTitle();
}

void ChatWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        resetUnread();
    QMainWindow::changeEvent(event);
}

void ChatWindow::closeEvent(QCloseEvent *event)
{
    savePlacement();
    // Kept in the tray: nothing is lost, so nothing to ask.
    if (!m_quitting && m_preferences->minimizeToTray() && m_tray && m_tray->isVisible()) {
        event->ignore();
        hide();
        return;
    }
    const bool typed = !m_input->toPlainText().trimmed().isEmpty();
    const int waiting = static_cast<int>(m_client->outbox().size());
    if (!m_closeConfirmed && (typed || waiting > 0)) {
        event->ignore();
        askBeforeClosing(typed, waiting);
        return;
    }
    m_client->disconnectFromServer();
    event->accept();
    qApp->quit();
}

void ChatWindow::askBeforeClosing(bool typed, int waiting)
{
    if (m_closeQuestion) {
        m_closeQuestion->raise();
        m_closeQuestion->activateWindow();
        return;
    }
    QStringList details;
    if (typed)
        details.append(tr("The message in the box has not been sent and will be lost."));
    if (waiting > 0) {
        details.append(tr("%n message(s) have not reached the server yet. They are kept, and go "
                          "out when you next connect to this server with this nickname.",
                          nullptr, waiting));
    }
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Quit Tagarela?"),
                        tr("Quit with messages that were not sent?"), QMessageBox::NoButton, this);
    box->setObjectName(u"closeQuestion"_s);
    box->setInformativeText(details.join(u"\n\n"_s));
    QPushButton *quit = box->addButton(tr("&Quit"), QMessageBox::DestructiveRole);
    quit->setObjectName(u"quitButton"_s);
    QPushButton *stay = box->addButton(tr("&Keep Writing"), QMessageBox::RejectRole);
    box->setDefaultButton(stay);
    box->setEscapeButton(stay);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(quit, &QPushButton::clicked, this, [this] {
        m_closeConfirmed = true;
        // After the box has gone: close() from inside its own button's signal would delete
        // it (WA_DeleteOnClose, and the window's children) under its feet.
        QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
    });
    connect(stay, &QPushButton::clicked, m_input, [this] { m_input->setFocus(); });
    m_closeQuestion = box;
    box->open();
}

void ChatWindow::updateCounter(int usedBytes, int maxBytes)
{
    // Only worth showing near the limit. The server counts UTF-8 bytes; people count
    // characters (what they see: é, 😀 and 🏳️‍🌈 are one each). While every character
    // is one byte the two agree and the count is in characters; otherwise both are shown.
    if (maxBytes <= 0 || usedBytes <= maxBytes * 3 / 4) {
        m_counter->clear();
        m_counter->setToolTip({});
        return;
    }
    const QString text = m_input->toPlainText();
    int characters = 0;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    while (graphemes.toNextBoundary() >= 0)
        ++characters;
    if (characters == usedBytes) {
        const int left = maxBytes - usedBytes;
        m_counter->setText(left >= 0 ? tr("%n character(s) left", nullptr, left)
                                     : tr("%n character(s) too many", nullptr, -left));
        m_counter->setToolTip({});
    } else {
        m_counter->setText(tr("%n character(s)", nullptr, characters) + u" · "_s +
                           tr("%1 of %2 bytes").arg(usedBytes).arg(maxBytes));
        m_counter->setToolTip(tr("The server counts bytes: accented letters, emoji and many "
                                 "scripts take two to four bytes each."));
    }
}

bool ChatWindow::saveLog(const QString &path, QString *error) const
{
    const bool html = path.endsWith(u".html"_s, Qt::CaseInsensitive) ||
        path.endsWith(u".htm"_s, Qt::CaseInsensitive);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    // The exported page has its own white background, whatever the palette of the program.
    const auto nickColor = [](const QString &nick) {
        return NickColor::forNick(nick, QColor(255, 255, 255)).name();
    };
    file.write((html ? m_messages->toHtml(nickColor) : m_messages->toPlainText()).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void ChatWindow::askSaveLog()
{
    auto *dialog = new QFileDialog(this, tr("Save Chat Log"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("Plain text (*.txt)"), tr("Web page (*.html)")});
    dialog->selectFile(u"tagarela-"_s + QDateTime::currentDateTime().toString(u"yyyy-MM-dd"_s));
    dialog->setDefaultSuffix(u"txt"_s);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        dialog->setDefaultSuffix(filter.contains(u"html"_s) ? u"html"_s : u"txt"_s);
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (saveLog(path, &error)) {
            statusBar()->showMessage(tr("Chat log saved to %1").arg(path), 5000);
            return;
        }
        auto *box =
            new QMessageBox(QMessageBox::Warning, tr("Save Chat Log"),
                            tr("Could not save %1: %2").arg(path, error), QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
}

void ChatWindow::showAbout()
{
    auto *box =
        new QMessageBox(QMessageBox::Information, tr("About Tagarela"),
                        tr("<h3>Tagarela %1</h3><p>A chat for friends: one room, every message to "
                           "everyone.</p><p>Built with Qt %2, running on Qt %3.</p>")
                            .arg(QApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                                 QString::fromLatin1(qVersion())),
                        QMessageBox::Ok, this);
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QMenu *ChatWindow::nickMenu(const QString &nick, QWidget *parent)
{
    const bool own = nick.compare(m_client->nick(), Qt::CaseInsensitive) == 0;
    auto *menu = new NickMenu(nick, m_ignore->contains(nick), own, parent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    connect(menu, &NickMenu::privateMessageRequested, this, &ChatWindow::openConversation);
    connect(menu, &NickMenu::mentionRequested, this, [this](const QString &name) {
        // At the start of the line "name: ", elsewhere "name ", as Tab completion does.
        const bool atStart = m_input->textCursor().position() == 0;
        m_input->insertPlainText(atStart ? QString(name + u": "_s) : QString(name + u' '));
        m_input->setFocus();
    });
    connect(menu, &NickMenu::ignoreRequested, this, &ChatWindow::setIgnored);
    return menu;
}

void ChatWindow::openConversation(const QString &nick)
{
    m_conversations->openWith(nick);
    m_input->setFocus();
}

void ChatWindow::showConversation(int index)
{
    MessageModel *model = m_conversations->model(index);
    if (!model || m_view->model() == model)
        return;
    m_view->setModel(model);
    m_view->followBottom();
    const QString peer = m_conversations->list()->currentPeer();
    m_input->setPlaceholderText(peer.isEmpty() ? QString() : tr("Private message to %1").arg(peer));
    updateTitle();
}

void ChatWindow::setIgnored(const QString &nick, bool ignore)
{
    if (ignore ? !m_ignore->add(nick) : !m_ignore->remove(nick))
        return;
    addLocalLine(ChatLine::Kind::Info,
                 ignore ? tr("You ignore %1 now: their messages are hidden.").arg(nick)
                        : tr("You hear from %1 again.").arg(nick));
}

SearchDialog *ChatWindow::searchDialog() const
{
    return m_search;
}

void ChatWindow::showSearch()
{
    if (!m_search) {
        m_search = new SearchDialog(m_client, this);
        connect(m_search, &SearchDialog::hitActivated, this, &ChatWindow::showHit);
        connect(m_client, &ChatClient::olderHistoryLoaded, this, [this] {
            if (m_pendingHit != 0 && scrollToSeq(m_pendingHit))
                m_pendingHit = 0;
        });
    }
    m_search->show();
    m_search->raise();
    m_search->activateWindow();
}

void ChatWindow::showHit(const ChatLine &hit)
{
    const QString peer = hit.peer(m_client->nick());
    m_conversations->list()->setCurrent(peer.isEmpty() ? 0 : m_conversations->list()->open(peer));
    if (scrollToSeq(hit.seq))
        return;
    // Not in the log: the messages around it are fetched, and placed by their numbers.
    m_pendingHit = hit.seq;
    if (!m_client->fetchOlder(hit.seq + SearchContext / 2 + 1, SearchContext))
        statusBar()->showMessage(tr("Not connected: the message cannot be loaded."), 5000);
}

bool ChatWindow::scrollToSeq(quint64 seq)
{
    const MessageModel *model = m_conversations->currentModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        if (index.data(MessageModel::SeqRole).toULongLong() == seq &&
            index.data(MessageModel::KindRole).toInt() !=
                static_cast<int>(ChatLine::Kind::Marker)) {
            m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
            m_view->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

} // namespace Tagarela
