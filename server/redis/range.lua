-- SPDX-FileCopyrightText: 2026 Tagarela authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- One history page: the newest events of the wanted types with after < seq < before, read
-- from the room's stream newest first, in one call. docs/SCALING.md describes the keys.
--
-- KEYS[1] log   the room's Stream
-- ARGV[1] after (exclusive), ARGV[2] before (exclusive), as decimal seqs
-- ARGV[3] how many events at most
-- ARGV[4] the wanted types, separated by spaces ('chat private notice'); '' for all
-- ARGV[5] how many entries to look at, at most (bounds the work of one call)
--
-- Returns { more (0/1), entries newest first as XRANGE gives them }. more: an older event of
-- the wanted types exists above after (or the look-up stopped at its bound before knowing).

local log = KEYS[1]
local max, scanLimit = tonumber(ARGV[3]), tonumber(ARGV[5])
local wanted = nil
if ARGV[4] ~= '' then
    wanted = {}
    for name in string.gmatch(ARGV[4], '%S+') do
        wanted[name] = true
    end
end

local function typeOf(entry)
    local values = entry[2]
    for n = 1, #values, 2 do
        if values[n] == 'type' then
            return values[n + 1]
        end
    end
    return ''
end

local result = { 0 }
local found, scanned = 0, 0
local upper = '(' .. ARGV[2] .. '-0'
local lower = '(' .. ARGV[1] .. '-0'
while true do
    local chunk = redis.call('XREVRANGE', log, upper, lower, 'COUNT', 200)
    if #chunk == 0 then
        return result
    end
    for _, entry in ipairs(chunk) do
        scanned = scanned + 1
        if wanted == nil or wanted[typeOf(entry)] then
            if found == max then
                result[1] = 1
                return result
            end
            found = found + 1
            result[#result + 1] = entry
        end
    end
    if scanned >= scanLimit then
        result[1] = 1
        return result
    end
    upper = '(' .. chunk[#chunk][1]
end
