// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include "userlistmodel.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

QStringList shown(const UserListModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row).data(Qt::DisplayRole).toString());
    return out;
}

// Every structural change the model announces, to check that it announces little.
struct ChangeSpies
{
    explicit ChangeSpies(const UserListModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , count(model, &UserListModel::countChanged)
    { }

    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy changed;
    QSignalSpy reset;
    QSignalSpy layout;
    QSignalSpy count;
};

} // namespace

class TestUserListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty();
    void sortedCaseInsensitively();
    void duplicatesShownOnce();
    void joinInsertsOneRow();
    void leaveRemovesOneRow();
    void renameInPlaceChangesOneRow();
    void renameThatMoves();
    void unchangedListChangesNothing();
    void selectionSurvivesJoinAndLeave();
    void countSignal();
    void emptyAgain();
    void randomChanges();
    void ownNickIsMarked();
    void rowOf();
};

void TestUserListModel::startsEmpty()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.count(), 0);
    QCOMPARE(model.property("count").toInt(), 0);
}

void TestUserListModel::sortedCaseInsensitively()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ChangeSpies spies(&model);
    model.setUsers({u"carl"_s, u"Bob"_s, u"ana"_s, u"Ana"_s, u"zoe"_s, u"Ze"_s});
    QCOMPARE(shown(model),
             (QStringList {u"Ana"_s, u"ana"_s, u"Bob"_s, u"carl"_s, u"Ze"_s, u"zoe"_s}));
    // A first fill is one insertion.
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(spies.inserted.at(0).at(2).toInt(), 5);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(model.users(), shown(model));
}

void TestUserListModel::duplicatesShownOnce()
{
    UserListModel model;
    model.setUsers({u"ana"_s, u"bia"_s, u"ana"_s});
    QCOMPARE(shown(model), (QStringList {u"ana"_s, u"bia"_s}));
    QCOMPARE(model.count(), 2);
}

void TestUserListModel::joinInsertsOneRow()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers({u"ana"_s, u"carl"_s, u"dora"_s});
    ChangeSpies spies(&model);
    model.setUsers({u"ana"_s, u"carl"_s, u"dora"_s, u"Bia"_s});
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(spies.inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(spies.removed.size(), 0);
    QCOMPARE(spies.changed.size(), 0);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.layout.size(), 0);
    QCOMPARE(shown(model), (QStringList {u"ana"_s, u"Bia"_s, u"carl"_s, u"dora"_s}));

    // At either end too.
    model.setUsers({u"aaron"_s, u"ana"_s, u"Bia"_s, u"carl"_s, u"dora"_s, u"zed"_s});
    QCOMPARE(spies.inserted.size(), 3);
    QCOMPARE(spies.removed.size(), 0);
    QCOMPARE(shown(model),
             (QStringList {u"aaron"_s, u"ana"_s, u"Bia"_s, u"carl"_s, u"dora"_s, u"zed"_s}));
}

void TestUserListModel::leaveRemovesOneRow()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers({u"ana"_s, u"bia"_s, u"carl"_s, u"dora"_s});
    ChangeSpies spies(&model);
    model.setUsers({u"ana"_s, u"carl"_s, u"dora"_s});
    QCOMPARE(spies.removed.size(), 1);
    QCOMPARE(spies.removed.at(0).at(1).toInt(), 1);
    QCOMPARE(spies.removed.at(0).at(2).toInt(), 1);
    QCOMPARE(spies.inserted.size(), 0);
    QCOMPARE(spies.changed.size(), 0);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(shown(model), (QStringList {u"ana"_s, u"carl"_s, u"dora"_s}));
}

void TestUserListModel::renameInPlaceChangesOneRow()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers({u"ana"_s, u"bia"_s, u"dora"_s});
    ChangeSpies spies(&model);
    model.setUsers({u"ana"_s, u"carl"_s, u"dora"_s}); // bia is now known as carl
    QCOMPARE(spies.inserted.size(), 0);
    QCOMPARE(spies.removed.size(), 0);
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(spies.changed.at(0).at(1).value<QModelIndex>().row(), 1);
    QCOMPARE(spies.count.size(), 0);
    QCOMPARE(shown(model), (QStringList {u"ana"_s, u"carl"_s, u"dora"_s}));

    // A change of case only.
    model.setUsers({u"ana"_s, u"Carl"_s, u"dora"_s});
    QCOMPARE(spies.changed.size(), 2);
    QCOMPARE(spies.inserted.size() + spies.removed.size(), 0);
    QCOMPARE(shown(model), (QStringList {u"ana"_s, u"Carl"_s, u"dora"_s}));
}

void TestUserListModel::renameThatMoves()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers({u"ana"_s, u"bia"_s, u"carl"_s, u"dora"_s});
    ChangeSpies spies(&model);
    model.setUsers({u"bia"_s, u"carl"_s, u"dora"_s, u"zed"_s}); // ana is now known as zed
    QCOMPARE(spies.removed.size(), 1);
    QCOMPARE(spies.removed.at(0).at(1).toInt(), 0);
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 3);
    QCOMPARE(spies.count.size(), 0);
    QCOMPARE(shown(model), (QStringList {u"bia"_s, u"carl"_s, u"dora"_s, u"zed"_s}));
}

void TestUserListModel::unchangedListChangesNothing()
{
    UserListModel model;
    model.setUsers({u"ana"_s, u"bia"_s});
    ChangeSpies spies(&model);
    model.setUsers({u"bia"_s, u"ana"_s});
    QCOMPARE(spies.inserted.size() + spies.removed.size() + spies.changed.size() +
                 spies.reset.size() + spies.count.size(),
             0);
}

void TestUserListModel::selectionSurvivesJoinAndLeave()
{
    UserListModel model;
    QItemSelectionModel selection(&model);
    model.setUsers({u"ana"_s, u"carl"_s, u"dora"_s});
    selection.setCurrentIndex(model.index(1), QItemSelectionModel::ClearAndSelect);
    model.setUsers({u"aaron"_s, u"ana"_s, u"carl"_s, u"dora"_s});
    QCOMPARE(selection.currentIndex().data().toString(), u"carl"_s);
    QCOMPARE(selection.selectedIndexes().size(), 1);
    QCOMPARE(selection.selectedIndexes().at(0).data().toString(), u"carl"_s);
    model.setUsers({u"carl"_s, u"dora"_s});
    QCOMPARE(selection.currentIndex().data().toString(), u"carl"_s);
    QCOMPARE(selection.selectedIndexes().at(0).row(), 0);
}

void TestUserListModel::countSignal()
{
    UserListModel model;
    QSignalSpy count(&model, &UserListModel::countChanged);
    model.setUsers({u"ana"_s, u"bia"_s});
    QCOMPARE(count.size(), 1);
    QCOMPARE(count.at(0).at(0).toInt(), 2);
    model.setUsers({u"ana"_s, u"bia"_s, u"carl"_s});
    QCOMPARE(count.size(), 2);
    QCOMPARE(count.at(1).at(0).toInt(), 3);
    model.setUsers({u"ana"_s, u"bia"_s, u"dora"_s}); // a join and a leave: same count
    QCOMPARE(count.size(), 2);
    model.setUsers({u"dora"_s});
    QCOMPARE(count.size(), 3);
    QCOMPARE(count.at(2).at(0).toInt(), 1);
    QCOMPARE(model.count(), 1);
}

void TestUserListModel::emptyAgain()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers({u"ana"_s, u"bia"_s, u"carl"_s});
    ChangeSpies spies(&model);
    model.setUsers({});
    QCOMPARE(spies.removed.size(), 1);
    QCOMPARE(spies.removed.at(0).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(spies.count.size(), 1);
    QCOMPARE(spies.count.at(0).at(0).toInt(), 0);
}

void TestUserListModel::randomChanges()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QRandomGenerator random(42);
    const QStringList pool = {u"ana"_s, u"Ana"_s,  u"bia"_s, u"Bob"_s,  u"carl"_s, u"dora"_s,
                              u"Eve"_s, u"fred"_s, u"Gil"_s, u"hugo"_s, u"ines"_s, u"zed"_s};
    for (int round = 0; round < 500; ++round) {
        QStringList users;
        for (const QString &nick : pool) {
            if (random.bounded(2))
                users.append(nick);
        }
        const int before = model.count();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy count(&model, &UserListModel::countChanged);
        model.setUsers(users);
        std::sort(users.begin(), users.end(), UserListModel::lessThan);
        QCOMPARE(shown(model), users);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(count.size(), before == users.size() ? 0 : 1);
    }
}

void TestUserListModel::ownNickIsMarked()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers({u"ana"_s, u"bia"_s});
    QVERIFY(!model.index(0).data(UserListModel::OwnNickRole).toBool());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setOwnNick(u"bia"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QVERIFY(model.index(1).data(UserListModel::OwnNickRole).toBool());
    QVERIFY(!model.index(0).data(UserListModel::OwnNickRole).toBool());

    model.setOwnNick(u"ana"_s);
    QCOMPARE(changed.size(), 3); // bia is no longer the user, ana is
    QVERIFY(changed.at(2).at(2).value<QList<int>>().contains(UserListModel::OwnNickRole));
    QVERIFY(model.index(0).data(UserListModel::OwnNickRole).toBool());
    QVERIFY(!model.index(1).data(UserListModel::OwnNickRole).toBool());

    // A nick that is not (yet) in the list is the user's once it arrives.
    model.setOwnNick(u"carl"_s);
    model.setUsers({u"ana"_s, u"bia"_s, u"carl"_s});
    QVERIFY(model.index(2).data(UserListModel::OwnNickRole).toBool());
    // The model says who is who, not how it looks: that is the delegate's.
    QVERIFY(!model.index(2).data(Qt::FontRole).isValid());
    QVERIFY(!model.index(2).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.ownNick(), u"carl"_s);
}

void TestUserListModel::rowOf()
{
    UserListModel model;
    model.setUsers({u"ana"_s, u"Bia"_s, u"carl"_s});
    QCOMPARE(model.rowOf(u"Bia"_s), 1);
    QCOMPARE(model.rowOf(u"bia"_s), -1);
    QCOMPARE(model.rowOf(u"zed"_s), -1);
}

QTEST_GUILESS_MAIN(TestUserListModel)
#include "tst_userlistmodel.moc"
