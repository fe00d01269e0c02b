// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QItemSelectionModel>
#include <QListView>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSignalSpy>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QUrl>

#include "chatline.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "messageview.h"
#include "validation.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

constexpr qint64 SomeTime = 1'700'000'000'000;

ChatLine chat(const QString &text, const QString &nick = u"ana"_s)
{
    ChatLine line;
    line.kind = ChatLine::Kind::Chat;
    line.time = SomeTime;
    line.nick = nick;
    line.text = text;
    return line;
}

QString longText(int words)
{
    QString text;
    for (int i = 0; i < words; ++i)
        text += u"word"_s + QString::number(i) + u' ';
    return text.trimmed();
}

// What QListView hands its delegate, for a test that has no access to initViewItemOption().
QStyleOptionViewItem optionFor(const QListView &view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.font = view.font();
    option.widget = &view;
    option.rect = view.visualRect(index);
    return option;
}

QPointF centre(const QRectF &rect)
{
    return rect.center();
}

// A list view with the model and the delegate, shown offscreen.
struct ListFixture
{
    ListFixture()
    {
        view.setModel(&model);
        view.setItemDelegate(&delegate);
        view.setWordWrap(true);
        view.setUniformItemSizes(false);
        view.setResizeMode(QListView::Adjust);
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view.resize(420, 320);
        view.show();
    }

    MessageModel model;
    MessageDelegate delegate;
    QListView view;
};

} // namespace

class TestMessageDelegate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findLinks_data();
    void findLinks();
    void sizeHintGrowsWithText();
    void sizeHintGrowsWhenNarrower();
    void sizeHintWithoutView();
    void sizeHintFollowsView();
    void cacheFollowsScrollback();
    void linkAt();
    void linkAtWrappedLink();
    void mentionRowIsTinted();
    void respectsFont();
    void directionControlsStayInTheirText_data();
    void directionControlsStayInTheirText();

    void viewSetup();
    void viewFollowsBottom();
    void viewStaysPutWhenScrolledUp();
    void viewStaysPutWhileScrollbackTrims();
    void viewCopiesSelection();
    void viewZoom();
    void viewLinkClick();
};

void TestMessageDelegate::findLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("links"); // as written in the text
    QTest::addColumn<QStringList>("urls");

    QTest::newRow("none") << u"no links here, www nor http"_s << QStringList() << QStringList();
    QTest::newRow("https") << u"see https://example.org/a?b=c#d now"_s
                           << QStringList {u"https://example.org/a?b=c#d"_s}
                           << QStringList {u"https://example.org/a?b=c#d"_s};
    QTest::newRow("http and ftp") << u"http://a.example ftp://files.example/x"_s
                                  << QStringList {u"http://a.example"_s, u"ftp://files.example/x"_s}
                                  << QStringList {u"http://a.example"_s,
                                                  u"ftp://files.example/x"_s};
    QTest::newRow("www") << u"go to www.qt.io."_s << QStringList {u"www.qt.io"_s}
                         << QStringList {u"http://www.qt.io"_s};
    QTest::newRow("upper case") << u"HTTPS://EXAMPLE.ORG"_s
                                << QStringList {u"HTTPS://EXAMPLE.ORG"_s}
                                << QStringList {u"https://example.org"_s};
    QTest::newRow("sentence punctuation")
        << u"(see https://example.org/x), or https://example.org/y!"_s
        << QStringList {u"https://example.org/x"_s, u"https://example.org/y"_s}
        << QStringList {u"https://example.org/x"_s, u"https://example.org/y"_s};
    QTest::newRow("balanced brackets")
        << u"https://en.wikipedia.org/wiki/Tag_(disambiguation)"_s
        << QStringList {u"https://en.wikipedia.org/wiki/Tag_(disambiguation)"_s}
        << QStringList {u"https://en.wikipedia.org/wiki/Tag_(disambiguation)"_s};
    QTest::newRow("angle brackets")
        << u"<https://example.org>"_s << QStringList {u"https://example.org"_s}
        << QStringList {u"https://example.org"_s};
    QTest::newRow("scheme alone") << u"http:// and www."_s << QStringList() << QStringList();
    QTest::newRow("not a scheme") << u"javascript://x mailto:a@www.example"_s << QStringList()
                                  << QStringList();
    // Issue 13: a direction control ends a link, and so does the isolate around a message.
    QTest::newRow("right-to-left override after a link")
        << u"https://example.org/a\u202egpj.exe"_s << QStringList {u"https://example.org/a"_s}
        << QStringList {u"https://example.org/a"_s};
    QTest::newRow("link at the end of an isolated text")
        << u"\u2068\u05d0 www.example.org\u2069)"_s << QStringList {u"www.example.org"_s}
        << QStringList {u"http://www.example.org"_s};
}

void TestMessageDelegate::findLinks()
{
    QFETCH(QString, text);
    QFETCH(QStringList, links);
    QFETCH(QStringList, urls);
    const QList<MessageDelegate::LinkSpan> found = MessageDelegate::findLinks(text);
    QStringList foundLinks;
    QStringList foundUrls;
    for (const MessageDelegate::LinkSpan &span : found) {
        foundLinks.append(text.mid(span.start, span.length));
        foundUrls.append(span.url.toString());
    }
    QCOMPARE(foundLinks, links);
    QCOMPARE(foundUrls, urls);
}

void TestMessageDelegate::sizeHintGrowsWithText()
{
    ListFixture f;
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.model.append(chat(u"short"_s));
    f.model.append(chat(longText(60)));
    const QModelIndex shortIndex = f.model.index(0);
    const QModelIndex longIndex = f.model.index(1);
    const QSize shortSize = f.delegate.sizeHint(optionFor(f.view, shortIndex), shortIndex);
    const QSize longSize = f.delegate.sizeHint(optionFor(f.view, longIndex), longIndex);
    QVERIFY(shortSize.height() > 0);
    QVERIFY2(longSize.height() > 2 * shortSize.height(),
             qPrintable(u"%1 vs %2"_s.arg(longSize.height()).arg(shortSize.height())));
    // As wide as the viewport, never wider: no horizontal scrolling.
    QCOMPARE(longSize.width(), f.view.viewport()->width());
    // The view lays the rows out with those heights.
    QTRY_COMPARE(f.view.visualRect(longIndex).height(), longSize.height());
    QCOMPARE(f.view.visualRect(shortIndex).height(), shortSize.height());
}

void TestMessageDelegate::sizeHintGrowsWhenNarrower()
{
    ListFixture f;
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.model.append(chat(longText(40)));
    f.model.append(chat(u"short"_s));
    const QModelIndex longIndex = f.model.index(0);
    const QModelIndex shortIndex = f.model.index(1);
    const int wide = f.delegate.sizeHint(optionFor(f.view, longIndex), longIndex).height();
    const int shortWide = f.delegate.sizeHint(optionFor(f.view, shortIndex), shortIndex).height();

    f.view.resize(200, 320);
    QTRY_COMPARE(f.view.viewport()->width(), 200 - 2 * f.view.frameWidth());
    const int narrow = f.delegate.sizeHint(optionFor(f.view, longIndex), longIndex).height();
    QVERIFY2(narrow > wide, qPrintable(u"%1 vs %2"_s.arg(narrow).arg(wide)));
    QCOMPARE(f.delegate.sizeHint(optionFor(f.view, shortIndex), shortIndex).height(), shortWide);

    f.view.resize(420, 320);
    QTRY_COMPARE(f.delegate.sizeHint(optionFor(f.view, longIndex), longIndex).height(), wide);
}

void TestMessageDelegate::sizeHintWithoutView()
{
    MessageModel model;
    MessageDelegate delegate;
    model.append(chat(longText(30)));
    const QModelIndex index = model.index(0);
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.rect = QRect(0, 0, 600, 20);
    const QSize wide = delegate.sizeHint(option, index);
    option.rect = QRect(0, 0, 150, 20);
    const QSize narrow = delegate.sizeHint(option, index);
    QCOMPARE(wide.width(), 600);
    QCOMPARE(narrow.width(), 150);
    QVERIFY(narrow.height() > wide.height());
}

void TestMessageDelegate::sizeHintFollowsView()
{
    // The cached heights must be those a fresh delegate would compute, after appends,
    // trimming, a clear and a resize.
    ListFixture f;
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.model.setScrollbackLimit(40);
    for (int i = 0; i < 100; ++i)
        f.model.append(chat(longText(i % 23)));
    f.view.resize(300, 320);
    for (int i = 0; i < 7; ++i)
        f.model.append(chat(longText(i * 5)));
    QTRY_COMPARE(f.view.viewport()->width(), 300 - 2 * f.view.frameWidth());
    MessageDelegate fresh;
    for (int row = 0; row < f.model.rowCount(); ++row) {
        const QModelIndex index = f.model.index(row);
        QCOMPARE(f.delegate.sizeHint(optionFor(f.view, index), index),
                 fresh.sizeHint(optionFor(f.view, index), index));
    }
}

void TestMessageDelegate::cacheFollowsScrollback()
{
    ListFixture f;
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.model.setScrollbackLimit(10); // drops one line at a time
    for (int i = 0; i < 10; ++i)
        f.model.append(chat(longText(i * 4)));
    for (int row = 0; row < 10; ++row) // fill the cache
        f.delegate.sizeHint(optionFor(f.view, f.model.index(row)), f.model.index(row));
    f.model.append(chat(u"short"_s));
    QCOMPARE(f.model.rowCount(), 10);
    MessageDelegate fresh;
    for (int row = 0; row < 10; ++row) {
        const QModelIndex index = f.model.index(row);
        QCOMPARE(f.delegate.sizeHint(optionFor(f.view, index), index).height(),
                 fresh.sizeHint(optionFor(f.view, index), index).height());
    }
    f.model.clear();
    f.model.append(chat(longText(30)));
    const QModelIndex index = f.model.index(0);
    QCOMPARE(f.delegate.sizeHint(optionFor(f.view, index), index).height(),
             fresh.sizeHint(optionFor(f.view, index), index).height());
}

void TestMessageDelegate::linkAt()
{
    ListFixture f;
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.model.append(chat(u"plain text without links"_s));
    f.model.append(chat(u"see https://example.org/page for details"_s));
    const QModelIndex plain = f.model.index(0);
    const QModelIndex linked = f.model.index(1);
    QTRY_VERIFY(f.view.visualRect(linked).isValid());

    const QStyleOptionViewItem option = optionFor(f.view, linked);
    const QList<MessageDelegate::LinkArea> areas = f.delegate.linkAreas(option, linked);
    QCOMPARE(areas.size(), 1);
    const QRectF area = areas.at(0).rect;
    QVERIFY(option.rect.contains(area.toAlignedRect()));
    QVERIFY(area.width() > 20);
    const QUrl expected(u"https://example.org/page"_s);
    QCOMPARE(areas.at(0).url, expected);
    QCOMPARE(f.delegate.linkAt(option, linked, centre(area).toPoint()), expected);
    QCOMPARE(f.delegate.linkAt(option, linked, (area.topLeft() + QPointF(1, 1)).toPoint()),
             expected);
    // Not on the nick, not after the link, not outside the row.
    QCOMPARE(
        f.delegate.linkAt(option, linked, QPoint(option.rect.left() + 3, option.rect.center().y())),
        QUrl());
    QCOMPARE(f.delegate.linkAt(option, linked,
                               QPoint(qRound(area.right()) + 30, qRound(area.center().y()))),
             QUrl());
    QCOMPARE(f.delegate.linkAt(option, linked,
                               QPoint(qRound(area.center().x()), option.rect.bottom() + 5)),
             QUrl());
    // A row without links has none anywhere.
    const QStyleOptionViewItem plainOption = optionFor(f.view, plain);
    QVERIFY(f.delegate.linkAreas(plainOption, plain).isEmpty());
    QCOMPARE(f.delegate.linkAt(plainOption, plain, plainOption.rect.center()), QUrl());
}

void TestMessageDelegate::linkAtWrappedLink()
{
    ListFixture f;
    f.view.resize(160, 320);
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    const QString address = u"https://example.org/"_s + QString(80, u'x');
    f.model.append(chat(u"look "_s + address + u" now"_s));
    const QModelIndex index = f.model.index(0);
    QTRY_VERIFY(f.view.visualRect(index).height() > 40);
    const QStyleOptionViewItem option = optionFor(f.view, index);
    const QList<MessageDelegate::LinkArea> areas = f.delegate.linkAreas(option, index);
    QVERIFY2(areas.size() >= 2, qPrintable(QString::number(areas.size())));
    for (const MessageDelegate::LinkArea &area : areas) {
        QCOMPARE(area.url, QUrl(address));
        QCOMPARE(f.delegate.linkAt(option, index, centre(area.rect).toPoint()), QUrl(address));
    }
}

void TestMessageDelegate::mentionRowIsTinted()
{
    ListFixture f;
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.model.append(chat(u"a normal line"_s));
    ChatLine mention = chat(u"bia: hello"_s, u"carl"_s);
    mention.mentionsMe = true;
    f.model.append(mention);
    f.model.append(chat(u"another normal line"_s));
    QTRY_VERIFY(f.view.visualRect(f.model.index(2)).isValid());

    const QImage image = f.view.viewport()->grab().toImage();
    // Sample near the right edge, away from any text.
    const auto backgroundOf = [&](int row) {
        const QRect rect = f.view.visualRect(f.model.index(row));
        return image.pixelColor(rect.right() - 3, rect.center().y());
    };
    const QColor normal = backgroundOf(0);
    const QColor tinted = backgroundOf(1);
    QCOMPARE(backgroundOf(2), normal);
    QVERIFY2(tinted != normal, qPrintable(tinted.name() + u" vs "_s + normal.name()));
    // The tint leans towards the highlight colour.
    const QColor highlight = f.view.palette().color(QPalette::Highlight);
    const auto distance = [](const QColor &a, const QColor &b) {
        return qAbs(a.red() - b.red()) + qAbs(a.green() - b.green()) + qAbs(a.blue() - b.blue());
    };
    QVERIFY(distance(tinted, highlight) < distance(normal, highlight));
}

void TestMessageDelegate::respectsFont()
{
    ListFixture f;
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.model.append(chat(u"hello"_s));
    const QModelIndex index = f.model.index(0);
    const int before = f.delegate.sizeHint(optionFor(f.view, index), index).height();
    QFont bigger = f.view.font();
    bigger.setPointSizeF(bigger.pointSizeF() * 2);
    f.view.setFont(bigger);
    const int after = f.delegate.sizeHint(optionFor(f.view, index), index).height();
    QVERIFY2(after > before * 3 / 2, qPrintable(u"%1 vs %2"_s.arg(after).arg(before)));
}

void TestMessageDelegate::directionControlsStayInTheirText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ChatLine::Kind>("kind");

    // Each ends its text with what would turn the rest of the row around: the delivery note
    // of a message on its way, or the closing bracket of a reason.
    const QList<ChatLine::Kind> kinds {ChatLine::Kind::Chat, ChatLine::Kind::Action,
                                       ChatLine::Kind::Left};
    for (ChatLine::Kind kind : kinds) {
        const int k = static_cast<int>(kind);
        QTest::addRow("RLO, kind %d", k) << u"abc\u202e"_s << kind;
        QTest::addRow("RLE, kind %d", k) << u"abc\u202b"_s << kind;
        QTest::addRow("RLI left open, kind %d", k) << u"abc\u2067"_s << kind;
        QTest::addRow("stray PDI then RLO, kind %d", k) << u"abc\u2069\u202e"_s << kind;
        QTest::addRow("RLO on the second line, kind %d", k) << u"abc\nd\u202e"_s << kind;
    }
}

// Issue 13: a message may hold U+202E RIGHT-TO-LEFT OVERRIDE and its kin, but what the view
// draws around the message (delivery notes, brackets) stays as it is: the row looks exactly
// like the row of the same text without the controls.
void TestMessageDelegate::directionControlsStayInTheirText()
{
    QFETCH(QString, text);
    QFETCH(ChatLine::Kind, kind);
    const auto lineWith = [kind](const QString &lineText) {
        ChatLine line = chat(lineText);
        line.kind = kind;
        if (kind != ChatLine::Kind::Left) {
            line.delivery = ChatLine::Delivery::Pending;
            line.clientId = u"id-"_s + QString::number(qHash(lineText));
        }
        return line;
    };
    QString plain;
    for (const QChar c : text) {
        if (!Validation::isBidiControl(c.unicode()))
            plain += c;
    }
    QVERIFY(plain != text);

    ListFixture f;
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    // The first line opens the day, under a band of its own: the two compared come after it.
    f.model.append(chat(u"good morning"_s));
    f.model.append(lineWith(text));
    f.model.append(lineWith(plain));
    QTRY_VERIFY(f.view.visualRect(f.model.index(2)).isValid());
    const QRect withControls = f.view.visualRect(f.model.index(1));
    const QRect without = f.view.visualRect(f.model.index(2));
    QCOMPARE(withControls.size(), without.size());
    const QImage image = f.view.viewport()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const auto rowImage = [&](const QRect &rect) {
        return image.copy(QRect(rect.topLeft() * ratio, rect.size() * ratio));
    };
    QVERIFY2(rowImage(withControls) == rowImage(without),
             "the direction controls changed what is drawn around the text");
}

void TestMessageDelegate::viewSetup()
{
    MessageView view;
    QCOMPARE(view.accessibleName(), u"Messages"_s);
    QCOMPARE(view.verticalScrollMode(), QAbstractItemView::ScrollPerPixel);
    QVERIFY(view.wordWrap());
    QVERIFY(!view.uniformItemSizes());
    QCOMPARE(view.selectionMode(), QAbstractItemView::ExtendedSelection);
    QCOMPARE(view.itemDelegate(), view.messageDelegate());
    QVERIFY(view.isFollowingBottom());
}

void TestMessageDelegate::viewFollowsBottom()
{
    MessageModel model;
    MessageView view;
    view.setModel(&model);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *bar = view.verticalScrollBar();
    for (int i = 0; i < 100; ++i)
        model.append(chat(longText(i % 17)));
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    const int firstMaximum = bar->maximum();
    model.append(chat(longText(40)));
    QTRY_VERIFY(bar->maximum() > firstMaximum);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(view.isFollowingBottom());
}

void TestMessageDelegate::viewStaysPutWhenScrolledUp()
{
    MessageModel model;
    MessageView view;
    view.setModel(&model);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *bar = view.verticalScrollBar();
    for (int i = 0; i < 100; ++i)
        model.append(chat(longText(i % 17)));
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    bar->setValue(bar->maximum() / 2);
    QVERIFY(!view.isFollowingBottom());
    const int reading = bar->value();
    const int oldMaximum = bar->maximum();
    model.append(chat(longText(30)));
    QTRY_VERIFY(bar->maximum() > oldMaximum);
    QCOMPARE(bar->value(), reading);

    // Back at the bottom, it follows again.
    bar->setValue(bar->maximum());
    QVERIFY(view.isFollowingBottom());
    const int maximumBefore = bar->maximum();
    model.append(chat(u"newest"_s));
    QTRY_VERIFY(bar->maximum() > maximumBefore);
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(view.indexAt(QPoint(5, view.viewport()->height() - 3))
                 .data(MessageModel::TextRole)
                 .toString(),
             u"newest"_s);
}

void TestMessageDelegate::viewStaysPutWhileScrollbackTrims()
{
    MessageModel model;
    model.setScrollbackLimit(200); // drops 20 at a time
    MessageView view;
    view.setModel(&model);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *bar = view.verticalScrollBar();
    for (int i = 0; i < 200; ++i)
        model.append(chat(QString::number(i) + u' ' + longText(i % 13)));
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    bar->setValue(bar->maximum() / 2);
    QVERIFY(!view.isFollowingBottom());
    const QPoint top(5, 5);
    const QModelIndex readIndex = view.indexAt(top);
    const QString reading = readIndex.data(MessageModel::TextRole).toString();
    const int offset = view.visualRect(readIndex).top();
    QVERIFY(!reading.isEmpty());

    {
        // The current row is among those the scrollback drops: the view must not follow it.
        const QSignalBlocker blocker(view.selectionModel());
        view.selectionModel()->setCurrentIndex(model.index(0), QItemSelectionModel::NoUpdate);
    }
    model.append(chat(u"200 trims the scrollback"_s));
    QCOMPARE(model.rowCount(), 181);
    QCOMPARE(view.currentIndex().row(), 0);
    QTRY_COMPARE(view.indexAt(top).data(MessageModel::TextRole).toString(), reading);
    QCOMPARE(view.visualRect(view.indexAt(top)).top(), offset);
    QVERIFY(!view.isFollowingBottom());

    // Following the bottom, a dropped current row does not pull the view up either.
    view.followBottom();
    QVERIFY(view.isFollowingBottom());
    {
        const QSignalBlocker blocker(view.selectionModel());
        view.selectionModel()->setCurrentIndex(model.index(0), QItemSelectionModel::NoUpdate);
    }
    for (int i = 0; i < 20; ++i)
        model.append(chat(u"more "_s + QString::number(i)));
    QCOMPARE(model.rowCount(), 181);
    QTRY_COMPARE(view.indexAt(QPoint(5, view.viewport()->height() - 3))
                     .data(MessageModel::TextRole)
                     .toString(),
                 u"more 19"_s);
    QVERIFY(view.isFollowingBottom());
    QCOMPARE(bar->value(), bar->maximum());
}

void TestMessageDelegate::viewCopiesSelection()
{
    MessageModel model;
    MessageView view;
    view.setModel(&model);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.append(chat(u"zero"_s));
    model.append(chat(u"one"_s));
    model.append(chat(u"two <b>"_s));
    model.append(chat(u"three"_s));
    view.selectionModel()->select(model.index(2), QItemSelectionModel::Select);
    view.selectionModel()->select(model.index(1), QItemSelectionModel::Select);
    const QString expected =
        model.index(1).data().toString() + u'\n' + model.index(2).data().toString();
    QCOMPARE(view.selectedText(), expected);

    QApplication::clipboard()->clear();
    view.setFocus();
    QTest::keySequence(&view, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), expected);
}

void TestMessageDelegate::viewZoom()
{
    MessageModel model;
    MessageView view;
    view.setModel(&model);
    model.append(chat(u"hello"_s));
    const qreal initial = view.font().pointSizeF();
    QVERIFY(initial > 0);
    view.zoomIn();
    QCOMPARE(view.font().pointSizeF(), initial + 1);
    view.zoomOut();
    view.zoomOut();
    QCOMPARE(view.font().pointSizeF(), initial - 1);
    for (int i = 0; i < 100; ++i)
        view.zoomIn();
    QCOMPARE(view.font().pointSizeF(), MessageView::MaximumPointSize);
    for (int i = 0; i < 100; ++i)
        view.zoomOut();
    QCOMPARE(view.font().pointSizeF(), MessageView::MinimumPointSize);
    view.resetZoom();
    QCOMPARE(view.font().pointSizeF(), initial);
}

void TestMessageDelegate::viewLinkClick()
{
    MessageModel model;
    MessageView view;
    view.setOpenLinks(false);
    view.setModel(&model);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.append(chat(u"see https://example.org/page for details"_s));
    const QModelIndex index = model.index(0);
    QTRY_VERIFY(view.visualRect(index).isValid());

    QStyleOptionViewItem option = optionFor(view, index);
    const QList<MessageDelegate::LinkArea> areas = view.messageDelegate()->linkAreas(option, index);
    QCOMPARE(areas.size(), 1);
    const QPoint onLink = centre(areas.at(0).rect).toPoint();
    QCOMPARE(view.linkAt(onLink), QUrl(u"https://example.org/page"_s));
    QCOMPARE(view.linkAt(QPoint(2, onLink.y())), QUrl());

    QSignalSpy activated(&view, &MessageView::linkActivated);
    QTest::mouseMove(view.viewport(), onLink);
    QTRY_COMPARE(view.viewport()->cursor().shape(), Qt::PointingHandCursor);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, onLink);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toUrl(), QUrl(u"https://example.org/page"_s));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(2, onLink.y()));
    QCOMPARE(activated.size(), 1);
}

QTEST_MAIN(TestMessageDelegate)
#include "tst_messagedelegate.moc"
