-- The language a signed-in person reads the pages in (issue 18): 'en' or
-- 'cy', chosen with the Cymraeg | English switch on every page. NULL until
-- they choose (then the pages follow the pre-sign-in cookie, else English).
ALTER TABLE users ADD COLUMN page_language TEXT;
