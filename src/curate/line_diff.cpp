// Line diffs for `--dry-run` and `check --against`.
#include "papertree/curate/line_diff.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace papertree {

namespace {

struct Line {
  std::string_view text;  // without its newline
  bool newline = true;    // false for a last line with no newline
  bool operator==(const Line& o) const { return text == o.text && newline == o.newline; }
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back({text.substr(start), false});
      break;
    }
    lines.push_back({text.substr(start, end - start), true});
    start = end + 1;
  }
  return lines;
}

enum class Op { keep, remove, add };

// The shortest edit script of a[lo_a, hi_a) into b[lo_b, hi_b) (Myers 1986, with the V arrays of
// every step kept to trace the path back).
std::vector<Op> myers(const std::vector<Line>& a, std::size_t lo_a, std::size_t hi_a,
                      const std::vector<Line>& b, std::size_t lo_b, std::size_t hi_b) {
  const long n = static_cast<long>(hi_a - lo_a);
  const long m = static_cast<long>(hi_b - lo_b);
  const long max = n + m;
  const long offset = max + 1;
  std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
  std::vector<std::vector<long>> trace;
  auto same = [&](long x, long y) {
    return a[lo_a + static_cast<std::size_t>(x)] == b[lo_b + static_cast<std::size_t>(y)];
  };
  long found_d = 0;
  for (long d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                   ? v[offset + k + 1]
                   : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && same(x, y)) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      found_d = d;
      break;
    }
  }
  trace.push_back(v);
  std::vector<Op> ops;
  long x = n;
  long y = m;
  for (long d = found_d; d > 0; --d) {
    const std::vector<long>& pv = trace[static_cast<std::size_t>(d)];
    long k = x - y;
    bool down = k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]);
    long prev_k = down ? k + 1 : k - 1;
    long prev_x = pv[offset + prev_k];
    long prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::keep);
      --x, --y;
    }
    ops.push_back(down ? Op::add : Op::remove);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::keep);
    --x, --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void append_line(std::string& out, char mark, const Line& line) {
  out += mark;
  out += line.text;
  out += '\n';
  if (!line.newline) out += "\\ No newline at end of file\n";
}

std::string hunk_range(std::size_t start, std::size_t count) {
  // diff -u numbers an empty range by the line before it.
  if (count == 0) return fmt::format("{},0", start);
  if (count == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", start + 1, count);
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view old_name, std::string_view new_name,
                         std::size_t context) {
  if (old_text == new_text) return {};
  std::vector<Line> a = split_lines(old_text);
  std::vector<Line> b = split_lines(new_text);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Op> ops(prefix, Op::keep);
  std::vector<Op> middle = myers(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix);
  ops.insert(ops.end(), middle.begin(), middle.end());
  ops.insert(ops.end(), suffix, Op::keep);

  // Positions in a and b before each op, then hunks: runs of changes with `context` keeps around.
  std::vector<std::size_t> at_a(ops.size() + 1), at_b(ops.size() + 1);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    at_a[i + 1] = at_a[i] + (ops[i] != Op::add ? 1 : 0);
    at_b[i + 1] = at_b[i] + (ops[i] != Op::remove ? 1 : 0);
  }
  std::string out = fmt::format("--- {}\n+++ {}\n", old_name, new_name);
  std::size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::keep) {
      ++i;
      continue;
    }
    std::size_t begin = i >= context ? i - context : 0;
    std::size_t end = i;
    // Extend while the next change is within 2 × context keeps.
    for (;;) {
      while (end < ops.size() && ops[end] != Op::keep) ++end;
      std::size_t next = end;
      while (next < ops.size() && ops[next] == Op::keep) ++next;
      if (next < ops.size() && next - end <= 2 * context) {
        end = next;
        continue;
      }
      end = std::min(ops.size(), end + context);
      break;
    }
    out += fmt::format("@@ -{} +{} @@\n", hunk_range(at_a[begin], at_a[end] - at_a[begin]),
                       hunk_range(at_b[begin], at_b[end] - at_b[begin]));
    for (std::size_t j = begin; j < end; ++j) {
      switch (ops[j]) {
        case Op::keep:
          append_line(out, ' ', a[at_a[j]]);
          break;
        case Op::remove:
          append_line(out, '-', a[at_a[j]]);
          break;
        case Op::add:
          append_line(out, '+', b[at_b[j]]);
          break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace papertree
