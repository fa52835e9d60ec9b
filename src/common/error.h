// Typed errors of the koterm library. The library throws these and never prints or exits;
// cli/ catches them once, prints "koterm: error: ..." and maps them to an exit code.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace koterm {

// A position in a user's file: 1-based line and column (column counted in characters).
// line == 0 means "the whole file" (missing file, empty file, ...).
struct SourcePos {
  std::string path;
  std::size_t line = 0;
  std::size_t col = 0;

  // "path:line:col", "path:line" or "path" depending on what is known.
  std::string str() const;
};

// Base of every error koterm reports to a user.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The input given by the user is wrong: unreadable, badly encoded, malformed. Exit code 2.
class InputError : public Error {
 public:
  InputError(SourcePos pos, const std::string& message);
  const SourcePos& pos() const { return pos_; }
  const std::string& message() const { return message_; }

 private:
  SourcePos pos_;
  std::string message_;
};

// The command line is wrong (unknown option, missing argument, bad value). Exit code 2.
class UsageError : public Error {
 public:
  using Error::Error;
};

// A limit was reached (input too large, nesting too deep); the message names the limit and
// how to raise it. Exit code 2.
class LimitError : public InputError {
 public:
  using InputError::InputError;
};

// A broken invariant inside koterm: a bug. Exit code 3.
class InternalError : public Error {
 public:
  using Error::Error;
};

}  // namespace koterm
