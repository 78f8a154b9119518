#include "option_values.hpp"

#include <algorithm>
#include <charconv>

#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

const std::vector<std::string>& paper_formats() {
  static const std::vector<std::string> formats = {"table", "plain",  "json",   "jsonl",
                                                   "ids",   "bibtex", "csljson"};
  return formats;
}

CLI::Option* add_text_json_format(CLI::App& sub, std::string& format) {
  return sub.add_option("-f,--format", format, "Output format")
      ->transform(one_of({"text", "json"}));
}

const std::vector<Alias>& format_aliases() {
  static const std::vector<Alias> aliases = {
      {"csl-json", "csljson"}, {"bib", "bibtex"}, {"md", "markdown"}};
  return aliases;
}

namespace {

// The name `typed` most likely means, by its names and aliases (likeliest_name).
std::string closest_name(const std::vector<std::string>& names, const std::vector<Alias>& aliases,
                         const std::string& typed) {
  std::vector<Spelling> spellings;
  for (const std::string& name : names) spellings.push_back({name, name});
  for (const Alias& a : aliases) spellings.push_back({a.alias, a.name});
  return likeliest_name(spellings, typed);
}

}  // namespace

CLI::Validator one_of(std::vector<std::string> names, const std::vector<Alias>& aliases) {
  std::vector<Alias> usable;
  for (const Alias& a : aliases) {
    if (std::find(names.begin(), names.end(), a.name) != names.end()) usable.push_back(a);
  }
  std::string description, listed;
  for (const std::string& name : names) {
    description += (description.empty() ? "{" : ",") + name;
    listed += (listed.empty() ? "" : ", ") + name;
  }
  description += "}";
  auto check = [names, usable, listed](std::string& value) -> std::string {
    std::string typed = ascii_lower(value);
    for (const std::string& name : names) {
      if (ascii_lower(name) == typed) {
        value = name;
        return {};
      }
    }
    for (const Alias& a : usable) {
      if (a.alias == typed) {
        value = a.name;
        return {};
      }
    }
    std::string message = quote_for_message(value) + " is not one of " + listed;
    if (std::string near = closest_name(names, usable, typed); !near.empty())
      message += "; did you mean \"" + near + "\"?";
    return message;
  };
  return CLI::Validator(check, description, "one_of");
}

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
  std::string expected = "expected a whole number ≥ " + std::to_string(min);
  auto check = [min, max, expected](std::string& text) -> std::string {
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    bool digits = !text.empty() && end == text.data() + text.size();
    if (ec == std::errc::result_out_of_range || (digits && ec == std::errc{} && value > max)) {
      return text + " is too large: " + expected + " and ≤ " + std::to_string(max);
    }
    if (ec != std::errc{} || !digits || value < min) return expected + ", got \"" + text + "\"";
    return {};
  };
  return CLI::Validator(check, "N≥" + std::to_string(min), "whole_number");
}

std::size_t parse_byte_size(const std::string& text, const std::string& source) {
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  std::string unit = ascii_lower(std::string_view(end, text.data() + text.size() - end));
  int shift = unit.empty() || unit == "b"    ? 0
              : unit == "k" || unit == "kib" ? 10
              : unit == "m" || unit == "mib" ? 20
              : unit == "g" || unit == "gib" ? 30
                                             : -1;
  auto fail = [&](const std::string& why) {
    return UsageError(source + ": " + why + ", got " + quote_for_message(text));
  };
  if (ec == std::errc::result_out_of_range ||
      (ec == std::errc{} && shift >= 0 && value > (std::uint64_t{1} << (62 - shift))))
    throw fail("size too large");
  if (ec != std::errc{} || shift < 0 || end == text.data())
    throw fail("expected a size such as 64M (digits with an optional K, M or G)");
  if (value == 0) throw fail("expected a size above 0");
  return static_cast<std::size_t>(value << shift);
}

}  // namespace papertree::cli
