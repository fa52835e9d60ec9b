// Limits and unreadable inputs: input without a known size is refused once it passes the
// limit (regression: /dev/zero and a large standard input used to be read whole, until memory
// ran out), files that cannot be opened are reported with the system's reason, and nesting
// that would exhaust yaml-cpp's stack is refused before parsing (beyond the '[' cases of
// tests/unit/glossary/yaml_test.cc: braces, mixed flow, dashes on one line, indented maps).
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "common/error.h"
#include "glossary/yaml.h"
#include "text/source.h"

namespace fs = std::filesystem;
using koterm::InputError;
using koterm::LimitError;

namespace {

std::string message_of(const InputError& e) { return e.pos().str() + ": " + e.message(); }

}  // namespace

TEST(InputLimits, DevZeroIsRefusedAtTheSizeLimitInsteadOfFillingMemory) {
  if (!fs::exists("/dev/zero")) GTEST_SKIP() << "/dev/zero is absent";
  koterm::text::ReadLimits limits;
  limits.max_file_bytes = std::size_t{1} << 20;
  limits.file_option = "--max-file-mb";
  std::istringstream no_stdin;
  try {
    koterm::text::read_source("/dev/zero", no_stdin, limits);
    FAIL() << "read_source(/dev/zero) returned";
  } catch (const LimitError& e) {
    EXPECT_EQ(message_of(e), "/dev/zero: the input is larger than the limit of 1 MiB (raise it with --max-file-mb)");
  }
}

TEST(InputLimits, LargeStandardInputIsRefusedAtTheSizeLimit) {
  koterm::text::ReadLimits limits;
  limits.max_file_bytes = std::size_t{1} << 20;
  limits.file_option = "--max-file-mb";
  std::string three_mib;
  while (three_mib.size() < (std::size_t{3} << 20)) three_mib += "북한은 미사일을 발사했다.\n";
  std::istringstream in(three_mib);
  try {
    koterm::text::read_source("-", in, limits);
    FAIL() << "read_source(-) returned";
  } catch (const LimitError& e) {
    EXPECT_EQ(message_of(e), "<stdin>: the input is larger than the limit of 1 MiB (raise it with --max-file-mb)");
  }
  // Just under the limit is still read.
  std::istringstream small(three_mib.substr(0, 1000));
  EXPECT_EQ(koterm::text::read_file_bytes("-", small, limits).size(), 1000u);
}

TEST(InputLimits, UnreadableFileIsReportedWithTheSystemReason) {
  // As root every file is readable, so the reader runs in a child that drops to "nobody".
  fs::path dir = fs::temp_directory_path() / ("koterm-unreadable-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  fs::path file = dir / "secret.ko.txt";
  std::ofstream(file) << "북한은 미사일을 발사했다.\n";
  fs::permissions(file, fs::perms::none);
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::close(fds[0]);
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(4);
    std::string got = "returned";
    try {
      std::istringstream no_stdin;
      koterm::text::read_source(file.string(), no_stdin);
    } catch (const InputError& e) {
      got = message_of(e);
    } catch (...) {
      got = "another exception";
    }
    ssize_t n = ::write(fds[1], got.data(), got.size());
    ::_exit(n == static_cast<ssize_t>(got.size()) ? 0 : 5);
  }
  ::close(fds[1]);
  std::string got;
  char buf[512];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) got.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  fs::remove_all(dir);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_NE(WEXITSTATUS(status), 4) << "could not drop privileges to nobody";
  EXPECT_EQ(got, file.string() + ": cannot open the file: Permission denied");
}

TEST(YamlNesting, DeepBraceAndMixedNestingIsRefusedToo) {
  for (const std::string& open : {std::string("{a: "), std::string("[{a: ")}) {
    std::string text = "version: 1\nterms: ";
    for (int i = 0; i < 50000; ++i) text += open;
    koterm::Diagnostics diags;
    EXPECT_THROW(koterm::glossary::parse_yaml(text, "deep.yaml", diags), LimitError) << open;
  }
}

TEST(YamlNesting, DeepBlockNestingIsRefused) {
  // "- - - - ..." on one line and a staircase of indented maps both nest block collections.
  std::string dashes = "version: 1\nterms:\n";
  for (int i = 0; i < 20000; ++i) dashes += "- ";
  dashes += "x\n";
  std::string stairs = "version: 1\nterms:\n";
  for (int i = 0; i < 3000; ++i) stairs += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  for (const std::string& text : {dashes, stairs}) {
    koterm::Diagnostics diags;
    EXPECT_THROW(koterm::glossary::parse_yaml(text, "deep.yaml", diags), LimitError);
  }
}
