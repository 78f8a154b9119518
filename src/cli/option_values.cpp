#include "option_values.hpp"

#include <charconv>

namespace papertree::cli {

const std::vector<std::string>& paper_formats() {
  static const std::vector<std::string> formats = {"table", "plain",  "json",   "jsonl",
                                                   "ids",   "bibtex", "csljson"};
  return formats;
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

}  // namespace papertree::cli
