#include "terms/extract.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "common/data_lines.h"
#include "common/error.h"
#include "korean/analyze.h"
#include "names/names.h"
#include "terms/evidence.h"
#include "terms/kinds.h"
#include "terms/ko_words.h"
#include "terms/words.h"
#include "text/utf8.h"

namespace koterm::embedded {
std::string_view terms_en_adjective_suffixes();
std::string_view terms_ko_title_suffixes();
}  // namespace koterm::embedded

namespace koterm::terms {

void ExtractOptions::validate() const {
  if (!(min_link_score >= 0.0 && min_link_score <= 1.0))
    throw UsageError("--min-link-score must be between 0 and 1");
  if (!(min_entry_score >= 0.0 && min_entry_score <= 1.0))
    throw UsageError("--min-score must be between 0 and 1");
  if (limits.max_ko_eojeols < 1 || limits.max_ko_eojeols > 8)
    throw UsageError("the longest Korean candidate must span 1 to 8 eojeols");
  if (limits.max_en_words < 1 || limits.max_en_words > 16)
    throw UsageError("the longest English candidate must span 1 to 16 words");
  if (threads < 1 || threads > 1024) throw UsageError("--threads must be between 1 and 1024");
}

namespace {

struct UnitRec {
  std::string_view ko;
  std::string_view en;
  std::size_t text_at = 0;  // pass 1: where ko (then en) starts in Impl::block_text
  std::uint32_t doc = 0;
  std::uint32_t ko_line = 0;
  std::uint32_t en_line = 0;
  UnitZone zone = UnitZone::body;
  std::uint32_t ko_begin = 0, ko_end = 0;  // into ko_cands
  std::uint32_t en_begin = 0, en_end = 0;  // into en_cands
  std::uint32_t gloss_begin = 0, gloss_end = 0;  // into unit_glosses
};

// Word spans of a ScoredPair's two candidates, side by side for the scans of linking.
struct PairSpan {
  std::uint16_t ko_begin = 0, ko_end = 0, en_begin = 0, en_end = 0;
};

struct ScoredPair {
  float score = 0;
  std::uint32_t a = 0;  // index into ko_cands
  std::uint32_t b = 0;  // index into en_cands
  bool spelled = false; // the score is the spelling evidence, not association
  bool boosted = false; // the second round of linking raised the score
  float count = -1;      // pair_count of the two ids once looked up (-1: not yet)
  PairSpan span;         // of the candidates a and b (the ranking reads them often)
};

// A pair made outside the ranking (a link kept, composed or taken by elimination): its
// score and candidates only.
ScoredPair plain_pair(float score, std::uint32_t a, std::uint32_t b, bool spelled = false) {
  ScoredPair p;
  p.score = score;
  p.a = a;
  p.b = b;
  p.spelled = spelled;
  return p;
}

// The order in which competitive linking considers pairs: best score first; on a tie, the
// longer Korean; then the longer English (it always comes with the shorter one) for equal
// association but the shorter for equal spelling evidence (the extra words are not part of
// the name: "Rocco Russo", not "Passenger Rocco Russo"); then by position.
bool ranks_before(const ScoredPair& x, const ScoredPair& y) {
  if (x.score != y.score) return x.score > y.score;
  const int x_ko = x.span.ko_end - x.span.ko_begin, y_ko = y.span.ko_end - y.span.ko_begin;
  if (x_ko != y_ko) return x_ko > y_ko;
  const int x_en = x.span.en_end - x.span.en_begin, y_en = y.span.en_end - y.span.en_begin;
  if (x_en != y_en) return (x_en > y_en) != (x.spelled && y.spelled);
  if (x.span.ko_begin != y.span.ko_begin) return x.span.ko_begin < y.span.ko_begin;
  return x.span.en_begin < y.span.en_begin;
}

// Pass 1 on one thread: a unit's candidates and glosses with the thread's own ids, and the
// maps from those ids to the shared ones.
struct LocalUnit {
  std::uint32_t ko_begin = 0, ko_end = 0, en_begin = 0, en_end = 0, gloss_begin = 0, gloss_end = 0;
};
struct LocalGloss {
  std::uint32_t cand = 0;  // into Counter::ko_cands
  std::uint32_t en = 0;    // local English id
  bool linked = false;     // linked in the unit (else only counted as evidence)
};
// One block's analysis on one thread. A thread keeps two: one is filled while the
// other is committed.
struct LocalBlock {
  std::vector<Cand> ko_cands, en_cands;
  std::vector<LocalGloss> glosses;
  std::vector<LocalUnit> units;
  // The strings the thread's interners met first in this block (views into their stable
  // storage), so that committing never reads an interner that the next block is filling.
  std::vector<std::string_view> new_ko, new_surface, new_en;
};

struct Counter {
  KoreanWords ko_words;
  std::vector<KoWord> kw;
  std::vector<EnWord> ew;
  Interner ko, surface, en;  // analysis side
  LocalBlock block[2];
  // Commit side: every string of the interners committed so far, and its shared id.
  std::vector<std::string_view> ko_views, surface_views, en_views;
  std::vector<std::uint32_t> ko_map, surface_map, en_map;
  // Pass-1 counts of the units this thread analysed, by its own ids: sums, so they are
  // added to the shared counts when counting ends, whichever thread counted what.
  std::vector<std::uint32_t> ko_count, en_count;
  FlatMap64<std::uint32_t> pair_count, spelling_count;
  std::uint64_t counted_units = 0;
  std::vector<std::uint32_t> ko_ids, en_ids;  // scratch
};

// One link decision of pass 2, before it is counted.
struct LinkRec {
  std::uint32_t k = 0;
  std::uint32_t e = 0;
  float score = 0;
};

// What one linking thread owns: scratch space, its evidence cache, and the decisions (and
// trace lines) of the units it linked, in the order it linked them.

struct Worker {
  std::vector<ScoredPair> pairs;
  std::vector<PairSpan> spans;  // of `pairs`, in the same order
  // Linking's index of the unit: the candidates whose span holds each candidate's span
  // (flat lists; within_at[i] .. within_at[i + 1]), the pair of each (Korean, English)
  // candidate (index into `pairs`, or -1), and the pairs that may grow one.
  std::vector<std::uint32_t> ko_within, en_within, ko_within_at, en_within_at;
  std::vector<std::int32_t> pair_of;
  std::vector<std::uint32_t> grown;
  std::vector<ScoredPair> linked;  // the unit's competitive links, by candidate index
  std::vector<ScoredPair> moved, merged;  // scratch of the second round's ranking
  std::vector<std::pair<std::uint32_t, std::uint32_t>> todo;  // (ko, en) candidates to score
  std::vector<std::uint8_t> ko_taken, en_taken;
  FlatMap64<float> evidence_cache;
  FlatMap64<float> lexicon_cache;  // 1: the lexicon renders the pair's Korean by its English
  std::vector<LinkRec> links;
  std::vector<std::size_t> unit_end;  // end of each linked unit's records in `links`
  std::unordered_map<std::uint32_t, std::vector<std::string>> content_cache;  // en id -> words
  bool tracing = false;
  std::vector<std::string> notes;
  std::vector<std::size_t> note_end;
  void note(std::string line) {
    if (tracing) notes.push_back(std::move(line));
  }
  // Takes back the latest decision (k, e) of the unit being linked.
  void drop_link(std::uint32_t k, std::uint32_t e) {
    for (std::size_t r = links.size(); r-- > 0;) {
      if (links[r].k == k && links[r].e == e) {
        links.erase(links.begin() + static_cast<std::ptrdiff_t>(r));
        return;
      }
    }
  }
};

std::size_t word_count(std::string_view s) {
  if (s.empty()) return 0;
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

// Lower case and one trailing plural "s" dropped: the identity of a variant.
std::string variant_identity(std::string_view en) {
  std::string s(en);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::size_t sp = s.rfind(' ');
  std::size_t last_len = sp == std::string::npos ? s.size() : s.size() - sp - 1;
  if (last_len >= 4 && s.back() == 's' && s[s.size() - 2] != 's') s.pop_back();
  return s;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// True when the words of `shorter` occur contiguously in `longer` (and it is shorter).
bool is_sub_phrase(std::string_view shorter, std::string_view longer) {
  auto a = split_words(shorter);
  auto b = split_words(longer);
  if (a.empty() || a.size() >= b.size()) return false;
  for (std::size_t i = 0; i + a.size() <= b.size(); ++i)
    if (std::equal(a.begin(), a.end(), b.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  return false;
}

// The data files are compiled in, so views into them stay valid.
const std::vector<std::string_view>& adjective_suffixes() {
  static const std::vector<std::string_view> list = data_lines(embedded::terms_en_adjective_suffixes());
  return list;
}

// "Iraqi" for "Iraq", "Mexican" for "Mexico".
bool is_adjective_of(std::string_view adj, std::string_view base) {
  if (base.size() < 3 || adj.size() <= base.size()) return false;
  for (std::string_view suffix : adjective_suffixes()) {
    if (adj.size() < suffix.size() || adj.compare(adj.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::string_view stem = adj.substr(0, adj.size() - suffix.size());
    if (stem == base || (stem.size() + 1 == base.size() && base.substr(0, stem.size()) == stem))
      return true;
  }
  return false;
}

// "North" of "North Korea", "Hong" of "Hong Kong": the first word of a two-word name is a
// piece of it, not a short form (those keep the last word: Kim of Sung Kim).
bool first_word_of_name(std::string_view word, std::string_view name) {
  if (word.empty() || word.find(' ') != std::string_view::npos || word[0] < 'A' || word[0] > 'Z')
    return false;
  const std::size_t sp = name.find(' ');
  if (sp == std::string_view::npos || name.find(' ', sp + 1) != std::string_view::npos) return false;
  const std::string_view second = name.substr(sp + 1);
  return name.substr(0, sp) == word && !second.empty() && second[0] >= 'A' && second[0] <= 'Z';
}

const std::vector<std::string_view>& title_suffixes() {
  static const std::vector<std::string_view> list = data_lines(embedded::terms_ko_title_suffixes());
  return list;
}

bool is_title_like(std::string_view ko) {
  for (std::string_view suffix : title_suffixes())
    if (ko.size() > suffix.size() && ko.compare(ko.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  return false;
}

// 총리, 대표: a title ending that is the whole word.
bool title_suffix_alone(std::string_view ko) {
  const auto& list = title_suffixes();
  return std::find(list.begin(), list.end(), ko) != list.end();
}

// Calls run(0) .. run(n - 1), each on its own thread (run(0) on this one).
template <class Run>
void run_on_threads(std::size_t n, Run&& run) {
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < n; ++t) pool.emplace_back([&run, t] { run(t); });
  run(0);
  for (std::thread& th : pool) th.join();
}

// The units between pass 1 and pass 2. Pass 1 puts every counted block of units (texts,
// candidates with the shared ids, glosses) as one frame; pass 2 reads the frames back in the
// same order. Frames stay in memory up to `memory_limit` bytes in all; beyond that they go to
// an unnamed temporary file (in $TMPDIR, else /tmp), so that memory holds about one block of
// units whatever the size of the corpus. Without a usable temporary file (none can be made,
// the disk is full) the frames that do not fit stay in memory.
class UnitSpill {
 public:
  explicit UnitSpill(std::size_t memory_limit) : memory_limit_(memory_limit) {}
  UnitSpill(const UnitSpill&) = delete;
  UnitSpill& operator=(const UnitSpill&) = delete;
  ~UnitSpill() {
    if (file_ != nullptr) std::fclose(file_);
  }

  void put(std::string frame) {
    if (file_ == nullptr && !file_failed_ && memory_bytes_ + frame.size() > memory_limit_) open_file();
    if (file_ != nullptr && !file_failed_ && write(frame)) return;
    memory_bytes_ += frame.size();
    memory_.push_back(std::move(frame));
  }

  // Calls read(frame) for every frame in order; the spill is empty afterwards.
  template <class Read>
  void replay(Read&& read) {
    if (file_ != nullptr) {
      std::string frame;
      if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0)
        throw InternalError("extract: the temporary file of units cannot be read back");
      for (std::uint64_t at = 0; at < file_bytes_;) {
        std::uint64_t size = 0;
        if (std::fread(&size, sizeof size, 1, file_) != 1)
          throw InternalError("extract: the temporary file of units cannot be read back");
        frame.resize(static_cast<std::size_t>(size));
        if (size > 0 && std::fread(frame.data(), 1, frame.size(), file_) != frame.size())
          throw InternalError("extract: the temporary file of units cannot be read back");
        read(frame);
        at += sizeof size + size;
      }
      std::fclose(file_);
      file_ = nullptr;
      file_bytes_ = 0;
    }
    while (!memory_.empty()) {
      memory_bytes_ -= memory_.front().size();
      read(memory_.front());
      memory_.pop_front();
    }
  }

 private:
  std::size_t memory_limit_;
  std::deque<std::string> memory_;  // frames after those in the file
  std::size_t memory_bytes_ = 0;
  std::FILE* file_ = nullptr;
  std::uint64_t file_bytes_ = 0;  // complete frames written
  bool file_failed_ = false;

  void open_file() {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/koterm-units-XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd < 0) {
      file_failed_ = true;
      return;
    }
    ::unlink(path.c_str());  // gone from the folder; the space is freed when it is closed
    file_ = ::fdopen(fd, "w+b");
    if (file_ == nullptr) {
      ::close(fd);
      file_failed_ = true;
      return;
    }
    // The frames kept so far go first, so that the file holds a prefix of the sequence.
    while (!memory_.empty() && write(memory_.front())) {
      memory_bytes_ -= memory_.front().size();
      memory_.pop_front();
    }
  }

  // Appends one frame to the file; false (and no more writes) when it does not fit.
  bool write(const std::string& frame) {
    const std::uint64_t size = frame.size();
    if (std::fwrite(&size, sizeof size, 1, file_) != 1 ||
        std::fwrite(frame.data(), 1, frame.size(), file_) != frame.size()) {
      // Reading back stops at the last complete frame; the rest stays in memory.
      file_failed_ = true;
      return false;
    }
    file_bytes_ += sizeof size + size;
    return true;
  }
};

// Frames of units: a unit is its header, its candidates, its glosses, then its two texts.
struct FrameUnitHead {
  std::uint32_t doc = 0, ko_line = 0, en_line = 0;
  std::uint32_t ko_cands = 0, en_cands = 0, glosses = 0, ko_bytes = 0, en_bytes = 0;
  std::uint32_t zone = 0;
};

// Fixed-size fields are copied byte for byte; a unit's room is made once (the frame is
// written and read on one thread between the parallel parts, so this is kept cheap).
template <class T>
char* put_raw(char* out, const T& v) {
  std::memcpy(out, &v, sizeof(T));
  return out + sizeof(T);
}

template <class T>
const char* get_raw(const char* in, T& v) {
  std::memcpy(&v, in, sizeof(T));
  return in + sizeof(T);
}

// A candidate field by field (its padding bytes are never written).
constexpr std::size_t cand_bytes = 4 + 4 + 2 + 2 + 1;

char* put_cand(char* out, const Cand& c) {
  out = put_raw(out, c.id);
  out = put_raw(out, c.surface);
  out = put_raw(out, c.word_begin);
  out = put_raw(out, c.word_end);
  return put_raw(out, c.flags);
}

const char* get_cand(const char* in, Cand& c) {
  in = get_raw(in, c.id);
  in = get_raw(in, c.surface);
  in = get_raw(in, c.word_begin);
  in = get_raw(in, c.word_end);
  return get_raw(in, c.flags);
}

// Bytes of a unit in a frame after its header.
std::size_t unit_bytes(const FrameUnitHead& h) {
  return (std::size_t{h.ko_cands} + h.en_cands) * cand_bytes + std::size_t{h.glosses} * sizeof(std::uint64_t) +
         h.ko_bytes + h.en_bytes;
}

std::string stable_id(std::string_view ko) {
  std::uint32_t h = 2166136261u;
  for (char c : ko) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "t-%08x", h);
  return buf;
}

}  // namespace

struct Extractor::Impl {
  ExtractOptions options;
  Evidence evidence;
  Stats stats;
  std::deque<Counter> counters;  // one per pass-1 thread
  bool counting = true;           // false: pass-1 counts were given (use_counts)
  bool prepared = false;          // prepare() ran
  std::uint64_t units_added = 0;  // add_unit calls
  // The current block of units: in pass 1 those not counted yet (their texts copied into
  // block_text), in pass 2 the frame being linked (texts are views into the frame).
  std::vector<UnitRec> units;
  std::string block_text;
  std::vector<Cand> ko_cands;
  std::vector<Cand> en_cands;
  std::vector<std::uint64_t> unit_glosses;  // pair_key(ko, en) of "ko(en)" in a unit
  // Pass 1 runs as a pipeline: while block n is analysed (on the counting threads, in the
  // background when there are two or more), block n - 1 is committed and spilled here and
  // block n + 1 is filled. The analysed and committed blocks alternate between two slots.
  struct Block {
    std::vector<UnitRec> units;
    std::string text;
    std::size_t threads = 1;  // threads that analyse it
    // Units are analysed in chunks that the threads take in turn: the thread of each chunk
    // and where its units start in that thread's LocalBlock::units.
    std::vector<std::uint32_t> chunk_thread, chunk_first;
  };
  static constexpr std::size_t analysis_chunk = 32;
  Block flight[2];
  std::uint64_t blocks_started = 0, blocks_committed = 0;
  std::thread analysis;              // the background analysis of block blocks_started - 1
  std::exception_ptr analysis_error;  // what it threw
  // Counted blocks wait here for pass 2.
  UnitSpill spill;
  // The first unit each linked pair was linked in (LinkInfo::example_unit), kept when the
  // link is made: examples cost memory per linked pair, not per unit.
  struct ExampleText {
    std::string ko, en;
    std::uint32_t doc = 0, ko_line = 0;
  };
  std::unordered_map<std::uint64_t, ExampleText> examples;
  std::vector<std::pair<std::string, std::string>> docs;

  Impl(ExtractOptions o, const glossary::Glossary* given)
      : options(std::move(o)), evidence(given), spill(options.spill_memory) {}
  ~Impl() {
    if (analysis.joinable()) analysis.join();  // an error left it running
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // Starts the analysis of the filled block and commits the one analysed before it; with
  // `flush`, also waits for the last analysis and commits it.
  void count_pending(bool flush = false);
  void analyse_block(std::size_t set);
  void join_analysis();
  void commit_block(std::size_t set);
  void end_counting();  // the last block counted, every thread's counts added to `stats`
  void prepare_unit(Counter& c, LocalBlock& lb, const UnitRec& u);
  void commit_unit(Counter& c, const LocalBlock& lb, const LocalUnit& lu, UnitRec& u);
  void spill_block(Block& b);
  void read_frame(std::string_view frame);
  void link_all();
  void prepare();    // figures of the counts that linking and building read
  void link_pass();  // pass 2 over the units
  // Pass 2 on one unit: appends its link decisions to wk.links. Reads the counts only, so
  // units are linked by several threads at once.
  void link_unit(const UnitRec& u, std::uint64_t ordinal, Worker& wk) const;
  bool worth_evidence(std::uint32_t k, std::uint32_t e, const Cand& b) const;
  float pair_score(Worker& wk, std::uint32_t k, std::uint32_t e, const Cand& a, const Cand& b,
                   bool* spelled = nullptr) const;
  void link_residuals(const UnitRec& u, Worker& wk) const;
  void link_variants(const UnitRec& u, Worker& wk) const;
  void link_titles(const UnitRec& u, Worker& wk) const;
  const std::vector<std::string>& content_of(Worker& wk, std::uint32_t e) const;
  void compose_links(const UnitRec& u, Worker& wk) const;
  bool explained_elsewhere(const UnitRec& u, const Cand& a, const Cand& grown, const Cand& inner,
                           Worker& wk) const;
  // Counts the decisions of one unit, in unit order (first mentions depend on it).
  void apply_links(const UnitRec& u, std::uint64_t ordinal, const LinkRec* begin, const LinkRec* end,
                   std::vector<std::uint32_t>& last_doc);
  glossary::Glossary build();

  std::function<void(std::string_view)> trace;
  // Per-term figures computed once before linking.
  std::vector<std::uint32_t> ko_chars, ko_syllables, en_words, en_letters, en_content;
  std::vector<std::uint8_t> ko_always_check;
  std::vector<std::uint8_t> ko_lexicon;  // 1: the news lexicon has the Korean term
  // One-word English terms by their capital letters (U.S. and US share an id), 0 for others.
  std::vector<std::uint32_t> en_letters_id;
  std::vector<std::uint8_t> ko_title;  // 1: ends in a title ending; 2: is one (총리)
  // A surname written apart before a bare title (김 대표, 노 본부장): the surname, by ko id.
  // Such a key refers to a person named before; its English is that person's short form.
  std::unordered_map<std::uint32_t, std::string> surname_of_ko;
  void precompute();
  std::vector<std::uint32_t> best_ko_of_en;
  std::vector<std::uint32_t> best_en_of_ko;  // the same the other way round
  std::vector<std::uint32_t> usual_en_of_ko;  // see prepare()
  std::unordered_map<std::uint32_t, std::uint32_t> gloss_of_ko;  // ko id -> en id
  FlatMap64<float> evidence_cache;
  std::string_view gloss_of(std::uint32_t k) const {
    auto it = gloss_of_ko.find(k);
    return it == gloss_of_ko.end() ? std::string_view() : stats.en.str(it->second);
  }
  float cached_evidence(std::uint32_t k, std::uint32_t e) { return evidence_in(evidence_cache, k, e); }
  float evidence_in(FlatMap64<float>& cache, std::uint32_t k, std::uint32_t e) const;
};

Extractor::Extractor(ExtractOptions options, const glossary::Glossary* given)
    : impl_(std::make_unique<Impl>(std::move(options), given)) {
  impl_->options.validate();
}
Extractor::~Extractor() = default;

const Stats& Extractor::stats() const {
  impl_->end_counting();
  return impl_->stats;
}

void Extractor::set_trace(std::function<void(std::string_view)> trace) {
  impl_->trace = std::move(trace);
}

std::uint32_t Extractor::add_document(std::string ko_path, std::string en_path) {
  impl_->docs.emplace_back(std::move(ko_path), std::move(en_path));
  return static_cast<std::uint32_t>(impl_->docs.size() - 1);
}

void Extractor::add_unit(const Unit& unit) {
  if (unit.doc >= impl_->docs.size())
    throw InternalError("Extractor::add_unit: unknown document index");
  if (impl_->prepared) throw InternalError("Extractor::add_unit: called after the units were linked");
  UnitRec u;
  u.text_at = impl_->block_text.size();
  impl_->block_text.append(unit.ko);
  impl_->block_text.append(unit.en);
  // Only the sizes count until the block is complete (block_text may still move).
  u.ko = {impl_->block_text.data(), unit.ko.size()};
  u.en = {impl_->block_text.data(), unit.en.size()};
  u.doc = unit.doc;
  u.ko_line = unit.ko_line;
  u.en_line = unit.en_line;
  u.zone = unit.zone;
  impl_->units.push_back(u);
  ++impl_->units_added;
  const std::size_t threads = std::max<std::size_t>(1, impl_->options.threads);
  if (impl_->units.size() >= std::max<std::size_t>(1, impl_->options.link_block) * threads)
    impl_->count_pending();
}

void Extractor::Impl::prepare_unit(Counter& c, LocalBlock& lb, const UnitRec& u) {
  LocalUnit lu;
  c.ko_words.analyze(u.ko, c.kw);
  lu.ko_begin = static_cast<std::uint32_t>(lb.ko_cands.size());
  korean_candidates(c.kw, options.limits, c.ko, c.surface, lb.ko_cands);
  lu.ko_end = static_cast<std::uint32_t>(lb.ko_cands.size());
  scan_english(u.en, c.ew);
  lu.en_begin = static_cast<std::uint32_t>(lb.en_cands.size());
  english_candidates(u.en, c.ew, options.limits, c.en, lb.en_cands);
  lu.en_end = static_cast<std::uint32_t>(lb.en_cands.size());
  // Glosses: "잠수함발사탄도미사일(SLBM)" pairs the Korean candidates ending at the glossed
  // eojeol with the gloss.
  // "(Food and Drug Administration, FDA)" holds two glosses.
  lu.gloss_begin = static_cast<std::uint32_t>(lb.glosses.size());
  for (std::size_t w = 0; w < c.kw.size(); ++w) {
    std::string_view gloss = c.kw[w].gloss;
    while (!gloss.empty()) {
      std::size_t cut = gloss.find_first_of(",;");
      std::string_view part = gloss.substr(0, cut);
      gloss = cut == std::string_view::npos ? std::string_view() : gloss.substr(cut + 1);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      if (part.empty()) continue;
      const std::uint32_t g = c.en.intern(part);
      // Every candidate ending at the glossed eojeol gets the gloss as evidence; the
      // longest one (일렉트릭 트랜스미션 텍사스(ETT), not 텍사스) is linked to it directly,
      // unless the gloss is only an acronym (the acronym is an entry of its own).
      std::uint32_t longest = lu.ko_end;
      for (std::uint32_t i = lu.ko_begin; i < lu.ko_end; ++i) {
        const Cand& a = lb.ko_cands[i];
        if (a.word_end != w + 1 || (a.flags & cand_latin)) continue;
        lb.glosses.push_back({i, g, false});
        if (longest == lu.ko_end || a.word_begin < lb.ko_cands[longest].word_begin) longest = i;
      }
      if (longest != lu.ko_end && part.find(' ') != std::string_view::npos)
        lb.glosses.push_back({longest, g, true});
    }
  }
  lu.gloss_end = static_cast<std::uint32_t>(lb.glosses.size());
  lb.units.push_back(lu);
  // With counts given (use_counts), the unit is only kept for linking.
  if (!counting) return;
  c.ko_ids.clear();
  for (std::uint32_t i = lu.ko_begin; i < lu.ko_end; ++i) {
    c.ko_ids.push_back(lb.ko_cands[i].id);
    c.spelling_count[pair_key(lb.ko_cands[i].id, lb.ko_cands[i].surface)] += 1;
  }
  c.en_ids.clear();
  for (std::uint32_t i = lu.en_begin; i < lu.en_end; ++i) c.en_ids.push_back(lb.en_cands[i].id);
  std::sort(c.ko_ids.begin(), c.ko_ids.end());
  c.ko_ids.erase(std::unique(c.ko_ids.begin(), c.ko_ids.end()), c.ko_ids.end());
  std::sort(c.en_ids.begin(), c.en_ids.end());
  c.en_ids.erase(std::unique(c.en_ids.begin(), c.en_ids.end()), c.en_ids.end());
  if (c.ko_count.size() < c.ko.size()) c.ko_count.resize(c.ko.size(), 0);
  if (c.en_count.size() < c.en.size()) c.en_count.resize(c.en.size(), 0);
  for (std::uint32_t k : c.ko_ids) ++c.ko_count[k];
  for (std::uint32_t e : c.en_ids) ++c.en_count[e];
  for (std::uint32_t k : c.ko_ids)
    for (std::uint32_t e : c.en_ids) ++c.pair_count[pair_key(k, e)];
  ++c.counted_units;
}

void Extractor::Impl::end_counting() {
  count_pending(true);
  // Every local id a count names was mapped when its unit was committed.
  for (Counter& c : counters) {
    Stats& st = stats;
    for (std::uint32_t k = 0; k < c.ko_count.size(); ++k)
      if (c.ko_count[k] > 0) st.ko_count[c.ko_map[k]] += c.ko_count[k];
    for (std::uint32_t e = 0; e < c.en_count.size(); ++e)
      if (c.en_count[e] > 0) st.en_count[c.en_map[e]] += c.en_count[e];
    c.pair_count.for_each([&](std::uint64_t key, std::uint32_t v) {
      st.pair_count[pair_key(c.ko_map[pair_ko(key)], c.en_map[pair_en(key)])] += v;
    });
    c.spelling_count.for_each([&](std::uint64_t key, std::uint32_t v) {
      st.ko_spelling_count[pair_key(c.ko_map[pair_ko(key)], c.surface_map[pair_en(key)])] += v;
    });
    st.units += c.counted_units;
    c.ko_count.clear();
    c.en_count.clear();
    c.pair_count = FlatMap64<std::uint32_t>();
    c.spelling_count = FlatMap64<std::uint32_t>();
    c.counted_units = 0;
  }
}

void Extractor::Impl::commit_unit(Counter& c, const LocalBlock& lb, const LocalUnit& lu, UnitRec& u) {
  Stats& st = stats;
  // Local ids become global ones in unit order, candidate by candidate: the same ids as
  // when one thread interns everything itself.
  auto global = [](std::vector<std::uint32_t>& map, const std::vector<std::string_view>& local,
                   std::uint32_t id, auto&& intern) {
    if (map.size() < local.size()) map.resize(local.size(), Interner::none);
    if (map[id] == Interner::none) map[id] = intern(local[id]);
    return map[id];
  };
  auto ko_id = [&](std::uint32_t id) {
    return global(c.ko_map, c.ko_views, id, [&](std::string_view s) { return st.intern_ko(s); });
  };
  auto en_id = [&](std::uint32_t id) {
    return global(c.en_map, c.en_views, id, [&](std::string_view s) { return st.intern_en(s); });
  };
  auto surface_id = [&](std::uint32_t id) {
    return global(c.surface_map, c.surface_views, id, [&](std::string_view s) { return st.ko_surface.intern(s); });
  };
  u.ko_begin = static_cast<std::uint32_t>(ko_cands.size());
  for (std::uint32_t i = lu.ko_begin; i < lu.ko_end; ++i) {
    Cand a = lb.ko_cands[i];
    a.id = ko_id(a.id);
    a.surface = surface_id(a.surface);
    ko_cands.push_back(a);
  }
  u.ko_end = static_cast<std::uint32_t>(ko_cands.size());
  u.en_begin = static_cast<std::uint32_t>(en_cands.size());
  for (std::uint32_t j = lu.en_begin; j < lu.en_end; ++j) {
    Cand b = lb.en_cands[j];
    b.id = en_id(b.id);
    b.surface = b.id;
    en_cands.push_back(b);
  }
  u.en_end = static_cast<std::uint32_t>(en_cands.size());
  u.gloss_begin = static_cast<std::uint32_t>(unit_glosses.size());
  for (std::uint32_t gi = lu.gloss_begin; gi < lu.gloss_end; ++gi) {
    const LocalGloss& lg = lb.glosses[gi];
    const std::uint32_t g = en_id(lg.en);
    const std::uint32_t k = ko_cands[u.ko_begin + (lg.cand - lu.ko_begin)].id;
    if (lg.linked)
      unit_glosses.push_back(pair_key(k, g));
    else if (counting)
      st.gloss_count[pair_key(k, g)] += 1;
  }
  u.gloss_end = static_cast<std::uint32_t>(unit_glosses.size());
}

void Extractor::Impl::count_pending(bool flush) {
  if (!units.empty()) {
    join_analysis();  // block blocks_started - 1 is analysed; its set is free to commit
    const std::size_t set = blocks_started % 2;
    Block& b = flight[set];  // empty: its last block was committed by the call before
    std::swap(b.units, units);
    std::swap(b.text, block_text);
    for (UnitRec& u : b.units) {
      u.ko = {b.text.data() + u.text_at, u.ko.size()};
      u.en = {b.text.data() + u.text_at + u.ko.size(), u.en.size()};
    }
    b.threads = std::min(std::max<std::size_t>(1, options.threads), b.units.size());
    while (counters.size() < b.threads) counters.emplace_back();
    ++blocks_started;
    if (options.threads > 1) {
      analysis = std::thread([this, set] {
        try {
          analyse_block(set);
        } catch (...) {
          analysis_error = std::current_exception();
        }
      });
    } else {
      analyse_block(set);
    }
  }
  // Every block but the one being analysed is committed, in order.
  while (blocks_committed + 1 < blocks_started) commit_block(blocks_committed++ % 2);
  if (flush) {
    join_analysis();
    while (blocks_committed < blocks_started) commit_block(blocks_committed++ % 2);
  }
}

void Extractor::Impl::join_analysis() {
  if (analysis.joinable()) analysis.join();
  if (analysis_error) std::rethrow_exception(std::exchange(analysis_error, nullptr));
}

void Extractor::Impl::analyse_block(std::size_t set) {
  // Analysis and candidates on every thread, each with its own interners, chunk by chunk
  // as the threads come free; the strings each met first are noted for the commit.
  Block& b = flight[set];
  const std::size_t chunks = (b.units.size() + analysis_chunk - 1) / analysis_chunk;
  b.chunk_thread.assign(chunks, 0);
  b.chunk_first.assign(chunks, 0);
  std::atomic<std::size_t> next_chunk{0};
  run_on_threads(b.threads, [&](std::size_t t) {
    Counter& c = counters[t];
    LocalBlock& lb = c.block[set];
    lb.ko_cands.clear();
    lb.en_cands.clear();
    lb.glosses.clear();
    lb.units.clear();
    const std::size_t ko0 = c.ko.size(), surface0 = c.surface.size(), en0 = c.en.size();
    for (std::size_t k; (k = next_chunk.fetch_add(1)) < chunks;) {
      b.chunk_thread[k] = static_cast<std::uint32_t>(t);
      b.chunk_first[k] = static_cast<std::uint32_t>(lb.units.size());
      const std::size_t first = k * analysis_chunk;
      for (std::size_t i = first; i < std::min(b.units.size(), first + analysis_chunk); ++i)
        prepare_unit(c, lb, b.units[i]);
    }
    auto fresh = [](const Interner& in, std::size_t from, std::vector<std::string_view>& out) {
      out.clear();
      for (std::size_t id = from; id < in.size(); ++id) out.push_back(in.str(static_cast<std::uint32_t>(id)));
    };
    fresh(c.ko, ko0, lb.new_ko);
    fresh(c.surface, surface0, lb.new_surface);
    fresh(c.en, en0, lb.new_en);
  });
}

void Extractor::Impl::commit_block(std::size_t set) {
  // The counting in unit order on this thread: local ids become shared ones. The block
  // then goes to the spill.
  Block& b = flight[set];
  for (std::size_t t = 0; t < b.threads; ++t) {
    Counter& c = counters[t];
    const LocalBlock& lb = c.block[set];
    c.ko_views.insert(c.ko_views.end(), lb.new_ko.begin(), lb.new_ko.end());
    c.surface_views.insert(c.surface_views.end(), lb.new_surface.begin(), lb.new_surface.end());
    c.en_views.insert(c.en_views.end(), lb.new_en.begin(), lb.new_en.end());
  }
  for (std::size_t i = 0; i < b.units.size(); ++i) {
    const std::size_t k = i / analysis_chunk;
    Counter& c = counters[b.chunk_thread[k]];
    const LocalBlock& lb = c.block[set];
    commit_unit(c, lb, lb.units[b.chunk_first[k] + i % analysis_chunk], b.units[i]);
  }
  spill_block(b);
}

void Extractor::Impl::spill_block(Block& b) {
  std::string frame(sizeof(std::uint64_t), '\0');
  put_raw(frame.data(), static_cast<std::uint64_t>(b.units.size()));
  for (const UnitRec& u : b.units) {
    FrameUnitHead h;
    h.doc = u.doc;
    h.ko_line = u.ko_line;
    h.en_line = u.en_line;
    h.ko_cands = u.ko_end - u.ko_begin;
    h.en_cands = u.en_end - u.en_begin;
    h.glosses = u.gloss_end - u.gloss_begin;
    h.ko_bytes = static_cast<std::uint32_t>(u.ko.size());
    h.en_bytes = static_cast<std::uint32_t>(u.en.size());
    h.zone = static_cast<std::uint32_t>(u.zone);
    const std::size_t at = frame.size();
    frame.resize(at + sizeof h + unit_bytes(h));
    char* out = put_raw(frame.data() + at, h);
    for (std::uint32_t i = u.ko_begin; i < u.ko_end; ++i) out = put_cand(out, ko_cands[i]);
    for (std::uint32_t j = u.en_begin; j < u.en_end; ++j) out = put_cand(out, en_cands[j]);
    for (std::uint32_t g = u.gloss_begin; g < u.gloss_end; ++g) out = put_raw(out, unit_glosses[g]);
    std::memcpy(out, u.ko.data(), u.ko.size());
    std::memcpy(out + u.ko.size(), u.en.data(), u.en.size());
  }
  b.units.clear();
  b.text.clear();
  ko_cands.clear();
  en_cands.clear();
  unit_glosses.clear();
  spill.put(std::move(frame));
}

void Extractor::Impl::read_frame(std::string_view frame) {
  units.clear();
  ko_cands.clear();
  en_cands.clear();
  unit_glosses.clear();
  auto cut_short = [] { return InternalError("extract: a frame of units is cut short"); };
  if (frame.size() < sizeof(std::uint64_t)) throw cut_short();
  const char* in = frame.data();
  const char* const end = frame.data() + frame.size();
  std::uint64_t n = 0;
  in = get_raw(in, n);
  for (std::uint64_t k = 0; k < n; ++k) {
    FrameUnitHead h;
    if (static_cast<std::size_t>(end - in) < sizeof h) throw cut_short();
    in = get_raw(in, h);
    if (static_cast<std::size_t>(end - in) < unit_bytes(h)) throw cut_short();
    UnitRec u;
    u.doc = h.doc;
    u.ko_line = h.ko_line;
    u.en_line = h.en_line;
    u.zone = static_cast<UnitZone>(h.zone);
    u.ko_begin = static_cast<std::uint32_t>(ko_cands.size());
    ko_cands.resize(ko_cands.size() + h.ko_cands);
    for (std::uint32_t i = u.ko_begin; i < ko_cands.size(); ++i) in = get_cand(in, ko_cands[i]);
    u.ko_end = static_cast<std::uint32_t>(ko_cands.size());
    u.en_begin = static_cast<std::uint32_t>(en_cands.size());
    en_cands.resize(en_cands.size() + h.en_cands);
    for (std::uint32_t j = u.en_begin; j < en_cands.size(); ++j) in = get_cand(in, en_cands[j]);
    u.en_end = static_cast<std::uint32_t>(en_cands.size());
    u.gloss_begin = static_cast<std::uint32_t>(unit_glosses.size());
    unit_glosses.resize(unit_glosses.size() + h.glosses);
    for (std::uint32_t g = u.gloss_begin; g < unit_glosses.size(); ++g) in = get_raw(in, unit_glosses[g]);
    u.gloss_end = static_cast<std::uint32_t>(unit_glosses.size());
    u.ko = std::string_view(in, h.ko_bytes);
    u.en = std::string_view(in + h.ko_bytes, h.en_bytes);
    in += h.ko_bytes + h.en_bytes;
    units.push_back(u);
  }
}

float Extractor::Impl::evidence_in(FlatMap64<float>& cache, std::uint32_t k, std::uint32_t e) const {
  std::uint64_t key = pair_key(k, e);
  if (const float* v = cache.find(key)) return *v;
  const std::uint32_t* gloss = stats.gloss_count.find(key);
  float v = static_cast<float>(evidence.score(stats.ko.str(k), stats.en.str(e),
                                              gloss != nullptr && *gloss > 0, gloss_of(k)));
  // 김 대표 = Kim: the surname alone is how English refers to the person again.
  if (auto it = surname_of_ko.find(k); it != surname_of_ko.end() && names::spells_surname(it->second, stats.en.str(e)))
    v = std::max(v, 0.9f);
  cache[key] = v;
  return v;
}

bool Extractor::Impl::worth_evidence(std::uint32_t k, std::uint32_t e, const Cand& b) const {
  // Evidence is looked at only where it can exist (the same test as
  // Evidence::worth_checking, on figures computed once per term).
  if (ko_always_check[k] != 0) return true;
  if ((b.flags & cand_capitalized) == 0 || ko_syllables[k] == 0) return false;
  const std::size_t syl = ko_syllables[k];
  return en_words[e] <= 5 && en_letters[e] + 1 >= syl && en_letters[e] <= 5 * syl + 2;
}

float Extractor::Impl::pair_score(Worker& wk, std::uint32_t k, std::uint32_t e, const Cand& a,
                                  const Cand& b, bool* spelled) const {
  const std::uint32_t ck = stats.ko_count[k];
  const std::uint32_t ce = stats.en_count[e];
  const float ev = worth_evidence(k, e, b) ? evidence_in(wk.evidence_cache, k, e) : 0.0f;
  float local = 0;
  // Upper bound of Dice without looking the pair up.
  float bound = 2.0f * static_cast<float>(std::min(ck, ce)) / static_cast<float>(ck + ce);
  // A pair seen once scores nothing by association (below), so a term seen once is not looked up.
  if (bound >= static_cast<float>(options.min_link_score) && std::min(ck, ce) >= 2) {
    const std::uint32_t* c = stats.pair_count.find(pair_key(k, e));
    if (c != nullptr) {
      float cf = static_cast<float>(*c);
      float dice = 2.0f * cf / static_cast<float>(ck + ce);
      float prior = 1.0f;
      // Syllable-length prior: n Hangul syllables are usually about n/2 English words. A
      // name or loanword spelt out (콘돌리자 라이스 = Condoleezza Rice) takes more syllables
      // per word, and its spelling is the better guide.
      if ((a.flags & cand_latin) == 0 && ev < 0.6f) {
        double expected = std::max(1.0, static_cast<double>(ko_chars[k]) / 2.0);
        double r = std::fabs(std::log(std::max(1.0, static_cast<double>(en_content[e])) / expected));
        prior = static_cast<float>(std::exp(-0.6 * r));
      }
      // One co-occurrence proves nothing by itself: such pairs are left to the residual
      // links after the competition.
      local = cf >= 2.0f ? dice * (cf / (cf + 0.5f)) * prior : 0.0f;
      // A rendering the news lexicon knows wins a tie of association (오전 = morning, not
      // "talks" or "Seoul", which came with it as often in one article).
      if (local > 0.0f && ko_lexicon[k] != 0) {
        const std::uint64_t key = pair_key(k, e);
        const float* hit = wk.lexicon_cache.find(key);
        const float h = hit != nullptr ? *hit
                                       : (wk.lexicon_cache[key] = evidence.lexicon_renders(stats.ko.str(k), stats.en.str(e)) ? 1.0f : 0.0f);
        if (h > 0.0f) local = std::min(0.99f, local * 1.15f);
      }
    }
  }
  // The term's usual acronym spelt another way ("US" where it is usually "U.S.").
  if (local < 0.8f && ev < 0.8f && (b.flags & cand_acronym) && best_en_of_ko[k] != Interner::none &&
      best_en_of_ko[k] != e) {
    const std::uint32_t best = best_en_of_ko[k];
    if (en_letters_id[e] != 0 && en_letters_id[best] == en_letters_id[e]) {
      const std::uint32_t* cb = stats.pair_count.find(pair_key(k, best));
      if (cb != nullptr && *cb >= 2) local = 0.8f;
    }
  }
  if (spelled != nullptr) *spelled = ev > local;
  return std::max(local, ev);
}

void Extractor::Impl::apply_links(const UnitRec& u, std::uint64_t ordinal, const LinkRec* begin,
                                  const LinkRec* end, std::vector<std::uint32_t>& last_doc) {
  for (const LinkRec* r = begin; r != end; ++r) {
    LinkInfo& li = stats.link[pair_key(r->k, r->e)];
    ++li.links;
    if (u.zone == UnitZone::body) ++li.body_links;
    li.zones = static_cast<std::uint8_t>(li.zones | (1u << static_cast<unsigned>(u.zone)));
    if (last_doc[r->k] != u.doc + 1) {
      ++li.first_mentions;
      last_doc[r->k] = u.doc + 1;
    }
    if (ordinal < li.example_unit) {
      li.example_unit = ordinal;
      if (examples.find(ordinal) == examples.end())
        examples.emplace(ordinal, ExampleText{std::string(u.ko), std::string(u.en), u.doc, u.ko_line});
    }
    li.best_score = std::max(li.best_score, r->score);
  }
}

void Extractor::Impl::link_unit(const UnitRec& u, std::uint64_t ordinal, Worker& wk) const {
  std::vector<ScoredPair>& pairs = wk.pairs;
  std::vector<std::uint8_t>& ko_taken = wk.ko_taken;
  std::vector<std::uint8_t>& en_taken = wk.en_taken;
  pairs.clear();
  wk.linked.clear();
  const float min_link = static_cast<float>(options.min_link_score);
  auto record = [&](std::uint32_t k, std::uint32_t e, float score) { wk.links.push_back({k, e, score}); };
  // A gloss is the writer's own translation: linked without competing for English words.
  for (std::uint32_t g = u.gloss_begin; g < u.gloss_end; ++g)
    record(pair_ko(unit_glosses[g]), pair_en(unit_glosses[g]), 1.0f);
  for (std::uint32_t i = u.ko_begin; i < u.ko_end; ++i) {
    const Cand& a = ko_cands[i];
    if ((a.flags & cand_latin) != 0) {
      // Only a maximal Latin run of the Korean text is a term ("Civil Aviation Safety
      // Authority", not also "Civil" and "Civil Aviation").
      bool inside = false;
      for (std::uint32_t i2 = u.ko_begin; i2 < u.ko_end && !inside; ++i2) {
        const Cand& a2 = ko_cands[i2];
        inside = i2 != i && (a2.flags & cand_latin) && a2.word_begin <= a.word_begin &&
                 a.word_end <= a2.word_end && a2.word_end - a2.word_begin > a.word_end - a.word_begin;
      }
      if (inside) continue;
      for (std::uint32_t j = u.en_begin; j < u.en_end; ++j) {
        const Cand& b = en_cands[j];
        // Latin in the Korean text is resolved by identity or expansion (FDA = FDA, FDA =
        // Food and Drug Administration), beside the competition of the Hangul terms.
        if (evidence_in(wk.evidence_cache, a.id, b.id) < 0.9f) continue;
        // Only the longest English match: "Centers for Disease Control and Prevention",
        // not also "Centers for Disease Control" inside it.
        bool inside_longer = false;
        for (std::uint32_t j2 = u.en_begin; j2 < u.en_end && !inside_longer; ++j2) {
          const Cand& b2 = en_cands[j2];
          if (j2 == j || b2.word_begin > b.word_begin || b2.word_end < b.word_end ||
              b2.word_end - b2.word_begin == b.word_end - b.word_begin)
            continue;
          inside_longer = evidence_in(wk.evidence_cache, a.id, b2.id) >= 0.9f;
        }
        if (!inside_longer) record(a.id, b.id, 1.0f);
      }
      continue;
    }
  }
  // The other pairs compete. Their counts lie scattered over a large table, so the slot of
  // the pair a few places ahead is fetched while this one is scored (a hint to the
  // processor: it changes no result; bench/terms_bench.cc pair_count_lookups).
  wk.todo.clear();
  for (std::uint32_t i = u.ko_begin; i < u.ko_end; ++i)
    if ((ko_cands[i].flags & cand_latin) == 0)
      for (std::uint32_t j = u.en_begin; j < u.en_end; ++j) wk.todo.emplace_back(i, j);
  constexpr std::size_t ahead = 8;
  auto fetch = [&](std::size_t n) {
    const auto [i, j] = wk.todo[n];
    const std::uint32_t k = ko_cands[i].id, e = en_cands[j].id;
    if (std::min(stats.ko_count[k], stats.en_count[e]) >= 2) stats.pair_count.prefetch(pair_key(k, e));
  };
  for (std::size_t n = 0; n < std::min(ahead, wk.todo.size()); ++n) fetch(n);
  for (std::size_t n = 0; n < wk.todo.size(); ++n) {
    if (n + ahead < wk.todo.size()) fetch(n + ahead);
    const auto [i, j] = wk.todo[n];
    const Cand& a = ko_cands[i];
    const Cand& b = en_cands[j];
    bool spelled = false;
    float s = pair_score(wk, a.id, b.id, a, b, &spelled);
    if (s >= min_link)
      pairs.push_back({s, i, j, spelled, false, -1.0f, {a.word_begin, a.word_end, b.word_begin, b.word_end}});
  }
  // Linking runs twice when the first round leaves pairs beside a link on both sides:
  // a title next to a linked name (오바마 상원의원 ~ Sen. Barack Obama) is then preferred to
  // a word that merely travels with the name everywhere (민주당).
  const std::size_t links_mark = wk.links.size();
  const std::size_t notes_mark = wk.notes.size();
  for (int link_round = 0; link_round < 2; ++link_round) {
    wk.links.resize(links_mark);
    wk.notes.resize(notes_mark);
    wk.linked.clear();
    if (link_round == 0) {
      std::sort(pairs.begin(), pairs.end(), ranks_before);
    } else {
      // Only the boosted pairs moved (up): they are sorted apart and merged back.
      wk.moved.clear();
      std::size_t kept = 0;
      for (const ScoredPair& q : pairs) {
        if (q.boosted) wk.moved.push_back(q);
        else pairs[kept++] = q;
      }
      pairs.resize(kept);
      std::sort(wk.moved.begin(), wk.moved.end(), ranks_before);
      wk.merged.resize(pairs.size() + wk.moved.size());
      std::merge(pairs.begin(), pairs.end(), wk.moved.begin(), wk.moved.end(), wk.merged.begin(), ranks_before);
      pairs.swap(wk.merged);
    }
    std::size_t ko_words_n = 0, en_words_n = 0;
    for (std::uint32_t i = u.ko_begin; i < u.ko_end; ++i)
      ko_words_n = std::max<std::size_t>(ko_words_n, ko_cands[i].word_end);
    for (std::uint32_t j = u.en_begin; j < u.en_end; ++j)
      en_words_n = std::max<std::size_t>(en_words_n, en_cands[j].word_end);
    ko_taken.assign(ko_words_n, 0);
    en_taken.assign(en_words_n, 0);
    wk.spans.clear();
    for (const ScoredPair& q : pairs) wk.spans.push_back(q.span);
    // Only pairs whose candidates hold p's on both sides can grow p: they are found through
    // the candidates that hold each candidate, then visited in the order of `pairs`.
    const std::size_t n_ko = u.ko_end - u.ko_begin, n_en = u.en_end - u.en_begin;
    auto within = [](const std::vector<Cand>& cands, std::uint32_t begin, std::uint32_t end,
                     std::vector<std::uint32_t>& list, std::vector<std::uint32_t>& at) {
      list.clear();
      at.clear();
      for (std::uint32_t i = begin; i < end; ++i) {
        at.push_back(static_cast<std::uint32_t>(list.size()));
        for (std::uint32_t i2 = begin; i2 < end; ++i2)
          if (cands[i2].word_begin <= cands[i].word_begin && cands[i].word_end <= cands[i2].word_end)
            list.push_back(i2 - begin);
      }
      at.push_back(static_cast<std::uint32_t>(list.size()));
    };
    if (link_round == 0) {
      within(ko_cands, u.ko_begin, u.ko_end, wk.ko_within, wk.ko_within_at);
      within(en_cands, u.en_begin, u.en_end, wk.en_within, wk.en_within_at);
    }
    wk.pair_of.assign(n_ko * n_en, -1);
    for (std::size_t qi = 0; qi < pairs.size(); ++qi)
      wk.pair_of[(pairs[qi].a - u.ko_begin) * n_en + (pairs[qi].b - u.en_begin)] = static_cast<std::int32_t>(qi);
    auto is_free_at = [&](std::size_t i) {
      const PairSpan& sp = wk.spans[i];
      for (std::size_t w = sp.ko_begin; w < sp.ko_end; ++w)
        if (ko_taken[w]) return false;
      for (std::size_t w = sp.en_begin; w < sp.en_end; ++w)
        if (en_taken[w]) return false;
      return true;
    };
    // The co-occurrence count of pairs[i], looked up once per unit.
    auto count_of = [&](std::size_t i) -> float {
      ScoredPair& q = pairs[i];
      if (q.count < 0) {
        const std::uint32_t* c = stats.pair_count.find(pair_key(ko_cands[q.a].id, en_cands[q.b].id));
        q.count = c ? static_cast<float>(*c) : 0.0f;
      }
      return q.count;
    };
    // The Korean words a grown pair adds belong to a name spelt out elsewhere in the English
    // (무아메르 굴러 = Muammer Guler): 이스탄불 = Istanbul does not grow into 굴러 이스탄불.
    auto claimed_by_name = [&](const Cand& qa, const Cand& qb, const Cand& a) {
      for (const ScoredPair& r : pairs) {
        if (!r.spelled || r.score < 0.8f) continue;
        const Cand& ra = ko_cands[r.a];
        const Cand& rb = en_cands[r.b];
        const bool on_extra = (ra.word_begin < a.word_begin && ra.word_end > qa.word_begin) ||
                              (ra.word_end > a.word_end && ra.word_begin < qa.word_end);
        const bool outside = rb.word_end <= qb.word_begin || rb.word_begin >= qb.word_end;
        if (on_extra && outside) return true;
      }
      return false;
    };
    for (std::size_t pi = 0; pi < pairs.size(); ++pi) {
      if (!is_free_at(pi)) continue;
      // Competitive linking would take `p`; a pair that contains it on one or both sides
      // wins instead when it is a real unit of its own:
      //  - English grown ("Barack Obama" for "Obama", "Special Representative for North
      //    Korea" for "North Korea"): the longer pair co-occurs often enough, or the shorter
      //    English belongs to another Korean term;
      //  - Korean grown only (버락 오바마 for 오바마 with the same English): nearly every
      //    occurrence of the shorter term is inside the longer one;
      //  - both grown: the longer pair co-occurs often enough.
      ScoredPair p = pairs[pi];
      std::size_t p_index = pi;
      for (int round = 0; round < 3; ++round) {
        const Cand& a = ko_cands[p.a];
        const Cand& b = en_cands[p.b];
        const float c_ab = count_of(p_index);
        std::size_t best = pairs.size();
        wk.grown.clear();
        const std::uint32_t pa = p.a - u.ko_begin, pb = p.b - u.en_begin;
        for (std::uint32_t x = wk.ko_within_at[pa]; x < wk.ko_within_at[pa + 1]; ++x)
          for (std::uint32_t y = wk.en_within_at[pb]; y < wk.en_within_at[pb + 1]; ++y) {
            const std::int32_t q = wk.pair_of[wk.ko_within[x] * n_en + wk.en_within[y]];
            if (q >= 0 && pairs[static_cast<std::size_t>(q)].score >= 0.25f * p.score)
              wk.grown.push_back(static_cast<std::uint32_t>(q));
          }
        std::sort(wk.grown.begin(), wk.grown.end());
        for (const std::uint32_t qi : wk.grown) {
          const PairSpan& qs = wk.spans[qi];
          bool ko_same = qs.ko_begin == a.word_begin && qs.ko_end == a.word_end;
          bool en_same = qs.en_begin == b.word_begin && qs.en_end == b.word_end;
          bool ko_grown = !ko_same && qs.ko_begin <= a.word_begin && a.word_end <= qs.ko_end;
          bool en_grown = !en_same && qs.en_begin <= b.word_begin && b.word_end <= qs.en_end;
          if (!(ko_grown || ko_same) || !(en_grown || en_same) || (ko_same && en_same)) continue;
          if (!is_free_at(qi)) continue;
          const ScoredPair& q = pairs[qi];
          const Cand& qa = ko_cands[q.a];
          const Cand& qb = en_cands[q.b];
          const float c_q = count_of(qi);
          bool wins = false;
          // One co-occurrence proves nothing, unless the longer pair has evidence of its own
          // (자페르 카라코크 = Zafer Karakoc over 카라코크 = Karakoc).
          // A spelt-out name grown on both sides by its spelling (니콜라 사르코지 = Nicolas
          // Sarkozy from 사르코지 = Sarkozy) keeps it even when the given name spells worse.
          const bool q_evidence = q.score >= 0.6f && (q.score >= 0.9f * p.score ||
                                                      (q.spelled && p.spelled && ko_grown && en_grown));
          if (c_q < 2.0f && !(en_grown && ko_same) && !q_evidence) continue;
          if (en_grown && ko_same) {
            // "North Korea" over "North", "wind power" over "wind": the longer phrase is
            // seen with the Korean term more than once and scores not far below.
            wins = ((c_q >= 2.0f && q.score >= 0.35f * p.score) || best_ko_of_en[b.id] != a.id) &&
                   !explained_elsewhere(u, qa, qb, b, wk);
          } else if (ko_grown && en_same) {
            // A longer Korean phrase for the same English (성 김 대표 for Sung Kim) wins only on
            // its own score, in the plain competition.
            wins = false;
          } else {
            const float ck = static_cast<float>(stats.ko_count[qa.id]);
            const float ce = static_cast<float>(stats.en_count[qb.id]);
            wins = (c_q >= std::max(2.0f, 0.5f * c_ab) || c_q >= 0.5f * std::min(ck, ce) || q_evidence) &&
                   !explained_elsewhere(u, qa, qb, b, wk);
          }
          if (wins && ko_grown && claimed_by_name(qa, qb, a)) wins = false;
          if (wins && (best == pairs.size() || q.score > pairs[best].score)) best = qi;
        }
        if (best == pairs.size()) break;
        p = pairs[best];
        p_index = best;
      }
      // A title whose Korean carries the body it belongs to, when another pair of the unit
      // renders that body elsewhere in the English (외교부 = "Ministry of Foreign Affairs"
      // beside 외교부 한반도평화교섭본부장 = "Director General for ..."): the title is the rest.
      for (std::size_t qi = 0; qi < pairs.size(); ++qi) {
        const ScoredPair& q = pairs[qi];
        const Cand& pa = ko_cands[p.a];
        const Cand& qa = ko_cands[q.a];
        if (q.b != p.b || q.a == p.a || !is_free_at(qi) || q.score < 0.5f * p.score || ko_title[qa.id] == 0) continue;
        if (qa.word_begin < pa.word_begin || qa.word_end > pa.word_end) continue;
        if (qa.word_begin != pa.word_begin && qa.word_end != pa.word_end) continue;
        const std::size_t xb = qa.word_begin == pa.word_begin ? qa.word_end : pa.word_begin;
        const std::size_t xe = qa.word_begin == pa.word_begin ? pa.word_end : qa.word_begin;
        const Cand& pb = en_cands[p.b];
        bool rendered = false;
        for (std::size_t ri = 0; ri < pairs.size(); ++ri) {
          const ScoredPair& r = pairs[ri];
          const Cand& ra = ko_cands[r.a];
          const Cand& rb = en_cands[r.b];
          if (ra.word_begin != xb || ra.word_end != xe || r.score < 0.5f || !is_free_at(ri) || en_content[rb.id] < 2)
            continue;
          if (rb.word_end <= pb.word_begin || rb.word_begin >= pb.word_end) rendered = true;
        }
        if (rendered) {
          p = q;
          p_index = qi;
          break;
        }
      }
      const Cand& a = ko_cands[p.a];
      const Cand& b = en_cands[p.b];
      for (std::size_t w = a.word_begin; w < a.word_end; ++w) ko_taken[w] = 1;
      for (std::size_t w = b.word_begin; w < b.word_end; ++w) en_taken[w] = 1;
      record(a.id, b.id, p.score);
      wk.linked.push_back(plain_pair(p.score, p.a, p.b, p.spelled));
      // A whole name linked by its spelling counts its parts too, as composition does
      // (크리스티아누 호날두 = Cristiano Ronaldo, and 호날두 = Ronaldo), best parts first.
      if (p.spelled && p_index != pi) {
        std::uint64_t ko_used = 0, en_used = 0;
        for (const ScoredPair& r : pairs) {
          const Cand& ra = ko_cands[r.a];
          const Cand& rb = en_cands[r.b];
          // Only a part that is also used alone (호날두, not the given name 시게오).
          if (r.score < (r.spelled ? 0.6f : 0.3f) || stats.ko_count[ra.id] <= stats.ko_count[a.id]) continue;
          if (ra.word_begin < a.word_begin || ra.word_end > a.word_end || rb.word_begin < b.word_begin ||
              rb.word_end > b.word_end)
            continue;
          if (ra.word_end - ra.word_begin == a.word_end - a.word_begin ||
              rb.word_end - rb.word_begin == b.word_end - b.word_begin || ra.word_end > 64 || rb.word_end > 64)
            continue;
          const std::uint64_t km = ((std::uint64_t{1} << (ra.word_end - ra.word_begin)) - 1) << ra.word_begin;
          const std::uint64_t em = ((std::uint64_t{1} << (rb.word_end - rb.word_begin)) - 1) << rb.word_begin;
          if ((ko_used & km) || (en_used & em)) continue;
          ko_used |= km;
          en_used |= em;
          record(ra.id, rb.id, r.score);
        }
      }
      if (wk.tracing) {
        wk.note(std::to_string(ordinal + 1) + "\t" + std::string(stats.ko.str(a.id)) + "\t" +
              std::string(stats.en.str(b.id)) + "\t" + std::to_string(p.score) + "\t(first choice " +
              std::string(stats.ko.str(ko_cands[pairs[pi].a].id)) + " = " +
              std::string(stats.en.str(en_cands[pairs[pi].b].id)) + ")");
      }
    }
    if (link_round == 1 || wk.linked.empty()) break;
    bool boosted = false;
    for (ScoredPair& q : pairs) {
      const Cand& qa = ko_cands[q.a];
      const Cand& qb = en_cands[q.b];
      // Only beside a link that is sure of itself: a weak 대통령 = leader vouches for nothing.
      for (const ScoredPair& l : wk.linked) {
        const Cand& la = ko_cands[l.a];
        const Cand& lb = en_cands[l.b];
        if (l.a == q.a || l.b == q.b || l.score < 0.5f) continue;
        const bool ko_next = qa.word_end == la.word_begin || qa.word_begin == la.word_end;
        const bool en_next = qb.word_end == lb.word_begin || qb.word_begin == lb.word_end;
        if (ko_next && en_next && q.score < 0.99f) {
          q.score = std::min(0.99f, q.score * 1.5f);
          q.boosted = true;
          boosted = true;
          break;
        }
      }
    }
    if (!boosted) break;
  }
  link_variants(u, wk);
  link_titles(u, wk);
  compose_links(u, wk);
  link_residuals(u, wk);
  // Residual links compose too: 유엔 = UN (letter names) beside the residual 안전보장이사회 =
  // "Security Council" make 유엔 안전보장이사회 = "UN Security Council".
  compose_links(u, wk);
}

void Extractor::Impl::compose_links(const UnitRec& u, Worker& wk) const {
  // Two links side by side on both sides are parts of one term when a candidate spans each
  // union: 크리스티아누 = Cristiano and 호날두 = Ronaldo give 크리스티아누 호날두 = Cristiano
  // Ronaldo, a pair seen once that association alone never links. The union is linked
  // beside its parts.
  std::vector<ScoredPair>& linked = wk.linked;
  auto find_cand = [](const std::vector<Cand>& cands, std::uint32_t begin, std::uint32_t end,
                      std::uint16_t wb, std::uint16_t we, bool ko) {
    for (std::uint32_t i = begin; i < end; ++i)
      if (cands[i].word_begin == wb && cands[i].word_end == we && (!ko || !(cands[i].flags & cand_latin)))
        return i;
    return end;
  };
  for (std::size_t x = 0; x < linked.size() && linked.size() < 64; ++x) {
    for (std::size_t y = 0; y < linked.size() && linked.size() < 64; ++y) {
      if (x == y) continue;
      const Cand& a1 = ko_cands[linked[x].a];
      const Cand& a2 = ko_cands[linked[y].a];
      if (a1.word_end != a2.word_begin) continue;
      const Cand& b1 = en_cands[linked[x].b];
      const Cand& b2 = en_cands[linked[y].b];
      std::uint16_t eb, ee;
      if (b1.word_end == b2.word_begin) {
        eb = b1.word_begin;
        ee = b2.word_end;
      } else if (b2.word_end == b1.word_begin) {
        eb = b2.word_begin;
        ee = b1.word_end;
      } else {
        continue;
      }
      const std::uint32_t ka = find_cand(ko_cands, u.ko_begin, u.ko_end, a1.word_begin, a2.word_end, true);
      const std::uint32_t eb_i = find_cand(en_cands, u.en_begin, u.en_end, eb, ee, false);
      if (ka == u.ko_end || eb_i == u.en_end) continue;
      bool known = false;
      for (const ScoredPair& l : linked) known = known || (l.a == ka && l.b == eb_i);
      if (known) continue;
      // Scored as the mean of its parts: a part spelt out (유엔 = UN) vouches for the other.
      const float score = 0.5f * (linked[x].score + linked[y].score);
      wk.links.push_back({ko_cands[ka].id, en_cands[eb_i].id, score});
      linked.push_back(plain_pair(score, ka, eb_i));
      if (wk.tracing)
        wk.note("composed\t" + std::string(stats.ko.str(ko_cands[ka].id)) + "\t" +
                std::string(stats.en.str(en_cands[eb_i].id)) + "\t" + std::to_string(score));
    }
  }
}

// The content words of an English term, lower case, hyphenated words split, a plural "s"
// dropped: "End-of-War Declaration" -> end, war, declaration.
const std::vector<std::string>& Extractor::Impl::content_of(Worker& wk, std::uint32_t e) const {
  auto [it, fresh] = wk.content_cache.try_emplace(e);
  if (!fresh) return it->second;
  const EnglishTables& tables = EnglishTables::get();
  std::string_view s = stats.en.str(e);
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '-') ++j;
    std::string w;
    for (std::size_t x = i; x < j; ++x) {
      char c = s[x];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != '.' && c != ',' && c != '\'') w += c;
    }
    if (w.size() > 3 && w.back() == 's') w.pop_back();
    if (!w.empty() && !tables.is_connector(w) && !tables.is_function_word(w)) it->second.push_back(std::move(w));
    i = j + 1;
  }
  return it->second;
}

// Variants by likeness: a Korean term whose usual rendering (its best English over the whole
// input, seen with it twice or more) is not in this unit takes the free English phrase that
// shares most content words with that rendering: the headline's "North Korea Nuclear
// Envoy" for 대북특별대표 (usually "Special Representative for North Korea"), "End-of-War
// Declaration" beside "declaration of the end of the war". A part of the phrase the
// competition linked to the term ("North Korea") gives way to the whole.
void Extractor::Impl::link_variants(const UnitRec& u, Worker& wk) const {
  std::vector<std::uint8_t>& en_taken = wk.en_taken;
  for (std::uint32_t i = u.ko_begin; i < u.ko_end; ++i) {
    const Cand& a = ko_cands[i];
    if ((a.flags & cand_latin) || ko_syllables[a.id] < 3) continue;
    const std::uint32_t usual = usual_en_of_ko[a.id];
    if (usual == Interner::none) continue;
    // This unit's own link of the term, if any; none other may hold its Korean words.
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t own = none;
    bool ko_elsewhere = false;
    for (std::size_t li = 0; li < wk.linked.size(); ++li) {
      const Cand& la = ko_cands[wk.linked[li].a];
      if (la.word_begin == a.word_begin && la.word_end == a.word_end) own = li;
      else if (la.word_begin < a.word_end && a.word_begin < la.word_end) ko_elsewhere = true;
    }
    if (ko_elsewhere) continue;
    if (own != none && (en_cands[wk.linked[own].b].id == usual || wk.linked[own].spelled)) continue;
    const std::vector<std::string>& want = content_of(wk, usual);
    auto score_of = [&](std::size_t shared) {
      return std::min(0.9f, 0.5f + 0.4f * static_cast<float>(shared) /
                                     static_cast<float>(std::max<std::size_t>(want.size(), 1)));
    };
    // Free: its words are untaken, or taken by the term's own link, or by a weaker link
    // that association alone made (비공개 = "Peace" gives way to "Director of Peace
    // Negotiations Headquarters").
    auto free = [&](const Cand& b, float limit) {
      for (std::size_t w = b.word_begin; w < b.word_end; ++w) {
        if (w >= en_taken.size() || !en_taken[w]) continue;
        bool ok = false, held = false;
        for (std::size_t li = 0; li < wk.linked.size() && !held; ++li) {
          const Cand& lb = en_cands[wk.linked[li].b];
          if (w < lb.word_begin || w >= lb.word_end) continue;
          held = true;
          ok = li == own || (wk.linked[li].score < limit && !wk.linked[li].spelled);
        }
        if (!ok) return false;
      }
      return true;
    };
    // The usual rendering itself, where the competition took a part of it or more than it
    // ("North", "U.S. Special Representative for North Korea").
    std::uint32_t best = u.en_end;
    std::size_t best_shared = 0;
    bool usual_here = false;
    for (std::uint32_t j = u.en_begin; j < u.en_end; ++j) {
      if (en_cands[j].id != usual) continue;
      usual_here = true;
      if (best == u.en_end && free(en_cands[j], 0.0f)) best = j;
    }
    if (usual_here && best == u.en_end) continue;
    if (best != u.en_end) best_shared = want.size();
    for (std::uint32_t j = u.en_begin; j < u.en_end && !usual_here; ++j) {
      const Cand& b = en_cands[j];
      if (!(b.flags & cand_capitalized) && !(b.flags & cand_lower)) continue;
      const std::vector<std::string>& have = content_of(wk, b.id);
      std::size_t shared = 0;
      for (const std::string& w : have)
        shared += std::find(want.begin(), want.end(), w) != want.end() ? 1 : 0;
      // Most of the phrase must be the rendering's words, and two of them at least.
      if (shared < 2 || 2 * shared < have.size()) continue;
      if (!free(b, score_of(shared))) continue;
      const Cand* cur = best == u.en_end ? nullptr : &en_cands[best];
      if (cur == nullptr || shared > best_shared ||
          (shared == best_shared && b.word_end - b.word_begin > cur->word_end - cur->word_begin)) {
        best = j;
        best_shared = shared;
      }
    }
    if (best == u.en_end) continue;
    const Cand& b = en_cands[best];
    const float score = score_of(best_shared);
    // Links that give way: the term's own, and weaker ones holding words of the phrase.
    for (std::size_t li = wk.linked.size(); li-- > 0;) {
      const ScoredPair& l = wk.linked[li];
      const Cand& la = ko_cands[l.a];
      const Cand& lb = en_cands[l.b];
      const bool overlaps = lb.word_begin < b.word_end && b.word_begin < lb.word_end;
      if (li == own || !overlaps) continue;
      wk.drop_link(la.id, lb.id);
      for (std::size_t w = la.word_begin; w < la.word_end && w < wk.ko_taken.size(); ++w) wk.ko_taken[w] = 0;
      for (std::size_t w = lb.word_begin; w < lb.word_end && w < en_taken.size(); ++w) en_taken[w] = 0;
      wk.linked.erase(wk.linked.begin() + static_cast<std::ptrdiff_t>(li));
      if (own != none && li < own) --own;
    }
    if (own != none) wk.drop_link(a.id, en_cands[wk.linked[own].b].id);
    for (std::size_t w = b.word_begin; w < b.word_end && w < en_taken.size(); ++w) en_taken[w] = 1;
    wk.links.push_back({a.id, b.id, score});
    if (own != none) {
      wk.linked[own].b = best;
      wk.linked[own].score = score;
    } else {
      wk.linked.push_back(plain_pair(score, i, best));
    }
    if (wk.tracing)
      wk.note("variant\t" + std::string(stats.ko.str(a.id)) + "\t" + std::string(stats.en.str(b.id)) + "\t" +
              std::to_string(score) + "\t(usually " + std::string(stats.en.str(usual)) + ")");
  }
}

// A bare Korean title (본부장, 총리) linked to a name beside an English title ("Director
// General Noh" for 노 본부장, where the one-syllable surname 노 is no candidate) is the title's:
// it takes the free English title next to the name instead.
void Extractor::Impl::link_titles(const UnitRec& u, Worker& wk) const {
  // The longest English title that ends where `lb` begins and is free, or held only by a
  // weaker association link than `self` (협의 = "Director General"); u.en_end if none.
  auto title_before = [&](const Cand& lb, const ScoredPair* self) {
    std::uint32_t best = u.en_end;
    for (std::uint32_t j = u.en_begin; j < u.en_end; ++j) {
      const Cand& t = en_cands[j];
      if (!(t.flags & cand_title) || t.word_end != lb.word_begin) continue;
      bool free = true;
      for (std::size_t w = t.word_begin; w < t.word_end && free; ++w) {
        if (w >= wk.en_taken.size() || !wk.en_taken[w]) continue;
        free = false;
        for (const ScoredPair& h : wk.linked) {
          const Cand& hb = en_cands[h.b];
          if (&h != self && h.score > 0.0f && hb.word_begin <= w && w < hb.word_end)
            free = !h.spelled && h.score < 0.5f;
        }
      }
      if (free && (best == u.en_end || t.word_end - t.word_begin > en_cands[best].word_end - en_cands[best].word_begin))
        best = j;
    }
    return best;
  };
  // Takes the English title `t` for `self`: the weaker links on it are dropped (kept in
  // `linked` with no English words of their own, so references into it stay valid: marked
  // by a zero score).
  auto take_title = [&](const Cand& t, const ScoredPair* self) {
    for (ScoredPair& h : wk.linked) {
      const Cand& hb = en_cands[h.b];
      if (&h == self || h.score <= 0.0f || hb.word_end <= t.word_begin || hb.word_begin >= t.word_end) continue;
      wk.drop_link(ko_cands[h.a].id, hb.id);
      for (std::size_t w = ko_cands[h.a].word_begin; w < ko_cands[h.a].word_end && w < wk.ko_taken.size(); ++w)
        wk.ko_taken[w] = 0;
      for (std::size_t w = hb.word_begin; w < hb.word_end && w < wk.en_taken.size(); ++w) wk.en_taken[w] = 0;
      h.score = 0.0f;
    }
    for (std::size_t w = t.word_begin; w < t.word_end && w < wk.en_taken.size(); ++w) wk.en_taken[w] = 1;
  };
  auto note = [&](const char* what, std::uint32_t k, std::uint32_t e, float score) {
    if (wk.tracing)
      wk.note(std::string(what) + "\t" + std::string(stats.ko.str(k)) + "\t" + std::string(stats.en.str(e)) + "\t" +
              std::to_string(score));
  };
  // A bare title linked to the name after its English title (본부장 = Noh in "Director
  // General Noh") takes that title instead.
  for (ScoredPair& l : wk.linked) {
    const Cand& la = ko_cands[l.a];
    const Cand& lb = en_cands[l.b];
    if (ko_title[la.id] != 2 || (lb.flags & cand_title) || l.spelled) continue;
    const std::uint32_t best = title_before(lb, &l);
    if (best == u.en_end) continue;
    wk.drop_link(la.id, lb.id);
    for (std::size_t w = lb.word_begin; w < lb.word_end && w < wk.en_taken.size(); ++w) wk.en_taken[w] = 0;
    const Cand& t = en_cands[best];
    take_title(t, &l);
    l.b = best;
    l.score = std::max(l.score, 0.5f);
    wk.links.push_back({la.id, t.id, l.score});
    note("title", la.id, t.id, l.score);
  }
  // A surname before a bare title linked to the surname alone (노 본부장 = Noh in "Director
  // General Noh"): the bare title also takes the English title before the surname.
  std::vector<ScoredPair> titles;
  for (ScoredPair& l : wk.linked) {
    const Cand& la = ko_cands[l.a];
    const Cand& lb = en_cands[l.b];
    if (l.score <= 0.0f || surname_of_ko.count(la.id) == 0) continue;
    std::uint32_t bare = u.ko_end;
    for (std::uint32_t i = u.ko_begin; i < u.ko_end; ++i) {
      const Cand& c = ko_cands[i];
      if (c.word_begin == la.word_begin + 1 && c.word_end == la.word_end && ko_title[c.id] == 2) bare = i;
    }
    if (bare == u.ko_end) continue;
    const std::uint32_t best = title_before(lb, &l);
    if (best == u.en_end) continue;
    const Cand& t = en_cands[best];
    take_title(t, &l);
    const float score = std::max(0.5f, 0.5f * l.score);
    wk.links.push_back({ko_cands[bare].id, t.id, score});
    titles.push_back(plain_pair(score, bare, best));
    note("surname title", ko_cands[bare].id, t.id, score);
  }
  std::erase_if(wk.linked, [](const ScoredPair& h) { return h.score <= 0.0f; });
  wk.linked.insert(wk.linked.end(), titles.begin(), titles.end());
}

void Extractor::Impl::link_residuals(const UnitRec& u, Worker& wk) const {
  const std::vector<std::uint8_t>& ko_taken = wk.ko_taken;
  const std::vector<std::uint8_t>& en_taken = wk.en_taken;
  auto record = [&](std::uint32_t k, std::uint32_t e, float score) { wk.links.push_back({k, e, score}); };
  // Residual links: after the strong pairs of a bead are linked, a Korean compound and an
  // English span that are both left over are paired by elimination. Works in a single
  // article, where every pair is a singleton. Scored by the length ratio (syllables to
  // content words), by how many leftovers compete, and by their relative positions.
  auto free_ko = [&](const Cand& a) {
    for (std::size_t w = a.word_begin; w < a.word_end; ++w)
      if (w < ko_taken.size() && ko_taken[w]) return false;
    return true;
  };
  auto free_en = [&](const Cand& b) {
    for (std::size_t w = b.word_begin; w < b.word_end; ++w)
      if (w < en_taken.size() && en_taken[w]) return false;
    return true;
  };
  std::vector<std::uint32_t> rk, re;
  std::size_t ko_n = 1, en_n = 1;
  for (std::uint32_t i = u.ko_begin; i < u.ko_end; ++i) {
    const Cand& a = ko_cands[i];
    ko_n = std::max<std::size_t>(ko_n, a.word_end);
    // Two-syllable words pair too easily with any one English word: only titles (총리).
    if ((a.flags & cand_latin) || ko_syllables[a.id] < 2 || !free_ko(a)) continue;
    if (ko_syllables[a.id] < 3 && ko_title[a.id] == 0) continue;
    rk.push_back(i);
  }
  for (std::uint32_t j = u.en_begin; j < u.en_end; ++j) {
    const Cand& b = en_cands[j];
    en_n = std::max<std::size_t>(en_n, b.word_end);
    if ((b.flags & cand_acronym) || !free_en(b)) continue;
    if (!(b.flags & cand_capitalized) && !((b.flags & cand_lower) && en_content[b.id] >= 2)) continue;
    re.push_back(j);
  }
  if (rk.empty() || re.empty()) return;
  // Maximal leftovers on each side: how much is left to explain.
  auto maximal = [](const std::vector<std::uint32_t>& v, const std::vector<Cand>& c) {
    std::size_t n = 0;
    for (std::uint32_t x : v) {
      bool inside = false;
      for (std::uint32_t y : v)
        inside = inside || (y != x && c[y].word_begin <= c[x].word_begin && c[x].word_end <= c[y].word_end &&
                            c[y].word_end - c[y].word_begin > c[x].word_end - c[x].word_begin);
      if (!inside) ++n;
    }
    return n;
  };
  const double left = static_cast<double>(std::max(maximal(rk, ko_cands), maximal(re, en_cands)));
  const double crowd = 1.0 / std::sqrt(left);
  std::vector<ScoredPair> cand;
  for (std::uint32_t i : rk) {
    const Cand& a = ko_cands[i];
    const bool title = ko_title[a.id] == 1;
    const double expected = std::max(1.0, static_cast<double>(ko_syllables[a.id]) / 2.0);
    const double ka = (a.word_begin + a.word_end) / (2.0 * static_cast<double>(ko_n));
    for (std::uint32_t j : re) {
      const Cand& b = en_cands[j];
      const double words = std::max(1u, en_content[b.id]);
      const double prior = std::exp(-0.8 * std::fabs(std::log(words / expected)));
      const double eb = (b.word_begin + b.word_end) / (2.0 * static_cast<double>(en_n));
      const double place = 1.0 - std::min(1.0, std::fabs(ka - eb));
      double s = prior * (0.4 + 0.6 * place) * crowd;
      if (title && (b.flags & cand_capitalized)) s = std::min(0.99, s * 1.4);
      if (s >= 0.3) cand.push_back(plain_pair(static_cast<float>(s), i, j));
    }
  }
  std::sort(cand.begin(), cand.end(), [&](const ScoredPair& x, const ScoredPair& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  });
  std::vector<std::uint8_t> kt(ko_n + 1, 0), et(en_n + 1, 0);
  for (const ScoredPair& p : cand) {
    const Cand& a = ko_cands[p.a];
    const Cand& b = en_cands[p.b];
    bool ok = true;
    for (std::size_t w = a.word_begin; w < a.word_end && ok; ++w) ok = kt[w] == 0;
    for (std::size_t w = b.word_begin; w < b.word_end && ok; ++w) ok = et[w] == 0;
    if (!ok) continue;
    for (std::size_t w = a.word_begin; w < a.word_end; ++w) kt[w] = 1;
    for (std::size_t w = b.word_begin; w < b.word_end; ++w) et[w] = 1;
    record(a.id, b.id, p.score);
    wk.linked.push_back(p);
    if (wk.tracing)
      wk.note("residual\t" + std::string(stats.ko.str(a.id)) + "\t" + std::string(stats.en.str(b.id)) +
            "\t" + std::to_string(p.score));
  }
}

bool Extractor::Impl::explained_elsewhere(const UnitRec& u, const Cand& a, const Cand& grown,
                                          const Cand& inner, Worker& wk) const {
  // Grown English words that another Korean term of the unit (outside `a`) accounts for:
  // "Secretary of State" in "Secretary of State Condoleezza Rice" when 국무장관 stands
  // beside 콘돌리자 라이스.
  for (std::uint32_t j = u.en_begin; j < u.en_end; ++j) {
    const Cand& x = en_cands[j];
    if (x.word_begin < grown.word_begin || x.word_end > grown.word_end) continue;
    if (x.word_end > inner.word_begin && x.word_begin < inner.word_end) continue;  // overlaps inner
    const std::uint32_t k2 = best_ko_of_en[x.id];
    if (k2 == Interner::none || k2 == a.id) continue;
    // Only a mutual best pair explains: "Korea" goes best with 미국 in an article about
    // Korea and the U.S., but 미국 goes best with "U.S.".
    if (best_en_of_ko[k2] != x.id) continue;
    for (std::uint32_t i = u.ko_begin; i < u.ko_end; ++i) {
      const Cand& y = ko_cands[i];
      if (y.id != k2) continue;
      if (y.word_end > a.word_begin && y.word_begin < a.word_end) continue;  // inside a
      const std::uint32_t* c = stats.pair_count.find(pair_key(k2, x.id));
      float d = c ? 2.0f * static_cast<float>(*c) /
                        static_cast<float>(stats.ko_count[k2] + stats.en_count[x.id])
                  : 0.0f;
      if (c != nullptr && *c >= 2 && d >= 0.3f) {
        if (wk.tracing)
          wk.note("explained: " + std::string(stats.en.str(x.id)) + " by " + std::string(stats.ko.str(k2)));
        return true;
      }
    }
  }
  return false;
}

void Extractor::Impl::precompute() {
  ko_chars.assign(stats.ko.size(), 0);
  ko_syllables.assign(stats.ko.size(), 0);
  ko_always_check.assign(stats.ko.size(), 0);
  ko_title.assign(stats.ko.size(), 0);
  ko_lexicon.assign(stats.ko.size(), 0);
  for (std::uint32_t k = 0; k < stats.ko.size(); ++k) {
    std::string_view s = stats.ko.str(k);
    ko_lexicon[k] = evidence.in_lexicon(s) ? 1 : 0;
    ko_chars[k] = static_cast<std::uint32_t>(text::char_count(s));
    bool latin = Evidence::is_latin(s);
    // The cheap test of Evidence for a capitalised English word stands in for all of them.
    ko_always_check[k] = latin || !gloss_of(k).empty() ||
                         evidence.worth_checking(s, "x", false, false, "");
    bool hangul = !s.empty();
    for (std::size_t i = 0; i < s.size() && hangul;) {
      std::size_t len = 0;
      hangul = text::is_hangul_syllable(text::decode_utf8(s, i, &len));
      i += len;
    }
    if (hangul) ko_syllables[k] = ko_chars[k];
    ko_title[k] = title_suffix_alone(s) ? 2 : is_title_like(s) ? 1 : 0;
  }
  surname_of_ko.clear();
  stats.ko_spelling_count.for_each([&](std::uint64_t key, std::uint32_t) {
    const std::string_view surface = stats.ko_surface.str(pair_en(key));
    const std::size_t space = surface.find(' ');
    if (space == std::string_view::npos || surface.find(' ', space + 1) != std::string_view::npos) return;
    const std::string_view surname = surface.substr(0, space);
    if (!names::is_surname(surname) || !title_suffix_alone(surface.substr(space + 1))) return;
    const std::uint32_t k = pair_ko(key);
    surname_of_ko[k] = std::string(surname);
    ko_always_check[k] = 1;
    ko_title[k] = 0;  // a person, not a title
  });
  en_letters_id.assign(stats.en.size(), 0);
  {
    std::unordered_map<std::string, std::uint32_t> ids;
    for (std::uint32_t e = 0; e < stats.en.size(); ++e) {
      const std::string_view s = stats.en.str(e);
      if (s.size() < 2 || s.size() > 12 || s.find(' ') != std::string_view::npos) continue;
      if (!std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; })) continue;
      auto [it, fresh] = ids.try_emplace(Evidence::letters_upper(s), static_cast<std::uint32_t>(ids.size() + 1));
      en_letters_id[e] = it->second;
    }
  }
  en_words.assign(stats.en.size(), 0);
  en_letters.assign(stats.en.size(), 0);
  en_content.assign(stats.en.size(), 0);
  const EnglishTables& tables = EnglishTables::get();
  for (std::uint32_t e = 0; e < stats.en.size(); ++e) {
    std::string_view s = stats.en.str(e);
    en_words[e] = static_cast<std::uint32_t>(word_count(s));
    std::uint32_t letters = 0;
    for (char c : s)
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
    en_letters[e] = letters;
    std::uint32_t content = 0;
    for (std::string_view w : split_words(s)) {
      std::string lower(w);
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (!tables.is_connector(lower) && !tables.is_function_word(lower)) ++content;
    }
    en_content[e] = content;
  }
}

void Extractor::Impl::link_all() {
  prepare();
  link_pass();
}

void Extractor::Impl::prepare() {
  if (prepared) return;
  prepared = true;
  // The Korean term each English candidate is most associated with (Dice; ties to the
  // smaller Korean key so the choice does not depend on ids).
  best_ko_of_en.assign(stats.en.size(), Interner::none);
  std::vector<float> best_dice(stats.en.size(), -1.0f);
  best_en_of_ko.assign(stats.ko.size(), Interner::none);
  std::vector<float> best_ko_dice(stats.ko.size(), -1.0f);
  stats.pair_count.for_each([&](std::uint64_t key, std::uint32_t c) {
    std::uint32_t k = pair_ko(key), e = pair_en(key);
    float d = 2.0f * static_cast<float>(c) /
              static_cast<float>(stats.ko_count[k] + stats.en_count[e]);
    if (d > best_dice[e] ||
        (d == best_dice[e] && stats.ko.str(k) < stats.ko.str(best_ko_of_en[e]))) {
      best_dice[e] = d;
      best_ko_of_en[e] = k;
    }
    if (d > best_ko_dice[k] ||
        (d == best_ko_dice[k] && stats.en.str(e) < stats.en.str(best_en_of_ko[k]))) {
      best_ko_dice[k] = d;
      best_en_of_ko[k] = e;
    }
  });
  // The gloss of each glossed Korean term: the most frequent, ties to the smaller string.
  std::unordered_map<std::uint32_t, std::uint32_t> gloss_counts;
  stats.gloss_count.for_each([&](std::uint64_t key, std::uint32_t c) {
    std::uint32_t k = pair_ko(key), e = pair_en(key);
    auto it = gloss_of_ko.find(k);
    if (it == gloss_of_ko.end() || c > gloss_counts[k] ||
        (c == gloss_counts[k] && stats.en.str(e) < stats.en.str(it->second))) {
      gloss_of_ko[k] = e;
      gloss_counts[k] = c;
    }
  });
  precompute();
  // The usual rendering of each Korean term, for variants by likeness: the English seen with
  // it in most of its units, weighed by its content words (a whole title over the name in it).
  usual_en_of_ko.assign(stats.ko.size(), Interner::none);
  std::vector<std::uint64_t> usual_weight(stats.ko.size(), 0);
  stats.pair_count.for_each([&](std::uint64_t key, std::uint32_t c) {
    const std::uint32_t k = pair_ko(key), e = pair_en(key);
    if (c < 2 || 5 * c < 2 * stats.ko_count[k] || en_content[e] < 2) return;
    // Nearly as associated as the term's best English (not "ASCI White" for 수퍼컴퓨터).
    const float d = 2.0f * static_cast<float>(c) / static_cast<float>(stats.ko_count[k] + stats.en_count[e]);
    if (d < 0.8f * best_ko_dice[k]) return;
    const std::uint64_t w = std::uint64_t{c} * en_content[e];
    if (w > usual_weight[k] ||
        (w == usual_weight[k] && stats.en.str(e) < stats.en.str(usual_en_of_ko[k]))) {
      usual_weight[k] = w;
      usual_en_of_ko[k] = e;
    }
  });
}

void Extractor::Impl::link_pass() {
  // Units are linked in blocks: inside a block, the threads take chunks of units in turn
  // (a thread slowed by another process takes fewer), each chunk's decisions kept apart;
  // they are then counted in unit order, so the result does not depend on T. With
  // two threads or more, the counting of one block runs on a thread of its own while the
  // next block is linked (it writes only the link counts, which linking never reads), also
  // across frames: the last block of a frame is counted while the next frame is read and
  // its first block linked.
  std::vector<std::uint32_t> last_doc(stats.ko.size(), 0);
  const std::size_t threads = std::max<std::size_t>(1, options.threads);
  std::vector<Worker> workers(threads);
  for (Worker& wk : workers) wk.tracing = static_cast<bool>(trace);
  // The decisions of a linked block, per chunk of units, in two sets: one being counted,
  // one filled.
  struct Decisions {
    std::vector<LinkRec> links;
    std::vector<std::size_t> unit_end;
    std::vector<std::string> notes;
    std::vector<std::size_t> note_end;
  };
  constexpr std::size_t chunk = 32;
  std::vector<Decisions> decided[2];
  const std::size_t block = std::max<std::size_t>(1, options.link_block) * threads;
  // A linked block waiting to be counted: its units (texts in `text`, the frame they came
  // from, when the block is carried over into the next frame), its first ordinal, its set.
  struct Pending {
    const UnitRec* units = nullptr;
    std::size_t size = 0;
    std::uint64_t first = 0;
    std::size_t set = 0;
  };
  auto count_block = [&](const Pending& b) {
    for (std::size_t i = 0; i < b.size; ++i) {
      const std::size_t n = i % chunk;
      const Decisions& d = decided[b.set][i / chunk];
      const std::size_t lb = n == 0 ? 0 : d.unit_end[n - 1];
      apply_links(b.units[i], b.first + i, d.links.data() + lb, d.links.data() + d.unit_end[n], last_doc);
      if (trace) {
        const std::size_t nb = n == 0 ? 0 : d.note_end[n - 1];
        for (std::size_t k = nb; k < d.note_end[n]; ++k) trace(d.notes[k]);
      }
    }
  };
  // Joined on every way out of its scope, an exception included.
  struct Joined {
    std::thread th;
    ~Joined() {
      if (th.joinable()) th.join();
    }
  };
  // Counts `b` on a thread of its own, or here first when one thread was asked for.
  auto start_count = [&](Joined& counter, const Pending& b) {
    if (b.size == 0) return;
    if (threads > 1)
      counter.th = std::thread([&count_block, b] { count_block(b); });
    else
      count_block(b);
  };
  std::vector<UnitRec> carried_units;
  std::string carried_text;
  Pending carried;
  std::uint64_t base = 0;  // ordinal of units[0]
  std::size_t set = 0;
  spill.replay([&](std::string& frame) {
    Pending prev = carried;  // the last block of the frame before, not counted yet
    carried = {};
    bool frame_read = false;
    for (std::size_t start = 0;;) {
      Joined counter;
      start_count(counter, prev);
      if (!frame_read) {
        read_frame(frame);
        frame_read = true;
      }
      if (units.empty()) break;
      const std::size_t stop = std::min(units.size(), start + block);
      const std::size_t chunks = (stop - start + chunk - 1) / chunk;
      std::vector<Decisions>& dec = decided[set];
      if (dec.size() < chunks) dec.resize(chunks);
      std::atomic<std::size_t> next_chunk{0};
      run_on_threads(std::min(threads, chunks), [&](std::size_t t) {
        Worker& wk = workers[t];
        for (std::size_t c; (c = next_chunk.fetch_add(1)) < chunks;) {
          wk.links.clear();
          wk.unit_end.clear();
          wk.notes.clear();
          wk.note_end.clear();
          const std::size_t first = start + c * chunk;
          for (std::size_t i = first; i < std::min(stop, first + chunk); ++i) {
            link_unit(units[i], base + i, wk);
            wk.unit_end.push_back(wk.links.size());
            wk.note_end.push_back(wk.notes.size());
          }
          Decisions& d = dec[c];
          std::swap(d.links, wk.links);
          std::swap(d.unit_end, wk.unit_end);
          std::swap(d.notes, wk.notes);
          std::swap(d.note_end, wk.note_end);
        }
      });
      if (counter.th.joinable()) counter.th.join();
      prev = {units.data() + start, stop - start, base + start, set};
      set ^= 1;
      if (stop == units.size()) {
        // The frame's last block is counted with the next frame: it keeps its units, and
        // the frame its texts.
        carried_units.assign(units.begin() + static_cast<std::ptrdiff_t>(start), units.end());
        carried_text = std::move(frame);
        carried = prev;
        carried.units = carried_units.data();
        break;
      }
      start = stop;
    }
    base += units.size();
  });
  Joined last;
  start_count(last, carried);
  units.clear();
  ko_cands.clear();
  en_cands.clear();
  unit_glosses.clear();
}

void Extractor::use_counts(Stats counts) {
  if (impl_->units_added > 0)
    throw InternalError("Extractor::use_counts: units were added before the counts were given");
  impl_->stats = std::move(counts);
  impl_->counting = false;
}

Stats Extractor::link_counts() {
  impl_->end_counting();
  impl_->link_all();
  Stats out;
  const Stats& st = impl_->stats;
  st.link.for_each([&](std::uint64_t key, const LinkInfo& li) {
    out.link[pair_key(out.intern_ko(st.ko.str(pair_ko(key))), out.intern_en(st.en.str(pair_en(key))))] = li;
  });
  return out;
}

glossary::Glossary Extractor::finish() {
  impl_->end_counting();
  impl_->link_all();
  return impl_->build();
}

glossary::Glossary Extractor::Impl::build() {
  // Links grouped by Korean term.
  std::unordered_map<std::uint32_t, std::vector<std::pair<std::uint32_t, LinkInfo>>> by_ko;
  std::unordered_set<std::uint64_t> short_form_links;  // (ko, en) moved from a bare title
  std::unordered_set<std::uint64_t> surname_short_forms;  // (ko, en) moved from 김 대표 = Kim
  stats.link.for_each([&](std::uint64_t key, const LinkInfo& li) {
    by_ko[pair_ko(key)].push_back({pair_en(key), li});
  });
  // The most frequent spelling of each Korean key.
  std::unordered_map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> spelling;  // k -> (count, surface)
  stats.ko_spelling_count.for_each([&](std::uint64_t key, std::uint32_t c) {
    std::uint32_t k = pair_ko(key), s = pair_en(key);
    auto it = spelling.find(k);
    if (it == spelling.end() || c > it->second.first ||
        (c == it->second.first && stats.ko_surface.str(s) < stats.ko_surface.str(it->second.second)))
      spelling[k] = {c, s};
  });

  // A bare title's rendering that begins the rendering of exactly one longer title ending in
  // it ("Director General" of 본부장 in "Director General Noh", and "Director General for
  // Korean Peninsula Peace and Security Affairs" of 한반도평화교섭본부장) is that title's short
  // form: the links move there.
  // Moves links[li] into `target` as a short form, adding it to the same English there.
  auto move_short_form = [&](std::vector<std::pair<std::uint32_t, LinkInfo>>& links, std::size_t li,
                             std::uint32_t target) {
    auto& into = by_ko[target];
    auto it = std::find_if(into.begin(), into.end(), [&](const auto& x) { return x.first == links[li].first; });
    if (it == into.end()) {
      into.push_back(links[li]);
    } else {
      it->second.links += links[li].second.links;
      it->second.body_links += links[li].second.body_links;
      it->second.zones = static_cast<std::uint8_t>(it->second.zones | links[li].second.zones);
      it->second.best_score = std::max(it->second.best_score, links[li].second.best_score);
    }
    short_form_links.insert(pair_key(target, links[li].first));
    links.erase(links.begin() + static_cast<std::ptrdiff_t>(li));
  };
  // The one Korean term other than `k` that `fits` (given its id and links), or none when
  // no term or more than one does.
  auto unique_target = [&](std::uint32_t k, auto&& fits) {
    std::uint32_t target = Interner::none;
    for (const auto& [k2, links2] : by_ko) {
      if (k2 == k || !fits(k2, links2)) continue;
      if (target != Interner::none) return Interner::none;
      target = k2;
    }
    return target;
  };
  std::vector<std::uint32_t> bare_titles;
  for (const auto& [k, links] : by_ko)
    if (k < ko_title.size() && ko_title[k] == 2) bare_titles.push_back(k);
  std::sort(bare_titles.begin(), bare_titles.end());
  auto begins_with_words = [](std::string_view longer, std::string_view shorter) {
    return longer.size() > shorter.size() + 1 && longer.compare(0, shorter.size(), shorter) == 0 &&
           longer[shorter.size()] == ' ';
  };
  for (std::uint32_t k : bare_titles) {
    const std::string_view ks = stats.ko.str(k);
    auto& links = by_ko[k];
    for (std::size_t li = 0; li < links.size();) {
      const std::string_view e = stats.en.str(links[li].first);
      const std::uint32_t target = unique_target(k, [&](std::uint32_t k2, const auto& links2) {
        const std::string_view k2s = stats.ko.str(k2);
        if (k2s.size() <= ks.size() || k2s.compare(k2s.size() - ks.size(), ks.size(), ks) != 0) return false;
        return std::any_of(links2.begin(), links2.end(),
                           [&](const auto& l2) { return begins_with_words(stats.en.str(l2.first), e); });
      });
      if (target == Interner::none) {
        ++li;
        continue;
      }
      move_short_form(links, li, target);
    }
  }
  // A surname before a bare title rendered by the surname alone (김 대표 = Kim) is the short
  // form of the one person named with that surname whose rendering holds the word: Kim of
  // 성 김 = Sung Kim. With two such people (or none) the links stay where they are.
  std::vector<std::uint32_t> surname_keys;
  for (const auto& [k, surname] : surname_of_ko)
    if (by_ko.count(k) != 0) surname_keys.push_back(k);
  std::sort(surname_keys.begin(), surname_keys.end());
  for (std::uint32_t k : surname_keys) {
    const std::string& surname = surname_of_ko.at(k);
    auto& links = by_ko[k];
    for (std::size_t li = 0; li < links.size();) {
      const std::string_view e = stats.en.str(links[li].first);
      std::uint32_t target = Interner::none;
      if (names::spells_surname(surname, e)) {
        target = unique_target(k, [&](std::uint32_t k2, const auto& links2) {
          const std::string_view k2s = stats.ko.str(k2);
          if (k2s.size() <= surname.size() || text::char_count(k2s) > 5 || surname_of_ko.count(k2) != 0)
            return false;
          const bool named = k2s.compare(0, surname.size(), surname) == 0 ||
                             k2s.compare(k2s.size() - surname.size(), surname.size(), surname) == 0;
          return named && std::any_of(links2.begin(), links2.end(),
                                      [&](const auto& l2) { return is_sub_phrase(e, stats.en.str(l2.first)); });
        });
      }
      if (target == Interner::none) {
        ++li;
        continue;
      }
      surname_short_forms.insert(pair_key(target, links[li].first));
      move_short_form(links, li, target);
    }
  }
  glossary::Glossary g;
  for (auto& [k, links] : by_ko) {
    std::sort(links.begin(), links.end(), [&](const auto& x, const auto& y) {
      if (x.second.links != y.second.links) return x.second.links > y.second.links;
      return stats.en.str(x.first) < stats.en.str(y.first);
    });
    const double ck = stats.ko_count[k];
    std::uint32_t total = 0;
    for (const auto& l : links) total += l.second.links;
    struct Accepted {
      std::uint32_t e;
      LinkInfo li;
      double confidence;
    };
    std::vector<Accepted> accepted;
    for (const auto& [e, li] : links) {
      const double ce = stats.en_count[e];
      const double L = li.links;
      // Links can outnumber co-occurrences (glosses and Latin identities are linked beside
      // the competition), so the link Dice is capped at 1.
      const double ld = std::min(1.0, 2.0 * L / (ck + ce));
      const double ev = cached_evidence(k, e);
      const double assoc = ld * (L / (L + 1.0));
      double confidence = 1.0 - (1.0 - assoc) * (1.0 - ev);
      // A pair seen in few units, linked in most of them with a good score (single-article
      // evidence, residual links) stands on that score.
      const bool few = ck <= 8 && ce <= 3 && 2 * L >= ce && li.best_score >= 0.6;
      if (few) confidence = std::max(confidence, 0.7 * static_cast<double>(li.best_score));
      bool keep = options.keep_all_links || ev >= 0.6 || (L >= 2 && ld >= 0.15 && L >= 0.1 * total) ||
                  (L == 1 && ck <= 2 && ce <= 2 && li.best_score >= 0.5) || few ||
                  (short_form_links.count(pair_key(k, e)) != 0 && li.best_score >= 0.5);
      if (short_form_links.count(pair_key(k, e)) != 0) confidence = std::max(confidence, 0.5 * li.best_score);
      // A variant stands on its own confidence, not on the entry's best one: a weak link
      // riding on a strong entry (바그다드 = capital beside Baghdad) is left out.
      if (keep && !options.keep_all_links && ev < 0.6 && confidence < options.min_variant_score) keep = false;
      if (keep) accepted.push_back({e, li, confidence});
    }
    if (accepted.empty()) continue;
    // Variants that differ only in case or a plural "s" are one variant; the most linked
    // spelling names it.
    std::map<std::string, std::size_t> by_identity;
    std::vector<Accepted> merged;
    for (const Accepted& a : accepted) {
      std::string id = variant_identity(stats.en.str(a.e));
      auto it = by_identity.find(id);
      if (it == by_identity.end()) {
        by_identity.emplace(id, merged.size());
        merged.push_back(a);
      } else {
        Accepted& m = merged[it->second];
        m.li.links += a.li.links;
        m.li.body_links += a.li.body_links;
        m.li.first_mentions += a.li.first_mentions;
        m.li.zones = static_cast<std::uint8_t>(m.li.zones | a.li.zones);
        m.li.example_unit = std::min(m.li.example_unit, a.li.example_unit);
        m.confidence = std::max(m.confidence, a.confidence);
      }
    }
    // An adjective of another variant (Iraqi of Iraq) or a piece of one (North of North
    // Korea) is not a rendering of its own; a surname moved here as a short form (Noh of
    // Noh Kyu-duk) is.
    std::vector<Accepted> kept;
    for (const Accepted& a : merged) {
      if (surname_short_forms.count(pair_key(k, a.e)) != 0) {
        kept.push_back(a);
        continue;
      }
      bool derived = false;
      for (const Accepted& b : merged)
        derived = derived || is_adjective_of(stats.en.str(a.e), stats.en.str(b.e)) ||
                  first_word_of_name(stats.en.str(a.e), stats.en.str(b.e));
      if (!derived) kept.push_back(a);
    }
    merged = std::move(kept);
    if (merged.empty()) continue;
    glossary::Entry entry;
    auto sp = spelling.find(k);
    entry.ko = sp != spelling.end() ? std::string(stats.ko_surface.str(sp->second.second))
                                    : std::string(stats.ko.str(k));
    entry.id = stable_id(stats.ko.str(k));
    entry.count = stats.ko_count[k];
    entry.status = glossary::EntryStatus::candidate;
    double best_conf = 0;
    for (const Accepted& a : merged) {
      glossary::Variant v;
      v.en = std::string(stats.en.str(a.e));
      v.count = a.li.links;
      v.first_mentions = a.li.first_mentions;
      for (std::size_t z = 0; z < unit_zone_count; ++z)
        if (a.li.zones & (1u << z)) v.zones.push_back(unit_zone_name(static_cast<UnitZone>(z)));
      std::sort(v.zones.begin(), v.zones.end());
      entry.variants.push_back(std::move(v));
      best_conf = std::max(best_conf, a.confidence);
    }
    for (auto& v : entry.variants)
      for (const auto& w : entry.variants)
        if (is_sub_phrase(v.en, w.en)) v.short_form = true;
    // Preferred: the most frequent full form in body text (then overall, then by name).
    std::size_t pref = 0;
    auto body_links = [&](std::size_t i) { return merged[i].li.body_links; };
    for (std::size_t i = 1; i < entry.variants.size(); ++i) {
      const auto& a = entry.variants[i];
      const auto& b = entry.variants[pref];
      auto rank = [&](const glossary::Variant& v, std::size_t idx) {
        return std::make_tuple(!v.short_form, body_links(idx), v.count);
      };
      if (rank(a, i) > rank(b, pref) || (rank(a, i) == rank(b, pref) && a.en < b.en)) pref = i;
    }
    if (const auto* decided = evidence.preferred(stats.ko.str(k))) {
      for (std::size_t i = 0; i < entry.variants.size(); ++i)
        if (entry.variants[i].en == *decided) pref = i;
    }
    entry.variants[pref].status = glossary::TermStatus::preferred;
    entry.en = entry.variants[pref].en;
    // The preferred form first, then by count and name.
    std::vector<std::pair<glossary::Variant, std::uint64_t>> ordered;
    for (std::size_t i = 0; i < entry.variants.size(); ++i)
      ordered.push_back({entry.variants[i], merged[i].li.example_unit});
    std::sort(ordered.begin(), ordered.end(), [&](const auto& x, const auto& y) {
      bool xp = x.first.status == glossary::TermStatus::preferred;
      bool yp = y.first.status == glossary::TermStatus::preferred;
      if (xp != yp) return xp;
      if (x.first.count != y.first.count) return x.first.count > y.first.count;
      return x.first.en < y.first.en;
    });
    entry.variants.clear();
    std::vector<std::uint64_t> example_units;
    for (auto& [v, unit] : ordered) {
      entry.variants.push_back(v);
      if (std::find(example_units.begin(), example_units.end(), unit) == example_units.end())
        example_units.push_back(unit);
    }
    for (std::uint64_t ui : example_units) {
      if (entry.examples.size() >= options.max_examples) break;
      auto text = examples.find(ui);
      if (text == examples.end()) continue;  // linked by another process of a sharded run
      const ExampleText& u = text->second;
      glossary::Example ex;
      ex.ko = u.ko;
      ex.en = u.en;
      ex.source = docs[u.doc].first + ":" + std::to_string(u.ko_line);
      entry.examples.push_back(std::move(ex));
    }
    for (const auto& ex : entry.examples) {
      std::string src = ex.source.substr(0, ex.source.rfind(':'));
      if (std::find(entry.sources.begin(), entry.sources.end(), src) == entry.sources.end())
        entry.sources.push_back(src);
    }
    std::sort(entry.sources.begin(), entry.sources.end());
    entry.score = std::round(best_conf * 1000.0) / 1000.0;
    entry.kind = guess_kind(entry.ko, entry.en, best_transliteration(stats.ko.str(k), entry.en));
    if (entry.score < options.min_entry_score && !options.keep_all_links) continue;
    g.terms.push_back(std::move(entry));
  }
  std::sort(g.terms.begin(), g.terms.end(), [](const glossary::Entry& a, const glossary::Entry& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.count != b.count) return a.count > b.count;
    return a.ko < b.ko;
  });
  return g;
}

}  // namespace koterm::terms
