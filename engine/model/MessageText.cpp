#include "MessageText.h"

#include "Registry.h"

#include <algorithm>
#include <cstdio>

namespace scalelab::model {

namespace {

// Length of the well-formed UTF-8 character at text[i], or 0 when it is not
// one (stray byte, overlong form, surrogate, beyond U+10FFFF).
std::size_t utf8Length(const std::string& text, std::size_t i)
{
    auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    const unsigned lead = byte(0);
    if (lead < 0x80)
        return 1;
    const std::size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    for (std::size_t k = 1; k < length; ++k)
        if ((byte(k) & 0xC0) != 0x80)
            return 0;
    const unsigned second = byte(1);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) || (lead == 0xF0 && second < 0x90) ||
        (lead == 0xF4 && second >= 0x90))
        return 0;
    return length;
}

} // namespace

std::string clip(const std::string& text, std::size_t max)
{
    std::string shown;
    std::size_t i = 0;
    while (i < text.size() && shown.size() < max) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = utf8Length(text, i);
        if (length == 0 || c < 0x20 || c == 0x7F) {
            char code[8];
            std::snprintf(code, sizeof code, length == 0 ? "\\x%02x" : "\\u%04x", static_cast<unsigned>(c));
            shown += code;
            ++i;
        } else {
            shown.append(text, i, length);
            i += length;
        }
    }
    return i < text.size() ? shown + "..." : shown;
}

std::string inQuotes(const std::string& text) { return '"' + clip(text) + '"'; }

// " (did you mean "x"?)" or "". Besides typos, a word that starts exactly
// one candidate counts ("rate" for "rate_rps"): units are what people drop.
// Edit distance is quadratic, so a hostile megabyte-long word gets no hint.
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates)
{
    if (word.size() > 64)
        return {};
    std::string match = closestMatch(word, candidates);
    if (match.empty() && word.size() >= 3) {
        auto starts = [&](const std::string& c) { return c.rfind(word, 0) == 0; };
        if (std::count_if(candidates.begin(), candidates.end(), starts) == 1)
            match = *std::find_if(candidates.begin(), candidates.end(), starts);
    }
    return match.empty() ? std::string{} : " (did you mean \"" + match + "\"?)";
}

} // namespace scalelab::model
