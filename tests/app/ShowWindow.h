#pragma once
// Shows a main window at a size offscreen and lets the default dock sizes
// and the canvas fit settle: what a user sees of a freshly opened window.
#include "MainWindow.h"

#include <QApplication>
#include <QSize>
#include <QTest>

namespace scalelab::testing {

inline void showAt(app::MainWindow& window, QSize size)
{
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

} // namespace scalelab::testing
