-- Customer profiles: saved grid views per user, merge records for undo, and an
-- index that finds all audit rows of one batch (a bulk edit or a merge) for undo.

CREATE TABLE saved_views (
  id          INTEGER PRIMARY KEY,
  owner       TEXT NOT NULL,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  -- Grid state as JSON: column order/width/visibility/pin, filter model, sort.
  state       TEXT NOT NULL CHECK (json_valid(state)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX saved_views_owner_name ON saved_views (owner, name);

-- One row per merge of two customers. `snapshot` holds everything undo needs (the
-- merged customer's row, which child rows moved, the kept customer's old values).
-- No foreign keys: the merged customer no longer exists, and the record must outlive it.
CREATE TABLE customer_merges (
  id          INTEGER PRIMARY KEY,
  batch_id    TEXT NOT NULL UNIQUE,
  kept_id     INTEGER NOT NULL,
  merged_id   INTEGER NOT NULL,
  snapshot    TEXT NOT NULL CHECK (json_valid(snapshot)),
  actor       TEXT NOT NULL,
  merged_at   TEXT NOT NULL,
  undone_at   TEXT
);
CREATE INDEX customer_merges_kept ON customer_merges (kept_id);

CREATE INDEX audit_log_batch ON audit_log (batch_id) WHERE batch_id IS NOT NULL;
