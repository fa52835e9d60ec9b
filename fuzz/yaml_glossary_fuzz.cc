// Fuzzes the YAML glossary loader (nesting guard, yaml-cpp, schema validation). Input errors
// are expected. When a file reads without errors, writing it back and reading that again
// must give the same bytes (parse_yaml(to_yaml(g)) == g).
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/diagnostics.h"
#include "common/error.h"
#include "fuzz_check.h"
#include "glossary/yaml.h"

using koterm::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text = koterm::fuzz::bytes_of(data, size);
  koterm::Diagnostics diags;
  koterm::glossary::Glossary g;
  try {
    g = koterm::glossary::parse_yaml(text, "fuzz.yaml", diags);
  } catch (const koterm::InputError&) {
    return 0;
  }
  for (const auto& d : diags.items()) require(!d.message.empty(), "empty diagnostic message");
  if (diags.count(koterm::Severity::error) > 0) return 0;
  std::string once = koterm::glossary::to_yaml(g);
  koterm::Diagnostics again_diags;
  koterm::glossary::Glossary again;
  try {
    again = koterm::glossary::parse_yaml(once, "fuzz-again.yaml", again_diags);
  } catch (const koterm::InputError& e) {
    std::fprintf(stderr, "re-reading written YAML failed: %s\n", e.what());
    require(false, "to_yaml wrote YAML that parse_yaml refuses");
  }
  require(again_diags.count(koterm::Severity::error) == 0, "to_yaml wrote a glossary with errors");
  require(koterm::glossary::to_yaml(again) == once, "to_yaml(parse_yaml(to_yaml(g))) != to_yaml(g)");
  return 0;
}
