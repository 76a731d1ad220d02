// Akoma Ntoso sink: one XML file per record (see MakeAknDocument) in the output
// directory, created when missing. Files are named AUTHORITY_DATE_NUMBER.xml; a record
// whose name was already used in this run is written as RECORDID.xml instead, so nothing
// is overwritten within a run (a re-run overwrites its own files).
#pragma once

#include <memory>
#include <string>

#include "output/sink.h"

namespace registre {

Result<std::unique_ptr<RecordSink>> MakeAknSink(const std::string& directory);

}  // namespace registre
