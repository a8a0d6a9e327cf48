-- Churn warnings, complaint SLAs and care reminders: the alerts the warning job
-- raises and closes, its runs, the SLA deadlines and escalation of complaints,
-- and which care greetings were done.

CREATE TABLE alerts (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  rule         TEXT NOT NULL CHECK (rule IN ('inactive', 'complaint', 'negative_feedback', 'order_drop', 'predicted_churn')),
  -- The numbers behind the alert (shared/warnings/rules.ts Evidence), refreshed while it is open.
  evidence     TEXT NOT NULL CHECK (json_valid(evidence)),
  raised_at    TEXT NOT NULL,
  due_at       TEXT NOT NULL,
  assignee_id  INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  -- 0 high value … 3 not tiered: high-value customers are flagged first.
  priority     INTEGER NOT NULL DEFAULT 3,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'dismissed')),
  note         TEXT,
  closed_at    TEXT,
  -- Who closed it: a user, or 'auto' when the condition cleared.
  closed_by    TEXT,
  updated_at   TEXT NOT NULL,
  CHECK (status <> 'dismissed' OR length(trim(coalesce(note, ''))) > 0),
  CHECK ((status IN ('open', 'in_progress')) = (closed_at IS NULL))
);
-- One open alert per customer and rule.
CREATE UNIQUE INDEX alerts_one_open ON alerts (customer_id, rule) WHERE status IN ('open', 'in_progress');
CREATE INDEX alerts_open_due ON alerts (due_at, priority) WHERE status IN ('open', 'in_progress');
CREATE INDEX alerts_customer ON alerts (customer_id, status);

CREATE TABLE warning_runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT NOT NULL,
  as_of        TEXT NOT NULL CHECK (date(as_of) IS as_of),
  trigger      TEXT NOT NULL,
  raised       INTEGER NOT NULL,
  closed       INTEGER NOT NULL,
  open         INTEGER NOT NULL,
  -- Milliseconds to read the inputs and evaluate the rules, and to write the alerts.
  eval_ms      INTEGER NOT NULL,
  write_ms     INTEGER NOT NULL
);

-- SLA deadlines are fixed when a complaint is logged (a later settings change
-- does not move them); NULL for older rows, which use the current settings.
ALTER TABLE complaints ADD COLUMN response_due_at TEXT;
ALTER TABLE complaints ADD COLUMN resolution_due_at TEXT;
ALTER TABLE complaints ADD COLUMN resolution_hours INTEGER CHECK (resolution_hours IS NULL OR resolution_hours > 0);
ALTER TABLE complaints ADD COLUMN escalated_at TEXT;
ALTER TABLE complaints ADD COLUMN escalated_to INTEGER REFERENCES staff (id) ON DELETE SET NULL;

-- A greeting marked done for one occasion (a contact's birthday, a customer's
-- cooperation anniversary, a holiday), so nobody is greeted twice.
CREATE TABLE care_done (
  kind         TEXT NOT NULL CHECK (kind IN ('birthday', 'anniversary', 'holiday')),
  -- contacts.id for birthdays, customers.id otherwise.
  ref_id       INTEGER NOT NULL,
  occasion     TEXT NOT NULL CHECK (date(occasion) IS occasion),
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  done_at      TEXT NOT NULL,
  actor        TEXT NOT NULL,
  PRIMARY KEY (kind, ref_id, occasion)
) WITHOUT ROWID;
