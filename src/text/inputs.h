// The article pairs a command reads: KO EN paths from the command line, a manifest (TSV of
// id, Korean path, English path) or a folder of NAME.ko.txt + NAME.en.txt files. Shared by
// extract, its batch runner and check, so that all of them accept the same inputs and say
// the same thing about a bad one.
//
//   text::validate_input_kinds(o.pairs, o.manifest, o.directory, o.aligned_ko, o.aligned_en);
//   for (const text::ArticlePair& p : text::list_article_pairs(o.pairs, o.manifest, o.directory,
//                                                              in, o.limits, diags)) {
//     text::require_listed_files(p);  // a manifest row pointing nowhere: manifest:line:col
//     ... text::read_source(p.ko_path, in, o.limits) ...
//   }
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "common/error.h"
#include "text/source.h"

namespace koterm::text {

// One article pair and where it was named.
struct ArticlePair {
  // What the user calls it: the manifest's id column ("line N" when that is empty), NAME of
  // NAME.ko.txt in a folder, or the Korean path as given on the command line.
  std::string id;
  // Paths to read; a manifest's relative paths are resolved against the manifest's folder.
  std::string ko_path;
  std::string en_path;
  // Where the pair was listed: the manifest line (column 1), the Korean file of a folder pair,
  // or an empty path for command-line arguments.
  SourcePos where;
  // The manifest cells of the two paths (line and column); equal to `where` otherwise.
  SourcePos ko_where;
  SourcePos en_where;

  bool from_manifest() const { return where.line > 0; }
};

// Exactly one kind of input among KO EN pairs, a manifest, a folder and an aligned corpus
// (KO EN); pairs come in twos and --aligned takes two files. Throws UsageError.
void validate_input_kinds(const std::vector<std::string>& pairs, const std::string& manifest,
                          const std::string& directory, const std::string& aligned_ko,
                          const std::string& aligned_en);

// Parses manifest text: TAB-separated id, Korean path, English path; an optional header line
// starting with "id", blank lines and '#' comments skipped; relative paths taken from `base`.
// Throws InputError naming manifest:line:col for a malformed row or a manifest without rows.
std::vector<ArticlePair> parse_manifest(const SourceText& manifest, const std::string& base);

// Reads the manifest at `path` ("-": standard input, paths then relative to the current
// folder) with the usual encoding checks, then parse_manifest().
std::vector<ArticlePair> read_manifest(const std::string& path, std::istream& in,
                                       const ReadLimits& limits);

// The NAME.ko.txt + NAME.en.txt pairs of a folder, sorted by NAME. A Korean file without
// its English one is a warning in `diags`. Throws InputError when `dir` is not a folder or
// holds no pair.
std::vector<ArticlePair> read_directory(const std::string& dir, Diagnostics& diags);

// KO EN [KO EN ...] from the command line (an odd count is a UsageError).
std::vector<ArticlePair> pairs_from_arguments(const std::vector<std::string>& paths);

// The article pairs of whichever kind of input is given (after validate_input_kinds).
std::vector<ArticlePair> list_article_pairs(const std::vector<std::string>& pairs,
                                            const std::string& manifest,
                                            const std::string& directory, std::istream& in,
                                            const ReadLimits& limits, Diagnostics& diags);

// For a manifest row: throws InputError at the path's manifest cell when a listed file does
// not exist or is a folder, so that the message points at the line to fix. Other pairs are
// left to read_source().
void require_listed_files(const ArticlePair& pair);

}  // namespace koterm::text
