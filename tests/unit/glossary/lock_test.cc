// Crash safety and concurrent updates of one glossary file: several processes update it at
// once (no entry is lost), and a writer killed at random moments leaves the old or the new
// file, never a truncated one.
#include "glossary/lock.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "common/error.h"
#include "glossary/yaml.h"

namespace koterm::glossary {
namespace {

namespace fs = std::filesystem;

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "koterm-lock-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

Entry entry(const std::string& id, const std::string& ko, const std::string& en) {
  Entry e;
  e.id = id;
  e.ko = ko;
  e.en = en;
  return e;
}

TEST(GlossaryLock, ConcurrentUpdatesLoseNothing) {
  TempDir dir;
  const std::string path = dir.file("shared.yaml");
  constexpr int processes = 6;
  constexpr int updates_each = 15;
  std::vector<pid_t> children;
  for (int p = 0; p < processes; ++p) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int code = 0;
      try {
        for (int u = 0; u < updates_each; ++u) {
          Diagnostics d;
          update(path, [&](Glossary& g) {
            std::string n = std::to_string(p) + "-" + std::to_string(u);
            g.terms.push_back(entry("p" + n, "용어" + n, "term " + n));
          }, d);
        }
      } catch (...) {
        code = 1;
      }
      ::_exit(code);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  Diagnostics d;
  Glossary g = load(path, d);
  EXPECT_EQ(d.count(Severity::warning), 0u);
  EXPECT_EQ(g.terms.size(), static_cast<std::size_t>(processes * updates_each));
  for (int p = 0; p < processes; ++p)
    for (int u = 0; u < updates_each; ++u) {
      std::string id = "p" + std::to_string(p) + "-" + std::to_string(u);
      EXPECT_TRUE(std::any_of(g.terms.begin(), g.terms.end(), [&](const Entry& e) { return e.id == id; })) << id;
    }
}

Glossary big(int generation) {
  Glossary g;
  g.name = "generation " + std::to_string(generation);
  for (int i = 0; i < 3000; ++i)
    g.terms.push_back(entry("t" + std::to_string(i), "용어" + std::to_string(i),
                            "term " + std::to_string(i) + " of generation " + std::to_string(generation)));
  return g;
}

TEST(GlossaryLock, WriterKilledMidWriteLeavesOldOrNewFile) {
  TempDir dir;
  const std::string path = dir.file("crash.yaml");
  const std::string old_text = to_yaml(big(0));
  const std::string new_text = to_yaml(big(1));
  save(big(0), path);
  std::mt19937 rng(20261128);  // fixed seed: the same kill times on every run
  std::uniform_int_distribution<int> delay_us(0, 20000);
  int saw_new = 0;
  for (int round = 0; round < 25; ++round) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      try {
        Glossary a = big(0), b = big(1);
        for (int i = 0;; ++i) save(i % 2 ? a : b, path);
      } catch (...) {
      }
      ::_exit(1);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::string now = read(path);
    ASSERT_TRUE(now == old_text || now == new_text) << "round " << round << ": " << now.size() << " bytes";
    saw_new += now == new_text;
  }
  // Temporary files of killed writers may stay behind, but never under the glossary's name.
  Diagnostics d;
  EXPECT_NO_THROW(load(path, d));
  EXPECT_EQ(d.count(Severity::warning), 0u);
  RecordProperty("rounds_ending_with_new_file", saw_new);
}

TEST(GlossaryLock, UpdateRefusesABrokenGlossary) {
  TempDir dir;
  const std::string path = dir.file("broken.yaml");
  {
    std::ofstream f(path);
    f << "version: 1\nterms:\n  - id: a\n    ko: 외교부\n    en: x\n    kind: organisation\n";
  }
  const std::string before = read(path);
  Diagnostics d;
  try {
    update(path, [](Glossary&) {}, d);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "the glossary has 1 error(s); fix them before updating it (koterm glossary validate)");
  }
  EXPECT_EQ(read(path), before);
}

TEST(GlossaryLock, UpdateCreatesAMissingGlossary) {
  TempDir dir;
  const std::string path = dir.file("fresh.yaml");
  Diagnostics d;
  update(path, [](Glossary& g) { g.terms.push_back(entry("a", "통일부", "Ministry of Unification")); }, d);
  Glossary g = load(path, d);
  EXPECT_EQ(g.name, "fresh");
  ASSERT_EQ(g.terms.size(), 1u);
  EXPECT_TRUE(fs::exists(GlossaryLock::lock_path_of(path)));
}

TEST(GlossaryLock, LockFileInAMissingFolder) {
  try {
    GlossaryLock lock("/nonexistent-koterm-folder/g.yaml");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(),
              "cannot create the lock file /nonexistent-koterm-folder/g.yaml.lock: No such file or directory");
  }
}

}  // namespace
}  // namespace koterm::glossary
