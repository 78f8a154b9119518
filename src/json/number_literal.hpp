#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace papertree::detail {

/// A JSON number that nlohmann reads as floating point, kept in a DOM with the text it was written
/// as, so that a message can quote it: 99999999999999999999 (past 64 bits) is read as 1e+20, and
/// 2306.00970 as 2306.0097. It is a binary value of a subtype of its own (JSON text never holds
/// binary values): the double's 8 bytes, then the text. Every reader of such a DOM must turn
/// these back into numbers (restore_numbers) before it keeps a value.
inline constexpr std::uint64_t k_number_literal_subtype = 0x4e554d;  // "NUM"

template <class Json>
Json number_literal(double value, std::string_view text) {
  typename Json::binary_t::container_type bytes(sizeof value + text.size());
  std::memcpy(bytes.data(), &value, sizeof value);
  std::memcpy(bytes.data() + sizeof value, text.data(), text.size());
  return Json::binary(std::move(bytes), k_number_literal_subtype);
}

template <class Json>
bool is_number_literal(const Json& v) {
  return v.is_binary() && v.get_binary().has_subtype() &&
         v.get_binary().subtype() == k_number_literal_subtype &&
         v.get_binary().size() >= sizeof(double);
}

/// The number's value; `v` must be a number literal.
template <class Json>
double number_literal_value(const Json& v) {
  double value = 0;
  std::memcpy(&value, v.get_binary().data(), sizeof value);
  return value;
}

/// The number as written; `v` must be a number literal.
template <class Json>
std::string_view number_literal_text(const Json& v) {
  const auto& bytes = v.get_binary();
  return {reinterpret_cast<const char*>(bytes.data()) + sizeof(double),
          bytes.size() - sizeof(double)};
}

/// `v` with every number literal in it back as the plain number it stands for. It recurses once
/// per level of nesting: a DOM from load.cpp is never deeper than k_max_json_depth, which the
/// text is checked against (too_deep_at) before it is parsed.
template <class Json>
void restore_numbers(Json& v) {
  if (is_number_literal(v)) {
    v = number_literal_value(v);
  } else if (v.is_structured()) {
    for (auto& element : v) restore_numbers(element);
  }
}

/// A number's text for a message: as written, cut after 40 characters (a number may be a
/// megabyte of digits).
inline std::string number_for_message(std::string_view text) {
  if (text.size() <= 40) return std::string(text);
  return std::string(text.substr(0, 40)) + "… (a number of " + std::to_string(text.size()) +
         " characters)";
}

/// A SAX handler that builds the DOM of a whole text as nlohmann's parser does, but with its
/// floating-point numbers as number literals; errors are thrown as nlohmann's parse() throws them
/// (Json::parse_error, Json::out_of_range for a number past a double's range).
template <class Json>
class LiteralDomBuilder {
 public:
  explicit LiteralDomBuilder(Json& root) : m_root(root) {}

  bool null() { return value(Json(nullptr)); }
  bool boolean(bool b) { return value(Json(b)); }
  bool number_integer(typename Json::number_integer_t n) { return value(Json(n)); }
  bool number_unsigned(typename Json::number_unsigned_t n) { return value(Json(n)); }
  bool number_float(typename Json::number_float_t f, const typename Json::string_t& text) {
    return value(number_literal<Json>(f, text));
  }
  bool string(typename Json::string_t& s) { return value(Json(std::move(s))); }
  bool binary(typename Json::binary_t& b) { return value(Json::binary(std::move(b))); }
  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool key(typename Json::string_t& k) {
    m_key = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  [[noreturn]] bool parse_error(std::size_t, const std::string&,
                                const nlohmann::detail::exception& e) {
    // nlohmann's own DOM parser throws the exception it is given, of the class its id names.
    if (e.id >= 400 && e.id < 500) throw static_cast<const typename Json::out_of_range&>(e);
    throw static_cast<const typename Json::parse_error&>(e);
  }

 private:
  Json* place(Json v) {
    if (m_stack.empty()) {
      m_root = std::move(v);
      return &m_root;
    }
    Json& parent = *m_stack.back();
    if (parent.is_array()) {
      parent.push_back(std::move(v));
      return &parent.back();
    }
    return &(parent[m_key] = std::move(v));  // a repeated key: the last wins, as in parse()
  }
  bool value(Json v) {
    place(std::move(v));
    return true;
  }
  bool open(Json v) {
    m_stack.push_back(place(std::move(v)));
    return true;
  }
  bool close() {
    m_stack.pop_back();
    return true;
  }

  Json& m_root;
  std::vector<Json*> m_stack;
  typename Json::string_t m_key;
};

}  // namespace papertree::detail
