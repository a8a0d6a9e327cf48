-- When the desktop was told that an open alert fell due (due today or overdue), so
-- each alert is announced once, across restarts. NULL = not announced yet.
ALTER TABLE alerts ADD COLUMN due_notified_at TEXT;
