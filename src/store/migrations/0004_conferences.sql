-- 0004: parent-teacher conferences: planned slots for a class, each booked for one child's family
-- (or still open), with the place, whether an interpreter is needed, and afterwards who came and
-- what was said.

CREATE TABLE conference (
    id                    INTEGER PRIMARY KEY,
    class_id              INTEGER NOT NULL REFERENCES class (id) ON DELETE CASCADE,
    -- NULL: an open slot no family has taken yet.
    student_id            INTEGER REFERENCES student (id) ON DELETE CASCADE,
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
