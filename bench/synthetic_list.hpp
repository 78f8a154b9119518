// The synthetic awesome list behind bench_import and papertree_gen_list (see bench_import.cpp for
// its shape): the same N gives the same bytes.
#pragma once

#include <string>

#include <fmt/format.h>

namespace papertree::bench {

constexpr int k_per_section = 100;

inline std::string synthetic_list(int entries) {
  std::string text = "# Synthetic Paper List\n\n";
  for (int i = 0; i < entries; ++i) {
    if (i % k_per_section == 0) {
      int section = i / k_per_section;
      text += fmt::format("## Group {}\n\n### Methods {}\n\n", section % 10, section % 50);
    }
    std::string arxiv =
        fmt::format("https://arxiv.org/abs/{:04}.{:05}", 2301 + i / 100000, i % 100000);
    switch (i % 3) {
      case 0:
        text += fmt::format(
            "- A Survey on Efficient Inference, <ins>arXiv, 2024</ins> [[Paper]({})]\n", arxiv);
        break;
      case 1:
        text += "- Same Title Everywhere, <ins>ICML, 2023</ins> [[Code](https://github.com/x/y)]\n";
        break;
      default:
        text += fmt::format(
            "- Method {}: Making Models Small, <ins>NeurIPS, 2023</ins> "
            "[[Paper]({})] [[Code](https://github.com/m/{})]\n",
            i, arxiv, i);
    }
  }
  return text;
}

}  // namespace papertree::bench
