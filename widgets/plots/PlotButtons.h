#pragma once
// The buttons in a time-series plot's top-right corner, in its legend row:
// Follow (shown only while the user has zoomed or dragged away from the
// newest data), the span followed (PlotTimeSpan: one choice for every plot)
// and Save (PNG, PDF or CSV). The plot's context menu offers the same span
// and save actions.
#include <QWidget>

class QActionGroup;
class QMenu;
class QToolButton;

namespace scalelab::widgets {

class PlotButtons : public QWidget {
    Q_OBJECT

public:
    // Buttons `height` tall in `font` (the legend's: they sit in its row).
    PlotButtons(const QFont& font, int height, QWidget* parent);

    // Follow is offered while the plot does not follow the run.
    void setFollowing(bool following);
    // Names and ticks the span the plot follows (0: the whole run).
    void showSpan(double followSeconds);
    // The plot's context menu: Follow newest data (checked while following), the spans and Save as.
    void offerInContextMenu(QWidget* plot);

signals:
    // Follow, or a span chosen (PlotTimeSpan has it already): follow the newest data.
    void followRequested();
    // Follow newest data toggled in the context menu.
    void followingToggled(bool following);
    // Save as chosen: `extension` ("png", "pdf", "csv") and the file dialog's filter.
    void saveRequested(const QString& extension, const QString& filter);

private:
    QToolButton* m_followButton;
    QToolButton* m_spanButton;
    QActionGroup* m_spanActions; // whole run, last N: shared by the button and the context menu
    QMenu* m_saveMenu;
    bool m_following = true;
};

} // namespace scalelab::widgets
