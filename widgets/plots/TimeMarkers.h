#pragma once
// What happened during the run, on a plot's time axis: one thin vertical
// line per event-log entry (a fault, a recovery, a reaction such as an
// autoscaler scaling out or a breaker opening, a design change) and, at the
// top of the axis rect, a short label beside it. Labels are laid out at
// each draw from the pixels the axis gives: in one or two rows (none on a
// plot too short for text), left to right, and a label that would overlap
// one already placed is left out (its line stays, and the hover read-out
// names it). Drawn under the curves, inside the axis rect: never over data
// or the legend row above the axes.
//
// The live plots, the block dock and the PDF report (which paints the same
// QCustomPlot) all draw markers through this one class. styleOf is the one
// place that maps an entry's kind to its look.
#include "stats/EventLogEntry.h"

#include <QColor>
#include <QPointer>
#include <QRectF>
#include <QString>

#include <qcustomplot.h>

#include <vector>

namespace scalelab::widgets {

class TimeMarkers : public QCPLayerable {
    Q_OBJECT

public:
    struct Style {
        QColor color;
        Qt::PenStyle line = Qt::SolidLine;
    };
    static Style styleOf(stats::EventLogEntry::Kind kind);
    // The label: who and what was done, without figures and reasons
    // ("scaler: adding 83 to web", "breaker: circuit opened").
    static QString shortText(const stats::EventLogEntry& entry);

    // Adds itself to `plot` on a layer of its own, just above the grid.
    explicit TimeMarkers(QCustomPlot* plot);

    // Adds the entries of `log` later than those held (see RunHistory::appendNewer).
    void append(const std::vector<stats::EventLogEntry>& log);
    void clear();
    // Only entries naming this block, or no block at all (empty: every entry).
    void setBlockFilter(const QString& id);

    // The entries drawn (after the filter), oldest first.
    std::vector<stats::EventLogEntry> shown() const;
    // Full texts of the shown entries within `toleranceSeconds` of `seconds`.
    QStringList textsNear(double seconds, double toleranceSeconds) const;
    // After a draw: where each label went, and which entry (index into shown()) it names.
    struct PlacedLabel {
        QRectF rect;
        int entry = 0;
    };
    const std::vector<PlacedLabel>& placedLabels() const { return m_placed; }
    // A text item of the same plot (a reference line's label) that labels
    // must not cover: while it is visible, they keep clear of it as of
    // each other. The item belongs to the plot; a deleted one is forgotten.
    void avoid(QCPItemText* item);

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;
    QRect clipRect() const override;

private:
    bool passes(const stats::EventLogEntry& entry) const;

    std::vector<stats::EventLogEntry> m_entries; // all, oldest first
    QString m_blockFilter;
    std::vector<PlacedLabel> m_placed;
    std::vector<QPointer<QCPItemText>> m_avoided;
};

} // namespace scalelab::widgets
