#include "check/check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "check/match.h"
#include "check/report.h"
#include "check/run_check.h"
#include "common/error.h"

namespace koterm::check {
namespace {

using glossary::TermStatus;

glossary::Variant variant(std::string en, TermStatus status, bool short_form = false) {
  glossary::Variant v;
  v.en = std::move(en);
  v.status = status;
  v.short_form = short_form;
  return v;
}

// A small approved glossary: a title with a superseded form and a short form, a person.
glossary::Glossary test_glossary() {
  glossary::Glossary g;
  glossary::Entry title;
  title.id = "kpp-rep";
  title.ko = "한반도평화교섭본부장";
  title.en = "Special Representative for Korean Peninsula Peace and Security Affairs";
  title.variants = {variant(title.en, TermStatus::preferred),
                    variant("Director General for Korean Peninsula Peace and Security Affairs",
                            TermStatus::admitted),
                    variant("chief nuclear envoy", TermStatus::admitted, true),
                    variant("Director of Peace Negotiations Headquarters", TermStatus::superseded)};
  title.kind = glossary::Kind::title;
  title.status = glossary::EntryStatus::approved;
  glossary::Entry person;
  person.id = "noh-kyu-duk";
  person.ko = "노규덕";
  person.en = "Noh Kyu-duk";
  person.variants = {variant("Noh Kyu-duk", TermStatus::preferred)};
  person.kind = glossary::Kind::person;
  person.status = glossary::EntryStatus::approved;
  glossary::Entry decl;
  decl.id = "eow";
  decl.ko = "종전선언";
  decl.en = "end-of-war declaration";
  decl.variants = {variant("end-of-war declaration", TermStatus::preferred)};
  decl.kind = glossary::Kind::policy;
  decl.status = glossary::EntryStatus::approved;
  g.terms = {title, person, decl};
  return g;
}

std::vector<Article> aligned(const std::string& ko, const std::string& en, std::size_t lines = 0) {
  auto k = std::make_shared<const text::SourceText>(text::SourceText::from_bytes("a.ko", ko));
  auto e = std::make_shared<const text::SourceText>(text::SourceText::from_bytes("a.en", en));
  return split_aligned(k, e, lines);
}

std::vector<Finding> check_aligned(const std::string& ko, const std::string& en,
                                   const glossary::Glossary* g) {
  Checker c(CheckOptions{}, g);
  return c.run(aligned(ko, en)).findings;
}

TEST(TermIndex, FindsKoreanTermsThroughParticlesAndSpacing) {
  glossary::Glossary g = test_glossary();
  TermIndex index(g);
  KeyCache keys;
  for (const std::string s : {"노규덕 외교부 한반도평화교섭본부장은 말했다.",
                              "외교부 한반도 평화교섭본부장과 만났다.",
                              "외교부한반도평화교섭본부장이 밝혔다."}) {
    bool found = false;
    for (const KoHit& h : index.find_ko(s, keys)) found = found || h.entry == 0;
    EXPECT_TRUE(found) << s;
  }
  EXPECT_TRUE(index.find_ko("평화 협정을 논의했다.", keys).empty());
}

TEST(TermIndex, FindsEnglishFormsThroughCasePluralAndHyphens) {
  glossary::Glossary g = test_glossary();
  TermIndex index(g);
  KeyCache keys;
  std::string s = "Both sides discussed End of War Declarations again.";
  auto hits = index.find_en(s, keys);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].forms.front().entry, 2u);
  EXPECT_EQ(s.substr(hits[0].span.byte_begin, hits[0].span.byte_count()), "End of War Declarations");
}

TEST(Checker, AcceptsAdmittedAndShortForms) {
  glossary::Glossary g = test_glossary();
  auto f = check_aligned(
      "노규덕 한반도평화교섭본부장은 종전선언을 논의했다고 밝혔다.\n노 본부장은 한반도평화교섭본부장으로서 말했다.\n",
      "Noh Kyu-duk, Director General for Korean Peninsula Peace and Security Affairs, said they discussed an end-of-war declaration.\n"
      "Noh spoke as chief nuclear envoy.\n",
      &g);
  for (const Finding& x : f) ADD_FAILURE() << type_name(x.type) << ": " << x.message;
}

TEST(Checker, ReportsSupersededFormWithSuggestion) {
  glossary::Glossary g = test_glossary();
  auto f = check_aligned("한반도평화교섭본부장이 방한했다.\n",
                         "The Director of Peace Negotiations Headquarters visited Seoul.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::deprecated);
  EXPECT_EQ(f[0].severity, Severity::error);
  EXPECT_EQ(f[0].en_place.line, 1u);
  EXPECT_EQ(f[0].en_place.col, 5u);
  EXPECT_EQ(f[0].message,
            "\"Director of Peace Negotiations Headquarters\" for 한반도평화교섭본부장 is superseded; use "
            "\"Special Representative for Korean Peninsula Peace and Security Affairs\"");
}

TEST(Checker, ReportsMissingRendering) {
  glossary::Glossary g = test_glossary();
  auto f = check_aligned("양측은 종전선언 문제를 논의했다.\n",
                         "The two sides discussed formally ending the war.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::missing);
  EXPECT_EQ(f[0].ko_place.col, 5u);
  EXPECT_EQ(f[0].message,
            "종전선언 has none of its English forms (\"end-of-war declaration\") in the aligned English");
}

// The test glossary with an agency (an organisation with a multi-word name).
glossary::Glossary glossary_with_agency() {
  glossary::Glossary g = test_glossary();
  glossary::Entry fda;
  fda.id = "fda";
  fda.ko = "식품의약국";
  fda.en = "Food and Drug Administration";
  fda.variants = {variant(fda.en, TermStatus::preferred)};
  fda.kind = glossary::Kind::org;
  fda.status = glossary::EntryStatus::approved;
  g.terms.push_back(fda);
  return g;
}

TEST(Checker, MissingTermWithAFittingDescriptionIsUncertain) {
  glossary::Glossary g = glossary_with_agency();
  auto f = check_aligned("식품의약국은 토마토가 원인이 아니라고 결론지었다.\n",
                         "The agency concluded that tomatoes were not the source.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::missing);
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].uncertain, "anaphora");
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"The agency"});
  EXPECT_EQ(f[0].message,
            "식품의약국 has none of its English forms (\"Food and Drug Administration\") in the "
            "aligned English; possibly rendered as \"The agency\"");
  // A possessive stands before the head too; a capitalised head is part of a name.
  f = check_aligned("식품의약국의 국장이 말했다.\n", "Washington's top agency official spoke.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"Washington's top agency"});
  f = check_aligned("식품의약국은 결론지었다.\n", "The Agency for Health concluded.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
  EXPECT_TRUE(f[0].uncertain.empty());
  // The head of the term's own name (Administration) is a description of it too.
  f = check_aligned("식품의약국은 결론지었다.\n", "The administration concluded.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"The administration"});
}

TEST(Checker, ADescriptionWithItsOwnComplementIsAFullRenderingNotAStandIn) {
  glossary::Glossary g = test_glossary();
  // "the declaration of the end of the war" renders 종전선언 in other words: still a warning.
  auto f = check_aligned("양측은 종전선언을 논의했다.\n",
                         "Both sides discussed the declaration of the end of the war.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
  EXPECT_TRUE(f[0].possible_renderings.empty());
  // The head of the term's own form alone, later: a stand-in.
  f = check_aligned("양측은 종전선언을 논의했다.\n", "Both sides discussed the declaration.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"the declaration"});
}

// An extracted glossary: candidate entries with the extractor's guessed kinds.
glossary::Glossary candidate_glossary() {
  glossary::Glossary g;
  auto add = [&](std::string id, std::string ko, std::string en, glossary::Kind kind) {
    glossary::Entry e;
    e.id = std::move(id);
    e.ko = std::move(ko);
    e.en = std::move(en);
    e.variants = {variant(e.en, TermStatus::preferred)};
    e.variants.front().count = 5;
    e.kind = kind;
    e.status = glossary::EntryStatus::candidate;
    e.score = 0.95;
    e.count = 5;
    g.terms.push_back(e);
  };
  // A transliterated place name the extractor takes for a person.
  add("baghdad", "바그다드", "Baghdad", glossary::Kind::person);
  add("beach", "해변", "beach", glossary::Kind::technical);
  add("chelsea", "첼시", "Chelsea", glossary::Kind::person);
  add("france", "프랑스", "France", glossary::Kind::place);
  add("internet", "인터넷", "Internet", glossary::Kind::person);
  add("philippines", "필리핀", "Philippines", glossary::Kind::place);
  add("solar-tree", "솔라 트리", "Solar Tree", glossary::Kind::person);
  add("beijing", "베이징", "Beijing", glossary::Kind::place);
  return g;
}

TEST(Checker, ATransliteratedNameWithALocativeParticleIsAPlaceForDescriptions) {
  glossary::Glossary g = candidate_glossary();
  auto f = check_aligned("경찰은 바그다드에서 북쪽으로 떨어진 곳에서 폭탄이 터졌다고 전했다.\n",
                         "A bomb went off north of the capital, police said.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"the capital"});
  EXPECT_EQ(f[0].severity, Severity::info);
  // As the subject it may be a person: "the capital" says nothing.
  f = check_aligned("바그다드는 폭탄이 터졌다고 전했다.\n", "A bomb went off in the capital, police said.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
}

TEST(Checker, AKoreanAppositionGivesACandidateItsKindForDescriptions) {
  glossary::Glossary g = candidate_glossary();
  // 영국 구단인 첼시: a club, so "the English side" may stand for it.
  auto f = check_aligned("카카의 이적설은 영국 구단인 첼시가 새 감독을 영입한 뒤 퍼졌다.\n",
                         "Talk of the move spread after the English side hired a new coach.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].uncertain, "anaphora");
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"the English side"});
  EXPECT_EQ(f[0].severity, Severity::info);
  // Without the apposition the guess (a person) stands, and a side is no person.
  f = check_aligned("카카의 이적설은 첼시가 새 감독을 영입한 뒤 퍼졌다.\n",
                    "Talk of the move spread after the English side hired a new coach.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
}

TEST(Checker, ACapitalOrAMetonymMayStandForTheTerm) {
  glossary::Glossary g = candidate_glossary();
  auto f = check_aligned("이 나무는 프랑스 파리의 거리에도 세워졌다.\n",
                         "The trees have been seen on the streets of Paris.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].uncertain, "metonym");
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"Paris"});
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].message,
            "프랑스 has none of its English forms (\"France\") in the aligned English; possibly "
            "rendered as \"Paris\" (standing for it)");
  f = check_aligned("팬들이 공연 영상을 인터넷에 올린다.\n", "Fans post the videos on the Web.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"Web"});
  // A capital elsewhere, or the name inside another word, is no stand-in.
  f = check_aligned("이 나무는 프랑스의 거리에도 세워졌다.\n",
                    "The trees have been seen on the streets of Parisville and Rome.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
}

TEST(Checker, APluralDescriptionStandsForTheTerm) {
  glossary::Glossary g = candidate_glossary();
  auto f = check_aligned("솔라 트리는 유럽의 유명한 거리에도 세워졌다.\n",
                         "Since then, the trees have been seen on famous streets in Europe.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"the trees"});
  EXPECT_EQ(f[0].severity, Severity::info);
}

TEST(Checker, APlaceWithALocativeParticleIsNoIt) {
  glossary::Glossary g = candidate_glossary();
  // 베이징에: English says "there" or names it; "it" is something else.
  auto f = check_aligned("베이징은 덥다.\n선수들이 베이징에 도착했을 때는 최악이었다고 한다.\n",
                         "Beijing is hot.\nIt was awful when the athletes arrived, they said.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
  EXPECT_TRUE(f[0].possible_renderings.empty());
  // As the subject, "it" may stand for it.
  f = check_aligned("베이징은 덥다.\n베이징은 최악이었다고 선수들이 말했다.\n",
                    "Beijing is hot.\nIt was awful, the athletes said.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"It"});
}

TEST(Checker, ARenderingInTheNeighbouringEnglishLineIsUncertain) {
  glossary::Glossary g = test_glossary();
  auto f = check_aligned("남북은 판문점에서 만났다.\n양측은 종전선언을 오래 논의했다.\n",
                         "The two Koreas met at Panmunjom to discuss an end-of-war declaration.\n"
                         "The talks went on for hours.\n",
                         &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].uncertain, "neighbour");
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].message,
            "종전선언 has none of its English forms (\"end-of-war declaration\") in the aligned "
            "English; rendered in the neighbouring English: \"end-of-war declaration\" in line 1");
  // The neighbour's Korean mentions the term as often as its English renders it: no move ...
  f = check_aligned("양측은 종전선언을 논의했다.\n양측은 종전선언을 오래 논의했다.\n",
                    "The two sides discussed an end-of-war declaration.\nBoth sides talked about the question for many long hours.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
  // ... unless this bead's English is short for its Korean and the neighbour's long.
  f = check_aligned("양측은 종전선언을 논의했다.\n양측은 종전선언 문제와 이산가족 상봉 일정을 오래 논의했다.\n",
                    "The two sides discussed an end-of-war declaration, the reunions of separated "
                    "families and their schedule, at great length.\nThey agreed.\n",
                    &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].uncertain, "neighbour");
  // Two lines away is no neighbour.
  f = check_aligned("남북은 판문점에서 만났다.\n회담은 길었다.\n양측은 종전선언을 오래 논의했다.\n",
                    "The two Koreas met at Panmunjom to discuss an end-of-war declaration.\n"
                    "The meeting was long.\nThe talks went on for hours.\n",
                    &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
}

TEST(Checker, ABeadWhoseSidesShareNoAnchorIsAnotherStory) {
  glossary::Glossary g = candidate_glossary();
  auto f = check_aligned("Philippines Troops in Jolo clash 필리핀 정부군, 이슬람 반군과 교전 2006.09\n",
                         "The rockets came after troops raided Baalbek, seizing five people.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].uncertain, "unrelated");
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].message,
            "필리핀 has none of its English forms (\"Philippines\") in the aligned English; the two "
            "sides of this bead share none of 5 numbers, names or terms (another story?)");
  // One anchor shared (Jolo): the same story with the country left out.
  f = check_aligned("Philippines Troops in Jolo clash 필리핀 정부군, 이슬람 반군과 교전 2006.09\n",
                    "Government troops clashed with rebels on Jolo in September 2006.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
}

TEST(Checker, AGeneralNounModifyingTheNextNounIsUncertain) {
  glossary::Glossary g = candidate_glossary();
  auto f = check_aligned("시신이 해변 모래에 놓여 있었다.\n", "The bodies lay on the sand.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].uncertain, "modifier");
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].message,
            "해변 has none of its English forms (\"beach\") in the aligned English; it only modifies "
            "the noun after it (모래에), which the English may render alone");
  // With a particle it is a noun of its own.
  f = check_aligned("시신이 해변에 놓여 있었다.\n", "The bodies lay on the sand.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0].uncertain.empty());
  EXPECT_EQ(f[0].severity, Severity::warning);
}

TEST(Checker, APronounStandsForATermOnlyAfterItsMentionAndInItsCase) {
  glossary::Glossary g = test_glossary();
  // Mentioned in the bead before: "He" (subject) for 노규덕은 (topic) is uncertain.
  auto f = check_aligned("노규덕 본부장이 서울을 방문했다.\n노규덕은 회담 뒤 기자들과 만났다.\n",
                         "Noh Kyu-duk visited Seoul.\nHe met reporters after the talks.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].en_place.line, 2u);
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"He"});
  // No earlier mention: the pronoun has nothing to stand for ...
  f = check_aligned("기자들은 회담 뒤 노규덕을 만났다.\n", "Reporters met him after the talks.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
  EXPECT_TRUE(f[0].possible_renderings.empty());
  // ... unless the term opens the Korean sentence as its subject and the pronoun opens the
  // English one.
  f = check_aligned("노규덕은 회담 뒤 기자들과 만났다.\n", "He met reporters after the talks.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"He"});
  f = check_aligned("노규덕은 회담 뒤 기자들과 만났다.\n", "After the talks, he met reporters.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
  // 노규덕의 (possessive) is not "he"; "his" would be.
  f = check_aligned("노규덕 본부장이 서울을 방문했다.\n노규덕의 발언이 논란이 됐다.\n",
                    "Noh Kyu-duk visited Seoul.\nHe caused a stir.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
  f = check_aligned("노규덕 본부장이 서울을 방문했다.\n노규덕의 발언이 논란이 됐다.\n",
                    "Noh Kyu-duk visited Seoul.\nHis remarks caused a stir.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].possible_renderings, std::vector<std::string>{"His"});
  // A pronoun of another kind: "it" is no person.
  f = check_aligned("노규덕 본부장이 서울을 방문했다.\n노규덕은 회담 뒤 기자들과 만났다.\n",
                    "Noh Kyu-duk visited Seoul.\nIt was a long day of talks.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
}

TEST(Checker, MissingTermInAPartialTranslationIsUncertain) {
  glossary::Glossary g = test_glossary();
  const std::string ko =
      "남북 양측은 판문점에서 만나 군사 긴장 완화 방안을 논의했다.\n"
      "양측은 종전선언 문제와 이산가족 상봉 행사의 일정을 오랫동안 깊이 논의했으며 다음 달에 다시 만나기로 합의했다.\n"
      "회담은 오후 늦게 끝났다.\n";
  auto f = check_aligned(ko,
                         "The two Koreas met at Panmunjom and discussed ways to ease military tension.\n"
                         "They will meet again.\n"
                         "The talks ended late in the afternoon.\n",
                         &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].uncertain, "partial");
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].message,
            "종전선언 has none of its English forms (\"end-of-war declaration\") in the aligned "
            "English; the English of this bead is much shorter than its Korean (a partial translation?)");
  // The whole sentence translated, the term left out: a plain warning.
  f = check_aligned(ko,
                    "The two Koreas met at Panmunjom and discussed ways to ease military tension.\n"
                    "The two sides discussed at length formally ending the war and the schedule of "
                    "reunions of separated families, and agreed to meet again next month.\n"
                    "The talks ended late in the afternoon.\n",
                    &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0].uncertain.empty());
  EXPECT_EQ(f[0].severity, Severity::warning);
}

TEST(Checker, MissingTermOnADoubtfulBeadIsUncertain) {
  glossary::Glossary g = test_glossary();
  std::vector<Article> articles =
      aligned("양측은 종전선언을 논의했다.\n", "The two sides discussed formally ending the war.\n");
  articles[0].units[0].confidence = 0.4;
  Checker c(CheckOptions{}, &g);
  std::vector<Finding> f = c.run(articles).findings;
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].uncertain, "low_confidence");
  EXPECT_EQ(f[0].severity, Severity::info);
  EXPECT_EQ(f[0].message,
            "종전선언 has none of its English forms (\"end-of-war declaration\") in the aligned "
            "English; the alignment of this bead is uncertain");
  // Below --min-bead-confidence the bead is not checked at all.
  articles[0].units[0].confidence = 0.2;
  EXPECT_TRUE(c.run(articles).findings.empty());
}

TEST(Checker, ReportsNameSpeltDifferentlyFromTheGlossary) {
  glossary::Glossary g = test_glossary();
  auto f = check_aligned("노규덕 본부장이 말했다.\n", "Roh Kyu-duk said so.\n", &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::name);
  EXPECT_EQ(f[0].found.at(0).en, "Roh Kyu-duk");
  EXPECT_EQ(f[0].message, "노규덕 is spelt \"Roh Kyu-duk\"; the glossary has \"Noh Kyu-duk\"");
}

TEST(Checker, ReportsNameSpeltDifferentlyFromItsFirstMention) {
  auto f = check_aligned("노규덕 본부장이 방한했다.\n노규덕 본부장은 회담 후 떠났다.\n",
                         "Noh Kyu-duk visited Seoul.\nRoh Kyu-duk left after the talks.\n", nullptr);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::name);
  EXPECT_EQ(f[0].en_place.line, 2u);
  EXPECT_EQ(f[0].message, "노규덕 is spelt \"Roh Kyu-duk\" here but \"Noh Kyu-duk\" at its first mention");
}

TEST(Checker, TwoAdmittedFullFormsInOneArticleAreInconsistent) {
  glossary::Glossary g = test_glossary();
  auto f = check_aligned(
      "한반도평화교섭본부장이 방한했다.\n한반도평화교섭본부장은 떠났다.\n",
      "The Special Representative for Korean Peninsula Peace and Security Affairs visited.\n"
      "The Director General for Korean Peninsula Peace and Security Affairs left.\n",
      &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::inconsistent);
  ASSERT_EQ(f[0].found.size(), 2u);
  EXPECT_EQ(f[0].en_place.line, 2u);
}

TEST(Checker, BundledExampleWithoutGlossaryReportsTheThreeTerms) {
  const std::string dir = std::string(KOTERM_SOURCE_DIR) + "/examples/";
  std::istringstream in;
  auto ko = std::make_shared<const text::SourceText>(text::read_source(dir + "nk-envoy.ko.txt", in));
  auto en = std::make_shared<const text::SourceText>(text::read_source(dir + "nk-envoy.en.txt", in));
  std::vector<Article> articles{load_article("nk-envoy", ko, en, nullptr)};
  Checker c(CheckOptions{}, nullptr);
  CheckResult r = c.run(articles);
  std::vector<std::string> terms;
  for (const Finding& f : r.findings) {
    EXPECT_EQ(f.type, FindingType::inconsistent) << f.message;
    terms.push_back(f.ko);
  }
  std::sort(terms.begin(), terms.end());
  EXPECT_EQ(terms, (std::vector<std::string>{"대북특별대표", "종전선언", "한반도평화교섭본부장"}));
}

TEST(Severities, HeadlineOnlyFindingsAreLowerByDefault) {
  SeverityTable t = SeverityTable::defaults();
  EXPECT_EQ(t.of(FindingType::inconsistent, false), Severity::warning);
  EXPECT_EQ(t.of(FindingType::inconsistent, true), Severity::info);
  t.apply("inconsistent=error");
  EXPECT_EQ(t.of(FindingType::inconsistent, false), Severity::error);
  EXPECT_EQ(t.of(FindingType::inconsistent, true), Severity::info);
  t.apply("missing=off");
  EXPECT_FALSE(t.of(FindingType::missing, false).has_value());
  EXPECT_FALSE(t.of(FindingType::missing, true).has_value());
  t.apply("name:headline=error");
  EXPECT_EQ(t.of(FindingType::name, true), Severity::error);
}

TEST(Severities, UncertainFindingsAreLowerByDefaultAndConfigurable) {
  SeverityTable t = SeverityTable::defaults();
  EXPECT_EQ(t.of(FindingType::missing, false, false), Severity::warning);
  EXPECT_EQ(t.of(FindingType::missing, false, true), Severity::info);
  t.apply("missing:uncertain=warning");
  EXPECT_EQ(t.of(FindingType::missing, false, true), Severity::warning);
  // In a headline, the lower of the two levels.
  EXPECT_EQ(t.of(FindingType::missing, true, true), Severity::info);
  t.apply("missing=error");
  EXPECT_EQ(t.of(FindingType::missing, false, false), Severity::error);
  EXPECT_EQ(t.of(FindingType::missing, false, true), Severity::warning);
  t.apply("missing:uncertain=off");
  EXPECT_FALSE(t.of(FindingType::missing, false, true).has_value());
  EXPECT_EQ(t.of(FindingType::missing, false, false), Severity::error);
  t.apply("missing=off");
  EXPECT_FALSE(t.of(FindingType::missing, false, false).has_value());
}

std::string usage_error(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const UsageError& e) {
    return e.what();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Severities, RejectsBadSettingsWithTheirText) {
  const std::string hint =
      "; expected TYPE=LEVEL, TYPE:headline=LEVEL or TYPE:uncertain=LEVEL with TYPE one of "
      "deprecated, missing, inconsistent, ambiguous, name and LEVEL one of info, warning, error, off";
  SeverityTable t = SeverityTable::defaults();
  EXPECT_EQ(usage_error([&] { t.apply("missing"); }), "--severity: no '=' in \"missing\"" + hint);
  EXPECT_EQ(usage_error([&] { t.apply("typo=info"); }), "--severity: unknown finding type \"typo\"" + hint);
  EXPECT_EQ(usage_error([&] { t.apply("missing=loud"); }), "--severity: unknown level \"loud\"" + hint);
  EXPECT_EQ(usage_error([&] { t.apply("missing:body=info"); }), "--severity: unknown context \"body\"" + hint);
}

TEST(RunCheck, RejectsBadOptionsWithTheirText) {
  CheckRunOptions o;
  EXPECT_EQ(usage_error([&] { o.validate(); }),
            "no input: give KO EN article pairs, --manifest FILE, --dir FOLDER or --aligned KO EN");
  o.pairs = {"a.ko.txt"};
  EXPECT_EQ(usage_error([&] { o.validate(); }), "article files come in pairs (KO EN); got 1 path");
  o.manifest = "m.tsv";
  EXPECT_EQ(usage_error([&] { o.validate(); }),
            "give only one kind of input: KO EN pairs, --manifest, --dir or --aligned");
  CheckRunOptions p;
  p.pairs = {"a", "b"};
  p.article_lines = 20;
  EXPECT_EQ(usage_error([&] { p.validate(); }), "--article-lines applies only to --aligned input");
  p.article_lines = 0;
  p.check.min_candidate_score = 2;
  EXPECT_EQ(usage_error([&] { p.validate(); }), "--min-entry-score must be between 0 and 1");
  p.check.min_candidate_score = 0.5;
  p.check.min_term_syllables = 1;
  EXPECT_EQ(usage_error([&] { p.validate(); }), "--min-term-syllables must be between 2 and 20");
  p.check.min_term_syllables = 4;
  p.check.min_bead_confidence = -1;
  EXPECT_EQ(usage_error([&] { p.validate(); }), "--min-bead-confidence must be between 0 and 1");
  p.check.min_bead_confidence = 0.3;
  p.check.uncertain_bead_confidence = 1.5;
  EXPECT_EQ(usage_error([&] { p.validate(); }),
            "the confidence below which a bead is uncertain must be between 0 and 1");
  p.check.uncertain_bead_confidence = 0.5;
  p.check.partial_length_ratio = -0.1;
  EXPECT_EQ(usage_error([&] { p.validate(); }),
            "the length ratio of a partial translation must be between 0 and 1");
  p.check.partial_length_ratio = 0.5;
  p.check.min_name_score = 0;
  EXPECT_EQ(usage_error([&] { p.validate(); }), "--min-name-score must be above 0 and at most 1");
  EXPECT_EQ(usage_error([] { format_from("xml"); }),
            "--format: unknown format \"xml\"; expected text, json, tsv or html");
}

TEST(RunCheck, AlignedCorpusWithDifferentLineCountsIsAnInputError) {
  EXPECT_EQ(usage_error([] { aligned("하나\n둘\n", "one\n"); }),
            "a.en:2:1: --aligned needs line i of one file to translate line i of the other; a.ko has "
            "2 lines but a.en has 1; hint: for articles that are not line-aligned, give them as KO EN");
}

TEST(RunCheck, ManifestWithTwoColumnsIsAnInputError) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "koterm-check-manifest-test";
  fs::create_directories(dir);
  {
    std::ofstream m(dir / "m.tsv");
    m << "a\ta.ko.txt\n";
  }
  CheckRunOptions o;
  o.manifest = (dir / "m.tsv").string();
  std::istringstream in;
  std::ostringstream out;
  Diagnostics d;
  EXPECT_EQ(usage_error([&] { run_check(o, in, out, d); }),
            o.manifest + ":1:1: expected 3 TAB-separated columns (id, Korean path, English path); "
                         "found 2 in \"a\ta.ko.txt\"");
  CheckRunOptions e;
  e.directory = (dir / "none").string();
  EXPECT_EQ(usage_error([&] { run_check(e, in, out, d); }), e.directory + ": no such folder");
  e.directory = (dir / "m.tsv").string();
  EXPECT_EQ(usage_error([&] { run_check(e, in, out, d); }),
            e.directory + ": not a folder; --dir expects a folder of NAME.ko.txt and NAME.en.txt files");
  fs::remove_all(dir);
}

TEST(Reports, JsonHasTheDocumentedFields) {
  glossary::Glossary g = test_glossary();
  auto f = check_aligned("양측은 종전선언 문제를 논의했다.\n", "The two sides discussed ending the war.\n", &g);
  std::ostringstream out;
  write_json(f, out);
  const std::string s = out.str();
  for (const char* key : {"\"schema\": \"koterm-check\"", "\"type\": \"missing\"", "\"severity\": \"warning\"",
                          "\"ko\": \"종전선언\"", "\"expected\": [", "\"en_location\"", "\"line\": 1",
                          "\"uncertain\": null", "\"possible_renderings\": []"})
    EXPECT_NE(s.find(key), std::string::npos) << key;
}

TEST(Reports, TextIsCompilerStyleAndColouredOnlyWhenAsked) {
  glossary::Glossary g = test_glossary();
  auto f = check_aligned("양측은 종전선언 문제를 논의했다.\n", "The two sides discussed ending the war.\n", &g);
  std::ostringstream plain, coloured;
  write_text(f, plain, false);
  write_text(f, coloured, true);
  EXPECT_EQ(plain.str().rfind("a.en:1:1: warning: 종전선언: ", 0), 0u) << plain.str();
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
  EXPECT_NE(coloured.str().find("\x1b[1;35mwarning"), std::string::npos);
}

}  // namespace
}  // namespace koterm::check

namespace koterm::check {
namespace {

TEST(Reports, HtmlIsSelfContainedWithBothTextsAndHighlights) {
  std::vector<Article> articles = aligned("양측은 종전선언 문제를 논의했다.\n", "The two sides discussed ending the war.\n");
  glossary::Glossary g = test_glossary();
  Checker c(CheckOptions{}, &g);
  CheckResult r = c.run(articles);
  std::ostringstream out;
  write_html(articles, r, out);
  const std::string s = out.str();
  EXPECT_EQ(s.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(s.find("<style>"), std::string::npos);
  EXPECT_EQ(s.find("http"), std::string::npos);
  EXPECT_EQ(s.find("<script"), std::string::npos);
  EXPECT_NE(s.find("<mark class=\"bad\">종전선언</mark>"), std::string::npos) << s;
  EXPECT_NE(s.find("The two sides discussed ending the war."), std::string::npos);
  EXPECT_NE(s.find("warning · missing"), std::string::npos);
}

}  // namespace
}  // namespace koterm::check

namespace koterm::check {
namespace {

TEST(Checker, OneEnglishFormForTwoKoreanTermsIsAmbiguous) {
  glossary::Glossary g;
  for (const auto& [id, ko] : {std::pair<std::string, std::string>{"state", "국무부"}, {"defense", "국방부"}}) {
    glossary::Entry e;
    e.id = id;
    e.ko = ko;
    e.en = "State Department";
    e.variants = {variant("State Department", TermStatus::preferred)};
    e.kind = glossary::Kind::org;
    e.status = glossary::EntryStatus::approved;
    g.terms.push_back(e);
  }
  auto f = check_aligned("국무부가 발표했다.\n국무부는 부인했다.\n국방부가 발표했다.\n국방부는 부인했다.\n",
                         "The State Department announced it.\nThe State Department denied it.\n"
                         "The State Department announced it.\nThe State Department denied it.\n",
                         &g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::ambiguous);
  EXPECT_EQ(f[0].ko, "국무부 / 국방부");
  EXPECT_EQ(f[0].message, "\"State Department\" renders 2 different Korean terms: 국무부 (2), 국방부 (2)");
}

}  // namespace
}  // namespace koterm::check

namespace koterm::check {
namespace {

TEST(Checker, TermRenderedDifferentlyInTwoArticlesIsInconsistentAcrossTheBatch) {
  std::vector<Article> articles = aligned(
      "대북특별대표가 서울에 왔다.\n대북특별대표는 회담을 마쳤다.\n대북특별대표가 도쿄에 갔다.\n대북특별대표는 떠났다.\n",
      "The Special Representative for North Korea came to Seoul.\n"
      "The Special Representative for North Korea finished the talks.\n"
      "The Special Envoy for North Korea went to Tokyo.\n"
      "The Special Envoy for North Korea left.\n",
      2);
  ASSERT_EQ(articles.size(), 2u);
  Checker c(CheckOptions{}, nullptr);
  auto f = c.run(articles).findings;
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, FindingType::inconsistent);
  EXPECT_EQ(f[0].article, "(batch)");
  EXPECT_EQ(f[0].en_place.line, 3u);
  CheckOptions no_batch;
  no_batch.across_batch = false;
  EXPECT_TRUE(Checker(no_batch, nullptr).run(articles).findings.empty());
}

}  // namespace
}  // namespace koterm::check
