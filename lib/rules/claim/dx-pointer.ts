import { defineRule, type RuleFinding } from '../define-rule.ts';

export const rule = defineRule({
  id: 'claim/dx-pointer',
  level: 4,
  defaultSeverity: 'error',
  // 277CA 477 "diagnosis code pointer is missing or invalid", reported at the line (§3.1 D2).
  ack: { category: 'A7', status: '477' },
  source: 'x12-837p-999-277ca §3.1 D2 (005010X222A1 2400 SV107)',
  description: 'Every diagnosis pointer in SV107 must be a number from 1 to 12 that points to a diagnosis code sent in HI, and no pointer may repeat on a line.',
  howToFix: 'Point each service line at the HI positions (1 = the first diagnosis code) of the diagnoses that support it, each once, the primary first.',
  check(view) {
    const findings: RuleFinding[] = [];
    const count = view.diagnoses.length;
    for (const line of view.lines) {
      const seen = new Set<number>();
      line.pointerText.forEach((text, i) => {
        const problem = pointerProblem(text, count, seen);
        if (problem !== null) findings.push({ message: `SV107-${i + 1} diagnosis pointer ${problem}`, segment: line.sv1, element: `SV107-${i + 1}`, line });
      });
    }
    return findings;
  },
});

/** What is wrong with one pointer, or null; records the pointer in `seen`. */
function pointerProblem(text: string, count: number, seen: Set<number>): string | null {
  const pointer = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  if (!(pointer >= 1 && pointer <= 12)) return `'${text}' is not a number from 1 to 12`;
  if (pointer > count) return `${pointer} points past the ${count} diagnosis code${count === 1 ? '' : 's'} sent in HI`;
  if (seen.has(pointer)) return `${pointer} is repeated on the line`;
  seen.add(pointer);
  return null;
}
