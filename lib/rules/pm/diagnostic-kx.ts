import { defineRule, type RuleFinding } from '../define-rule.ts';

/**
 * The facet codes the Medicare facet LCD articles count as diagnostic blocks when they carry KX
 * (pain-coding-rules §6 "Facet diagnostic": 64490, 64491, 64493, 64494). 64492/64495 are not
 * covered at all (pm/session-levels).
 */
const DIAGNOSTIC_FACET_CODES = ['64490', '64491', '64493', '64494'];

export const rule = defineRule({
  id: 'pm/diagnostic-kx',
  level: 7,
  defaultSeverity: 'warning',
  // 277CA 453 "procedure code modifier(s)" should a profile make it an error.
  ack: { category: 'A7', status: '453' },
  source: 'pain-coding-rules §1.2, §3 (KX; S2, S6), §6 (facet diagnostic vs therapeutic)',
  description: 'Medicare facet LCD articles ask for KX on diagnostic facet injections and medial branch blocks (64490, 64491, 64493, 64494); without it the session counts as therapeutic.',
  howToFix: 'If the block was diagnostic (a medial branch block before a planned RFA), add KX; if it was therapeutic, no change is needed.',
  check(view) {
    const findings: RuleFinding[] = [];
    // The claim cannot say whether a block was diagnostic: KX is that signal, and the ledger
    // counts facet sessions without it as therapeutic (§6.1). So the rule reminds on every facet
    // block without KX, as a warning. Transforaminal ESIs (64479–64484) stay out: a diagnostic
    // selective nerve root block uses the same codes as a therapeutic ESI, so nothing on the
    // claim tells them apart and a reminder on every ESI would be noise.
    for (const line of view.lines) {
      if (line.dos === null || !DIAGNOSTIC_FACET_CODES.includes(line.code) || line.modifiers.includes('KX')) continue;
      findings.push({
        message: `${line.code} has no KX: if this facet injection or medial branch block was diagnostic, Medicare asks for KX (without it the session counts as therapeutic)`,
        segment: line.sv1,
        element: 'SV101-3',
        line,
      });
    }
    return findings;
  },
});
