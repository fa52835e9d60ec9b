#include "batch/stats_file.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <limits>
#include <numeric>
#include <ostream>
#include <sstream>

#include "common/error.h"
#include "text/source.h"

namespace koterm::batch {
namespace {

using terms::Interner;
using terms::LinkInfo;
using terms::pair_en;
using terms::pair_key;
using terms::pair_ko;
using terms::Stats;

void put_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
}

// Ids of `in` sorted by their strings, and the rank (file index) of every id.
struct Order {
  std::vector<std::uint32_t> ids;
  std::vector<std::uint32_t> rank;
};

Order sorted_order(const Interner& in) {
  Order o;
  o.ids.resize(in.size());
  std::iota(o.ids.begin(), o.ids.end(), 0u);
  std::sort(o.ids.begin(), o.ids.end(),
            [&](std::uint32_t a, std::uint32_t b) { return in.str(a) < in.str(b); });
  o.rank.resize(in.size());
  for (std::uint32_t i = 0; i < o.ids.size(); ++i) o.rank[o.ids[i]] = i;
  return o;
}

template <typename V>
std::vector<std::pair<std::uint64_t, V>> ranked(const terms::FlatMap64<V>& map, const Order& a,
                                                const Order& b) {
  std::vector<std::pair<std::uint64_t, V>> out;
  out.reserve(map.size());
  map.for_each([&](std::uint64_t key, const V& v) {
    out.emplace_back(pair_key(a.rank[pair_ko(key)], b.rank[pair_en(key)]), v);
  });
  std::sort(out.begin(), out.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  return out;
}

std::string format_score(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
  return buf;
}

// A cursor over the bytes of a stats file that knows its line, column and byte offset.
class Reader {
 public:
  Reader(std::string path, std::string_view bytes) : path_(std::move(path)), bytes_(bytes) {}

  [[noreturn]] void fail(const std::string& what, std::size_t at) const {
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < at && i < bytes_.size(); ++i)
      if (bytes_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    throw InputError({path_, line, at - line_start + 1},
                     what + " (byte offset " + std::to_string(at) + ")");
  }

  bool at_end() const { return pos_ >= bytes_.size(); }

  // The next line without its newline; fails at the end of the file.
  std::string_view line(const char* expected) {
    if (at_end())
      fail(std::string("the file ends where ") + expected +
               " was expected; the stats file is truncated (was its writer stopped?)",
           bytes_.size());
    line_begin_ = pos_;
    std::size_t nl = bytes_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = bytes_.size();
    std::string_view l = bytes_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    return l;
  }

  std::size_t line_begin() const { return line_begin_; }

  // Splits the current line into TAB-separated fields; exactly `n` are expected.
  std::vector<std::string_view> fields(std::string_view l, std::size_t n, const char* what) {
    std::vector<std::string_view> out;
    std::size_t p = 0;
    while (true) {
      std::size_t t = l.find('\t', p);
      out.push_back(l.substr(p, t == std::string_view::npos ? std::string_view::npos : t - p));
      if (t == std::string_view::npos) break;
      p = t + 1;
    }
    if (out.size() != n)
      fail("expected " + std::to_string(n) + " TAB-separated fields in " + what + "; found " +
               std::to_string(out.size()),
           line_begin_);
    return out;
  }

  std::uint64_t number(std::string_view field, std::string_view l, std::uint64_t max) {
    std::uint64_t v = 0;
    auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
    std::size_t at = line_begin_ + static_cast<std::size_t>(field.data() - l.data());
    if (field.empty() || ec != std::errc() || end != field.data() + field.size())
      fail("expected a whole number; found \"" + std::string(field.substr(0, 40)) + "\"", at);
    if (v > max)
      fail("the number " + std::to_string(v) + " is out of range (at most " + std::to_string(max) + ")", at);
    return v;
  }

  float score(std::string_view field, std::string_view l) {
    std::size_t at = line_begin_ + static_cast<std::size_t>(field.data() - l.data());
    std::string s(field);
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !(v >= 0.0 && v <= 1.0e6))
      fail("expected a score (a non-negative decimal number); found \"" + s.substr(0, 40) + "\"", at);
    return static_cast<float>(v);
  }

  std::string unescape(std::string_view field, std::string_view l) {
    std::string out;
    out.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
      if (field[i] != '\\') {
        out += field[i];
        continue;
      }
      char next = i + 1 < field.size() ? field[i + 1] : '\0';
      if (next == '\\') out += '\\';
      else if (next == 't') out += '\t';
      else if (next == 'n') out += '\n';
      else
        fail("a backslash must be followed by \\, t or n",
             line_begin_ + static_cast<std::size_t>(field.data() - l.data()) + i);
      ++i;
    }
    return out;
  }

  // "NAME<TAB>N": a section header; returns N.
  std::size_t section(const char* name) {
    std::string_view l = line((std::string("the \"") + name + "\" section").c_str());
    auto f = fields(l, 2, (std::string("the \"") + name + "\" section header").c_str());
    if (f[0] != name)
      fail(std::string("expected the \"") + name + "\" section; found \"" +
               std::string(f[0].substr(0, 40)) + "\"",
           line_begin_);
    return static_cast<std::size_t>(number(f[1], l, std::numeric_limits<std::uint32_t>::max()));
  }

 private:
  std::string path_;
  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::size_t line_begin_ = 0;
};

// Reads `n` string lines (with a count when `counts` is given) into `in` in file order;
// the strings must be strictly increasing, which also rules out duplicates.
void read_strings(Reader& r, std::size_t n, Interner& in, std::vector<std::uint32_t>* counts,
                  const char* what) {
  std::string previous;
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view l = r.line(what);
    auto f = r.fields(l, counts ? 2 : 1, what);
    std::string s = r.unescape(f[0], l);
    if (i > 0 && !(previous < s))
      r.fail(std::string(what) + " are not in sorted order or repeat \"" + s.substr(0, 40) +
                 "\"; the file was changed by hand or is damaged",
             r.line_begin());
    in.intern(s);
    if (counts) counts->push_back(static_cast<std::uint32_t>(r.number(f[1], l, std::numeric_limits<std::uint32_t>::max())));
    previous = std::move(s);
  }
}

}  // namespace

std::string stats_to_string(const Stats& st) {
  const Order ko = sorted_order(st.ko);
  const Order surface = sorted_order(st.ko_surface);
  const Order en = sorted_order(st.en);
  std::string out;
  out += "koterm-stats\t" + std::to_string(stats_format_version) + "\n";
  out += "units\t" + std::to_string(st.units) + "\n";
  auto count_at = [](const std::vector<std::uint32_t>& v, std::uint32_t id) {
    return id < v.size() ? v[id] : 0u;
  };
  out += "ko\t" + std::to_string(ko.ids.size()) + "\n";
  for (std::uint32_t id : ko.ids) {
    put_escaped(out, st.ko.str(id));
    out += "\t" + std::to_string(count_at(st.ko_count, id)) + "\n";
  }
  out += "surface\t" + std::to_string(surface.ids.size()) + "\n";
  for (std::uint32_t id : surface.ids) {
    put_escaped(out, st.ko_surface.str(id));
    out += "\n";
  }
  out += "en\t" + std::to_string(en.ids.size()) + "\n";
  for (std::uint32_t id : en.ids) {
    put_escaped(out, st.en.str(id));
    out += "\t" + std::to_string(count_at(st.en_count, id)) + "\n";
  }
  auto counts = [&](const char* name, const terms::FlatMap64<std::uint32_t>& map, const Order& second) {
    auto rows = ranked(map, ko, second);
    out += std::string(name) + "\t" + std::to_string(rows.size()) + "\n";
    for (const auto& [key, v] : rows)
      out += std::to_string(pair_ko(key)) + "\t" + std::to_string(pair_en(key)) + "\t" +
             std::to_string(v) + "\n";
  };
  counts("pairs", st.pair_count, en);
  counts("spellings", st.ko_spelling_count, surface);
  counts("glosses", st.gloss_count, en);
  auto links = ranked(st.link, ko, en);
  out += "links\t" + std::to_string(links.size()) + "\n";
  for (const auto& [key, li] : links) {
    out += std::to_string(pair_ko(key)) + "\t" + std::to_string(pair_en(key)) + "\t" +
           std::to_string(li.links) + "\t" + std::to_string(li.first_mentions) + "\t" +
           std::to_string(li.body_links) + "\t" + std::to_string(li.zones) + "\t" +
           (li.example_unit == ~std::uint64_t{0} ? std::string("-") : std::to_string(li.example_unit)) +
           "\t" + format_score(li.best_score) + "\n";
  }
  out += "end\n";
  return out;
}

void write_stats(const Stats& stats, std::ostream& out) { out << stats_to_string(stats); }

Stats parse_stats(const std::string& path, std::string_view bytes) {
  Reader r(text::display_name(path), bytes);
  if (bytes.substr(0, 13) != "koterm-stats\t") {
    std::string found(bytes.substr(0, std::min<std::size_t>(bytes.find('\n'), 40)));
    r.fail("not a koterm stats file: expected the header \"koterm-stats<TAB>" +
               std::to_string(stats_format_version) + "\"; found \"" + found +
               "\"; hint: stats files are written by koterm extract --stats-out",
           0);
  }
  {
    std::string_view l = r.line("the header");
    auto f = r.fields(l, 2, "the header");
    std::uint64_t version = r.number(f[1], l, 1000000);
    if (version != static_cast<std::uint64_t>(stats_format_version))
      r.fail("stats format version " + std::to_string(version) + " is not supported; this koterm reads version " +
                 std::to_string(stats_format_version) + " (write the parts again with this koterm)",
             13);
  }
  Stats st;
  {
    std::string_view l = r.line("the \"units\" line");
    auto f = r.fields(l, 2, "the \"units\" line");
    if (f[0] != "units") r.fail("expected the \"units\" line; found \"" + std::string(f[0].substr(0, 40)) + "\"", r.line_begin());
    st.units = r.number(f[1], l, std::numeric_limits<std::uint64_t>::max());
  }
  read_strings(r, r.section("ko"), st.ko, &st.ko_count, "Korean keys");
  read_strings(r, r.section("surface"), st.ko_surface, nullptr, "Korean spellings");
  read_strings(r, r.section("en"), st.en, &st.en_count, "English candidates");
  auto pairs = [&](const char* name, terms::FlatMap64<std::uint32_t>& map, std::size_t second_size) {
    std::size_t n = r.section(name);
    std::uint64_t previous = 0;
    for (std::size_t i = 0; i < n; ++i) {
      std::string_view l = r.line(name);
      auto f = r.fields(l, 3, name);
      auto a = static_cast<std::uint32_t>(r.number(f[0], l, st.ko.size() == 0 ? 0 : st.ko.size() - 1));
      auto b = static_cast<std::uint32_t>(r.number(f[1], l, second_size == 0 ? 0 : second_size - 1));
      if (st.ko.size() == 0 || second_size == 0)
        r.fail(std::string("a row in \"") + name + "\" but the string tables it refers to are empty", r.line_begin());
      std::uint64_t key = pair_key(a, b);
      if (i > 0 && key <= previous)
        r.fail(std::string("rows of \"") + name + "\" are not in sorted order or repeat", r.line_begin());
      previous = key;
      map[key] = static_cast<std::uint32_t>(r.number(f[2], l, std::numeric_limits<std::uint32_t>::max()));
    }
  };
  pairs("pairs", st.pair_count, st.en.size());
  pairs("spellings", st.ko_spelling_count, st.ko_surface.size());
  pairs("glosses", st.gloss_count, st.en.size());
  {
    std::size_t n = r.section("links");
    std::uint64_t previous = 0;
    for (std::size_t i = 0; i < n; ++i) {
      std::string_view l = r.line("links");
      auto f = r.fields(l, 8, "links");
      if (st.ko.size() == 0 || st.en.size() == 0)
        r.fail("a row in \"links\" but the string tables it refers to are empty", r.line_begin());
      auto a = static_cast<std::uint32_t>(r.number(f[0], l, st.ko.size() - 1));
      auto b = static_cast<std::uint32_t>(r.number(f[1], l, st.en.size() - 1));
      std::uint64_t key = pair_key(a, b);
      if (i > 0 && key <= previous)
        r.fail("rows of \"links\" are not in sorted order or repeat", r.line_begin());
      previous = key;
      LinkInfo li;
      const std::uint64_t u32 = std::numeric_limits<std::uint32_t>::max();
      li.links = static_cast<std::uint32_t>(r.number(f[2], l, u32));
      li.first_mentions = static_cast<std::uint32_t>(r.number(f[3], l, u32));
      li.body_links = static_cast<std::uint32_t>(r.number(f[4], l, u32));
      li.zones = static_cast<std::uint8_t>(r.number(f[5], l, (1u << terms::unit_zone_count) - 1));
      li.example_unit = f[6] == "-" ? ~std::uint64_t{0}
                                    : r.number(f[6], l, std::numeric_limits<std::uint64_t>::max() - 1);
      li.best_score = r.score(f[7], l);
      st.link[key] = li;
    }
  }
  std::string_view l = r.line("the \"end\" line");
  if (l != "end")
    r.fail("expected the \"end\" line; found \"" + std::string(l.substr(0, 40)) +
               "\"; a section holds more rows than its header says",
           r.line_begin());
  if (!r.at_end()) r.fail("unexpected data after the \"end\" line", r.line_begin() + l.size() + 1);
  return st;
}

Stats read_stats(const std::string& path, std::istream& stdin_stream) {
  text::ReadLimits limits;
  limits.max_file_bytes = std::numeric_limits<std::size_t>::max() / 2;
  limits.max_line_bytes = std::numeric_limits<std::size_t>::max() / 2;
  std::string bytes = text::read_file_bytes(path, stdin_stream, limits);
  return parse_stats(path, bytes);
}

Stats merge_stats_files(const std::vector<std::string>& paths, std::istream& stdin_stream) {
  Stats all;
  for (const std::string& p : paths) {
    Stats part = read_stats(p, stdin_stream);
    all.merge(part);
  }
  return all;
}

}  // namespace koterm::batch
