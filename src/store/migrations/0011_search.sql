-- 0011: search across everything: one full-text index (FTS5, trigram: any part of a word, in any
-- script, case and accents folded) over the children, guardians, family answers, goals, check-ins,
-- learning at home, contacts, praise and concerns, kept in step by triggers. `search_row` maps each
-- row's lasting id to its place in the index, so a change finds its entry without a scan. Both
-- belong to one computer (a sync does not carry them: its changes fire these triggers here). The
-- index is filled from the record by migrations.rs, and again by `Store::rebuild_search`.

CREATE VIRTUAL TABLE search USING fts5(
    kind UNINDEXED,
    item UNINDEXED,
    student UNINDEXED,
    text,
    tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
);

CREATE TABLE search_row (
    kind  TEXT NOT NULL,
    item  TEXT NOT NULL,
    row   INTEGER NOT NULL,
    PRIMARY KEY (kind, item)
) STRICT, WITHOUT ROWID;


CREATE TRIGGER search_student_insert AFTER INSERT ON student BEGIN
    INSERT INTO search (kind, item, student, text) VALUES ('student', NEW.id, NEW.id, NEW.given_name || ' ' || NEW.family_name || ' ' || NEW.family_name || NEW.given_name || ' ' || NEW.preferred_name || ' ' || NEW.latin_name || ' ' || NEW.notes);
    INSERT INTO search_row (kind, item, row) VALUES ('student', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_student_update AFTER UPDATE ON student BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'student' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'student' AND item = OLD.id;
    INSERT INTO search (kind, item, student, text) VALUES ('student', NEW.id, NEW.id, NEW.given_name || ' ' || NEW.family_name || ' ' || NEW.family_name || NEW.given_name || ' ' || NEW.preferred_name || ' ' || NEW.latin_name || ' ' || NEW.notes);
    INSERT INTO search_row (kind, item, row) VALUES ('student', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_student_delete AFTER DELETE ON student BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'student' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'student' AND item = OLD.id;
END;

CREATE TRIGGER search_guardian_insert AFTER INSERT ON guardian BEGIN
    INSERT INTO search (kind, item, student, text) VALUES ('guardian', NEW.id, NULL, NEW.name || ' ' || NEW.relationship || ' ' || NEW.phone || ' ' || NEW.email || ' ' || NEW.best_time);
    INSERT INTO search_row (kind, item, row) VALUES ('guardian', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_guardian_update AFTER UPDATE ON guardian BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'guardian' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'guardian' AND item = OLD.id;
    INSERT INTO search (kind, item, student, text) VALUES ('guardian', NEW.id, NULL, NEW.name || ' ' || NEW.relationship || ' ' || NEW.phone || ' ' || NEW.email || ' ' || NEW.best_time);
    INSERT INTO search_row (kind, item, row) VALUES ('guardian', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_guardian_delete AFTER DELETE ON guardian BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'guardian' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'guardian' AND item = OLD.id;
END;

CREATE TRIGGER search_answer_insert AFTER INSERT ON answer BEGIN
    INSERT INTO search (kind, item, student, text) VALUES ('answer', NEW.id, NEW.student_id, NEW.answer);
    INSERT INTO search_row (kind, item, row) VALUES ('answer', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_answer_update AFTER UPDATE ON answer BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'answer' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'answer' AND item = OLD.id;
    INSERT INTO search (kind, item, student, text) VALUES ('answer', NEW.id, NEW.student_id, NEW.answer);
    INSERT INTO search_row (kind, item, row) VALUES ('answer', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_answer_delete AFTER DELETE ON answer BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'answer' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'answer' AND item = OLD.id;
END;

CREATE TRIGGER search_goal_insert AFTER INSERT ON goal BEGIN
    INSERT INTO search (kind, item, student, text) VALUES ('goal', NEW.id, NEW.student_id, NEW.statement || ' ' || NEW.measure || ' ' || NEW.steps || ' ' || NEW.why);
    INSERT INTO search_row (kind, item, row) VALUES ('goal', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_goal_update AFTER UPDATE ON goal BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'goal' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'goal' AND item = OLD.id;
    INSERT INTO search (kind, item, student, text) VALUES ('goal', NEW.id, NEW.student_id, NEW.statement || ' ' || NEW.measure || ' ' || NEW.steps || ' ' || NEW.why);
    INSERT INTO search_row (kind, item, row) VALUES ('goal', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_goal_delete AFTER DELETE ON goal BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'goal' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'goal' AND item = OLD.id;
END;

CREATE TRIGGER search_check_in_insert AFTER INSERT ON check_in BEGIN
    INSERT INTO search (kind, item, student, text) VALUES ('check_in', NEW.id, (SELECT student_id FROM goal WHERE id = NEW.goal_id), NEW.note);
    INSERT INTO search_row (kind, item, row) VALUES ('check_in', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_check_in_update AFTER UPDATE ON check_in BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'check_in' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'check_in' AND item = OLD.id;
    INSERT INTO search (kind, item, student, text) VALUES ('check_in', NEW.id, (SELECT student_id FROM goal WHERE id = NEW.goal_id), NEW.note);
    INSERT INTO search_row (kind, item, row) VALUES ('check_in', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_check_in_delete AFTER DELETE ON check_in BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'check_in' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'check_in' AND item = OLD.id;
END;

CREATE TRIGGER search_home_activity_insert AFTER INSERT ON home_activity BEGIN
    INSERT INTO search (kind, item, student, text) VALUES ('home_activity', NEW.id, (SELECT student_id FROM goal WHERE id = NEW.goal_id), NEW.title || ' ' || NEW.details || ' ' || NEW.how_often);
    INSERT INTO search_row (kind, item, row) VALUES ('home_activity', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_home_activity_update AFTER UPDATE ON home_activity BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'home_activity' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'home_activity' AND item = OLD.id;
    INSERT INTO search (kind, item, student, text) VALUES ('home_activity', NEW.id, (SELECT student_id FROM goal WHERE id = NEW.goal_id), NEW.title || ' ' || NEW.details || ' ' || NEW.how_often);
    INSERT INTO search_row (kind, item, row) VALUES ('home_activity', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_home_activity_delete AFTER DELETE ON home_activity BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'home_activity' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'home_activity' AND item = OLD.id;
END;

CREATE TRIGGER search_contact_insert AFTER INSERT ON contact BEGIN
    INSERT INTO search (kind, item, student, text) VALUES ('contact', NEW.id, NEW.student_id, NEW.summary || ' ' || NEW.outcome);
    INSERT INTO search_row (kind, item, row) VALUES ('contact', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_contact_update AFTER UPDATE ON contact BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'contact' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'contact' AND item = OLD.id;
    INSERT INTO search (kind, item, student, text) VALUES ('contact', NEW.id, NEW.student_id, NEW.summary || ' ' || NEW.outcome);
    INSERT INTO search_row (kind, item, row) VALUES ('contact', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_contact_delete AFTER DELETE ON contact BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'contact' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'contact' AND item = OLD.id;
END;

CREATE TRIGGER search_praise_insert AFTER INSERT ON praise BEGIN
    INSERT INTO search (kind, item, student, text) VALUES ('praise', NEW.id, NEW.student_id, NEW.note);
    INSERT INTO search_row (kind, item, row) VALUES ('praise', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_praise_update AFTER UPDATE ON praise BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'praise' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'praise' AND item = OLD.id;
    INSERT INTO search (kind, item, student, text) VALUES ('praise', NEW.id, NEW.student_id, NEW.note);
    INSERT INTO search_row (kind, item, row) VALUES ('praise', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_praise_delete AFTER DELETE ON praise BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'praise' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'praise' AND item = OLD.id;
END;

CREATE TRIGGER search_concern_insert AFTER INSERT ON concern BEGIN
    INSERT INTO search (kind, item, student, text) VALUES ('concern', NEW.id, NEW.student_id, NEW.observed || ' ' || NEW.setting || ' ' || NEW.strategies || ' ' || NEW.plan || ' ' || NEW.notes);
    INSERT INTO search_row (kind, item, row) VALUES ('concern', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_concern_update AFTER UPDATE ON concern BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'concern' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'concern' AND item = OLD.id;
    INSERT INTO search (kind, item, student, text) VALUES ('concern', NEW.id, NEW.student_id, NEW.observed || ' ' || NEW.setting || ' ' || NEW.strategies || ' ' || NEW.plan || ' ' || NEW.notes);
    INSERT INTO search_row (kind, item, row) VALUES ('concern', NEW.id, last_insert_rowid());
END;
CREATE TRIGGER search_concern_delete AFTER DELETE ON concern BEGIN
    DELETE FROM search WHERE rowid = (SELECT row FROM search_row WHERE kind = 'concern' AND item = OLD.id);
    DELETE FROM search_row WHERE kind = 'concern' AND item = OLD.id;
END;
