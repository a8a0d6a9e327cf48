-- Loyalty: member levels, the points ledger and referrals.
-- No triggers on orders: earning is an idempotent sync (electron/services/loyaltySync.ts)
-- that writes one earn entry per order, made unique by the order id.

-- One row per customer that has ever had a ledger entry, a level change or a
-- manual level. `balance` is kept equal to the sum of the customer's ledger
-- entries by the code that writes them, in the same transaction (tests check it).
CREATE TABLE loyalty_accounts (
  customer_id   INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  balance       INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
  level         TEXT NOT NULL DEFAULT 'basic' CHECK (level IN ('basic', 'silver', 'gold', 'diamond')),
  -- 1 while staff have set the level by hand: recomputes keep it.
  level_manual  INTEGER NOT NULL DEFAULT 0 CHECK (level_manual IN (0, 1)),
  updated_at    TEXT NOT NULL
);
CREATE INDEX loyalty_accounts_level ON loyalty_accounts (level);

-- Every change of points. `on_date` is the business date of the entry (the
-- order date for earned points); `ref_id` is the order id for earn and bonus
-- entries and the referred customer's id for referral rewards.
CREATE TABLE points_ledger (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  on_date      TEXT NOT NULL CHECK (date(on_date) IS on_date),
  kind         TEXT NOT NULL CHECK (kind IN ('earn', 'bonus', 'referral', 'redeem', 'adjust', 'expire')),
  points       INTEGER NOT NULL CHECK (points <> 0),
  ref_id       INTEGER,
  reward_code  TEXT,
  reason       TEXT,
  created_at   TEXT NOT NULL,
  CHECK ((kind IN ('earn', 'bonus', 'referral')) = (ref_id IS NOT NULL)),
  CHECK (kind IN ('redeem', 'expire') OR points > 0 OR kind = 'adjust'),
  CHECK (kind NOT IN ('redeem', 'expire') OR points < 0)
);
CREATE INDEX points_ledger_customer ON points_ledger (customer_id, id);
-- One earn and at most one bonus entry per order, one referral reward per referred customer.
CREATE UNIQUE INDEX points_ledger_once ON points_ledger (kind, ref_id) WHERE ref_id IS NOT NULL;

-- Level changes with their date and reason ('recompute', 'manual', 'automatic').
-- No foreign key to customers' levels: history is read by customer only.
CREATE TABLE loyalty_level_history (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  on_date      TEXT NOT NULL CHECK (date(on_date) IS on_date),
  from_level   TEXT NOT NULL CHECK (from_level IN ('basic', 'silver', 'gold', 'diamond')),
  to_level     TEXT NOT NULL CHECK (to_level IN ('basic', 'silver', 'gold', 'diamond')),
  reason       TEXT NOT NULL CHECK (reason IN ('recompute', 'manual', 'automatic')),
  -- The figure the level was computed from (points or cents), NULL for manual changes.
  metric       INTEGER,
  actor        TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX loyalty_level_history_customer ON loyalty_level_history (customer_id, id);

-- Who referred a customer (at most one referrer each).
CREATE TABLE referrals (
  customer_id  INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  referrer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  CHECK (customer_id <> referrer_id)
);
CREATE INDEX referrals_referrer ON referrals (referrer_id);
