// Build-time helper: compiles a corpus file into a snapshot file, so that the default corpus is
// compiled into the binary ready to be used in place (no JSON parse, no index build at start).
// Usage: papertree_compile_snapshot CORPUS.json OUTPUT.snapshot
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "papertree/error.hpp"
#include "papertree/json/load.hpp"
#include "papertree/search/search.hpp"
#include "papertree/snapshot/snapshot.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: papertree_compile_snapshot CORPUS.json OUTPUT.snapshot\n";
    return 2;
  }
  try {
    papertree::Corpus corpus = papertree::load_corpus_file(argv[1], std::size_t{1} << 30);
    std::string bytes = papertree::build_snapshot(corpus, papertree::SearchIndex(corpus), {});
    std::string tmp = std::string(argv[2]) + ".tmp";
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out || std::rename(tmp.c_str(), argv[2]) != 0) {
      std::cerr << "papertree_compile_snapshot: cannot write " << argv[2] << "\n";
      return 4;
    }
  } catch (const papertree::Error& e) {
    std::cerr << "papertree_compile_snapshot: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
