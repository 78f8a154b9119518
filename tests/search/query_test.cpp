#include <gtest/gtest.h>

#include "papertree/error.hpp"
#include "papertree/search/query.hpp"

namespace papertree {
namespace {

std::string parsed(std::string_view query) {
  return to_string(parse_query(query));
}

// "message\ndetail" of the syntax error parse_query throws for `query`.
std::string syntax_error(std::string_view query) {
  try {
    parse_query(query);
  } catch (const UsageError& e) {
    EXPECT_EQ(e.exit_code(), ExitCode::usage);
    return std::string(e.what()) + "\n" + e.detail();
  }
  ADD_FAILURE() << "expected a syntax error for " << query;
  return {};
}

TEST(ParseQuery, WordsAreAndedByJuxtaposition) {
  EXPECT_EQ(parsed("speculative decoding"), "(and speculative decoding)");
  EXPECT_EQ(parsed("speculative AND decoding"), "(and speculative decoding)");
}

TEST(ParseQuery, OneWordIsJustTheWord) {
  EXPECT_EQ(parsed("  gptq  "), "gptq");
}

TEST(ParseQuery, OrBindsLooserThanAnd) {
  EXPECT_EQ(parsed("a b OR c"), "(or (and a b) c)");
  EXPECT_EQ(parsed("a OR b OR c"), "(or a b c)");
}

TEST(ParseQuery, ParenthesesGroup) {
  EXPECT_EQ(parsed("a (b OR c)"), "(and a (or b c))");
}

TEST(ParseQuery, MinusAndNotNegate) {
  EXPECT_EQ(parsed("quantization -gptq"), "(and quantization (not gptq))");
  EXPECT_EQ(parsed("quantization NOT gptq"), "(and quantization (not gptq))");
  EXPECT_EQ(parsed("-(a OR b) c"), "(and (not (or a b)) c)");
}

TEST(ParseQuery, HyphenInsideAWordIsNotNegation) {
  EXPECT_EQ(parsed("kv-cache"), "kv-cache");
}

TEST(ParseQuery, LowerCaseOperatorsAreWords) {
  EXPECT_EQ(parsed("a or b"), "(and a or b)");
}

TEST(ParseQuery, PhrasesKeepTheirWords) {
  EXPECT_EQ(parsed("\"speculative decoding\" llm"), "(and \"speculative decoding\" llm)");
}

TEST(ParseQuery, PrefixEndsWithStar) {
  EXPECT_EQ(parsed("quant*"), "quant*");
}

TEST(ParseQuery, EmptyParenthesesInsideAWordBelongToIt) {
  EXPECT_EQ(parsed("LLM.int8()"), "LLM.int8()");
  EXPECT_EQ(parsed("(LLM.int8() OR gptq)"), "(or LLM.int8() gptq)");
}

TEST(ParseQuery, FieldQualifiers) {
  EXPECT_EQ(parsed("title:quant* title:\"kv cache\" title:gptq"),
            "(and title:quant* title:\"kv cache\" title:gptq)");
  EXPECT_EQ(parsed("venue:NeurIPS in:quantization has:code kind:Blog"),
            "(and venue:NeurIPS in:quantization has:code kind:blog)");
}

TEST(ParseQuery, TitleAppliesToAGroup) {
  EXPECT_EQ(parsed("title:(quant* OR \"kv cache\" -int8) x"),
            "(and (or title:quant* (and title:\"kv cache\" (not title:int8))) x)");
}

TEST(ParseQuerySyntax, UnclosedTitleGroupPointsAtItsParenthesis) {
  EXPECT_EQ(syntax_error("a title:(b c"),
            "query syntax error: missing \")\" to close this \"(\"\n"
            "  a title:(b c\n"
            "          ^");
}

TEST(ParseQuery, YearForms) {
  EXPECT_EQ(parsed("year:2023"), "year:2023");
  EXPECT_EQ(parsed("year:>=2023"), "year:2023..");
  EXPECT_EQ(parsed("year:<2024"), "year:..2023");
  EXPECT_EQ(parsed("year:2022..2024"), "year:2022..2024");
}

TEST(ParseQuery, SlashJoinsAlternatives) {
  EXPECT_EQ(parsed("int4/int8"), "(or int4 int8)");
  EXPECT_EQ(parsed("prefill/decode quant*"), "(and (or prefill decode) quant*)");
  EXPECT_EQ(parsed("title:lora/qlora"), "(or title:lora title:qlora)");
  // Not alternatives: a URL, a path of digits, "w/o", a fraction.
  EXPECT_EQ(parsed("https://arxiv.org/abs/1"), "https://arxiv.org/abs/1");
  EXPECT_EQ(parsed("arxiv.org/abs/2301"), "arxiv.org/abs/2301");
  EXPECT_EQ(parsed("w/o"), "w/o");
  EXPECT_EQ(parsed("1/2"), "1/2");
}

TEST(ParseQuery, StarsEndingAWordAreOnePrefix) {
  EXPECT_EQ(parsed("quant**"), parsed("quant*"));
  EXPECT_EQ(parsed("title:quant***"), parsed("title:quant*"));
}

TEST(ParseQuery, ColonInATitleWordIsNotAField) {
  EXPECT_EQ(parsed("GPTQ: accurate"), "(and GPTQ: accurate)");
  EXPECT_EQ(parsed("https://arxiv.org/abs/1"), "https://arxiv.org/abs/1");
  // One letter is one edit from "in", but nobody misspells a field as one letter.
  EXPECT_EQ(parsed("n:m sparsity"), "(and n:m sparsity)");
  EXPECT_EQ(parsed("N:M"), "N:M");
}

TEST(ParseQuerySyntax, EmptyQuery) {
  EXPECT_EQ(syntax_error("   "),
            "query syntax error: empty query: expected a search term\n     \n  ^");
}

TEST(ParseQuerySyntax, UnterminatedPhrase) {
  EXPECT_EQ(syntax_error("gptq \"kv cache"),
            "query syntax error: unterminated phrase: no closing '\"' for this one\n"
            "  gptq \"kv cache\n"
            "       ^");
}

TEST(ParseQuerySyntax, EmptyPhrase) {
  EXPECT_EQ(syntax_error("a \"  \""),
            "query syntax error: empty phrase: expected words between the quotes\n"
            "  a \"  \"\n"
            "    ^");
}

TEST(ParseQuerySyntax, MissingClosingParenthesisPointsAtTheOpeningOne) {
  EXPECT_EQ(syntax_error("a (b OR c"),
            "query syntax error: missing \")\" to close this \"(\"\n"
            "  a (b OR c\n"
            "    ^");
}

TEST(ParseQuerySyntax, UnmatchedClosingParenthesis) {
  EXPECT_EQ(syntax_error("a b) c"),
            "query syntax error: unexpected \")\" with no \"(\" before it\n"
            "  a b) c\n"
            "     ^");
  EXPECT_EQ(syntax_error(")"),
            "query syntax error: unexpected \")\" with no \"(\" before it\n"
            "  )\n"
            "  ^");
}

TEST(ParseQuerySyntax, OpeningParenthesisAtTheEndAsksForATerm) {
  // Regression: "(" alone was reported as an unexpected ")".
  EXPECT_EQ(syntax_error("("),
            "query syntax error: expected a term after \"(\"\n"
            "  (\n"
            "  ^");
  EXPECT_EQ(syntax_error("a ("),
            "query syntax error: expected a term after \"(\"\n"
            "  a (\n"
            "    ^");
  EXPECT_EQ(syntax_error("title:("),
            "query syntax error: expected a term after \"(\"\n"
            "  title:(\n"
            "        ^");
}

TEST(ParseQuerySyntax, EmptyParentheses) {
  EXPECT_EQ(syntax_error("a ( ) b"),
            "query syntax error: empty parentheses: expected a term inside\n"
            "  a ( ) b\n"
            "      ^");
}

TEST(ParseQuerySyntax, OrWithoutLeftOperand) {
  EXPECT_EQ(syntax_error("OR gptq"),
            "query syntax error: expected a term before \"OR\"\n"
            "  OR gptq\n"
            "  ^");
}

TEST(ParseQuerySyntax, OrWithoutRightOperand) {
  EXPECT_EQ(syntax_error("gptq OR"),
            "query syntax error: expected a term after \"OR\"\n"
            "  gptq OR\n"
            "       ^");
  EXPECT_EQ(syntax_error("(gptq OR) x"),
            "query syntax error: expected a term after \"OR\"\n"
            "  (gptq OR) x\n"
            "        ^");
}

TEST(ParseQuerySyntax, AndWithoutOperands) {
  EXPECT_EQ(syntax_error("AND gptq"),
            "query syntax error: expected a term before \"AND\"\n"
            "  AND gptq\n"
            "  ^");
  EXPECT_EQ(syntax_error("gptq AND"),
            "query syntax error: expected a term after \"AND\"\n"
            "  gptq AND\n"
            "       ^");
}

TEST(ParseQuerySyntax, NotWithoutOperand) {
  EXPECT_EQ(syntax_error("gptq NOT"),
            "query syntax error: expected a term after \"NOT\"\n"
            "  gptq NOT\n"
            "       ^");
  EXPECT_EQ(syntax_error("gptq - x"),
            "query syntax error: expected a term after \"-\"\n"
            "  gptq - x\n"
            "       ^");
}

TEST(ParseQuerySyntax, StarAlone) {
  EXPECT_EQ(syntax_error("a *"),
            "query syntax error: expected a word before \"*\"\n"
            "  a *\n"
            "    ^");
  EXPECT_EQ(syntax_error("title:*"),
            "query syntax error: expected a word before \"*\"\n"
            "  title:*\n"
            "        ^");
}

TEST(ParseQuerySyntax, FieldWithoutValue) {
  EXPECT_EQ(syntax_error("gptq title: x"),
            "query syntax error: expected a value after \"title:\"\n"
            "  gptq title: x\n"
            "             ^");
}

TEST(ParseQuerySyntax, MisspeltFieldSuggestsTheRightOne) {
  EXPECT_EQ(syntax_error("gptq titel:quant"),
            "query syntax error: unknown field \"titel:\"; did you mean \"title:\"?\n"
            "  gptq titel:quant\n"
            "       ^");
  EXPECT_EQ(syntax_error("on:pruning"),
            "query syntax error: unknown field \"on:\"; did you mean \"in:\"?\n"
            "  on:pruning\n"
            "  ^");
}

TEST(ParseQuerySyntax, BadYear) {
  EXPECT_EQ(syntax_error("year:20x3"),
            "query syntax error: bad year \"20x3\": expected 2023, 2022..2024, >=2023 or <2024\n"
            "  year:20x3\n"
            "       ^");
  EXPECT_EQ(syntax_error("a year:2024..2022"),
            "query syntax error: bad year \"2024..2022\": expected 2023, 2022..2024, >=2023 or "
            "<2024\n"
            "  a year:2024..2022\n"
            "         ^");
}

TEST(ParseQuerySyntax, BadHasAndKindValues) {
  EXPECT_EQ(syntax_error("has:paper"),
            "query syntax error: unknown value \"paper\" for has:, expected has:code\n"
            "  has:paper\n"
            "      ^");
  EXPECT_EQ(syntax_error("kind:video"),
            "query syntax error: unknown kind \"video\", expected paper, blog or website\n"
            "  kind:video\n"
            "       ^");
}

TEST(ParseQuerySyntax, CaretCountsColumnsNotBytes) {
  EXPECT_EQ(syntax_error("déjà vu )"),
            "query syntax error: unexpected \")\" with no \"(\" before it\n"
            "  déjà vu )\n"
            "          ^");
}

TEST(ParseQuerySyntax, SixtyFourNestedParenthesesAreAccepted) {
  std::string query = std::string(64, '(') + "a" + std::string(64, ')');
  EXPECT_EQ(parsed(query), "a");
}

TEST(ParseQuerySyntax, ParenthesesNestedDeeperThanSixtyFourPointAtTheFirstTooDeep) {
  std::string query = std::string(65, '(') + "a" + std::string(65, ')');
  // The query is shown around the place, at most 30 columns either side, with the caret under it.
  EXPECT_EQ(syntax_error(query), "query syntax error: parentheses nested deeper than 64\n  …" +
                                     std::string(29, '(') + "(a" + std::string(27, ')') + "…\n  " +
                                     std::string(30, ' ') + "^");
}

TEST(ParseQuerySyntax, EightThousandParenthesesAreASyntaxErrorNotACrash) {
  std::string query = std::string(8000, '(') + "a" + std::string(8000, ')');
  EXPECT_EQ(syntax_error(query).substr(0, 54),
            "query syntax error: parentheses nested deeper than 64\n");
  // Longer queries are refused before parsing.
  query = std::string(20000, '(') + "a" + std::string(20000, ')');
  EXPECT_EQ(syntax_error(query), "the query is 40001 bytes long; at most 16384 are allowed\n");
}

TEST(ParseQuerySyntax, NegationsNestedDeeperThanSixtyFour) {
  std::string query;
  for (int i = 0; i < 4000; ++i) query += "NOT ";
  query += "a";
  EXPECT_EQ(syntax_error(query),
            "query syntax error: negations nested deeper than 64\n"
            "  … NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT N…\n  " +
                std::string(30, ' ') + "^");
  EXPECT_EQ(parsed(std::string(64, '-') + "a").substr(0, 10), "(not (not ");
}

}  // namespace
}  // namespace papertree
