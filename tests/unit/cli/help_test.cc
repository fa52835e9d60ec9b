// Every command's --help (and every subcommand's, found in the "<a|b|c>" of a usage line)
// starts with its usage, ends with exactly one line break and exits 0 (regression: `koterm
// segment --help` once ended without a final newline, leaving the shell prompt on its line).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/commands.h"

namespace koterm::cli {
namespace {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run run(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  Io io{in, out, err};
  Run r;
  r.code = run_main(args, io);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::string joined(const std::vector<std::string>& args) {
  std::string s = "koterm";
  for (const auto& a : args) s += " " + a;
  return s;
}

// The subcommands named in "<validate|merge|...>" on the first line of a help text.
std::vector<std::string> subcommands_of(const std::string& help) {
  std::string first = help.substr(0, help.find('\n'));
  std::size_t open = first.find('<'), close = first.find('>');
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string list = first.substr(open + 1, close - open - 1);
  if (list.find('|') == std::string::npos) return out;  // a placeholder like <command>
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t bar = list.find('|', pos);
    if (bar == std::string::npos) bar = list.size();
    out.push_back(list.substr(pos, bar - pos));
    pos = bar + 1;
  }
  return out;
}

void expect_good_help(const std::vector<std::string>& args, const std::string& usage_start) {
  Run r = run(args);
  SCOPED_TRACE(joined(args));
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.rfind(usage_start, 0), 0u) << r.out.substr(0, 80);
  EXPECT_EQ(r.out.back(), '\n') << "no final line break: ..." << r.out.substr(r.out.size() - std::min<std::size_t>(r.out.size(), 40));
  EXPECT_FALSE(r.out.size() >= 2 && r.out[r.out.size() - 2] == '\n') << "blank line at the end";
}

TEST(Help, EveryCommandAndSubcommandEndsWithOneLineBreak) {
  expect_good_help({"--help"}, "usage: koterm <command>");
  std::size_t subcommands = 0;
  ASSERT_GE(commands().size(), 8u);
  for (const auto& command : commands()) {
    const std::string name = command.name;
    for (const char* flag : {"--help", "-h"}) expect_good_help({name, flag}, "usage: koterm " + name);
    for (const std::string& sub : subcommands_of(run({name, "--help"}).out)) {
      expect_good_help({name, sub, "--help"}, "usage: koterm " + name + " " + sub);
      ++subcommands;
    }
  }
  // glossary validate, merge, export, import, lookup at least.
  EXPECT_GE(subcommands, 5u);
}

TEST(Help, SubcommandsAreFoundInTheUsageLine) {
  EXPECT_EQ(subcommands_of("usage: koterm glossary <validate|merge> [options]\n\nmore <a|b>\n"),
            (std::vector<std::string>{"validate", "merge"}));
  EXPECT_TRUE(subcommands_of("usage: koterm <command> [options]\n").empty());
  EXPECT_TRUE(subcommands_of("usage: koterm segment --lang ko|en FILE\n").empty());
}

}  // namespace
}  // namespace koterm::cli
