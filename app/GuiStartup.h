#pragma once
// What `scalelab [FILE]` does when no headless subcommand is named: parse the
// window's options, open the editor (or take a screenshot) and run.
#include <QStringList>

namespace scalelab::app {

class GuiStartup {
public:
    // Needs a QApplication. Returns the process exit status.
    static int run(const QStringList& arguments);
};

} // namespace scalelab::app
