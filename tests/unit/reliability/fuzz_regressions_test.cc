// Regression tests for crashes and undefined behaviour found by the fuzz targets (fuzz/).
// Each test is named after what broke; under scripts/test-sanitizers.sh the original bug
// makes it fail with an UndefinedBehaviorSanitizer or AddressSanitizer report.
#include <string>

#include <gtest/gtest.h>

#include "common/diagnostics.h"
#include "common/error.h"
#include "glossary/yaml.h"
#include "segment/segment.h"
#include "text/source.h"

using koterm::text::Lang;

// fuzz/text_segment: a paragraph opening with a full stop directly followed by a letter
// (".S. State ...", left over after a stray carriage return split "U.S.") made the splitter
// look at the character before byte 0 (string_view index wrapped around).
TEST(FuzzRegressions, SegmenterParagraphStartingWithFullStopBeforeALetter) {
  for (Lang lang : {Lang::en, Lang::ko}) {
    for (const std::string& paragraph : {std::string(".S. State Department said so."), std::string(".그는 말했다.")}) {
      auto spans = koterm::segment::split_sentences(paragraph, lang);
      ASSERT_FALSE(spans.empty()) << paragraph;
      for (const auto& s : spans) EXPECT_LE(s.byte_end, paragraph.size());
    }
  }
  auto src = koterm::text::SourceText::from_bytes(
      "cr.en.txt", "Sung Kim of the U\r.S. State Department said, \"We look forward to it.\"\n");
  auto doc = koterm::segment::segment(src, Lang::en);
  EXPECT_FALSE(doc.sentences.empty());
}

// fuzz/yaml_glossary (a timeout): a stray ',' at the top level of a glossary made yaml-cpp 0.7
// return the same empty document forever (jbeder/yaml-cpp#1040), so loading never ended and
// memory grew. Now reading stops after the second document and the glossary is refused.
TEST(FuzzRegressions, YamlStrayCommaAtTopLevelDoesNotHang) {
  for (const std::string& text : {std::string(","), std::string(",version: 1\nterms: []\n")}) {
    koterm::Diagnostics diags;
    try {
      koterm::glossary::parse_yaml(text, "comma.yaml", diags);
      FAIL() << "parse_yaml returned for " << text;
    } catch (const koterm::InputError& e) {
      EXPECT_EQ(e.pos().str() + ": " + e.message(),
                "comma.yaml:1:1: a glossary must be a YAML map starting with \"version: 1\"; found nothing (see "
                "glossaries/SCHEMA.md)");
    }
  }
}
