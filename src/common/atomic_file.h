// Crash-safe file replacement: a reader sees either the old file or the new one, never a
// truncated one.
#pragma once

#include <string>

namespace koterm {

// Writes `content` to `path` atomically: a temporary file in the same folder, fsync,
// rename, fsync of the folder. Throws InputError when the folder is missing or not
// writable; on failure the old file is untouched and no temporary file is left.
//
// The temporary file is ".NAME.tmp.PID.XXXXXX" beside NAME. A writer killed before its rename
// leaves one behind; the next write of NAME removes those whose process no longer runs on
// this machine and that were last written over a minute ago (and, from older versions,
// ".NAME.tmp.XXXXXX" files over an hour old). Temporary files of other names are left alone.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace koterm
