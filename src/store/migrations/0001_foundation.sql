-- 0001: the foundation: school years, classes, students, guardians and the links between them.
-- Text is stored NFC (the core normalises before writing). Dates are ISO 8601 (YYYY-MM-DD).

CREATE TABLE school_year (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    starts_on   TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on     TEXT NOT NULL CHECK (date(ends_on) IS ends_on),
    CHECK (starts_on < ends_on)
) STRICT;

CREATE TABLE class (
    id              INTEGER PRIMARY KEY,
    school_year_id  INTEGER NOT NULL REFERENCES school_year (id) ON DELETE RESTRICT,
    name            TEXT NOT NULL CHECK (name <> ''),
    grade           TEXT NOT NULL DEFAULT '',
    room            TEXT NOT NULL DEFAULT '',
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE INDEX class_by_year ON class (school_year_id);

CREATE TABLE student (
    id                  INTEGER PRIMARY KEY,
    class_id            INTEGER NOT NULL REFERENCES class (id) ON DELETE CASCADE,
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
CREATE INDEX student_by_class ON student (class_id, family_name, given_name);
CREATE UNIQUE INDEX student_school_id ON student (class_id, school_student_id)
    WHERE school_student_id IS NOT NULL;

CREATE TABLE guardian (
    id                  INTEGER PRIMARY KEY,
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
    student_id   INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    guardian_id  INTEGER NOT NULL REFERENCES guardian (id) ON DELETE CASCADE,
    is_primary   INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    lives_with   INTEGER NOT NULL DEFAULT 1 CHECK (lives_with IN (0, 1)),
    PRIMARY KEY (student_id, guardian_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX student_guardian_by_guardian ON student_guardian (guardian_id);
-- At most one primary contact per child.
CREATE UNIQUE INDEX one_primary_guardian ON student_guardian (student_id) WHERE is_primary = 1;

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
