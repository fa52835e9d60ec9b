// Fuzzes the TSV, CSV and TBX importers (the first byte picks the format), then exports what
// was imported in every format. Input errors are expected; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/diagnostics.h"
#include "common/error.h"
#include "fuzz_check.h"
#include "glossary/exchange.h"

using koterm::fuzz::require;
using koterm::glossary::Format;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static constexpr Format formats[] = {Format::tsv, Format::csv, Format::tbx};
  const Format format = formats[data[0] % 3];
  std::string bytes = koterm::fuzz::bytes_of(data + 1, size - 1);
  koterm::Diagnostics diags;
  koterm::glossary::Glossary g;
  try {
    g = koterm::glossary::import_glossary(bytes, format, "fuzz.in", diags);
  } catch (const koterm::InputError&) {
    return 0;
  }
  for (const auto& e : g.terms) require(!e.id.empty(), "imported entry without id");
  for (Format out : {Format::tbx, Format::tsv, Format::csv, Format::json}) {
    std::string exported = koterm::glossary::export_glossary(g, out);
    require(exported == koterm::glossary::export_glossary(g, out), "export is not deterministic");
  }
  return 0;
}
