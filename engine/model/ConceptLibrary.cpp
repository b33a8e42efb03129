#include "ConceptLibrary.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace scalelab::model {

namespace {

std::string lowered(std::string_view text)
{
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

bool mentions(const std::string& text, const std::string& loweredWord)
{
    return lowered(text).find(loweredWord) != std::string::npos;
}

bool anyMentions(const std::vector<std::string>& texts, const std::string& loweredWord)
{
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& text) { return mentions(text, loweredWord); });
}

bool bulletsMention(const Concept& entry, const std::string& loweredWord)
{
    for (const auto* list : {&entry.whenToUse, &entry.whenNotToUse, &entry.tradeoffs, &entry.numbers,
                             &entry.interview})
        if (anyMentions(*list, loweredWord))
            return true;
    return false;
}

bool entryMentions(const Concept& entry, const std::string& loweredWord)
{
    return mentions(entry.title, loweredWord) || mentions(entry.summary, loweredWord) ||
           bulletsMention(entry, loweredWord);
}

// 0 = the whole query in the title ... 3 = only its words, spread out; -1 = no match.
int rank(const Concept& entry, const std::string& phrase, const std::vector<std::string>& words)
{
    if (mentions(entry.title, phrase))
        return 0;
    if (mentions(entry.summary, phrase))
        return 1;
    if (bulletsMention(entry, phrase))
        return 2;
    const bool all = std::all_of(words.begin(), words.end(),
                                 [&](const std::string& word) { return entryMentions(entry, word); });
    return all && !words.empty() ? 3 : -1;
}

} // namespace

const Concept* ConceptLibrary::find(const std::string& id) const
{
    auto it = std::find_if(m_concepts.begin(), m_concepts.end(), [&](const Concept& c) { return c.id == id; });
    return it == m_concepts.end() ? nullptr : &*it;
}

const Concept* ConceptLibrary::forKind(const std::string& kind) const
{
    auto it = std::find_if(m_concepts.begin(), m_concepts.end(), [&](const Concept& c) {
        return std::find(c.kinds.begin(), c.kinds.end(), kind) != c.kinds.end();
    });
    return it == m_concepts.end() ? nullptr : &*it;
}

std::vector<const Concept*> ConceptLibrary::search(std::string_view query) const
{
    std::vector<std::string> words;
    std::istringstream stream{lowered(query)};
    for (std::string word; stream >> word;)
        words.push_back(word);
    std::vector<const Concept*> found;
    if (words.empty()) {
        for (const Concept& entry : m_concepts)
            found.push_back(&entry);
        return found;
    }
    std::string phrase = words.front();
    for (std::size_t i = 1; i < words.size(); ++i)
        phrase += ' ' + words[i];
    std::vector<std::pair<int, const Concept*>> ranked;
    for (const Concept& entry : m_concepts)
        if (const int r = rank(entry, phrase, words); r >= 0)
            ranked.emplace_back(r, &entry);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [r, entry] : ranked)
        found.push_back(entry);
    return found;
}

std::vector<std::string> ConceptLibrary::categories() const
{
    std::vector<std::string> result;
    for (const Concept& entry : m_concepts)
        if (std::find(result.begin(), result.end(), entry.category) == result.end())
            result.push_back(entry.category);
    return result;
}

} // namespace scalelab::model
