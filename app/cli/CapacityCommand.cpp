#include "CapacityCommand.h"

#include "CliOutput.h"
#include "analysis/CapacityFormula.h"

#include <nlohmann/json.hpp>

#include <QCommandLineParser>

#include <cstdio>
#include <stdexcept>

namespace scalelab::cli {

namespace {

// A number option (required ones must be given; the others have defaults);
// nullopt after printing why it is unusable. Ranges are the formula's to check.
std::optional<double> numberOption(const QCommandLineParser& parser, const QString& name, bool required)
{
    if (required && !parser.isSet(name)) {
        usageError("capacity needs --" + name.toStdString());
        return std::nullopt;
    }
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok) {
        usageError("--" + name.toStdString() + " must be a number, got \"" + parser.value(name).toStdString() + "\"");
        return std::nullopt;
    }
    return value;
}

} // namespace

int capacityCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Size a server fleet with the capacity formula: peak RPS x latency / concurrency per server, "
        "plus a buffer, times redundancy.");
    parser.addOption({"peak-rps", "Peak requests per second.", "rps"});
    parser.addOption({"latency-ms", "Time one request occupies a server, in ms.", "ms"});
    parser.addOption({"concurrency", "Concurrent requests one server holds.", "n"});
    parser.addOption({"buffer", "Headroom as a fraction (default 0.5 = +50%).", "fraction", "0.5"});
    parser.addOption({"redundancy", "Copies of the fleet (default 2).", "n", "2"});
    parser.addOption({"json", "Print the result as JSON."});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    const auto peak = numberOption(parser, "peak-rps", true);
    const auto latency = peak ? numberOption(parser, "latency-ms", true) : std::nullopt;
    const auto concurrency = latency ? numberOption(parser, "concurrency", true) : std::nullopt;
    const auto buffer = concurrency ? numberOption(parser, "buffer", false) : std::nullopt;
    const auto redundancy = buffer ? numberOption(parser, "redundancy", false) : std::nullopt;
    if (!redundancy)
        return kExitUsage;
    if (*redundancy != static_cast<int>(*redundancy))
        return usageError("--redundancy must be a whole number");

    analysis::CapacityPlan plan;
    try {
        plan = analysis::capacityPlan(*peak, *latency, *concurrency, *buffer, static_cast<int>(*redundancy));
    } catch (const std::logic_error& error) {
        // The formula's range checks (a negative rate, a fleet beyond INT_MAX
        // servers) are about the numbers typed: a usage error like any other.
        return usageError(std::string("capacity: ") + error.what());
    }
    if (parser.isSet("json")) {
        nlohmann::ordered_json json;
        json["peak_rps"] = *peak;
        json["latency_ms"] = *latency;
        json["concurrency_per_server"] = *concurrency;
        json["buffer"] = *buffer;
        json["redundancy"] = static_cast<int>(*redundancy);
        json["base_servers_exact"] = plan.baseServers;
        json["base_servers"] = plan.baseRounded;
        json["with_buffer"] = plan.withBuffer;
        json["with_redundancy"] = plan.withRedundancy;
        nlohmann::ordered_json steps = nlohmann::ordered_json::array();
        for (const auto& step : plan.steps)
            steps.push_back({{"label", step.label}, {"formula", step.formula}, {"value", step.value}});
        json["steps"] = std::move(steps);
        std::printf("%s\n", json.dump(2).c_str());
        return kExitOk;
    }
    for (size_t i = 0; i < plan.steps.size(); ++i)
        std::printf("%zu. %-22s %s\n", i + 1, (plan.steps[i].label + ":").c_str(), plan.steps[i].formula.c_str());
    std::printf("\nServers needed: %d\n", plan.withRedundancy);
    return kExitOk;
}

} // namespace scalelab::cli
