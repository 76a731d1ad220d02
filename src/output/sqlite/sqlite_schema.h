// The SQLite database schema (user_version 1) written by the sqlite sink, documented in
// docs/outputs.md. Every table below `deliberations` hangs off a deliberation id with
// ON DELETE CASCADE, so re-writing a record replaces its rows instead of adding to them.
// `seq` columns keep the document order of list items (0-based).
#pragma once

namespace registre {

inline constexpr int kSqliteSchemaVersion = 1;

inline constexpr const char* kSqliteSchema = R"sql(
CREATE TABLE IF NOT EXISTS documents (
  id      INTEGER PRIMARY KEY,
  sha256  TEXT NOT NULL UNIQUE,          -- of the source file's bytes
  file    TEXT NOT NULL,                 -- as given on the command line (latest run)
  format  TEXT                           -- pdf | text | ocr
);
CREATE TABLE IF NOT EXISTS deliberations (
  id                TEXT PRIMARY KEY,    -- the record id
  document_id       INTEGER NOT NULL REFERENCES documents(id),
  record_index      INTEGER NOT NULL,    -- position of the record in its document
  authority         TEXT,
  authority_type    TEXT,
  authority_siren   TEXT,
  assembly          TEXT,
  assembly_kind     TEXT,
  session_date      TEXT,                -- ISO date
  number            TEXT,
  object            TEXT,
  matter_code       TEXT,
  matter_name       TEXT,
  matter_derived    INTEGER NOT NULL DEFAULT 0,
  members_in_office INTEGER,             -- as printed
  present_count     INTEGER,             -- as printed
  voting_count      INTEGER,             -- as printed
  formula           TEXT,
  record            TEXT NOT NULL        -- the whole record, JSON
);
CREATE TABLE IF NOT EXISTS persons (
  id             INTEGER PRIMARY KEY,
  authority_key  TEXT NOT NULL,          -- folded authority name: a person belongs to one
  authority      TEXT,                   -- that authority's name as first printed
  name_key       TEXT NOT NULL,          -- folded name: case, accents, punctuation ignored
  name           TEXT NOT NULL,          -- as first printed
  civility       TEXT,                   -- M. | Mme, first one printed
  UNIQUE (authority_key, name_key)
);
CREATE TABLE IF NOT EXISTS roles (
  deliberation_id TEXT NOT NULL REFERENCES deliberations(id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('president', 'rapporteur', 'secretary')),
  person_id       INTEGER NOT NULL REFERENCES persons(id),
  PRIMARY KEY (deliberation_id, role, seq)
);
CREATE TABLE IF NOT EXISTS attendance (
  deliberation_id TEXT NOT NULL REFERENCES deliberations(id) ON DELETE CASCADE,
  status          TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
  seq             INTEGER NOT NULL,
  person_id       INTEGER NOT NULL REFERENCES persons(id),
  proxy_holder_id INTEGER REFERENCES persons(id),  -- whom this member gave a proxy to
  note            TEXT,
  PRIMARY KEY (deliberation_id, status, seq)
);
CREATE TABLE IF NOT EXISTS votes (
  deliberation_id TEXT PRIMARY KEY REFERENCES deliberations(id) ON DELETE CASCADE,
  unanimous       INTEGER,               -- 1, 0 or NULL when not stated
  votes_for       INTEGER,
  against         INTEGER,
  abstention      INTEGER,
  not_voting      INTEGER,
  result          TEXT,                  -- adopted | rejected
  text            TEXT                   -- the sentence the vote was read from
);
CREATE TABLE IF NOT EXISTS vote_positions (
  deliberation_id TEXT NOT NULL REFERENCES deliberations(id) ON DELETE CASCADE,
  position        TEXT NOT NULL CHECK (position IN ('against', 'abstention', 'not_voting')),
  seq             INTEGER NOT NULL,
  person_id       INTEGER NOT NULL REFERENCES persons(id),
  PRIMARY KEY (deliberation_id, position, seq)
);
CREATE TABLE IF NOT EXISTS articles (
  deliberation_id TEXT NOT NULL REFERENCES deliberations(id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  label           TEXT NOT NULL,
  number          INTEGER,
  text            TEXT NOT NULL,
  PRIMARY KEY (deliberation_id, seq)
);
CREATE TABLE IF NOT EXISTS visas (
  deliberation_id TEXT NOT NULL REFERENCES deliberations(id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  text            TEXT NOT NULL,
  PRIMARY KEY (deliberation_id, seq)
);
CREATE TABLE IF NOT EXISTS considerants (
  deliberation_id TEXT NOT NULL REFERENCES deliberations(id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  text            TEXT NOT NULL,
  PRIMARY KEY (deliberation_id, seq)
);
CREATE TABLE IF NOT EXISTS warnings (
  deliberation_id TEXT NOT NULL REFERENCES deliberations(id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  code            TEXT NOT NULL,
  message         TEXT NOT NULL,
  PRIMARY KEY (deliberation_id, seq)
);
CREATE INDEX IF NOT EXISTS deliberations_by_document ON deliberations (document_id);
CREATE INDEX IF NOT EXISTS deliberations_by_session
  ON deliberations (authority, assembly, session_date);
CREATE INDEX IF NOT EXISTS deliberations_by_date ON deliberations (session_date);
CREATE INDEX IF NOT EXISTS attendance_by_person ON attendance (person_id, status);
CREATE INDEX IF NOT EXISTS attendance_by_proxy_holder ON attendance (proxy_holder_id);
CREATE INDEX IF NOT EXISTS roles_by_person ON roles (person_id);
CREATE INDEX IF NOT EXISTS vote_positions_by_person ON vote_positions (person_id);
CREATE INDEX IF NOT EXISTS warnings_by_code ON warnings (code);
)sql";

}  // namespace registre
