-- 0009: forms the teacher has started and not saved (a contact, a goal, a concern), kept as they
-- type so that Escape, another page or quitting loses nothing. Each is about one child and goes
-- with them; saving the form or "Discard draft" drops it. Not exported: a draft is not yet part
-- of the record's story.
CREATE TABLE draft (
    form TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES student(id) ON DELETE CASCADE,
    fields TEXT NOT NULL,
    saved_at TEXT NOT NULL
) STRICT;

CREATE INDEX draft_by_student ON draft (student_id);
