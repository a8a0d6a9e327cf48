-- Import history: every import is a batch that can be reverted (its inserts
-- removed, its updates restored), and column mappings saved for reuse.

CREATE TABLE import_batches (
  id           INTEGER PRIMARY KEY,
  target       TEXT NOT NULL CHECK (target IN ('customers', 'contacts', 'orders', 'interactions', 'complaints')),
  file_name    TEXT NOT NULL,
  actor        TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  backup_path  TEXT,
  new_rows     INTEGER NOT NULL DEFAULT 0,
  updated_rows INTEGER NOT NULL DEFAULT 0,
  skipped_rows INTEGER NOT NULL DEFAULT 0,
  error_rows   INTEGER NOT NULL DEFAULT 0,
  reverted_at  TEXT
);

-- What a batch changed, in order. An insert covers the id range first_id..last_id
-- of one table (rows inserted in one transaction get consecutive ids, so a million
-- orders are one row here); an update keeps the whole row as it was (before, JSON).
CREATE TABLE import_changes (
  batch_id    INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  table_name  TEXT NOT NULL CHECK (table_name IN ('customers', 'contacts', 'orders', 'interactions', 'complaints', 'staff', 'tags')),
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update')),
  first_id    INTEGER NOT NULL,
  last_id     INTEGER NOT NULL,
  before      TEXT CHECK (before IS NULL OR json_valid(before)),
  CHECK (last_id >= first_id),
  CHECK ((action = 'update') = (before IS NOT NULL)),
  PRIMARY KEY (batch_id, seq)
) WITHOUT ROWID;

CREATE TABLE import_mappings (
  id          INTEGER PRIMARY KEY,
  target      TEXT NOT NULL CHECK (target IN ('customers', 'contacts', 'orders', 'interactions', 'complaints')),
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  mapping     TEXT NOT NULL CHECK (json_valid(mapping)),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (target, name)
);
