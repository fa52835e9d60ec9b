// The lines of a data file compiled into koterm (src/<stage>/data/, see cmake/KotermEmbed):
// one record a line, '#' starts a comment line, blank lines skipped, trailing spaces and
// carriage returns dropped. The views point into `data`.
#pragma once

#include <string_view>
#include <vector>

namespace koterm {

std::vector<std::string_view> data_lines(std::string_view data);

}  // namespace koterm
