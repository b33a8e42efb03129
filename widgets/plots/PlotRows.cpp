#include "PlotRows.h"

#include <algorithm>
#include <limits>

namespace scalelab::widgets {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
} // namespace

void PlotRows::setLimit(int count)
{
    m_limit = std::max(1, count);
    trim();
}

void PlotRows::appendNewer(const std::vector<stats::WindowSample>& windows,
                           const std::function<PlotRow(size_t)>& rowAt)
{
    const double last = lastSeconds();
    auto next = std::upper_bound(windows.begin(), windows.end(), last + kSlack,
                                 [](double t, const stats::WindowSample& w) { return t < w.endSeconds; });
    // More new windows than the buffer holds: only the newest can stay.
    const auto fresh = static_cast<size_t>(windows.end() - next);
    if (fresh > static_cast<size_t>(m_limit))
        next += static_cast<std::ptrdiff_t>(fresh - static_cast<size_t>(m_limit));
    for (; next != windows.end(); ++next)
        m_rows.push_back(rowAt(static_cast<size_t>(next - windows.begin())));
    trim();
}

void PlotRows::trim()
{
    if (m_rows.size() <= static_cast<size_t>(m_limit))
        return;
    m_rows.erase(m_rows.begin(), m_rows.end() - m_limit);
    m_rows.shrink_to_fit();
}

void PlotRows::clear()
{
    m_rows.clear();
    m_rows.shrink_to_fit();
}

double PlotRows::firstSeconds() const
{
    return m_rows.empty() ? kInfinity : m_rows.front().seconds;
}

double PlotRows::lastSeconds() const
{
    return m_rows.empty() ? -kInfinity : m_rows.back().seconds;
}

const PlotRow* PlotRows::nearest(double seconds) const
{
    if (m_rows.empty())
        return nullptr;
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), seconds,
                               [](const PlotRow& row, double t) { return row.seconds < t; });
    if (it == m_rows.end() || (it != m_rows.begin() && seconds - std::prev(it)->seconds < it->seconds - seconds))
        it = std::prev(it);
    return &*it;
}

} // namespace scalelab::widgets
