// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A baseline for bench/compare.sh: a Bun broadcast server of about 30 lines on Bun.listen,
// like the tool issue 12 compared against. Lines in, the same lines out to every client (the
// sender too). Unlike that tool it keeps what a socket did not take (Bun's write() returns how
// much the kernel accepted and drops the rest) and sends it on "drain", so it loses nothing;
// a client with more than 4 MiB unsent is dropped.
//
// Usage: bun broadcast-bun.js [--bind ADDRESS] [--port PORT]   (port 0: any free port)
const MAX_PENDING = 4 * 1024 * 1024;
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const bind = option('--bind', '127.0.0.1');
const clients = new Set();

function send(client, bytes) {
  if (client.data.queue.length === 0) {
    const written = client.write(bytes);
    if (written === bytes.length) return;
    bytes = bytes.subarray(Math.max(written, 0));
  }
  client.data.queued += bytes.length;
  if (client.data.queued > MAX_PENDING) client.end();
  else client.data.queue.push(Buffer.from(bytes));
}

const listener = Bun.listen({
  hostname: bind,
  port: Number(option('--port', '3000')),
  socket: {
    open(socket) {
      socket.setNoDelay?.(true);
      socket.data = { tail: null, queue: [], queued: 0 };
      clients.add(socket);
    },
    data(socket, chunk) {
      const data = socket.data.tail ? Buffer.concat([socket.data.tail, chunk]) : chunk;
      const end = data.lastIndexOf(10) + 1;
      socket.data.tail = end < data.length ? Buffer.from(data.subarray(end)) : null;
      if (end > 0) for (const client of clients) send(client, data.subarray(0, end));
    },
    drain(socket) {
      const pending = Buffer.concat(socket.data.queue);
      socket.data.queue = [];
      socket.data.queued = 0;
      send(socket, pending);
    },
    close(socket) {
      clients.delete(socket);
    },
  },
});
console.error(`listening on ${bind} port ${listener.port}`);
