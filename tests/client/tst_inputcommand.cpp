// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QString>
#include <QTest>

#include "inputcommand.h"
#include "validation.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

class TestInputCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errors();
    void helpListsEveryCommand();
};

void TestInputCommand::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<bool>("hasError");

    using C = InputCommand;
    QTest::newRow("text") << u"hello there"_s << int(C::Say) << u"hello there"_s << false;
    QTest::newRow("text kept as typed") << u"  hi  "_s << int(C::Say) << u"  hi  "_s << false;
    QTest::newRow("multi-line text") << u"a\n/b"_s << int(C::Say) << u"a\n/b"_s << false;
    QTest::newRow("leading space before slash") << u" /who"_s << int(C::Say) << u" /who"_s << false;
    QTest::newRow("escaped slash") << u"//shrug"_s << int(C::Say) << u"/shrug"_s << false;
    QTest::newRow("escaped command") << u"//me too"_s << int(C::Say) << u"/me too"_s << false;
    QTest::newRow("me") << u"/me waves"_s << int(C::Action) << u"waves"_s << false;
    QTest::newRow("me trimmed") << u"/me   waves  "_s << int(C::Action) << u"waves"_s << false;
    QTest::newRow("me upper case") << u"/ME waves"_s << int(C::Action) << u"waves"_s << false;
    QTest::newRow("me multi-line") << u"/me a\nb"_s << int(C::Action) << u"a\nb"_s << false;
    QTest::newRow("me without action") << u"/me"_s << int(C::Invalid) << QString() << true;
    QTest::newRow("me with blanks") << u"/me   "_s << int(C::Invalid) << QString() << true;
    QTest::newRow("me glued") << u"/mewaves"_s << int(C::Unknown) << u"/mewaves"_s << true;
    QTest::newRow("nick") << u"/nick ana"_s << int(C::Nick) << u"ana"_s << false;
    QTest::newRow("nick unicode") << u"/Nick João"_s << int(C::Nick) << u"João"_s << false;
    QTest::newRow("nick without name") << u"/nick"_s << int(C::Invalid) << QString() << true;
    QTest::newRow("nick invalid") << u"/nick bad nick!"_s << int(C::Invalid) << u"bad nick!"_s
                                  << true;
    QTest::newRow("who") << u"/who"_s << int(C::Who) << QString() << false;
    QTest::newRow("who with words") << u"/who is here"_s << int(C::Who) << QString() << false;
    QTest::newRow("clear") << u"/clear"_s << int(C::Clear) << QString() << false;
    QTest::newRow("help") << u"/HELP"_s << int(C::Help) << QString() << false;
    QTest::newRow("quit") << u"/quit"_s << int(C::Quit) << QString() << false;
    QTest::newRow("quit with reason")
        << u"/quit see you "_s << int(C::Quit) << u"see you"_s << false;
    QTest::newRow("unknown") << u"/dance now"_s << int(C::Unknown) << u"/dance"_s << true;
    QTest::newRow("slash alone") << u"/"_s << int(C::Unknown) << u"/"_s << true;
    QTest::newRow("tab after command") << u"/me\twaves"_s << int(C::Action) << u"waves"_s << false;
    QTest::newRow("msg") << u"/msg bia see you"_s << int(C::Msg) << u"see you"_s << false;
    QTest::newRow("msg without text") << u"/msg bia"_s << int(C::Invalid) << QString() << true;
    QTest::newRow("msg alone") << u"/MSG"_s << int(C::Invalid) << QString() << true;
}

void TestInputCommand::parse()
{
    QFETCH(QString, input);
    QFETCH(int, kind);
    QFETCH(QString, argument);
    QFETCH(bool, hasError);

    const InputCommand command = InputCommand::parse(input);
    QCOMPARE(int(command.kind), kind);
    QCOMPARE(command.argument, argument);
    QCOMPARE(!command.error.isEmpty(), hasError);
}

void TestInputCommand::errors()
{
    const InputCommand message = InputCommand::parse(u"/msg  Bia   two  words "_s);
    QCOMPARE(message.target, u"Bia"_s);
    QCOMPARE(message.argument, u"two  words"_s);
    QVERIFY(InputCommand::parse(u"/msg bia"_s).error.contains(u"/msg NICK TEXT"_s));
    QVERIFY(InputCommand::parse(u"/me"_s).error.contains(u"/me"_s));
    QVERIFY(InputCommand::parse(u"/nick"_s).error.contains(u"/nick"_s));
    QCOMPARE(InputCommand::parse(u"/nick bad nick!"_s).error,
             Validation::describe(NickProblem::BadCharacter));
    const QString unknown = InputCommand::parse(u"/Dance"_s).error;
    QVERIFY(unknown.contains(u"/dance"_s));
    QVERIFY(unknown.contains(u"/help"_s));
}

void TestInputCommand::helpListsEveryCommand()
{
    const QString help = InputCommand::helpText();
    for (const auto &command : {u"/me"_s, u"/msg"_s, u"/nick"_s, u"/who"_s, u"/clear"_s, u"/help"_s,
                                u"/quit"_s, u"//"_s}) {
        QVERIFY2(help.contains(command), qPrintable(command));
    }
}

QTEST_GUILESS_MAIN(TestInputCommand)
#include "tst_inputcommand.moc"
