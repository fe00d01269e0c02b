-- SPDX-FileCopyrightText: 2026 Tagarela authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Appends one batch of room events to the room's stream, atomically, and numbers them.
-- docs/SCALING.md describes the keys; RedisRoomLog calls this with EVALSHA.
--
-- KEYS[1] log              the room's Stream: one entry per event, ID "<seq>-0"
-- KEYS[2] meta             Hash: history-id, seq (the last number given)
-- KEYS[3] client-ids       Hash: client-id -> "<seq> <time>" of the event that carried it
-- KEYS[4] client-id-order  Sorted set: client-id scored by seq, to forget the oldest
--
-- ARGV[1] the history-id the caller knows ('' if none)
-- ARGV[2] the highest seq the caller has seen in that history (0 if none)
-- ARGV[3] a fresh history-id, used only if a new history must begin
-- ARGV[4] how many entries the stream keeps (at least 1)
-- ARGV[5] how many client-ids are remembered (at least 1)
-- ARGV[6] the origin: the id of the server that appends
-- ARGV[7...] 9 fields per event: type, from, nick, text, reason, action (0/1), client-id,
--            time (ms since the epoch; 0: Redis's clock), to (a private message's recipient)
--
-- Returns { history-id, new-history (0/1), last seq, then per event: seq, time, duplicate
-- (0/1) }. Numbers are returned as decimal strings (Lua's numbers are doubles).
-- With no events it only makes sure the history exists: the caller's way to open it.

local log, meta, ids, order = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local callerHistory, known = ARGV[1], tonumber(ARGV[2])
local keep, keepIds = tonumber(ARGV[4]), tonumber(ARGV[5])
local origin = ARGV[6]
local fields = 9
local first = 7

local history = redis.call('HGET', meta, 'history-id')
local last = tonumber(redis.call('HGET', meta, 'seq') or '0')
local top = redis.call('XREVRANGE', log, '+', '-', 'COUNT', 1)
local topSeq = 0
if #top > 0 then
    topSeq = tonumber(string.match(top[1][1], '^(%d+)'))
end

-- A new history begins when Redis has none (first use, or it lost the room: restarted without
-- its data), when the counter is below what the caller already saw in this same history (Redis
-- lost recent writes), or when the stream is ahead of the counter (the keys were tampered with).
-- Its numbers start above every number anyone could have seen, so they never go backwards, and
-- the new history-id tells clients that the old numbers mean nothing here.
local newHistory = 0
if (not history) or (history == callerHistory and last < known) or topSeq > last then
    local start = math.max(last, known, topSeq)
    redis.call('DEL', log, ids, order)
    history = ARGV[3]
    last = start
    redis.call('HSET', meta, 'history-id', history, 'seq', string.format('%d', last))
    newHistory = 1
end

local result = { history, newHistory, '' }
local now = nil
local count = (#ARGV - first + 1) / fields
for i = 0, count - 1 do
    local base = first + i * fields
    local clientId = ARGV[base + 6]
    local stored = false
    if clientId ~= '' then
        stored = redis.call('HGET', ids, clientId)
    end
    if stored then
        local seq, time = string.match(stored, '^(%d+) (%d+)$')
        result[#result + 1] = seq
        result[#result + 1] = time
        result[#result + 1] = 1
    else
        local time = ARGV[base + 7]
        if time == '0' then
            if not now then
                local clock = redis.call('TIME')
                now = string.format('%d', tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000))
            end
            time = now
        end
        last = last + 1
        local seq = string.format('%d', last)
        local entry = { 'type', ARGV[base] }
        local names = { 'from', 'nick', 'text', 'reason', 'action', 'client-id' }
        for n = 1, #names do
            local value = ARGV[base + n]
            if value ~= '' and not (names[n] == 'action' and value == '0') then
                entry[#entry + 1] = names[n]
                entry[#entry + 1] = value
            end
        end
        if ARGV[base + 8] ~= '' then
            entry[#entry + 1] = 'to'
            entry[#entry + 1] = ARGV[base + 8]
        end
        entry[#entry + 1] = 'time'
        entry[#entry + 1] = time
        entry[#entry + 1] = 'origin'
        entry[#entry + 1] = origin
        entry[#entry + 1] = 'history'
        entry[#entry + 1] = history
        redis.call('XADD', log, seq .. '-0', unpack(entry))
        if clientId ~= '' then
            redis.call('HSET', ids, clientId, seq .. ' ' .. time)
            redis.call('ZADD', order, seq, clientId)
        end
        result[#result + 1] = seq
        result[#result + 1] = time
        result[#result + 1] = 0
    end
end

result[3] = string.format('%d', last)
if count > 0 then
    redis.call('HSET', meta, 'seq', result[3])
    redis.call('XTRIM', log, 'MAXLEN', keep)
    local excess = redis.call('ZCARD', order) - keepIds
    if excess > 0 then
        local oldest = redis.call('ZPOPMIN', order, excess)
        for n = 1, #oldest, 2 do
            redis.call('HDEL', ids, oldest[n])
        end
    end
end
return result
