#include "check/finding.h"

#include <algorithm>
#include <string>

#include "common/error.h"

namespace koterm::embedded {
std::string_view check_severities();
}  // namespace koterm::embedded

namespace koterm::check {

namespace {

constexpr std::array<const char*, finding_type_count> type_names = {
    "deprecated", "missing", "inconsistent", "ambiguous", "name"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "off" gives nullopt; anything else must be a severity.
bool parse_level(std::string_view s, std::optional<Severity>& out) {
  if (s == "off") {
    out.reset();
    return true;
  }
  auto sev = severity_from(s);
  if (!sev) return false;
  out = sev;
  return true;
}

}  // namespace

const char* type_name(FindingType t) { return type_names[static_cast<std::size_t>(t)]; }

std::optional<FindingType> type_from(std::string_view s) {
  for (std::size_t i = 0; i < type_names.size(); ++i)
    if (s == type_names[i]) return static_cast<FindingType>(i);
  return std::nullopt;
}

std::optional<Severity> severity_from(std::string_view s) {
  if (s == "info") return Severity::info;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

SeverityTable SeverityTable::defaults() {
  SeverityTable t;
  const std::string_view data = embedded::check_severities();
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = trim(data.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    std::size_t t1 = line.find('\t');
    std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    std::size_t t3 = t2 == std::string_view::npos ? t2 : line.find('\t', t2 + 1);
    if (t3 == std::string_view::npos)
      throw InternalError("src/check/data/severities.tsv:" + std::to_string(line_no) +
                          ": expected 4 TAB-separated columns");
    auto type = type_from(line.substr(0, t1));
    std::optional<Severity> body, headline, uncertain;
    if (!type || !parse_level(line.substr(t1 + 1, t2 - t1 - 1), body) ||
        !parse_level(line.substr(t2 + 1, t3 - t2 - 1), headline) ||
        !parse_level(line.substr(t3 + 1), uncertain))
      throw InternalError("src/check/data/severities.tsv:" + std::to_string(line_no) +
                          ": unknown type or level");
    t.body[static_cast<std::size_t>(*type)] = body;
    t.headline[static_cast<std::size_t>(*type)] = headline;
    t.uncertain[static_cast<std::size_t>(*type)] = uncertain;
  }
  return t;
}

void SeverityTable::apply(std::string_view setting) {
  const std::string hint =
      "; expected TYPE=LEVEL, TYPE:headline=LEVEL or TYPE:uncertain=LEVEL with TYPE one of "
      "deprecated, missing, "
      "inconsistent, ambiguous, name and LEVEL one of info, warning, error, off";
  std::size_t eq = setting.find('=');
  if (eq == std::string_view::npos)
    throw UsageError("--severity: no '=' in \"" + std::string(setting) + "\"" + hint);
  std::string_view lhs = setting.substr(0, eq);
  std::string_view level = setting.substr(eq + 1);
  enum class Context { in_body, in_headline, when_uncertain } context = Context::in_body;
  if (std::size_t colon = lhs.find(':'); colon != std::string_view::npos) {
    std::string_view c = lhs.substr(colon + 1);
    if (c == "headline") context = Context::in_headline;
    else if (c == "uncertain") context = Context::when_uncertain;
    else throw UsageError("--severity: unknown context \"" + std::string(c) + "\"" + hint);
    lhs = lhs.substr(0, colon);
  }
  auto type = type_from(lhs);
  if (!type) throw UsageError("--severity: unknown finding type \"" + std::string(lhs) + "\"" + hint);
  std::optional<Severity> sev;
  if (!parse_level(level, sev))
    throw UsageError("--severity: unknown level \"" + std::string(level) + "\"" + hint);
  const auto i = static_cast<std::size_t>(*type);
  if (context == Context::in_headline) {
    headline[i] = sev;
  } else if (context == Context::when_uncertain) {
    uncertain[i] = sev;
  } else {
    body[i] = sev;
    // A type switched off or set for body text is set for headlines and uncertain findings
    // too unless they were lower already.
    if (!sev || !headline[i] || *headline[i] > *sev) headline[i] = sev;
    if (!sev || !uncertain[i] || *uncertain[i] > *sev) uncertain[i] = sev;
  }
}

std::optional<Severity> SeverityTable::of(FindingType t, bool headline_only, bool is_uncertain) const {
  const auto i = static_cast<std::size_t>(t);
  std::optional<Severity> s = headline_only ? headline[i] : body[i];
  if (!is_uncertain || !s) return s;
  if (!uncertain[i]) return std::nullopt;
  return std::min(*s, *uncertain[i]);
}

}  // namespace koterm::check
