// Crash safety of glossary writes: a writer killed at random moments leaves the old file or the
// new one, never a truncated or mixed one; several processes updating one glossary at the same
// time lose no entry. Each test forks real processes (no threads: the lock is per process).
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "common/atomic_file.h"
#include "common/diagnostics.h"
#include "glossary/lock.h"
#include "glossary/model.h"
#include "glossary/yaml.h"

namespace fs = std::filesystem;
namespace g = koterm::glossary;

namespace {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "koterm-rel-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

g::Entry entry(const std::string& id, const std::string& ko, const std::string& en) {
  g::Entry e;
  e.id = id;
  e.ko = ko;
  e.en = en;
  g::Variant v;
  v.en = en;
  v.status = g::TermStatus::preferred;
  e.variants.push_back(v);
  return e;
}

// A glossary big enough (a few hundred kilobytes) that writing it takes a while, so kills land
// in the middle of writes as well as between them.
g::Glossary big_glossary(const std::string& tag, std::size_t n) {
  g::Glossary gl;
  gl.name = "crash-" + tag;
  for (std::size_t i = 0; i < n; ++i)
    gl.terms.push_back(entry(tag + "-" + std::to_string(i), "한반도평화교섭본부장" + tag + std::to_string(i),
                             "Special Representative for Korean Peninsula Peace and Security Affairs " + tag +
                                 std::to_string(i)));
  return gl;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  return status;
}

}  // namespace

TEST(CrashSafety, KilledGlossaryWriterLeavesOldOrNewFileNeverATruncatedOne) {
  TempDir dir;
  const std::string path = (dir / "terms.yaml").string();
  const g::Glossary a = big_glossary("a", 700);
  const g::Glossary b = big_glossary("b", 800);
  const std::string a_yaml = g::to_yaml(a);
  const std::string b_yaml = g::to_yaml(b);
  ASSERT_NE(a_yaml, b_yaml);
  // Kills are spread over about three writes, however fast or loaded this machine is.
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) g::save(a, path);
  auto per_save = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0) / 3;
  const int max_delay_us = static_cast<int>(std::max<long long>(2000, 3 * per_save.count()));

  std::mt19937 rng(20261128);  // fixed seed: the same sequence of kill moments on every run
  std::uniform_int_distribution<int> delay_us(0, max_delay_us);
  const int rounds = 100;
  int saw_a = 0, saw_b = 0;
  bool file_is_a = true;
  for (int round = 0; round < rounds; ++round) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      // The writer first replaces the version on disk with the other one, then alternates,
      // until it is killed.
      try {
        for (int i = 0;; ++i) g::save((i % 2 == 0) == file_is_a ? b : a, path);
      } catch (...) {
      }
      ::_exit(3);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    ::kill(pid, SIGKILL);
    int status = wait_for(pid);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the writer ended by itself in round " << round;
    const std::string now = slurp(path);
    ASSERT_TRUE(now == a_yaml || now == b_yaml)
        << "round " << round << ": the glossary is neither the old nor the new version (" << now.size()
        << " bytes; versions have " << a_yaml.size() << " and " << b_yaml.size() << ")";
    file_is_a = now == a_yaml;
    (file_is_a ? saw_a : saw_b)++;
  }
  // Both outcomes happened, so kills landed before and after renames.
  EXPECT_GT(saw_a, 0);
  EXPECT_GT(saw_b, 0);
  koterm::Diagnostics diags;
  g::Glossary loaded = g::load(path, diags);
  EXPECT_EQ(diags.count(koterm::Severity::error), 0u);
  EXPECT_EQ(loaded.terms.size(), file_is_a ? a.terms.size() : b.terms.size());
  // A killed writer may leave its temporary file behind, but only hidden ".terms.yaml.tmp.*"
  // files beside the glossary, never anything a user would take for a glossary.
  for (const auto& f : fs::directory_iterator(dir.path())) {
    std::string name = f.path().filename().string();
    EXPECT_TRUE(name == "terms.yaml" || name == "terms.yaml.lock" || name.rfind(".terms.yaml.tmp.", 0) == 0)
        << name;
  }
}

TEST(CrashSafety, KilledLockedUpdateLeavesAGlossaryThatLoadsAndNextUpdateSucceeds) {
  TempDir dir;
  const std::string path = (dir / "nk.yaml").string();
  g::save(big_glossary("base", 300), path);
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> delay_us(0, 20000);
  for (int round = 0; round < 40; ++round) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      try {
        koterm::Diagnostics diags;
        for (int i = 0;; ++i)
          g::update(path, [&](g::Glossary& gl) {
            gl.terms.push_back(entry("k" + std::to_string(round) + "-" + std::to_string(i),
                                     "종전선언" + std::to_string(round) + "-" + std::to_string(i), "end-of-war declaration"));
          }, diags);
      } catch (...) {
      }
      ::_exit(3);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    ::kill(pid, SIGKILL);
    int status = wait_for(pid);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the updater ended by itself in round " << round;
    // The lock died with the process (flock), so this update must not block, and the file it
    // reads must be whole.
    koterm::Diagnostics diags;
    ASSERT_NO_THROW(g::update(path, [&](g::Glossary& gl) {
      gl.terms.push_back(entry("parent-" + std::to_string(round), "북핵협의" + std::to_string(round), "nuclear talks"));
    }, diags)) << "round " << round;
    ASSERT_EQ(diags.count(koterm::Severity::error), 0u) << "round " << round;
  }
  koterm::Diagnostics diags;
  g::Glossary last = g::load(path, diags);
  std::set<std::string> ids;
  for (const auto& e : last.terms) ids.insert(e.id);
  for (int round = 0; round < 40; ++round) EXPECT_TRUE(ids.count("parent-" + std::to_string(round))) << round;
}

TEST(CrashSafety, ConcurrentUpdatesFromSeveralProcessesLoseNoEntry) {
  TempDir dir;
  const std::string path = (dir / "shared.yaml").string();
  const int writers = 4;
  const int updates = 30;
  std::vector<pid_t> pids;
  for (int w = 0; w < writers; ++w) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int code = 0;
      try {
        for (int i = 0; i < updates; ++i) {
          koterm::Diagnostics diags;
          g::update(path, [&](g::Glossary& gl) {
            std::string n = std::to_string(w) + "-" + std::to_string(i);
            gl.terms.push_back(entry("w" + n, "대북특별대표" + n, "Special Representative for North Korea " + n));
          }, diags);
        }
      } catch (...) {
        code = 1;
      }
      ::_exit(code);
    }
    pids.push_back(pid);
  }
  for (pid_t pid : pids) {
    int status = wait_for(pid);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  koterm::Diagnostics diags;
  g::Glossary gl = g::load(path, diags);
  EXPECT_EQ(diags.count(koterm::Severity::error), 0u);
  std::set<std::string> ids;
  for (const auto& e : gl.terms) ids.insert(e.id);
  EXPECT_EQ(gl.terms.size(), static_cast<std::size_t>(writers * updates));
  for (int w = 0; w < writers; ++w)
    for (int i = 0; i < updates; ++i)
      EXPECT_TRUE(ids.count("w" + std::to_string(w) + "-" + std::to_string(i))) << w << "-" << i;
}

// Regression: `-o /dev/null` (common in benchmarks) renamed the temporary file over the device,
// so /dev/null became a regular file for every program on the machine. A device or pipe is
// written to, never replaced.
TEST(CrashSafety, WritingToADeviceKeepsTheDevice) {
  if (!fs::exists("/dev/null")) GTEST_SKIP() << "/dev/null is absent";
  ASSERT_TRUE(fs::is_character_file("/dev/null"));
  koterm::write_file_atomically("/dev/null", "북한은 미사일을 발사했다.\n");
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  TempDir dir;
  const fs::path fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::ifstream in(fifo);
    std::string got((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ::_exit(got == "종전선언\n" ? 0 : 1);
  }
  koterm::write_file_atomically(fifo.string(), "종전선언\n");
  int status = wait_for(pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_TRUE(fs::is_fifo(fifo));
}
