#pragma once
// View > Presenter mode: the window as a projector in a classroom needs it.
// Full screen, the application font 1.5 times larger, bigger toolbar icons,
// the palette and block docks hidden and the canvas fitted up to 1.5 times
// larger, so block cards read from the back of the room, and plots
// with thicker lines and larger labels. Everything it changes is remembered
// on the way in and put back exactly on the way out.
#include <QByteArray>
#include <QFont>
#include <QObject>
#include <QPointer>
#include <QTransform>

#include <map>
#include <memory>

class QToolBar;

namespace scalelab::widgets {
class PlotMagnifier;
}

namespace scalelab::app {

class MainWindow;

class PresenterMode : public QObject {
    Q_OBJECT
public:
    static constexpr double kScale = 1.5;
    // Narrower than this, the magnified plot row holds four plots, not five.
    static constexpr int kFivePlotsWidth = 1600;

    explicit PresenterMode(MainWindow* window);
    ~PresenterMode() override;

    bool isActive() const { return m_active; }
    // Screenshots keep the window at the size they were asked for.
    void setFullScreenAllowed(bool allowed) { m_fullScreenAllowed = allowed; }

public slots:
    void setActive(bool active);
    // While active: toolbar rows, plot row and canvas fit for the larger
    // text and the window's size (after the window's default dock sizes too).
    void fitLayout();

signals:
    void activeChanged(bool active);

private:
    void enter();
    void leave();
    void magnifyPlots();

    MainWindow* m_window;
    bool m_active = false;
    bool m_fullScreenAllowed = true;
    std::unique_ptr<widgets::PlotMagnifier> m_plots;
    // What leaving puts back.
    QFont m_font;
    Qt::WindowStates m_windowState;
    QByteArray m_geometry;
    QByteArray m_dockState;
    QTransform m_viewTransform;
    double m_fitFloor = 0;
    double m_fitLimit = 1;
    std::map<QToolBar*, QSize> m_iconSizes;
};

} // namespace scalelab::app
