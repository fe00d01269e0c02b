// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoomcontroller.h"

#include <QWheelEvent>
#include <QWidget>

#include "clientpreferences.h"

namespace Tagarela {

ZoomController::ZoomController(ClientPreferences *preferences, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
{ }

ZoomController::~ZoomController() = default;

void ZoomController::watch(QWidget *widget)
{
    widget->installEventFilter(this);
}

void ZoomController::zoomIn()
{
    if (m_preferences)
        m_preferences->setZoom(m_preferences->zoom() + 1);
}

void ZoomController::zoomOut()
{
    if (m_preferences)
        m_preferences->setZoom(m_preferences->zoom() - 1);
}

void ZoomController::resetZoom()
{
    if (m_preferences)
        m_preferences->setZoom(0);
}

bool ZoomController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers().testFlag(Qt::ControlModifier)) {
            const int delta = wheel->angleDelta().y();
            if (delta > 0)
                zoomIn();
            else if (delta < 0)
                zoomOut();
            wheel->accept();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Tagarela
