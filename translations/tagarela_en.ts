<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Tagarela::BanList</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be a ban list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: &quot;%3&quot; is not an address or subnet; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::CertificatePrompt</name>
    <message>
        <source>Issued to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The certificate of %1 is not the one you trusted before.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Either the host made a new certificate, or someone between you and the server is trying to read or change what you say. Tagarela did not connect.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Trusted before (SHA-256):&lt;/p&gt;%1&lt;p&gt;Offered now (SHA-256):&lt;/p&gt;%2&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Accept the new certificate only if the host tells you, in some other way than this chat, that they changed it and its fingerprint is the one above.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the New Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 uses a certificate that no authority this computer trusts has signed. Servers usually make their own, so this is expected the first time.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Its SHA-256 fingerprint:&lt;/p&gt;%1&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Compare it with the fingerprint the host&apos;s server prints when it starts, told to you in some other way. If they match, trust it: Tagarela remembers it and warns you if it ever changes.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust and Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::ChatClient</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnected to %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>more than %n message(s) while you were away</source>
        <translation>
            <numerusform>more than %n message while you were away</numerusform>
            <numerusform>more than %n messages while you were away</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) while you were away</source>
        <translation>
            <numerusform>%n message while you were away</numerusform>
            <numerusform>%n messages while you were away</numerusform>
        </translation>
    </message>
    <message>
        <source>older messages you missed were not loaded: click to load them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stored yet, will retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: disconnected; it will be sent when you connect again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 (%2); trying %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server has no private messages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::ChatInput</name>
    <message>
        <source>Type a message — Enter sends, Shift+Enter adds a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::ChatRoom</name>
    <message>
        <source>The nickname %1 is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nickname %1 is kept for someone who is reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not keeping the nickname %1 for a reconnect: too many nicknames are kept for %2 or in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nickname %1 is taken; %2 is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 joined from %2 (%n user(s) here)</source>
        <translation>
            <numerusform>%1 joined from %2 (%n user here)</numerusform>
            <numerusform>%1 joined from %2 (%n users here)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 left from %2 (%3; %n user(s) here)</source>
        <translation>
            <numerusform>%1 left from %2 (%3; %n user here)</numerusform>
            <numerusform>%1 left from %2 (%3; %n users here)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is now known as %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nickname %1 is kept for someone who is reconnecting; %2 is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 came back from %2; closing its old connection from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) resumed with its token</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>NOT STORED: %n message(s) could not be written to the history and were not sent; their senders were told. %1</source>
        <translation>
            <numerusform>NOT STORED: %n message could not be written to the history and was not sent; its sender was told. %1</numerusform>
            <numerusform>NOT STORED: %n messages could not be written to the history and were not sent; their senders were told. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The server could not store your message, so nobody received it. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server cannot send private messages, so yours was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody called %1 is here, so your private message was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::ChatServer</name>
    <message numerus="yes">
        <source>%n connection(s) have not joined yet: each now has %1 s to join</source>
        <translation>
            <numerusform>%n connection has not joined yet: it now has %1 s to join</numerusform>
            <numerusform>%n connections have not joined yet: each now has %1 s to join</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS is on. Certificate SHA-256 fingerprint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ban list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) or subnet(s) banned</source>
        <translation>
            <numerusform>%n address or subnet banned</numerusform>
            <numerusform>%n addresses or subnets banned</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the ban list %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banned %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifted the ban on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History: %1; last message number %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not kept (numbers in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some clients did not close in time; closing anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting without the bans that could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Shutting down: telling %n client(s)</source>
        <translation>
            <numerusform>Shutting down: telling %n client</numerusform>
            <numerusform>Shutting down: telling %n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more protocol error(s) from clients were not logged</source>
        <translation>
            <numerusform>%n more protocol error from clients was not logged</numerusform>
            <numerusform>%n more protocol errors from clients were not logged</numerusform>
        </translation>
    </message>
    <message>
        <source>in Redis at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on another server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kicking %1 on another server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::ChatWindow</name>
    <message>
        <source>People in the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the connection now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Try /nick %2.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost (%1). Reconnecting by itself; what you type is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Chat Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify for &amp;All Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tagarela</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagarela</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Chat ▸ Connect… to connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the message was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here now (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1:%2 as %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s…</source>
        <translation>
            <numerusform>Connection lost. Reconnecting in %n s…</numerusform>
            <numerusform>Connection lost. Reconnecting in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2 — Tagarela</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tagarela: %n unread message(s)</source>
        <translation>
            <numerusform>Tagarela: %n unread message</numerusform>
            <numerusform>Tagarela: %n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;People (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Chat Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat log saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tagarela</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tagarela %1&lt;/h3&gt;&lt;p&gt;A chat for friends: one room, every message to everyone.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate trusted; connecting again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You connected again as %1 from somewhere else, and that connection took over. This window does not reconnect, so that the two do not keep pushing each other out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) are waiting to be sent already; this one stays in the box until some of them are through.</source>
        <translation>
            <numerusform>%n message is waiting to be sent already; this one stays in the box until it is through.</numerusform>
            <numerusform>%n messages are waiting to be sent already; this one stays in the box until some of them are through.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected: the message will be sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the nickname was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the beginning of the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard This Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load the Missed Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted with %1.
The server&apos;s certificate (SHA-256):
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you send crosses the network as plain text. Connect with &quot;Use TLS&quot; to encrypt it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message in the box has not been sent and will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) have not reached the server yet. They are kept, and go out when you next connect to this server with this nickname.</source>
        <translation>
            <numerusform>%n message has not reached the server yet. It is kept, and goes out when you next connect to this server with this nickname.</numerusform>
            <numerusform>%n messages have not reached the server yet. They are kept, and go out when you next connect to this server with this nickname.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Tagarela?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit with messages that were not sent?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n character left</numerusform>
            <numerusform>%n characters left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n character too many</numerusform>
            <numerusform>%n characters too many</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server counts bytes: accented letters, emoji and many scripts take two to four bytes each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the &amp;Whole History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server has no private messages: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private message to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You ignore %1 now: their messages are hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You hear from %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the message cannot be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::ClientSession</name>
    <message>
        <source>Disconnecting %1: it kept trying nicknames too fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were disconnected for trying nicknames too fast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are trying nicknames too fast. Wait a second, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing %1 to make room: it had not joined, and the server is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is busy, and this connection had not joined yet. Connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is busy with connections that have not joined yet. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were kicked by the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were kicked by the host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kicked by the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kicked by the host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kicking %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server is full (%n connection(s)). Try again later.</source>
        <translation>
            <numerusform>The server is full (%n connection). Try again later.</numerusform>
            <numerusform>The server is full (%n connections). Try again later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many connections from your address (at most %n).</source>
        <translation>
            <numerusform>Too many connections from your address (at most %n).</numerusform>
            <numerusform>Too many connections from your address (at most %n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Tagarela on %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a nickname:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodbye.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send hello with a nickname first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 message is not expected here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first message must be a handshake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server speaks protocol version %1 only; please update your client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>That line is longer than %n byte(s) and was not sent.</source>
        <translation>
            <numerusform>That line is longer than %n byte and was not sent.</numerusform>
            <numerusform>That line is longer than %n bytes and was not sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>That line is not valid UTF-8 text and was not sent. Set your terminal to UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: /nick NEWNAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: /me ACTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a line to send it to everyone. Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/nick NAME     change your nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/me ACTION     say what you are doing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/who           list who is here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/quit [REASON] leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>//text         send a line that starts with /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command %1. Type /help for the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a line to talk, /help for commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): its messages were not stored in time; closing anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No nickname chosen in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handshake did not finish in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too slow to read the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnecting %1 (%2): banned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are banned from this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>banned by the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords from your address. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many wrong passwords from your address. Try again in %n minute.</numerusform>
            <numerusform>Too many wrong passwords from your address. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no password given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server needs a password. Enter it and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: wrong password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password given in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You connected again from elsewhere; this connection is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A client-id is 1 to %n letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>
            <numerusform>A client-id is 1 to %n letter, digit, &apos;-&apos; or &apos;_&apos;.</numerusform>
            <numerusform>A client-id is 1 to %n letters, digits, &apos;-&apos; or &apos;_&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent messages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of recent messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server accepts encrypted (TLS) connections only. Turn on TLS in your client, or use: openssl s_client -quiet -connect HOST:PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n more protocol error(s) from this connection were not logged</source>
        <translation>
            <numerusform>%1: %n more protocol error from this connection was not logged</numerusform>
            <numerusform>%1: %n more protocol errors from this connection were not logged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords were tried on this server. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many wrong passwords were tried on this server. Try again in %n minute.</numerusform>
            <numerusform>Too many wrong passwords were tried on this server. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) is over the message rate; its input waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You are sending more than %n line(s) a second: your lines wait and go out in order at that rate. Slow down, or you will be disconnected.</source>
        <translation>
            <numerusform>You are sending more than %n line a second: your lines wait and go out in order at that rate. Slow down, or you will be disconnected.</numerusform>
            <numerusform>You are sending more than %n lines a second: your lines wait and go out in order at that rate. Slow down, or you will be disconnected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You are sending more than %n message(s) a second: your messages wait and are handled in order at that rate. Slow down, or you will be disconnected.</source>
        <translation>
            <numerusform>You are sending more than %n message a second: your messages wait and are handled in order at that rate. Slow down, or you will be disconnected.</numerusform>
            <numerusform>You are sending more than %n messages a second: your messages wait and are handled in order at that rate. Slow down, or you will be disconnected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disconnecting %1 (%2) for excess flood: %n message(s) waiting</source>
        <translation>
            <numerusform>Disconnecting %1 (%2) for excess flood: %n message waiting</numerusform>
            <numerusform>Disconnecting %1 (%2) for excess flood: %n messages waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Excess flood: you kept sending too fast, and %n line(s) still waiting were not sent. You are disconnected.</source>
        <translation>
            <numerusform>Excess flood: you kept sending too fast, and %n line still waiting was not sent. You are disconnected.</numerusform>
            <numerusform>Excess flood: you kept sending too fast, and %n lines still waiting were not sent. You are disconnected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Excess flood: you kept sending too fast, and %n message(s) still waiting were not handled. You are disconnected.</source>
        <translation>
            <numerusform>Excess flood: you kept sending too fast, and %n message still waiting was not handled. You are disconnected.</numerusform>
            <numerusform>Excess flood: you kept sending too fast, and %n messages still waiting were not handled. You are disconnected.</numerusform>
        </translation>
    </message>
    <message>
        <source>excess flood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are %1. %2 Type /who to see who.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: /msg NICK TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/msg NICK TEXT say TEXT to NICK alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A search needs 1 to %n characters of text, without control characters.</source>
        <translation>
            <numerusform>A search needs 1 to %n character of text, without control characters.</numerusform>
            <numerusform>A search needs 1 to %n characters of text, without control characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::ConnectDialog</name>
    <message>
        <source>Connect to a Tagarela server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat.example.org or 192.0.2.7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nickname:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the nickname %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 could not be found. Check the host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection. Check the port, and that the Tagarela server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time. Check the host name and the port, and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server speaks another version of the Tagarela protocol. Update Tagarela or the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone is already using the nickname %1. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not accept the nickname %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not accept the nickname %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is full. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are too many connections from your address to this server. Close another Tagarela window or try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were removed from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were removed from the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server shut down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server shut down: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server disconnected you for sending messages too fast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;TLS (encrypted connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server must have been started with a certificate (--tls-cert). The first time, you are asked to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only if the server has one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without TLS the password crosses the network unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the password. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passwords were sent from your address, so the server refuses it for a while (10 minutes by default). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server accepts encrypted connections only. Turn on &quot;Use TLS&quot; and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host of this server has banned your address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a certificate that no authority this computer trusts has signed. Compare its fingerprint with the host&apos;s before trusting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not the one you trusted before. Someone may be intercepting the connection: Tagarela did not connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted connection could not be set up. Does the server use TLS?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted connection could not be set up (%1). Does the server use TLS?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You connected again as %1 from somewhere else, and that connection took over. This one does not reconnect, so that the two do not keep pushing each other out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server needs a password. Enter it in the Password field and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host name or address, with :port if it is not the port below. Several servers of one room, separated by commas, are tried in turn: chat1.example.org:3000, chat2.example.org:3000.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::Connection</name>
    <message>
        <source>nothing received for %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the peer closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::ConversationBar</name>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone in the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private conversation with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::FindBar</name>
    <message>
        <source>Find in the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>The find bar&apos;s count: &quot;2 of 7&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::HistoryBackup</name>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not installed; on Debian it is the package libqt6sql6-sqlite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no history in %1 (%2 does not exist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a directory: give the backup file&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the directory %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the history itself; write the backup somewhere else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a file in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot copy %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was created by this backup and could not be given to the owner of %2 (%3); remove it while no server runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the copy %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot check the copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the copy is damaged (integrity check: %1); the history may be too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot rename %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::InputCommand</name>
    <message>
        <source>Usage: /me ACTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: /nick NEWNAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command %1. Type /help for the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a message and press Enter to send it to everyone. Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/me ACTION — say what you are doing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/nick NAME — change your nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/who — list who is here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/clear — clear the messages in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/help — show this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/quit [REASON] — leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>//text — send a message that starts with /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: /msg NICK TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/msg NICK TEXT — send TEXT to NICK alone, in a conversation of its own</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::Listener</name>
    <message>
        <source>Too many TLS handshakes in progress (%1 from %2); refusing a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the slowest TLS handshake, with %1, to make room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake with %1 did not finish in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this build of Qt cannot do TLS (its OpenSSL backend or libssl3 is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the TLS certificate %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the TLS key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no private key that can be read (PEM, RSA, EC or DSA, without a passphrase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS certificate %1 expired on %2; clients that check it will refuse it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set SO_REUSEPORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set IPV6_V6ONLY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot bind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::MessageModel</name>
    <message>
        <source>Tagarela chat log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now known as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-%1- %2</source>
        <extracomment>A notice typed by the host (the person running the server): -host- text</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— %1 —</source>
        <extracomment>A day&apos;s line in a saved chat log: &quot;— Monday, 30 November 2026 —&quot;
----------
A divider across the chat log, such as &quot;— 12 messages while you were away —&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>A time stamp&apos;s tooltip: the long date, then the time (&quot;Monday, 30 November 2026, 14:03:22&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::MessageView</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Link &amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::NewMessageCounter</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ↓</source>
        <extracomment>The button over the log that jumps to the latest: &quot;3 new messages ↓&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 ↓</source>
        <extracomment>&quot;3 new messages, 1 mention ↓&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::NewMessagesButton</name>
    <message>
        <source>Go to the latest messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::NickMenu</name>
    <message>
        <source>&amp;Private Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::Notifier</name>
    <message>
        <source>%1 mentioned you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wrote to you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::Outbox</name>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As usual in my language (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-hour (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12-hour (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show s&amp;econds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. pizza, release, Ana Maria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages with any of these words (separated by commas) count as mentioning you, like your nickname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When I am mentioned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For every message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window &amp;keeps Tagarela in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop shows no tray at the moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notify me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::RedisAddress</name>
    <message>
        <source>The Redis address is empty: give redis://HOST[:PORT][/DB] or unix:/PATH/redis.sock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: after the socket&apos;s path only ?db=N may follow, with N a database number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a unix socket needs an absolute path, as in unix:/run/redis/redis-server.sock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the socket&apos;s path is longer than the 107 bytes a unix socket&apos;s name may have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Redis address: give redis://HOST[:PORT][/DB] or unix:/PATH/redis.sock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: do not put a user or password in the address; give the password in a file (--redis-password-file) or in TAGARELA_REDIS_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no host: give redis://HOST[:PORT][/DB].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a Redis address has no ?query or #fragment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the port must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the port after the colon is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: after the host only /DB may follow, with DB a database number (0 by default).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::RedisRoomEngine</name>
    <message>
        <source>Redis lost the room: a new history begins (%1). Messages stored before are gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost the connection to Redis at %1 (%2): messages are not stored and their senders are told so until it is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach Redis at %1 (%2); trying again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Redis at %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--redis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Redis at %1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>Redis at %1 did not answer within %n second</numerusform>
            <numerusform>Redis at %1 did not answer within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Redis writes every message to disk before it is acknowledged (appendonly yes, appendfsync always)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: Redis at %1 runs with appendonly %2 and appendfsync %3: if Redis or its machine crashes, messages that were acknowledged can be LOST. Set &quot;appendonly yes&quot; and &quot;appendfsync always&quot; in redis.conf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: the durability of Redis at %1 is UNKNOWN (CONFIG GET was refused: %2): acknowledged messages may be lost in a crash unless Redis runs with &quot;appendonly yes&quot; and &quot;appendfsync always&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis answered for %1 of %2 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not hand the command to the other servers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read who is on the other servers from Redis at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not tell the other servers of a join, leave or rename: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server %1 sharing the room stopped answering: announcing its %n user(s) left</source>
        <translation>
            <numerusform>The server %1 sharing the room stopped answering: announcing its %n user left</numerusform>
            <numerusform>The server %1 sharing the room stopped answering: announcing its %n users left</numerusform>
        </translation>
    </message>
    <message>
        <source>the server was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the history from Redis at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not claim the nickname %1 in Redis at %2 (%3): it is taken on this server only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::SearchDialog</name>
    <message>
        <source>&amp;Older Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the Whole History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words to look for in everything the server keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server cannot search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(private, %1 → %2) </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found. Press Enter on one to see it in the log.</source>
        <translation>
            <numerusform>%n message found. Press Enter on it to see it in the log.</numerusform>
            <numerusform>%n messages found. Press Enter on one to see it in the log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::ServerAddressList</name>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write the host name alone, without a scheme such as tcp://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the ] that ends the IPv6 address is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: between [ and ] goes an IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: only a port, after a colon, may follow the ].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv6 address (with a port, write it as [address]:port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the host name is missing before the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the port must be a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many servers: at most %n.</source>
        <translation>
            <numerusform>Too many servers: at most %n.</numerusform>
            <numerusform>Too many servers: at most %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::ServerConsole</name>
    <message numerus="yes">
        <source>%n user(s) here; %1 connection(s) open.</source>
        <translation>
            <numerusform>%n user here; open connections: %1.</numerusform>
            <numerusform>%n users here; open connections: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: /kick NICK [REASON]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody here is called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command %1. Type /help for the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: /ban ADDRESS (or ADDRESS/PREFIX for a subnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: /unban ADDRESS (as /bans lists it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address or subnet (such as 192.0.2.7 or 2001:db8::/48).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Banned %1; %n connection(s) closed.</source>
        <translation>
            <numerusform>Banned %1; %n connection closed.</numerusform>
            <numerusform>Banned %1; %n connections closed.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is banned already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifted the ban on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not banned. /bans lists the bans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ban list could not be saved (%1): the change lasts until the server stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is banned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ban(s):</source>
        <translation>
            <numerusform>%n ban:</numerusform>
            <numerusform>%n bans:</numerusform>
        </translation>
    </message>
    <message>
        <source>Commands:
  /who                   list who is connected
  /say TEXT              send a notice to everyone (or type TEXT alone)
  /kick NICK [REASON]    disconnect someone
  /ban ADDRESS[/BITS]    refuse an address or a subnet, also after restarts
  /unban ADDRESS[/BITS]  lift a ban
  /bans                  list the bans
  /quit                  shut the server down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banned %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::ServerOptions</name>
    <message>
        <source>Output queued to all clients together, in MiB: past it, the clients with the most waiting are dropped as too slow readers; 0 for no limit (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most connections that have not joined yet (handshake, password, nickname), within --max-clients; when they are full, a newcomer takes the place of the one from the busiest address that waited longest; 0 for no limit of their own (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on (default: every interface, IPv4 and IPv6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server name shown to clients (default: the host name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not show chat traffic on the console; joins, leaves and errors are still shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port to listen on (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most connections at once; 0 for no limit (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most connections from one address; 0 for no limit (default: %1). Behind a TCP tunnel every client has the tunnel&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages per second one client may send; 0 for no limit (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages one client may send in a burst before --max-rate applies (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest frame a framed client may send (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest chat message in UTF-8 bytes (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest line a text client may send (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output queued to one client before it is dropped as too slow a reader, in KiB; 0 for no limit (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds a framed client has to finish its handshake (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds a text client has to choose a nickname (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between heartbeats to framed clients; 0 for none (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds of silence after which a framed client is dropped (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IPv4 or IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: expected a whole number from %2 to %3, got &quot;%4&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--heartbeat-timeout must be longer than --heartbeat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-frame must leave room for --max-text (at least --max-text + 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagarela chat server. Every message a client sends reaches every connected client. Framed clients and text clients (telnet, nc) share one port.
Console commands: /who, /say TEXT, /kick NICK [REASON], /ban ADDRESS, /unban ADDRESS, /bans, /quit, /help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory for the message history and the bans (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep no message history: nothing said is written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificate file: accept TLS connections on the same port (needs --tls-key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM private key file for --tls-cert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse connections that are not encrypted (needs --tls-cert).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File whose first line is the password clients must give. The %1 environment variable works too; a password is never taken from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most messages kept in the history; older ones are deleted (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds a dropped user&apos;s nickname is kept for them to reconnect (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data-dir: the directory must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--require-tls needs --tls-cert and --tls-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password-file: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password-file: the first line of %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the history of the data directory to file, consistent and checked, while a server may be running on it; then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--backup: the file name must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let other servers started with --reuse-port listen on the same port of this host (SO_REUSEPORT): the system spreads new connections among them. Without a shared engine, each server is a room of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share the room with every server on the same Redis: redis://HOST[:PORT][/DB] or unix:/PATH/redis.sock. The history is kept there instead of the data directory (docs/SCALING.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File whose first line is the password for Redis (AUTH). The %1 environment variable works too; a password is never taken from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: a password is never taken from the command line, where other users of this machine can read it. Use --%1-file or the %2 environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--redis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--redis-password-file: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--redis-password-file: the first line of %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--redis-password-file needs --redis.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::SqliteHistoryDatabase</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in use by another server (process %2 on %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the lock file in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set the journal mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 is not in WAL mode (%2); it is slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the meta table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the messages table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 was replaced by another one; this server keeps numbering its messages as before until it restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the meta table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot prepare the statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 was removed or replaced; creating it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot delete old messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store the message counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the history from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the history database %1 for private messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the search index (this SQLite library may lack FTS5, which Debian&apos;s libsqlite3 has)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the search index of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot search the history in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an SQLite connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot begin a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written by a newer Tagarela (history schema %1; this server knows schema %2 and older): run the newer server, or restore a backup made for this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update the search index of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot update the search index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot checkpoint the history database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::TextFormat</name>
    <message>
        <source>%1 joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now known as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is here yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) here: %1</source>
        <translation>
            <numerusform>%n user here: %1</numerusform>
            <numerusform>%n users here: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) here.</source>
        <translation>
            <numerusform>%n user here.</numerusform>
            <numerusform>%n users here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::ThreadedHistoryStore</name>
    <message numerus="yes">
        <source>The history&apos;s disk did not answer within %n second(s); stopping without waiting for it.</source>
        <translation>
            <numerusform>The history&apos;s disk did not answer within %n second; stopping without waiting for it.</numerusform>
            <numerusform>The history&apos;s disk did not answer within %n seconds; stopping without waiting for it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::TrayIcon</name>
    <message>
        <source>&amp;Show Tagarela</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide Tagarela</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (ignored)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagarela::Validation</name>
    <message>
        <source>The nickname is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The nickname is longer than %n character(s).</source>
        <translation>
            <numerusform>The nickname is longer than %n character.</numerusform>
            <numerusform>The nickname is longer than %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>A nickname may only hold letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A nickname must start with a letter, a digit or &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A nickname may not hold invisible characters (zero-width spaces and joiners, fillers, variation selectors, a mark repeated on one letter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A nickname may not hold characters that change the direction of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A nickname may not use full-width, styled, superscript or other look-alike forms of letters and digits: type plain ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A nickname may not mix letters of different scripts, such as Latin and Cyrillic, or digits of different kinds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The message is longer than %n byte(s).</source>
        <translation>
            <numerusform>The message is longer than %n byte.</numerusform>
            <numerusform>The message is longer than %n bytes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The message holds a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is not valid Unicode text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Try --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagarela server %1 listening on %2 port %3. Type /help for console commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagarela chat client. Without options it asks where to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server port (default: 3000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your nickname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the program, e.g. pt_BR or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port: expected a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages kept in the window; older ones are dropped (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--scrollback: expected a number of at least 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with TLS (an encrypted connection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file descriptor limit %1 is lower than --max-clients; raise it with ulimit -n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backed up %n message(s), the newest #%1, to %2 (%3 bytes); integrity check ok.
</source>
        <translation>
            <numerusform>Backed up %n message, the newest #%1, to %2 (%3 bytes); integrity check ok.
</numerusform>
            <numerusform>Backed up %n messages, the newest #%1, to %2 (%3 bytes); integrity check ok.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Server to connect to: host or host:port, or several servers of one room separated by commas, tried in turn (&quot;host1:3000, host2:3000&quot;; IPv6 as [::1]:3000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--host: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
