#pragma once

#include <stdexcept>
#include <string>

namespace papertree {

/// The process exit codes papertree documents. They stay clear of CLI11's own 100-127 range.
enum class ExitCode : int {
  ok = 0,            ///< success
  check_failed = 1,  ///< a check ran and found problems
  usage = 2,         ///< bad command line, unknown category, query syntax error
  bad_data = 3,      ///< a corpus or import file that cannot be read as such
  io = 4,            ///< a file could not be read or written
};

/// Base of every error the core throws; `what()` is the one-line message shown to the user.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  virtual ExitCode exit_code() const = 0;
};

/// Where in an input a problem was found. Any part may be empty or zero when it is unknown.
struct Location {
  std::string file;        ///< file name as the user gave it ("<embedded>" for the built-in corpus)
  std::size_t line = 0;    ///< 1-based line, 0 when unknown
  std::size_t column = 0;  ///< 1-based column (bytes), 0 when unknown
  std::string json_path;   ///< JSON path such as `papers[12].year`, empty when not JSON

  /// "file:line:col" or "file: path" — the prefix of a data error's message.
  std::string to_string() const;
};

/// Bad input data: a corpus or an import file. Exit code 3.
class DataError : public Error {
 public:
  DataError(Location where, const std::string& message, std::string detail = {});
  ExitCode exit_code() const override { return ExitCode::bad_data; }
  const Location& where() const { return m_where; }
  const std::string& message() const { return m_message; }
  /// Extra lines shown after the message (for example the offending line with a caret).
  const std::string& detail() const { return m_detail; }

 private:
  Location m_where;
  std::string m_message;
  std::string m_detail;
};

/// A request that cannot be carried out as given (unknown category, bad query). Exit code 2.
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message, std::string detail = {})
      : Error(message), m_detail(std::move(detail)) {}
  ExitCode exit_code() const override { return ExitCode::usage; }
  const std::string& detail() const { return m_detail; }

 private:
  std::string m_detail;
};

/// A file that could not be read or written. Exit code 4.
class IoError : public Error {
 public:
  using Error::Error;
  ExitCode exit_code() const override { return ExitCode::io; }
};

/// The reader of a pipe or FIFO stopped reading before the output ended (`| head`): exit code 4,
/// like any write that fails, but the reader's choice, so the CLI reports it quietly.
class ClosedPipeError : public IoError {
 public:
  using IoError::IoError;
};

}  // namespace papertree
