#include "html_assets.hpp"

namespace papertree::html_assets {

const std::string_view k_css = R"CSS(
:root { --bg: #f6f7f9; --card: #ffffff; --fg: #1f2328; --muted: #5f6b76; --line: #d9dee4;
  --link: #2f5f98; --b: #4C78A8; --bf: #DCE8F5; color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #16181c; --card: #1e2126; --fg: #e6e8eb; --muted: #9aa4ae; --line: #343a42;
    --link: #8ab4f0; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue",
    Arial, sans-serif; }
.wrap { max-width: 1000px; margin: 0 auto; padding: 0 20px; }
header { position: sticky; top: 0; z-index: 2; background: var(--bg);
  border-bottom: 1px solid var(--line); padding: 14px 0 12px; }
h1 { font-size: 1.45rem; margin: 0 0 2px; line-height: 1.25; }
.meta { color: var(--muted); margin: 0 0 10px; font-size: .9rem; }
.bar { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
#q { flex: 1 1 320px; font: inherit; padding: 8px 12px; border: 1px solid var(--line);
  border-radius: 8px; background: var(--card); color: var(--fg); }
#q:focus { outline: 2px solid #4C78A8; outline-offset: 1px; }
#count { color: var(--muted); font-size: .9rem; min-width: 9em; }
button { font: inherit; font-size: .85rem; padding: 5px 10px; border: 1px solid var(--line);
  border-radius: 6px; background: var(--card); color: var(--fg); cursor: pointer; }
main { padding: 14px 0 40px; }
details.cat { margin: 6px 0 6px 2px; padding-left: 12px; border-left: 3px solid var(--b); }
details.level1 { background: var(--card); border: 1px solid var(--line);
  border-left: 4px solid var(--b); border-radius: 8px; padding: 6px 14px 8px; margin: 10px 0; }
summary { cursor: pointer; padding: 3px 0; font-weight: 600; }
details.level1 > summary { font-size: 1.1rem; }
summary .count { display: inline-block; margin-left: 6px; padding: 0 8px; border-radius: 999px;
  background: var(--bf); color: #1f2328; font-size: .75rem; font-weight: 600; vertical-align: 1px; }
ul.papers { list-style: none; margin: 2px 0 6px; padding: 0; }
li.paper { padding: 5px 0 5px 2px; border-bottom: 1px dashed var(--line); }
li.paper:last-child { border-bottom: none; }
li.paper .title { font-weight: 500; unicode-bidi: isolate; }
summary .name, .authors, .venue { unicode-bidi: isolate; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.venue { color: var(--muted); font-size: .85rem; margin-left: 6px; white-space: nowrap; }
.authors { display: block; color: var(--muted); font-size: .82rem; }
.links a { font-size: .75rem; margin-left: 6px; padding: 0 6px; border: 1px solid var(--line);
  border-radius: 4px; white-space: nowrap; }
.kind { font-size: .7rem; text-transform: uppercase; letter-spacing: .04em; margin-left: 6px;
  color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; }
#empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: .8rem; padding: 0 0 30px; }
.b0 { --b: #4C78A8; --bf: #DCE8F5; } .b1 { --b: #E07B1F; --bf: #FDE6CF; }
.b2 { --b: #4E9A45; --bf: #DDF0DA; } .b3 { --b: #D1494A; --bf: #FADADA; }
.b4 { --b: #9C5F8F; --bf: #F0E0EC; } .b5 { --b: #3C9A93; --bf: #D9F0EE; }
.b6 { --b: #B8860B; --bf: #FAF0D2; } .b7 { --b: #8A6A55; --bf: #EFE5DD; }
)CSS";

const std::string_view k_script = R"JS(
(function () {
  "use strict";
  var input = document.getElementById("q");
  var count = document.getElementById("count");
  var empty = document.getElementById("empty");
  var papers = Array.prototype.slice.call(document.querySelectorAll("li.paper"));
  var cats = Array.prototype.slice.call(document.querySelectorAll("details.cat"));
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function text(li, selector) {
    var e = li.querySelector(selector);
    return e ? e.textContent : "";
  }
  var haystacks = papers.map(function (li) {
    return fold([text(li, ".title"), text(li, ".venue"), text(li, ".authors"), li.dataset.id].join(" "));
  });
  var total = new Set(papers.map(function (li) { return li.dataset.id; })).size;
  function distinctVisible(root) {
    var ids = new Set();
    root.querySelectorAll("li.paper:not([hidden])").forEach(function (li) { ids.add(li.dataset.id); });
    return ids.size;
  }
  function apply() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var searching = words.length > 0;
    papers.forEach(function (li, i) {
      li.hidden = !words.every(function (w) { return haystacks[i].indexOf(w) >= 0; });
    });
    cats.forEach(function (d) {
      var n = distinctVisible(d);
      d.querySelector(":scope > summary .count").textContent =
        searching ? n + " / " + d.dataset.total : d.dataset.total;
      d.hidden = searching && n === 0;
      d.open = searching ? n > 0 : d.hasAttribute("data-open");
    });
    var shown = distinctVisible(document.getElementById("tree"));
    count.textContent = searching ? shown + " of " + total + " papers" : total + " papers";
    document.body.dataset.visible = String(shown);
    empty.hidden = shown > 0;
    try {
      history.replaceState(null, "", searching ? "#q=" + encodeURIComponent(input.value)
                                              : location.pathname + location.search);
    } catch (e) { /* some file: URLs refuse it; filtering still works */ }
  }
  input.addEventListener("input", apply);
  function setAll(open) { cats.forEach(function (d) { if (!d.hidden) d.open = open; }); }
  document.getElementById("expand").addEventListener("click", function () { setAll(true); });
  document.getElementById("collapse").addEventListener("click", function () { setAll(false); });
  var m = /^#q=(.*)$/.exec(location.hash);
  if (m) {
    try { input.value = decodeURIComponent(m[1]); } catch (e) { input.value = m[1]; }
    input.dispatchEvent(new Event("input"));
  }
})();
)JS";

const std::string_view k_script_hash = "sha256-yl1x9YzZ184hfzE8zEmHBONGMGNVeIk9id9ympctyws=";

}  // namespace papertree::html_assets
