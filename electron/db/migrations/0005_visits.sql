-- Visit plans: versioned templates per quadrant and tier (seeded from the strategy
-- table of the design notes, in Chinese and English), and one plan per customer
-- visit with its execution record.

-- A template keeps every version: editing one inserts the next version under the
-- same key, so a plan keeps pointing at the exact text it was made from.
CREATE TABLE visit_templates (
  id              INTEGER PRIMARY KEY,
  template_key    TEXT NOT NULL CHECK (length(trim(template_key)) > 0),
  version         INTEGER NOT NULL CHECK (version >= 1),
  -- NULL quadrant/tier: a template people added for any customer (chosen by hand).
  quadrant        TEXT CHECK (quadrant IS NULL OR quadrant IN ('high-high', 'high-low', 'low-high', 'low-low')),
  tier            TEXT CHECK (tier IS NULL OR tier IN ('high', 'regular', 'potential')),
  name_zh         TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
  name_en         TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
  goal_zh         TEXT NOT NULL,
  goal_en         TEXT NOT NULL,
  measures_zh     TEXT NOT NULL,
  measures_en     TEXT NOT NULL,
  resources_zh    TEXT NOT NULL,
  resources_en    TEXT NOT NULL,
  frequency_days  INTEGER NOT NULL CHECK (frequency_days BETWEEN 1 AND 366),
  owner_role      TEXT NOT NULL CHECK (owner_role IN ('sales', 'manager', 'service', 'admin')),
  created_by      TEXT NOT NULL DEFAULT 'system',
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (template_key, version)
);

CREATE TABLE visit_plans (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  template_id     INTEGER NOT NULL REFERENCES visit_templates (id),
  owner_id        INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  -- The customer's effective tier and quadrant when the plan was made.
  tier            TEXT CHECK (tier IS NULL OR tier IN ('high', 'regular', 'potential')),
  quadrant        TEXT CHECK (quadrant IS NULL OR quadrant IN ('high-high', 'high-low', 'low-high', 'low-low')),
  planned_date    TEXT NOT NULL CHECK (date(planned_date) IS planned_date),
  -- Copied from the template in the language chosen at planning time.
  goal            TEXT NOT NULL,
  measures        TEXT NOT NULL,
  resources       TEXT NOT NULL,
  -- planned = not yet recorded; yes / partial / no = the execution record.
  status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'yes', 'partial', 'no')),
  done_date       TEXT CHECK (done_date IS NULL OR date(done_date) IS done_date),
  outcome         TEXT,
  next_step       TEXT,
  -- The interaction a done visit logged (same transaction as the record).
  interaction_id  INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
  batch_id        TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((status = 'planned') = (done_date IS NULL))
);
CREATE INDEX visit_plans_date ON visit_plans (planned_date);
CREATE INDEX visit_plans_customer ON visit_plans (customer_id, planned_date);
CREATE INDEX visit_plans_owner ON visit_plans (owner_id, planned_date);
CREATE INDEX visit_plans_template ON visit_plans (template_id);

-- The shipped templates: quadrant strategy × tier goal. Visit frequency follows the
-- quadrant (monthly for deep partnership … twice a year for cost control), tightened
-- for at-risk (potential) customers who need winning back.
WITH q (quadrant, ord, name_zh, name_en, goal_zh, goal_en, measures_zh, measures_en, resources_zh, resources_en, frequency_days, owner_role) AS (VALUES
    ('high-high', 1, '深度合作', 'Deep partnership', '建立深度战略合作关系', 'Build a deep strategic partnership',
     '专属服务团队；每月拜访；定制化解决方案', 'Dedicated team; monthly visit; tailored solutions',
     '专属客户经理、技术支持、定制方案预算', 'Dedicated account manager, technical support, budget for tailored solutions', 30, 'manager'),
    ('high-low', 2, '体验与复购', 'Experience and repurchase', '巩固体验，促进复购', 'Strengthen the experience and drive repurchase',
     'VIP 服务包；季度满意度调研', 'VIP service pack; quarterly satisfaction survey',
     'VIP 服务包、满意度调研问卷', 'VIP service pack, satisfaction survey form', 90, 'sales'),
    ('low-high', 3, '培育成长', 'Nurture growth', '培育需求，提升客户价值', 'Nurture needs and grow the customer''s value',
     '行业白皮书；小型交流会；组合套餐', 'Industry white papers; small exchange meetings; bundles',
     '行业白皮书、交流会名额、组合套餐报价', 'Industry white papers, exchange-meeting seats, bundle quotes', 60, 'sales'),
    ('low-low', 4, '成本控制', 'Cost control', '以低成本维持关系', 'Keep the relationship at low cost',
     '减少拜访；标准化流程；主推核心产品', 'Fewer visits; standard process; core products',
     '标准服务流程、核心产品资料', 'Standard service process, core product sheets', 180, 'service')
),
t (tier, ord, label_zh, label_en, goal_zh, goal_en) AS (VALUES
    ('high', 1, '高价值', 'high value', '保持高价值客户的满意与忠诚', 'keep a high-value customer satisfied and loyal'),
    ('regular', 2, '普通', 'regular', '提升购买频次与客单价', 'raise purchase frequency and order size'),
    ('potential', 3, '潜在/流失风险', 'potential or at risk', '找出流失原因并挽回', 'find why they are drifting away and win them back')
)
INSERT INTO visit_templates (template_key, version, quadrant, tier, name_zh, name_en, goal_zh, goal_en, measures_zh, measures_en, resources_zh, resources_en, frequency_days, owner_role)
SELECT q.quadrant || ':' || t.tier, 1, q.quadrant, t.tier,
       q.name_zh || '·' || t.label_zh, q.name_en || ' · ' || t.label_en,
       q.goal_zh || '；' || t.goal_zh, q.goal_en || '; ' || t.goal_en,
       q.measures_zh, q.measures_en, q.resources_zh, q.resources_en,
       CASE WHEN t.tier = 'potential' THEN max(14, q.frequency_days / 2) ELSE q.frequency_days END,
       q.owner_role
  FROM q CROSS JOIN t
 ORDER BY q.ord, t.ord;
