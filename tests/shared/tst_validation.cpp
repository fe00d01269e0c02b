// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QByteArray>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTest>

#include "protocol.h"
#include "validation.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

QString fromUcs4(char32_t codePoint, int count = 1)
{
    QString s;
    for (int i = 0; i < count; ++i)
        s += QString::fromUcs4(&codePoint, 1);
    return s;
}

// "abc" with the unpaired surrogate \a unit before or after it.
QString withLoneSurrogate(char16_t unit, bool atEnd)
{
    const QString unpaired(1, QChar(unit));
    return atEnd ? u"abc"_s + unpaired : unpaired + u"abc"_s;
}

qsizetype codePoints(const QString &s)
{
    return s.toUcs4().size();
}

} // namespace

class TestValidation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkNick_data();
    void checkNick();
    void nickErrorCodeAndDescription();
    void nickKey_data();
    void nickKey();
    void suggestNick_data();
    void suggestNick();
    void suggestNickAlwaysValid_data();
    void suggestNickAlwaysValid();
    void suggestNickCostIsBounded();
    void checkText_data();
    void checkText();
    void textErrorCodeAndDescription_data();
    void textErrorCodeAndDescription();
    void isValidUtf8_data();
    void isValidUtf8();
    void isValidToken_data();
    void isValidToken();
    void invisibleAndBidiControl_data();
    void invisibleAndBidiControl();
};

void TestValidation::checkNick_data()
{
    QTest::addColumn<QString>("nick");
    QTest::addColumn<NickProblem>("expected");

    const int max = Protocol::MaxNickLength;
    QTest::newRow("ASCII letters") << u"ana"_s << NickProblem::None;
    QTest::newRow("digit and underscore") << u"ana_2"_s << NickProblem::None;
    QTest::newRow("leading underscore") << u"_x"_s << NickProblem::None;
    QTest::newRow("underscore alone") << u"_"_s << NickProblem::None;
    QTest::newRow("leading digit") << u"2ana"_s << NickProblem::None;
    QTest::newRow("dot and dash inside") << u"ana.b-c"_s << NickProblem::None;
    QTest::newRow("Portuguese letters") << u"João"_s << NickProblem::None;
    QTest::newRow("Cyrillic") << u"Мария"_s << NickProblem::None;
    QTest::newRow("Han") << u"李小龙"_s << NickProblem::None;
    // docs/PROTOCOL.md 8.1: one script (Latin with Han and kana, Bopomofo or Hangul is one);
    // digits, '_', '-' and '.' go with any.
    QTest::newRow("Japanese, Han and kana") << u"やまだ太郎"_s << NickProblem::None;
    QTest::newRow("katakana with a long vowel mark") << u"アーニャ"_s << NickProblem::None;
    QTest::newRow("Greek") << u"Οδυσσέας"_s << NickProblem::None;
    QTest::newRow("Cyrillic with digits") << u"Маша_2"_s << NickProblem::None;
    QTest::newRow("Devanagari with vowel signs") << u"मनीष"_s << NickProblem::None;
    QTest::newRow("Devanagari with a virama") << u"नमस्ते"_s << NickProblem::None;
    QTest::newRow("Thai with marks") << u"สมศักดิ์"_s << NickProblem::None;
    QTest::newRow("Hebrew") << u"דנה"_s << NickProblem::None;
    QTest::newRow("Arabic with an Arabic-Indic digit") << u"علي٣"_s << NickProblem::None;
    QTest::newRow("Korean") << u"김철수"_s << NickProblem::None;
    QTest::newRow("Latin with Han") << u"ana李"_s << NickProblem::None;
    QTest::newRow("Latin with digits and separators") << u"ana_2.b-3"_s << NickProblem::None;
    QTest::newRow("digits only") << u"2026"_s << NickProblem::None;
    QTest::newRow("precomposed é") << u"José"_s << NickProblem::None;
    // Marks belong to letters (Devanagari needs them); the server composes what it can.
    QTest::newRow("combining acute") << u"Jose\u0301"_s << NickProblem::None;
    QTest::newRow("24 Deseret letters (outside the BMP)")
        << fromUcs4(U'\U00010400', 24) << NickProblem::None;
    QTest::newRow("exactly the longest") << QString(max, u'a') << NickProblem::None;
    QTest::newRow("longest with accents") << QString(max, u'ã') << NickProblem::None;
    // Length is in code points: a letter outside the BMP is one, though two UTF-16 units.
    QTest::newRow("longest with a non-BMP letter")
        << QString(QString(max - 1, u'李') + fromUcs4(U'\U00020000')) << NickProblem::None;

    QTest::newRow("empty") << QString() << NickProblem::Empty;
    QTest::newRow("one over the longest") << QString(max + 1, u'a') << NickProblem::TooLong;
    QTest::newRow("one accented over the longest")
        << QString(max + 1, u'é') << NickProblem::TooLong;

    QTest::newRow("space") << u"ana maria"_s << NickProblem::BadCharacter;
    QTest::newRow("at sign") << u"ana@home"_s << NickProblem::BadCharacter;
    QTest::newRow("emoji") << u"ana😀"_s << NickProblem::BadCharacter;
    QTest::newRow("control character") << u"ana\x01"_s << NickProblem::BadCharacter;
    QTest::newRow("tab") << u"ana\tb"_s << NickProblem::BadCharacter;
    QTest::newRow("newline") << u"ana\n"_s << NickProblem::BadCharacter;
    QTest::newRow("no-break space") << u"ana\u00a0b"_s << NickProblem::BadCharacter;
    QTest::newRow("exclamation mark") << u"ana!"_s << NickProblem::BadCharacter;
    QTest::newRow("leading space") << u" ana"_s << NickProblem::BadCharacter;

    QTest::newRow("leading dash") << u"-ana"_s << NickProblem::BadFirstCharacter;
    QTest::newRow("leading dot") << u".ana"_s << NickProblem::BadFirstCharacter;
    QTest::newRow("dash alone") << u"-"_s << NickProblem::BadFirstCharacter;
    QTest::newRow("mark first") << u"\u0301ana"_s << NickProblem::BadFirstCharacter;
    QTest::newRow("enclosing mark") << u"a\u20dd"_s << NickProblem::BadCharacter;

    // Issue 13: look-alikes. NFKC forms differ, so they are refused rather than folded.
    QTest::newRow("full-width ａｎａ") << u"ａｎａ"_s << NickProblem::CompatibilityForm;
    QTest::newRow("mathematical bold 𝐚𝐧𝐚") << u"𝐚𝐧𝐚"_s << NickProblem::CompatibilityForm;
    QTest::newRow("24 mathematical bold capitals")
        << fromUcs4(U'\U0001D400', 24) << NickProblem::CompatibilityForm;
    QTest::newRow("superscript two") << u"x²"_s << NickProblem::CompatibilityForm;
    QTest::newRow("Roman numeral") << u"Ⅳ"_s << NickProblem::CompatibilityForm;
    QTest::newRow("ligature fi") << u"\ufb01na"_s << NickProblem::CompatibilityForm;
    QTest::newRow("half-width katakana") << u"ｱﾅ"_s << NickProblem::CompatibilityForm;
    QTest::newRow("Latin with a Cyrillic а") << u"\u0430na"_s << NickProblem::MixedScripts;
    QTest::newRow("Latin with a Greek ο") << u"b\u03bfb"_s << NickProblem::MixedScripts;
    QTest::newRow("Latin and Cyrillic words") << u"ana_Маша"_s << NickProblem::MixedScripts;
    QTest::newRow("Latin with an Arabic-Indic digit") << u"٣ana"_s << NickProblem::MixedScripts;
    QTest::newRow("two kinds of digits") << u"1٣"_s << NickProblem::MixedScripts;
    QTest::newRow("Devanagari with Latin") << u"मनीषa"_s << NickProblem::MixedScripts;

    // Invisible characters, alone or hidden in a name.
    QTest::newRow("Hangul filler after ana") << u"ana\u3164"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("Hangul filler alone") << u"\u3164"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("Hangul choseong filler") << u"\u115fana"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("half-width Hangul filler") << u"\uffa0"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("zero width space") << u"an\u200ba"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("zero width non-joiner") << u"\u200cana"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("zero width joiner") << u"ana\u200d"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("word joiner") << u"an\u2060a"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("byte order mark") << u"\ufeffana"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("soft hyphen") << u"an\u00ada"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("combining grapheme joiner") << u"an\u034fa"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("braille pattern blank") << u"ana\u2800"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("braille pattern blank alone") << u"\u2800"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("variation selector") << u"ana\ufe0f"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("variation selector supplement")
        << QString(u"ana"_s + fromUcs4(U'\U000E0100')) << NickProblem::InvisibleCharacter;
    QTest::newRow("tag character")
        << QString(u"ana"_s + fromUcs4(U'\U000E0041')) << NickProblem::InvisibleCharacter;
    QTest::newRow("Mongolian vowel separator") << u"ana\u180e"_s << NickProblem::InvisibleCharacter;
    QTest::newRow("one accent twice on a letter")
        << u"a\u0301\u0301na"_s << NickProblem::InvisibleCharacter;

    // Direction controls reorder what is around them.
    QTest::newRow("right-to-left override") << u"ana\u202e"_s << NickProblem::DirectionControl;
    QTest::newRow("right-to-left override first")
        << u"\u202eana"_s << NickProblem::DirectionControl;
    QTest::newRow("left-to-right embedding") << u"an\u202aa"_s << NickProblem::DirectionControl;
    QTest::newRow("isolates") << u"\u2066ana\u2069"_s << NickProblem::DirectionControl;
    QTest::newRow("right-to-left mark") << u"ana\u200f"_s << NickProblem::DirectionControl;
    QTest::newRow("Arabic letter mark") << u"علي\u061c"_s << NickProblem::DirectionControl;
}

void TestValidation::checkNick()
{
    QFETCH(QString, nick);
    QFETCH(NickProblem, expected);

    QCOMPARE(Validation::checkNick(nick), expected);
}

void TestValidation::nickErrorCodeAndDescription()
{
    QCOMPARE(Validation::errorCode(NickProblem::None), ErrorCode::None);
    QVERIFY(Validation::describe(NickProblem::None).isEmpty());

    const QList<NickProblem> problems {NickProblem::Empty,
                                       NickProblem::TooLong,
                                       NickProblem::BadCharacter,
                                       NickProblem::BadFirstCharacter,
                                       NickProblem::InvisibleCharacter,
                                       NickProblem::DirectionControl,
                                       NickProblem::CompatibilityForm,
                                       NickProblem::MixedScripts};
    QSet<QString> descriptions;
    for (NickProblem problem : problems) {
        QCOMPARE(Validation::errorCode(problem), ErrorCode::InvalidNick);
        const QString description = Validation::describe(problem);
        QVERIFY(!description.isEmpty());
        descriptions.insert(description);
    }
    QCOMPARE(descriptions.size(), problems.size());
    QVERIFY(Validation::describe(NickProblem::TooLong)
                .contains(QString::number(Protocol::MaxNickLength)));
}

void TestValidation::nickKey_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("clash");

    QTest::newRow("Ana / ANA") << u"Ana"_s << u"ANA"_s << true;
    QTest::newRow("ANA / ana") << u"ANA"_s << u"ana"_s << true;
    QTest::newRow("ana / ana") << u"ana"_s << u"ana"_s << true;
    QTest::newRow("João / JOÃO") << u"João"_s << u"JOÃO"_s << true;
    QTest::newRow("Мария / МАРИЯ") << u"Мария"_s << u"МАРИЯ"_s << true;
    QTest::newRow("Kelvin sign / k") << u"\u212A"_s << u"k"_s << true;
    QTest::newRow("straße / STRASSE (full folding)") << u"straße"_s << u"STRASSE"_s << true;
    QTest::newRow("final sigma folds like sigma") << u"ΟΔΥΣΣΕΥΣ"_s << u"οδυσσευς"_s << true;
    QTest::newRow("ana / ana_") << u"ana"_s << u"ana_"_s << false;
    QTest::newRow("João / Joao") << u"João"_s << u"Joao"_s << false;
    QTest::newRow("ana2 / ana3") << u"ana2"_s << u"ana3"_s << false;
    QTest::newRow("Мария / Maria") << u"Мария"_s << u"Maria"_s << false;
    // Issue 13: NFKC and the confusable skeleton (UTS #39).
    QTest::newRow("ana / Cyrillic а in ana") << u"ana"_s << u"\u0430na"_s << true;
    QTest::newRow("cop / Cyrillic сор") << u"cop"_s << u"\u0441\u043e\u0440"_s << true;
    QTest::newRow("ana / full-width") << u"ana"_s << u"ＡＮＡ"_s << true;
    QTest::newRow("ana / mathematical bold") << u"ana"_s << u"𝐚𝐧𝐚"_s << true;
    QTest::newRow("ana / ana with a zero width space") << u"ana"_s << u"an\u200ba"_s << true;
    QTest::newRow("bob0 / BOBO") << u"bob0"_s << u"BOBO"_s << true;
    QTest::newRow("Ana1 / anal") << u"Ana1"_s << u"anal"_s << true;
    QTest::newRow("mia / rnia") << u"mia"_s << u"rnia"_s << true;
    QTest::newRow("Latin alpha / a") << u"\u0251na"_s << u"ana"_s << true;
}

void TestValidation::nickKey()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, clash);

    QCOMPARE(Validation::nickKey(a) == Validation::nickKey(b), clash);
    QCOMPARE(Validation::nickKey(Validation::nickKey(a)), Validation::nickKey(a));
    QCOMPARE(Validation::nickKey(a), Validation::nickKey(a.toLower()));
}

void TestValidation::suggestNick_data()
{
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QString>("expected");

    const int max = Protocol::MaxNickLength;
    QTest::newRow("number appended") << u"ana"_s << QStringList {u"ana"_s} << u"ana2"_s;
    QTest::newRow("skips taken numbers")
        << u"ana"_s << QStringList {u"ana"_s, u"ana2"_s, u"ana3"_s} << u"ana4"_s;
    QTest::newRow("taken compared by key")
        << u"Ana"_s << QStringList {u"ANA"_s, u"ana2"_s} << u"Ana3"_s;
    QTest::newRow("Unicode kept") << u"João"_s << QStringList {u"joão"_s} << u"João2"_s;
    QTest::newRow("shortened to fit one digit")
        << QString(max, u'a') << QStringList {} << QString(QString(max - 1, u'a') + u"2"_s);
    QTest::newRow("shortened to fit two digits")
        << QString(max, u'a') << QStringList {QString(QString(max - 1, u'a') + u"2"_s),
                                              QString(QString(max - 1, u'a') + u"3"_s),
                                              QString(QString(max - 1, u'a') + u"4"_s),
                                              QString(QString(max - 1, u'a') + u"5"_s),
                                              QString(QString(max - 1, u'a') + u"6"_s),
                                              QString(QString(max - 1, u'a') + u"7"_s),
                                              QString(QString(max - 1, u'a') + u"8"_s),
                                              QString(QString(max - 1, u'a') + u"9"_s)}
        << QString(QString(max - 2, u'a') + u"10"_s);
    QTest::newRow("too long input shortened")
        << QString(max + 10, u'b') << QStringList {} << QString(QString(max - 1, u'b') + u"2"_s);
    QTest::newRow("non-BMP letters shortened whole")
        << fromUcs4(U'\U00010400', max) << QStringList {}
        << QString(fromUcs4(U'\U00010400', max - 1) + u"2"_s);
    QTest::newRow("bad characters dropped") << u"bad nick!"_s << QStringList {} << u"badnick2"_s;
    QTest::newRow("bad first characters dropped") << u"-.ana"_s << QStringList {} << u"ana2"_s;
    QTest::newRow("long, with a bad first character")
        << QString(u"-"_s + QString(max + 5, u'c')) << QStringList {}
        << QString(QString(max - 1, u'c') + u"2"_s);
    QTest::newRow("empty") << QString() << QStringList {} << u"guest2"_s;
    QTest::newRow("nothing usable") << u"!!! 😀"_s << QStringList {} << u"guest2"_s;
    QTest::newRow("nothing usable, guest taken")
        << u"@"_s << QStringList {u"guest2"_s} << u"guest3"_s;
    // Issue 13: suggestions are valid under the look-alike rules too.
    QTest::newRow("full-width made plain") << u"ａｎａ"_s << QStringList {} << u"ana2"_s;
    QTest::newRow("mathematical bold made plain") << u"𝐚𝐧𝐚"_s << QStringList {} << u"ana2"_s;
    QTest::newRow("invisible dropped") << u"ana\u3164"_s << QStringList {} << u"ana2"_s;
    QTest::newRow("direction control dropped") << u"\u202eana"_s << QStringList {} << u"ana2"_s;
    QTest::newRow("only invisible") << u"\u3164\u200b"_s << QStringList {} << u"guest2"_s;
    QTest::newRow("mixed scripts keep the first") << u"ana_Маша"_s << QStringList {} << u"ana_2"_s;
    QTest::newRow("Japanese kept whole") << u"やまだ太郎"_s << QStringList {} << u"やまだ太郎2"_s;
    QTest::newRow("look-alike of a taken name")
        << u"\u0441\u043e\u0440"_s << QStringList {u"cop"_s} << u"\u0441\u043e\u04402"_s;
    QTest::newRow("look-alike number taken")
        << u"bob"_s << QStringList {u"BOB"_s, u"bob\u14bf"_s} << u"bob3"_s;
    QTest::newRow("only ASCII digits with another digit system")
        << u"علي٣"_s << QStringList {} << u"علي2"_s;
    QTest::newRow("doubled accent dropped") << u"a\u0301\u0301"_s << QStringList {} << u"á2"_s;
}

void TestValidation::suggestNick()
{
    QFETCH(QString, nick);
    QFETCH(QStringList, taken);
    QFETCH(QString, expected);

    QSet<QString> takenKeys;
    for (const QString &t : taken)
        takenKeys.insert(Validation::nickKey(t));
    const auto isTaken = [&takenKeys](const QString &candidate) {
        return takenKeys.contains(Validation::nickKey(candidate));
    };

    const QString suggestion = Validation::suggestNick(nick, isTaken);
    QCOMPARE(suggestion, expected);
    QCOMPARE(Validation::checkNick(suggestion), NickProblem::None);
    QVERIFY(!isTaken(suggestion));
    QVERIFY(codePoints(suggestion) <= Protocol::MaxNickLength);
}

void TestValidation::suggestNickAlwaysValid_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 4u, 5u})
        QTest::addRow("seed %u", seed) << seed;
}

void TestValidation::suggestNickAlwaysValid()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);

    // Letters, digits, the allowed punctuation and things that are not allowed at all.
    const QList<char32_t> alphabet {U'a',   U'Z',   U'7',          U'_',          U'-',   U'.',
                                    U' ',   U'@',   U'\t',         U'ã',          U'Ж',   U'李',
                                    U'や',  U'ａ',  U'\U00010400', U'\U0001F600', 0x0301, 0x0430,
                                    0x0663, 0x0915, 0x093f,        0x200b,        0x202e, 0x3164};
    for (int iteration = 0; iteration < 300; ++iteration) {
        QString nick;
        const int length = random.bounded(0, 40);
        for (int i = 0; i < length; ++i)
            nick += fromUcs4(alphabet.at(random.bounded(static_cast<int>(alphabet.size()))));
        // The first few candidates offered are taken, whatever they are.
        const int takenCount = random.bounded(0, 5);
        QStringList asked;
        const auto isTaken = [&asked, takenCount](const QString &candidate) {
            asked.append(candidate);
            return asked.size() <= takenCount;
        };

        const QString suggestion = Validation::suggestNick(nick, isTaken);
        QVERIFY2(Validation::checkNick(suggestion) == NickProblem::None,
                 qPrintable(u"\"%1\" -> \"%2\""_s.arg(nick, suggestion)));
        QCOMPARE(asked.size(), takenCount + 1);
        QCOMPARE(suggestion, asked.last());
        QCOMPARE(QSet<QString>(asked.cbegin(), asked.cend()).size(), asked.size());
        QVERIFY(codePoints(suggestion) <= Protocol::MaxNickLength);
    }
}

void TestValidation::suggestNickCostIsBounded()
{
    // Issue 13: with x2 ... x20001 taken, every "x" cost 20,000 lookups; and with everything
    // taken, 100,000.
    int lookups = 0;
    const auto numberedTaken = [&lookups](const QString &candidate) {
        ++lookups;
        bool isNumber = false;
        const int number = candidate.mid(1).toInt(&isNumber);
        return candidate.startsWith(u'x') && isNumber && number >= 2 && number <= 20'001;
    };
    const QString suggestion = Validation::suggestNick(u"x"_s, numberedTaken);
    QVERIFY(!suggestion.isEmpty());
    QVERIFY(!numberedTaken(suggestion));
    QCOMPARE(Validation::checkNick(suggestion), NickProblem::None);
    QVERIFY2(lookups <= Validation::MaxSuggestionLookups + 1, qPrintable(QString::number(lookups)));

    lookups = 0;
    const auto allTaken = [&lookups](const QString &) {
        ++lookups;
        return true;
    };
    QCOMPARE(Validation::suggestNick(u"ana"_s, allTaken), QString());
    QCOMPARE(lookups, Validation::MaxSuggestionLookups);
}

void TestValidation::checkText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<TextProblem>("expected");

    const int max = Protocol::DefaultMaxText;
    QTest::newRow("plain") << u"olá, mundo"_s << max << TextProblem::None;
    QTest::newRow("newline allowed") << u"line one\nline two"_s << max << TextProblem::None;
    QTest::newRow("emoji") << u"hi 😀"_s << max << TextProblem::None;
    QTest::newRow("surrounding spaces") << u"  hi  "_s << max << TextProblem::None;
    QTest::newRow("exactly the default limit") << QString(max, u'a') << max << TextProblem::None;

    QTest::newRow("empty") << QString() << max << TextProblem::Empty;
    QTest::newRow("spaces only") << u"   "_s << max << TextProblem::Empty;
    QTest::newRow("spaces and newlines only") << u" \n \n"_s << max << TextProblem::Empty;
    // docs/PROTOCOL.md 8.2: white space includes U+0085, U+00A0 and Zs; checked before controls.
    QTest::newRow("tab only") << u"\t"_s << max << TextProblem::Empty;
    QTest::newRow("NEL only") << u" \u0085 "_s << max << TextProblem::Empty;
    QTest::newRow("ideographic space only") << u"\u3000\u00a0"_s << max << TextProblem::Empty;
    // Issue 13: what shows nothing is empty too; direction controls are allowed among text.
    QTest::newRow("zero width space only") << u"\u200b"_s << max << TextProblem::Empty;
    QTest::newRow("zero-width characters only")
        << u"\u200b\u200c\u200d\u2060\ufeff"_s << max << TextProblem::Empty;
    QTest::newRow("Hangul filler only") << u"\u3164"_s << max << TextProblem::Empty;
    QTest::newRow("braille blanks and spaces") << u" \u2800\u2800 "_s << max << TextProblem::Empty;
    QTest::newRow("direction controls only")
        << u"\u202e\u2067\u200f"_s << max << TextProblem::Empty;
    QTest::newRow("variation selector and newline") << u"\ufe0f\n"_s << max << TextProblem::Empty;
    QTest::newRow("tag characters only") << fromUcs4(U'\U000E0041', 3) << max << TextProblem::Empty;
    QTest::newRow("right-to-left override in text")
        << u"abc\u202edef"_s << max << TextProblem::None;
    QTest::newRow("zero width joiner in an emoji sequence")
        << u"👩\u200d💻"_s << max << TextProblem::None;
    QTest::newRow("one letter among zero-width characters")
        << u"\u200bx\u200b"_s << max << TextProblem::None;

    QTest::newRow("one byte over the default limit")
        << QString(max + 1, u'a') << max << TextProblem::TooLong;
    QTest::newRow("ten ASCII bytes, limit 10") << QString(10, u'a') << 10 << TextProblem::None;
    QTest::newRow("eleven ASCII bytes, limit 10")
        << QString(11, u'a') << 10 << TextProblem::TooLong;
    QTest::newRow("five two-byte characters, limit 10")
        << QString(5, u'é') << 10 << TextProblem::None;
    QTest::newRow("six two-byte characters, limit 10")
        << QString(6, u'é') << 10 << TextProblem::TooLong;
    QTest::newRow("four three-byte characters, limit 10")
        << QString(4, u'€') << 10 << TextProblem::TooLong;
    QTest::newRow("three four-byte characters, limit 10") << u"😀😀😀"_s << 10 << TextProblem::TooLong;
    QTest::newRow("two four-byte characters, limit 8") << u"😀😀"_s << 8 << TextProblem::None;

    QTest::newRow("tab") << u"a\tb"_s << max << TextProblem::ControlCharacter;
    QTest::newRow("SOH") << u"a\x01z"_s << max << TextProblem::ControlCharacter;
    QTest::newRow("NUL") << QString(u"a"_s + QChar(u'\0') + u"b"_s) << max
                         << TextProblem::ControlCharacter;
    QTest::newRow("carriage return") << u"a\rb"_s << max << TextProblem::ControlCharacter;
    QTest::newRow("escape") << u"a\x1b[31mred"_s << max << TextProblem::ControlCharacter;
    QTest::newRow("DEL") << u"a\x7fz"_s << max << TextProblem::ControlCharacter;
    QTest::newRow("NEL (C1)") << u"a\u0085b"_s << max << TextProblem::ControlCharacter;
    QTest::newRow("CSI (C1)") << u"a\u009bb"_s << max << TextProblem::ControlCharacter;
    // Beside other than ASCII (the text is then checked unit by unit).
    QTest::newRow("tab among accented letters")
        << u"olá\tmundo"_s << max << TextProblem::ControlCharacter;
    QTest::newRow("DEL after an emoji") << u"😀\x7f"_s << max << TextProblem::ControlCharacter;
    QTest::newRow("newline among accented letters") << u"olá\nmundo"_s << max << TextProblem::None;
    QTest::newRow("a limit of 10 met by a mix of sizes")
        << u"a\u00e9\u20ac😀"_s << 10 << TextProblem::None;
    QTest::newRow("a limit of 9 passed by a mix of sizes")
        << u"a\u00e9\u20ac😀"_s << 9 << TextProblem::TooLong;
    QTest::newRow("too long is reported before a control character")
        << u"aaaaaaaaa\tb"_s << 10 << TextProblem::TooLong;

    QTest::newRow("lone high surrogate at the end")
        << withLoneSurrogate(0xd800, true) << max << TextProblem::InvalidUnicode;
    QTest::newRow("lone high surrogate at the start")
        << withLoneSurrogate(0xdbff, false) << max << TextProblem::InvalidUnicode;
    QTest::newRow("lone low surrogate")
        << withLoneSurrogate(0xdc00, false) << max << TextProblem::InvalidUnicode;
    QTest::newRow("lone low surrogate among accented letters")
        << QString(u"olá"_s + QChar(0xdc00) + u"é"_s) << max << TextProblem::InvalidUnicode;
    QTest::newRow("surrogates in the wrong order")
        << QString(QString(QChar(0xdc00)) + QChar(0xd800)) << max << TextProblem::InvalidUnicode;
}

void TestValidation::checkText()
{
    QFETCH(QString, text);
    QFETCH(int, maxBytes);
    QFETCH(TextProblem, expected);

    QCOMPARE(Validation::checkText(text, maxBytes), expected);
}

void TestValidation::textErrorCodeAndDescription_data()
{
    QTest::addColumn<TextProblem>("problem");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("none") << TextProblem::None << ErrorCode::None;
    QTest::newRow("empty") << TextProblem::Empty << ErrorCode::InvalidText;
    QTest::newRow("too long") << TextProblem::TooLong << ErrorCode::TextTooLong;
    QTest::newRow("control character") << TextProblem::ControlCharacter << ErrorCode::InvalidText;
    QTest::newRow("invalid Unicode") << TextProblem::InvalidUnicode << ErrorCode::InvalidUtf8;
}

void TestValidation::textErrorCodeAndDescription()
{
    QFETCH(TextProblem, problem);
    QFETCH(ErrorCode, code);

    QCOMPARE(Validation::errorCode(problem), code);
    const QString description = Validation::describe(problem, 1234);
    QCOMPARE(description.isEmpty(), problem == TextProblem::None);
    if (problem == TextProblem::TooLong)
        QVERIFY2(description.contains(u"1234"_s), qPrintable(description));
}

void TestValidation::isValidUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ASCII") << "hello"_ba << true;
    QTest::newRow("NUL byte") << "a\0b"_ba << true;
    QTest::newRow("two-byte") << "ol\xc3\xa1"_ba << true;
    QTest::newRow("three-byte") << "\xe2\x82\xac"_ba << true;
    QTest::newRow("four-byte") << "\xf0\x9f\x98\x80"_ba << true;
    QTest::newRow("highest code point U+10FFFF") << "\xf4\x8f\xbf\xbf"_ba << true;
    QTest::newRow("U+FFFF (a noncharacter, still UTF-8)") << "\xef\xbf\xbf"_ba << true;

    QTest::newRow("overlong two-byte '/'") << "\xc0\xaf"_ba << false;
    QTest::newRow("overlong two-byte C1") << "\xc1\xbf"_ba << false;
    QTest::newRow("overlong three-byte '/'") << "\xe0\x80\xaf"_ba << false;
    QTest::newRow("overlong four-byte '/'") << "\xf0\x80\x80\xaf"_ba << false;
    QTest::newRow("overlong NUL") << "\xc0\x80"_ba << false;
    QTest::newRow("truncated two-byte") << "ol\xc3"_ba << false;
    QTest::newRow("truncated three-byte") << "\xe2\x82"_ba << false;
    QTest::newRow("truncated four-byte") << "\xf0\x9f\x98"_ba << false;
    QTest::newRow("truncated in the middle") << "\xe2\x82z"_ba << false;
    QTest::newRow("lone continuation byte") << "a\x80z"_ba << false;
    QTest::newRow("lone continuation byte 0xBF") << "\xbf"_ba << false;
    QTest::newRow("invalid second byte") << "\xc3\x28"_ba << false;
    QTest::newRow("high surrogate U+D800") << "\xed\xa0\x80"_ba << false;
    QTest::newRow("low surrogate U+DFFF") << "\xed\xbf\xbf"_ba << false;
    QTest::newRow("surrogate pair encoded separately (CESU-8)")
        << "\xed\xa0\xbd\xed\xb8\x80"_ba << false;
    QTest::newRow("above U+10FFFF") << "\xf4\x90\x80\x80"_ba << false;
    QTest::newRow("byte 0xF5") << "\xf5\x80\x80\x80"_ba << false;
    QTest::newRow("byte 0xFE") << "\xfe"_ba << false;
    QTest::newRow("byte 0xFF") << "\xff"_ba << false;
    QTest::newRow("Latin-1") << "ol\xe1"_ba << false;
}

void TestValidation::isValidUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);

    QCOMPARE(Validation::isValidUtf8(bytes), valid);
    // The answer does not depend on what came before: the check keeps no state.
    QCOMPARE(Validation::isValidUtf8("\xe2\x82"_ba), false);
    QCOMPARE(Validation::isValidUtf8(bytes), valid);
}

void TestValidation::isValidToken_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("valid");

    QTest::newRow("uuid") << u"0f8fad5b-d9cb-469f-a165-70867728950e"_s << true;
    QTest::newRow("one character") << u"x"_s << true;
    QTest::newRow("underscore and digits") << u"a_1-B"_s << true;
    QTest::newRow("64 characters") << QString(64, u'a') << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("65 characters") << QString(65, u'a') << false;
    QTest::newRow("braces") << u"{0f8f}"_s << false;
    QTest::newRow("space") << u"a b"_s << false;
    QTest::newRow("non-ASCII letter") << u"ação"_s << false;
    QTest::newRow("NUL") << QString(u"a"_s + QChar(u'\0')) << false;
}

void TestValidation::isValidToken()
{
    QFETCH(QString, token);
    QFETCH(bool, valid);
    QCOMPARE(Validation::isValidToken(token), valid);
}

void TestValidation::invisibleAndBidiControl_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<bool>("invisible");
    QTest::addColumn<bool>("bidiControl");

    QTest::newRow("letter") << uint('a') << false << false;
    QTest::newRow("space") << uint(' ') << false << false;
    QTest::newRow("ideographic space") << 0x3000u << false << false;
    QTest::newRow("zero width space") << 0x200bu << true << false;
    QTest::newRow("zero width joiner") << 0x200du << true << false;
    QTest::newRow("Hangul filler") << 0x3164u << true << false;
    QTest::newRow("Hangul choseong filler") << 0x115fu << true << false;
    QTest::newRow("braille pattern blank") << 0x2800u << true << false;
    QTest::newRow("braille dot 1") << 0x2801u << false << false;
    QTest::newRow("musical null notehead") << 0x1d159u << true << false;
    QTest::newRow("variation selector 16") << 0xfe0fu << true << false;
    QTest::newRow("tag latin small a") << 0xe0061u << true << false;
    QTest::newRow("left-to-right mark") << 0x200eu << true << true;
    QTest::newRow("Arabic letter mark") << 0x061cu << true << true;
    QTest::newRow("right-to-left override") << 0x202eu << true << true;
    QTest::newRow("first strong isolate") << 0x2068u << true << true;
    QTest::newRow("pop directional isolate") << 0x2069u << true << true;
    QTest::newRow("Hebrew letter") << 0x05d0u << false << false;
}

void TestValidation::invisibleAndBidiControl()
{
    QFETCH(uint, codePoint);
    QFETCH(bool, invisible);
    QFETCH(bool, bidiControl);
    QCOMPARE(Validation::isInvisible(codePoint), invisible);
    QCOMPARE(Validation::isBidiControl(codePoint), bidiControl);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
