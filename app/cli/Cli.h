#pragma once
#include <QStringList>

namespace scalelab::cli {

// True when the arguments name a headless subcommand (run, plan, capacity, bench, help).
bool isCliInvocation(const QStringList& arguments);
// True when the subcommand draws widgets (report, bench --ui): it needs a
// QApplication, offscreen when there is no display.
bool cliNeedsWidgets(const QStringList& arguments);
// Runs the subcommand; returns the process exit status. Never throws.
int runCli(const QStringList& arguments);

} // namespace scalelab::cli
