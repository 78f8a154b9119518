#include <gtest/gtest.h>

#include "papertree/corpus/authors.hpp"

namespace papertree {
namespace {

TEST(ParsePersonName, SplitsGivenAndFamilyAtTheLastWord) {
  EXPECT_EQ(parse_person_name("Elias Frantar"), (Author{"Frantar", "Elias", ""}));
  EXPECT_EQ(parse_person_name("  Tri   Dao "), (Author{"Dao", "Tri", ""}));
  EXPECT_EQ(parse_person_name("J. Edward Hu"), (Author{"Hu", "J. Edward", ""}));
}

TEST(ParsePersonName, KeepsParticlesAndSuffixesWithTheFamilyName) {
  EXPECT_EQ(parse_person_name("Ludwig van Beethoven"), (Author{"van Beethoven", "Ludwig", ""}));
  EXPECT_EQ(parse_person_name("Jan van der Berg"), (Author{"van der Berg", "Jan", ""}));
  EXPECT_EQ(parse_person_name("Martin Luther King Jr."), (Author{"King Jr.", "Martin Luther", ""}));
}

TEST(ParsePersonName, CommaFormAndLiterals) {
  EXPECT_EQ(parse_person_name("Dao, Tri"), (Author{"Dao", "Tri", ""}));
  EXPECT_EQ(parse_person_name("van Beethoven, Ludwig"), (Author{"van Beethoven", "Ludwig", ""}));
  EXPECT_EQ(parse_person_name("OpenAI"), (Author{"", "", "OpenAI"}));
  EXPECT_EQ(parse_person_name("{Google DeepMind}"), (Author{"", "", "Google DeepMind"}));
  EXPECT_EQ(parse_person_name("Smith,"), (Author{"", "", "Smith"}));
  EXPECT_EQ(parse_person_name("   "), Author{});
}

Paper with_authors(std::vector<Author> authors, bool truncated = false) {
  Paper p;
  p.authors = std::move(authors);
  p.authors_truncated = truncated;
  return p;
}

TEST(AuthorList, JoinsNamesForPeople) {
  Author a{"Frantar", "Elias", ""}, b{"Alistarh", "Dan", ""}, c{"", "", "IST Austria"};
  EXPECT_EQ(author_list(with_authors({})), "");
  EXPECT_EQ(author_list(with_authors({a})), "Elias Frantar");
  EXPECT_EQ(author_list(with_authors({a, b})), "Elias Frantar and Dan Alistarh");
  EXPECT_EQ(author_list(with_authors({a, b, c})), "Elias Frantar, Dan Alistarh and IST Austria");
  EXPECT_EQ(author_list(with_authors({a, b}, true)), "Elias Frantar, Dan Alistarh et al.");
}

TEST(ShortAuthorList, IsTheScholarStyleShortForm) {
  Author a{"Frantar", "Elias", ""}, b{"Alistarh", "Dan", ""}, c{"", "", "OpenAI"};
  EXPECT_EQ(short_author_list(with_authors({})), "");
  EXPECT_EQ(short_author_list(with_authors({a})), "Frantar");
  EXPECT_EQ(short_author_list(with_authors({c})), "OpenAI");
  EXPECT_EQ(short_author_list(with_authors({a, b})), "Frantar and Alistarh");
  EXPECT_EQ(short_author_list(with_authors({a, b, c})), "Frantar et al.");
  EXPECT_EQ(short_author_list(with_authors({a}, true)), "Frantar et al.");
}

}  // namespace
}  // namespace papertree
