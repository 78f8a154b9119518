// papertree_gen_list N FILE: writes the synthetic awesome list of N entries that bench_import
// reads (bench/synthetic_list.hpp), for timing the whole `papertree import` process.
#include <fstream>
#include <iostream>
#include <string>

#include "synthetic_list.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: papertree_gen_list ENTRIES FILE\n";
    return 2;
  }
  int entries = 0;
  try {
    entries = std::stoi(argv[1]);
  } catch (const std::exception&) {
    entries = -1;
  }
  if (entries < 0) {
    std::cerr << "papertree_gen_list: ENTRIES must be a number >= 0, not \"" << argv[1] << "\"\n";
    return 2;
  }
  std::ofstream out(argv[2], std::ios::binary);
  out << papertree::bench::synthetic_list(entries);
  out.close();
  if (!out) {
    std::cerr << "papertree_gen_list: cannot write " << argv[2] << "\n";
    return 4;
  }
  return 0;
}
