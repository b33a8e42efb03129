#include "RunProgress.h"

#include <algorithm>
#include <csignal>
#include <cstdio>

#include <unistd.h>

namespace scalelab::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int)
{
    g_interrupted = 1;
}

constexpr auto kRedraw = std::chrono::seconds(1);
constexpr int kBarWidth = 24;

double seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }

} // namespace

RunProgress::RunProgress(Display display, sim::SimTime end)
    : m_end(end)
    , m_start(std::chrono::steady_clock::now())
    , m_lastDraw(m_start)
{
    g_interrupted = 0;
    struct sigaction action {};
    action.sa_handler = &onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND; // one-shot: a second Ctrl+C kills as usual
    sigaction(SIGINT, &action, nullptr);
    m_inPlace = display == Display::Auto && ::isatty(STDERR_FILENO);
    m_shown = display == Display::Lines || m_inPlace;
    draw(0);
}

RunProgress::~RunProgress()
{
    finish();
    std::signal(SIGINT, SIG_DFL);
}

std::function<bool()> RunProgress::monitor(std::function<sim::SimTime()> now)
{
    return [this, now = std::move(now)] { return check(now()); };
}

bool RunProgress::check(sim::SimTime now)
{
    if (m_shown) {
        const auto wall = std::chrono::steady_clock::now();
        if (wall - m_lastDraw >= kRedraw) {
            m_lastDraw = wall;
            draw(now);
        }
    }
    return !interrupted();
}

void RunProgress::draw(sim::SimTime now)
{
    if (!m_shown)
        return;
    const double fraction = m_end > 0 ? std::min(1.0, std::max(0.0, sim::toSeconds(now) / sim::toSeconds(m_end))) : 1;
    const double wallS = seconds(std::chrono::steady_clock::now() - m_start);
    char bar[kBarWidth + 1];
    const int filled = static_cast<int>(fraction * kBarWidth);
    for (int i = 0; i < kBarWidth; ++i)
        bar[i] = i < filled ? '#' : '.';
    bar[kBarWidth] = '\0';
    char left[48] = "";
    if (fraction > 0.01 && fraction < 1)
        std::snprintf(left, sizeof left, ", about %.0f s left", wallS * (1 - fraction) / fraction);
    std::fprintf(stderr, "%s[%s] %3.0f%%  t=%.0f s of %.0f s, %.0f s wall%s%s", m_inPlace ? "\r" : "", bar,
                 fraction * 100, sim::toSeconds(now), sim::toSeconds(m_end), wallS, left,
                 m_inPlace ? "\x1b[K" : "\n");
    std::fflush(stderr);
    m_drawn = m_inPlace;
}

void RunProgress::finish()
{
    if (m_drawn) {
        std::fprintf(stderr, "\r\x1b[K");
        std::fflush(stderr);
        m_drawn = false;
    }
}

bool RunProgress::interrupted()
{
    return g_interrupted != 0;
}

} // namespace scalelab::cli
