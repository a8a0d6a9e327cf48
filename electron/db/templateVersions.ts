import type { Database } from 'better-sqlite3';

/**
 * The reads every table of versioned templates needs (visit_templates, survey_templates:
 * one row per template_key and version, an edit saves the next version): the latest
 * version of each template in the order the templates were first made, all versions of
 * one, one version by id, and the latest version of one.
 */
export function templateVersionQueries<R>(db: Database, table: 'visit_templates' | 'survey_templates') {
  return {
    latest: db.prepare<[], R>(
      `SELECT t.* FROM ${table} t
        WHERE t.version = (SELECT max(version) FROM ${table} v WHERE v.template_key = t.template_key)
        ORDER BY (SELECT min(id) FROM ${table} v WHERE v.template_key = t.template_key)`,
    ),
    versionsOf: db.prepare<[string], R>(`SELECT * FROM ${table} WHERE template_key = ? ORDER BY version`),
    byId: db.prepare<[number], R>(`SELECT * FROM ${table} WHERE id = ?`),
    latestByKey: db.prepare<[string], R>(`SELECT * FROM ${table} WHERE template_key = ? ORDER BY version DESC LIMIT 1`),
  };
}
