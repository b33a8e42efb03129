#pragma once
// `scalelab --screenshot OUT.png [FILE] [--size 1600x1000] [--new] [--run-for 30s]`: renders
// the main window offscreen to a PNG and exits, so the look of the editor can
// be checked (and reviewed in CI) without a display.
#include <QSize>
#include <QString>

class QWidget;

namespace scalelab::widgets {
class CompareWindow;
}

namespace scalelab::app {

class MainWindow;

class Screenshot {
public:
    static constexpr QSize kDefaultSize{1600, 1000};

    // Lays the window out at `size`, fits the design and writes the PNG.
    // Empty string on success, else a one-line reason.
    static QString capture(MainWindow& window, QSize size, const QString& outPath);
    // `--gallery examples|lessons|challenges`: the same for that gallery
    // dialog, with `filter` typed in its search box.
    static QString captureGallery(const QString& gallery, const QString& filter, QSize size, const QString& outPath);
    // Runs the window's simulation as fast as possible to `simSeconds` of
    // simulated time and waits until the plots and the canvas hold its last
    // snapshot (`--run-for`). Empty string on success, else why it stopped.
    static QString runFor(MainWindow& window, double simSeconds);
    // `--compare A B` / `--tradeoff CARD`: the compare window at `size`, both
    // runs taken to `runSeconds` of simulated time first when it is > 0, and
    // with `difference` the paired comparison run (`--difference`).
    static QString captureCompare(widgets::CompareWindow& window, QSize size, double runSeconds, bool difference,
                                  const QString& outPath);
    // Runs both designs of the compare window as fast as possible to
    // `simSeconds` and waits until its plots hold that time.
    static QString runCompareFor(widgets::CompareWindow& window, double simSeconds);
    // Parses "1600x1000"; an invalid size when the text is not WIDTHxHEIGHT.
    static QSize parseSize(const QString& text);

    // Saves `widget` as a PNG; an error message, or empty.
    static QString save(QWidget& widget, const QString& outPath);
};

} // namespace scalelab::app
