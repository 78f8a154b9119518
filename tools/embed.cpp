// Build-time helper: writes a C++ source file that holds the bytes of a data file, so the
// default corpus is compiled into the binary. Usage: papertree_embed INPUT OUTPUT SYMBOL
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: papertree_embed INPUT OUTPUT SYMBOL\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "papertree_embed: cannot read " << argv[1] << "\n";
    return 4;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string tmp = std::string(argv[2]) + ".tmp";
  std::ofstream out(tmp, std::ios::binary);
  out << "// Generated from " << argv[1] << " by papertree_embed; do not edit.\n"
      << "#include <string_view>\n"
      << "namespace papertree {\n"
      << "alignas(8) static const char k_bytes[] = {\n";  // a snapshot is read in place
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    out << static_cast<int>(static_cast<signed char>(bytes[i])) << ((i % 24 == 23) ? ",\n" : ",");
  }
  out << "0};\n"
      << "std::string_view " << argv[3] << "() { return {k_bytes, " << bytes.size() << "}; }\n"
      << "}  // namespace papertree\n";
  out.close();
  if (!out || std::rename(tmp.c_str(), argv[2]) != 0) {
    std::cerr << "papertree_embed: cannot write " << argv[2] << "\n";
    return 4;
  }
  return 0;
}
