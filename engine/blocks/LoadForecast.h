#pragma once
// Predictive scaling's forecast: the straight line through the last few
// readings of a target's arrival rate, extended to the moment instances
// decided now would start to serve. AWS's predictive scaling learns daily
// and weekly patterns from two weeks of history; a run is minutes long, so
// here the forecast is the recent trend, which is what meets a ramp (a sale
// opening, a launch) on time instead of a provisioning delay late.
#include <algorithm>
#include <cstddef>
#include <deque>

namespace scalelab::blocks {

class LoadForecast {
public:
    // Readings kept: enough to average out a period's Poisson noise, few
    // enough that an old slope fades within a few evaluation periods.
    static constexpr size_t kReadings = 4;

    // One reading: `rate` requests per second measured over a period centred on `atS`.
    void add(double atS, double rate)
    {
        m_points.push_back({atS, rate});
        if (m_points.size() > kReadings)
            m_points.pop_front();
    }
    void clear() { m_points.clear(); }

    // The least-squares line's rate at `atS` (never below zero); the last
    // reading when there are fewer than two.
    double rateAt(double atS) const
    {
        if (m_points.empty())
            return 0;
        if (m_points.size() < 2)
            return m_points.back().rate;
        double meanT = 0, meanRate = 0;
        for (const Point& p : m_points) {
            meanT += p.atS;
            meanRate += p.rate;
        }
        meanT /= double(m_points.size());
        meanRate /= double(m_points.size());
        double covariance = 0, variance = 0;
        for (const Point& p : m_points) {
            covariance += (p.atS - meanT) * (p.rate - meanRate);
            variance += (p.atS - meanT) * (p.atS - meanT);
        }
        const double slope = variance > 0 ? covariance / variance : 0;
        return std::max(0.0, meanRate + slope * (atS - meanT));
    }

private:
    struct Point {
        double atS, rate;
    };
    std::deque<Point> m_points;
};

} // namespace scalelab::blocks
