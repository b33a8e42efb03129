#pragma once
// Quoting and hints in error messages, the same for every part of ScaleLab
// that reports a user's mistake (the file loader, the CLI, the grader).
#include <cstddef>
#include <string>
#include <vector>

namespace scalelab::model {

// User text quoted in a message is clipped, so that a hostile 10 MB key does
// not become a 10 MB message, and escaped, so that the message stays one line
// of valid UTF-8 (a CLI may put it in a JSON report).
std::string clip(const std::string& text, std::size_t max = 60);
std::string inQuotes(const std::string& text);
// " (did you mean "x"?)" or "".
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates);

} // namespace scalelab::model
