// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

namespace Tagarela {

class ClientPreferences;

/*!
 * Ctrl and the mouse wheel over the widgets it watches zoom the chat (ClientPreferences::zoom),
 * the same zoom as Ctrl+= and Ctrl+-: the log, the input and the people list together.
 */
class ZoomController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ZoomController)

public:
    explicit ZoomController(ClientPreferences *preferences, QObject *parent = nullptr);
    ~ZoomController() override;

    /*! Takes Ctrl+wheel over \a widget (a view's viewport) for the zoom. */
    void watch(QWidget *widget);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<ClientPreferences> m_preferences;
};

} // namespace Tagarela
