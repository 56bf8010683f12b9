-- 0006, second part: every row copied into the rebuilt tables under its new id, each link through
-- the map of the table it points to (temp.map_<table>: old integer id -> new UUID, filled by
-- migrations.rs). The trash is copied by the code, which also rewrites its snapshots.

INSERT INTO school_year (id, name, starts_on, ends_on)
SELECT m.new, o.name, o.starts_on, o.ends_on
FROM old_school_year o JOIN map_school_year m ON m.old = o.id;

INSERT INTO class (id, school_year_id, name, grade, room, archived)
SELECT m.new, y.new, o.name, o.grade, o.room, o.archived
FROM old_class o JOIN map_class m ON m.old = o.id
JOIN map_school_year y ON y.old = o.school_year_id;

INSERT INTO student (id, class_id, given_name, family_name, preferred_name, name_order, pronouns,
                     grade, school_student_id, notes)
SELECT m.new, c.new, o.given_name, o.family_name, o.preferred_name, o.name_order, o.pronouns,
       o.grade, o.school_student_id, o.notes
FROM old_student o JOIN map_student m ON m.old = o.id
JOIN map_class c ON c.old = o.class_id;

INSERT INTO guardian (id, name, relationship, phone, email, preferred_method, preferred_language,
                      best_time, may_contact, no_contact_reason)
SELECT m.new, o.name, o.relationship, o.phone, o.email, o.preferred_method, o.preferred_language,
       o.best_time, o.may_contact, o.no_contact_reason
FROM old_guardian o JOIN map_guardian m ON m.old = o.id;

INSERT INTO student_guardian (student_id, guardian_id, is_primary, lives_with)
SELECT s.new, g.new, o.is_primary, o.lives_with
FROM old_student_guardian o JOIN map_student s ON s.old = o.student_id
JOIN map_guardian g ON g.old = o.guardian_id;

INSERT INTO question (id, prompt, topic, position, retired, seed_key)
SELECT m.new, o.prompt, o.topic, o.position, o.retired, o.seed_key
FROM old_question o JOIN map_question m ON m.old = o.id;

INSERT INTO answer (id, student_id, guardian_id, question_id, answer, answered_on, sensitive)
SELECT m.new, s.new, g.new, q.new, o.answer, o.answered_on, o.sensitive
FROM old_answer o JOIN map_answer m ON m.old = o.id
JOIN map_student s ON s.old = o.student_id
LEFT JOIN map_guardian g ON g.old = o.guardian_id
JOIN map_question q ON q.old = o.question_id;

INSERT INTO goal (id, student_id, area, statement, measure, unit, aim, baseline, target, steps, why,
                  family_answer_id, starts_on, due_on, status)
SELECT m.new, s.new, o.area, o.statement, o.measure, o.unit, o.aim, o.baseline, o.target, o.steps,
       o.why, a.new, o.starts_on, o.due_on, o.status
FROM old_goal o JOIN map_goal m ON m.old = o.id
JOIN map_student s ON s.old = o.student_id
LEFT JOIN map_answer a ON a.old = o.family_answer_id;

INSERT INTO check_in (id, goal_id, on_date, value, note)
SELECT m.new, g.new, o.on_date, o.value, o.note
FROM old_check_in o JOIN map_check_in m ON m.old = o.id
JOIN map_goal g ON g.old = o.goal_id;

INSERT INTO home_activity (id, goal_id, title, details, how_often)
SELECT m.new, g.new, o.title, o.details, o.how_often
FROM old_home_activity o JOIN map_home_activity m ON m.old = o.id
JOIN map_goal g ON g.old = o.goal_id;

INSERT INTO contact (id, student_id, guardian_id, happened_on, method, initiated_by, kind, summary,
                     outcome, reached, follow_up_on, follow_up_done, sensitive)
SELECT m.new, s.new, g.new, o.happened_on, o.method, o.initiated_by, o.kind, o.summary, o.outcome,
       o.reached, o.follow_up_on, o.follow_up_done, o.sensitive
FROM old_contact o JOIN map_contact m ON m.old = o.id
JOIN map_student s ON s.old = o.student_id
LEFT JOIN map_guardian g ON g.old = o.guardian_id;

INSERT INTO praise (id, student_id, noticed_on, category, note, call_queued, contact_id)
SELECT m.new, s.new, o.noticed_on, o.category, o.note, o.call_queued, c.new
FROM old_praise o JOIN map_praise m ON m.old = o.id
JOIN map_student s ON s.old = o.student_id
LEFT JOIN map_contact c ON c.old = o.contact_id;

INSERT INTO concern (id, student_id, noticed_on, observed, setting, strategies, contact_id, plan,
                     notes, sensitive, resolved_on)
SELECT m.new, s.new, o.noticed_on, o.observed, o.setting, o.strategies, c.new, o.plan, o.notes,
       o.sensitive, o.resolved_on
FROM old_concern o JOIN map_concern m ON m.old = o.id
JOIN map_student s ON s.old = o.student_id
LEFT JOIN map_contact c ON c.old = o.contact_id;

INSERT INTO concern_cause (concern_id, cause)
SELECT k.new, o.cause
FROM old_concern_cause o JOIN map_concern k ON k.old = o.concern_id;

INSERT INTO conference (id, class_id, student_id, starts_at, minutes, place, interpreter_language,
                        attendees, notes, sensitive)
SELECT m.new, c.new, s.new, o.starts_at, o.minutes, o.place, o.interpreter_language, o.attendees,
       o.notes, o.sensitive
FROM old_conference o JOIN map_conference m ON m.old = o.id
JOIN map_class c ON c.old = o.class_id
LEFT JOIN map_student s ON s.old = o.student_id;

INSERT INTO roster_guardian (source, school_id, guardian_id)
SELECT '', o.school_id, g.new
FROM old_roster_guardian o JOIN map_guardian g ON g.old = o.guardian_id;

-- The current class, named by its old number in the settings.
DELETE FROM setting WHERE key = 'current_class_id'
    AND NOT EXISTS (SELECT 1 FROM map_class c WHERE c.old = CAST(setting.value AS INTEGER));
UPDATE setting SET value = (SELECT c.new FROM map_class c WHERE c.old = CAST(setting.value AS INTEGER))
WHERE key = 'current_class_id';
