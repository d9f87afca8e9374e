-- The language a partner organisation (a witness care unit, the CPS, a
-- Witness Service, a court, a probation region) reads Courtside's messages
-- in (issue 18): 'en' or 'cy'. NULL when it chose none: then a message about
-- a hearing at a court in Wales goes in Welsh and English, otherwise in
-- English. A person's own choice is users.page_language.
ALTER TABLE organisations ADD COLUMN preferred_language TEXT;
