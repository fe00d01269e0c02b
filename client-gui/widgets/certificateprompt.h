// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>

#include "pinstore.h"

class QPushButton;

namespace Tagarela {

/*!
 * Asks the user whether to trust a server's certificate: on first use, calmly, showing its
 * SHA-256 fingerprint; when it differs from the one trusted before, loudly, showing both, with
 * Cancel as the default. Open it with open(): trusted() follows the user's yes. It deletes
 * itself when closed.
 */
class CertificatePrompt final : public QMessageBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificatePrompt)

public:
    explicit CertificatePrompt(const CertificateProblem &problem, QWidget *parent = nullptr);

    CertificateProblem problem() const { return m_problem; }
    QPushButton *trustButton() const { return m_trustButton; }

Q_SIGNALS:
    /*! The user trusts the certificate of problem(). */
    void trusted(const Tagarela::CertificateProblem &problem);

private:
    CertificateProblem m_problem;
    QPushButton *m_trustButton = nullptr;
};

} // namespace Tagarela
