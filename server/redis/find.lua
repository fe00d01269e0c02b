-- SPDX-FileCopyrightText: 2026 Tagarela authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Looks a client-id up: the seq and time it was stored with, and the event itself if the
-- stream still keeps it. docs/SCALING.md describes the keys.
--
-- KEYS[1] client-ids   Hash: client-id -> "<seq> <time>"
-- KEYS[2] log          the room's Stream
-- ARGV[1] the client-id
--
-- Returns {} if the client-id is not remembered, else { seq, time, entry or nothing }.

local stored = redis.call('HGET', KEYS[1], ARGV[1])
if not stored then
    return {}
end
local seq, time = string.match(stored, '^(%d+) (%d+)$')
local entries = redis.call('XRANGE', KEYS[2], seq .. '-0', seq .. '-0')
if #entries == 0 then
    return { seq, time }
end
return { seq, time, entries[1] }
