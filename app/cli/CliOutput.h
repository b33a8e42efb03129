#pragma once
// Exit codes and error printing shared by every subcommand, so each error is
// one clear line on stderr and the status says what kind of failure it was.
#include <QCommandLineParser>
#include <QStringList>

#include <optional>
#include <string>

namespace scalelab::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1; // the input was understood but is wrong (file, design) or a goal failed
constexpr int kExitUsage = 2;   // the command line itself is wrong
constexpr int kExitInterrupted = 130; // stopped by Ctrl+C (128 + SIGINT, as shells report it); partial result printed

// Prints "scalelab: <message>" on stderr and returns kExitUsage.
int usageError(const std::string& message);
// Prints "scalelab: <message>" on stderr and returns kExitFailure.
int failure(const std::string& message);
// Parses, handling --help. Returns the exit status to stop with (help shown,
// or the command line is wrong and the reason printed), or nullopt to go on.
std::optional<int> parseOrExplain(QCommandLineParser& parser, const QStringList& arguments);
std::string baseName(const std::string& path);

} // namespace scalelab::cli
