#include "cli/app.h"

#include <algorithm>
#include <exception>
#include <new>
#include <ostream>

#include "cli/commands.h"
#include "common/error.h"

namespace koterm::cli {

namespace {

void print_help(std::ostream& out) {
  out << "usage: koterm <command> [options] [files]\n\n"
         "Korean-English terminology for news: segment and analyse articles, align\n"
         "translations with their Korean originals, extract and check terms.\n\n"
         "Commands:\n";
  for (const auto& c : commands()) {
    std::string name = c.name;
    name.resize(std::max<std::size_t>(name.size() + 2, 12), ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\nOptions:\n"
         "  -h [ --help ]         show this help and exit\n"
         "  --version             show the version and exit\n\n"
         "'koterm <command> --help' describes a command. '-' as a file means standard\n"
         "input (or standard output for -o).\n\n"
         "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or input error,\n"
         "3 internal error.\n";
}

}  // namespace

std::size_t print_diagnostics(const Diagnostics& diags, std::ostream& err) {
  std::size_t errors = 0;
  for (const auto& d : diags.items()) {
    err << "koterm: " << severity_name(d.severity) << ": ";
    std::string where = d.pos.str();
    if (!where.empty()) err << where << ": ";
    err << d.message << "\n";
    if (d.severity == Severity::error) ++errors;
  }
  return errors;
}

int run_main(const std::vector<std::string>& args, Io& io) {
  try {
    if (args.empty()) {
      print_help(io.err);
      return exit_input;
    }
    const std::string& first = args[0];
    if (first == "--help" || first == "-h" || first == "help") {
      print_help(io.out);
      return exit_ok;
    }
    if (first == "--version") {
      io.out << "koterm " << KOTERM_VERSION << "\n";
      return exit_ok;
    }
    for (const auto& c : commands()) {
      if (first == c.name) {
        std::vector<std::string> rest(args.begin() + 1, args.end());
        return c.fn(rest, io);
      }
    }
    throw UsageError("unknown command \"" + first + "\" (see 'koterm --help')");
  } catch (const UsageError& e) {
    io.err << "koterm: error: " << e.what() << "\n";
    return exit_input;
  } catch (const InternalError& e) {
    io.err << "koterm: internal error: " << e.what() << "\n";
    return exit_internal;
  } catch (const Error& e) {
    io.err << "koterm: error: " << e.what() << "\n";
    return exit_input;
  } catch (const std::bad_alloc&) {
    io.err << "koterm: error: out of memory; try a smaller input or lower limits\n";
    return exit_input;
  } catch (const std::exception& e) {
    io.err << "koterm: internal error: " << e.what() << "\n";
    return exit_internal;
  }
}

}  // namespace koterm::cli
