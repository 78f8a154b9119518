#include "papertree/render/papers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "papertree/corpus/venue.hpp"
#include "papertree/json/dump.hpp"
#include "papertree/json/load.hpp"
#include "papertree/search/search.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

constexpr std::size_t k_max_venue_width = 14;
constexpr std::size_t k_min_venue_width = 5;
constexpr std::size_t k_min_title_width = 12;
constexpr std::string_view k_code_mark = "✓";

std::string pad(std::string text, std::size_t width) {
  std::size_t w = display_width(text);
  if (w < width) text.append(width - w, ' ');
  return text;
}

std::string year_text(int year) {
  return year == 0 ? std::string() : std::to_string(year);
}

std::string venue_text(const Paper& paper) {
  return sanitize_for_display(normalize_venue(paper.venue));
}

// Wraps the words of `title` that are search terms in the highlight style.
std::string highlight(const std::string& title, const PaperListOptions& options) {
  if (options.highlight.empty() || options.style.highlight.empty()) return title;
  std::string out;
  std::size_t done = 0;
  for (const TextToken& t : tokenize(title)) {
    if (!std::binary_search(options.highlight.begin(), options.highlight.end(), t.term)) continue;
    out += title.substr(done, t.begin - done);
    out += options.style.highlight;
    out += title.substr(t.begin, t.end - t.begin);
    out += options.style.reset;
    done = t.end;
  }
  return out + title.substr(done);
}

std::string score_text(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", score);
  return buffer;
}

}  // namespace

void render_papers_table(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out) {
  std::size_t venue_width = 0;
  std::size_t title_width = 0;
  std::vector<std::string> titles;
  titles.reserve(papers.size());
  for (PaperIndex p : papers) {
    venue_width = std::max(venue_width, display_width(venue_text(corpus.paper(p))));
    titles.push_back(sanitize_for_display(corpus.paper(p).title));
    title_width = std::max(title_width, display_width(titles.back()));
  }
  venue_width = std::min(venue_width, k_max_venue_width);
  if (options.header && venue_width > 0)
    venue_width = std::max(venue_width, display_width("Venue"));
  if (options.width > 0) {
    // Year, gap and code mark are fixed; the venue shrinks, then goes, before the title is cut
    // below its minimum.
    const std::size_t fixed = 4 + 2 + 2 + display_width(k_code_mark);
    std::size_t room = options.width > fixed ? options.width - fixed : 0;
    if (venue_width > 0 && room < venue_width + 2 + k_min_title_width) {
      std::size_t spare = room > 2 + k_min_title_width ? room - 2 - k_min_title_width : 0;
      venue_width = spare >= k_min_venue_width ? spare : 0;
    }
    if (venue_width > 0) room -= venue_width + 2;
    title_width = std::min(title_width, std::max<std::size_t>(room, 1));
  }
  const TextStyle& s = options.style;
  if (options.header) {
    out << s.bold << "Year  ";
    if (venue_width > 0) out << pad(truncate_to_width("Venue", venue_width), venue_width) << "  ";
    out << truncate_to_width("Title", title_width) << s.reset << '\n';
  }
  for (std::size_t i = 0; i < papers.size(); ++i) {
    const Paper& paper = corpus.paper(papers[i]);
    std::string title = truncate_to_width(titles[i], title_width);
    std::size_t title_shown = display_width(title);
    out << s.dim << pad(year_text(paper.year), 4) << s.reset << "  ";
    if (venue_width > 0)
      out << pad(truncate_to_width(venue_text(paper), venue_width), venue_width) << "  ";
    out << highlight(title, options);
    if (paper.has_code()) {
      out << std::string(title_width - title_shown, ' ') << "  " << s.good << k_code_mark
          << s.reset;
    }
    out << '\n';
  }
}

void render_papers_plain(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out) {
  for (std::size_t i = 0; i < papers.size(); ++i) {
    const Paper& paper = corpus.paper(papers[i]);
    out << sanitize_for_display(paper.id) << '\t' << year_text(paper.year) << '\t'
        << venue_text(paper) << '\t' << sanitize_for_display(paper.title) << '\t'
        << (paper.has_code() ? "code" : "");
    if (!options.scores.empty()) out << '\t' << score_text(options.scores[i]);
    out << '\n';
  }
}

void render_papers_ids(const Corpus& corpus, std::span<const PaperIndex> papers,
                       std::ostream& out) {
  for (PaperIndex p : papers) out << sanitize_for_display(corpus.paper(p).id) << '\n';
}

nlohmann::ordered_json paper_to_json(const Corpus& corpus, PaperIndex index, const double* score) {
  nlohmann::ordered_json out = paper_to_json(corpus.paper(index));
  out["category_paths"] = nlohmann::ordered_json::array();
  for (CategoryIndex c : corpus.paper_categories(index))
    out["category_paths"].push_back(corpus.category(c).path);
  if (score != nullptr) out["score"] = std::round(*score * 1000.0) / 1000.0;
  return out;
}

void render_papers_json(const Corpus& corpus, std::span<const PaperIndex> papers,
                        const PaperListOptions& options, std::ostream& out) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < papers.size(); ++i) {
    array.push_back(
        paper_to_json(corpus, papers[i], options.scores.empty() ? nullptr : &options.scores[i]));
  }
  out << json_text(array, 2) << '\n';
}

void render_papers_jsonl(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out) {
  for (std::size_t i = 0; i < papers.size(); ++i) {
    out << json_text(paper_to_json(corpus, papers[i],
                                   options.scores.empty() ? nullptr : &options.scores[i]))
        << '\n';
  }
}

}  // namespace papertree
