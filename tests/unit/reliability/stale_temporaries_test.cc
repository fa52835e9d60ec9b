// A writer killed between creating its temporary file and renaming it over the target leaves
// ".NAME.tmp.PID.XXXXXX" behind. The next write of NAME removes such files when their process
// is gone and they are over a minute old (legacy ".NAME.tmp.XXXXXX" names: over an hour);
// a live writer's file, a fresh one and other targets' files stay.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "common/atomic_file.h"

namespace fs = std::filesystem;

namespace {

// The pid of a process that has ended (and been reaped).
pid_t dead_pid() {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return pid;
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

}  // namespace

TEST(StaleTemporaries, TheNextWriteRemovesThoseOfDeadWritersOfTheSameFile) {
  fs::path dir = fs::temp_directory_path() / ("koterm-stale-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string dead = std::to_string(dead_pid());
  const std::string alive = std::to_string(::getpid());
  const auto now = fs::file_time_type::clock::now();
  auto make = [&](const std::string& name, std::chrono::minutes age) {
    std::ofstream(dir / name) << "terms:\n  - id: 외교부\n";  // a half-written glossary
    fs::last_write_time(dir / name, now - age);
  };
  using std::chrono::minutes;
  make(".g.yaml.tmp." + dead + ".aB3xYz", minutes(2));    // killed writer: removed
  make(".g.yaml.tmp." + alive + ".aB3xYz", minutes(2));   // still running: kept
  make(".g.yaml.tmp." + dead + ".qQ9wE1", minutes(0));    // too fresh to judge: kept
  make(".g.yaml.tmp.Zx81kP", minutes(120));               // older koterm, long dead: removed
  make(".g.yaml.tmp.Lm20sD", minutes(5));                 // older koterm, recent: kept
  make(".h.yaml.tmp." + dead + ".aB3xYz", minutes(2));    // another file's: kept
  make("g.yaml.tmp", minutes(120));                       // not koterm's name: kept

  koterm::write_file_atomically((dir / "g.yaml").string(), "version: 1\nname: g\nterms: []\n");

  EXPECT_EQ(names_in(dir), (std::set<std::string>{
                               "g.yaml",
                               ".g.yaml.tmp." + alive + ".aB3xYz",
                               ".g.yaml.tmp." + dead + ".qQ9wE1",
                               ".g.yaml.tmp.Lm20sD",
                               ".h.yaml.tmp." + dead + ".aB3xYz",
                               "g.yaml.tmp",
                           }));
  fs::remove_all(dir);
}
