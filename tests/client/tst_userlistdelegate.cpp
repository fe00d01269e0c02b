// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QColor>
#include <QListView>
#include <QPalette>
#include <QStyleOptionViewItem>
#include <QTest>

#include "nickcolor.h"
#include "userlistdelegate.h"
#include "userlistmodel.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

class TestUserListDelegate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nicksInTheirColoursOnTheViewsBase();
    void ownNickIsBold();
    void nickColours();

private:
    static QStyleOptionViewItem optionFor(const QListView &view, const UserListDelegate &delegate,
                                          int row);
};

QStyleOptionViewItem TestUserListDelegate::optionFor(const QListView &view,
                                                     const UserListDelegate &delegate, int row)
{
    QStyleOptionViewItem option;
    option.initFrom(&view);
    delegate.initStyleOption(&option, view.model()->index(row, 0));
    return option;
}

void TestUserListDelegate::nicksInTheirColoursOnTheViewsBase()
{
    UserListModel model;
    model.setUsers({u"ana"_s, u"bia"_s});
    QListView view;
    view.setModel(&model);
    UserListDelegate delegate;

    const QColor light(255, 255, 255);
    QPalette palette = view.palette();
    palette.setColor(QPalette::Base, light);
    view.setPalette(palette);
    QStyleOptionViewItem option = optionFor(view, delegate, 0);
    QCOMPARE(option.text, u"ana"_s);
    QCOMPARE(option.palette.color(QPalette::Text), NickColor::forNick(u"ana"_s, light));
    QCOMPARE(optionFor(view, delegate, 1).palette.color(QPalette::Text),
             NickColor::forNick(u"bia"_s, light));

    // On a dark palette, the same person in a colour that reads there.
    const QColor dark(30, 30, 30);
    palette.setColor(QPalette::Base, dark);
    view.setPalette(palette);
    option = optionFor(view, delegate, 0);
    QCOMPARE(option.palette.color(QPalette::Text), NickColor::forNick(u"ana"_s, dark));
    QVERIFY(NickColor::contrastRatio(option.palette.color(QPalette::Text), dark) >= 4.5);
    // The colour is in the text alone: a swatch beside each name only adds noise.
    QVERIFY(!option.features.testFlag(QStyleOptionViewItem::HasDecoration));
}

void TestUserListDelegate::ownNickIsBold()
{
    UserListModel model;
    model.setUsers({u"ana"_s, u"bia"_s});
    model.setOwnNick(u"bia"_s);
    QListView view;
    view.setModel(&model);
    UserListDelegate delegate;
    QVERIFY(!optionFor(view, delegate, 0).font.bold());
    QVERIFY(optionFor(view, delegate, 1).font.bold());
    model.setOwnNick(u"ana"_s);
    QVERIFY(optionFor(view, delegate, 0).font.bold());
    QVERIFY(!optionFor(view, delegate, 1).font.bold());
}

void TestUserListDelegate::nickColours()
{
    const QColor white(255, 255, 255);
    // The colour belongs to the nick, not to its case.
    QCOMPARE(NickColor::hash(u"ANA"_s), NickColor::hash(u"ana"_s));
    QCOMPARE(NickColor::forNick(u"ANA"_s, white), NickColor::forNick(u"ana"_s, white));
    // Stable across runs: FNV-1a, not a seeded hash.
    QCOMPARE(NickColor::hash(QString()), 2166136261u);
    QVERIFY(NickColor::contrastRatio(NickColor::forNick(u"ana"_s, white), white) >= 4.5);
}

QTEST_MAIN(TestUserListDelegate)
#include "tst_userlistdelegate.moc"
