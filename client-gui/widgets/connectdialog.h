// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "chatclient.h"
#include "serverhistory.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Tagarela {

/*!
 * Asks where to connect, whether with TLS, under which nickname and with which password (if the
 * server has one; it is never saved). It does not connect by itself: Connect emits
 * connectRequested(), the owner calls setBusy() while the client tries, and then either
 * showFailure() (the dialog stays open) or closes the dialog after remember().
 */
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    static constexpr quint16 DefaultPort = 3000;

    /*! Filled with the recent servers and the last nickname (see ServerHistory). */
    explicit ConnectDialog(QWidget *parent = nullptr);
    ~ConnectDialog() override;

    QString host() const;
    quint16 port() const;
    QString nick() const;
    /*!
     * Sets the fields; "Use TLS" follows what was used with that server last time, except that
     * TLS chosen explicitly (ticked by the user, or setUseTls(true)) is never turned off.
     */
    void setValues(const QString &host, quint16 port, const QString &nick);
    bool useTls() const;
    /*! An explicit choice: setUseTls(true) is never undone by picking a remembered server. */
    void setUseTls(bool on);
    /*! Kept while the program runs, never saved. */
    QString password() const;

    /*! True when host, port and nickname can be sent. */
    bool isInputValid() const;

    /*!
     * Disables the inputs while connecting; Cancel then emits cancelRequested(). Connect sets it
     * by itself before emitting connectRequested().
     */
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    /*! Tells why connecting failed, ends the busy state and leaves the dialog open. */
    void showFailure(Tagarela::ChatClient::Failure failure, const QString &text,
                     const QString &suggestion);
    /*! Removes the failure shown. */
    void clearFailure();
    /*! The failure text shown, empty if none. */
    QString failureText() const;
    /*! How a failure reads for the user. */
    static QString failureMessage(ChatClient::Failure failure, const QString &text,
                                  const QString &host, const QString &nick);

    /*! When the window goes away with the dialog, its cancel button reads Quit. */
    void setCancelQuits(bool quits);

    /*! Saves the server (with its TLS choice) and the nickname for next time. Call once
     * connected. */
    void remember();

    /*! While busy: stops the attempt (emits cancelRequested()) instead of closing. */
    void reject() override;

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    void connectRequested(const QString &host, quint16 port, const QString &nick);
    void cancelRequested();

private:
    void requestConnection();
    void pickServer(int index);
    void splitHostAndPort();
    void useSuggestion();
    void validate();
    void updateButtons();
    /*! "Use TLS" as remembered for a server, unless the user chose TLS (never undone). */
    void followRememberedTls(bool tls);
    /*! The field to type into first: the host if empty, else the nickname. */
    void focusFirstField();
    /*! Grows the dialog to fit the failure shown, at its width. */
    void makeRoomForTheFailure();

    ServerHistory m_history;
    bool m_busy = false;
    bool m_cancelQuits = false;
    bool m_hostTouched = false; //!< the user typed in the host field or left it
    bool m_nickTouched = false; //!< the same for the nickname
    bool m_tlsChosen = false; //!< TLS ticked by the user (or setUseTls(true)): kept on
    QString m_suggestion;

    QComboBox *m_hostCombo = nullptr;
    QLabel *m_hostReason = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QCheckBox *m_tlsCheck = nullptr;
    QLineEdit *m_nickEdit = nullptr;
    QLabel *m_nickReason = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_passwordReason = nullptr;
    QFrame *m_errorArea = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_suggestionButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Tagarela
