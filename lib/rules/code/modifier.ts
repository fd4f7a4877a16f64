import type { Day, ModifierEntry } from '../../codesets/types.ts';
import type { ServiceLineView } from '../../model/claim-view.ts';
import { elementAt } from '../../x12/segment.ts';
import { defineRule, type RuleContext, type RuleFinding } from '../define-rule.ts';
import { notInForceReason } from '../support/code-dates.ts';

/** CPT and HCPCS Level II modifiers are two characters, letters or digits. */
const MODIFIER_FORMAT = /^[A-Z0-9]{2}$/;

export const rule = defineRule({
  id: 'code/modifier',
  level: 5,
  defaultSeverity: 'error',
  // 277CA 453 "procedure code modifier(s)", at the line (x12-837p-999-277ca §3.1 C7).
  ack: { category: 'A7', status: '453' },
  source: 'x12-837p-999-277ca §3.1 C7; pain-coding-rules §3; codesets/modifiers.json, procedures.json',
  description: 'Each modifier in SV101-3 to SV101-6 must be a known modifier valid on the date of service and fit its code: TC/26 only with a PC/TC split, 25 only on E/M codes, 59/XE/XS/XP/XU never on E/M codes.',
  howToFix: 'Remove or correct the modifier: 25 goes on the E/M line, 59/X{EPSU} on the procedure line, 26/TC only on imaging codes with a professional/technical split.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const line of view.lines) {
      // Modifiers sit in SV101 components 3–6; empty components are placeholders.
      const composite = elementAt(line.sv1, 1).split(line.sv1.delimiters.component);
      for (let c = 3; c <= 6; c++) {
        const sent = composite[c - 1] ?? '';
        if (sent === '' || line.dos === null) continue;
        const modifier = sent.toUpperCase();
        const at = { segment: line.sv1, element: `SV101-${c}`, line };
        const found = ctx.tables.modifier(modifier, line.dos.from);
        if (found.status === 'unknown') {
          // A well-formed modifier missing from a table that is only the pain subset (HCPCS has
          // hundreds: RR, QK, P1 …) is a warning, never a rejection; a malformed one is an error.
          if (!MODIFIER_FORMAT.test(modifier)) findings.push({ ...at, message: `SV101-${c} modifier '${sent}' is not a procedure modifier (two letters or digits)` });
          else if (ctx.tables.modifiersComplete) findings.push({ ...at, message: `SV101-${c} modifier '${sent}' is not a known procedure modifier` });
          else findings.push({ ...at, message: `SV101-${c} modifier '${sent}' is not in the loaded modifier list: check it against the HCPCS modifier list`, severity: 'warning' });
          continue;
        }
        if (found.status === 'inactive') {
          findings.push({ ...at, message: `SV101-${c} modifier ${modifier} ${notInForceReason(found.entry, line.dos.from)}` });
          continue;
        }
        if (sent !== modifier) {
          const reason = `upper-case modifier '${sent}' to '${modifier}' on line ${line.lx ?? '?'}`;
          findings.push({ ...at, message: `SV101-${c} modifier '${sent}' is lower case: send '${modifier}'`, fix: { kind: 'replace', segment: line.sv1, element: 1, component: c, value: modifier, reason } });
        }
        const misfit = codeMisfit(found.entry, line, line.dos.from, ctx);
        if (misfit !== null) findings.push({ ...at, message: `SV101-${c} modifier ${modifier} ${misfit}` });
      }
    }
    return findings;
  },
});

/** Why a modifier does not fit the line's code (pain-coding-rules §3), or null; unknown codes are not judged. */
function codeMisfit(modifier: ModifierEntry, line: ServiceLineView, dos: Day, ctx: RuleContext): string | null {
  const found = ctx.tables.procedure(line.code, dos);
  if (found.status !== 'active') return null;
  const { entry } = found;
  const em = entry.family === 'EM';
  if (modifier.kind === 'pc-tc' && !entry.pcTc) return `is not allowed on ${entry.code}, which has no professional/technical split`;
  if (modifier.kind === 'em' && !em) return `is for E/M codes only, and ${entry.code} is not an E/M code`;
  if (modifier.kind === 'distinct' && em) return `must not be used on the E/M code ${entry.code} (a separately identifiable E/M takes 25)`;
  return null;
}
