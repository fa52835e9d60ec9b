// Crash-safe file replacement: a reader sees either the old file or the new one, never a
// truncated one.
#pragma once

#include <string>

namespace koterm {

// Writes `content` to `path` atomically: a temporary file in the same folder, fsync,
// rename, fsync of the folder. Throws InputError when the folder is missing or not
// writable; on failure the old file is untouched and no temporary file is left.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace koterm
