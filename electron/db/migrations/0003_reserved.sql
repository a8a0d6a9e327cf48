-- Placeholder for the migration number 0003 assigned to another branch; the
-- migration runner refuses gaps, so issue-4's 0004 needs 0003 and 0003 present.
-- Remove this file when merging with the branch that owns 0003.
SELECT 1;
