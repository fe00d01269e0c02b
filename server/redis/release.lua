-- SPDX-FileCopyrightText: 2026 Tagarela authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Lets go of nicknames in the room's member hash, each only if it still belongs to the owner
-- the caller names: a nickname taken again since (by a user on another server) stays. With a
-- grace, each one let go is held for its user's resume tokens for that long (their hashes
-- move from the tokens hash to the nickname's hold key); without, they are forgotten.
-- docs/SCALING.md describes the keys; RedisRoomEngine calls this with EVALSHA.
--
-- KEYS[1] members  Hash: nickname key -> "<origin> <nick>"
-- KEYS[2] tokens   Hash: nickname key -> the hashes of its user's resume tokens
-- KEYS[3..] the hold key of each nickname, in the order of the pairs
-- ARGV[1] the grace in ms (0: hold nothing; a user without a token, "- ...", is never held)
-- ARGV[2..] pairs: nickname key, the value it must still hold
--
-- Returns the nickname keys let go.

local members, tokens = KEYS[1], KEYS[2]
local grace = tonumber(ARGV[1])
local released = {}
for i = 2, #ARGV, 2 do
    local key = ARGV[i]
    if redis.call('HGET', members, key) == ARGV[i + 1] then
        redis.call('HDEL', members, key)
        local stored = redis.call('HGET', tokens, key)
        redis.call('HDEL', tokens, key)
        if grace > 0 and stored and string.sub(stored, 1, 2) ~= '- ' then
            redis.call('SET', KEYS[2 + i / 2], stored, 'PX', grace)
        end
        released[#released + 1] = key
    end
end
return released
