#include "cli/options.h"

#include <ostream>
#include <sstream>

#include "common/error.h"

namespace koterm::cli {

bool parse(CommandLine& cl, const std::vector<std::string>& args, po::variables_map& vm, Io& io) {
  cl.options.add_options()("help,h", "show this help and exit");
  try {
    po::store(po::command_line_parser(args).options(cl.options).positional(cl.positional).run(), vm);
    if (vm.count("help")) {
      std::ostringstream help;
      help << "usage: " << cl.usage << "\n\n" << cl.description << "\n\n" << cl.options;
      if (!cl.examples.empty()) {
        help << "\nExamples:\n";
        for (const auto& e : cl.examples) help << "  " << e << "\n";
      }
      // Whatever the last piece was, the help ends with one line break (a shell prompt
      // after it starts on its own line).
      std::string text = help.str();
      while (!text.empty() && text.back() == '\n') text.pop_back();
      io.out << text << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(cl.name + ": " + e.what() + " (see 'koterm " + cl.name + " --help')");
  }
  return true;
}

void add_limit_options(CommandLine& cl) {
  // Read as text and checked by read_limits: Boost would take "-1" for 2^64-1, and a count of
  // MiB or KiB shifted to bytes could overflow silently.
  cl.options.add_options()
      ("max-file-mb", po::value<std::string>()->default_value("256"), "refuse input files larger than this many MiB (at most 1048576)")
      ("max-line-kb", po::value<std::string>()->default_value("1024"), "refuse input lines longer than this many KiB (at most 1073741824)");
}

namespace {

// Both limits go up to 1 TiB: far more than any text, and far from overflowing a byte count.
constexpr unsigned k_max_limit_log2 = 40;

// The value of --`option` (a count of 2^`shift` bytes) in bytes; a usage error naming the
// option and its range unless it is a whole number from 1 to the maximum.
std::size_t limit_bytes(const po::variables_map& vm, const std::string& option, unsigned shift) {
  const std::string& value = vm[option].as<std::string>();
  const std::size_t most = std::size_t{1} << (k_max_limit_log2 - shift);
  std::size_t n = 0;
  bool ok = !value.empty();
  for (char c : value) {
    if (c < '0' || c > '9' || n > most) {
      ok = false;
      break;
    }
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  if (!ok || n < 1 || n > most)
    throw UsageError("--" + option + " must be a whole number from 1 to " + std::to_string(most) +
                     " (1 TiB), not \"" + value + "\"");
  return n << shift;
}

}  // namespace

text::ReadLimits read_limits(const po::variables_map& vm) {
  text::ReadLimits limits;
  // The options are present (with their defaults) exactly when the command has them; only
  // then do the messages name them.
  if (vm.count("max-file-mb")) {
    limits.max_file_bytes = limit_bytes(vm, "max-file-mb", 20);
    limits.file_option = "--max-file-mb";
  }
  if (vm.count("max-line-kb")) {
    limits.max_line_bytes = limit_bytes(vm, "max-line-kb", 10);
    limits.line_option = "--max-line-kb";
  }
  return limits;
}

std::string default_text(double value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

text::Lang parse_lang(const std::string& value, const std::string& option) {
  if (value == "ko") return text::Lang::ko;
  if (value == "en") return text::Lang::en;
  throw UsageError("--" + option + " must be ko or en, not \"" + value + "\"");
}

}  // namespace koterm::cli
