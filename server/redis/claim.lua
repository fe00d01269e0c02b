-- SPDX-FileCopyrightText: 2026 Tagarela authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Claims a nickname for a user of one server, atomically, among every server sharing the room
-- (a join, or a rename with the nickname let go). docs/SCALING.md describes the keys;
-- RedisRoomEngine calls this with EVALSHA.
--
-- KEYS[1] members  Hash: nickname key -> "<origin> <nick>"
-- KEYS[2] tokens   Hash: nickname key -> "<hash> <hash of the previous token or -> <until ms>"
-- KEYS[3] hold     String: the hold on this nickname (a dropped user's token hashes), PX grace
-- ARGV[1] the nickname key         ARGV[2] "<origin> <nick>" to store
-- ARGV[3] the SHA-256 of the user's resume token, or "-"
-- ARGV[4] the SHA-256 of the resume token presented, or ""
-- ARGV[5] now, ms since the epoch  ARGV[6] the claiming server's origin
-- ARGV[7] the lease key prefix (+ origin: a server's lease, in the same hash tag)
-- ARGV[8] a rename: the nickname key let go, or ""   ARGV[9] the value it must still hold
-- ARGV[10] the SHA-256 of the token that stays good beside it, or "-" (the token presented
--          becomes it when it opens a hold here)   ARGV[11] until when, ms since the epoch
--
-- Returns {answer, owner}: "granted" or "resumed" (a hold opened with its token): stored;
-- "taken" (by a user of another server), "held" (kept for someone else's token): refused;
-- "wait": the presented token is that of the user of another server who has the nickname
-- still (its server has not noticed it left, or died and was not swept yet); owner: "1" if
-- that server's lease is alive.

local members, tokens, hold = KEYS[1], KEYS[2], KEYS[3]
local key, value, token, resume = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local now, origin, leasePrefix = tonumber(ARGV[5]), ARGV[6], ARGV[7]
local oldKey, oldValue = ARGV[8], ARGV[9]
local previous, previousUntil = ARGV[10], ARGV[11]

local function opens(stored)
    if not stored or resume == '' then
        return false
    end
    local current, previous, untilMs = string.match(stored, '^(%S+) (%S+) (%d+)$')
    if not current then
        return false
    end
    return resume == current or (resume == previous and now < tonumber(untilMs))
end

local answer = 'granted'
local owner = redis.call('HGET', members, key)
if owner then
    local ownerOrigin = string.match(owner, '^(%S+) ')
    if ownerOrigin ~= origin then
        if not opens(redis.call('HGET', tokens, key)) then
            return {'taken', ''}
        end
        return {'wait', tostring(redis.call('EXISTS', leasePrefix .. ownerOrigin))}
    end
else
    local held = redis.call('GET', hold)
    if held then
        if not opens(held) then
            return {'held', ''}
        end
        redis.call('DEL', hold)
        answer = 'resumed'
        previous = resume
    end
end
redis.call('HSET', members, key, value)
redis.call('HSET', tokens, key, token .. ' ' .. previous .. ' ' .. previousUntil)
if oldKey ~= '' and oldKey ~= key and redis.call('HGET', members, oldKey) == oldValue then
    redis.call('HDEL', members, oldKey)
    redis.call('HDEL', tokens, oldKey)
end
return {answer, ''}
