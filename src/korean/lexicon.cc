#include "korean/lexicon.h"

#include <vector>

#include "common/error.h"
#include "text/utf8.h"

namespace koterm::embedded {
std::string_view korean_particles();
std::string_view korean_copulas();
std::string_view korean_noun_suffixes();
std::string_view korean_verb_suffixes();
std::string_view korean_verb_endings();
std::string_view korean_final_endings();
std::string_view korean_nouns();
std::string_view korean_strong_endings();
std::string_view korean_non_nouns();
std::string_view korean_verb_stems();
std::string_view korean_xr_roots();
std::string_view korean_verb_connectives();
std::string_view korean_auxiliary_verbs();
std::string_view korean_single_syllable_nouns();
std::string_view korean_number_units();
std::string_view korean_hanja_abbreviations();
std::string_view korean_contractions();
std::string_view korean_sino_korean_syllables();
}  // namespace koterm::embedded

namespace koterm::korean::detail {
namespace {

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    out.push_back(text::decode_utf8(s, i, &len));
    i += len;
  }
  return out;
}

// Rows of a TSV table: '#' comments and blank lines skipped; each row has `columns` fields.
std::vector<std::vector<std::string>> rows(std::string_view table, std::string_view name,
                                           std::size_t columns) {
  std::vector<std::vector<std::string>> out;
  std::size_t line_no = 0;
  while (!table.empty()) {
    std::size_t nl = table.find('\n');
    std::string_view line = table.substr(0, nl);
    table = nl == std::string_view::npos ? std::string_view{} : table.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      fields.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() != columns) {
      throw InternalError("korean/data/" + std::string(name) + ".tsv:" + std::to_string(line_no) +
                          ": expected " + std::to_string(columns) + " columns");
    }
    out.push_back(std::move(fields));
  }
  return out;
}

Attach parse_attach(const std::string& s, std::string_view table) {
  if (s == "any") return Attach::any;
  if (s == "consonant") return Attach::consonant;
  if (s == "vowel") return Attach::vowel;
  if (s == "ro") return Attach::ro;
  if (s == "euro") return Attach::euro;
  if (s == "suffix") return Attach::suffix;
  throw InternalError("korean/data/" + std::string(table) + ".tsv: unknown attach \"" + s + "\"");
}

enum class Precedes : std::uint8_t { no, noncase, all };

Precedes parse_precedes(const std::string& s) {
  if (s == "no") return Precedes::no;
  if (s == "noncase") return Precedes::noncase;
  if (s == "all") return Precedes::all;
  throw InternalError("korean/data/particles.tsv: unknown precedes \"" + s + "\"");
}

// The case particles, which follow only particles marked "all" (까지+를, but not 로+를).
bool is_case_particle(std::u32string_view form) {
  return form == U"이" || form == U"가" || form == U"을" || form == U"를";
}

struct Particle {
  std::u32string form;
  Attach attach;
  bool stacks;       // may follow another particle
  Precedes precedes;  // which particles may follow it
};

void add_tail(Lexicon& lex, const std::u32string& form, TailEntry entry) {
  if (form.size() > lex.max_tail) lex.max_tail = form.size();
  lex.tails.emplace(form, entry);  // the first reading listed wins
}

Lexicon build() {
  Lexicon lex;
  std::vector<Particle> particles;
  for (const auto& r : rows(embedded::korean_particles(), "particles", 4)) {
    particles.push_back({to_u32(r[0]), parse_attach(r[1], "particles"), r[2] == "yes", parse_precedes(r[3])});
  }
  // Particle sequences of up to three particles, each agreeing with the one before.
  struct Sequence {
    std::u32string form;
    Attach attach;
    Precedes open;  // what may follow its last particle
  };
  std::vector<Sequence> sequences;
  for (const auto& p : particles) sequences.push_back({p.form, p.attach, p.precedes});
  std::size_t level_begin = 0;
  for (std::size_t level = 0; level < 2; ++level) {
    std::size_t level_end = sequences.size();
    for (std::size_t k = level_begin; k < level_end; ++k) {
      if (sequences[k].open == Precedes::no) continue;
      const Sequence base = sequences[k];  // copied: push_back below may reallocate
      for (const auto& p : particles) {
        if (!p.stacks || !attach_ok(p.attach, base.form.back())) continue;
        if (base.open == Precedes::noncase && is_case_particle(p.form)) continue;
        if (base.form.size() + p.form.size() > 6) continue;
        sequences.push_back({base.form + p.form, base.attach, p.precedes});
      }
    }
    level_begin = level_end;
  }
  for (const auto& seq : sequences) add_tail(lex, seq.form, {seq.attach, TailKind::particle, 1});
  struct Copula {
    std::u32string form;
    Attach attach;
    std::uint8_t min_stem;
  };
  std::vector<Copula> copulas;
  for (const auto& r : rows(embedded::korean_copulas(), "copulas", 3)) {
    copulas.push_back({to_u32(r[0]), parse_attach(r[1], "copulas"), static_cast<std::uint8_t>(std::stoi(r[2]))});
  }
  for (const auto& c : copulas) {
    if (c.attach != Attach::suffix) add_tail(lex, c.form, {c.attach, TailKind::copula, c.min_stem});
  }
  // A noun suffix alone or followed by a particle sequence or a copula form.
  for (const auto& r : rows(embedded::korean_noun_suffixes(), "noun_suffixes", 3)) {
    std::u32string suffix = to_u32(r[0]);
    auto min_stem = static_cast<std::uint8_t>(std::stoi(r[1]));
    if (r[2] != "any" && r[2] != "number") {
      throw InternalError("korean/data/noun_suffixes.tsv: after of \"" + r[0] + "\" must be any or number");
    }
    TailEntry e{Attach::any, TailKind::noun_suffix, min_stem, r[2] == "number"};
    add_tail(lex, suffix, e);
    for (const auto& seq : sequences) {
      if (attach_ok(seq.attach, suffix.back())) add_tail(lex, suffix + seq.form, e);
    }
    for (const auto& c : copulas) {
      if (c.attach == Attach::suffix || attach_ok(c.attach, suffix.back())) add_tail(lex, suffix + c.form, e);
    }
  }
  for (const auto& r : rows(embedded::korean_verb_suffixes(), "verb_suffixes", 2)) {
    std::u32string form = to_u32(r[0]);
    if (form.size() > lex.max_verb_suffix) lex.max_verb_suffix = form.size();
    lex.verb_suffixes.emplace(form, r[1] == "yes");
  }
  for (const auto& r : rows(embedded::korean_verb_endings(), "verb_endings", 1)) {
    for (char32_t c : to_u32(r[0])) lex.verb_ending_starts.insert(c);
  }
  for (const auto& r : rows(embedded::korean_final_endings(), "final_endings", 1)) {
    std::u32string form = to_u32(r[0]);
    if (form.size() > lex.max_final_ending) lex.max_final_ending = form.size();
    lex.final_endings.insert(form);
  }
  for (const auto& r : rows(embedded::korean_nouns(), "nouns", 2)) {
    lex.nouns.insert(to_u32(r[0]));
    if (r[1] == "compound") {
      lex.compound_nouns.insert(to_u32(r[0]));
    } else if (r[1] != "word") {
      throw InternalError("korean/data/nouns.tsv: scope of \"" + r[0] + "\" must be word or compound");
    }
  }
  for (const auto& r : rows(embedded::korean_strong_endings(), "strong_endings", 1)) {
    std::u32string form = to_u32(r[0]);
    if (form.size() > lex.max_strong_ending) lex.max_strong_ending = form.size();
    lex.strong_endings.insert(form);
  }
  for (const auto& r : rows(embedded::korean_non_nouns(), "non_nouns", 2)) {
    lex.non_nouns.emplace(to_u32(r[0]), r[1] == "pronoun" ? WordClass::pronoun : WordClass::other);
  }
  for (const auto& r : rows(embedded::korean_verb_stems(), "verb_stems", 1)) lex.verb_stems.insert(to_u32(r[0]));
  for (const auto& r : rows(embedded::korean_xr_roots(), "xr_roots", 1)) lex.xr_roots.insert(to_u32(r[0]));
  for (const auto& r : rows(embedded::korean_auxiliary_verbs(), "auxiliary_verbs", 1)) {
    for (char32_t c : to_u32(r[0])) lex.auxiliary_starts.insert(c);
  }
  for (const auto& r : rows(embedded::korean_verb_connectives(), "verb_connectives", 1)) {
    for (char32_t c : to_u32(r[0])) lex.verb_connectives.insert(c);
  }
  for (const auto& r : rows(embedded::korean_single_syllable_nouns(), "single_syllable_nouns", 1)) {
    lex.single_syllable_nouns.insert(to_u32(r[0]));
  }
  for (const auto& r : rows(embedded::korean_number_units(), "number_units", 1)) {
    for (char32_t c : to_u32(r[0])) lex.number_units.insert(c);
  }
  for (const auto& r : rows(embedded::korean_sino_korean_syllables(), "sino_korean_syllables", 1)) {
    for (char32_t c : to_u32(r[0])) lex.sino_korean.insert(c);
  }
  for (const auto& r : rows(embedded::korean_hanja_abbreviations(), "hanja_abbreviations", 2)) {
    std::u32string h = to_u32(r[0]);
    if (h.size() != 1) throw InternalError("korean/data/hanja_abbreviations.tsv: \"" + r[0] + "\" is not one hanja");
    lex.abbreviations.emplace(h[0], r[1]);
  }
  for (const auto& r : rows(embedded::korean_contractions(), "contractions", 3)) {
    TailKind kind = r[2] == "particle" ? TailKind::particle : TailKind::copula;
    if (r[2] != "particle" && r[2] != "copula") {
      throw InternalError("korean/data/contractions.tsv: tail kind of \"" + r[0] + "\" must be particle or copula");
    }
    lex.contractions.emplace(to_u32(r[0]), Lexicon::Contraction{r[1], kind});
  }
  return lex;
}

}  // namespace

bool attach_ok(Attach attach, char32_t prev) {
  if (!is_syllable(prev)) return true;
  unsigned f = final_consonant(prev);
  switch (attach) {
    case Attach::any: return true;
    case Attach::consonant: return f != 0;
    case Attach::vowel: return f == 0;
    case Attach::ro: return f == 0 || f == k_final_rieul;
    case Attach::euro: return f != 0 && f != k_final_rieul;
    case Attach::suffix: return false;
  }
  return false;
}

const Lexicon& lexicon() {
  static const Lexicon lex = build();
  return lex;
}

}  // namespace koterm::korean::detail
