#include "check/self_test.h"

#include <memory>

#include "check/check.h"
#include "korean/analyze.h"
#include "text/source.h"

namespace koterm::check {

std::string run_self_test(const glossary::Glossary& g, const glossary::Entry& entry,
                          const glossary::SelfTest& test) {
  auto ko = std::make_shared<const text::SourceText>(
      text::SourceText::from_bytes("self-test.ko", test.ko + "\n"));
  auto en = std::make_shared<const text::SourceText>(
      text::SourceText::from_bytes("self-test.en", test.en + "\n"));
  Article article;
  article.id = entry.id;
  article.ko = ko;
  article.en = en;
  Unit unit;
  unit.ko.push_back(ko->lines().front());
  unit.en.push_back(en->lines().front());
  article.units.push_back(unit);

  CheckOptions options;
  options.use_term_links = false;
  options.across_batch = false;
  Checker checker(options, &g);
  CheckResult result = checker.run({article});

  const std::string key = korean::term_key(entry.ko);
  const Finding* hit = nullptr;
  for (const auto& f : result.findings)
    if (f.entry_id == entry.id || korean::term_key(f.ko) == key) {
      hit = &f;
      break;
    }
  if (test.expect == "pass" && hit != nullptr) return "check reports " + hit->message;
  if (test.expect == "flag" && hit == nullptr) return "check reports nothing on " + entry.ko;
  return "";
}

}  // namespace koterm::check
