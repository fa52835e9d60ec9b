#include "glossary/model.h"

namespace koterm::glossary {

const char* name_of(TermStatus s) {
  switch (s) {
    case TermStatus::preferred: return "preferred";
    case TermStatus::admitted: return "admitted";
    case TermStatus::deprecated: return "deprecated";
    case TermStatus::superseded: return "superseded";
  }
  return "admitted";
}

const char* name_of(EntryStatus s) {
  switch (s) {
    case EntryStatus::candidate: return "candidate";
    case EntryStatus::approved: return "approved";
    case EntryStatus::rejected: return "rejected";
  }
  return "candidate";
}

const char* name_of(Kind k) {
  switch (k) {
    case Kind::person: return "person";
    case Kind::org: return "org";
    case Kind::title: return "title";
    case Kind::place: return "place";
    case Kind::acronym: return "acronym";
    case Kind::policy: return "policy";
    case Kind::technical: return "technical";
    case Kind::other: return "other";
  }
  return "other";
}

std::optional<TermStatus> term_status_from(std::string_view s) {
  for (auto v : {TermStatus::preferred, TermStatus::admitted, TermStatus::deprecated, TermStatus::superseded})
    if (s == name_of(v)) return v;
  return std::nullopt;
}

std::optional<EntryStatus> entry_status_from(std::string_view s) {
  for (auto v : {EntryStatus::candidate, EntryStatus::approved, EntryStatus::rejected})
    if (s == name_of(v)) return v;
  return std::nullopt;
}

std::optional<Kind> kind_from(std::string_view s) {
  for (auto v : {Kind::person, Kind::org, Kind::title, Kind::place, Kind::acronym, Kind::policy,
                 Kind::technical, Kind::other})
    if (s == name_of(v)) return v;
  return std::nullopt;
}

}  // namespace koterm::glossary
