-- Core domain of Patron: staff, customer profiles with contacts and need tags,
-- orders, interactions, complaints, settings and the audit trail.
-- Money is integer cents (分); dates are ISO YYYY-MM-DD text; timestamps ISO UTC.

CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  email       TEXT,
  phone       TEXT,
  role        TEXT NOT NULL DEFAULT 'sales' CHECK (role IN ('sales', 'manager', 'service', 'admin')),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX staff_name_unique ON staff (name);

CREATE TABLE customers (
  id                 INTEGER PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  kind               TEXT NOT NULL CHECK (kind IN ('company', 'person')),
  name               TEXT NOT NULL CHECK (length(trim(name)) > 0),
  industry           TEXT,
  region             TEXT,
  source             TEXT,
  owner_id           INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  cooperation_start  TEXT CHECK (cooperation_start IS NULL OR date(cooperation_start) IS cooperation_start),
  status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('prospect', 'active', 'dormant', 'lost')),
  tier_override      TEXT CHECK (tier_override IN ('high', 'regular', 'potential')),
  phone              TEXT,
  email              TEXT,
  address            TEXT,
  notes              TEXT,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX customers_owner ON customers (owner_id);
CREATE INDEX customers_name ON customers (name);

CREATE TABLE contacts (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  title        TEXT,
  phone        TEXT,
  email        TEXT,
  wechat       TEXT,
  birthday     TEXT CHECK (birthday IS NULL OR date(birthday) IS birthday),
  is_primary   INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  notes        TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX contacts_customer ON contacts (customer_id);
-- At most one primary contact per customer.
CREATE UNIQUE INDEX contacts_one_primary ON contacts (customer_id) WHERE is_primary = 1;

CREATE TABLE tags (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  kind  TEXT NOT NULL DEFAULT 'need' CHECK (kind IN ('need', 'general'))
);

CREATE TABLE customer_tags (
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  tag_id       INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (customer_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags (tag_id);

CREATE TABLE orders (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers (id),
  order_no      TEXT UNIQUE,
  order_date    TEXT NOT NULL CHECK (date(order_date) IS order_date),
  amount_cents  INTEGER NOT NULL,
  quantity      INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),
  items         TEXT,
  category      TEXT,
  channel       TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- Covers the per-customer totals (count, sum, last date) without touching the table.
CREATE INDEX orders_customer_date ON orders (customer_id, order_date, amount_cents);
CREATE INDEX orders_date ON orders (order_date);

CREATE TABLE interactions (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  occurred_at     TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'visit', 'wechat', 'store', 'other')),
  summary         TEXT,
  staff_id        INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  next_follow_up  TEXT CHECK (next_follow_up IS NULL OR date(next_follow_up) IS next_follow_up),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX interactions_customer_time ON interactions (customer_id, occurred_at);

CREATE TABLE complaints (
  id                 INTEGER PRIMARY KEY,
  customer_id        INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  opened_at          TEXT NOT NULL,
  channel            TEXT,
  category           TEXT,
  severity           TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  description        TEXT,
  staff_id           INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  first_response_at  TEXT,
  resolved_at        TEXT,
  resolution         TEXT,
  satisfaction       INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX complaints_customer ON complaints (customer_id);
CREATE INDEX complaints_open ON complaints (opened_at) WHERE resolved_at IS NULL;

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL CHECK (json_valid(value)),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

-- One row per changed field: who, when, what, old -> new.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor      TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  field      TEXT,
  old_value  TEXT,
  new_value  TEXT,
  batch_id   TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
