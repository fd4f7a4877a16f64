import { rule } from '../../../lib/rules/claim/frequency-code.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const lines = [{ code: '64483' }];

ruleTester(rule, {
  valid: [
    { name: 'original claim (frequency 1)', claim: { lines } },
    { name: 'replacement (7) with REF*F8', claim: { frequency: '7', claimRefs: ['REF*F8*PAYERCLAIM12345'], lines } },
    { name: 'void (8) with REF*F8', claim: { frequency: '8', claimRefs: ['REF*F8*PAYERCLAIM12345'], lines } },
    { name: 'original claim with a prior authorisation (REF*G1) and no F8', claim: { claimRefs: ['REF*G1*PA998877'], lines } },
  ],
  invalid: [
    {
      name: 'replacement (7) without REF*F8',
      claim: { frequency: '7', lines },
      findings: [{ message: "CLM05-3 frequency code 7 (replacement of a prior claim) needs the original claim's payer control number in REF*F8", element: 'CLM05-3', line: null, ack: 'A6:464', fix: null }],
    },
    {
      name: 'void (8) with only a prior-authorisation REF',
      claim: { frequency: '8', claimRefs: ['REF*G1*PA998877'], lines },
      findings: [{ message: 'frequency code 8 (void of a prior claim)', element: 'CLM05-3', ack: 'A6:464' }],
    },
  ],
});
