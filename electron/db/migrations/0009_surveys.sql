-- Satisfaction surveys: versioned bilingual templates, forms with a unique number (printed
-- on paper with a QR code, or used for phone and screen entry), at most one response per
-- form with its answers, and service-improvement plans with their actions and causes.

-- A template keeps every version: editing one inserts the next version under the same
-- key, so an old response keeps pointing at the exact questions it answered.
CREATE TABLE survey_templates (
  id            INTEGER PRIMARY KEY,
  template_key  TEXT NOT NULL CHECK (length(trim(template_key)) > 0),
  version       INTEGER NOT NULL CHECK (version >= 1),
  name_zh       TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
  name_en       TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
  -- Retired versions stay for their responses but are not offered for new forms.
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_by    TEXT NOT NULL DEFAULT 'system',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (template_key, version)
);

-- score5: a 5-point dimension (dimension names it across versions, e.g. 'quality');
-- nps: the 0–10 recommendation question (its answer is kept on the response);
-- text: an open question.
CREATE TABLE survey_questions (
  id           INTEGER PRIMARY KEY,
  template_id  INTEGER NOT NULL REFERENCES survey_templates (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position >= 1),
  kind         TEXT NOT NULL CHECK (kind IN ('score5', 'nps', 'text')),
  dimension    TEXT,
  text_zh      TEXT NOT NULL CHECK (length(trim(text_zh)) > 0),
  text_en      TEXT NOT NULL CHECK (length(trim(text_en)) > 0),
  UNIQUE (template_id, position),
  CHECK ((kind = 'score5') = (dimension IS NOT NULL))
);

CREATE TABLE survey_forms (
  id           INTEGER PRIMARY KEY,
  -- What the QR code carries and a scanner types, e.g. SV-2026-000123.
  form_no      TEXT NOT NULL UNIQUE CHECK (length(trim(form_no)) > 0),
  template_id  INTEGER NOT NULL REFERENCES survey_templates (id),
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  channel      TEXT NOT NULL CHECK (channel IN ('paper', 'phone', 'screen')),
  language     TEXT NOT NULL CHECK (language IN ('zh-CN', 'en-US')),
  -- The date printed on the form.
  issued_on    TEXT NOT NULL CHECK (date(issued_on) IS issued_on),
  -- When the form was printed or sent; NULL until then.
  sent_at      TEXT,
  batch_id     TEXT,
  created_by   TEXT NOT NULL DEFAULT 'system',
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX survey_forms_customer ON survey_forms (customer_id, issued_on);
CREATE INDEX survey_forms_issued ON survey_forms (issued_on);

-- One response per form (a second entry of the same form is a correction of this row).
-- customer_id and the score summary are copied here in the same transaction as the
-- answers, so the warning rule and the KPIs read one row per response.
CREATE TABLE survey_responses (
  id            INTEGER PRIMARY KEY,
  form_id       INTEGER NOT NULL UNIQUE REFERENCES survey_forms (id) ON DELETE CASCADE,
  customer_id   INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  responded_on  TEXT NOT NULL CHECK (date(responded_on) IS responded_on),
  nps           INTEGER CHECK (nps IS NULL OR nps BETWEEN 0 AND 10),
  -- Mean and minimum of the answered 5-point scores; NULL when none was answered.
  mean_score    REAL CHECK (mean_score IS NULL OR mean_score BETWEEN 1 AND 5),
  min_score     INTEGER CHECK (min_score IS NULL OR min_score BETWEEN 1 AND 5),
  entered_by    TEXT NOT NULL DEFAULT 'system',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX survey_responses_day ON survey_responses (responded_on);
CREATE INDEX survey_responses_customer ON survey_responses (customer_id, responded_on);

-- score for score5 questions (1–5), text for open questions; unanswered questions have no row.
CREATE TABLE survey_answers (
  response_id  INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
  question_id  INTEGER NOT NULL REFERENCES survey_questions (id),
  score        INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),
  text         TEXT,
  PRIMARY KEY (response_id, question_id),
  CHECK ((score IS NULL) <> (text IS NULL))
) WITHOUT ROWID;

-- A service-improvement plan (started when a score falls below 3.5) and its actions.
CREATE TABLE improvement_plans (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
  -- The dimension whose low score started the plan; NULL for NPS or a general plan.
  dimension    TEXT,
  -- Why it was started, in numbers, e.g. "响应速度 CSAT 3.2 < 3.5 (2026-11)".
  reason       TEXT NOT NULL,
  -- NULL: a plan for a segment or the whole customer base.
  customer_id  INTEGER REFERENCES customers (id) ON DELETE SET NULL,
  owner_id     INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'cancelled')),
  created_by   TEXT NOT NULL DEFAULT 'system',
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  closed_at    TEXT
);
CREATE INDEX improvement_plans_status ON improvement_plans (status, created_at);

CREATE TABLE improvement_actions (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES improvement_plans (id) ON DELETE CASCADE,
  measure     TEXT NOT NULL CHECK (length(trim(measure)) > 0),
  owner_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  due_date    TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
  resources   TEXT NOT NULL DEFAULT '',
  acceptance  TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done', 'cancelled')),
  done_on     TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX improvement_actions_plan ON improvement_actions (plan_id);
CREATE INDEX improvement_actions_due ON improvement_actions (status, due_date);

-- The surveys and complaints that caused a plan.
CREATE TABLE improvement_links (
  plan_id    INTEGER NOT NULL REFERENCES improvement_plans (id) ON DELETE CASCADE,
  source     TEXT NOT NULL CHECK (source IN ('survey', 'complaint')),
  source_id  INTEGER NOT NULL,
  PRIMARY KEY (plan_id, source, source_id)
) WITHOUT ROWID;
CREATE INDEX improvement_links_source ON improvement_links (source, source_id);

-- The shipped templates: the four dimensions of the process documents, and an extended
-- one with the three further dimensions; both end with NPS and an open question.
INSERT INTO survey_templates (template_key, version, name_zh, name_en) VALUES
  ('standard', 1, '客户满意度调研表', 'Customer satisfaction survey'),
  ('extended', 1, '客户满意度调研表（详细版）', 'Customer satisfaction survey (extended)');

INSERT INTO survey_questions (template_id, position, kind, dimension, text_zh, text_en)
SELECT t.id, q.position, q.kind, q.dimension, q.text_zh, q.text_en
  FROM survey_templates t
  JOIN (
    SELECT 1 AS position, 'score5' AS kind, 'quality' AS dimension, '产品/服务质量' AS text_zh, 'Product and service quality' AS text_en, 0 AS extended_only
    UNION ALL SELECT 2, 'score5', 'response', '响应速度与及时性', 'Response speed and timeliness', 0
    UNION ALL SELECT 3, 'score5', 'manager', '客户经理专业度', 'Account manager professionalism', 0
    UNION ALL SELECT 4, 'score5', 'overall', '合作体验整体评价', 'Overall cooperation experience', 0
    UNION ALL SELECT 5, 'score5', 'attitude', '服务态度', 'Service attitude', 1
    UNION ALL SELECT 6, 'score5', 'solving', '问题解决效率', 'Problem-solving efficiency', 1
    UNION ALL SELECT 7, 'score5', 'information', '信息完整度', 'Completeness of information', 1
  ) q ON q.extended_only = 0 OR t.template_key = 'extended';

INSERT INTO survey_questions (template_id, position, kind, dimension, text_zh, text_en)
SELECT id, CASE template_key WHEN 'standard' THEN 5 ELSE 8 END, 'nps', NULL,
       '您有多大可能向朋友或同事推荐我们？（0–10 分）', 'How likely are you to recommend us to a friend or colleague? (0–10)'
  FROM survey_templates;
INSERT INTO survey_questions (template_id, position, kind, dimension, text_zh, text_en)
SELECT id, CASE template_key WHEN 'standard' THEN 6 ELSE 9 END, 'text', NULL,
       '您对我们的意见和建议', 'Your comments and suggestions'
  FROM survey_templates;
