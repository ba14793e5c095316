#pragma once

#include <atomic>

// How far a running export is and whether it should stop, shared between the thread that writes
// it and the one that shows it: the exporter counts messages done out of the total and checks
// cancelled() between messages; anyone may cancel() at any time.
class ExportProgress
{
public:
    void start(int total)
    {
        m_total = total;
        m_done = 0;
    }
    void advance() { ++m_done; }
    int done() const { return m_done; }
    int total() const { return m_total; }
    void cancel() { m_cancelled = true; }
    bool cancelled() const { return m_cancelled; }

private:
    std::atomic<int> m_done { 0 };
    std::atomic<int> m_total { 0 };
    std::atomic<bool> m_cancelled { false };
};
