#pragma once
// Parameter texts people type ("60s: 100, 2m: 500", "us-east/eu-west=80")
// carry spaces around their parts; every parser of such text trims the same way.
#include <string>

namespace scalelab::model {

// `text` without leading and trailing spaces and tabs.
inline std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace scalelab::model
