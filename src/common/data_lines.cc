#include "common/data_lines.h"

namespace koterm {

std::vector<std::string_view> data_lines(std::string_view data) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') out.push_back(line);
  }
  return out;
}

}  // namespace koterm
