#include "InterviewWriter.h"

#include "JsonText.h"
#include "TeachingWriter.h"

namespace scalelab::io {

using nlohmann::ordered_json;

namespace {

ordered_json envelopeJson(const model::EnvelopeInputs& inputs)
{
    return {
        {"daily_users", numberJson(inputs.dailyUsers, "envelope daily_users")},
        {"requests_per_user_per_day", numberJson(inputs.requestsPerUserPerDay, "envelope requests_per_user_per_day")},
        {"peak_factor", numberJson(inputs.peakFactor, "envelope peak_factor")},
        {"write_share", numberJson(inputs.writeShare, "envelope write_share")},
        {"bytes_per_write", numberJson(inputs.bytesPerWrite, "envelope bytes_per_write")},
        {"latency_ms", numberJson(inputs.latencyMs, "envelope latency_ms")},
        {"concurrency_per_server", numberJson(inputs.concurrencyPerServer, "envelope concurrency_per_server")},
    };
}

void addIfAny(ordered_json& target, const char* key, const std::vector<std::string>& lines)
{
    if (!lines.empty())
        target[key] = lines;
}

void addIfAny(ordered_json& target, const char* key, const std::string& text)
{
    if (!text.empty())
        target[key] = text;
}

ordered_json scaleJson(const model::ProblemScale& scale)
{
    ordered_json result = ordered_json::object();
    const std::pair<const char*, double> fields[] = {{"daily_users", scale.dailyUsers},
                                                    {"peak_rps", scale.peakRps},
                                                    {"read_share", scale.readShare},
                                                    {"storage_gb", scale.storageGb}};
    for (const auto& [key, value] : fields)
        if (value != 0)
            result[key] = numberJson(value, std::string("interview scale ") + key);
    return result;
}

} // namespace

ordered_json interviewJson(const model::Interview& interview, const model::Architecture& design)
{
    ordered_json result;
    result["prompt"] = interview.prompt;
    addIfAny(result, "source", interview.source);
    result["minutes"] = interview.minutes;
    addIfAny(result, "requirements", interview.requirements);
    result["envelope"] = envelopeJson(interview.envelope);
    addIfAny(result, "functional", interview.functional);
    addIfAny(result, "non_functional", interview.nonFunctional);
    if (interview.scale != model::ProblemScale{})
        result["scale"] = scaleJson(interview.scale);
    addIfAny(result, "constraints", interview.constraints);
    if (interview.budgetPerMonth != 0)
        result["budget_per_month"] = numberJson(interview.budgetPerMonth, "interview budget_per_month");
    addIfAny(result, "hints", interview.hints);
    if (interview.guide != model::InterviewGuide{}) {
        ordered_json guide = ordered_json::object();
        addIfAny(guide, "estimation", interview.guide.estimation);
        addIfAny(guide, "api", interview.guide.api);
        addIfAny(guide, "data_model", interview.guide.dataModel);
        result["guide"] = std::move(guide);
    }
    if (!interview.changes.empty()) {
        result["changes"] = ordered_json::array();
        for (const auto& change : interview.changes)
            result["changes"].push_back({{"at_minute", change.atMinute},
                                         {"announcement", change.announcement},
                                         {"load", challengeLoadJson(change.load, design)}});
    }
    ordered_json notes = ordered_json::object();
    for (int phase = 0; phase < model::kInterviewPhaseCount; ++phase)
        addIfAny(notes, model::kInterviewPhaseKeys[phase], interview.phaseNotes[phase]);
    if (!notes.empty())
        result["notes"] = std::move(notes);
    return result;
}

} // namespace scalelab::io
