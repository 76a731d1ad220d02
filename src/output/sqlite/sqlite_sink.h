// SQLite sink: writes records into a database file (schema in output/sqlite_schema.h,
// documented with example queries in docs/outputs.md) for querying attendance and votes
// across a corpus.
//
// Keyed by record id: writing a record that is already in the database replaces it and
// all its rows (re-running over the same files updates in place, never duplicates).
// Persons are shared across deliberations of one authority: a name is matched on its
// folded key (case, accents and punctuation ignored: FoldKey in text/folding.h). Each
// record is written inside a savepoint (a failing record leaves nothing behind); records
// are committed in batches and at Finish(), which also drops persons and documents no
// deliberation refers to any more.
#pragma once

#include <memory>
#include <string>

#include "output/sink.h"

namespace registre {

// `path` is the database file; it is created when missing.
Result<std::unique_ptr<RecordSink>> MakeSqliteSink(const std::string& path);

}  // namespace registre
