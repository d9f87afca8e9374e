-- The language a sent notice was written in (en, cy, or cy+en for the
-- bilingual form), on its disclosure entry. Hashed only when present, so
-- entries written before this column keep their hashes.
ALTER TABLE audit_log ADD COLUMN language TEXT;
