#include "ConsumerGroups.h"

#include "MessageText.h"
#include "Trimmed.h"

#include <charconv>
#include <cmath>
#include <set>

namespace scalelab::model {

namespace {

bool readNumber(const std::string& text, double& value)
{
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(value);
}

bool validName(const std::string& name)
{
    if (name.empty() || name.size() > 40)
        return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return false;
    return true;
}

} // namespace

std::vector<ConsumerGroup> parseConsumerGroups(const std::string& text, std::string& error)
{
    std::vector<ConsumerGroup> groups;
    std::set<std::string> names;
    for (const std::string& item : listItems(text)) { // none: messages are kept, nobody reads them
        const size_t first = item.find(':');
        const size_t second = first == std::string::npos ? std::string::npos : item.find(':', first + 1);
        if (second == std::string::npos) {
            error = "group " + inQuotes(item) + " must be NAME:CONSUMERS:MS, e.g. billing:2:100";
            return {};
        }
        ConsumerGroup group;
        group.name = trimmed(item.substr(0, first));
        if (!validName(group.name)) {
            error = "group " + inQuotes(item) + ": the name must be 1 to 40 of a-z, 0-9, _ and -";
            return {};
        }
        if (!names.insert(group.name).second) {
            error = "group " + inQuotes(group.name) + " is named twice";
            return {};
        }
        double consumers = 0;
        if (!readNumber(trimmed(item.substr(first + 1, second - first - 1)), consumers) || consumers < 0 ||
            consumers > 10'000 || consumers != std::floor(consumers)) {
            error = "group " + inQuotes(item) + ": consumers must be a whole number from 0 to 10,000";
            return {};
        }
        group.consumers = static_cast<int>(consumers);
        if (!readNumber(trimmed(item.substr(second + 1)), group.processingMs) || group.processingMs < 0 ||
            group.processingMs > 3'600'000) {
            error = "group " + inQuotes(item) + ": the processing time must be from 0 to 3,600,000 ms";
            return {};
        }
        groups.push_back(group);
        if (groups.size() > 16) {
            error = "at most 16 consumer groups";
            return {};
        }
    }
    return groups;
}

std::string consumerGroupsRule(const std::string& text)
{
    std::string error;
    parseConsumerGroups(text, error);
    return error;
}

} // namespace scalelab::model
