#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

// Event-loop timing shared by the GUI benchmarks: how long the loop went without turning (a
// 1 ms timer's largest gap), and percentiles of a list of samples.
namespace BenchLoop {

// While running, a precise 1 ms timer notes the gaps between its ticks: a gap is how long the
// event loop was busy with something else (a stall), plus up to a millisecond.
class StallMonitor
{
public:
    StallMonitor();
    void start();
    void stop();
    double longestMs() const { return m_longestMs; }
    // How many gaps were longer than `ms`.
    int over(double ms) const;

private:
    QTimer m_timer;
    QElapsedTimer m_tick;
    double m_longestMs = 0;
    QList<double> m_gapsOver4Ms;
};

struct Measure
{
    double longestStallMs = 0;
    double totalMs = 0;
};

// Runs the event loop for `ms`, or until `done()` (checked every millisecond) or `timeoutMs`;
// whether it was done. Not QTest::qWait: that sleeps up to 10 ms between its turns of the loop,
// and a stall monitor running meanwhile would count each sleep as a stall.
void runFor(int ms);
bool runUntil(const std::function<bool()> &done, int timeoutMs);

// Runs `action` from the event loop, then lets the loop run `settleMs`; the longest stall
// (the action's own time included) and the action's time.
Measure measure(const std::function<void()> &action, int settleMs);

// Message `i` (from 1) of a realistic conversation: odd ones a question of one line, even ones
// an answer in markdown of a few hundred characters (a paragraph with emphasis, every third a
// bullet list, every fifth a small table), as the transcript shows them.
QString chatMessage(int i);

// The number after `name` on the command line (`--runs 5`), or `fallback`.
double argument(const QStringList &args, const QString &name, double fallback);

// The `p`-th percentile (0..100, nearest rank) of `samples`; 0 when there are none.
double percentile(QList<double> samples, double p);

} // namespace BenchLoop
