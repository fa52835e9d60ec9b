#include "common/error.h"

namespace koterm {

std::string SourcePos::str() const {
  std::string out = path;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (col > 0) out += ':' + std::to_string(col);
  }
  return out;
}

InputError::InputError(SourcePos pos, const std::string& message)
    : Error(pos.str() + ": " + message), pos_(std::move(pos)), message_(message) {}

}  // namespace koterm
