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
      io.out << "usage: " << cl.usage << "\n\n" << cl.description << "\n\n" << cl.options;
      if (!cl.examples.empty()) {
        io.out << "\nExamples:\n";
        for (const auto& e : cl.examples) io.out << "  " << e << "\n";
      }
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(cl.name + ": " + e.what() + " (see 'koterm " + cl.name + " --help')");
  }
  return true;
}

void add_limit_options(CommandLine& cl) {
  cl.options.add_options()
      ("max-file-mb", po::value<std::size_t>()->default_value(256), "refuse input files larger than this many MiB")
      ("max-line-kb", po::value<std::size_t>()->default_value(1024), "refuse input lines longer than this many KiB");
}

text::ReadLimits read_limits(const po::variables_map& vm) {
  text::ReadLimits limits;
  if (vm.count("max-file-mb")) limits.max_file_bytes = vm["max-file-mb"].as<std::size_t>() << 20;
  if (vm.count("max-line-kb")) limits.max_line_bytes = vm["max-line-kb"].as<std::size_t>() << 10;
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
