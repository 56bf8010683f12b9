-- 0003: the trash. A deleted record is kept here for 30 days as a JSON snapshot (everything that
-- went with it), so the teacher can restore it; after that, or when the trash is emptied, it is gone.

CREATE TABLE trash (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL
                CHECK (kind IN ('student', 'goal', 'check_in', 'home_activity', 'contact', 'praise',
                                'concern', 'answer', 'conference')),
    -- What the teacher reads in the trash: "José Núñez", "Goal: Read 90 words a minute".
    label       TEXT NOT NULL,
    -- The child it was about (no foreign key: the child may be in the trash too).
    student_id  INTEGER,
    deleted_at  TEXT NOT NULL,
    payload     TEXT NOT NULL
) STRICT;
CREATE INDEX trash_by_date ON trash (deleted_at);
