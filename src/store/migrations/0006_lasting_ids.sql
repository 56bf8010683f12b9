-- 0006: lasting identities. Every row was named by an integer that SQLite hands out again after a
-- delete (max(id) + 1), so an undo could put one child's notes on another child. Every table is
-- rebuilt with a TEXT primary key holding a UUID v7 that is never handed out again, here or on
-- another computer. This file renames the old tables aside and creates the new ones; the code in
-- migrations.rs then gives every old row its new id, copies every row with its links, rewrites the
-- trash's snapshots and the current class setting, checks the foreign keys and drops the old tables.
-- The shape of each table is otherwise unchanged, but for the roster's guardian ids, which now
-- belong to the school that gave them.

DROP INDEX class_by_year;
DROP INDEX student_by_class;
DROP INDEX student_school_id;
DROP INDEX student_guardian_by_guardian;
DROP INDEX one_primary_guardian;
DROP INDEX answer_by_student;
DROP INDEX goal_by_student;
DROP INDEX check_in_by_goal;
DROP INDEX home_activity_by_goal;
DROP INDEX contact_by_student;
DROP INDEX contact_follow_up;
DROP INDEX praise_by_student;
DROP INDEX concern_by_student;
DROP INDEX trash_by_date;
DROP INDEX conference_by_class;
DROP INDEX conference_by_student;
DROP INDEX roster_guardian_by_guardian;
ALTER TABLE school_year RENAME TO old_school_year;
ALTER TABLE class RENAME TO old_class;
ALTER TABLE student RENAME TO old_student;
ALTER TABLE guardian RENAME TO old_guardian;
ALTER TABLE student_guardian RENAME TO old_student_guardian;
ALTER TABLE question RENAME TO old_question;
ALTER TABLE answer RENAME TO old_answer;
ALTER TABLE goal RENAME TO old_goal;
ALTER TABLE check_in RENAME TO old_check_in;
ALTER TABLE home_activity RENAME TO old_home_activity;
ALTER TABLE contact RENAME TO old_contact;
ALTER TABLE praise RENAME TO old_praise;
ALTER TABLE concern RENAME TO old_concern;
ALTER TABLE concern_cause RENAME TO old_concern_cause;
ALTER TABLE trash RENAME TO old_trash;
ALTER TABLE conference RENAME TO old_conference;
ALTER TABLE roster_guardian RENAME TO old_roster_guardian;

CREATE TABLE school_year (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    starts_on   TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on     TEXT NOT NULL CHECK (date(ends_on) IS ends_on),
    CHECK (starts_on < ends_on)
) STRICT;

CREATE TABLE class (
    id              TEXT NOT NULL PRIMARY KEY,
    school_year_id  TEXT NOT NULL REFERENCES school_year (id) ON DELETE RESTRICT,
    name            TEXT NOT NULL CHECK (name <> ''),
    grade           TEXT NOT NULL DEFAULT '',
    room            TEXT NOT NULL DEFAULT '',
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE INDEX class_by_year ON class (school_year_id);

CREATE TABLE student (
    id                  TEXT NOT NULL PRIMARY KEY,
    class_id            TEXT NOT NULL REFERENCES class (id) ON DELETE CASCADE,
    given_name          TEXT NOT NULL CHECK (given_name <> ''),
    family_name         TEXT NOT NULL DEFAULT '',
    preferred_name      TEXT NOT NULL DEFAULT '',
    name_order          TEXT NOT NULL DEFAULT 'given_first'
                        CHECK (name_order IN ('given_first', 'family_first')),
    pronouns            TEXT NOT NULL DEFAULT '',
    grade               TEXT NOT NULL DEFAULT '',
    school_student_id   TEXT CHECK (school_student_id <> ''),
    notes               TEXT NOT NULL DEFAULT ''
) STRICT;
-- The id ends the index: a class's children and their ids are read from it alone (with integer
-- ids the row id did this), which Today's joins rely on.
CREATE INDEX student_by_class ON student (class_id, family_name, given_name, id);
CREATE UNIQUE INDEX student_school_id ON student (class_id, school_student_id)
    WHERE school_student_id IS NOT NULL;

CREATE TABLE guardian (
    id                  TEXT NOT NULL PRIMARY KEY,
    name                TEXT NOT NULL CHECK (name <> ''),
    relationship        TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    preferred_method    TEXT NOT NULL DEFAULT 'phone'
                        CHECK (preferred_method IN ('phone', 'text', 'email', 'note_home', 'meeting', 'video')),
    preferred_language  TEXT NOT NULL DEFAULT 'en',
    best_time           TEXT NOT NULL DEFAULT '',
    may_contact         INTEGER NOT NULL DEFAULT 1 CHECK (may_contact IN (0, 1)),
    no_contact_reason   TEXT NOT NULL DEFAULT '',
    CHECK (may_contact = 1 OR no_contact_reason <> '')
) STRICT;

-- Many-to-many: siblings share guardians; a child may have guardians in two households.
CREATE TABLE student_guardian (
    student_id   TEXT NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    guardian_id  TEXT NOT NULL REFERENCES guardian (id) ON DELETE CASCADE,
    is_primary   INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    lives_with   INTEGER NOT NULL DEFAULT 1 CHECK (lives_with IN (0, 1)),
    PRIMARY KEY (student_id, guardian_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX student_guardian_by_guardian ON student_guardian (guardian_id);
-- At most one primary contact per child.
CREATE UNIQUE INDEX one_primary_guardian ON student_guardian (student_id) WHERE is_primary = 1;



CREATE TABLE question (
    id          TEXT NOT NULL PRIMARY KEY,
    prompt      TEXT NOT NULL CHECK (prompt <> ''),
    topic       TEXT NOT NULL DEFAULT 'other'
                CHECK (topic IN ('strengths', 'interests', 'worries', 'learning', 'home', 'hopes',
                                 'people', 'contact', 'ask', 'other')),
    position    INTEGER NOT NULL,
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    -- The seed question this row started as (src/questions.rs), so translations can follow it.
    seed_key    TEXT UNIQUE
) STRICT;

CREATE TABLE answer (
    id           TEXT NOT NULL PRIMARY KEY,
    student_id   TEXT NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    -- NULL: the family answered together (or the teacher does not know who wrote it).
    guardian_id  TEXT REFERENCES guardian (id) ON DELETE SET NULL,
    question_id  TEXT NOT NULL REFERENCES question (id) ON DELETE RESTRICT,
    answer       TEXT NOT NULL CHECK (answer <> ''),
    answered_on  TEXT NOT NULL CHECK (date(answered_on) IS answered_on),
    sensitive    INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1))
) STRICT;
CREATE INDEX answer_by_student ON answer (student_id, question_id);

CREATE TABLE goal (
    id                TEXT NOT NULL PRIMARY KEY,
    student_id        TEXT NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    area              TEXT NOT NULL
                      CHECK (area IN ('reading', 'math', 'behaviour', 'social', 'attendance', 'other')),
    statement         TEXT NOT NULL CHECK (statement <> ''),
    measure           TEXT NOT NULL DEFAULT '',
    unit              TEXT NOT NULL DEFAULT '',
    aim               TEXT NOT NULL DEFAULT 'increase' CHECK (aim IN ('increase', 'decrease')),
    baseline          REAL,
    target            REAL,
    steps             TEXT NOT NULL DEFAULT '',
    why               TEXT NOT NULL DEFAULT '',
    family_answer_id  TEXT REFERENCES answer (id) ON DELETE SET NULL,
    starts_on         TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    due_on            TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'met', 'not_met', 'dropped')),
    CHECK (due_on IS NULL OR due_on >= starts_on)
) STRICT;
CREATE INDEX goal_by_student ON goal (student_id, id);

CREATE TABLE check_in (
    id        TEXT NOT NULL PRIMARY KEY,
    goal_id   TEXT NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    on_date   TEXT NOT NULL CHECK (date(on_date) IS on_date),
    value     REAL NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX check_in_by_goal ON check_in (goal_id, on_date);

CREATE TABLE home_activity (
    id         TEXT NOT NULL PRIMARY KEY,
    goal_id    TEXT NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    title      TEXT NOT NULL CHECK (title <> ''),
    details    TEXT NOT NULL DEFAULT '',
    how_often  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX home_activity_by_goal ON home_activity (goal_id);

CREATE TABLE contact (
    id              TEXT NOT NULL PRIMARY KEY,
    student_id      TEXT NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    guardian_id     TEXT REFERENCES guardian (id) ON DELETE SET NULL,
    happened_on     TEXT NOT NULL CHECK (date(happened_on) IS happened_on),
    method          TEXT NOT NULL
                    CHECK (method IN ('phone', 'text', 'email', 'note_home', 'meeting', 'video')),
    initiated_by    TEXT NOT NULL DEFAULT 'teacher' CHECK (initiated_by IN ('teacher', 'family', 'school')),
    kind            TEXT NOT NULL
                    CHECK (kind IN ('introduction', 'positive', 'concern', 'information', 'conference')),
    summary         TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL DEFAULT '',
    reached         INTEGER NOT NULL DEFAULT 1 CHECK (reached IN (0, 1)),
    follow_up_on    TEXT CHECK (follow_up_on IS NULL OR date(follow_up_on) IS follow_up_on),
    follow_up_done  INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0, 1)),
    sensitive       INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1))
) STRICT;
CREATE INDEX contact_by_student ON contact (student_id, happened_on);
CREATE INDEX contact_follow_up ON contact (follow_up_on) WHERE follow_up_on IS NOT NULL AND follow_up_done = 0;

CREATE TABLE praise (
    id           TEXT NOT NULL PRIMARY KEY,
    student_id   TEXT NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    noticed_on   TEXT NOT NULL CHECK (date(noticed_on) IS noticed_on),
    category     TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    call_queued  INTEGER NOT NULL DEFAULT 0 CHECK (call_queued IN (0, 1)),
    -- The positive contact that told the family; set when the call is made.
    contact_id   TEXT REFERENCES contact (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX praise_by_student ON praise (student_id, noticed_on);

CREATE TABLE concern (
    id           TEXT NOT NULL PRIMARY KEY,
    student_id   TEXT NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    noticed_on   TEXT NOT NULL CHECK (date(noticed_on) IS noticed_on),
    observed     TEXT NOT NULL CHECK (observed <> ''),
    setting      TEXT NOT NULL DEFAULT '',
    strategies   TEXT NOT NULL DEFAULT '',
    -- The contact in which it was discussed with the family.
    contact_id   TEXT REFERENCES contact (id) ON DELETE SET NULL,
    plan         TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    sensitive    INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
    resolved_on  TEXT CHECK (resolved_on IS NULL OR date(resolved_on) IS resolved_on)
) STRICT;
CREATE INDEX concern_by_student ON concern (student_id, noticed_on);

-- Possible causes, as codes from src/causes.rs.
CREATE TABLE concern_cause (
    concern_id  TEXT NOT NULL REFERENCES concern (id) ON DELETE CASCADE,
    cause       TEXT NOT NULL,
    PRIMARY KEY (concern_id, cause)
) STRICT, WITHOUT ROWID;

CREATE TABLE trash (
    id          TEXT NOT NULL PRIMARY KEY,
    kind        TEXT NOT NULL
                CHECK (kind IN ('student', 'goal', 'check_in', 'home_activity', 'contact', 'praise',
                                'concern', 'answer', 'conference')),
    -- What the teacher reads in the trash: "José Núñez", "Goal: Read 90 words a minute".
    label       TEXT NOT NULL,
    -- The child it was about (no foreign key: the child may be in the trash too).
    student_id  TEXT,
    deleted_at  TEXT NOT NULL,
    payload     TEXT NOT NULL
) STRICT;
CREATE INDEX trash_by_date ON trash (deleted_at);

CREATE TABLE conference (
    id                    TEXT NOT NULL PRIMARY KEY,
    class_id              TEXT NOT NULL REFERENCES class (id) ON DELETE CASCADE,
    -- NULL: an open slot no family has taken yet.
    student_id            TEXT REFERENCES student (id) ON DELETE CASCADE,
    -- Local date and time, "YYYY-MM-DDTHH:MM".
    starts_at             TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M', starts_at) IS starts_at),
    minutes               INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 240),
    place                 TEXT NOT NULL DEFAULT '',
    -- The language an interpreter is needed for (BCP 47), or NULL for none.
    interpreter_language  TEXT,
    attendees             TEXT NOT NULL DEFAULT '',
    notes                 TEXT NOT NULL DEFAULT '',
    sensitive             INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1))
) STRICT;
CREATE INDEX conference_by_class ON conference (class_id, starts_at);
CREATE INDEX conference_by_student ON conference (student_id);

-- A school's ids are its own: the key is the school (OneRoster's org sourcedId of the class's
-- school, '' when the roster does not say) with the id, so two schools' ids never meet.
CREATE TABLE roster_guardian (
    source       TEXT NOT NULL DEFAULT '',
    school_id    TEXT NOT NULL CHECK (school_id <> ''),
    guardian_id  TEXT NOT NULL REFERENCES guardian (id) ON DELETE CASCADE,
    PRIMARY KEY (source, school_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX roster_guardian_by_guardian ON roster_guardian (guardian_id);
