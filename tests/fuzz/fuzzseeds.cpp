// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Writes the seed corpora of the fuzz targets from the real encoders:
//   tagarela-fuzz-seeds DIR    writes DIR/<target>/<seed> for each target
// tests/fuzz/corpus holds its output; scripts/fuzz.sh also adds a fresh run to the corpus it
// fuzzes, so that the seeds follow the protocol as it grows.

#include <cstdio>

#include <QByteArray>
#include <QByteArrayList>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

#include "framedecoder.h"
#include "message.h"
#include "messagecodec.h"
#include "protocol.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 SomeTime = 1'767'225'600'000; // 2026-01-01T00:00:00Z

// Every kind of message, with its optional fields both ways where it has them.
QList<Message> everyMessage()
{
    return {
        Message::handshake(Protocol::supportedVersions()),
        Message::handshake({1, 2, 99}),
        Message::hello(u"ana"_s),
        Message::say(u"olá, mundo"_s),
        Message::say(u"waves\nand smiles"_s, true),
        Message::setNick(u"bia"_s),
        Message::who(),
        Message::quit(),
        Message::quit(u"bye"_s),
        Message::handshakeOk(1, Protocol::DefaultMaxFrame, Protocol::DefaultMaxText,
                             Protocol::DefaultHeartbeatMs, u"fuzz"_s),
        Message::welcome(u"ana"_s, {u"ana"_s, u"zoe"_s}),
        Message::chat(u"ana"_s, u"hi"_s, false, SomeTime),
        Message::joined(u"ana"_s, SomeTime),
        Message::left(u"ana"_s, u"quit"_s, SomeTime),
        Message::renamed(u"ana"_s, u"bia"_s, SomeTime),
        Message::notice(u"maintenance at noon"_s, SomeTime),
        Message::userList({u"ana"_s, u"zoe"_s}),
        Message::error(ErrorCode::NickTaken, u"taken"_s, u"ana2"_s),
        Message::bye(ErrorCode::Quit, u"Goodbye."_s),
        Message::ping(1),
        Message::pong(18'446'744'073'709'551ULL),
    };
}

QByteArray frame(const Message &message)
{
    return FrameDecoder::encode(MessageCodec::encode(message));
}

QByteArray login(const QString &nick)
{
    return Protocol::magic().toByteArray() +
        frame(Message::handshake(Protocol::supportedVersions())) + frame(Message::hello(nick));
}

QByteArray header(quint32 length)
{
    QByteArray bytes(4, '\0');
    for (int i = 3; i >= 0; --i, length >>= 8)
        bytes[i] = char(length & 0xff);
    return bytes;
}

class SeedWriter final
{
public:
    explicit SeedWriter(const QString &root)
        : m_root(root)
    { }

    // tests/fuzz/fuzz_<target>.cpp says what the control bytes before a stream mean.
    [[nodiscard]] bool write(const QString &target, const QString &name, const QByteArray &seed)
    {
        QDir dir(m_root);
        if (!dir.mkpath(target))
            return false;
        QFile file(dir.filePath(target + u'/' + name));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
            file.write(seed) == seed.size();
    }

private:
    QString m_root;
};

bool writeFrameDecoderSeeds(SeedWriter &out)
{
    const QString target = u"framedecoder"_s;
    QByteArray frames;
    for (const Message &message : everyMessage())
        frames += frame(message);
    const QByteArray hello = frame(Message::hello(u"ana"_s));
    // Control bytes: the payload limit (0: default), the chunk size.
    return out.write(target, u"every-message"_s, "\x00\x00"_ba + frames) &&
        out.write(target, u"every-message-in-3s"_s, "\x00\x03"_ba + frames) &&
        out.write(target, u"hello-over-limit"_s, "\x08\x01"_ba + hello) &&
        out.write(target, u"zero-length"_s, "\x00\x02"_ba + hello + header(0)) &&
        out.write(target, u"too-large"_s, "\x00\x05"_ba + hello + header(0x7fffffff) + "x") &&
        out.write(target, u"partial-frame"_s, "\x00\x07"_ba + hello + hello.first(9));
}

bool writeMessageCodecSeeds(SeedWriter &out)
{
    const QString target = u"messagecodec"_s;
    int n = 0;
    for (const Message &message : everyMessage()) {
        const QString name =
            u"%1-%2"_s.arg(++n, 2, 10, QChar(u'0')).arg(messageTypeName(message.type));
        if (!out.write(target, name, MessageCodec::encode(message)))
            return false;
    }
    Message unknown;
    unknown.typeName = u"react"_s;
    // Hand-written CBOR for what the encoder never writes but the decoder must handle.
    return out.write(target, u"unknown-type"_s, MessageCodec::encode(unknown)) &&
        // {_ "type": "hello", "nick": (_ "an" "a")}: indefinite map and chunked text
        out.write(target, u"indefinite-lengths"_s,
                  "\xbf\x64type\x65hello\x64nick\x7f\x62\x61n\x61\x61\xff\xff"_ba) &&
        // {"type": "ping", "id": -2^64}: Qt 6.4 reads the integer as 0
        out.write(target, u"minus-two-to-the-64"_s,
                  "\xa2\x64type\x64ping\x62id\x3b\xff\xff\xff\xff\xff\xff\xff\xff"_ba) &&
        // {"type": "quit", "reason": undefined, "type": "say"}: undefined is absent; first wins
        out.write(target, u"undefined-and-duplicate"_s,
                  "\xa3\x64type\x64quit\x66reason\xf7\x64type\x63say"_ba) &&
        // {"type": "say", "text": h'6869'}: a byte string where text belongs
        out.write(target, u"wrong-type"_s, "\xa2\x64type\x63say\x64text\x42hi"_ba) &&
        // {"type": "say", "text": "\xff"}: invalid UTF-8
        out.write(target, u"invalid-utf8"_s, "\xa2\x64type\x63say\x64text\x61\xff"_ba) &&
        // {"type": "say", "text": "\xff", "client-id": "m1"}: the error names the client-id
        out.write(target, u"invalid-utf8-client-id"_s,
                  "\xa3\x64type\x63say\x64text\x61\xff\x69"
                  "client-id\x62m1"_ba);
}

bool writeLineDecoderSeeds(SeedWriter &out)
{
    const QString target = u"linedecoder"_s;
    // Control bytes: the line limit (0: the server's), where to split (of 255).
    return out.write(target, u"line-ends"_s,
                     "\x00\x80"
                     "a\nb\rc\r\nd\r\0e\n"_ba) &&
        out.write(target, u"utf8"_s, "\x00\x40ol\xc3\xa1, mundo \xf0\x9f\x91\x8b\r\n"_ba) &&
        out.write(target, u"invalid-utf8"_s,
                  "\x00\x40"
                  "caf\xe9\r\nok\r\n"_ba) &&
        // WILL ECHO, DO SGA, a subnegotiation (terminal type), IAC IAC, NOP inside a line
        out.write(
            target, u"telnet"_s,
            "\x00\x99\xff\xfb\x01\xff\xfd\x03\xff\xfa\x18\x00xterm\xff\xf0he\xff\xffl\xff\xf1lo\r\n"_ba) &&
        out.write(target, u"telnet-split"_s, "\x00\x08\xff\xfa\x18\x00xterm\xff\xf0hi\r\0"_ba) &&
        out.write(target, u"too-long"_s, "\x08\x80short\r\nmuch too long for eight\r\nok\n"_ba) &&
        out.write(target, u"partial-line"_s, "\x00\x80one\r\ntwo"_ba);
}

bool writeHandshakeSeeds(SeedWriter &out)
{
    const QString target = u"handshake"_s;
    const QByteArray magic = Protocol::magic().toByteArray();
    const QByteArray handshake = frame(Message::handshake(Protocol::supportedVersions()));
    QByteArray chatty = login(u"ana"_s);
    for (const Message &message :
         {Message::say(u"hello"_s), Message::say(u"waves"_s, true), Message::who(),
          Message::setNick(u"bia"_s), Message::ping(7), Message::pong(1), Message::quit(u"bye"_s)})
        chatty += frame(message);
    QByteArray flood = login(u"ana"_s);
    for (int i = 0; i < 30; ++i)
        flood += frame(Message::say(u"flood %1"_s.arg(i)));
    // Past what the server holds for a client over its rate (4 bursts of the default 20), with
    // a ping and a who among the waiting input.
    QByteArray excessFlood = login(u"ana"_s);
    for (int i = 0; i < 120; ++i) {
        excessFlood += frame(Message::say(u"flood %1"_s.arg(i), false, u"f%1"_s.arg(i)));
        if (i == 40)
            excessFlood += frame(Message::ping(9)) + frame(Message::who());
    }
    QByteArray textFlood = "ana\r\n"_ba;
    for (int i = 0; i < 120; ++i)
        textFlood +=
            "pasted line "_ba + QByteArray::number(i) + (i == 50 ? "\r\n/who\r\n" : "\r\n");

    // Control byte: the chunk size in bits 0-6 (0: one write); bit 7: silent first.
    return out.write(target, u"framed-login"_s, "\x00"_ba + login(u"ana"_s)) &&
        out.write(target, u"framed-login-byte-at-a-time"_s, "\x01"_ba + login(u"ana"_s)) &&
        out.write(target, u"framed-chatty"_s, "\x05"_ba + chatty) &&
        out.write(target, u"framed-flood"_s, "\x00"_ba + flood) &&
        out.write(target, u"framed-excess-flood"_s, "\x00"_ba + excessFlood) &&
        out.write(target, u"text-excess-flood"_s, "\x00"_ba + textFlood) &&
        out.write(target, u"framed-nick-taken"_s, "\x00"_ba + login(u"ZOE"_s)) &&
        out.write(target, u"framed-nick-invalid"_s, "\x00"_ba + login(u"-ana bia"_s)) &&
        out.write(target, u"framed-version-mismatch"_s,
                  "\x00"_ba + magic + frame(Message::handshake({99}))) &&
        out.write(target, u"framed-hello-first"_s,
                  "\x00"_ba + magic + frame(Message::hello(u"ana"_s))) &&
        out.write(target, u"framed-quit-before-hello"_s,
                  "\x00"_ba + magic + handshake + frame(Message::quit())) &&
        out.write(target, u"framed-bad-frames"_s,
                  "\x00"_ba + magic + handshake + "\x00\x00\x00\x03\xa1\x00\x00"_ba +
                      "\x00\x00\x00\x01\xff"_ba + header(0x10000000)) &&
        out.write(target, u"bad-magic"_s, "\x00\x00TAGAREL\x41"_ba + handshake) &&
        out.write(target, u"text-login"_s,
                  "\x00"
                  "ana\r\n"_ba) &&
        out.write(target, u"text-chatty"_s,
                  "\x03\xff\xfd\x03\xff\xfb\x18zoe\r\nana\r\nhello everyone\r\n/me waves\r\n"
                  "/who\r\n/nick bia\r\n/help\r\n//slash\r\n/bogus\r\n\r\n/quit bye\r\n"_ba) &&
        out.write(target, u"text-bad-lines"_s,
                  "\x00"
                  "ana\r\ncaf\xe9\r\ntab\there\r\n/nick\r\n"_ba) &&
        out.write(target, u"silent-then-nul"_s,
                  "\x80\x00"
                  "ana\r\n/quit\r\n"_ba);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        std::fprintf(stderr, "Usage: tagarela-fuzz-seeds DIR\n");
        return 2;
    }
    SeedWriter out(arguments.at(1));
    if (!writeFrameDecoderSeeds(out) || !writeMessageCodecSeeds(out) ||
        !writeLineDecoderSeeds(out) || !writeHandshakeSeeds(out)) {
        std::fprintf(stderr, "tagarela-fuzz-seeds: cannot write to %s\n",
                     qPrintable(arguments.at(1)));
        return 1;
    }
    return 0;
}
