// SPDX-FileCopyrightText: 2026 Tagarela authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Not a test: feeds a MessageView a flood of lines at a steady rate (10,000 lines/s by default)
// and measures how long the event loop stalls, as the gaps between the ticks of a 1 ms timer.
// A developer's tool, so its output is not translated. Runs with QT_QPA_PLATFORM=offscreen
// or under a real (or Xvfb) display.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QStringList>
#include <QTimer>

#include "chatline.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "messageview.h"

using namespace Qt::StringLiterals;
using namespace Tagarela;

namespace {

constexpr int FeedIntervalMs = 10;
constexpr int ProbeIntervalMs = 1;
constexpr int SettleMs = 500; // after the last line, for the last layout and paint
constexpr int StartDelayMs = 300; // after show(), so that start-up is not measured

const QStringList &words()
{
    static const QStringList list =
        u"the of and to in is you that it he was for on are as with "
        "his they at be this have from or one had by word but not what "
        "all were we when your can said there use an each which she do "
        "how their if will up other about out many then them these so "
        "some her would make like him into time has look two more "
        "write go see number no way could people my than first water "
        "been call who oil its now find long down day did get come "
        "made may part tagarela papagaio conversa servidor cliente"_s.split(u' ');
    return list;
}

QString sentence(QRandomGenerator &random, int wordCount)
{
    const QStringList &list = words();
    QString text;
    for (int i = 0; i < wordCount; ++i) {
        if (i > 0)
            text += u' ';
        text += list.at(random.bounded(static_cast<int>(list.size())));
    }
    return text;
}

// A plausible busy room: mostly chat, a tail of long messages that wrap, some links, a few
// mentions, joins, parts and renames.
ChatLine makeLine(QRandomGenerator &random, int number)
{
    ChatLine line;
    line.time = QDateTime::currentMSecsSinceEpoch();
    line.nick = u"user"_s + QString::number(random.bounded(40));
    const int kind = random.bounded(100);
    const int length = random.bounded(100) < 90 ? 1 + random.bounded(14) : 15 + random.bounded(60);
    if (kind < 85) {
        line.kind = ChatLine::Kind::Chat;
        line.text = sentence(random, length);
        if (random.bounded(10) == 0)
            line.text += u" https://example.org/page/"_s + QString::number(number);
        line.mentionsMe = random.bounded(50) == 0;
    } else if (kind < 90) {
        line.kind = ChatLine::Kind::Action;
        line.text = sentence(random, length);
    } else if (kind < 93) {
        line.kind = ChatLine::Kind::Joined;
    } else if (kind < 95) {
        line.kind = ChatLine::Kind::Left;
        line.text = sentence(random, random.bounded(4));
    } else if (kind < 96) {
        line.kind = ChatLine::Kind::Renamed;
        line.text = u"user"_s + QString::number(40 + random.bounded(40));
    } else if (kind < 98) {
        line.kind = ChatLine::Kind::Notice;
        line.text = sentence(random, length);
    } else if (kind < 99) {
        line.kind = ChatLine::Kind::Info;
        line.text = sentence(random, 6);
    } else {
        line.kind = ChatLine::Kind::Error;
        line.text = sentence(random, 5);
    }
    return line;
}

// The peak resident set size in KiB (VmHWM), or -1 where /proc is not there.
qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:")) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            return fields.size() >= 2 ? fields.at(1).toLongLong() : -1;
        }
    }
    return -1;
}

double ms(qint64 nanoseconds)
{
    return static_cast<double>(nanoseconds) / 1e6;
}

int positiveOption(const QCommandLineParser &parser, const QString &name)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value <= 0) {
        std::fprintf(stderr, "--%s wants a positive number\n", qPrintable(name));
        std::exit(2);
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tagarela-chatview-bench"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Feeds the chat view lines at a steady rate and reports event-loop stalls."_s);
    parser.addHelpOption();
    parser.addOption({u"scrollback"_s, u"Scrollback limit in lines (default 100000)."_s, u"lines"_s,
                      u"100000"_s});
    parser.addOption({u"lines"_s, u"Lines to feed (default 100000)."_s, u"count"_s, u"100000"_s});
    parser.addOption({u"rate"_s, u"Lines per second (default 10000)."_s, u"lines"_s, u"10000"_s});
    parser.addOption(
        {u"max-seconds"_s, u"Stop feeding after this long (default 60)."_s, u"seconds"_s, u"60"_s});
    parser.process(app);
    const int scrollback = positiveOption(parser, u"scrollback"_s);
    const int total = positiveOption(parser, u"lines"_s);
    const int rate = positiveOption(parser, u"rate"_s);
    const qint64 maxMs = static_cast<qint64>(positiveOption(parser, u"max-seconds"_s)) * 1000;

    MessageModel model;
    model.setScrollbackLimit(scrollback);
    MessageView view;
    view.setOpenLinks(false);
    view.setModel(&model);
    view.setWindowTitle(u"tagarela-chatview-bench"_s);
    view.resize(900, 700);
    view.show();

    QRandomGenerator random(20260101);
    std::vector<qint64> gaps;
    gaps.reserve(static_cast<std::size_t>(maxMs + SettleMs) + 1000);
    QElapsedTimer clock;
    qint64 lastTick = -1;
    int fed = 0;
    int batches = 0;
    int largestBatch = 0;
    qint64 feedingNs = 0;

    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(ProbeIntervalMs);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick >= 0)
            gaps.push_back(now - lastTick);
        lastTick = now;
    });

    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    feeder.setInterval(FeedIntervalMs);

    const auto finish = [&] {
        probe.stop();
        std::vector<qint64> sorted = gaps;
        std::sort(sorted.begin(), sorted.end());
        const auto percentile = [&](double p) -> qint64 {
            if (sorted.empty())
                return 0;
            const auto rank = static_cast<std::size_t>(p * static_cast<double>(sorted.size()));
            return sorted[std::min(rank, sorted.size() - 1)];
        };
        const double seconds = static_cast<double>(feedingNs) / 1e9;
        const qint64 rss = peakRssKiB();

        std::printf("Tagarela chat view benchmark (platform %s, view %dx%d)\n",
                    qPrintable(QGuiApplication::platformName()), view.width(), view.height());
        std::printf("lines fed:        %d in %d batches (largest %d), %.0f lines/s (wanted %d)\n",
                    fed, batches, largestBatch, seconds > 0 ? fed / seconds : 0.0, rate);
        std::printf("elapsed:          %.2f s feeding, %.2f s with the settling time\n", seconds,
                    static_cast<double>(clock.nsecsElapsed()) / 1e9);
        std::printf("longest stall:    %.1f ms (largest gap between 1 ms timer ticks)\n",
                    ms(sorted.empty() ? 0 : sorted.back()));
        std::printf("p99 stall:        %.1f ms (median %.2f ms, %zu ticks)\n", ms(percentile(0.99)),
                    ms(percentile(0.5)), sorted.size());
        std::printf("final row count:  %d (scrollback limit %d)\n", model.rowCount(), scrollback);
        if (rss >= 0)
            std::printf("peak RSS (VmHWM): %.1f MiB\n", static_cast<double>(rss) / 1024.0);
        else
            std::printf("peak RSS (VmHWM): unknown (no /proc/self/status)\n");

        // Two costs that come with a long log: a new width and a new font size. Only the rows
        // in sight are laid out at once; the others get estimated heights, measured afterwards
        // a slice at a time while the event loop runs (reported apart, with its longest slice).
        MessageDelegate *delegate = view.messageDelegate();
        const auto refine = [&](qint64 *longestNs) {
            QElapsedTimer spent;
            spent.start();
            *longestNs = 0;
            while (delegate->estimateCount() > 0 && spent.elapsed() < 30'000) {
                QElapsedTimer slice;
                slice.start();
                // One pass over what is pending: one slice of the view's measuring (a maximum
                // time here would run several slices back to back and report them as one).
                QCoreApplication::processEvents(QEventLoop::AllEvents);
                *longestNs = std::max(*longestNs, slice.nsecsElapsed());
            }
            return spent.nsecsElapsed();
        };
        QElapsedTimer relayout;
        relayout.start();
        view.resize(view.width() - 150, view.height());
        view.doItemsLayout();
        const qint64 resizeNs = relayout.nsecsElapsed();
        qint64 resizeSliceNs = 0;
        const qint64 resizeRefineNs = refine(&resizeSliceNs);
        relayout.restart();
        view.zoomIn();
        view.doItemsLayout();
        const qint64 zoomNs = relayout.nsecsElapsed();
        qint64 zoomSliceNs = 0;
        const qint64 zoomRefineNs = refine(&zoomSliceNs);
        relayout.restart();
        view.doItemsLayout();
        const qint64 cachedNs = relayout.nsecsElapsed();
        std::printf("resize:           %.0f ms to lay out %d rows 150 px narrower; exact heights "
                    "%.0f ms later in slices of at most %.0f ms\n",
                    ms(resizeNs), model.rowCount(), ms(resizeRefineNs), ms(resizeSliceNs));
        std::printf("zoom:             %.0f ms to lay out %d rows one point larger; exact heights "
                    "%.0f ms later in slices of at most %.0f ms\n",
                    ms(zoomNs), model.rowCount(), ms(zoomRefineNs), ms(zoomSliceNs));
        std::printf("relayout:         %.1f ms with nothing changed\n", ms(cachedNs));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    };

    QObject::connect(&feeder, &QTimer::timeout, &app, [&] {
        const qint64 elapsedMs = clock.elapsed();
        // Lines due by now, so that a late timer catches up rather than slows the flood.
        const int due = static_cast<int>(std::min<qint64>(total, elapsedMs * rate / 1000));
        if (due > fed) {
            QList<ChatLine> batch;
            batch.reserve(due - fed);
            for (int i = fed; i < due; ++i)
                batch.append(makeLine(random, i));
            model.append(batch);
            largestBatch = std::max(largestBatch, due - fed);
            ++batches;
            fed = due;
        }
        if (fed >= total || elapsedMs >= maxMs) {
            feeder.stop();
            feedingNs = clock.nsecsElapsed();
            QTimer::singleShot(SettleMs, &app, finish);
        }
    });

    QTimer::singleShot(StartDelayMs, &app, [&] {
        clock.start();
        probe.start();
        feeder.start();
    });
    return QCoreApplication::exec();
}
