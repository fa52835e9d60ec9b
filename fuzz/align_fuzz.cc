// Fuzzes the sentence aligner. The input is a Korean side and an English side separated by a
// line "%%" (each line a sentence, a line starting with '#' marks boilerplate); the first byte
// picks option variants. Every sentence must land in exactly one bead, in order, and every
// confidence must be a probability.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "align/align.h"
#include "fuzz_check.h"
#include "text/utf8.h"

using koterm::fuzz::require;

namespace {

std::vector<koterm::align::SentenceInput> sentences_of(std::string_view side) {
  std::vector<koterm::align::SentenceInput> out;
  while (!side.empty()) {
    std::size_t nl = side.find('\n');
    std::string_view line = side.substr(0, nl);
    side = nl == std::string_view::npos ? std::string_view() : side.substr(nl + 1);
    koterm::align::SentenceInput s;
    s.boilerplate = !line.empty() && line[0] == '#';
    s.text = s.boilerplate ? line.substr(1) : line;
    out.push_back(s);
  }
  return out;
}

void check_cover(const std::vector<koterm::align::Bead>& beads, std::size_t ko_n, std::size_t en_n) {
  std::size_t ko_next = 0, en_next = 0;
  for (const auto& b : beads) {
    require(!b.ko.empty() || !b.en.empty(), "empty bead");
    for (std::size_t i : b.ko) require(i == ko_next++, "Korean sentences skipped or out of order");
    for (std::size_t i : b.en) require(i == en_next++, "English sentences skipped or out of order");
    require(std::isfinite(b.confidence) && b.confidence >= 0.0 && b.confidence <= 1.0 + 1e-9,
            "confidence outside [0,1]");
  }
  require(ko_next == ko_n && en_next == en_n, "not every sentence is in a bead");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > (std::size_t{64} << 10)) return 0;
  std::string s = koterm::fuzz::bytes_of(data + 1, size - 1);
  if (koterm::text::find_invalid_utf8(s) != std::string::npos) return 0;
  const std::uint8_t flags = data[0];
  auto [ko_text, en_text] = koterm::fuzz::split_once(s, "\n%%\n");
  auto ko = sentences_of(ko_text);
  auto en = sentences_of(en_text);
  koterm::align::AlignOptions options;
  options.use_anchors = (flags & 1) == 0;
  options.use_boilerplate = (flags & 2) == 0;
  options.allow_three = (flags & 4) == 0;
  if (flags & 8) options.min_band = 1;
  if (flags & 16) options.temperature = 0.05;
  options.validate();
  check_cover(koterm::align::align(ko, en, options), ko.size(), en.size());
  return 0;
}
