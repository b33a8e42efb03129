#include "CliOutput.h"

#include <cstdio>
#include <filesystem>

namespace scalelab::cli {

int usageError(const std::string& message)
{
    std::fprintf(stderr, "scalelab: %s\n", message.c_str());
    return kExitUsage;
}

int failure(const std::string& message)
{
    std::fprintf(stderr, "scalelab: %s\n", message.c_str());
    return kExitFailure;
}

std::optional<int> parseOrExplain(QCommandLineParser& parser, const QStringList& arguments)
{
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    parser.addOption(help);
    if (!parser.parse(arguments))
        return usageError(parser.errorText().toStdString());
    if (parser.isSet(help)) {
        std::printf("%s", parser.helpText().toStdString().c_str());
        return kExitOk;
    }
    return std::nullopt;
}

std::string baseName(const std::string& path)
{
    return std::filesystem::path(path).filename().string();
}

} // namespace scalelab::cli
