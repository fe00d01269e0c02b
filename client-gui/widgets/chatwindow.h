// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include "chatclient.h"
#include "chatline.h"

class QAction;
class QLabel;
class QListView;
class QPushButton;
class QMessageBox;
class QSplitter;
class QToolButton;

namespace Tagarela {

class ChatInput;
class ClientPreferences;
class ConnectDialog;
class ConversationBar;
class Conversations;
class IgnoreList;
class NickPalette;
class Notifier;
class PreferencesDialog;
class SearchDialog;
class TrayIcon;
class ZoomController;
class MessageModel;
class MessageView;
class UserListModel;

/*!
 * The chat window: messages, the user list, the input box, the status bar and the menus.
 * It wires the ChatClient's signals to the models and the user's input to the client; it
 * holds no chat state of its own beyond the unread counter.
 */
class ChatWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatWindow)

public:
    explicit ChatWindow(ChatClient *client, QWidget *parent = nullptr);
    ~ChatWindow() override;

    /*! Shows the connect dialog, filled with \a host, \a port and \a nick where given. */
    void showConnectDialog(const QString &host = {}, quint16 port = 0, const QString &nick = {});
    /*! Connects straight away; the dialog only appears if that fails. */
    void connectDirectly(const QString &host, quint16 port, const QString &nick, bool tls = false);

    int unreadCount() const { return m_unread; }
    MessageModel *messageModel() const { return m_messages; }
    UserListModel *userModel() const { return m_users; }
    ChatInput *input() const { return m_input; }
    ConnectDialog *connectDialog() const;
    Conversations *conversations() const { return m_conversations; }
    IgnoreList *ignoreList() const { return m_ignore; }
    MessageView *messageView() const { return m_view; }
    QListView *peopleView() const { return m_userView; }
    /*! The search dialog, once "Search the Whole History" opened it. */
    SearchDialog *searchDialog() const;
    /*! Opens the search dialog. */
    void showSearch();
    /*! The menu for \a nick (people list, log): private message, mention, copy, ignore. */
    QMenu *nickMenu(const QString &nick, QWidget *parent);
    /*! Writes the log to \a path as HTML if it ends in .html or .htm, else as plain text. */
    [[nodiscard]] bool saveLog(const QString &path, QString *error = nullptr) const;
    /*! Whether desktop notifications go out for every message, not only mentions; remembered. */
    void setNotifyAll(bool all);
    bool notifiesAll() const;
    ClientPreferences *preferences() const { return m_preferences; }
    NickPalette *nickPalette() const { return m_nickPalette; }
    Notifier *notifier() const { return m_notifier; }
    /*! Settings ▸ Preferences (Ctrl+,); null until it is first opened. */
    PreferencesDialog *preferencesDialog() const;
    void showPreferences();

Q_SIGNALS:
    /*! The window asked the desktop for attention (QApplication::alert) over a mention. */
    void attentionRequested();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createTray();
    /*! The chat's font (Preferences and zoom) on the log, the input and the people list. */
    void applyFont();
    void applyTimeFormat();
    /*! Remembers the window's size and place and the split between log and people. */
    void savePlacement();
    void onSubmitted(const QString &text);
    void onLine(const ChatLine &line);
    void onStateChanged(ChatClient::State state);
    void onFailed(ChatClient::Failure failure, const QString &text, const QString &suggestion);
    void onConnectRequested(const QString &host, quint16 port, const QString &nick);
    /*! Asks whether to trust the certificate that stopped the client; reconnects on yes. */
    void askAboutCertificate();
    void addLocalLine(ChatLine::Kind kind, const QString &text);
    /*! Asks for the messages before the oldest in the log (the user reached the top). */
    void loadOlder();
    /*! Fills the gap a "not loaded" marker at \a row stands for. */
    void loadGap(int row);
    void onOlderLoaded(quint64 before, bool more);
    void showLineMenu(const QPoint &pos);
    /*! The conversation with \a nick, opened and shown (a private message, /msg). */
    void openConversation(const QString &nick);
    void showConversation(int index);
    void setIgnored(const QString &nick, bool ignore);
    /*! Shows a search hit in the log: its conversation, scrolled to it, loaded if need be. */
    void showHit(const ChatLine &hit);
    /*! Scrolls the current log to \a seq if it holds it. */
    bool scrollToSeq(quint64 seq);
    void updateStatus();
    void updateCounter(int usedBytes, int maxBytes);
    /*! Asks (without a nested event loop) before closing over unsent messages. */
    void askBeforeClosing(bool typed, int waiting);
    void updateEncryption();
    void updateTitle();
    void updateUserCount(int count);
    void resetUnread();
    void askSaveLog();
    void showAbout();

    ChatClient *m_client;
    MessageModel *m_messages = nullptr;
    UserListModel *m_users = nullptr;
    IgnoreList *m_ignore = nullptr;
    Conversations *m_conversations = nullptr;
    ConversationBar *m_conversationBar = nullptr;
    QPointer<SearchDialog> m_search;
    quint64 m_pendingHit = 0; //!< a search hit being loaded, to scroll to when it is in
    MessageView *m_view = nullptr;
    QListView *m_userView = nullptr;
    QLabel *m_userCount = nullptr;
    ChatInput *m_input = nullptr;
    QLabel *m_counter = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_encryptionArea = nullptr;
    QLabel *m_lock = nullptr;
    QLabel *m_encryption = nullptr;
    QPushButton *m_retryButton = nullptr;
    QToolButton *m_reconnectButton = nullptr;
    QPointer<QMessageBox> m_closeQuestion;
    QPointer<ConnectDialog> m_dialog;
    TrayIcon *m_tray = nullptr;
    ClientPreferences *m_preferences = nullptr;
    NickPalette *m_nickPalette = nullptr;
    Notifier *m_notifier = nullptr;
    ZoomController *m_zoom = nullptr;
    QSplitter *m_splitter = nullptr;
    QPointer<PreferencesDialog> m_preferencesDialog;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_reconnectAction = nullptr;
    QAction *m_notifyAllAction = nullptr;
    QTimer m_countdown;
    static constexpr int GapFetchLimit = 500;
    //! Messages loaded around a search hit that is not in the log.
    static constexpr int SearchContext = 50;
    quint64 m_olderBefore = 0; //!< the before of the fetch under way for the top, 0: none
    bool m_noOlderHistory = false; //!< the server has nothing older than the log's top
    int m_unread = 0;
    bool m_quitting = false;
    bool m_offerReconnect = false; //!< the server sent the user away: Reconnect is offered
    bool m_closeConfirmed = false; //!< the user chose to quit over unsent messages
};

} // namespace Tagarela
