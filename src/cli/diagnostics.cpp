#include "diagnostics.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "papertree/text/text.hpp"
#include "terminal.hpp"

namespace papertree::cli {

namespace {

// The widest line a diagnostic prints. Messages quote untrusted text short themselves
// (quote_for_message); this is the net under every other one (CLI11's parse errors, a path, a
// warning quoting a title), so that a 50 KB argument never gives a 50 KB message.
constexpr std::size_t k_max_line_width = 500;

void print_lines(std::string_view prefix, std::string_view text) {
  std::istringstream lines{std::string(text)};
  std::string line;
  bool first = true;
  while (std::getline(lines, line)) {
    std::string shown = sanitize_for_display(line);
    if (display_width(shown) > k_max_line_width) {
      shown = truncate_to_width(shown, k_max_line_width) + " (a line of " +
              std::to_string(line.size()) + " bytes, cut)";
    }
    std::cerr << (first ? prefix : std::string_view{}) << shown << '\n';
    first = false;
  }
}

}  // namespace

void setup_app(CLI::App& app, Context& ctx) {
  app.set_version_flag("-V,--version", std::string("papertree ") + PAPERTREE_VERSION);
  app.formatter(std::make_shared<HelpFormatter>(help_width()));
  app.require_subcommand(0, 1);
  app.fallthrough();
  app.add_option("-c,--corpus", ctx.corpus_path,
                 "Corpus JSON file, - for standard input (default: $PAPERTREE_CORPUS, else the "
                 "embedded survey)")
      ->check(CLI::Validator(
          [](const std::string& value) -> std::string {
            return value.empty() ? "the file name is empty" : "";
          },
          "FILE", "corpus_file"))
      ->type_name("FILE");
  app.add_option_function<std::string>(
         "--color",
         [&ctx](const std::string& when) {
           ctx.color_mode = when == "always"  ? ColorMode::always
                            : when == "never" ? ColorMode::never
                                              : ColorMode::automatic;
         },
         "When to colour output: auto (a terminal, NO_COLOR unset), always or never")
      ->transform(one_of({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", ctx.quiet, "Print no warnings or progress");
  app.add_flag("--no-cache", ctx.no_cache,
               "Read the corpus JSON even when a compiled snapshot of it is cached");
  app.add_option("--max-input", ctx.max_input,
                 "Largest input file read, such as 64M or 2G (default 512M, or "
                 "$PAPERTREE_MAX_INPUT)")
      ->type_name("SIZE");
  // A bad size (option or variable) is a usage error even when no file is read.
  app.parse_complete_callback([&ctx] { ctx.input_limit(); });
  setup_tree(app, ctx);
  setup_export(app, ctx);
  setup_import(app, ctx);
  setup_enrich(app, ctx);
  setup_stats(app, ctx);
  setup_list(app, ctx);
  setup_search(app, ctx);
  setup_show(app, ctx);
  setup_frameworks(app, ctx);
  setup_completion(app, ctx);
  setup_validate(app, ctx);
  setup_edit(app, ctx);
  setup_category(app, ctx);
  setup_check(app, ctx);
  setup_diff(app, ctx);
  setup_news(app, ctx);
  setup_help(app);
  setup_man(app);
  setup_index(app, ctx);
  set_program_help(app);
}

int report(const Error& e) {
  // A reader that stopped reading (`-o /dev/stdout | head`, a FIFO): quietly, as finish_stdout.
  if (dynamic_cast<const ClosedPipeError*>(&e) != nullptr) return static_cast<int>(e.exit_code());
  print_lines("papertree: error: ", e.what());
  if (const auto* data = dynamic_cast<const DataError*>(&e);
      data != nullptr && !data->detail().empty()) {
    print_lines("", data->detail());
  }
  if (const auto* usage = dynamic_cast<const UsageError*>(&e);
      usage != nullptr && !usage->detail().empty()) {
    print_lines("", usage->detail());
  }
  return static_cast<int>(e.exit_code());
}

namespace {

// The option or positional argument CLI11 calls `name` ("--limit", "query"), of `sub` or of a
// command above it; null when there is none.
const CLI::Option* option_named(const CLI::App& sub, const std::string& name) {
  for (const CLI::App* a = &sub; a != nullptr; a = a->get_parent()) {
    if (const CLI::Option* opt = a->get_option_no_throw(name)) return opt;
  }
  return nullptr;
}

// CLI11's message in papertree's words: `unknown option "-quantization"` (the word as typed),
// `unexpected argument "x"`, `--limit needs a value (a number N ≥ 0)`; other messages as CLI11
// words them.
std::string usage_message(const CLI::ParseError& e, const CLI::App& sub,
                          const std::vector<std::string>& args) {
  std::string what = e.what();
  constexpr std::string_view one = "The following argument was not expected: ";
  if (what.rfind(one, 0) == 0) {
    std::string word = what.substr(one.size());
    if (word.rfind('-', 0) != 0) return "unexpected argument " + quote_for_message(word);
    return "unknown option " + quote_for_message(typed_option_word(args, word));
  }
  // "--limit: 1 required UINT:N≥0 missing": an option given last, without its value.
  constexpr std::string_view required = " required ";
  std::size_t colon = what.find(": ");
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr && colon != std::string::npos &&
      what.find(required, colon) != std::string::npos && what.ends_with(" missing")) {
    if (const CLI::Option* opt = option_named(sub, what.substr(0, colon)))
      return opt->get_name() + " needs a value (" + value_description(*opt) + ")";
  }
  return what;
}

// The words that tell the user what to do next: a hint for a mistyped option, a word that
// looks like one, or a search with filters but no query; empty when none fits.
std::string usage_hint(const CLI::App& sub, const std::vector<std::string>& args) {
  if (std::string hint = option_hint(sub, args); !hint.empty()) return hint;
  if (std::string hint = dash_hint(sub, args); !hint.empty()) return hint;
  return missing_query_hint(sub, args);
}

// Whose --help explains the error: the command's, unless the message is about one of
// papertree's own options ("--color: "alw" is not one of …"), which the command's help does not
// list.
std::string command_name(const CLI::App& app, const std::string& what) {
  std::vector<CLI::App*> chosen = app.get_subcommands();
  if (chosen.empty()) return app.get_name();
  const std::size_t colon = what.find(": ");
  if (what.rfind("--", 0) == 0 && colon != std::string::npos) {
    const std::string name = what.substr(0, colon);
    if (chosen.front()->get_option_no_throw(name) == nullptr &&
        app.get_option_no_throw(name) != nullptr)
      return app.get_name();
  }
  return app.get_name() + " " + chosen.front()->get_name();
}

}  // namespace

int report_usage(const CLI::App& app, const CLI::ParseError& e,
                 const std::vector<std::string>& args) {
  std::vector<CLI::App*> chosen = app.get_subcommands();
  const CLI::App& sub = chosen.empty() ? app : *chosen.front();
  print_lines("papertree: error: ", usage_message(e, sub, args));
  if (!chosen.empty()) {
    if (std::string hint = usage_hint(sub, args); !hint.empty()) print_lines("hint: ", hint);
  }
  std::cerr << "Run '" << command_name(app, e.what()) << " --help' for usage.\n";
  return static_cast<int>(ExitCode::usage);
}

int report_command_error(const CLI::App& app, const Error& e) {
  int code = report(e);
  // A usage error says what to do in its detail lines; one without them points to the help.
  if (const auto* usage = dynamic_cast<const UsageError*>(&e);
      usage != nullptr && usage->detail().empty()) {
    std::cerr << "Run '" << command_name(app, e.what()) << " --help' for usage.\n";
  }
  return code;
}

int report_unexpected(const std::exception& e) {
  print_lines("papertree: error: ", e.what());
  return static_cast<int>(ExitCode::io);
}

namespace {

// Whether stdout is a pipe or socket whose reader has gone (`papertree list | head`): poll
// reports an error condition on the write end once no reader is left.
bool reader_gone() {
  pollfd out{STDOUT_FILENO, 0, 0};
  return ::poll(&out, 1, 0) == 1 && (out.revents & POLLERR) != 0;
}

void on_ignored_signal(int) {}

// A compiled snapshot is read where it is mapped: a page of it that another program cut off
// (`cp new.snap live.snap` truncates and rewrites the same file) faults with SIGBUS when read.
// papertree itself never does that (it replaces files whole, by rename). Only async-signal-safe
// calls here: the message, then the exit code of a corpus that cannot be read.
void on_sigbus(int signal, siginfo_t* info, void*) {
  // Only a page of a mapped file beyond its end (BUS_ADRERR); any other SIGBUS (one sent with
  // kill, a misaligned access) ends the process as it would have without this handler.
  if (info == nullptr || info->si_code != BUS_ADRERR) {
    ::signal(signal, SIG_DFL);
    ::raise(signal);
    return;
  }
  static constexpr char message[] =
      "papertree: error: a snapshot this command was reading was cut short or rewritten in place "
      "by another program; run the command again (a snapshot is replaced safely by renaming a "
      "new file over it, as papertree index does)\n";
  ssize_t written = ::write(STDERR_FILENO, message, sizeof message - 1);
  (void)written;
  ::_exit(static_cast<int>(ExitCode::bad_data));
}

void handle(int signal, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  ::sigaction(signal, &action, nullptr);
}

}  // namespace

void catch_signals() {
  // Handlers rather than SIG_IGN, so that programs papertree starts (git) get the default
  // disposition back when they are executed. SIGPIPE: a closed pipe is EPIPE; SIGXFSZ: a write
  // past `ulimit -f` is EFBIG, an I/O error (exit 4) that removes the temporary file.
  handle(SIGPIPE, on_ignored_signal);
  handle(SIGXFSZ, on_ignored_signal);
  struct sigaction bus {};
  bus.sa_sigaction = on_sigbus;
  bus.sa_flags = SA_SIGINFO;
  sigemptyset(&bus.sa_mask);
  ::sigaction(SIGBUS, &bus, nullptr);
}

int finish_stdout() {
  errno = 0;
  std::cout.flush();
  if (std::cout) return static_cast<int>(ExitCode::ok);
  int error = errno;
  // The reader stopped reading, as `head` does: that is its choice, not a failure to report.
  if (error == EPIPE || reader_gone()) return static_cast<int>(ExitCode::io);
  std::string reason = error != 0 ? std::strerror(error) : "write error";
  return report(IoError("standard output: cannot write: " + reason));
}

void warn(std::string_view message) {
  print_lines("papertree: warning: ", message);
}

}  // namespace papertree::cli
