-- Segmentation and lifetime value: per-customer rollups kept current by
-- triggers, monthly activity buckets, segmentation runs with their parameters,
-- the per-customer results of the latest run and every run's tiers.

-- One row per customer with any order or interaction. Segmentation reads only
-- this, never the orders table.
CREATE TABLE customer_rollups (
  customer_id          INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  order_count          INTEGER NOT NULL DEFAULT 0,
  -- Distinct order dates: the "transactions" of BG/NBD (one per customer-day).
  order_days           INTEGER NOT NULL DEFAULT 0,
  total_cents          INTEGER NOT NULL DEFAULT 0,
  first_order_date     TEXT,
  last_order_date      TEXT,
  interaction_count    INTEGER NOT NULL DEFAULT 0,
  last_interaction_at  TEXT
);

-- Orders and interactions per customer and calendar month (YYYY-MM), for the
-- lifecycle's "activity falling" rule and trend charts.
CREATE TABLE customer_monthly (
  customer_id        INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  month              TEXT NOT NULL,
  order_count        INTEGER NOT NULL DEFAULT 0,
  amount_cents       INTEGER NOT NULL DEFAULT 0,
  interaction_count  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, month)
) WITHOUT ROWID;
-- Covers the lifecycle windows (the last months of every customer) without touching the table.
CREATE INDEX customer_monthly_month ON customer_monthly (month, customer_id, order_count, interaction_count);

-- The triggers keep both tables equal to a full rebuild (electron/db/rollups.ts)
-- for every writer. Every lookup they make is an index seek on
-- orders_customer_date or interactions_customer_time, so a write stays O(log n).
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

CREATE TRIGGER interactions_rollup_insert AFTER INSERT ON interactions BEGIN
  INSERT INTO customer_rollups (customer_id, interaction_count, last_interaction_at) VALUES (NEW.customer_id, 1, NEW.occurred_at)
  ON CONFLICT (customer_id) DO UPDATE SET
    interaction_count = interaction_count + 1,
    last_interaction_at = CASE WHEN last_interaction_at IS NULL OR NEW.occurred_at > last_interaction_at THEN NEW.occurred_at ELSE last_interaction_at END;
  INSERT INTO customer_monthly (customer_id, month, interaction_count) VALUES (NEW.customer_id, substr(NEW.occurred_at, 1, 7), 1)
  ON CONFLICT (customer_id, month) DO UPDATE SET interaction_count = interaction_count + 1;
END;

CREATE TRIGGER interactions_rollup_delete AFTER DELETE ON interactions BEGIN
  UPDATE customer_rollups SET
    interaction_count = interaction_count - 1,
    last_interaction_at = (SELECT max(occurred_at) FROM interactions WHERE customer_id = OLD.customer_id)
  WHERE customer_id = OLD.customer_id;
  DELETE FROM customer_rollups WHERE customer_id = OLD.customer_id AND order_count = 0 AND interaction_count = 0;
  UPDATE customer_monthly SET interaction_count = interaction_count - 1 WHERE customer_id = OLD.customer_id AND month = substr(OLD.occurred_at, 1, 7);
  DELETE FROM customer_monthly WHERE customer_id = OLD.customer_id AND month = substr(OLD.occurred_at, 1, 7) AND order_count = 0 AND interaction_count = 0;
END;

CREATE TRIGGER interactions_rollup_update AFTER UPDATE OF customer_id, occurred_at ON interactions BEGIN
  UPDATE customer_rollups SET
    interaction_count = interaction_count - 1,
    last_interaction_at = (SELECT max(occurred_at) FROM interactions WHERE customer_id = OLD.customer_id)
  WHERE customer_id = OLD.customer_id;
  DELETE FROM customer_rollups WHERE customer_id = OLD.customer_id AND order_count = 0 AND interaction_count = 0;
  UPDATE customer_monthly SET interaction_count = interaction_count - 1 WHERE customer_id = OLD.customer_id AND month = substr(OLD.occurred_at, 1, 7);
  DELETE FROM customer_monthly WHERE customer_id = OLD.customer_id AND month = substr(OLD.occurred_at, 1, 7) AND order_count = 0 AND interaction_count = 0;
  INSERT INTO customer_rollups (customer_id, interaction_count, last_interaction_at) VALUES (NEW.customer_id, 1, NEW.occurred_at)
  ON CONFLICT (customer_id) DO UPDATE SET
    interaction_count = interaction_count + 1,
    last_interaction_at = (SELECT max(occurred_at) FROM interactions WHERE customer_id = NEW.customer_id);
  INSERT INTO customer_monthly (customer_id, month, interaction_count) VALUES (NEW.customer_id, substr(NEW.occurred_at, 1, 7), 1)
  ON CONFLICT (customer_id, month) DO UPDATE SET interaction_count = interaction_count + 1;
END;

-- Fill both tables for the rows that exist already (same statements as the repair rebuild).
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

-- A narrow covering index: segmentation reads these four fields of every
-- customer and need not walk the wide profile rows.
CREATE INDEX customers_segment_fields ON customers (id, kind, cooperation_start, tier_override);

-- One row per segmentation run, with the settings it used and the CLV fit
-- (parameters, or why there are none), so runs can be compared.
CREATE TABLE segment_runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT NOT NULL,
  as_of        TEXT NOT NULL CHECK (date(as_of) IS as_of),
  trigger      TEXT NOT NULL CHECK (trigger IN ('manual', 'daily', 'import', 'cli')),
  settings     TEXT NOT NULL CHECK (json_valid(settings)),
  clv          TEXT NOT NULL CHECK (json_valid(clv)),
  -- Counts per tier, quadrant and stage, and the quadrant thresholds used.
  summary      TEXT NOT NULL CHECK (json_valid(summary)),
  customers    INTEGER NOT NULL
);

-- The latest run's result per customer (replaced whole by each run).
CREATE TABLE segment_results (
  customer_id         INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  run_id              INTEGER NOT NULL REFERENCES segment_runs (id) ON DELETE CASCADE,
  score_1             INTEGER NOT NULL CHECK (score_1 BETWEEN 1 AND 5),
  score_2             INTEGER NOT NULL CHECK (score_2 BETWEEN 1 AND 5),
  score_3             INTEGER NOT NULL CHECK (score_3 BETWEEN 1 AND 5),
  composite           REAL NOT NULL,
  tier                TEXT NOT NULL CHECK (tier IN ('high', 'regular', 'potential')),
  quadrant            TEXT NOT NULL CHECK (quadrant IN ('high-high', 'high-low', 'low-high', 'low-low')),
  lifecycle           TEXT NOT NULL CHECK (lifecycle IN ('acquisition', 'growth', 'maturity', 'decline')),
  value_cents         INTEGER NOT NULL,
  -- NULL when the CLV models could not be fitted (the run's clv column says why).
  predicted_cents     INTEGER,
  p_alive             REAL,
  expected_purchases  REAL
);
CREATE INDEX segment_results_run ON segment_results (run_id);

-- Every run's computed tier per customer, for the migration matrix between runs.
-- No foreign key to customers: history outlives a deleted or merged profile.
CREATE TABLE segment_run_tiers (
  run_id       INTEGER NOT NULL REFERENCES segment_runs (id) ON DELETE CASCADE,
  customer_id  INTEGER NOT NULL,
  tier         TEXT NOT NULL CHECK (tier IN ('high', 'regular', 'potential')),
  PRIMARY KEY (run_id, customer_id)
) WITHOUT ROWID;
