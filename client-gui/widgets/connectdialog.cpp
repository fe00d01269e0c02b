// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectdialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QShowEvent>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include "serveraddress.h"
#include "validation.h"

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

constexpr int HostRole = Qt::UserRole;
constexpr int PortRole = Qt::UserRole + 1;
constexpr int TlsRole = Qt::UserRole + 2;

struct HostAndPort
{
    QString host;
    int port = -1; //!< -1 when the text names no port
};

/*!
 * Reads "host", "host:port", "[v6-address]" and "[v6-address]:port". A bare IPv6 address has
 * several colons and is taken whole.
 */
HostAndPort splitHostPort(const QString &input)
{
    const QString text = input.trimmed();
    auto portFrom = [](QStringView digits) {
        bool ok = false;
        const uint port = digits.toUInt(&ok);
        return ok && port >= 1 && port <= 65535 ? int(port) : -2;
    };
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return {text};
        const QString host = text.mid(1, close - 1);
        const QStringView rest = QStringView(text).mid(close + 1);
        if (rest.isEmpty())
            return {host};
        if (rest.startsWith(u':') && portFrom(rest.mid(1)) > 0)
            return {host, portFrom(rest.mid(1))};
        return {text};
    }
    const qsizetype colon = text.indexOf(u':');
    if (colon > 0 && colon == text.lastIndexOf(u':')) {
        const int port = portFrom(QStringView(text).mid(colon + 1));
        if (port > 0)
            return {text.left(colon), port};
    }
    return {text};
}

/*! Commas or spaces: the text names several servers of one room (ServerAddressList). */
bool namesSeveral(const QString &text)
{
    const QString trimmed = text.trimmed();
    return std::any_of(trimmed.cbegin(), trimmed.cend(),
                       [](QChar c) { return c == u',' || c.isSpace(); });
}

QString displayName(const ServerHistory::Server &server)
{
    if (namesSeveral(server.host)) {
        // Every address with its port: the port field is not beside the list in the menu.
        QStringList names;
        for (const ServerAddress &address :
             ServerAddressList::parse(server.host, server.port).addresses) {
            names.append(address.toString());
        }
        return names.join(u", "_s);
    }
    const QString host = server.host.contains(u':') ? u'[' + server.host + u']' : server.host;
    return host + u':' + QString::number(server.port);
}

// Blended from the current colours, so that the warning stays readable in dark themes.
QColor warningColor(const QColor &from, qreal amount)
{
    const QColor red(0xd0, 0x20, 0x20);
    return QColor::fromRgbF(from.redF() + (red.redF() - from.redF()) * amount,
                            from.greenF() + (red.greenF() - from.greenF()) * amount,
                            from.blueF() + (red.blueF() - from.blueF()) * amount);
}

QLabel *makeReasonLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, warningColor(palette.color(QPalette::WindowText), 0.75));
    label->setPalette(palette);
    label->hide();
    return label;
}

} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Connect to a Tagarela server"));
    setWindowIcon(QGuiApplication::windowIcon());

    // Object names: for tests and accessibility tools, never shown.
    m_hostCombo = new QComboBox(this);
    m_hostCombo->setObjectName(u"host"_s);
    m_hostCombo->setEditable(true);
    m_hostCombo->setInsertPolicy(QComboBox::NoInsert);
    m_hostCombo->setMinimumContentsLength(28);
    m_hostCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_hostCombo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_hostCombo->setAccessibleName(tr("Server host"));
    m_hostCombo->lineEdit()->setPlaceholderText(tr("chat.example.org or 192.0.2.7"));
    m_hostCombo->setToolTip(tr("A host name or address, with :port if it is not the port "
                               "below. Several servers of one room, separated by commas, are "
                               "tried in turn: chat1.example.org:3000, chat2.example.org:3000."));
    for (const ServerHistory::Server &server : m_history.recentServers()) {
        m_hostCombo->addItem(displayName(server));
        const int index = m_hostCombo->count() - 1;
        m_hostCombo->setItemData(index, server.host, HostRole);
        m_hostCombo->setItemData(index, server.port, PortRole);
        m_hostCombo->setItemData(index, server.tls, TlsRole);
    }
    m_hostReason = makeReasonLabel(this);
    m_hostReason->setObjectName(u"hostReason"_s);

    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(u"port"_s);
    m_portSpin->setRange(1, 65535);
    m_portSpin->setValue(DefaultPort);
    m_portSpin->setAccessibleName(tr("Port"));

    m_tlsCheck = new QCheckBox(tr("Use &TLS (encrypted connection)"), this);
    m_tlsCheck->setObjectName(u"tls"_s);
    m_tlsCheck->setToolTip(tr("The server must have been started with a certificate "
                              "(--tls-cert). The first time, you are asked to check it."));

    m_nickEdit = new QLineEdit(this);
    m_nickEdit->setObjectName(u"nick"_s);
    m_nickEdit->setAccessibleName(tr("Nickname"));
    m_nickReason = makeReasonLabel(this);
    m_nickReason->setObjectName(u"nickReason"_s);

    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(u"password"_s);
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setAccessibleName(tr("Server password"));
    m_passwordEdit->setPlaceholderText(tr("only if the server has one"));
    m_passwordReason = makeReasonLabel(this);
    m_passwordReason->setObjectName(u"passwordReason"_s);

    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_hostCombo);
    auto *portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_portSpin);
    auto *nickLabel = new QLabel(tr("&Nickname:"), this);
    nickLabel->setBuddy(m_nickEdit);
    auto *passwordLabel = new QLabel(tr("Pass&word:"), this);
    passwordLabel->setBuddy(m_passwordEdit);

    m_errorArea = new QFrame(this);
    m_errorArea->setObjectName(u"errorArea"_s);
    m_errorArea->setFrameShape(QFrame::StyledPanel);
    m_errorArea->setAutoFillBackground(true);
    QPalette errorPalette = m_errorArea->palette();
    errorPalette.setColor(QPalette::Window,
                          warningColor(errorPalette.color(QPalette::Window), 0.15));
    m_errorArea->setPalette(errorPalette);
    m_errorArea->setAccessibleName(tr("Connection problem"));
    auto *errorIcon = new QLabel(m_errorArea);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    errorIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    errorIcon->setAlignment(Qt::AlignTop);
    m_errorLabel = new QLabel(m_errorArea);
    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_suggestionButton = new QPushButton(m_errorArea);
    m_suggestionButton->setObjectName(u"suggestionButton"_s);
    m_suggestionButton->setAutoDefault(false);
    m_suggestionButton->hide();
    auto *errorLayout = new QHBoxLayout(m_errorArea);
    errorLayout->addWidget(errorIcon, 0, Qt::AlignTop);
    errorLayout->addWidget(m_errorLabel, 1);
    errorLayout->addWidget(m_suggestionButton, 0, Qt::AlignVCenter);
    m_errorArea->hide();

    m_buttons = new QDialogButtonBox(this);
    m_connectButton = m_buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(u"connectButton"_s);
    m_connectButton->setDefault(true);
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    // Where the style puts icons on Cancel, Connect gets one too.
    if (style()->styleHint(QStyle::SH_DialogButtonBox_ButtonsHaveIcons, nullptr, this))
        m_connectButton->setIcon(style()->standardIcon(QStyle::SP_DialogOkButton, nullptr, this));

    auto *hostColumn = new QVBoxLayout;
    hostColumn->setSpacing(2);
    hostColumn->addWidget(m_hostCombo);
    hostColumn->addWidget(m_hostReason);
    auto *nickColumn = new QVBoxLayout;
    nickColumn->setSpacing(2);
    nickColumn->addWidget(m_nickEdit);
    nickColumn->addWidget(m_nickReason);

    auto *passwordColumn = new QVBoxLayout;
    passwordColumn->setSpacing(2);
    passwordColumn->addWidget(m_passwordEdit);
    passwordColumn->addWidget(m_passwordReason);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(hostLabel, hostColumn);
    form->addRow(portLabel, m_portSpin);
    form->addRow(QString(), m_tlsCheck);
    form->addRow(nickLabel, nickColumn);
    form->addRow(passwordLabel, passwordColumn);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorArea);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    // Room for a two-line failure message without a narrow, tall window.
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);

    setTabOrder(m_hostCombo, m_portSpin);
    setTabOrder(m_portSpin, m_tlsCheck);
    setTabOrder(m_tlsCheck, m_nickEdit);
    setTabOrder(m_nickEdit, m_passwordEdit);
    setTabOrder(m_passwordEdit, m_suggestionButton);
    setTabOrder(m_suggestionButton, m_connectButton);
    setTabOrder(m_connectButton, m_cancelButton);

    connect(m_hostCombo, &QComboBox::editTextChanged, this, &ConnectDialog::validate);
    connect(m_hostCombo, &QComboBox::activated, this, &ConnectDialog::pickServer);
    connect(m_hostCombo->lineEdit(), &QLineEdit::editingFinished, this,
            &ConnectDialog::splitHostAndPort);
    // An empty field is a problem only once the user has been there: typed and erased, left
    // it (Tab) or pressed Enter in it. Not a red line at them before they typed anything.
    const auto touch = [this](bool *touched) {
        return [this, touched] {
            if (*touched)
                return;
            *touched = true;
            validate();
        };
    };
    connect(m_hostCombo->lineEdit(), &QLineEdit::textEdited, this, touch(&m_hostTouched));
    connect(m_hostCombo->lineEdit(), &QLineEdit::editingFinished, this, touch(&m_hostTouched));
    connect(m_nickEdit, &QLineEdit::textEdited, this, touch(&m_nickTouched));
    connect(m_nickEdit, &QLineEdit::editingFinished, this, touch(&m_nickTouched));
    connect(m_nickEdit, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    connect(m_passwordEdit, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    connect(m_tlsCheck, &QCheckBox::toggled, this, &ConnectDialog::validate);
    // clicked(): the user's own choice (mouse, Space or Alt+T), not the history's.
    connect(m_tlsCheck, &QCheckBox::clicked, this, [this](bool on) { m_tlsChosen = on; });
    connect(m_suggestionButton, &QPushButton::clicked, this, &ConnectDialog::useSuggestion);
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectDialog::requestConnection);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);

    const std::optional<ServerHistory::Server> last = m_history.lastServer();
    setValues(last ? last->host : QString(), last ? last->port : DefaultPort, m_history.lastNick());
    focusFirstField();
}

ConnectDialog::~ConnectDialog()
{
    // ~QDialog hides the dialog, which moves the focus out of the fields: their signals must
    // not reach slots of a dialog that is already half destroyed.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        disconnect(child, nullptr, this, nullptr);
}

QString ConnectDialog::host() const
{
    const QString text = m_hostCombo->currentText();
    if (namesSeveral(text)) {
        const ServerAddressList::Parsed parsed = ServerAddressList::parse(text, port());
        return parsed.isValid() ? ServerAddressList::format(parsed.addresses) : text.trimmed();
    }
    return splitHostPort(text).host;
}

quint16 ConnectDialog::port() const
{
    // A list keeps its ports in the text: the field is the default for entries without one.
    if (namesSeveral(m_hostCombo->currentText()))
        return quint16(m_portSpin->value());
    const int typed = splitHostPort(m_hostCombo->currentText()).port;
    return quint16(typed > 0 ? typed : m_portSpin->value());
}

QString ConnectDialog::nick() const
{
    return m_nickEdit->text().trimmed();
}

void ConnectDialog::setValues(const QString &host, quint16 port, const QString &nick)
{
    m_hostCombo->setCurrentIndex(-1);
    m_hostCombo->setEditText(host);
    m_portSpin->setValue(port);
    m_nickEdit->setText(nick);
    const std::optional<ServerHistory::Server> known = m_history.find(host, port);
    followRememberedTls(known && known->tls);
    validate();
}

void ConnectDialog::followRememberedTls(bool tls)
{
    // A server remembered without TLS (from before it had a certificate, or a typo's twin)
    // must not quietly turn an encrypted connection the user asked for into a plain one.
    if (m_tlsChosen && !tls)
        return;
    m_tlsCheck->setChecked(tls);
}

bool ConnectDialog::useTls() const
{
    return m_tlsCheck->isChecked();
}

void ConnectDialog::setUseTls(bool on)
{
    m_tlsChosen = on;
    m_tlsCheck->setChecked(on);
}

QString ConnectDialog::password() const
{
    return m_passwordEdit->text();
}

bool ConnectDialog::isInputValid() const
{
    const QString text = m_hostCombo->currentText();
    const bool hostValid =
        namesSeveral(text) ? ServerAddressList::parse(text, port()).isValid() : !host().isEmpty();
    return hostValid && Validation::checkNick(nick()) == NickProblem::None;
}

void ConnectDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_hostCombo->setEnabled(!busy);
    m_portSpin->setEnabled(!busy);
    m_tlsCheck->setEnabled(!busy);
    m_nickEdit->setEnabled(!busy);
    m_passwordEdit->setEnabled(!busy);
    m_suggestionButton->setEnabled(!busy);
    updateButtons();
}

void ConnectDialog::showFailure(ChatClient::Failure failure, const QString &text,
                                const QString &suggestion)
{
    setBusy(false);
    if (failure == ChatClient::Failure::None) {
        clearFailure();
        return;
    }
    m_errorLabel->setText(failureMessage(failure, text, host(), nick()));
    m_suggestion = failure == ChatClient::Failure::NickTaken &&
            Validation::checkNick(suggestion) == NickProblem::None
        ? suggestion
        : QString();
    m_suggestionButton->setText(tr("&Use %1").arg(m_suggestion));
    m_suggestionButton->setAccessibleName(tr("Use the nickname %1").arg(m_suggestion));
    m_suggestionButton->setVisible(!m_suggestion.isEmpty());
    m_errorArea->show();
    makeRoomForTheFailure();

    switch (failure) {
    case ChatClient::Failure::NickTaken:
    case ChatClient::Failure::InvalidNick:
        // Typing goes to the nickname, whether or not there is a suggestion: the suggestion
        // is a click or its shortcut away, and typed letters must not be lost on a button.
        m_nickEdit->setFocus();
        m_nickEdit->selectAll();
        break;
    case ChatClient::Failure::HostNotFound:
    case ChatClient::Failure::ConnectionRefused:
    case ChatClient::Failure::TimedOut:
        m_hostCombo->setFocus();
        m_hostCombo->lineEdit()->selectAll();
        break;
    case ChatClient::Failure::PasswordRequired:
    case ChatClient::Failure::WrongPassword:
        m_passwordEdit->setFocus();
        m_passwordEdit->selectAll();
        break;
    case ChatClient::Failure::TlsRequired:
    case ChatClient::Failure::TlsFailed:
        m_tlsCheck->setFocus();
        break;
    default:
        m_connectButton->setFocus();
        break;
    }
}

void ConnectDialog::makeRoomForTheFailure()
{
    // A wrapped label's height depends on its width, which the dialog's minimum size does not
    // follow: grow to what the layout needs at this width rather than squash the fields.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

void ConnectDialog::clearFailure()
{
    m_errorLabel->clear();
    m_suggestion.clear();
    m_suggestionButton->hide();
    m_errorArea->hide();
}

QString ConnectDialog::failureText() const
{
    return m_errorLabel->text();
}

void ConnectDialog::setCancelQuits(bool quits)
{
    m_cancelQuits = quits;
    updateButtons();
}

void ConnectDialog::remember()
{
    m_history.addServer(host(), port(), useTls());
    m_history.setLastNick(nick());
}

void ConnectDialog::reject()
{
    if (m_busy) {
        setBusy(false);
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

void ConnectDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // Shown again after a connection, the focus is wherever the busy state pushed it (Cancel,
    // where Enter would cancel): back to a field, where Enter connects.
    if (!event->spontaneous())
        focusFirstField();
}

void ConnectDialog::focusFirstField()
{
    if (host().isEmpty()) {
        m_hostCombo->setFocus();
        return;
    }
    m_nickEdit->setFocus();
    m_nickEdit->selectAll();
}

void ConnectDialog::requestConnection()
{
    if (m_busy || !isInputValid())
        return;
    splitHostAndPort();
    clearFailure();
    // Busy before the signal: a failure reported at once (showFailure) must end it, not be
    // followed by it.
    setBusy(true);
    Q_EMIT connectRequested(host(), port(), nick());
}

void ConnectDialog::pickServer(int index)
{
    const QVariant port = m_hostCombo->itemData(index, PortRole);
    if (!port.isValid())
        return;
    m_hostCombo->setEditText(m_hostCombo->itemData(index, HostRole).toString());
    m_portSpin->setValue(port.toInt());
    followRememberedTls(m_hostCombo->itemData(index, TlsRole).toBool());
}

void ConnectDialog::splitHostAndPort()
{
    if (namesSeveral(m_hostCombo->currentText()))
        return;
    const HostAndPort parsed = splitHostPort(m_hostCombo->currentText());
    if (parsed.port > 0)
        m_portSpin->setValue(parsed.port);
    if (parsed.host != m_hostCombo->currentText())
        m_hostCombo->setEditText(parsed.host);
}

void ConnectDialog::useSuggestion()
{
    if (m_suggestion.isEmpty())
        return;
    m_nickEdit->setText(m_suggestion);
    clearFailure();
    m_connectButton->setFocus();
}

void ConnectDialog::validate()
{
    const QString name = host();
    QString hostProblem;
    if (namesSeveral(m_hostCombo->currentText())) {
        hostProblem = ServerAddressList::parse(m_hostCombo->currentText(), port()).error;
    } else if (name.isEmpty()) {
        if (m_hostTouched)
            hostProblem = tr("Enter the server's host name or address.");
    }
    m_hostReason->setText(hostProblem);
    m_hostReason->setVisible(!hostProblem.isEmpty());
    m_hostCombo->setAccessibleDescription(hostProblem);

    const NickProblem nickCheck = Validation::checkNick(nick());
    const QString nickProblem = nickCheck == NickProblem::Empty && !m_nickTouched
        ? QString()
        : Validation::describe(nickCheck);
    m_nickReason->setText(nickProblem);
    m_nickReason->setVisible(!nickProblem.isEmpty());
    m_nickEdit->setAccessibleDescription(nickProblem);

    // Not a reason to refuse, but worth knowing before it is sent.
    const QString passwordHint = !m_passwordEdit->text().isEmpty() && !useTls()
        ? tr("Without TLS the password crosses the network unencrypted.")
        : QString();
    m_passwordReason->setText(passwordHint);
    m_passwordReason->setVisible(!passwordHint.isEmpty());
    m_passwordEdit->setAccessibleDescription(passwordHint);

    updateButtons();
}

void ConnectDialog::updateButtons()
{
    m_connectButton->setEnabled(!m_busy && isInputValid());
    m_connectButton->setText(m_busy ? tr("Connecting…") : tr("C&onnect"));
    // While connecting, the button stops the attempt rather than closing the window.
    m_cancelButton->setText(m_cancelQuits && !m_busy ? tr("&Quit") : tr("&Cancel"));
}

QString ConnectDialog::failureMessage(ChatClient::Failure failure, const QString &text,
                                      const QString &host, const QString &nick)
{
    using F = ChatClient::Failure;
    switch (failure) {
    case F::None:
        return {};
    case F::HostNotFound:
        return tr("The server %1 could not be found. Check the host name.").arg(host);
    case F::ConnectionRefused:
        return tr("%1 refused the connection. Check the port, and that the Tagarela server is "
                  "running.")
            .arg(host);
    case F::TimedOut:
        return tr("%1 did not answer in time. Check the host name and the port, and your "
                  "network connection.")
            .arg(host);
    case F::VersionMismatch:
        return tr("This server speaks another version of the Tagarela protocol. Update Tagarela "
                  "or the server.");
    case F::NickTaken:
        return tr("Someone is already using the nickname %1. Choose another one.").arg(nick);
    case F::InvalidNick:
        if (text.isEmpty())
            return tr("The server does not accept the nickname %1.").arg(nick);
        return tr("The server does not accept the nickname %1: %2").arg(nick, text);
    case F::ServerFull:
        return tr("The server is full. Try again later.");
    case F::TooManyConnections:
        return tr("There are too many connections from your address to this server. Close "
                  "another Tagarela window or try again later.");
    case F::Kicked:
        if (text.isEmpty())
            return tr("You were removed from the server.");
        return tr("You were removed from the server: %1").arg(text);
    case F::ServerShutDown:
        if (text.isEmpty())
            return tr("The server shut down.");
        return tr("The server shut down: %1").arg(text);
    case F::Flood:
        return tr("The server disconnected you for sending messages too fast.");
    case F::PasswordRequired:
        return tr(
            "This server needs a password. Enter it in the Password field and connect again.");
    case F::WrongPassword:
        return tr("The server did not accept the password. Check it and try again.");
    case F::TooManyFailures:
        return tr("Too many wrong passwords were sent from your address, so the server refuses "
                  "it for a while (10 minutes by default). Try again later.");
    case F::TlsRequired:
        return tr("This server accepts encrypted connections only. Turn on \"Use TLS\" and "
                  "connect again.");
    case F::Banned:
        return tr("The host of this server has banned your address.");
    case F::UntrustedCertificate:
        return tr("%1 sent a certificate that no authority this computer trusts has signed. "
                  "Compare its fingerprint with the host's before trusting it.")
            .arg(host);
    case F::CertificateChanged:
        return tr("The certificate of %1 is not the one you trusted before. Someone may be "
                  "intercepting the connection: Tagarela did not connect.")
            .arg(host);
    case F::TlsFailed:
        if (text.isEmpty())
            return tr("The encrypted connection could not be set up. Does the server use TLS?");
        return tr("The encrypted connection could not be set up (%1). Does the server use TLS?")
            .arg(text);
    case F::Replaced:
        return tr("You connected again as %1 from somewhere else, and that connection took "
                  "over. This one does not reconnect, so that the two do not keep pushing each "
                  "other out.")
            .arg(nick);
    case F::Network:
        if (text.isEmpty())
            return tr("The connection failed.");
        return tr("The connection failed: %1").arg(text);
    }
    return {};
}

} // namespace Tagarela
