// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A baseline for bench/compare.sh: the Node.js broadcast server a competent engineer writes in
// an afternoon on `net`. Lines in, the same lines out to every client (the sender too); no
// nicknames, no history, no protocol. What one read brings is cut at its last newline and
// written to everyone as one chunk (so lines never interleave); a client with more than 4 MiB
// unsent is dropped rather than buffered without bound.
//
// Usage: node broadcast-node.js [--bind ADDRESS] [--port PORT]   (port 0: any free port)
// Prints "listening on ADDRESS port N" on stderr, like tagarela-server.
'use strict';
const net = require('net');

const MAX_PENDING = 4 * 1024 * 1024;
const MAX_LINE = 64 * 1024;
let bind = '127.0.0.1';
let port = 3000;
for (let i = 2; i < process.argv.length; ++i) {
  if (process.argv[i] === '--bind') bind = process.argv[++i];
  else if (process.argv[i] === '--port') port = Number(process.argv[++i]);
  else {
    console.error('usage: node broadcast-node.js [--bind ADDRESS] [--port PORT]');
    process.exit(2);
  }
}

const clients = new Set();
const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  clients.add(socket);
  let tail = null; // an incomplete line
  socket.on('data', (chunk) => {
    const data = tail ? Buffer.concat([tail, chunk]) : chunk;
    const end = data.lastIndexOf(10) + 1;
    tail = end < data.length ? Buffer.from(data.subarray(end)) : null;
    if (tail && tail.length > MAX_LINE) {
      socket.destroy();
      return;
    }
    if (end === 0) return;
    const lines = data.subarray(0, end);
    for (const client of clients) {
      if (client.writableLength > MAX_PENDING) client.destroy();
      else client.write(lines);
    }
  });
  socket.on('close', () => clients.delete(socket));
  socket.on('error', () => {}); // 'close' follows
});
server.listen({ host: bind, port, backlog: 1024 }, () => {
  console.error(`listening on ${bind} port ${server.address().port}`);
});
