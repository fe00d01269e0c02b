<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Tagarela::BanList</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a ban list</source>
        <translation>%1 é grande demais para ser uma lista de banimentos</translation>
    </message>
    <message>
        <source>%1, line %2: &quot;%3&quot; is not an address or subnet; skipped</source>
        <translation>%1, linha %2: &quot;%3&quot; não é um endereço nem uma sub-rede; ignorada</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>não foi possível criar o diretório %1</translation>
    </message>
</context>
<context>
    <name>Tagarela::CertificatePrompt</name>
    <message>
        <source>Issued to: %1</source>
        <translation>Emitido para: %1</translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation>Válido até: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>O certificado do servidor mudou</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The certificate of %1 is not the one you trusted before.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Either the host made a new certificate, or someone between you and the server is trying to read or change what you say. Tagarela did not connect.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;O certificado de %1 não é o mesmo em que você confiou antes.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ou o anfitrião criou um certificado novo, ou alguém entre você e o servidor está tentando ler ou alterar o que você diz. O Tagarela não se conectou.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Trusted before (SHA-256):&lt;/p&gt;%1&lt;p&gt;Offered now (SHA-256):&lt;/p&gt;%2&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Accept the new certificate only if the host tells you, in some other way than this chat, that they changed it and its fingerprint is the one above.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Confiável antes (SHA-256):&lt;/p&gt;%1&lt;p&gt;Apresentado agora (SHA-256):&lt;/p&gt;%2&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Só aceite o certificado novo se o anfitrião contar a você, por outro meio que não este bate-papo, que o trocou e que a impressão digital dele é a de cima.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Accept the New Certificate</source>
        <translation>Aceitar o certificado novo</translation>
    </message>
    <message>
        <source>Check the server&apos;s certificate</source>
        <translation>Confira o certificado do servidor</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 uses a certificate that no authority this computer trusts has signed. Servers usually make their own, so this is expected the first time.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 usa um certificado que nenhuma autoridade em que este computador confia assinou. Os servidores costumam criar o próprio, então isso é esperado na primeira vez.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Its SHA-256 fingerprint:&lt;/p&gt;%1&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Compare it with the fingerprint the host&apos;s server prints when it starts, told to you in some other way. If they match, trust it: Tagarela remembers it and warns you if it ever changes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;A impressão digital SHA-256 dele:&lt;/p&gt;%1&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Compare-a com a impressão digital que o servidor do anfitrião mostra ao iniciar e que ele passou a você por outro meio. Se forem iguais, confie nele: o Tagarela se lembra dele e avisa se um dia mudar.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Trust and Connect</source>
        <translation>Confiar e conectar</translation>
    </message>
</context>
<context>
    <name>Tagarela::ChatClient</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>O servidor não respondeu a tempo.</translation>
    </message>
    <message>
        <source>Reconnected to %1 as %2.</source>
        <translation>Reconectado a %1 como %2.</translation>
    </message>
    <message>
        <source>Connected to %1 as %2.</source>
        <translation>Conectado a %1 como %2.</translation>
    </message>
    <message>
        <source>new messages</source>
        <translation>mensagens novas</translation>
    </message>
    <message numerus="yes">
        <source>more than %n message(s) while you were away</source>
        <translation>
            <numerusform>mais de %n mensagem enquanto você estava fora</numerusform>
            <numerusform>mais de %n mensagens enquanto você estava fora</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) while you were away</source>
        <translation>
            <numerusform>%n mensagem enquanto você estava fora</numerusform>
            <numerusform>%n mensagens enquanto você estava fora</numerusform>
        </translation>
    </message>
    <message>
        <source>older messages you missed were not loaded: click to load them</source>
        <translation>as mensagens mais antigas que você perdeu não foram carregadas: clique para carregá-las</translation>
    </message>
    <message>
        <source>not stored yet, will retry</source>
        <translation>ainda não armazenada, nova tentativa em breve</translation>
    </message>
    <message>
        <source>waiting: disconnected; it will be sent when you connect again</source>
        <translation>aguardando: desconectado; será enviada quando você se conectar de novo</translation>
    </message>
    <message>
        <source>Could not reach %1 (%2); trying %3.</source>
        <translation>Não foi possível alcançar %1 (%2); tentando %3.</translation>
    </message>
    <message>
        <source>This server has no private messages.</source>
        <translation>Este servidor não tem mensagens privadas.</translation>
    </message>
</context>
<context>
    <name>Tagarela::ChatInput</name>
    <message>
        <source>Type a message — Enter sends, Shift+Enter adds a line</source>
        <translation>Digite uma mensagem — Enter envia, Shift+Enter quebra a linha</translation>
    </message>
    <message>
        <source>Message input</source>
        <translation>Campo de mensagem</translation>
    </message>
    <message>
        <source>Type a message</source>
        <translation>Digite uma mensagem</translation>
    </message>
</context>
<context>
    <name>Tagarela::ChatRoom</name>
    <message>
        <source>The nickname %1 is taken.</source>
        <translation>O apelido %1 já está em uso.</translation>
    </message>
    <message>
        <source>The nickname %1 is kept for someone who is reconnecting.</source>
        <translation>O apelido %1 está reservado para alguém que está se reconectando.</translation>
    </message>
    <message>
        <source>Not keeping the nickname %1 for a reconnect: too many nicknames are kept for %2 or in all</source>
        <translation>O apelido %1 não será reservado para uma reconexão: já há apelidos reservados demais para %2 ou no total</translation>
    </message>
    <message>
        <source>The nickname %1 is taken; %2 is free.</source>
        <translation>O apelido %1 já está em uso; %2 está livre.</translation>
    </message>
    <message numerus="yes">
        <source>%1 joined from %2 (%n user(s) here)</source>
        <translation>
            <numerusform>%1 entrou a partir de %2 (%n usuário aqui)</numerusform>
            <numerusform>%1 entrou a partir de %2 (%n usuários aqui)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 left from %2 (%3; %n user(s) here)</source>
        <translation>
            <numerusform>%1 saiu de %2 (%3; usuários aqui: %n)</numerusform>
            <numerusform>%1 saiu de %2 (%3; usuários aqui: %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is now known as %2 (%3)</source>
        <translation>%1 agora se chama %2 (%3)</translation>
    </message>
    <message>
        <source>The nickname %1 is kept for someone who is reconnecting; %2 is free.</source>
        <translation>O apelido %1 está reservado para alguém que está se reconectando; %2 está livre.</translation>
    </message>
    <message>
        <source>%1 came back from %2; closing its old connection from %3</source>
        <translation>%1 voltou de %2; fechando a conexão antiga de %3</translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation>reconectou</translation>
    </message>
    <message>
        <source>%1 (%2) resumed with its token</source>
        <translation>%1 (%2) retomou a sessão com seu token</translation>
    </message>
    <message numerus="yes">
        <source>NOT STORED: %n message(s) could not be written to the history and were not sent; their senders were told. %1</source>
        <translation>
            <numerusform>NÃO GUARDADA: %n mensagem não pôde ser gravada no histórico e não foi enviada; quem a enviou foi avisado. %1</numerusform>
            <numerusform>NÃO GUARDADAS: %n mensagens não puderam ser gravadas no histórico e não foram enviadas; quem as enviou foi avisado. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The server could not store your message, so nobody received it. Try again later.</source>
        <translation>O servidor não conseguiu guardar sua mensagem, então ninguém a recebeu. Tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>This server cannot send private messages, so yours was not sent.</source>
        <translation>Este servidor não envia mensagens privadas, então a sua não foi enviada.</translation>
    </message>
    <message>
        <source>Nobody called %1 is here, so your private message was not sent.</source>
        <translation>Ninguém chamado %1 está aqui, então sua mensagem privada não foi enviada.</translation>
    </message>
</context>
<context>
    <name>Tagarela::ChatServer</name>
    <message numerus="yes">
        <source>%n connection(s) have not joined yet: each now has %1 s to join</source>
        <translation>
            <numerusform>%n conexão ainda não entrou: agora tem %1 s para entrar</numerusform>
            <numerusform>%n conexões ainda não entraram: agora cada uma tem %1 s para entrar</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS is on. Certificate SHA-256 fingerprint: %1</source>
        <translation>TLS ativado. Impressão digital SHA-256 do certificado: %1</translation>
    </message>
    <message>
        <source>Ban list: %1</source>
        <translation>Lista de banimentos: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) or subnet(s) banned</source>
        <translation>
            <numerusform>%n endereço ou sub-rede banido</numerusform>
            <numerusform>%n endereços ou sub-redes banidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the ban list %1: %2</source>
        <translation>Não foi possível salvar a lista de banimentos %1: %2</translation>
    </message>
    <message>
        <source>Banned %1</source>
        <translation>%1 banido</translation>
    </message>
    <message>
        <source>Lifted the ban on %1</source>
        <translation>Banimento de %1 retirado</translation>
    </message>
    <message>
        <source>History: %1; last message number %2</source>
        <translation>Histórico: %1; número da última mensagem: %2</translation>
    </message>
    <message>
        <source>in memory only</source>
        <translation>só na memória</translation>
    </message>
    <message>
        <source>not kept (numbers in %1)</source>
        <translation>não guardado (numeração em %1)</translation>
    </message>
    <message>
        <source>Some clients did not close in time; closing anyway</source>
        <translation>Alguns clientes não fecharam a tempo; fechando mesmo assim</translation>
    </message>
    <message>
        <source>Starting without the bans that could not be read</source>
        <translation>Iniciando sem os banimentos que não puderam ser lidos</translation>
    </message>
    <message numerus="yes">
        <source>Shutting down: telling %n client(s)</source>
        <translation>
            <numerusform>Encerrando; clientes a avisar: %n</numerusform>
            <numerusform>Encerrando; clientes a avisar: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more protocol error(s) from clients were not logged</source>
        <translation>
            <numerusform>mais %n erro de protocolo de clientes não foi registrado no log</numerusform>
            <numerusform>mais %n erros de protocolo de clientes não foram registrados no log</numerusform>
        </translation>
    </message>
    <message>
        <source>in Redis at %1</source>
        <translation>no Redis em %1</translation>
    </message>
    <message>
        <source>on another server</source>
        <translation>em outro servidor</translation>
    </message>
    <message>
        <source>Kicking %1 on another server</source>
        <translation>Expulsando %1 em outro servidor</translation>
    </message>
</context>
<context>
    <name>Tagarela::ChatWindow</name>
    <message>
        <source>People in the room</source>
        <translation>Pessoas na sala</translation>
    </message>
    <message>
        <source>Message length</source>
        <translation>Tamanho da mensagem</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensagem</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Estado da conexão</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Tentar agora</translation>
    </message>
    <message>
        <source>Retry the connection now</source>
        <translation>Tentar conectar de novo agora</translation>
    </message>
    <message>
        <source>%1 (Try /nick %2.)</source>
        <translation>%1 (Tente /nick %2.)</translation>
    </message>
    <message>
        <source>Connection lost (%1). Reconnecting by itself; what you type is kept.</source>
        <translation>Conexão perdida (%1). Reconectando automaticamente; o que você digitar fica guardado.</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Conversa</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Conectar…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Desconectar</translation>
    </message>
    <message>
        <source>&amp;Save Chat Log…</source>
        <translation>&amp;Salvar histórico da conversa…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Aumentar zoom</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Diminuir zoom</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Restaurar zoom</translation>
    </message>
    <message>
        <source>Notify for &amp;All Messages</source>
        <translation>Notificar &amp;todas as mensagens</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Tagarela</source>
        <translation>&amp;Sobre o Tagarela</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Sobre o &amp;Qt</translation>
    </message>
    <message>
        <source>Tagarela</source>
        <translation>Tagarela</translation>
    </message>
    <message>
        <source>Use Chat ▸ Connect… to connect again.</source>
        <translation>Use Conversa ▸ Conectar… para se conectar de novo.</translation>
    </message>
    <message>
        <source>Not connected: the message was not sent.</source>
        <translation>Sem conexão: a mensagem não foi enviada.</translation>
    </message>
    <message>
        <source>Here now (%1): %2</source>
        <translation>Aqui agora (%1): %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Conectando a %1:%2…</translation>
    </message>
    <message>
        <source>Connected to %1:%2 as %3</source>
        <translation>Conectado a %1:%2 como %3</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s…</source>
        <translation>
            <numerusform>Conexão perdida. Reconectando em %n s…</numerusform>
            <numerusform>Conexão perdida. Reconectando em %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2 — Tagarela</source>
        <translation>%1 em %2 — Tagarela</translation>
    </message>
    <message numerus="yes">
        <source>Tagarela: %n unread message(s)</source>
        <translation>
            <numerusform>Tagarela: %n mensagem não lida</numerusform>
            <numerusform>Tagarela: %n mensagens não lidas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;People (%1)</source>
        <translation>&amp;Pessoas (%1)</translation>
    </message>
    <message>
        <source>Save Chat Log</source>
        <translation>Salvar histórico da conversa</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>Texto simples (*.txt)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Página da web (*.html)</translation>
    </message>
    <message>
        <source>Chat log saved to %1</source>
        <translation>Histórico da conversa salvo em %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Não foi possível salvar %1: %2</translation>
    </message>
    <message>
        <source>About Tagarela</source>
        <translation>Sobre o Tagarela</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tagarela %1&lt;/h3&gt;&lt;p&gt;A chat for friends: one room, every message to everyone.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tagarela %1&lt;/h3&gt;&lt;p&gt;Um bate-papo para amigos: uma sala só, e toda mensagem vai para todo mundo.&lt;/p&gt;&lt;p&gt;Compilado com o Qt %2, executando no Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Certificate trusted; connecting again.</source>
        <translation>Certificado aceito; conectando de novo.</translation>
    </message>
    <message>
        <source>You connected again as %1 from somewhere else, and that connection took over. This window does not reconnect, so that the two do not keep pushing each other out.</source>
        <translation>Você se conectou de novo como %1 em outro lugar, e aquela conexão assumiu. Esta janela não se reconecta, para que as duas não fiquem derrubando uma à outra.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) are waiting to be sent already; this one stays in the box until some of them are through.</source>
        <translation>
            <numerusform>Já há %n mensagem esperando para ser enviada; esta fica na caixa até que ela passe.</numerusform>
            <numerusform>Já há %n mensagens esperando para ser enviadas; esta fica na caixa até que algumas delas passem.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected: the message will be sent when the connection is back.</source>
        <translation>Sem conexão: a mensagem será enviada quando a conexão voltar.</translation>
    </message>
    <message>
        <source>Not connected: the nickname was not changed.</source>
        <translation>Sem conexão: o apelido não foi trocado.</translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation>Carregando mensagens mais antigas…</translation>
    </message>
    <message>
        <source>the beginning of the conversation</source>
        <translation>o começo da conversa</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Reenviar</translation>
    </message>
    <message>
        <source>&amp;Discard This Message</source>
        <translation>&amp;Descartar esta mensagem</translation>
    </message>
    <message>
        <source>&amp;Load the Missed Messages</source>
        <translation>Carregar as mensagens &amp;perdidas</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Criptografia</translation>
    </message>
    <message>
        <source>Encrypted with %1.
The server&apos;s certificate (SHA-256):
%2</source>
        <translation>Criptografado com %1.
O certificado do servidor (SHA-256):
%2</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Não criptografado</translation>
    </message>
    <message>
        <source>What you send crosses the network as plain text. Connect with &quot;Use TLS&quot; to encrypt it.</source>
        <translation>O que você envia atravessa a rede como texto puro. Conecte com &quot;Usar TLS&quot; para criptografá-lo.</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>Reco&amp;nectar</translation>
    </message>
    <message>
        <source>The message in the box has not been sent and will be lost.</source>
        <translation>A mensagem na caixa não foi enviada e será perdida.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) have not reached the server yet. They are kept, and go out when you next connect to this server with this nickname.</source>
        <translation>
            <numerusform>%n mensagem ainda não chegou ao servidor. Ela fica guardada e sai quando você se conectar de novo a este servidor com este apelido.</numerusform>
            <numerusform>%n mensagens ainda não chegaram ao servidor. Elas ficam guardadas e saem quando você se conectar de novo a este servidor com este apelido.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Tagarela?</source>
        <translation>Sair do Tagarela?</translation>
    </message>
    <message>
        <source>Quit with messages that were not sent?</source>
        <translation>Sair com mensagens que não foram enviadas?</translation>
    </message>
    <message>
        <source>&amp;Keep Writing</source>
        <translation>Continuar &amp;escrevendo</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>Resta %n caractere</numerusform>
            <numerusform>Restam %n caracteres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n caractere a mais</numerusform>
            <numerusform>%n caracteres a mais</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n caractere</numerusform>
            <numerusform>%n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 de %2 bytes</translation>
    </message>
    <message>
        <source>The server counts bytes: accented letters, emoji and many scripts take two to four bytes each.</source>
        <translation>O servidor conta bytes: letras acentuadas, emoji e muitas escritas ocupam de dois a quatro bytes cada.</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configurações</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferências…</translation>
    </message>
    <message>
        <source>Search the &amp;Whole History…</source>
        <translation>Pesquisar em &amp;todo o histórico…</translation>
    </message>
    <message>
        <source>This server has no private messages: nothing was sent.</source>
        <translation>Este servidor não tem mensagens privadas: nada foi enviado.</translation>
    </message>
    <message>
        <source>Private message to %1</source>
        <translation>Mensagem privada para %1</translation>
    </message>
    <message>
        <source>You ignore %1 now: their messages are hidden.</source>
        <translation>Agora você ignora %1: as mensagens dessa pessoa ficam ocultas.</translation>
    </message>
    <message>
        <source>You hear from %1 again.</source>
        <translation>Você volta a ver as mensagens de %1.</translation>
    </message>
    <message>
        <source>Not connected: the message cannot be loaded.</source>
        <translation>Sem conexão: a mensagem não pode ser carregada.</translation>
    </message>
</context>
<context>
    <name>Tagarela::ClientSession</name>
    <message>
        <source>Disconnecting %1: it kept trying nicknames too fast</source>
        <translation>Desconectando %1: continuou tentando apelidos rápido demais</translation>
    </message>
    <message>
        <source>You were disconnected for trying nicknames too fast.</source>
        <translation>Sua conexão foi encerrada porque você tentou apelidos rápido demais.</translation>
    </message>
    <message>
        <source>You are trying nicknames too fast. Wait a second, then try again.</source>
        <translation>Você está tentando apelidos rápido demais. Espere um segundo e tente de novo.</translation>
    </message>
    <message>
        <source>Closing %1 to make room: it had not joined, and the server is busy</source>
        <translation>Fechando %1 para abrir espaço: ainda não tinha entrado, e o servidor está ocupado</translation>
    </message>
    <message>
        <source>The server is busy, and this connection had not joined yet. Connect again.</source>
        <translation>O servidor está ocupado, e esta conexão ainda não tinha entrado. Conecte-se de novo.</translation>
    </message>
    <message>
        <source>The server is busy with connections that have not joined yet. Try again in a moment.</source>
        <translation>O servidor está ocupado com conexões que ainda não entraram. Tente de novo daqui a pouco.</translation>
    </message>
    <message>
        <source>server stopped</source>
        <translation>servidor parado</translation>
    </message>
    <message>
        <source>You were kicked by the host.</source>
        <translation>O anfitrião expulsou você.</translation>
    </message>
    <message>
        <source>You were kicked by the host: %1</source>
        <translation>O anfitrião expulsou você: %1</translation>
    </message>
    <message>
        <source>kicked by the host</source>
        <translation>expulso pelo anfitrião</translation>
    </message>
    <message>
        <source>kicked by the host: %1</source>
        <translation>expulso pelo anfitrião: %1</translation>
    </message>
    <message>
        <source>Kicking %1 (%2)</source>
        <translation>Expulsando %1 (%2)</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>O servidor está sendo desligado.</translation>
    </message>
    <message>
        <source>server shutting down</source>
        <translation>servidor sendo desligado</translation>
    </message>
    <message numerus="yes">
        <source>The server is full (%n connection(s)). Try again later.</source>
        <translation>
            <numerusform>O servidor está cheio (%n conexão). Tente de novo mais tarde.</numerusform>
            <numerusform>O servidor está cheio (%n conexões). Tente de novo mais tarde.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many connections from your address (at most %n).</source>
        <translation>
            <numerusform>Conexões demais a partir do seu endereço (no máximo %n).</numerusform>
            <numerusform>Conexões demais a partir do seu endereço (no máximo %n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused %1: %2</source>
        <translation>Conexão de %1 recusada: %2</translation>
    </message>
    <message>
        <source>Welcome to Tagarela on %1. %2</source>
        <translation>Boas-vindas ao Tagarela em %1. %2</translation>
    </message>
    <message>
        <source>Choose a nickname:</source>
        <translation>Escolha um apelido:</translation>
    </message>
    <message>
        <source>Goodbye.</source>
        <translation>Até logo.</translation>
    </message>
    <message>
        <source>Send hello with a nickname first.</source>
        <translation>Envie primeiro uma mensagem hello com um apelido.</translation>
    </message>
    <message>
        <source>A %1 message is not expected here.</source>
        <translation>Uma mensagem %1 não é esperada aqui.</translation>
    </message>
    <message>
        <source>The first message must be a handshake.</source>
        <translation>A primeira mensagem precisa ser um handshake.</translation>
    </message>
    <message>
        <source>This server speaks protocol version %1 only; please update your client.</source>
        <translation>Este servidor só fala a versão %1 do protocolo; atualize o seu cliente.</translation>
    </message>
    <message numerus="yes">
        <source>That line is longer than %n byte(s) and was not sent.</source>
        <translation>
            <numerusform>Essa linha tem mais de %n byte e não foi enviada.</numerusform>
            <numerusform>Essa linha tem mais de %n bytes e não foi enviada.</numerusform>
        </translation>
    </message>
    <message>
        <source>That line is not valid UTF-8 text and was not sent. Set your terminal to UTF-8.</source>
        <translation>Essa linha não é um texto UTF-8 válido e não foi enviada. Configure o seu terminal para UTF-8.</translation>
    </message>
    <message>
        <source>Usage: /nick NEWNAME</source>
        <translation>Uso: /nick NOVO_NOME</translation>
    </message>
    <message>
        <source>Usage: /me ACTION</source>
        <translation>Uso: /me AÇÃO</translation>
    </message>
    <message>
        <source>Type a line to send it to everyone. Commands:</source>
        <translation>Digite uma linha para enviá-la a todos. Comandos:</translation>
    </message>
    <message>
        <source>/nick NAME     change your nickname</source>
        <translation>/nick NOME     troca o seu apelido</translation>
    </message>
    <message>
        <source>/me ACTION     say what you are doing</source>
        <translation>/me AÇÃO       diz o que você está fazendo</translation>
    </message>
    <message>
        <source>/who           list who is here</source>
        <translation>/who           mostra quem está aqui</translation>
    </message>
    <message>
        <source>/quit [REASON] leave</source>
        <translation>/quit [MOTIVO] sai do bate-papo</translation>
    </message>
    <message>
        <source>//text         send a line that starts with /</source>
        <translation>//text         envia uma linha que começa com /</translation>
    </message>
    <message>
        <source>Unknown command %1. Type /help for the commands.</source>
        <translation>Comando desconhecido: %1. Digite /help para ver os comandos.</translation>
    </message>
    <message>
        <source>Type a line to talk, /help for commands.</source>
        <translation>Digite uma linha para falar, ou /help para ver os comandos.</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 (%2): its messages were not stored in time; closing anyway</source>
        <translation>%1 (%2): suas mensagens não foram guardadas a tempo; fechando assim mesmo</translation>
    </message>
    <message>
        <source>No nickname chosen in time.</source>
        <translation>Nenhum apelido foi escolhido a tempo.</translation>
    </message>
    <message>
        <source>The handshake did not finish in time.</source>
        <translation>O handshake não terminou a tempo.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>tempo esgotado</translation>
    </message>
    <message>
        <source>too slow to read the chat</source>
        <translation>lento demais para acompanhar a conversa</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>erro de protocolo</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>conexão encerrada</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>encerrou a sessão</translation>
    </message>
    <message>
        <source>%1 closed: %2</source>
        <translation>Conexão de %1 encerrada: %2</translation>
    </message>
    <message>
        <source>Disconnecting %1 (%2): banned</source>
        <translation>Desconectando %1 (%2): banido</translation>
    </message>
    <message>
        <source>You are banned from this server.</source>
        <translation>Você foi banido deste servidor.</translation>
    </message>
    <message>
        <source>banned by the host</source>
        <translation>banido pelo anfitrião</translation>
    </message>
    <message>
        <source>This server accepts encrypted (TLS) connections only. Turn on TLS in your client, or use: openssl s_client -quiet -connect HOST:PORT</source>
        <translation>Este servidor só aceita conexões criptografadas (TLS). Ative o TLS no seu cliente ou use: openssl s_client -quiet -connect SERVIDOR:PORTA</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords from your address. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Senhas erradas demais a partir do seu endereço. Tente de novo em %n minuto.</numerusform>
            <numerusform>Senhas erradas demais a partir do seu endereço. Tente de novo em %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Senha:</translation>
    </message>
    <message>
        <source>%1: no password given</source>
        <translation>%1: nenhuma senha informada</translation>
    </message>
    <message>
        <source>This server needs a password. Enter it and connect again.</source>
        <translation>Este servidor exige uma senha. Informe-a e conecte de novo.</translation>
    </message>
    <message>
        <source>%1: wrong password</source>
        <translation>%1: senha errada</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Senha errada.</translation>
    </message>
    <message>
        <source>No password given in time.</source>
        <translation>Nenhuma senha foi informada a tempo.</translation>
    </message>
    <message>
        <source>You connected again from elsewhere; this connection is closed.</source>
        <translation>Você se conectou de novo de outro lugar; esta conexão foi encerrada.</translation>
    </message>
    <message numerus="yes">
        <source>A client-id is 1 to %n letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>
            <numerusform>Um client-id tem de 1 a %n letra, dígito, &apos;-&apos; ou &apos;_&apos;.</numerusform>
            <numerusform>Um client-id tem de 1 a %n letras, dígitos, &apos;-&apos; ou &apos;_&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent messages:</source>
        <translation>Mensagens recentes:</translation>
    </message>
    <message>
        <source>End of recent messages.</source>
        <translation>Fim das mensagens recentes.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n more protocol error(s) from this connection were not logged</source>
        <translation>
            <numerusform>%1: mais %n erro de protocolo desta conexão não foi registrado no log</numerusform>
            <numerusform>%1: mais %n erros de protocolo desta conexão não foram registrados no log</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords were tried on this server. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Senhas erradas demais foram tentadas neste servidor. Tente de novo em %n minuto.</numerusform>
            <numerusform>Senhas erradas demais foram tentadas neste servidor. Tente de novo em %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) is over the message rate; its input waits</source>
        <translation>%1 (%2) passou do limite de mensagens; o que envia aguarda a sua vez</translation>
    </message>
    <message numerus="yes">
        <source>You are sending more than %n line(s) a second: your lines wait and go out in order at that rate. Slow down, or you will be disconnected.</source>
        <translation>
            <numerusform>Você está enviando mais de %n linha por segundo: as suas linhas aguardam e saem em ordem nesse ritmo. Vá mais devagar, senão a sua conexão será encerrada.</numerusform>
            <numerusform>Você está enviando mais de %n linhas por segundo: as suas linhas aguardam e saem em ordem nesse ritmo. Vá mais devagar, senão a sua conexão será encerrada.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You are sending more than %n message(s) a second: your messages wait and are handled in order at that rate. Slow down, or you will be disconnected.</source>
        <translation>
            <numerusform>Você está enviando mais de %n mensagem por segundo: as suas mensagens aguardam e são tratadas em ordem nesse ritmo. Vá mais devagar, senão a sua conexão será encerrada.</numerusform>
            <numerusform>Você está enviando mais de %n mensagens por segundo: as suas mensagens aguardam e são tratadas em ordem nesse ritmo. Vá mais devagar, senão a sua conexão será encerrada.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disconnecting %1 (%2) for excess flood: %n message(s) waiting</source>
        <translation>
            <numerusform>Desconectando %1 (%2) por excesso de mensagens: %n mensagem aguardando</numerusform>
            <numerusform>Desconectando %1 (%2) por excesso de mensagens: %n mensagens aguardando</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Excess flood: you kept sending too fast, and %n line(s) still waiting were not sent. You are disconnected.</source>
        <translation>
            <numerusform>Excesso de mensagens: você continuou enviando rápido demais, e %n linha que ainda aguardava não foi enviada. A sua conexão foi encerrada.</numerusform>
            <numerusform>Excesso de mensagens: você continuou enviando rápido demais, e %n linhas que ainda aguardavam não foram enviadas. A sua conexão foi encerrada.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Excess flood: you kept sending too fast, and %n message(s) still waiting were not handled. You are disconnected.</source>
        <translation>
            <numerusform>Excesso de mensagens: você continuou enviando rápido demais, e %n mensagem que ainda aguardava não foi tratada. A sua conexão foi encerrada.</numerusform>
            <numerusform>Excesso de mensagens: você continuou enviando rápido demais, e %n mensagens que ainda aguardavam não foram tratadas. A sua conexão foi encerrada.</numerusform>
        </translation>
    </message>
    <message>
        <source>excess flood</source>
        <translation>excesso de mensagens</translation>
    </message>
    <message>
        <source>You are %1. %2 Type /who to see who.</source>
        <translation>Você é %1. %2 Digite /who para ver quem.</translation>
    </message>
    <message>
        <source>Usage: /msg NICK TEXT</source>
        <translation>Uso: /msg APELIDO TEXTO</translation>
    </message>
    <message>
        <source>/msg NICK TEXT say TEXT to NICK alone</source>
        <translation>/msg APELIDO TEXTO diz TEXTO só para APELIDO</translation>
    </message>
    <message numerus="yes">
        <source>A search needs 1 to %n characters of text, without control characters.</source>
        <translation>
            <numerusform>Uma pesquisa precisa de 1 a %n caractere de texto, sem caracteres de controle.</numerusform>
            <numerusform>Uma pesquisa precisa de 1 a %n caracteres de texto, sem caracteres de controle.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::ConnectDialog</name>
    <message>
        <source>Connect to a Tagarela server</source>
        <translation>Conectar a um servidor Tagarela</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <source>chat.example.org or 192.0.2.7</source>
        <translation>chat.example.org ou 192.0.2.7</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Apelido</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Porta:</translation>
    </message>
    <message>
        <source>&amp;Nickname:</source>
        <translation>&amp;Apelido:</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Problema de conexão</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <source>Use the nickname %1</source>
        <translation>Usar o apelido %1</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>Digite o nome ou o endereço do servidor.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>The server %1 could not be found. Check the host name.</source>
        <translation>O servidor %1 não foi encontrado. Verifique o nome do servidor.</translation>
    </message>
    <message>
        <source>%1 refused the connection. Check the port, and that the Tagarela server is running.</source>
        <translation>%1 recusou a conexão. Verifique a porta e se o servidor Tagarela está em execução.</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Check the host name and the port, and your network connection.</source>
        <translation>%1 não respondeu a tempo. Verifique o nome do servidor, a porta e a sua conexão de rede.</translation>
    </message>
    <message>
        <source>This server speaks another version of the Tagarela protocol. Update Tagarela or the server.</source>
        <translation>Este servidor fala outra versão do protocolo Tagarela. Atualize o Tagarela ou o servidor.</translation>
    </message>
    <message>
        <source>Someone is already using the nickname %1. Choose another one.</source>
        <translation>Alguém já está usando o apelido %1. Escolha outro.</translation>
    </message>
    <message>
        <source>The server does not accept the nickname %1.</source>
        <translation>O servidor não aceita o apelido %1.</translation>
    </message>
    <message>
        <source>The server does not accept the nickname %1: %2</source>
        <translation>O servidor não aceita o apelido %1: %2</translation>
    </message>
    <message>
        <source>The server is full. Try again later.</source>
        <translation>O servidor está cheio. Tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>There are too many connections from your address to this server. Close another Tagarela window or try again later.</source>
        <translation>Há conexões demais do seu endereço para este servidor. Feche outra janela do Tagarela ou tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>You were removed from the server.</source>
        <translation>O anfitrião removeu você do servidor.</translation>
    </message>
    <message>
        <source>You were removed from the server: %1</source>
        <translation>O anfitrião removeu você do servidor: %1</translation>
    </message>
    <message>
        <source>The server shut down.</source>
        <translation>O servidor foi desligado.</translation>
    </message>
    <message>
        <source>The server shut down: %1</source>
        <translation>O servidor foi desligado: %1</translation>
    </message>
    <message>
        <source>The server disconnected you for sending messages too fast.</source>
        <translation>O servidor desconectou você por enviar mensagens rápido demais.</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>A conexão falhou.</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>A conexão falhou: %1</translation>
    </message>
    <message>
        <source>Use &amp;TLS (encrypted connection)</source>
        <translation>Usar &amp;TLS (conexão criptografada)</translation>
    </message>
    <message>
        <source>The server must have been started with a certificate (--tls-cert). The first time, you are asked to check it.</source>
        <translation>O servidor precisa ter sido iniciado com um certificado (--tls-cert). Na primeira vez, você é convidado a conferi-lo.</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Senha do servidor</translation>
    </message>
    <message>
        <source>only if the server has one</source>
        <translation>só se o servidor tiver uma</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>S&amp;enha:</translation>
    </message>
    <message>
        <source>Without TLS the password crosses the network unencrypted.</source>
        <translation>Sem TLS, a senha atravessa a rede sem criptografia.</translation>
    </message>
    <message>
        <source>This server needs a password. Enter it in the Password field and connect again.</source>
        <translation>Este servidor exige uma senha. Digite-a no campo Senha e conecte de novo.</translation>
    </message>
    <message>
        <source>The server did not accept the password. Check it and try again.</source>
        <translation>O servidor não aceitou a senha. Confira-a e tente de novo.</translation>
    </message>
    <message>
        <source>Too many wrong passwords were sent from your address, so the server refuses it for a while (10 minutes by default). Try again later.</source>
        <translation>Foram enviadas senhas erradas demais a partir do seu endereço, e por isso o servidor o recusa por um tempo (10 minutos, por padrão). Tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>This server accepts encrypted connections only. Turn on &quot;Use TLS&quot; and connect again.</source>
        <translation>Este servidor só aceita conexões criptografadas. Marque &quot;Usar TLS&quot; e conecte de novo.</translation>
    </message>
    <message>
        <source>The host of this server has banned your address.</source>
        <translation>O anfitrião deste servidor baniu o seu endereço.</translation>
    </message>
    <message>
        <source>%1 sent a certificate that no authority this computer trusts has signed. Compare its fingerprint with the host&apos;s before trusting it.</source>
        <translation>%1 enviou um certificado que nenhuma autoridade em que este computador confia assinou. Compare a impressão digital dele com a do anfitrião antes de confiar nele.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not the one you trusted before. Someone may be intercepting the connection: Tagarela did not connect.</source>
        <translation>O certificado de %1 não é o mesmo em que você confiou antes. Alguém pode estar interceptando a conexão: o Tagarela não se conectou.</translation>
    </message>
    <message>
        <source>The encrypted connection could not be set up. Does the server use TLS?</source>
        <translation>Não foi possível estabelecer a conexão criptografada. O servidor usa TLS?</translation>
    </message>
    <message>
        <source>The encrypted connection could not be set up (%1). Does the server use TLS?</source>
        <translation>Não foi possível estabelecer a conexão criptografada (%1). O servidor usa TLS?</translation>
    </message>
    <message>
        <source>You connected again as %1 from somewhere else, and that connection took over. This one does not reconnect, so that the two do not keep pushing each other out.</source>
        <translation>Você se conectou de novo como %1 em outro lugar, e aquela conexão assumiu. Esta não se reconecta, para que as duas não fiquem derrubando uma à outra.</translation>
    </message>
    <message>
        <source>&amp;Use %1</source>
        <translation>&amp;Usar %1</translation>
    </message>
    <message>
        <source>A host name or address, with :port if it is not the port below. Several servers of one room, separated by commas, are tried in turn: chat1.example.org:3000, chat2.example.org:3000.</source>
        <translation>Um nome ou endereço de servidor, com :porta se não for a porta abaixo. Vários servidores de uma mesma sala, separados por vírgulas, são tentados em ordem: chat1.example.org:3000, chat2.example.org:3000.</translation>
    </message>
</context>
<context>
    <name>Tagarela::Connection</name>
    <message>
        <source>nothing received for %1 ms</source>
        <translation>nada recebido há %1 ms</translation>
    </message>
    <message>
        <source>the peer closed the connection</source>
        <translation>o outro lado fechou a conexão</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>Erro de TLS: %1</translation>
    </message>
</context>
<context>
    <name>Tagarela::ConversationBar</name>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Everyone in the room</source>
        <translation>Todo mundo na sala</translation>
    </message>
    <message>
        <source>Private conversation with %1</source>
        <translation>Conversa privada com %1</translation>
    </message>
</context>
<context>
    <name>Tagarela::FindBar</name>
    <message>
        <source>Find in the log</source>
        <translation>Localizar no histórico</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Ocorrência anterior (Shift+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Ocorrência anterior</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Próxima ocorrência (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Próxima ocorrência</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fechar (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Fechar a barra de busca</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>&amp;Localizar:</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Localizar…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Nenhuma ocorrência</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>The find bar&apos;s count: &quot;2 of 7&quot;</extracomment>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>Tagarela::HistoryBackup</name>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not installed; on Debian it is the package libqt6sql6-sqlite</source>
        <translation>O driver SQLite do Qt (QSQLITE) não está instalado; no Debian ele está no pacote libqt6sql6-sqlite</translation>
    </message>
    <message>
        <source>there is no history in %1 (%2 does not exist)</source>
        <translation>não há histórico em %1 (%2 não existe)</translation>
    </message>
    <message>
        <source>%1 is a directory: give the backup file&apos;s name</source>
        <translation>%1 é um diretório: informe o nome do arquivo da cópia de segurança</translation>
    </message>
    <message>
        <source>the directory %1 does not exist</source>
        <translation>o diretório %1 não existe</translation>
    </message>
    <message>
        <source>%1 is the history itself; write the backup somewhere else</source>
        <translation>%1 é o próprio histórico; grave a cópia de segurança em outro lugar</translation>
    </message>
    <message>
        <source>cannot create a file in %1: %2</source>
        <translation>não foi possível criar um arquivo em %1: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>não foi possível abrir %1: %2</translation>
    </message>
    <message>
        <source>cannot copy %1: %2</source>
        <translation>não foi possível copiar %1: %2</translation>
    </message>
    <message>
        <source>%1 was created by this backup and could not be given to the owner of %2 (%3); remove it while no server runs</source>
        <translation>%1 foi criado por esta cópia de segurança e não pôde ser passado ao dono de %2 (%3); remova-o enquanto nenhum servidor estiver rodando</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>cannot open the copy %1: %2</source>
        <translation>não foi possível abrir a cópia %1: %2</translation>
    </message>
    <message>
        <source>cannot check the copy: %1</source>
        <translation>não foi possível verificar a cópia: %1</translation>
    </message>
    <message>
        <source>the copy is damaged (integrity check: %1); the history may be too</source>
        <translation>a cópia está danificada (verificação de integridade: %1); o histórico também pode estar</translation>
    </message>
    <message>
        <source>cannot read the copy: %1</source>
        <translation>não foi possível ler a cópia: %1</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2: %3</source>
        <translation>não foi possível renomear %1 para %2: %3</translation>
    </message>
</context>
<context>
    <name>Tagarela::InputCommand</name>
    <message>
        <source>Usage: /me ACTION</source>
        <translation>Uso: /me AÇÃO</translation>
    </message>
    <message>
        <source>Usage: /nick NEWNAME</source>
        <translation>Uso: /nick NOVO_NOME</translation>
    </message>
    <message>
        <source>Unknown command %1. Type /help for the commands.</source>
        <translation>Comando desconhecido: %1. Digite /help para ver os comandos.</translation>
    </message>
    <message>
        <source>Type a message and press Enter to send it to everyone. Commands:</source>
        <translation>Digite uma mensagem e tecle Enter para enviá-la a todos. Comandos:</translation>
    </message>
    <message>
        <source>/me ACTION — say what you are doing</source>
        <translation>/me AÇÃO — diz o que você está fazendo</translation>
    </message>
    <message>
        <source>/nick NAME — change your nickname</source>
        <translation>/nick NOME — troca o seu apelido</translation>
    </message>
    <message>
        <source>/who — list who is here</source>
        <translation>/who — mostra quem está aqui</translation>
    </message>
    <message>
        <source>/clear — clear the messages in this window</source>
        <translation>/clear — limpa as mensagens desta janela</translation>
    </message>
    <message>
        <source>/help — show this list</source>
        <translation>/help — mostra esta lista</translation>
    </message>
    <message>
        <source>/quit [REASON] — leave</source>
        <translation>/quit [MOTIVO] — sai do bate-papo</translation>
    </message>
    <message>
        <source>//text — send a message that starts with /</source>
        <translation>//text — envia uma mensagem que começa com /</translation>
    </message>
    <message>
        <source>Usage: /msg NICK TEXT</source>
        <translation>Uso: /msg APELIDO TEXTO</translation>
    </message>
    <message>
        <source>/msg NICK TEXT — send TEXT to NICK alone, in a conversation of its own</source>
        <translation>/msg APELIDO TEXTO — envia TEXTO só para APELIDO, numa conversa à parte</translation>
    </message>
</context>
<context>
    <name>Tagarela::Listener</name>
    <message>
        <source>Too many TLS handshakes in progress (%1 from %2); refusing a new one</source>
        <translation>Handshakes TLS demais em andamento (%1 de %2); recusando um novo</translation>
    </message>
    <message>
        <source>Closing the slowest TLS handshake, with %1, to make room</source>
        <translation>Fechando o handshake TLS mais lento, com %1, para abrir espaço</translation>
    </message>
    <message>
        <source>TLS handshake with %1 did not finish in time</source>
        <translation>O handshake TLS com %1 não terminou a tempo</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>O handshake TLS com %1 falhou: %2</translation>
    </message>
    <message>
        <source>this build of Qt cannot do TLS (its OpenSSL backend or libssl3 is missing)</source>
        <translation>esta instalação do Qt não tem TLS (falta o backend OpenSSL dele ou a libssl3)</translation>
    </message>
    <message>
        <source>cannot read the TLS certificate %1: %2</source>
        <translation>não foi possível ler o certificado TLS %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 não contém nenhum certificado PEM</translation>
    </message>
    <message>
        <source>cannot read the TLS key %1: %2</source>
        <translation>não foi possível ler a chave TLS %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no private key that can be read (PEM, RSA, EC or DSA, without a passphrase)</source>
        <translation>%1 não contém nenhuma chave privada legível (PEM, RSA, EC ou DSA, sem frase-senha)</translation>
    </message>
    <message>
        <source>The TLS certificate %1 expired on %2; clients that check it will refuse it</source>
        <translation>O certificado TLS %1 expirou em %2; os clientes que o verificam vão recusá-lo</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot create a socket</source>
        <translation>não foi possível criar um socket</translation>
    </message>
    <message>
        <source>cannot set SO_REUSEPORT</source>
        <translation>não foi possível ativar SO_REUSEPORT</translation>
    </message>
    <message>
        <source>cannot set IPV6_V6ONLY</source>
        <translation>não foi possível ajustar IPV6_V6ONLY</translation>
    </message>
    <message>
        <source>cannot bind</source>
        <translation>não foi possível ocupar o endereço</translation>
    </message>
    <message>
        <source>cannot listen</source>
        <translation>não foi possível escutar</translation>
    </message>
</context>
<context>
    <name>Tagarela::MessageModel</name>
    <message>
        <source>Tagarela chat log</source>
        <translation>Histórico de conversa do Tagarela</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 entrou</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 saiu</translation>
    </message>
    <message>
        <source>%1 left (%2)</source>
        <translation>%1 saiu (%2)</translation>
    </message>
    <message>
        <source>%1 is now known as %2</source>
        <translation>%1 agora se chama %2</translation>
    </message>
    <message>
        <source>-%1- %2</source>
        <extracomment>A notice typed by the host (the person running the server): -host- text</extracomment>
        <translation>-%1- %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erro: %1</translation>
    </message>
    <message>
        <source>host</source>
        <translation>anfitrião</translation>
    </message>
    <message>
        <source>— %1 —</source>
        <extracomment>A day&apos;s line in a saved chat log: &quot;— Monday, 30 November 2026 —&quot;
----------
A divider across the chat log, such as &quot;— 12 messages while you were away —&quot;</extracomment>
        <translation>— %1 —</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>não enviada</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>não enviada: %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>A time stamp&apos;s tooltip: the long date, then the time (&quot;Monday, 30 November 2026, 14:03:22&quot;)</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>Tagarela::MessageView</name>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Open Link</source>
        <translation>&amp;Abrir link</translation>
    </message>
    <message>
        <source>Copy Link &amp;Address</source>
        <translation>Copiar &amp;endereço do link</translation>
    </message>
    <message>
        <source>Copy &amp;Text</source>
        <translation>Copiar &amp;texto</translation>
    </message>
</context>
<context>
    <name>Tagarela::NewMessageCounter</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n mensagem nova</numerusform>
            <numerusform>%n mensagens novas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ↓</source>
        <extracomment>The button over the log that jumps to the latest: &quot;3 new messages ↓&quot;</extracomment>
        <translation>%1 ↓</translation>
    </message>
    <message>
        <source>%1, %2 ↓</source>
        <extracomment>&quot;3 new messages, 1 mention ↓&quot;</extracomment>
        <translation>%1, %2 ↓</translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n menção</numerusform>
            <numerusform>%n menções</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::NewMessagesButton</name>
    <message>
        <source>Go to the latest messages</source>
        <translation>Ir para as mensagens mais recentes</translation>
    </message>
</context>
<context>
    <name>Tagarela::NickMenu</name>
    <message>
        <source>&amp;Private Message</source>
        <translation>Mensagem &amp;privada</translation>
    </message>
    <message>
        <source>&amp;Mention</source>
        <translation>&amp;Mencionar</translation>
    </message>
    <message>
        <source>&amp;Copy Name</source>
        <translation>&amp;Copiar nome</translation>
    </message>
    <message>
        <source>&amp;Unignore</source>
        <translation>&amp;Deixar de ignorar</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ignorar</translation>
    </message>
</context>
<context>
    <name>Tagarela::Notifier</name>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 mencionou você</translation>
    </message>
    <message>
        <source>%1 wrote</source>
        <translation>%1 escreveu</translation>
    </message>
    <message>
        <source>%1 wrote to you</source>
        <translation>%1 escreveu para você</translation>
    </message>
</context>
<context>
    <name>Tagarela::Outbox</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>Não foi possível remover %1.</translation>
    </message>
    <message>
        <source>Could not create the folder for %1.</source>
        <translation>Não foi possível criar a pasta de %1.</translation>
    </message>
</context>
<context>
    <name>Tagarela::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Tamanho da fonte</translation>
    </message>
    <message>
        <source>As usual in my language (%1)</source>
        <translation>Como é costume no meu idioma (%1)</translation>
    </message>
    <message>
        <source>24-hour (%1)</source>
        <translation>24 horas (%1)</translation>
    </message>
    <message>
        <source>12-hour (%1)</source>
        <translation>12 horas (%1)</translation>
    </message>
    <message>
        <source>Show s&amp;econds</source>
        <translation>Mostrar s&amp;egundos</translation>
    </message>
    <message>
        <source>As the desktop</source>
        <translation>Como a área de trabalho</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>e.g. pizza, release, Ana Maria</source>
        <translation>ex.: pizza, lançamento, Ana Maria</translation>
    </message>
    <message>
        <source>Messages with any of these words (separated by commas) count as mentioning you, like your nickname.</source>
        <translation>Mensagens com qualquer uma destas palavras (separadas por vírgulas) contam como menções a você, como o seu apelido.</translation>
    </message>
    <message>
        <source>When I am mentioned</source>
        <translation>Quando for mencionado</translation>
    </message>
    <message>
        <source>For every message</source>
        <translation>A cada mensagem</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Closing the window &amp;keeps Tagarela in the tray</source>
        <translation>Fechar a janela &amp;mantém o Tagarela na bandeja</translation>
    </message>
    <message>
        <source>This desktop shows no tray at the moment.</source>
        <translation>Esta área de trabalho não mostra uma bandeja no momento.</translation>
    </message>
    <message>
        <source>Looks</source>
        <translation>Aparência</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>&amp;Fonte:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Hora:</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificações</translation>
    </message>
    <message>
        <source>&amp;Highlight words:</source>
        <translation>Pa&amp;lavras de destaque:</translation>
    </message>
    <message>
        <source>&amp;Notify me:</source>
        <translation>&amp;Notificar-me:</translation>
    </message>
    <message>
        <source>The&amp;me:</source>
        <translation>&amp;Tema:</translation>
    </message>
</context>
<context>
    <name>Tagarela::RedisAddress</name>
    <message>
        <source>The Redis address is empty: give redis://HOST[:PORT][/DB] or unix:/PATH/redis.sock.</source>
        <translation>O endereço do Redis está vazio: informe redis://HOST[:PORTA][/BD] ou unix:/CAMINHO/redis.sock.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: after the socket&apos;s path only ?db=N may follow, with N a database number.</source>
        <translation>&quot;%1&quot;: depois do caminho do socket só pode vir ?db=N, sendo N o número de um banco de dados.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a unix socket needs an absolute path, as in unix:/run/redis/redis-server.sock.</source>
        <translation>&quot;%1&quot;: um socket unix precisa de um caminho absoluto, como em unix:/run/redis/redis-server.sock.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the socket&apos;s path is longer than the 107 bytes a unix socket&apos;s name may have.</source>
        <translation>&quot;%1&quot;: o caminho do socket é mais longo que os 107 bytes que o nome de um socket unix pode ter.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Redis address: give redis://HOST[:PORT][/DB] or unix:/PATH/redis.sock.</source>
        <translation>&quot;%1&quot; não é um endereço do Redis: informe redis://HOST[:PORTA][/BD] ou unix:/CAMINHO/redis.sock.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation>&quot;%1&quot; não é um endereço válido: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: do not put a user or password in the address; give the password in a file (--redis-password-file) or in TAGARELA_REDIS_PASSWORD.</source>
        <translation>&quot;%1&quot;: não ponha usuário nem senha no endereço; informe a senha num arquivo (--redis-password-file) ou em TAGARELA_REDIS_PASSWORD.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no host: give redis://HOST[:PORT][/DB].</source>
        <translation>&quot;%1&quot; não indica nenhum host: informe redis://HOST[:PORTA][/BD].</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a Redis address has no ?query or #fragment.</source>
        <translation>&quot;%1&quot;: um endereço do Redis não tem ?consulta nem #fragmento.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the port must be between 1 and 65535.</source>
        <translation>&quot;%1&quot;: a porta deve estar entre 1 e 65535.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the port after the colon is missing.</source>
        <translation>&quot;%1&quot;: falta a porta depois dos dois-pontos.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: after the host only /DB may follow, with DB a database number (0 by default).</source>
        <translation>&quot;%1&quot;: depois do host só pode vir /BD, sendo BD o número de um banco de dados (0 por padrão).</translation>
    </message>
</context>
<context>
    <name>Tagarela::RedisRoomEngine</name>
    <message>
        <source>Redis lost the room: a new history begins (%1). Messages stored before are gone.</source>
        <translation>O Redis perdeu a sala: um novo histórico começa (%1). As mensagens guardadas antes se perderam.</translation>
    </message>
    <message>
        <source>Lost the connection to Redis at %1 (%2): messages are not stored and their senders are told so until it is back</source>
        <translation>A conexão com o Redis em %1 caiu (%2): as mensagens não são guardadas, e quem as envia é avisado, até ela voltar</translation>
    </message>
    <message>
        <source>Cannot reach Redis at %1 (%2); trying again</source>
        <translation>Não foi possível alcançar o Redis em %1 (%2); tentando de novo</translation>
    </message>
    <message>
        <source>Connected to Redis at %1 again</source>
        <translation>Conectado de novo ao Redis em %1</translation>
    </message>
    <message>
        <source>--redis: %1</source>
        <translation>--redis: %1</translation>
    </message>
    <message numerus="yes">
        <source>Redis at %1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>O Redis em %1 não respondeu em %n segundo</numerusform>
            <numerusform>O Redis em %1 não respondeu em %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>Redis writes every message to disk before it is acknowledged (appendonly yes, appendfsync always)</source>
        <translation>O Redis grava cada mensagem no disco antes de confirmá-la (appendonly yes, appendfsync always)</translation>
    </message>
    <message>
        <source>WARNING: Redis at %1 runs with appendonly %2 and appendfsync %3: if Redis or its machine crashes, messages that were acknowledged can be LOST. Set &quot;appendonly yes&quot; and &quot;appendfsync always&quot; in redis.conf.</source>
        <translation>ATENÇÃO: o Redis em %1 roda com appendonly %2 e appendfsync %3: se o Redis ou a sua máquina cair, mensagens já confirmadas podem se PERDER. Configure &quot;appendonly yes&quot; e &quot;appendfsync always&quot; no redis.conf.</translation>
    </message>
    <message>
        <source>WARNING: the durability of Redis at %1 is UNKNOWN (CONFIG GET was refused: %2): acknowledged messages may be lost in a crash unless Redis runs with &quot;appendonly yes&quot; and &quot;appendfsync always&quot;.</source>
        <translation>ATENÇÃO: a durabilidade do Redis em %1 é DESCONHECIDA (CONFIG GET foi recusado: %2): mensagens confirmadas podem se perder numa queda, a menos que o Redis rode com &quot;appendonly yes&quot; e &quot;appendfsync always&quot;.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sem resposta</translation>
    </message>
    <message>
        <source>Redis answered for %1 of %2 messages</source>
        <translation>O Redis respondeu por %1 de %2 mensagens</translation>
    </message>
    <message>
        <source>Redis at %1: %2</source>
        <translation>Redis em %1: %2</translation>
    </message>
    <message>
        <source>Could not hand the command to the other servers: %1</source>
        <translation>Não foi possível passar o comando aos outros servidores: %1</translation>
    </message>
    <message>
        <source>Could not read who is on the other servers from Redis at %1: %2</source>
        <translation>Não foi possível ler do Redis em %1 quem está nos outros servidores: %2</translation>
    </message>
    <message>
        <source>Could not tell the other servers of a join, leave or rename: %1</source>
        <translation>Não foi possível avisar os outros servidores de uma entrada, saída ou troca de apelido: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server %1 sharing the room stopped answering: announcing its %n user(s) left</source>
        <translation>
            <numerusform>O servidor %1, que compartilha a sala, parou de responder: anunciando a saída do seu %n usuário</numerusform>
            <numerusform>O servidor %1, que compartilha a sala, parou de responder: anunciando a saída dos seus %n usuários</numerusform>
        </translation>
    </message>
    <message>
        <source>the server was lost</source>
        <translation>o servidor caiu</translation>
    </message>
    <message>
        <source>Could not read the history from Redis at %1: %2</source>
        <translation>Não foi possível ler o histórico do Redis em %1: %2</translation>
    </message>
    <message>
        <source>Could not claim the nickname %1 in Redis at %2 (%3): it is taken on this server only</source>
        <translation>Não foi possível reservar o apelido %1 no Redis em %2 (%3): ele fica reservado só neste servidor</translation>
    </message>
</context>
<context>
    <name>Tagarela::SearchDialog</name>
    <message>
        <source>&amp;Older Results</source>
        <translation>Resultados mais &amp;antigos</translation>
    </message>
    <message>
        <source>Search the Whole History</source>
        <translation>Pesquisar em todo o histórico</translation>
    </message>
    <message>
        <source>Words to look for in everything the server keeps</source>
        <translation>Palavras a procurar em tudo o que o servidor guarda</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados da pesquisa</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Procurar:</translation>
    </message>
    <message>
        <source>This server cannot search.</source>
        <translation>Este servidor não faz pesquisas.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Sem conexão.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Pesquisando…</translation>
    </message>
    <message>
        <source>(private, %1 → %2) </source>
        <translation>(privada, %1 → %2) </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nada encontrado.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found. Press Enter on one to see it in the log.</source>
        <translation>
            <numerusform>%n mensagem encontrada. Tecle Enter sobre ela para vê-la no histórico.</numerusform>
            <numerusform>%n mensagens encontradas. Tecle Enter sobre uma delas para vê-la no histórico.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::ServerAddressList</name>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>Digite o nome ou o endereço do servidor.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write the host name alone, without a scheme such as tcp://.</source>
        <translation>&quot;%1&quot;: escreva só o nome do servidor, sem um esquema como tcp://.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the ] that ends the IPv6 address is missing.</source>
        <translation>&quot;%1&quot;: falta o ] que fecha o endereço IPv6.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: between [ and ] goes an IPv6 address.</source>
        <translation>&quot;%1&quot;: entre [ e ] vai um endereço IPv6.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: only a port, after a colon, may follow the ].</source>
        <translation>&quot;%1&quot;: depois do ] só pode vir uma porta, após dois-pontos.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv6 address (with a port, write it as [address]:port).</source>
        <translation>&quot;%1&quot; não é um endereço IPv6 (com porta, escreva [endereço]:porta).</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the host name is missing before the port.</source>
        <translation>&quot;%1&quot;: falta o nome do servidor antes da porta.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or address.</source>
        <translation>&quot;%1&quot; não é um nome nem um endereço de servidor.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the port must be a number from 1 to 65535.</source>
        <translation>&quot;%1&quot;: a porta deve ser um número de 1 a 65535.</translation>
    </message>
    <message numerus="yes">
        <source>Too many servers: at most %n.</source>
        <translation>
            <numerusform>Servidores demais: no máximo %n.</numerusform>
            <numerusform>Servidores demais: no máximo %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::ServerConsole</name>
    <message numerus="yes">
        <source>%n user(s) here; %1 connection(s) open.</source>
        <translation>
            <numerusform>Usuários aqui: %n; conexões abertas: %1.</numerusform>
            <numerusform>Usuários aqui: %n; conexões abertas: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: /kick NICK [REASON]</source>
        <translation>Uso: /kick APELIDO [MOTIVO]</translation>
    </message>
    <message>
        <source>Nobody here is called %1.</source>
        <translation>Ninguém aqui se chama %1.</translation>
    </message>
    <message>
        <source>Unknown command %1. Type /help for the commands.</source>
        <translation>Comando desconhecido: %1. Digite /help para ver os comandos.</translation>
    </message>
    <message>
        <source>Usage: /ban ADDRESS (or ADDRESS/PREFIX for a subnet)</source>
        <translation>Uso: /ban ENDEREÇO (ou ENDEREÇO/PREFIXO para uma sub-rede)</translation>
    </message>
    <message>
        <source>Usage: /unban ADDRESS (as /bans lists it)</source>
        <translation>Uso: /unban ENDEREÇO (como /bans o mostra)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address or subnet (such as 192.0.2.7 or 2001:db8::/48).</source>
        <translation>&quot;%1&quot; não é um endereço nem uma sub-rede IPv4 ou IPv6 (como 192.0.2.7 ou 2001:db8::/48).</translation>
    </message>
    <message numerus="yes">
        <source>Banned %1; %n connection(s) closed.</source>
        <translation>
            <numerusform>%1 banido; %n conexão encerrada.</numerusform>
            <numerusform>%1 banido; %n conexões encerradas.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is banned already.</source>
        <translation>%1 já está banido.</translation>
    </message>
    <message>
        <source>Lifted the ban on %1.</source>
        <translation>Banimento de %1 retirado.</translation>
    </message>
    <message>
        <source>%1 is not banned. /bans lists the bans.</source>
        <translation>%1 não está banido. /bans mostra os banimentos.</translation>
    </message>
    <message>
        <source>The ban list could not be saved (%1): the change lasts until the server stops.</source>
        <translation>Não foi possível salvar a lista de banimentos (%1): a mudança vale até o servidor parar.</translation>
    </message>
    <message>
        <source>Nobody is banned.</source>
        <translation>Ninguém está banido.</translation>
    </message>
    <message numerus="yes">
        <source>%n ban(s):</source>
        <translation>
            <numerusform>%n banimento:</numerusform>
            <numerusform>%n banimentos:</numerusform>
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
        <translation>Comandos:
  /who                      lista quem está conectado
  /say TEXTO                envia um aviso a todos (ou digite só o TEXTO)
  /kick APELIDO [MOTIVO]    desconecta alguém
  /ban ENDEREÇO[/BITS]      recusa um endereço ou uma sub-rede, também após reiniciar
  /unban ENDEREÇO[/BITS]    retira um banimento
  /bans                     mostra os banimentos
  /quit                     desliga o servidor</translation>
    </message>
    <message>
        <source>Banned %1.</source>
        <translation>%1 banido.</translation>
    </message>
</context>
<context>
    <name>Tagarela::ServerOptions</name>
    <message>
        <source>Output queued to all clients together, in MiB: past it, the clients with the most waiting are dropped as too slow readers; 0 for no limit (default: %1).</source>
        <translation>Saída enfileirada para todos os clientes juntos, em MiB: acima disso, os clientes com mais saída esperando são desconectados por lerem devagar demais; 0 para sem limite (padrão: %1).</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Most connections that have not joined yet (handshake, password, nickname), within --max-clients; when they are full, a newcomer takes the place of the one from the busiest address that waited longest; 0 for no limit of their own (default: %1).</source>
        <translation>Máximo de conexões que ainda não entraram (handshake, senha, apelido), dentro de --max-clients; quando estão todas ocupadas, quem chega toma o lugar da que esperou mais, do endereço com mais conexões; 0 para nenhum limite próprio (padrão: %1).</translation>
    </message>
    <message>
        <source>Address to listen on (default: every interface, IPv4 and IPv6).</source>
        <translation>Endereço em que escutar (padrão: todas as interfaces, IPv4 e IPv6).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>endereço</translation>
    </message>
    <message>
        <source>Server name shown to clients (default: the host name).</source>
        <translation>Nome do servidor mostrado aos clientes (padrão: o nome da máquina).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>Do not show chat traffic on the console; joins, leaves and errors are still shown.</source>
        <translation>Não mostra as mensagens da conversa no console; entradas, saídas e erros continuam aparecendo.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>TCP port to listen on (default: %1).</source>
        <translation>Porta TCP em que escutar (padrão: %1).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>porta</translation>
    </message>
    <message>
        <source>Most connections at once; 0 for no limit (default: %1).</source>
        <translation>Máximo de conexões simultâneas; 0 para não ter limite (padrão: %1).</translation>
    </message>
    <message>
        <source>Most connections from one address; 0 for no limit (default: %1). Behind a TCP tunnel every client has the tunnel&apos;s address.</source>
        <translation>Máximo de conexões de um mesmo endereço; 0 para não ter limite (padrão: %1). Atrás de um túnel TCP, todos os clientes têm o endereço do túnel.</translation>
    </message>
    <message>
        <source>Messages per second one client may send; 0 for no limit (default: %1).</source>
        <translation>Mensagens por segundo que um cliente pode enviar; 0 para não ter limite (padrão: %1).</translation>
    </message>
    <message>
        <source>Messages one client may send in a burst before --max-rate applies (default: %1).</source>
        <translation>Mensagens que um cliente pode enviar de uma vez antes que --max-rate se aplique (padrão: %1).</translation>
    </message>
    <message>
        <source>Largest frame a framed client may send (default: %1).</source>
        <translation>Maior quadro que um cliente com quadros pode enviar (padrão: %1).</translation>
    </message>
    <message>
        <source>Longest chat message in UTF-8 bytes (default: %1).</source>
        <translation>Tamanho máximo de uma mensagem da conversa, em bytes UTF-8 (padrão: %1).</translation>
    </message>
    <message>
        <source>Longest line a text client may send (default: %1).</source>
        <translation>Tamanho máximo de uma linha enviada por um cliente de texto (padrão: %1).</translation>
    </message>
    <message>
        <source>Output queued to one client before it is dropped as too slow a reader, in KiB; 0 for no limit (default: %1).</source>
        <translation>Saída acumulada para um cliente antes que ele seja desconectado por ler devagar demais, em KiB; 0 para não ter limite (padrão: %1).</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>Seconds a framed client has to finish its handshake (default: %1).</source>
        <translation>Segundos que um cliente com quadros tem para concluir o handshake (padrão: %1).</translation>
    </message>
    <message>
        <source>Seconds a text client has to choose a nickname (default: %1).</source>
        <translation>Segundos que um cliente de texto tem para escolher um apelido (padrão: %1).</translation>
    </message>
    <message>
        <source>Seconds between heartbeats to framed clients; 0 for none (default: %1).</source>
        <translation>Segundos entre os sinais de vida (heartbeats) enviados a clientes com quadros; 0 para nenhum (padrão: %1).</translation>
    </message>
    <message>
        <source>Seconds of silence after which a framed client is dropped (default: %1).</source>
        <translation>Segundos de silêncio depois dos quais um cliente com quadros é desconectado (padrão: %1).</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argumento inesperado: %1</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IPv4 or IPv6 address.</source>
        <translation>--bind: &quot;%1&quot; não é um endereço IPv4 ou IPv6.</translation>
    </message>
    <message>
        <source>--%1: expected a whole number from %2 to %3, got &quot;%4&quot;.</source>
        <translation>--%1: era esperado um número inteiro de %2 a %3, mas veio &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>--heartbeat-timeout must be longer than --heartbeat.</source>
        <translation>--heartbeat-timeout precisa ser maior que --heartbeat.</translation>
    </message>
    <message>
        <source>--max-frame must leave room for --max-text (at least --max-text + 64).</source>
        <translation>--max-frame precisa deixar espaço para --max-text (no mínimo --max-text + 64).</translation>
    </message>
    <message>
        <source>Tagarela chat server. Every message a client sends reaches every connected client. Framed clients and text clients (telnet, nc) share one port.
Console commands: /who, /say TEXT, /kick NICK [REASON], /ban ADDRESS, /unban ADDRESS, /bans, /quit, /help.</source>
        <translation>Servidor de bate-papo Tagarela. Toda mensagem que um cliente envia chega a todos os clientes conectados. Clientes com quadros e clientes de texto (telnet, nc) usam a mesma porta.
Comandos do console: /who, /say TEXTO, /kick APELIDO [MOTIVO], /ban ENDEREÇO, /unban ENDEREÇO, /bans, /quit, /help.</translation>
    </message>
    <message>
        <source>Directory for the message history and the bans (default: %1).</source>
        <translation>Diretório do histórico de mensagens e dos banimentos (padrão: %1).</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>diretório</translation>
    </message>
    <message>
        <source>Keep no message history: nothing said is written to disk.</source>
        <translation>Não manter histórico de mensagens: nada do que é dito é gravado em disco.</translation>
    </message>
    <message>
        <source>PEM certificate file: accept TLS connections on the same port (needs --tls-key).</source>
        <translation>Arquivo de certificado PEM: aceita conexões TLS na mesma porta (exige --tls-key).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>arquivo</translation>
    </message>
    <message>
        <source>PEM private key file for --tls-cert.</source>
        <translation>Arquivo da chave privada PEM de --tls-cert.</translation>
    </message>
    <message>
        <source>Refuse connections that are not encrypted (needs --tls-cert).</source>
        <translation>Recusar conexões sem criptografia (exige --tls-cert).</translation>
    </message>
    <message>
        <source>File whose first line is the password clients must give. The %1 environment variable works too; a password is never taken from the command line.</source>
        <translation>Arquivo cuja primeira linha é a senha que os clientes precisam informar. A variável de ambiente %1 também serve; a senha nunca é aceita na linha de comando.</translation>
    </message>
    <message>
        <source>Most messages kept in the history; older ones are deleted (default: %1).</source>
        <translation>Máximo de mensagens mantidas no histórico; as mais antigas são apagadas (padrão: %1).</translation>
    </message>
    <message>
        <source>Seconds a dropped user&apos;s nickname is kept for them to reconnect (default: %1).</source>
        <translation>Segundos durante os quais o apelido de um usuário que caiu fica reservado para ele se reconectar (padrão: %1).</translation>
    </message>
    <message>
        <source>--data-dir: the directory must not be empty.</source>
        <translation>--data-dir: o diretório não pode ser vazio.</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert e --tls-key precisam ser usados juntos.</translation>
    </message>
    <message>
        <source>--require-tls needs --tls-cert and --tls-key.</source>
        <translation>--require-tls exige --tls-cert e --tls-key.</translation>
    </message>
    <message>
        <source>--password-file: cannot read %1: %2</source>
        <translation>--password-file: não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>--password-file: the first line of %1 is empty.</source>
        <translation>--password-file: a primeira linha de %1 está vazia.</translation>
    </message>
    <message>
        <source>Copy the history of the data directory to file, consistent and checked, while a server may be running on it; then exit.</source>
        <translation>Copia o histórico do diretório de dados para o arquivo, consistente e verificado, mesmo com um servidor rodando nele; depois sai.</translation>
    </message>
    <message>
        <source>--backup: the file name must not be empty.</source>
        <translation>--backup: o nome do arquivo não pode ser vazio.</translation>
    </message>
    <message>
        <source>Let other servers started with --reuse-port listen on the same port of this host (SO_REUSEPORT): the system spreads new connections among them. Without a shared engine, each server is a room of its own.</source>
        <translation>Permite que outros servidores iniciados com --reuse-port escutem na mesma porta deste computador (SO_REUSEPORT): o sistema distribui as novas conexões entre eles. Sem um mecanismo compartilhado, cada servidor é uma sala própria.</translation>
    </message>
    <message>
        <source>Share the room with every server on the same Redis: redis://HOST[:PORT][/DB] or unix:/PATH/redis.sock. The history is kept there instead of the data directory (docs/SCALING.md).</source>
        <translation>Compartilhar a sala com todos os servidores no mesmo Redis: redis://HOST[:PORTA][/BANCO] ou unix:/CAMINHO/redis.sock. O histórico fica lá em vez de no diretório de dados (docs/SCALING.md).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>File whose first line is the password for Redis (AUTH). The %1 environment variable works too; a password is never taken from the command line.</source>
        <translation>Arquivo cuja primeira linha é a senha do Redis (AUTH). A variável de ambiente %1 também serve; uma senha nunca é aceita na linha de comando.</translation>
    </message>
    <message>
        <source>--%1: a password is never taken from the command line, where other users of this machine can read it. Use --%1-file or the %2 environment variable.</source>
        <translation>--%1: uma senha nunca é aceita na linha de comando, onde outros usuários desta máquina podem lê-la. Use --%1-file ou a variável de ambiente %2.</translation>
    </message>
    <message>
        <source>--redis: %1</source>
        <translation>--redis: %1</translation>
    </message>
    <message>
        <source>--redis-password-file: cannot read %1: %2</source>
        <translation>--redis-password-file: não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>--redis-password-file: the first line of %1 is empty.</source>
        <translation>--redis-password-file: a primeira linha de %1 está vazia.</translation>
    </message>
    <message>
        <source>--redis-password-file needs --redis.</source>
        <translation>--redis-password-file precisa de --redis.</translation>
    </message>
</context>
<context>
    <name>Tagarela::SqliteHistoryDatabase</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation>não foi possível criar o diretório %1</translation>
    </message>
    <message>
        <source>%1 is in use by another server (process %2 on %3)</source>
        <translation>%1 está em uso por outro servidor (processo %2 em %3)</translation>
    </message>
    <message>
        <source>cannot create the lock file in %1</source>
        <translation>não foi possível criar o arquivo de trava em %1</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>não foi possível abrir %1</translation>
    </message>
    <message>
        <source>cannot set the journal mode</source>
        <translation>não foi possível definir o modo de journal</translation>
    </message>
    <message>
        <source>The history database %1 is not in WAL mode (%2); it is slower.</source>
        <translation>O banco de dados do histórico %1 não está no modo WAL (%2); fica mais lento.</translation>
    </message>
    <message>
        <source>cannot read the meta table</source>
        <translation>não foi possível ler a tabela meta</translation>
    </message>
    <message>
        <source>cannot read the messages table</source>
        <translation>não foi possível ler a tabela de mensagens</translation>
    </message>
    <message>
        <source>The history database %1 was replaced by another one; this server keeps numbering its messages as before until it restarts.</source>
        <translation>O banco de dados do histórico %1 foi substituído por outro; este servidor continua numerando as mensagens como antes até ser reiniciado.</translation>
    </message>
    <message>
        <source>cannot write the meta table</source>
        <translation>não foi possível gravar a tabela meta</translation>
    </message>
    <message>
        <source>cannot prepare the statements</source>
        <translation>não foi possível preparar os comandos SQL</translation>
    </message>
    <message>
        <source>The history database %1: %2</source>
        <translation>Banco de dados do histórico %1: %2</translation>
    </message>
    <message>
        <source>The history database %1 was removed or replaced; creating it again.</source>
        <translation>O banco de dados do histórico %1 foi removido ou substituído; criando-o de novo.</translation>
    </message>
    <message>
        <source>cannot store a message</source>
        <translation>não foi possível guardar uma mensagem</translation>
    </message>
    <message>
        <source>cannot delete old messages</source>
        <translation>não foi possível apagar mensagens antigas</translation>
    </message>
    <message>
        <source>cannot store the message counter</source>
        <translation>não foi possível guardar o contador de mensagens</translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation>não foi possível confirmar a transação</translation>
    </message>
    <message>
        <source>Cannot read the history from %1: %2</source>
        <translation>Não foi possível ler o histórico de %1: %2</translation>
    </message>
    <message>
        <source>Updating the history database %1 for private messages</source>
        <translation>Atualizando o banco de dados do histórico %1 para mensagens privadas</translation>
    </message>
    <message>
        <source>cannot read the schema</source>
        <translation>não foi possível ler o esquema</translation>
    </message>
    <message>
        <source>cannot create the search index (this SQLite library may lack FTS5, which Debian&apos;s libsqlite3 has)</source>
        <translation>não foi possível criar o índice de pesquisa (talvez esta biblioteca SQLite não tenha FTS5, que a libsqlite3 do Debian tem)</translation>
    </message>
    <message>
        <source>Building the search index of %1</source>
        <translation>Construindo o índice de pesquisa de %1</translation>
    </message>
    <message>
        <source>Cannot search the history in %1: %2</source>
        <translation>Não foi possível pesquisar o histórico em %1: %2</translation>
    </message>
    <message>
        <source>not an SQLite connection</source>
        <translation>não é uma conexão SQLite</translation>
    </message>
    <message>
        <source>cannot begin a transaction</source>
        <translation>não foi possível iniciar a transação</translation>
    </message>
    <message>
        <source>it was written by a newer Tagarela (history schema %1; this server knows schema %2 and older): run the newer server, or restore a backup made for this one</source>
        <translation>foi escrito por um Tagarela mais novo (esquema de histórico %1; este servidor conhece o esquema %2 e anteriores): execute o servidor mais novo ou restaure um backup feito para este</translation>
    </message>
    <message>
        <source>Cannot update the search index of %1: %2</source>
        <translation>Não foi possível atualizar o índice de busca de %1: %2</translation>
    </message>
    <message>
        <source>cannot update the search index</source>
        <translation>não foi possível atualizar o índice de busca</translation>
    </message>
    <message>
        <source>cannot read the history</source>
        <translation>não foi possível ler o histórico</translation>
    </message>
    <message>
        <source>cannot read the page size</source>
        <translation>não foi possível ler o tamanho da página</translation>
    </message>
    <message>
        <source>Cannot checkpoint the history database %1: %2</source>
        <translation>Não foi possível fazer o checkpoint do banco de dados do histórico %1: %2</translation>
    </message>
</context>
<context>
    <name>Tagarela::TextFormat</name>
    <message>
        <source>%1 joined</source>
        <translation>%1 entrou</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 saiu</translation>
    </message>
    <message>
        <source>%1 left (%2)</source>
        <translation>%1 saiu (%2)</translation>
    </message>
    <message>
        <source>%1 is now known as %2</source>
        <translation>%1 agora se chama %2</translation>
    </message>
    <message>
        <source>Nobody is here yet.</source>
        <translation>Ainda não há ninguém aqui.</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) here: %1</source>
        <translation>
            <numerusform>%n usuário aqui: %1</numerusform>
            <numerusform>%n usuários aqui: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) here.</source>
        <translation>
            <numerusform>%n usuário aqui.</numerusform>
            <numerusform>%n usuários aqui.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::ThreadedHistoryStore</name>
    <message numerus="yes">
        <source>The history&apos;s disk did not answer within %n second(s); stopping without waiting for it.</source>
        <translation>
            <numerusform>O disco do histórico não respondeu em %n segundo; parando sem esperar por ele.</numerusform>
            <numerusform>O disco do histórico não respondeu em %n segundos; parando sem esperar por ele.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagarela::TrayIcon</name>
    <message>
        <source>&amp;Show Tagarela</source>
        <translation>&amp;Mostrar o Tagarela</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>&amp;Hide Tagarela</source>
        <translation>&amp;Ocultar o Tagarela</translation>
    </message>
</context>
<context>
    <name>Tagarela::UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (você)</translation>
    </message>
    <message>
        <source>%1 (ignored)</source>
        <translation>%1 (ignorado)</translation>
    </message>
</context>
<context>
    <name>Tagarela::Validation</name>
    <message>
        <source>The nickname is empty.</source>
        <translation>O apelido está vazio.</translation>
    </message>
    <message numerus="yes">
        <source>The nickname is longer than %n character(s).</source>
        <translation>
            <numerusform>O apelido tem mais de %n caractere.</numerusform>
            <numerusform>O apelido tem mais de %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>A nickname may only hold letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;.</source>
        <translation>Um apelido só pode ter letras, algarismos, &apos;_&apos;, &apos;-&apos; e &apos;.&apos;.</translation>
    </message>
    <message>
        <source>A nickname must start with a letter, a digit or &apos;_&apos;.</source>
        <translation>Um apelido precisa começar com uma letra, um algarismo ou &apos;_&apos;.</translation>
    </message>
    <message>
        <source>A nickname may not hold invisible characters (zero-width spaces and joiners, fillers, variation selectors, a mark repeated on one letter).</source>
        <translation>Um apelido não pode ter caracteres invisíveis (espaços e junções de largura zero, preenchimentos, seletores de variação, um acento repetido na mesma letra).</translation>
    </message>
    <message>
        <source>A nickname may not hold characters that change the direction of text.</source>
        <translation>Um apelido não pode ter caracteres que mudam a direção do texto.</translation>
    </message>
    <message>
        <source>A nickname may not use full-width, styled, superscript or other look-alike forms of letters and digits: type plain ones.</source>
        <translation>Um apelido não pode usar formas de largura total, estilizadas, sobrescritas ou outras imitações de letras e algarismos: digite as formas comuns.</translation>
    </message>
    <message>
        <source>A nickname may not mix letters of different scripts, such as Latin and Cyrillic, or digits of different kinds.</source>
        <translation>Um apelido não pode misturar letras de escritas diferentes, como a latina e a cirílica, nem algarismos de tipos diferentes.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>A mensagem está vazia.</translation>
    </message>
    <message numerus="yes">
        <source>The message is longer than %n byte(s).</source>
        <translation>
            <numerusform>A mensagem tem mais de %n byte.</numerusform>
            <numerusform>A mensagem tem mais de %n bytes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The message holds a control character.</source>
        <translation>A mensagem contém um caractere de controle.</translation>
    </message>
    <message>
        <source>The message is not valid Unicode text.</source>
        <translation>A mensagem não é um texto Unicode válido.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Try --help.</source>
        <translation>Experimente --help.</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>não foi possível escutar em %1, porta %2: %3</translation>
    </message>
    <message>
        <source>Tagarela server %1 listening on %2 port %3. Type /help for console commands.</source>
        <translation>Servidor Tagarela %1 escutando em %2, porta %3. Digite /help para ver os comandos do console.</translation>
    </message>
    <message>
        <source>every interface</source>
        <translation>todas as interfaces</translation>
    </message>
    <message>
        <source>Tagarela chat client. Without options it asks where to connect.</source>
        <translation>Cliente de bate-papo Tagarela. Sem opções, pergunta onde se conectar.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>servidor</translation>
    </message>
    <message>
        <source>Server port (default: 3000).</source>
        <translation>Porta do servidor (padrão: 3000).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>porta</translation>
    </message>
    <message>
        <source>Your nickname.</source>
        <translation>Seu apelido.</translation>
    </message>
    <message>
        <source>nickname</source>
        <translation>apelido</translation>
    </message>
    <message>
        <source>Language of the program, e.g. pt_BR or en.</source>
        <translation>Idioma do programa, por exemplo pt_BR ou en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>--port: expected a number from 1 to 65535.</source>
        <translation>--port: era esperado um número de 1 a 65535.</translation>
    </message>
    <message>
        <source>Messages kept in the window; older ones are dropped (default: %1).</source>
        <translation>Mensagens mantidas na janela; as mais antigas são descartadas (padrão: %1).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>quantidade</translation>
    </message>
    <message>
        <source>--scrollback: expected a number of at least 100.</source>
        <translation>--scrollback: era esperado um número de no mínimo 100.</translation>
    </message>
    <message>
        <source>Connect with TLS (an encrypted connection).</source>
        <translation>Conectar com TLS (uma conexão criptografada).</translation>
    </message>
    <message>
        <source>cannot open the history: %1</source>
        <translation>não foi possível abrir o histórico: %1</translation>
    </message>
    <message>
        <source>The file descriptor limit %1 is lower than --max-clients; raise it with ulimit -n</source>
        <translation>O limite de descritores de arquivo (%1) é menor que --max-clients; aumente-o com ulimit -n</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Servidor parado</translation>
    </message>
    <message>
        <source>backup failed: %1</source>
        <translation>a cópia de segurança falhou: %1</translation>
    </message>
    <message numerus="yes">
        <source>Backed up %n message(s), the newest #%1, to %2 (%3 bytes); integrity check ok.
</source>
        <translation>
            <numerusform>Copiada %n mensagem, a mais recente #%1, para %2 (%3 bytes); verificação de integridade ok.
</numerusform>
            <numerusform>Copiadas %n mensagens, a mais recente #%1, para %2 (%3 bytes); verificação de integridade ok.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Server to connect to: host or host:port, or several servers of one room separated by commas, tried in turn (&quot;host1:3000, host2:3000&quot;; IPv6 as [::1]:3000).</source>
        <translation>Servidor ao qual se conectar: servidor ou servidor:porta, ou vários servidores de uma mesma sala separados por vírgulas, tentados em ordem (&quot;host1:3000, host2:3000&quot;; IPv6 como [::1]:3000).</translation>
    </message>
    <message>
        <source>--host: %1</source>
        <translation>--host: %1</translation>
    </message>
</context>
</TS>
