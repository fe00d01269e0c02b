// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QByteArray>
#include <QObject>

class QSocketNotifier;
struct redisAsyncContext;

namespace Tagarela {

/*!
 * Runs a hiredis asynchronous context on the Qt event loop of the thread it lives in: hiredis's
 * event hooks (addRead, delRead, addWrite, delWrite, cleanup) switch two QSocketNotifiers on
 * and off, and the notifiers call redisAsyncHandleRead/Write. No threads; every hiredis
 * callback runs on this thread. The Qt 6 equivalent of hiredis's adapters/qt.h, which predates
 * Qt 6.
 *
 * hiredis frees the context itself when the connection fails or closes; it then calls the
 * cleanup hook, and the adapter emits released() from inside hiredis: the context pointer is
 * dead from then on. Delete the adapter later (deleteLater), not in that signal.
 */
class RedisQtAdapter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisQtAdapter)

public:
    /*! Takes over \a context's event hooks; call before redisAsyncSetConnectCallback. */
    explicit RedisQtAdapter(redisAsyncContext *context, QObject *parent = nullptr);
    /*! Gives the hooks back if the context is still alive (it does not free the context). */
    ~RedisQtAdapter() override;

    /*! The context, or nullptr once hiredis has freed it. */
    redisAsyncContext *context() const { return m_context; }

Q_SIGNALS:
    /*!
     * hiredis is freeing the context (from inside hiredis: do not call it). \a error is
     * hiredis's error string if the connection failed, empty after a clean close.
     */
    void released(const QByteArray &error);

private:
    static void addRead(void *data);
    static void delRead(void *data);
    static void addWrite(void *data);
    static void delWrite(void *data);
    static void cleanup(void *data);

    void readable();
    void writable();
    void detach();

    redisAsyncContext *m_context = nullptr;
    std::unique_ptr<QSocketNotifier> m_read;
    std::unique_ptr<QSocketNotifier> m_write;
};

} // namespace Tagarela
