// Unit tests for ui/search.js, the one place the student list's search rules live (node --test tests/ui/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, filterStudents, queryWords } from '../../ui/search.js';

test('fold lower-cases and strips accents', () => {
  assert.equal(fold('José NÚÑEZ'), 'jose nunez');
  assert.equal(fold('Nguyễn Thị Hương'), 'nguyen thi huong');
  assert.equal(fold('Đặng'), 'dang');
  assert.equal(fold('Юлия'), 'юлия');
  assert.equal(fold('王小明'), '王小明');
  assert.equal(fold('Nguye\u0302\u0303n'), 'nguyen');
});

test('every typed word must match, in any order, across names, id and guardians', () => {
  const list = [
    { display_name: 'María López', given_name: 'María', family_name: 'López', school_student_id: 'S-104', guardian_names: ['Ana López'] },
    { display_name: '王小明', given_name: '小明', family_name: '王', school_student_id: null, guardian_names: ['王芳'] },
  ];
  assert.equal(filterStudents(list, 'maria').length, 1);
  assert.equal(filterStudents(list, 'ana lopez').length, 1);
  assert.equal(filterStudents(list, 'LOPEZ   maría').length, 1);
  assert.equal(filterStudents(list, '小明').length, 1);
  assert.equal(filterStudents(list, 's-104').length, 1);
  assert.equal(filterStudents(list, 'maria 王').length, 0);
  assert.equal(filterStudents(list, '   ').length, 2);
  assert.deepEqual(queryWords('  a  B '), ['a', 'b']);
});

test('a name in another script is found by its Latin letters', () => {
  const list = [
    { display_name: 'Анна Петрова', given_name: 'Анна', family_name: 'Петрова', latin_name: 'Anna Petrova', guardian_names: [] },
    { display_name: 'يوسف حداد', given_name: 'يوسف', family_name: 'حداد', latin_name: 'Yusuf Haddad', guardian_names: [] },
    { display_name: 'José Núñez', given_name: 'José', family_name: 'Núñez', latin_name: '', guardian_names: [] },
  ];
  assert.deepEqual(filterStudents(list, 'petrova').map((s) => s.latin_name), ['Anna Petrova']);
  assert.deepEqual(filterStudents(list, 'yusuf').map((s) => s.latin_name), ['Yusuf Haddad']);
  assert.equal(filterStudents(list, 'Петрова').length, 1, 'the name as written still finds her');
  assert.equal(filterStudents(list, 'nunez').length, 1);
});
