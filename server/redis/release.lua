-- SPDX-FileCopyrightText: 2026 Tagarela authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Lets go of nicknames in the room's member hash, each only if it still belongs to the owner
-- the caller names: a nickname taken again since (by a user on another server) stays.
-- docs/SCALING.md describes the keys; RedisRoomEngine calls this with EVALSHA.
--
-- KEYS[1] members  Hash: nickname key -> "<origin> <nick>"
-- ARGV    pairs: nickname key, the value it must still hold
--
-- Returns how many were let go.

local members = KEYS[1]
local released = 0
for i = 1, #ARGV, 2 do
    if redis.call('HGET', members, ARGV[i]) == ARGV[i + 1] then
        redis.call('HDEL', members, ARGV[i])
        released = released + 1
    end
end
return released
