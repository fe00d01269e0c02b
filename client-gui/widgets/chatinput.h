// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QAbstractSlider>
#include <QPlainTextEdit>
#include <QStringList>

#include "nickcompleter.h"
#include "protocol.h"

namespace Tagarela {

/*!
 * The box messages are typed into. Enter sends, Shift+Enter starts a new line, Up and Down on
 * the first and last line recall what was sent before. It grows with its text up to a few lines
 * and warns when the text is longer than the server accepts.
 */
class ChatInput final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatInput)
    Q_PROPERTY(bool overLimit READ isOverLimit NOTIFY overLimitChanged)

public:
    static constexpr int MaxHistory = 100;
    static constexpr int MaxVisibleLines = 6;

    explicit ChatInput(QWidget *parent = nullptr);
    ~ChatInput() override;

    /*! The largest text the server accepts, in UTF-8 bytes. */
    void setMaxBytes(int maxBytes);
    int maxBytes() const { return m_maxBytes; }
    /*! The text's size in UTF-8 bytes. */
    int usedBytes() const;
    bool isOverLimit() const { return m_overLimit; }

    /*! What was sent, oldest first. */
    QStringList history() const { return m_history; }

    /*! Submits the text as Enter does (for a Send button). */
    void submit();
    /*!
     * Tab completes the nickname being typed from \a nicks() (NickCompleter: "nick: " at the
     * start, "nick " elsewhere; Tab again cycles). Without a source, or with nothing to
     * complete, Tab moves the focus on as usual.
     */
    void setNickSource(std::function<QStringList()> nicks) { m_nicks = std::move(nicks); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /*! The user pressed Enter on a text that can be sent; the box is now empty. */
    void submitted(const QString &text);
    /*! The user pressed Enter on a text that cannot be sent; it stays in the box. */
    void rejected(const QString &reason);
    void lengthChanged(int usedBytes, int maxBytes);
    void overLimitChanged(bool overLimit);
    /*!
     * PgUp, PgDn, Ctrl+Home or Ctrl+End: the log is to scroll, while the typing goes on here.
     */
    void logScrollRequested(QAbstractSlider::SliderAction action);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void recall(int step);
    void showText(const QString &text);
    void updateLength();
    void updateHeight();
    /*! The long placeholder where it fits on one line, a short one where it does not. */
    void updatePlaceholder();

    int m_maxBytes = Protocol::DefaultMaxText;
    bool m_overLimit = false;
    QStringList m_history;
    int m_historyIndex = -1; //!< the entry shown, or -1 for the draft
    QString m_draft; //!< what was being typed before browsing the history
    std::function<QStringList()> m_nicks; //!< setNickSource()
    NickCompleter m_completer;
};

} // namespace Tagarela
