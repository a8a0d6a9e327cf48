-- Money columns hold whole cents only, and the file carries Patron's marker.
--
-- A REAL that slipped into amount_cents (an import once stored 1e22) turned a
-- customer's rollup into REAL and made sums inexact, so every money column now
-- has CHECK (typeof(x) = 'integer'). SQLite adds a CHECK only by rebuilding the
-- table: each table is copied into a new one, dropped and the copy renamed;
-- indexes and triggers of the dropped table are created again below, and no
-- other table references these four, so no foreign key is affected.
--
-- Existing rows: a REAL amount holding a whole number of cents becomes that
-- integer; any other REAL fails the CHECK, so the migration (one transaction,
-- run after a backup) stops and the file stays as it was.

-- Renaming a table would otherwise re-check triggers of other tables that
-- still name the dropped one.
PRAGMA legacy_alter_table = ON;

CREATE TABLE orders_checked (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers (id),
  order_no      TEXT UNIQUE,
  order_date    TEXT NOT NULL CHECK (date(order_date) IS order_date),
  amount_cents  INTEGER NOT NULL CHECK (typeof(amount_cents) = 'integer'),
  quantity      INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),
  items         TEXT,
  category      TEXT,
  channel       TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO orders_checked (id, customer_id, order_no, order_date, amount_cents, quantity, items, category, channel, created_at)
SELECT id, customer_id, order_no, order_date,
  CASE WHEN typeof(amount_cents) = 'real' AND abs(amount_cents) < 9007199254740992 AND amount_cents = CAST(amount_cents AS INTEGER)
       THEN CAST(amount_cents AS INTEGER) ELSE amount_cents END,
  quantity, items, category, channel, created_at
FROM orders;
DROP TABLE orders;
ALTER TABLE orders_checked RENAME TO orders;
CREATE INDEX orders_customer_date ON orders (customer_id, order_date, amount_cents);
CREATE INDEX orders_date ON orders (order_date);

-- The rollups are rebuilt from the orders and interactions (the same
-- statements as 0002), which also repairs a rollup that had turned REAL.
DROP TABLE customer_rollups;
CREATE TABLE customer_rollups (
  customer_id          INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  order_count          INTEGER NOT NULL DEFAULT 0,
  order_days           INTEGER NOT NULL DEFAULT 0,
  total_cents          INTEGER NOT NULL DEFAULT 0 CHECK (typeof(total_cents) = 'integer'),
  first_order_date     TEXT,
  last_order_date      TEXT,
  interaction_count    INTEGER NOT NULL DEFAULT 0,
  last_interaction_at  TEXT
);

DROP INDEX customer_monthly_month;
DROP TABLE customer_monthly;
CREATE TABLE customer_monthly (
  customer_id        INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  month              TEXT NOT NULL,
  order_count        INTEGER NOT NULL DEFAULT 0,
  amount_cents       INTEGER NOT NULL DEFAULT 0 CHECK (typeof(amount_cents) = 'integer'),
  interaction_count  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, month)
) WITHOUT ROWID;
CREATE INDEX customer_monthly_month ON customer_monthly (month, customer_id, order_count, interaction_count);

INSERT INTO customer_monthly (customer_id, month, order_count, amount_cents, interaction_count)
SELECT customer_id, substr(order_date, 1, 7), count(*), sum(amount_cents), 0 FROM orders GROUP BY 1, 2;
INSERT INTO customer_monthly (customer_id, month, order_count, amount_cents, interaction_count)
SELECT customer_id, substr(occurred_at, 1, 7), 0, 0, count(*) FROM interactions WHERE true GROUP BY 1, 2
ON CONFLICT (customer_id, month) DO UPDATE SET interaction_count = excluded.interaction_count;
INSERT INTO customer_rollups (customer_id, order_count, order_days, total_cents, first_order_date, last_order_date)
SELECT customer_id, count(*), count(DISTINCT order_date), sum(amount_cents), min(order_date), max(order_date) FROM orders GROUP BY customer_id;
INSERT INTO customer_rollups (customer_id, interaction_count, last_interaction_at)
SELECT customer_id, count(*), max(occurred_at) FROM interactions WHERE true GROUP BY customer_id
ON CONFLICT (customer_id) DO UPDATE SET interaction_count = excluded.interaction_count, last_interaction_at = excluded.last_interaction_at;

-- The latest segmentation result is derived data: a figure that is not a
-- whole number of cents is rounded (the next run recomputes it anyway).
CREATE TABLE segment_results_checked (
  customer_id         INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  run_id              INTEGER NOT NULL REFERENCES segment_runs (id) ON DELETE CASCADE,
  score_1             INTEGER NOT NULL CHECK (score_1 BETWEEN 1 AND 5),
  score_2             INTEGER NOT NULL CHECK (score_2 BETWEEN 1 AND 5),
  score_3             INTEGER NOT NULL CHECK (score_3 BETWEEN 1 AND 5),
  composite           REAL NOT NULL,
  tier                TEXT NOT NULL CHECK (tier IN ('high', 'regular', 'potential')),
  quadrant            TEXT NOT NULL CHECK (quadrant IN ('high-high', 'high-low', 'low-high', 'low-low')),
  lifecycle           TEXT NOT NULL CHECK (lifecycle IN ('acquisition', 'growth', 'maturity', 'decline')),
  value_cents         INTEGER NOT NULL CHECK (typeof(value_cents) = 'integer'),
  predicted_cents     INTEGER CHECK (predicted_cents IS NULL OR typeof(predicted_cents) = 'integer'),
  p_alive             REAL,
  expected_purchases  REAL
);
INSERT INTO segment_results_checked
SELECT customer_id, run_id, score_1, score_2, score_3, composite, tier, quadrant, lifecycle,
  CAST(round(value_cents) AS INTEGER), CAST(round(predicted_cents) AS INTEGER), p_alive, expected_purchases
FROM segment_results
WHERE abs(value_cents) < 9007199254740992 AND (predicted_cents IS NULL OR abs(predicted_cents) < 9007199254740992);
DROP TABLE segment_results;
ALTER TABLE segment_results_checked RENAME TO segment_results;
CREATE INDEX segment_results_run ON segment_results (run_id);

PRAGMA legacy_alter_table = OFF;

-- The triggers of the dropped orders table, as 0002 made them.
CREATE TRIGGER orders_rollup_insert AFTER INSERT ON orders BEGIN
  INSERT INTO customer_rollups (customer_id, order_count, order_days, total_cents, first_order_date, last_order_date)
  VALUES (NEW.customer_id, 1, 1, NEW.amount_cents, NEW.order_date, NEW.order_date)
  ON CONFLICT (customer_id) DO UPDATE SET
    order_count = order_count + 1,
    order_days = order_days + NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = NEW.customer_id AND o.order_date = NEW.order_date AND o.id <> NEW.id),
    total_cents = total_cents + NEW.amount_cents,
    first_order_date = CASE WHEN first_order_date IS NULL OR NEW.order_date < first_order_date THEN NEW.order_date ELSE first_order_date END,
    last_order_date = CASE WHEN last_order_date IS NULL OR NEW.order_date > last_order_date THEN NEW.order_date ELSE last_order_date END;
  INSERT INTO customer_monthly (customer_id, month, order_count, amount_cents) VALUES (NEW.customer_id, substr(NEW.order_date, 1, 7), 1, NEW.amount_cents)
  ON CONFLICT (customer_id, month) DO UPDATE SET order_count = order_count + 1, amount_cents = amount_cents + NEW.amount_cents;
END;

CREATE TRIGGER orders_rollup_delete AFTER DELETE ON orders BEGIN
  UPDATE customer_rollups SET
    order_count = order_count - 1,
    order_days = order_days - NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = OLD.customer_id AND o.order_date = OLD.order_date),
    total_cents = total_cents - OLD.amount_cents,
    first_order_date = (SELECT min(order_date) FROM orders WHERE customer_id = OLD.customer_id),
    last_order_date = (SELECT max(order_date) FROM orders WHERE customer_id = OLD.customer_id)
  WHERE customer_id = OLD.customer_id;
  DELETE FROM customer_rollups WHERE customer_id = OLD.customer_id AND order_count = 0 AND interaction_count = 0;
  UPDATE customer_monthly SET order_count = order_count - 1, amount_cents = amount_cents - OLD.amount_cents
  WHERE customer_id = OLD.customer_id AND month = substr(OLD.order_date, 1, 7);
  DELETE FROM customer_monthly WHERE customer_id = OLD.customer_id AND month = substr(OLD.order_date, 1, 7) AND order_count = 0 AND interaction_count = 0;
END;

-- An update is the delete of the old row followed by the insert of the new one
-- (a merge moves orders between customers this way).
CREATE TRIGGER orders_rollup_update AFTER UPDATE OF customer_id, order_date, amount_cents ON orders BEGIN
  UPDATE customer_rollups SET
    order_count = order_count - 1,
    order_days = order_days - NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = OLD.customer_id AND o.order_date = OLD.order_date AND o.id <> OLD.id),
    total_cents = total_cents - OLD.amount_cents,
    first_order_date = (SELECT min(order_date) FROM orders WHERE customer_id = OLD.customer_id),
    last_order_date = (SELECT max(order_date) FROM orders WHERE customer_id = OLD.customer_id)
  WHERE customer_id = OLD.customer_id;
  DELETE FROM customer_rollups WHERE customer_id = OLD.customer_id AND order_count = 0 AND interaction_count = 0;
  UPDATE customer_monthly SET order_count = order_count - 1, amount_cents = amount_cents - OLD.amount_cents
  WHERE customer_id = OLD.customer_id AND month = substr(OLD.order_date, 1, 7);
  DELETE FROM customer_monthly WHERE customer_id = OLD.customer_id AND month = substr(OLD.order_date, 1, 7) AND order_count = 0 AND interaction_count = 0;
  INSERT INTO customer_rollups (customer_id, order_count, order_days, total_cents, first_order_date, last_order_date)
  VALUES (NEW.customer_id, 1, 1, NEW.amount_cents, NEW.order_date, NEW.order_date)
  ON CONFLICT (customer_id) DO UPDATE SET
    order_count = order_count + 1,
    order_days = order_days + NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = NEW.customer_id AND o.order_date = NEW.order_date AND o.id <> NEW.id),
    total_cents = total_cents + NEW.amount_cents,
    first_order_date = (SELECT min(order_date) FROM orders WHERE customer_id = NEW.customer_id),
    last_order_date = (SELECT max(order_date) FROM orders WHERE customer_id = NEW.customer_id);
  INSERT INTO customer_monthly (customer_id, month, order_count, amount_cents) VALUES (NEW.customer_id, substr(NEW.order_date, 1, 7), 1, NEW.amount_cents)
  ON CONFLICT (customer_id, month) DO UPDATE SET order_count = order_count + 1, amount_cents = amount_cents + NEW.amount_cents;
END;

-- Patron's marker in the file header ('PTRN'): a SQLite file without it and
-- with tables of its own is not opened as a Patron database (connection.ts).
PRAGMA application_id = 1347703374;
