#include "../../src/json/fast_reader.hpp"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::ordered_json;

// Writes every SAX event as text, so two parsers' event streams can be compared.
struct Recorder {
  std::string events;
  bool null() { return add("null"); }
  bool boolean(bool b) { return add(b ? "true" : "false"); }
  bool number_integer(Json::number_integer_t n) { return add("int:" + std::to_string(n)); }
  bool number_unsigned(Json::number_unsigned_t n) { return add("uint:" + std::to_string(n)); }
  bool number_float(Json::number_float_t, const std::string& s) { return add("float:" + s); }
  bool string(std::string& s) { return add("str:" + s); }
  bool binary(Json::binary_t&) { return add("binary"); }
  bool start_object(std::size_t) { return add("{"); }
  bool key(std::string& k) { return add("key:" + k); }
  bool end_object() { return add("}"); }
  bool start_array(std::size_t) { return add("["); }
  bool end_array() { return add("]"); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }
  bool add(const std::string& e) {
    events += e + "\n";
    return true;
  }
};

std::string fast_events(const std::string& text) {
  Recorder r;
  if (!papertree::detail::fast_sax_parse(text, r)) return "gave up";
  return r.events;
}

std::string nlohmann_events(const std::string& text) {
  Recorder r;
  if (!Json::sax_parse(text, &r)) return "error";
  return r.events;
}

TEST(FastSaxParse, DeliversTheSameEventsAsNlohmann) {
  const char* docs[] = {
      R"({"a": [1, -2, 0, -0, 18446744073709551615, true, false, null], "b": {}, "c": []})",
      R"( [ "plain", "esc\"aped\\\/\b\f\n\r\t", "\u00e9\u4e2d\ud83d\ude00", "Déjà vu 中文 😀" ] )",
      R"({"nested": {"deeper": [[[{"x": "y"}]]]}, "empty": ""})",
      "\n\t{\r\n\"k\" :\"v\" }\n",
      R"("just a string")",
      "42",
  };
  for (const char* doc : docs) EXPECT_EQ(fast_events(doc), nlohmann_events(doc)) << doc;
}

TEST(FastSaxParse, GivesUpOnWhatNlohmannMustReport) {
  const char* docs[] = {
      R"({"a": 1,})",               // trailing comma
      R"({"a" 1})",                 // missing colon
      R"(["unterminated)",          // unterminated string
      "[\"tab\tinside\"]",          // control character in a string
      "[\"\xC3\x28\"]",             // invalid UTF-8
      "[\"\xED\xA0\x80\"]",         // UTF-8 encoded surrogate
      R"(["\ud800"])",              // lone high surrogate
      R"(["\udc00"])",              // lone low surrogate
      R"(["\x"])",                  // unknown escape
      R"([01])",                    // leading zero
      R"([1.5, 2e3])",              // floating point: left to nlohmann
      R"([18446744073709551616])",  // out of range
      R"({"a": 1} trailing)",       // content after the value
      "\xEF\xBB\xBF{}",             // byte order mark
      R"([tru])",                   // bad literal
      "",                           // nothing
  };
  for (const char* doc : docs) EXPECT_EQ(fast_events(doc), "gave up") << doc;
}

}  // namespace
