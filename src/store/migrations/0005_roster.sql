-- Roster import: the school's own id for a guardian (a OneRoster sourcedId), so importing the same
-- roster again updates the guardian it made instead of adding another. Students keep theirs in
-- student.school_student_id.
CREATE TABLE roster_guardian (
    school_id    TEXT PRIMARY KEY CHECK (school_id <> ''),
    guardian_id  INTEGER NOT NULL REFERENCES guardian (id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX roster_guardian_by_guardian ON roster_guardian (guardian_id);
