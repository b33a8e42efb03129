#include "InterviewReader.h"

#include "JsonText.h"
#include "TeachingReader.h"

namespace scalelab::io {

using nlohmann::json;

namespace {

void readEnvelope(const DesignReader& reader, const json& envelope, const std::string& at, model::EnvelopeInputs& inputs)
{
    reader.object(envelope, at);
    const std::vector<std::pair<std::string, double*>> fields = {
        {"daily_users", &inputs.dailyUsers},
        {"requests_per_user_per_day", &inputs.requestsPerUserPerDay},
        {"peak_factor", &inputs.peakFactor},
        {"write_share", &inputs.writeShare},
        {"bytes_per_write", &inputs.bytesPerWrite},
        {"latency_ms", &inputs.latencyMs},
        {"concurrency_per_server", &inputs.concurrencyPerServer},
    };
    std::vector<std::string> keys;
    for (const auto& field : fields)
        keys.push_back(field.first);
    reader.checkKeys(envelope, at, keys);
    for (const auto& [key, target] : fields)
        if (auto given = envelope.find(key); given != envelope.end())
            *target = key == "write_share" ? reader.numberIn(*given, child(at, key), 0, 1)
                                           : reader.numberIn(*given, child(at, key), key == "peak_factor" ? 1 : 1e-9, 1e15);
}

void readScale(const DesignReader& reader, const json& value, const std::string& at, model::ProblemScale& scale)
{
    reader.object(value, at);
    reader.checkKeys(value, at, {"daily_users", "peak_rps", "read_share", "storage_gb"});
    if (auto given = value.find("daily_users"); given != value.end())
        scale.dailyUsers = reader.numberIn(*given, child(at, "daily_users"), 0, 1e12);
    if (auto given = value.find("peak_rps"); given != value.end())
        scale.peakRps = reader.numberIn(*given, child(at, "peak_rps"), 0, 1e12);
    if (auto given = value.find("read_share"); given != value.end())
        scale.readShare = reader.numberIn(*given, child(at, "read_share"), 0, 1);
    if (auto given = value.find("storage_gb"); given != value.end())
        scale.storageGb = reader.numberIn(*given, child(at, "storage_gb"), 0, 1e12);
}

void readGuide(const DesignReader& reader, const json& value, const std::string& at, model::InterviewGuide& guide)
{
    reader.object(value, at);
    reader.checkKeys(value, at, {"estimation", "api", "data_model"});
    guide.estimation = reader.optionalString(value, "estimation", at, "");
    guide.api = reader.optionalString(value, "api", at, "");
    guide.dataModel = reader.optionalString(value, "data_model", at, "");
}

model::RequirementChange readChange(const DesignReader& reader, const json& value, const std::string& at,
                                    const model::Architecture& design, int minutes)
{
    reader.object(value, at);
    reader.checkKeys(value, at, {"at_minute", "announcement", "load"});
    model::RequirementChange change;
    change.atMinute = static_cast<int>(reader.numberIn(reader.require(value, "at_minute", at), child(at, "at_minute"),
                                                       0, minutes));
    change.announcement = reader.string(reader.require(value, "announcement", at), child(at, "announcement"));
    change.load = readChallengeLoad(reader, reader.require(value, "load", at), child(at, "load"), design);
    return change;
}

void readNotes(const DesignReader& reader, const json& value, const std::string& at, model::Interview& interview)
{
    reader.object(value, at);
    std::vector<std::string> keys(model::kInterviewPhaseKeys.begin(), model::kInterviewPhaseKeys.end());
    reader.checkKeys(value, at, keys);
    for (int phase = 0; phase < model::kInterviewPhaseCount; ++phase)
        interview.phaseNotes[phase] = reader.optionalString(value, keys[phase], at, "");
}

// What a full practice problem adds to the prompt and the envelope.
void readProblem(const DesignReader& reader, const json& value, const std::string& path,
                 const model::Architecture& design, model::Interview& result)
{
    const auto list = [&](const char* key, std::vector<std::string>& target) {
        if (auto given = value.find(key); given != value.end())
            target = stringList(reader, *given, child(path, key));
    };
    list("functional", result.functional);
    list("non_functional", result.nonFunctional);
    list("constraints", result.constraints);
    list("hints", result.hints);
    if (auto scale = value.find("scale"); scale != value.end())
        readScale(reader, *scale, child(path, "scale"), result.scale);
    if (auto budget = value.find("budget_per_month"); budget != value.end())
        result.budgetPerMonth = reader.numberIn(*budget, child(path, "budget_per_month"), 0, 1e12);
    if (auto guide = value.find("guide"); guide != value.end())
        readGuide(reader, *guide, child(path, "guide"), result.guide);
    if (auto changes = value.find("changes"); changes != value.end()) {
        const std::string at = child(path, "changes");
        reader.array(*changes, at);
        for (std::size_t i = 0; i < changes->size(); ++i) {
            result.changes.push_back(readChange(reader, (*changes)[i], element(at, i), design, result.minutes));
            for (std::size_t k = 0; k < i; ++k)
                if (result.changes[k].load.name == result.changes[i].load.name)
                    reader.fail(child(child(element(at, i), "load"), "name"),
                                inQuotes(result.changes[i].load.name) + " is already used");
        }
    }
    if (auto notes = value.find("notes"); notes != value.end())
        readNotes(reader, *notes, child(path, "notes"), result);
}

} // namespace

model::Interview readInterview(const DesignReader& reader, const json& value, const std::string& path,
                               const model::Architecture& design)
{
    reader.object(value, path);
    reader.checkKeys(value, path, {"prompt", "source", "minutes", "requirements", "envelope", "functional", "non_functional",
                                   "scale", "constraints", "budget_per_month", "hints", "guide", "changes", "notes"});
    model::Interview result;
    result.prompt = reader.string(reader.require(value, "prompt", path), child(path, "prompt"));
    result.source = reader.optionalString(value, "source", path, "");
    if (auto minutes = value.find("minutes"); minutes != value.end())
        result.minutes = static_cast<int>(reader.numberIn(*minutes, child(path, "minutes"), 1, 240));
    if (auto requirements = value.find("requirements"); requirements != value.end())
        result.requirements = stringList(reader, *requirements, child(path, "requirements"));
    if (auto envelope = value.find("envelope"); envelope != value.end())
        readEnvelope(reader, *envelope, child(path, "envelope"), result.envelope);
    readProblem(reader, value, path, design, result);
    return result;
}

} // namespace scalelab::io
