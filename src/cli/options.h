// Boost.Program_options helpers shared by the commands. Only cli/ includes Boost.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "cli/io.h"
#include "text/source.h"

namespace koterm::cli {

namespace po = boost::program_options;

struct CommandLine {
  std::string name;                        // "segment"
  std::string usage;                       // "koterm segment --lang ko|en FILE [options]"
  std::string description;                 // one paragraph
  po::options_description options{"Options"};
  po::positional_options_description positional;
  std::vector<std::string> examples;
};

// Parses `args` into `vm`. Returns false when --help was asked for (the help has then been
// printed to io.out). Throws UsageError on unknown options, missing values and the like.
bool parse(CommandLine& cl, const std::vector<std::string>& args, po::variables_map& vm, Io& io);

// Adds --max-file-mb and --max-line-kb; read_limits() reads them back.
void add_limit_options(CommandLine& cl);
text::ReadLimits read_limits(const po::variables_map& vm);

// How --help shows a floating-point default: "0.3", not Boost's "0.29999999999999999".
std::string default_text(double value);

// Parses "ko" / "en"; throws UsageError otherwise.
text::Lang parse_lang(const std::string& value, const std::string& option);

}  // namespace koterm::cli
