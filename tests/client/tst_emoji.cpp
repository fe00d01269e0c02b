// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QApplication>
#include <QFontDatabase>
#include <QGlyphRun>
#include <QImage>
#include <QPainter>
#include <QRawFont>
#include <QTest>
#include <QTextLayout>

#include "chatline.h"
#include "emojifont.h"
#include "emojihighlighter.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "messageview.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

// A quiet line: drawn in a dimmed grey, so that any colour in it comes from an emoji.
ChatLine info(const QString &text)
{
    ChatLine line;
    line.kind = ChatLine::Kind::Info;
    line.time = 1'700'000'000'000;
    line.text = text;
    return line;
}

// The row as the view draws it, through the real delegate, on white.
QImage renderRow(MessageView &view, int row)
{
    const QModelIndex index = view.model()->index(row, 0);
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.font = view.font();
    option.widget = &view;
    option.rect = view.visualRect(index);
    option.state |= QStyle::State_Enabled | QStyle::State_Active;
    option.state &= ~QStyle::State_HasFocus; // no focus frame over the text
    QImage image(option.rect.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(-option.rect.topLeft());
    view.messageDelegate()->paint(&painter, option, index);
    painter.end();
    return image;
}

// Pixels whose channels differ: colour, where the line's dimmed text is grey on white.
QRect colourArea(const QImage &image)
{
    constexpr int MinimumSpread = 30;
    constexpr int MinimumPixels = 10;
    QRect area;
    int pixels = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const int spread =
                std::max({c.red(), c.green(), c.blue()}) - std::min({c.red(), c.green(), c.blue()});
            if (spread > MinimumSpread) {
                area |= QRect(x, y, 1, 1);
                ++pixels;
            }
        }
    }
    return pixels >= MinimumPixels ? area : QRect();
}

// The right edge of what is drawn in the row: how far the line's text reaches.
int inkRight(const QImage &image)
{
    const QColor background = image.pixelColor(image.width() - 1, image.height() / 2);
    int right = -1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const int difference = std::abs(c.red() - background.red()) +
                std::abs(c.green() - background.green()) + std::abs(c.blue() - background.blue());
            if (difference > 90)
                right = std::max(right, x);
        }
    }
    return right;
}

} // namespace

class TestEmoji final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsWholeEmoji_data();
    void findsWholeEmoji();
    void logDrawsEmojiInColour_data();
    void logDrawsEmojiInColour();
    void zwjSequenceIsOneGlyph();
    void japaneseHasNoBoxes();
    void inputShowsEmojiInTheEmojiFont();
};

void TestEmoji::initTestCase()
{
    // scripts/install-deps.sh installs both; without them there is nothing to show.
    QVERIFY2(EmojiFont::isInstalled(), "fonts-noto-color-emoji is not installed");
    QVERIFY2(!QFontDatabase::families(QFontDatabase::Japanese).isEmpty(),
             "no Japanese font (fonts-noto-cjk) is installed");
}

void TestEmoji::findsWholeEmoji_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qsizetype>>("ranges"); // start, length, start, length...
    QTest::newRow("plain") << u"hello, world 12:30 #1 © ™ → ✓ ★"_s << QList<qsizetype> {};
    QTest::newRow("grinning") << u"hi 😀!"_s << QList<qsizetype> {3, 2};
    QTest::newRow("heart, text form") << u"a ❤ b"_s << QList<qsizetype> {2, 1};
    QTest::newRow("heart, text selector") << u"a ❤\uFE0E b"_s << QList<qsizetype> {};
    QTest::newRow("coffee and check") << u"☕ ✔"_s << QList<qsizetype> {0, 1, 2, 1};
    QTest::newRow("rainbow flag") << u"x 🏳️‍🌈 y"_s << QList<qsizetype> {2, 6};
    QTest::newRow("skin tone") << u"👍🏽"_s << QList<qsizetype> {0, 4};
    QTest::newRow("keycap") << u"1\uFE0F\u20E3 1"_s << QList<qsizetype> {0, 3};
    QTest::newRow("neighbours merge") << u"😀😀"_s << QList<qsizetype> {0, 4};
    QTest::newRow("flag") << u"🇧🇷"_s << QList<qsizetype> {0, 4};
}

void TestEmoji::findsWholeEmoji()
{
    QFETCH(QString, text);
    QFETCH(QList<qsizetype>, ranges);
    QList<qsizetype> found;
    for (const EmojiFont::Range &range : EmojiFont::find(text))
        found << range.start << range.length;
    QCOMPARE(found, ranges);
}

void TestEmoji::logDrawsEmojiInColour_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("colour");
    QTest::newRow("grinning") << u"😀"_s << true;
    QTest::newRow("heart") << u"❤"_s << true;
    QTest::newRow("coffee") << u"☕"_s << true;
    QTest::newRow("check") << u"✔"_s << true;
    QTest::newRow("rainbow flag") << u"🏳️‍🌈"_s << true;
    // The control: the test's eye sees no colour where there is none.
    QTest::newRow("text symbols") << u"✓ ★ → © ♪"_s << false;
    QTest::newRow("japanese") << u"日本語"_s << false;
}

void TestEmoji::logDrawsEmojiInColour()
{
    QFETCH(QString, text);
    QFETCH(bool, colour);
    MessageModel model;
    model.append(info(u"say "_s + text + u" now"_s));
    MessageView view;
    view.setModel(&model);
    QFont font = view.font();
    font.setPointSize(20);
    view.setFont(EmojiFont::withFallback(font));
    view.resize(500, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = renderRow(view, 0);
    if (qEnvironmentVariableIsSet("TST_EMOJI_SAVE"))
        image.save(u"/tmp/cl/emoji-%1.png"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    const QRect area = colourArea(image);
    QCOMPARE(!area.isEmpty(), colour);
    if (colour) {
        // Where the emoji is: after "say " and before " now", a glyph's size at least.
        QVERIFY2(area.width() >= 10 && area.height() >= 10,
                 qPrintable(u"colour in only %1×%2 pixels"_s.arg(area.width()).arg(area.height())));
    }
}

void TestEmoji::zwjSequenceIsOneGlyph()
{
    // 🏳️‍🌈 drawn as a white flag and a rainbow side by side is twice as wide as one
    // emoji.
    MessageModel model;
    // The first line of a day carries the day's band across the whole row: compare two under it.
    model.append(info(u"first"_s));
    model.append(info(u"a 😀 b"_s));
    model.append(info(u"a 🏳️‍🌈 b"_s));
    MessageView view;
    view.setModel(&model);
    QFont font = view.font();
    font.setPointSize(20);
    view.setFont(EmojiFont::withFallback(font));
    view.resize(500, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage singleRow = renderRow(view, 1);
    const QImage flagRow = renderRow(view, 2);
    const QRect single = colourArea(singleRow);
    QVERIFY(!single.isEmpty());
    QVERIFY(!colourArea(flagRow).isEmpty());
    // The same text around one emoji each: the lines end at the same place, give or take.
    const int extra = inkRight(flagRow) - inkRight(singleRow);
    QVERIFY2(
        std::abs(extra) < single.width() / 2,
        qPrintable(u"the flag's line is %1 px longer; one emoji is %2 px wide"_s.arg(extra).arg(
            single.width())));
}

void TestEmoji::japaneseHasNoBoxes()
{
    // The glyphs the log's font resolves to for Japanese all come from fonts that have them.
    MessageView view;
    const QFont font = EmojiFont::withFallback(view.font());
    const QString text = u"日本語のテキスト、ひらがなとカタカナ"_s;
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine().setLineWidth(10000);
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    QVERIFY(!runs.isEmpty());
    for (const QGlyphRun &run : runs) {
        const QRawFont raw = run.rawFont();
        for (const quint32 glyph : run.glyphIndexes())
            QVERIFY2(glyph != 0, qPrintable(u"a missing glyph in "_s + raw.familyName()));
    }
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        const bool supported = std::any_of(runs.cbegin(), runs.cend(), [c](const QGlyphRun &run) {
            return run.rawFont().supportsCharacter(c);
        });
        QVERIFY2(supported, qPrintable(u"no font for U+%1"_s.arg(c, 4, 16, QChar(u'0'))));
    }
}

void TestEmoji::inputShowsEmojiInTheEmojiFont()
{
    QTextDocument document;
    auto *highlighter = new EmojiHighlighter(&document);
    document.setPlainText(u"love ❤ and coffee ☕"_s);
    highlighter->rehighlight();
    const QTextBlock block = document.firstBlock();
    const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
    QStringList covered;
    for (const QTextLayout::FormatRange &range : formats) {
        if (range.format.fontFamilies().toStringList().contains(EmojiFont::family()))
            covered.append(block.text().mid(range.start, range.length));
    }
    QCOMPARE(covered, (QStringList {u"❤"_s, u"☕"_s}));
}

QTEST_MAIN(TestEmoji)
#include "tst_emoji.moc"
