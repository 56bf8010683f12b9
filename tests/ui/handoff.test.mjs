// The handoff to next year's teacher from the page: the words its dialogs say (ui/views/handoff/words.js)
// and what the page asks Rust for (ui/api.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  alreadyHereText,
  childSummary,
  chosenText,
  matchText,
  questionsText,
  receiveLabel,
  receivedCounts,
  receivedText,
  savedHandoffText,
} from '../../ui/views/handoff/words.js';
import * as api from '../../ui/api.js';

const child = (counts = {}) => ({
  name: 'Leo Ruiz',
  school_student_id: 'S24107',
  matched: null,
  student_id: 's1',
  guardians: 0,
  answers: 0,
  goals: 0,
  check_ins: 0,
  at_home: 0,
  what_works: 0,
  already_here: 0,
  ...counts,
});

test('a received child counts what is added, each word singular or plural', () => {
  assert.equal(
    receivedCounts(child({ guardians: 2, answers: 5, goals: 1, check_ins: 3, at_home: 2, what_works: 1 })),
    '2 guardians, 5 answers, 1 goal with 3 check-ins, 2 things to do at home, 1 about what works',
  );
  assert.equal(
    receivedCounts(child({ guardians: 1, answers: 1, goals: 2, check_ins: 1, at_home: 1, what_works: 3 })),
    '1 guardian, 1 answer, 2 goals with 1 check-in, 1 thing to do at home, 3 about what works',
  );
  // A goal without check-ins says so by saying nothing of them; what adds nothing is left out.
  assert.equal(receivedCounts(child({ goals: 1 })), '1 goal');
  assert.equal(receivedCounts(child({ answers: 4, what_works: 2 })), '4 answers, 2 about what works');
  assert.equal(receivedCounts(child()), '');
});

test('what is already here is said to be left as it is', () => {
  assert.equal(alreadyHereText(child()), '');
  assert.equal(alreadyHereText(child({ already_here: 1 })), '1 thing already here is left as it is');
  assert.equal(alreadyHereText(child({ already_here: 4 })), '4 things already here are left as they are');
});

test('a child\'s line in the preview says what is added, then what is left', () => {
  assert.equal(childSummary(child({ guardians: 2, answers: 1 })), '2 guardians, 1 answer.');
  assert.equal(
    childSummary(child({ goals: 1, check_ins: 3, already_here: 1 })),
    '1 goal with 3 check-ins. 1 thing already here is left as it is.',
  );
  assert.equal(childSummary(child({ already_here: 6 })), 'Nothing new to add. 6 things already here are left as they are.');
  assert.equal(childSummary(child()), 'Nothing new to add.');
});

test('a child is matched on the school id, or new to the class', () => {
  assert.equal(matchText(child({ matched: 'c7' })), 'Already in your class (school id S24107)');
  assert.equal(matchText(child()), 'New to your class');
  assert.equal(matchText(child({ matched: 'c7', school_student_id: null })), 'Already in your class');
});

test('the buttons and sentences count children', () => {
  assert.equal(receiveLabel(1), 'Receive 1 child');
  assert.equal(receiveLabel(2), 'Receive 2 children');
  assert.equal(chosenText(0, 30), 'No child chosen.');
  assert.equal(chosenText(2, 30), '2 of 30 children chosen.');
  assert.equal(chosenText(1, 1), '1 of 1 child chosen.');
  assert.equal(
    savedHandoffText({ path: '/home/ana/Handoff 2 children 2027-06-18.rapport-handoff', children: 2, bytes: 900, passphrase: null }),
    'Saved the handoff file of 2 children to /home/ana/Handoff 2 children 2027-06-18.rapport-handoff.',
  );
  assert.equal(
    savedHandoffText({ path: 'C:\\Handoff Leo Ruiz.rapport-handoff', children: 1, passphrase: 'ABCD-EFGH-JKLM-NPQR-STUV' }),
    'Saved the handoff file of 1 child to C:\\Handoff Leo Ruiz.rapport-handoff.',
  );
});

test('once read in, the class hears who was already there and who is new', () => {
  assert.equal(receivedText({ children: [child({ matched: 'a' }), child({ matched: 'b' })] }), 'Received 2 children: 2 already in your class.');
  assert.equal(
    receivedText({ children: [child({ matched: 'a' }), child(), child()] }),
    'Received 3 children: 1 already in your class, 2 added to it.',
  );
  assert.equal(receivedText({ children: [child()] }), 'Received 1 child: 1 added to it.');
  assert.equal(receivedText({ children: [] }), 'Received 0 children.');
});

test('the other teacher\'s questions are said to be added as retired ones, only when there are some', () => {
  assert.equal(questionsText(0), '');
  assert.match(questionsText(1), /^The other teacher asked 1 question .* a retired question, so its answers show/);
  assert.match(questionsText(3), /^The other teacher asked 3 questions .* retired questions, so their answers show/);
});

test('the handoff commands send their snake_case arguments; only reading one in is an edit', async () => {
  const calls = [];
  globalThis.window = {
    __TAURI__: {
      core: {
        invoke: async (command, args) => {
          calls.push([command, args]);
          return null;
        },
      },
    },
  };
  const edits = [];
  const stop = api.onEdit((command) => edits.push(command));
  try {
    await api.saveHandoff(['s1', 's2']);
    await api.chooseHandoff();
    await api.receiveHandoff({ passphrase: 'abcd efgh', classId: 'c1', preview: true });
    await api.receiveHandoff({ passphrase: '', classId: 'c1', preview: false });
  } finally {
    stop();
    delete globalThis.window;
  }
  assert.deepEqual(calls, [
    ['save_handoff', { student_ids: ['s1', 's2'] }],
    ['choose_handoff', {}],
    ['receive_handoff', { passphrase: 'abcd efgh', class_id: 'c1', preview: true }],
    ['receive_handoff', { passphrase: null, class_id: 'c1', preview: false }],
  ]);
  assert.deepEqual(edits, ['receive_handoff']);
});
