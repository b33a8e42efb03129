#pragma once
// Parameter texts people type ("60s: 100, 2m: 500", "us-east/eu-west=80")
// carry spaces around their parts; every parser of such text trims the same way.
#include <string>
#include <vector>

namespace scalelab::model {

// `text` without leading and trailing spaces and tabs.
inline std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The comma-separated items of a list text ("60s: 100, 2m: 500"), each
// trimmed; none for a blank text. An empty item ("a,,b") stays, for the
// parser to refuse.
inline std::vector<std::string> listItems(const std::string& text)
{
    std::vector<std::string> items;
    if (trimmed(text).empty())
        return items;
    for (size_t start = 0;;) {
        const size_t comma = text.find(',', start);
        items.push_back(trimmed(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        if (comma == std::string::npos)
            return items;
        start = comma + 1;
    }
}

} // namespace scalelab::model
