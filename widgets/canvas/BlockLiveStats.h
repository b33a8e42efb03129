#pragma once
// What a card shows while the simulation runs, taken from the newest closed
// window of its block: arrivals, p95, errors, queue, utilisation, the wait
// for a pooled connection, and whether the block is down (everything it
// finished in the window failed). Also
// paints the live parts of the card: the utilisation tint and bar, and the
// badges under the card, so BlockItem only decides when to draw them.
#include "stats/Snapshot.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <QRectF>

#include <optional>

class QPainter;

namespace scalelab::widgets {

struct BlockLiveStats {
    double rps = 0;          // arrivals per second at the block
    double p95Ms = 0;        // of what completed in the window
    double errorsPerSecond = 0;
    double queue = 0;        // time-averaged waiting requests
    double utilization = 0;  // busy workers / capacity
    bool hasWorkers = false; // utilisation and queue apply
    bool down = false;
    QString state;         // a block's own state worth a badge (breaker open, autoscaler target)
    bool stateAlarm = false; // the state is bad news (an open circuit)
    bool pooled = false;     // it calls over a link with a connection pool
    double poolWaitMs = 0;   // mean wait for a connection in the window
    bool poolTimeouts = false; // calls gave up waiting for one in the window

    bool operator==(const BlockLiveStats&) const = default;
    // True when a card showing `other` would be drawn exactly as one showing
    // this: same badge texts and colours, same utilisation percent (the bar
    // is drawn from it too), same band and state. Raw figures that differ
    // below what is shown (1,203.4 against 1,203.6 rps) compare equal, so
    // the canvas is not repainted for them.
    bool looksLike(const BlockLiveStats& other) const;

    // Empty until the block has a closed window.
    static std::optional<BlockLiveStats> from(const stats::BlockSnapshot& block);

    // Utilisation bands: green below 60%, amber below 85%, red above.
    static QColor levelColor(double utilization);
    QColor cardFill() const;
    // The badges' texts, in their order ("1,024 rps", "p95 41 ms", "queue 0.1"):
    // the tooltip's live line when the card is too small to show them.
    QStringList badgeTexts() const;
    // Height the badges need under a card of `width`.
    double badgesHeight(double width) const;
    void paintBadges(QPainter* painter, QRectF card) const;
    // The utilisation bar along the card's bottom edge and (withFigure) its figure top right.
    void paintUtilization(QPainter* painter, QRectF card, bool withFigure = true) const;
    void paintDown(QPainter* painter, QRectF card) const;
};

} // namespace scalelab::widgets
