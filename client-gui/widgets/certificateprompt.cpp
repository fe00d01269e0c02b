// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "certificateprompt.h"

#include <QLocale>
#include <QPushButton>

namespace Tagarela {

using namespace Qt::StringLiterals;

namespace {

// Two lines of 16 pairs: easier to compare by eye than one line of 95 characters.
QString fingerprintBlock(const QByteArray &digest)
{
    return u"<pre>"_s + PinStore::format(digest, 16).toHtmlEscaped() + u"</pre>"_s;
}

QString serverName(const CertificateProblem &problem)
{
    const QString host = problem.host.contains(u':') ? u'[' + problem.host + u']' : problem.host;
    const QString name = host + u':' + QString::number(problem.port);
    return name.toHtmlEscaped();
}

} // namespace

CertificatePrompt::CertificatePrompt(const CertificateProblem &problem, QWidget *parent)
    : QMessageBox(parent)
    , m_problem(problem)
{
    setObjectName(u"certificatePrompt"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setTextFormat(Qt::RichText);
    const QString server = serverName(problem);
    QString details;
    if (!problem.subject.isEmpty())
        details += tr("Issued to: %1").arg(problem.subject.toHtmlEscaped()) + u"<br>"_s;
    if (problem.expiry.isValid())
        details +=
            tr("Valid until: %1")
                .arg(QLocale().toString(problem.expiry.toLocalTime(), QLocale::ShortFormat)) +
            u"<br>"_s;

    if (problem.isChange()) {
        setIcon(QMessageBox::Critical);
        setWindowTitle(tr("The server's certificate has changed"));
        setText(tr("<p><b>The certificate of %1 is not the one you trusted before.</b></p>"
                   "<p>Either the host made a new certificate, or someone between you and the "
                   "server is trying to read or change what you say. Tagarela did not "
                   "connect.</p>")
                    .arg(server));
        setInformativeText(
            tr("<p>Trusted before (SHA-256):</p>%1<p>Offered now (SHA-256):</p>%2<p>%3</p>"
               "<p>Accept the new certificate only if the host tells you, in some other way than "
               "this chat, that they changed it and its fingerprint is the one above.</p>")
                .arg(fingerprintBlock(problem.pinned), fingerprintBlock(problem.fingerprint),
                     details));
        // No mnemonic: QMessageBox clicks a button for its letter even without Alt, and the
        // prompt may appear while the user is typing somewhere else.
        m_trustButton = addButton(tr("Accept the New Certificate"), QMessageBox::AcceptRole);
        QPushButton *cancel = addButton(QMessageBox::Cancel);
        // A slip of the Enter key must not accept it.
        setDefaultButton(cancel);
        setEscapeButton(cancel);
    } else {
        setIcon(QMessageBox::Question);
        setWindowTitle(tr("Check the server's certificate"));
        setText(tr("<p>%1 uses a certificate that no authority this computer trusts has "
                   "signed. Servers usually make their own, so this is expected the first "
                   "time.</p>")
                    .arg(server));
        setInformativeText(
            tr("<p>Its SHA-256 fingerprint:</p>%1<p>%2</p><p>Compare it with the fingerprint "
               "the host's server prints when it starts, told to you in some other way. If they "
               "match, trust it: Tagarela remembers it and warns you if it ever changes.</p>")
                .arg(fingerprintBlock(problem.fingerprint), details));
        m_trustButton = addButton(tr("Trust and Connect"), QMessageBox::AcceptRole);
        QPushButton *cancel = addButton(QMessageBox::Cancel);
        setDefaultButton(m_trustButton);
        setEscapeButton(cancel);
    }
    m_trustButton->setObjectName(u"trustButton"_s);
    connect(this, &QMessageBox::buttonClicked, this, [this](QAbstractButton *button) {
        if (button == m_trustButton)
            Q_EMIT trusted(m_problem);
    });
}

} // namespace Tagarela
