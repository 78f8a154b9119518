#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "completion.hpp"
#include "help.hpp"

namespace papertree::cli {

namespace {

void run_completion(const std::string& shell, const CLI::App& app) {
  if (shell == "fish") {
    write_fish_completion(app, std::cout);
  } else {
    write_bash_completion(app, shell == "zsh", std::cout);
  }
}

}  // namespace

void setup_completion(CLI::App& app, Context& ctx) {
  auto shell = std::make_shared<std::string>();
  CLI::App* sub =
      app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  sub->add_option("shell", *shell, "The shell to complete for")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  set_examples(*sub, {{"source <(papertree completion bash)", "in ~/.bashrc"},
                      {"source <(papertree completion zsh)", "in ~/.zshrc"},
                      {"papertree completion fish | source", "in ~/.config/fish/config.fish"}});
  sub->callback([shell, &app] { run_completion(*shell, app); });

  CLI::App* categories =
      app.add_subcommand("__complete-categories", "Print the category ids, one a line");
  categories->group("");
  categories->callback([&ctx] {
    for (const Category& c : ctx.corpus().categories()) std::cout << c.id << '\n';
  });
  CLI::App* papers = app.add_subcommand("__complete-papers", "Print the paper ids, one a line");
  papers->group("");
  papers->callback([&ctx] {
    for (const Paper& p : ctx.corpus().papers()) std::cout << p.id << '\n';
  });
}

}  // namespace papertree::cli
