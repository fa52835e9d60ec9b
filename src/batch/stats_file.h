// The file format of terms::Stats, so that a corpus can be counted in shards (on one host or
// many) and the shards merged: `koterm extract --shard I/N --stats-out PART`, then
// `koterm stats merge PARTS... -o ALL`.
//
// Text, UTF-8, one record a line, fields separated by TAB (TAB, newline and backslash inside
// strings written as \t, \n, \\):
//
//   koterm-stats<TAB>1              header: format name and version
//   units<TAB>N                     aligned units counted
//   ko<TAB>N                        N lines: Korean key, units holding it
//   surface<TAB>N                   N lines: Korean spelling as written
//   en<TAB>N                        N lines: English candidate, units holding it
//   pairs<TAB>N                     N lines: ko index, en index, units holding both
//   spellings<TAB>N                 N lines: ko index, surface index, count
//   glosses<TAB>N                   N lines: ko index, en index, count
//   links<TAB>N                     N lines: ko index, en index, links, first mentions,
//                                   body links, zone mask, example unit (- for none),
//                                   best score
//   end
//
// Strings are sorted bytewise and indices refer to that order, so the same counts give the
// same bytes whatever order they were gathered or merged in. The "end" line makes a
// truncated file an error instead of silently smaller counts.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "terms/stats.h"

namespace koterm::batch {

inline constexpr int stats_format_version = 1;

// Writes `stats` in the format above.
void write_stats(const terms::Stats& stats, std::ostream& out);
std::string stats_to_string(const terms::Stats& stats);

// Parses a stats file; `path` names it in errors. Throws InputError naming the path, the
// line and column and the byte offset of the first problem.
terms::Stats parse_stats(const std::string& path, std::string_view bytes);
// Reads and parses `path` ("-": `stdin_stream`).
terms::Stats read_stats(const std::string& path, std::istream& stdin_stream);

// Reads every part and merges them (the order of `paths` does not matter).
terms::Stats merge_stats_files(const std::vector<std::string>& paths, std::istream& stdin_stream);

}  // namespace koterm::batch
