import { rule } from '../../../lib/rules/claim/dx-pointer.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const dx = ['M5416', 'M5417', 'M47816'];

ruleTester(rule, {
  valid: [
    { name: 'pointer 1 to the only diagnosis', claim: { lines: [{ code: '64483' }] } },
    { name: 'three distinct pointers, in any order', claim: { dx, lines: [{ code: '64483', pointers: [3, 1, 2] }] } },
    {
      name: 'twelve diagnosis codes, pointer 12',
      claim: { dx: ['M5416', 'M5417', 'M47816', 'M47812', 'M5412', 'M542', 'G8929', 'G894', 'M797', 'M533', 'R52', 'M5450'], lines: [{ code: '64483', pointers: [12, 1] }] },
    },
    { name: 'the same pointer on two different lines', claim: { dx, lines: [{ code: '64483', pointers: [1] }, { code: '64484', pointers: [1, 2] }] } },
  ],
  invalid: [
    {
      name: 'pointer past the number of HI codes',
      claim: { dx: ['M5416', 'M5417'], lines: [{ code: '64483', pointers: [1, 3] }] },
      findings: [{ message: 'SV107-2 diagnosis pointer 3 points past the 2 diagnosis codes sent in HI', element: 'SV107-2', line: 1, ack: 'A7:477', fix: null }],
    },
    {
      name: 'pointer 2 with a single diagnosis, on the second line',
      claim: { lines: [{ code: '99213' }, { code: '64483', pointers: [2] }] },
      findings: [{ message: 'pointer 2 points past the 1 diagnosis code sent', element: 'SV107-1', line: 2 }],
    },
    {
      name: 'pointer repeated on one line',
      claim: { dx, lines: [{ code: '64483', pointers: [1, 2, 1] }] },
      findings: [{ message: 'SV107-3 diagnosis pointer 1 is repeated on the line', element: 'SV107-3', line: 1 }],
    },
    {
      name: 'pointer 0',
      claim: { dx, lines: [{ code: '64483', pointers: [0] }], allowSnipErrors: true },
      findings: [{ message: "SV107-1 diagnosis pointer '0' is not a number from 1 to 12", element: 'SV107-1' }],
    },
    {
      name: 'pointer 13 and a letter',
      claim: { dx, lines: [{ code: '64483', pointers: [13, 'A'] }], allowSnipErrors: true },
      findings: [{ message: "'13' is not a number from 1 to 12", element: 'SV107-1' }, { message: "'A' is not a number from 1 to 12", element: 'SV107-2' }],
    },
  ],
});
