#pragma once
// The link between a choice parameter's stored index and a C++ enum: each
// enum that a choice parameter is read as specialises ChoiceNames with the
// names the file format uses, in the enum's order. The registry builds the
// parameter's choices from the same array (specs::choice<E>), so an index
// and its name cannot drift apart, and code reads `block.choice<E>(key)`
// and compares enumerators instead of positions.
#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

namespace scalelab::model {

template <class E>
struct ChoiceNames; // specialised in Choices.h: static constexpr std::array<std::string_view, N> names

template <class E>
concept ChoiceEnum = std::is_enum_v<E> && requires { ChoiceNames<E>::names.size(); };

template <ChoiceEnum E>
constexpr std::string_view choiceName(E value)
{
    return ChoiceNames<E>::names[static_cast<std::size_t>(value)];
}

} // namespace scalelab::model
