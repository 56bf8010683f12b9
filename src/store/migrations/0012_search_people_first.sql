-- 0012: children and guardians get their own part of the search index (rowids below zero), so a
-- search can ask for the people it matches on their own, however common the word: a name is what a
-- teacher looks for most. Everything else keeps counting up from one, newest last, so the newest
-- matches of a common word are found without reading the older ones. The index is filled again
-- from the record by migrations.rs.

DROP TRIGGER search_student_insert;
DROP TRIGGER search_student_update;
DROP TRIGGER search_guardian_insert;
DROP TRIGGER search_guardian_update;

CREATE TRIGGER search_student_insert AFTER INSERT ON student BEGIN
    INSERT INTO search (rowid, kind, item, student, text) VALUES (min(0, coalesce((SELECT rowid FROM search ORDER BY rowid LIMIT 1), 0)) - 1, 'student', NEW.id, NEW.id, NEW.given_name || ' ' || NEW.family_name || ' ' || NEW.family_name || NEW.given_name || ' ' || NEW.preferred_name || ' ' || NEW.latin_name || ' ' || NEW.notes);
    INSERT INTO search_row (kind, item, row) VALUES ('student', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_student_update AFTER UPDATE ON student BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'student' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'student' AND item = OLD.id;
    INSERT INTO search (rowid, kind, item, student, text) VALUES (min(0, coalesce((SELECT rowid FROM search ORDER BY rowid LIMIT 1), 0)) - 1, 'student', NEW.id, NEW.id, NEW.given_name || ' ' || NEW.family_name || ' ' || NEW.family_name || NEW.given_name || ' ' || NEW.preferred_name || ' ' || NEW.latin_name || ' ' || NEW.notes);
    INSERT INTO search_row (kind, item, row) VALUES ('student', NEW.id, last_insert_rowid());
END;

CREATE TRIGGER search_guardian_insert AFTER INSERT ON guardian BEGIN
    INSERT INTO search (rowid, kind, item, student, text) VALUES (min(0, coalesce((SELECT rowid FROM search ORDER BY rowid LIMIT 1), 0)) - 1, 'guardian', NEW.id, NULL, NEW.name || ' ' || NEW.relationship || ' ' || NEW.phone || ' ' || NEW.email || ' ' || NEW.best_time);
    INSERT INTO search_row (kind, item, row) VALUES ('guardian', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_guardian_update AFTER UPDATE ON guardian BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'guardian' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'guardian' AND item = OLD.id;
    INSERT INTO search (rowid, kind, item, student, text) VALUES (min(0, coalesce((SELECT rowid FROM search ORDER BY rowid LIMIT 1), 0)) - 1, 'guardian', NEW.id, NULL, NEW.name || ' ' || NEW.relationship || ' ' || NEW.phone || ' ' || NEW.email || ' ' || NEW.best_time);
    INSERT INTO search_row (kind, item, row) VALUES ('guardian', NEW.id, last_insert_rowid());
END;
