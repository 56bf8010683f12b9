-- 0007: a concern the teacher chose to raise at the conference, though no contact has talked it
-- through yet. The packet prints a concern only when it was talked through with the family, or
-- when the teacher chose to share it, under a heading that says which.
ALTER TABLE concern ADD COLUMN share_at_conference INTEGER NOT NULL DEFAULT 0
    CHECK (share_at_conference IN (0, 1));
