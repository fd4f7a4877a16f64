import { componentAt } from '../../x12/segment.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';
import { notInForceReason } from '../support/code-dates.ts';

/** CPT (5 digits), CPT Category II/III (4 digits + F/T), HCPCS Level II (a letter + 4 digits). */
const CPT_HCPCS_FORMAT = /^(\d{5}|\d{4}[FT]|[A-Z]\d{4})$/;

export const rule = defineRule({
  id: 'code/procedure',
  level: 5,
  defaultSeverity: 'error',
  // 277CA 454 "procedure code for services rendered", at the line (x12-837p-999-277ca §3.1 C7).
  ack: { category: 'A7', status: '454' },
  source: 'x12-837p-999-277ca §3.1 C7; rule-catalogue code/procedure; codesets/procedures.json',
  description: 'Each CPT/HCPCS code (SV101-1 HC) must be well formed and valid on its date of service; a well-formed code missing from an incomplete table is a warning.',
  howToFix: 'Use the code in force on the date of service (a deleted code such as 64410 or 0775T has a replacement or the unlisted code); check a typing error against the CPT/HCPCS book.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const line of view.lines) {
      if (line.qualifier !== 'HC') continue;
      const at = { segment: line.sv1, element: 'SV101-2', line };
      const { code } = line;
      if (!CPT_HCPCS_FORMAT.test(code)) {
        findings.push({ ...at, message: `SV101-2 procedure code '${code}' is not a CPT/HCPCS code (5 digits, 4 digits and F or T, or a letter and 4 digits)` });
        continue;
      }
      const sent = componentAt(line.sv1, 1, 2);
      if (sent !== code) {
        const reason = `upper-case procedure code '${sent}' to '${code}'`;
        findings.push({ ...at, message: `SV101-2 procedure code '${sent}' is lower case: send '${code}'`, fix: { kind: 'replace', segment: line.sv1, element: 1, component: 2, value: code, reason } });
      }
      if (line.dos === null) continue;
      const found = ctx.tables.procedure(code, line.dos.from);
      if (found.status === 'inactive') {
        findings.push({ ...at, message: `SV101-2 procedure code ${code} ${notInForceReason(found.entry, line.dos.from)}` });
      } else if (found.status === 'unknown') {
        // CPT cannot be shipped in full (AMA licence): an unknown code rejects only when the
        // table is declared complete (rule-catalogue code/procedure).
        findings.push(ctx.tables.proceduresComplete
          ? { ...at, message: `SV101-2 procedure code ${code} is not a valid CPT/HCPCS code` }
          : { ...at, severity: 'warning', message: `SV101-2 procedure code ${code} is not in the loaded code set: check it against the CPT/HCPCS code book` });
      }
    }
    return findings;
  },
});
