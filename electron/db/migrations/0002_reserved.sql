-- Stand-in for migration 0002, which another branch (issue 4) owns. The migration
-- runner refuses gaps, so branch issue-5 needs a 0002 to apply its 0003. When the
-- branches are merged, delete this file and its test: the real 0002 takes its place.
SELECT 1;
