-- 0008: a child's name in Latin letters, optional, for a name written in another script ("Anna
-- Petrova" for "Анна Петрова", "Yusuf Haddad" for "يوسف حداد"): the class list is searched by it.
-- It is never shown or printed in place of the name.
ALTER TABLE student ADD COLUMN latin_name TEXT NOT NULL DEFAULT '';
