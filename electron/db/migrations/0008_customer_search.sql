-- Quick-search keys of each customer: the pinyin (full and initials) of its name and
-- main contact's name. SQLite cannot compute pinyin, so the keys are computed in JS and
-- stored here, which makes the grid's list one read instead of a conversion per row.
-- Each row keeps the two texts it was computed from: a row whose customer was renamed
-- or got another main contact since (by any write path: edits, imports, merges, undo,
-- restore) no longer matches and is recomputed and stored again on the next list.
-- Existing databases start empty here and are filled by their first list.

CREATE TABLE customer_search (
  customer_id  INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  contact      TEXT,
  pinyin       TEXT NOT NULL
);
