ALTER TABLE organisations DROP COLUMN preferred_language;
