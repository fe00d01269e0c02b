// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QCryptographicHash>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "pinstore.h"

using namespace Tagarela;
using namespace Qt::StringLiterals;

namespace {
QByteArray digestOf(const char *text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256);
}
} // namespace

class TestPinStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyAtFirst();
    void pinPerHostAndPort();
    void hostIgnoresCase();
    void replaceAndRemove();
    void survivesReopening();
    void refusesBadDigests();
    void damagedEntriesPinNothing();
    void bounded();
    void format_data();
    void format();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestPinStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"pins.ini"_s), QSettings::IniFormat);
}

void TestPinStore::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

void TestPinStore::emptyAtFirst()
{
    PinStore pins(m_settings.get());
    QVERIFY(pins.pin(u"chat.example"_s, 3000).isEmpty());
}

void TestPinStore::pinPerHostAndPort()
{
    PinStore pins(m_settings.get());
    pins.setPin(u"chat.example"_s, 3000, digestOf("a"));
    pins.setPin(u"chat.example"_s, 3001, digestOf("b"));
    pins.setPin(u"2001:db8::1"_s, 3000, digestOf("c"));
    QCOMPARE(pins.pin(u"chat.example"_s, 3000), digestOf("a"));
    QCOMPARE(pins.pin(u"chat.example"_s, 3001), digestOf("b"));
    QCOMPARE(pins.pin(u"2001:db8::1"_s, 3000), digestOf("c"));
    QVERIFY(pins.pin(u"other.example"_s, 3000).isEmpty());
}

void TestPinStore::hostIgnoresCase()
{
    PinStore pins(m_settings.get());
    pins.setPin(u"Chat.Example"_s, 3000, digestOf("a"));
    QCOMPARE(pins.pin(u"chat.example"_s, 3000), digestOf("a"));
    pins.setPin(u"CHAT.example"_s, 3000, digestOf("b"));
    QCOMPARE(pins.pin(u"chat.example"_s, 3000), digestOf("b"));
}

void TestPinStore::replaceAndRemove()
{
    PinStore pins(m_settings.get());
    pins.setPin(u"chat.example"_s, 3000, digestOf("a"));
    pins.setPin(u"chat.example"_s, 3000, digestOf("b"));
    QCOMPARE(pins.pin(u"chat.example"_s, 3000), digestOf("b"));
    pins.removePin(u"chat.example"_s, 3000);
    QVERIFY(pins.pin(u"chat.example"_s, 3000).isEmpty());
}

void TestPinStore::survivesReopening()
{
    {
        PinStore pins(m_settings.get());
        pins.setPin(u"chat.example"_s, 3000, digestOf("a"));
    }
    m_settings->sync();
    QSettings reopened(m_dir->filePath(u"pins.ini"_s), QSettings::IniFormat);
    PinStore pins(&reopened);
    QCOMPARE(pins.pin(u"chat.example"_s, 3000), digestOf("a"));
}

void TestPinStore::refusesBadDigests()
{
    PinStore pins(m_settings.get());
    pins.setPin(u"chat.example"_s, 3000, "too short"_ba);
    pins.setPin(QString(), 3000, digestOf("a"));
    pins.setPin(u"chat.example"_s, 0, digestOf("a"));
    QVERIFY(pins.pin(u"chat.example"_s, 3000).isEmpty());
    QVERIFY(pins.pin(u"chat.example"_s, 0).isEmpty());
}

void TestPinStore::damagedEntriesPinNothing()
{
    m_settings->beginWriteArray(u"certificatePins"_s, 2);
    m_settings->setArrayIndex(0);
    m_settings->setValue(u"host"_s, u"chat.example"_s);
    m_settings->setValue(u"port"_s, 3000);
    m_settings->setValue(u"sha256"_s, u"not hex"_s);
    m_settings->setArrayIndex(1);
    m_settings->setValue(u"host"_s, u"other.example"_s);
    m_settings->setValue(u"port"_s, u"many"_s);
    m_settings->setValue(u"sha256"_s, QString::fromLatin1(digestOf("a").toHex()));
    m_settings->endArray();
    PinStore pins(m_settings.get());
    QVERIFY(pins.pin(u"chat.example"_s, 3000).isEmpty());
    QVERIFY(pins.pin(u"other.example"_s, 0).isEmpty());
}

void TestPinStore::bounded()
{
    PinStore pins(m_settings.get());
    for (int i = 0; i < PinStore::MaxPins + 5; ++i)
        pins.setPin(u"host%1.example"_s.arg(i), 3000, digestOf("a"));
    // The oldest went first.
    QVERIFY(pins.pin(u"host0.example"_s, 3000).isEmpty());
    QCOMPARE(pins.pin(u"host%1.example"_s.arg(PinStore::MaxPins + 4), 3000), digestOf("a"));
}

void TestPinStore::format_data()
{
    QTest::addColumn<QByteArray>("digest");
    QTest::addColumn<int>("perLine");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << 0 << QString();
    QTest::newRow("pairs") << QByteArray::fromHex("0aff10") << 0 << u"0A:FF:10"_s;
    QTest::newRow("lines") << QByteArray::fromHex("01020304") << 2 << u"01:02\n03:04"_s;
}

void TestPinStore::format()
{
    QFETCH(QByteArray, digest);
    QFETCH(int, perLine);
    QFETCH(QString, expected);
    QCOMPARE(PinStore::format(digest, perLine), expected);
}

QTEST_GUILESS_MAIN(TestPinStore)
#include "tst_pinstore.moc"
