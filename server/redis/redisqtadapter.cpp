// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redisqtadapter.h"

#include <QSocketNotifier>

#include <hiredis/async.h>

namespace Tagarela {

RedisQtAdapter::RedisQtAdapter(redisAsyncContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_read(std::make_unique<QSocketNotifier>(context->c.fd, QSocketNotifier::Read))
    , m_write(std::make_unique<QSocketNotifier>(context->c.fd, QSocketNotifier::Write))
{
    // hiredis switches interest on and off through the hooks; start with none.
    m_read->setEnabled(false);
    m_write->setEnabled(false);
    connect(m_read.get(), &QSocketNotifier::activated, this, &RedisQtAdapter::readable);
    connect(m_write.get(), &QSocketNotifier::activated, this, &RedisQtAdapter::writable);

    context->ev.data = this;
    context->ev.addRead = &RedisQtAdapter::addRead;
    context->ev.delRead = &RedisQtAdapter::delRead;
    context->ev.addWrite = &RedisQtAdapter::addWrite;
    context->ev.delWrite = &RedisQtAdapter::delWrite;
    context->ev.cleanup = &RedisQtAdapter::cleanup;
}

RedisQtAdapter::~RedisQtAdapter()
{
    if (m_context) {
        m_context->ev.data = nullptr;
        m_context->ev.addRead = nullptr;
        m_context->ev.delRead = nullptr;
        m_context->ev.addWrite = nullptr;
        m_context->ev.delWrite = nullptr;
        m_context->ev.cleanup = nullptr;
    }
}

void RedisQtAdapter::addRead(void *data)
{
    static_cast<RedisQtAdapter *>(data)->m_read->setEnabled(true);
}

void RedisQtAdapter::delRead(void *data)
{
    static_cast<RedisQtAdapter *>(data)->m_read->setEnabled(false);
}

void RedisQtAdapter::addWrite(void *data)
{
    static_cast<RedisQtAdapter *>(data)->m_write->setEnabled(true);
}

void RedisQtAdapter::delWrite(void *data)
{
    static_cast<RedisQtAdapter *>(data)->m_write->setEnabled(false);
}

void RedisQtAdapter::cleanup(void *data)
{
    auto *self = static_cast<RedisQtAdapter *>(data);
    const QByteArray error =
        self->m_context->err ? QByteArray(self->m_context->errstr) : QByteArray();
    self->detach();
    Q_EMIT self->released(error);
}

void RedisQtAdapter::detach()
{
    // Called from inside the notifiers' own signals: switch them off, delete them with us.
    m_read->setEnabled(false);
    m_write->setEnabled(false);
    m_context = nullptr;
}

void RedisQtAdapter::readable()
{
    // May free the context (cleanup() then clears m_context): nothing may follow this call.
    if (m_context)
        redisAsyncHandleRead(m_context);
}

void RedisQtAdapter::writable()
{
    if (m_context)
        redisAsyncHandleWrite(m_context);
}

} // namespace Tagarela
