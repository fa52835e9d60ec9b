// Writing check findings: compiler-style text (optionally coloured), JSON (schema in
// docs/check-json-schema.md), TSV, and a self-contained HTML page for editors with the two
// texts side by side by bead.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "check/check.h"

namespace koterm::check {

enum class Format { text, json, tsv, html };

// "text", "json", "tsv", "html"; throws UsageError otherwise.
Format format_from(const std::string& s);

void write_text(const std::vector<Finding>& findings, std::ostream& out, bool color);
void write_json(const std::vector<Finding>& findings, std::ostream& out);
void write_tsv(const std::vector<Finding>& findings, std::ostream& out);
void write_html(const std::vector<Article>& articles, const CheckResult& result, std::ostream& out);

}  // namespace koterm::check
