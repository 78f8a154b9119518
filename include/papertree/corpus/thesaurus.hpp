#pragma once

#include <span>
#include <string_view>

namespace papertree {

/// One entry of the thesaurus: what a person types ("ptq", "weight sharing") and the words of
/// the category name it means ("post-training quantization", "parameter-sharing"). A `term` is
/// read by search as words of the category's name; a method's name (GPTQ) only names the
/// category.
struct Synonym {
  std::string_view typed;
  std::string_view means;
  bool term = true;
};

/// The thesaurus (data/thesaurus.tsv, compiled into the binary), in the file's order.
std::span<const Synonym> thesaurus();

/// Whether `word` (folded) is a word of a thesaurus entry ("jamba", "jacobi" of "jacobi
/// decoding"): a word of the field meant as typed, which search does not correct as a typo.
bool is_thesaurus_word(std::string_view word);

/// The thesaurus file as compiled in (a snapshot's builder fingerprint covers it).
std::string_view thesaurus_text();

}  // namespace papertree
