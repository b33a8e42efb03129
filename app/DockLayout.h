#pragma once
// The main window's dock arrangement over time: the default one (sized in
// proportion to the window once it is shown, so the canvas gets most of the
// room at any screen size), the user's one saved and restored across
// sessions (QSettings, with a state version so a changed arrangement does not
// restore a stale one), View > Reset Layout, and dock tabs kept whole: a
// tab group is never narrower than its tabs' full titles ("Probl..." would
// be a guess).
#include <QByteArray>
#include <QObject>

class QDockWidget;
class QMainWindow;
class QTimer;

namespace scalelab::app {

class DockLayout : public QObject {
    Q_OBJECT
public:
    // Bumped whenever the default arrangement changes its docks or areas.
    static constexpr int kStateVersion = 2;

    // Call once every dock exists: the arrangement then is the default.
    explicit DockLayout(QMainWindow* window);

    // The user's last window geometry and docks; on a first start, the
    // window sized to the screen instead. False when no dock state was restored.
    bool restore();
    void save() const;
    // The default arrangement, sized to the window as it is now.
    void reset();
    // Shares the window among the docks in the default proportions.
    void applyDefaultSizes();
    // Sizes the window to its screen: maximised on small screens, 90% of the
    // available area centred on large ones.
    void fitToScreen();
    // Widens each tab group to its tabs' full titles (after a font or title change).
    void keepTabsWhole();

signals:
    // The default proportions were just applied (first show, Reset Layout).
    void defaultSizesApplied();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QDockWidget* dock(const char* objectName) const;

    QMainWindow* m_window;
    QByteArray m_defaultState;
    bool m_sizesPending = true; // default sizes wait for the first show
    QTimer* m_fitTabs;
};

} // namespace scalelab::app
