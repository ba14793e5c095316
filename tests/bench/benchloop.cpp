#include "tests/bench/benchloop.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace BenchLoop {

StallMonitor::StallMonitor()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
        const double gap = m_tick.nsecsElapsed() / 1e6;
        m_longestMs = std::max(m_longestMs, gap);
        if (gap > 4)
            m_gapsOver4Ms << gap;
        m_tick.restart();
    });
}

void StallMonitor::start()
{
    m_longestMs = 0;
    m_gapsOver4Ms.clear();
    m_timer.start();
    m_tick.start();
}

void StallMonitor::stop()
{
    m_timer.stop();
}

int StallMonitor::over(double ms) const
{
    return int(std::count_if(
        m_gapsOver4Ms.cbegin(), m_gapsOver4Ms.cend(), [ms](double gap) { return gap > ms; }));
}

bool runUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(1);
    QTimer::singleShot(timeoutMs, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

Measure measure(const std::function<void()> &action, int settleMs)
{
    Measure m;
    StallMonitor monitor;
    QElapsedTimer clock;
    QCoreApplication::processEvents();
    monitor.start();
    bool done = false;
    QTimer::singleShot(0, [&] {
        clock.start();
        action();
        m.totalMs = clock.nsecsElapsed() / 1e6;
        done = true;
    });
    // Until the action has run, then `settleMs` more (what it posted: layout, repaint).
    runUntil([&done] { return done; }, 600000);
    runFor(settleMs);
    monitor.stop();
    m.longestStallMs = monitor.longestMs();
    return m;
}

QString chatMessage(int i)
{
    static const QString regions[] = { u"EMEA"_s, u"APAC"_s, u"Americas"_s, u"Nordics"_s };
    const QString &region = regions[i % 4];
    const int quarter = 1 + i % 4;
    const int year = 2022 + i % 3;
    if (i % 2)
        return u"How did revenue in %1 develop in Q%2 %3, and what drove it?"_s.arg(region)
            .arg(quarter)
            .arg(year);
    QString text = u"Revenue in **%1** grew by %2 % in Q%3 %4 against the prior quarter, "
                   u"mostly from *monitors* and `keyboards`. Costs stayed flat, so the margin "
                   u"rose to %5 %. Message %6 of this conversation."_s.arg(region)
                       .arg(3 + i % 9)
                       .arg(quarter)
                       .arg(year)
                       .arg(20 + i % 15)
                       .arg(i);
    if (i % 3 == 0)
        text += u"\n\n- Laptops: up %1 %\n- Monitors: up %2 %\n- Keyboards: flat"_s.arg(i % 7).arg(
            i % 11);
    if (i % 5 == 0)
        text += u"\n\n| Region | Revenue | Cost |\n| --- | ---: | ---: |\n| %1 | %2 | %3 |\n"
                u"| Total | %4 | %5 |"_s.arg(region)
                    .arg(1000 + i)
                    .arg(600 + i)
                    .arg(4000 + i)
                    .arg(2500 + i);
    return text;
}

double argument(const QStringList &args, const QString &name, double fallback)
{
    const qsizetype i = args.indexOf(name);
    return i > 0 && i + 1 < args.size() ? args.at(i + 1).toDouble() : fallback;
}

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(samples.size())));
    return samples.at(std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1));
}

} // namespace BenchLoop
