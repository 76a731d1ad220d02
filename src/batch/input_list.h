// The list of inputs of a batch run: files named on the command line or in a list file,
// and every regular file found under the directories named there.
//
// Contract: the list is deterministic for a given file tree. Arguments keep the order they
// were given in; a directory expands in place to its files, recursively, sorted by path
// (byte order). A path listed twice is kept once (first place). Paths are kept as spelled
// (a directory "d" yields "d/sub/x.txt"), because they become source.file in the records
// and the key for --resume and --shard.
//
// --include/--exclude globs (fnmatch) filter the files found under directories only: a
// file named explicitly is always taken. A glob without '/' is matched against the file's
// name, one with '/' against its path relative to the directory that was walked (there '*'
// also crosses '/'). A file is taken when it matches some include (or there is none) and
// no exclude. A path that does not exist is kept: reading it fails later and yields an
// error record, like any unreadable input.
#pragma once

#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace registre {

struct InputSelection {
  std::vector<std::string> paths;     // files or directories; "-" is standard input
  std::vector<std::string> includes;  // globs; empty = every file
  std::vector<std::string> excludes;  // globs
  std::string files_from;             // list file, one path a line; "-" = `list_stream`
};

// What a directory walk left out, for the caller to say.
struct SkippedInputs {
  // Named pipes, sockets and devices, never inputs (a pipe would wait for a writer).
  std::vector<std::string> special;
  // Files that are no document registre reads, by reason ("JSON", "Markdown", ...).
  std::map<std::string, std::size_t> by_reason;
};

// `list_stream` is read when files_from is "-" (standard input in the command). Files
// named on the command line or in the list are always taken; files found in a directory
// are taken when they are documents (NotADocument), or when an --include glob names them.
Result<std::vector<std::string>> CollectInputs(const InputSelection& selection,
                                               std::istream& list_stream,
                                               SkippedInputs* skipped = nullptr);

// Why a file found in a directory is no document registre reads, from its name and its
// first bytes (`head`): "" when it is one (a PDF by its %PDF- signature whatever its name,
// or by its .pdf name, damaged or not; a scan as a PNG, JPEG or TIFF image by its signature;
// a .txt or .text file, or one without extension, that holds text: no NUL byte), else the
// reason: "JSON", "Markdown" (annotation and notes; OCR output is read when named or
// included), "binary", or "other" (a script, a table...).
std::string NotADocument(const std::string& name, std::string_view head);

// Whether a file found under a directory is taken. `relative` is its path relative to the
// walked directory ("sub/x.txt").
bool GlobsAccept(const std::string& relative, const std::vector<std::string>& includes,
                 const std::vector<std::string>& excludes);

}  // namespace registre
