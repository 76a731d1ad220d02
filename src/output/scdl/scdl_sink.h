// SCDL « Délibérations » 2.1.3 CSV sink: one row per record, 17 columns, header row, UTF-8,
// RFC 4180 quoting, CRLF line ends, comma or the `separator` param.
//
// Every row is mapped (ScdlMapper) then checked (CheckScdlRow) before it is written:
//  - a row failing a required column is not written: Write returns an error naming the
//    record and the columns, and the row goes to the rejects file with the reasons;
//  - an optional column failing a rule (VOTE_REEL != pour+contre+abstention, PREF_DATE
//    before DELIB_DATE...) is emptied with its group, the row is written, and the rejects
//    file says what was emptied and why.
// Rejects file (CSV, same separator): RECORD_ID, SOURCE_FILE, OUTCOME (rejected | emptied),
// FIELD, REASON, then the 17 SCDL columns as mapped; one line per failing column.
// Params: see MakeSink in output/sink.h.
#pragma once

#include <memory>

#include "output/sink.h"

namespace registre {

Result<std::unique_ptr<RecordSink>> MakeScdlSink(const SinkOptions& options);

}  // namespace registre
