import { defineRule, type RuleFinding } from '../define-rule.ts';
import { firstLevelExcess } from '../support/line-side.ts';
import { procedureLines, type ProcedureLine } from '../support/procedure-lines.ts';
import { byDate, lineLabel } from '../support/same-date.ts';
import { SPINAL_REGION_NAME } from '../support/spinal-region.ts';

/** Interlaminar/caudal epidural codes (§1.2); the other ESI-family codes are transforaminal. */
const INTERLAMINAR = ['62320', '62321', '62322', '62323'];
/** Third and further facet levels: not covered by the Medicare facet LCDs, appeal only (§1.3, §6). */
const THIRD_FACET_LEVEL = ['64492', '64495'];
/** 277CA 454 "procedure code" when a code itself breaks the limit (a second region, a third facet level). */
const CODE_ACK = { category: 'A7', status: '454' } as const;

export const rule = defineRule({
  id: 'pm/session-levels',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 476 "missing or invalid units of service": too many levels (units) in one session.
  ack: { category: 'A7', status: '476' },
  source: 'pain-coding-rules §1.2 (Medicare ESI LCDs, S1–S5), §1.3 and §6 (facet LCDs, S6–S8): limits per session',
  description: 'Medicare LCD limits per session (one date): ESI in one spinal region, at most one interlaminar/caudal level and two transforaminal levels per side, facet injections at two levels per side, and never 64492/64495.',
  howToFix: 'Bill only the levels the LCD covers in one session (staged procedures go on separate dates), correct the units or sides, or get an ABN (GA) for non-covered levels.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const session of byDate(procedureLines(view, ctx.tables))) {
      const esi = session.filter((p) => p.procedure.family === 'ESI');
      const transforaminal = esi.filter((p) => !INTERLAMINAR.includes(p.line.code));
      const facet = session.filter((p) => p.procedure.family === 'FACET');
      const thirdLevel = facet.filter((p) => THIRD_FACET_LEVEL.includes(p.line.code));
      findings.push(
        ...secondRegion(esi),
        ...interlaminarLevels(esi.filter((p) => INTERLAMINAR.includes(p.line.code))),
        // §1.2 "≤2 TF levels per session (unilateral or bilateral)": per region, per side.
        ...(['CT', 'LS'] as const).flatMap((region) => levelsPerSide(transforaminal.filter((p) => p.procedure.region === region), `${SPINAL_REGION_NAME[region]} transforaminal epidural`)),
        // §6 facet "≤2 levels per session"; a session is every procedure of one date (§6), so
        // cervical and lumbar facet levels count together (NGS: T12-L1 + L1-2 is one session, §1.3).
        ...levelsPerSide(facet.filter((p) => !thirdLevel.includes(p)), 'facet'),
        ...thirdLevel.map((p): RuleFinding => ({ segment: p.line.sv1, element: 'SV101-2', line: p.line, ack: CODE_ACK, message: `${lineLabel(p.line)} is a third or further facet level, which Medicare facet LCDs do not cover (appeal only: get an ABN and add GA)` })),
      );
    }
    return findings;
  },
});

/** §1.2 "one spinal region per session": the first ESI line in a region other than the first one's. */
function secondRegion(esi: readonly ProcedureLine[]): RuleFinding[] {
  const first = esi.find((p) => p.procedure.region !== null);
  const other = esi.find((p) => p.procedure.region !== null && p.procedure.region !== first?.procedure.region);
  if (first?.procedure.region == null || other?.procedure.region == null) return [];
  const message = `ESI in two spinal regions on ${other.dos}: ${lineLabel(first.line)} is ${SPINAL_REGION_NAME[first.procedure.region]} and ${lineLabel(other.line)} is ${SPINAL_REGION_NAME[other.procedure.region]}; Medicare allows one region per session`;
  return [{ segment: other.line.sv1, element: 'SV101-2', line: other.line, ack: CODE_ACK, message }];
}

/** §1.2 "≤1 interlaminar/caudal level per session": units over all lines; the codes are midline, so sides do not split the count. */
function interlaminarLevels(interlaminar: readonly ProcedureLine[]): RuleFinding[] {
  let levels = 0;
  const over = interlaminar.find((p) => (levels += p.line.units ?? 1) > 1);
  if (over === undefined) return [];
  return [{ segment: over.line.sv1, element: 'SV104', line: over.line, message: `${levels} interlaminar/caudal epidural levels on ${over.dos} (at ${lineLabel(over.line)}): Medicare allows one per session` }];
}

/** At most two levels on each side (§1.3 counting: 50 on a line is both sides of one level). */
function levelsPerSide(lines: readonly ProcedureLine[], what: string): RuleFinding[] {
  const excess = firstLevelExcess(lines.map((p) => p.line), 2);
  if (excess === null) return [];
  const message = `${excess.levels} ${what} levels on the ${excess.side} side on ${lines[0]!.dos} (at ${lineLabel(excess.line)}): Medicare allows two per session (50 is both sides of one level)`;
  return [{ segment: excess.line.sv1, element: 'SV104', line: excess.line, message }];
}
