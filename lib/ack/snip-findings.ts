import type { Finding, FindingPosition, Severity } from '../findings.ts';
import type { FramingProblem } from '../x12/tokenizer.ts';
import type { ElementError, GroupResult, InterchangeResult, SegmentError, SetResult } from '../x12/results.ts';

/**
 * Turns SNIP 1–2 results into report findings. Each finding names where the acknowledgment
 * reports it ("999:IK3*CLM*18*2300*8;IK4*2*782*6"), so a reader can match report and 999.
 */

const BRIEF = 'claimcheck X12 brief (005010X222A1, 005010X231A1)';

const FRAMING_SEVERITY: Readonly<Record<string, Severity>> = {
  X12_BOM: 'warning',
  X12_INDENTED: 'info',
  X12_UNTERMINATED_SEGMENT: 'warning',
};

export function framingFinding(p: FramingProblem): Finding {
  return {
    rule: 'x12/envelope',
    severity: p.fatal ? 'error' : (FRAMING_SEVERITY[p.code] ?? 'warning'),
    message: p.message,
    line: null,
    segment: p.code === 'X12_ISA_CORRUPT' ? 'ISA' : null,
    element: null,
    position: { segmentIndex: null, byteOffset: p.byteOffset, fileSegmentIndex: null, loop: null },
    ack: p.ta105 !== undefined ? `TA1:${p.ta105}` : null,
    source: `${BRIEF} §1.1 (${p.code})`,
  };
}

export function interchangeFindings(ic: InterchangeResult): Finding[] {
  const out: Finding[] = [];
  // A corrupt ISA was already reported as a framing finding with the same message.
  if (ic.ta1.code !== '000' && ic.delimiters !== undefined) {
    out.push({
      rule: 'x12/envelope',
      severity: 'error',
      message: `interchange ${ic.isa[13] ?? ''}: ${ic.ta1.message}`,
      line: null,
      segment: 'ISA',
      element: null,
      position: { segmentIndex: null, byteOffset: ic.byteOffset, fileSegmentIndex: null, loop: null },
      ack: `TA1:${ic.ta1.ack}:${ic.ta1.code}`,
      source: `${BRIEF} §1.5`,
    });
  }
  for (const g of ic.groups) out.push(...groupFindings(g));
  return out;
}

function groupFindings(g: GroupResult): Finding[] {
  const out: Finding[] = g.groupErrors.map((code, i) => ({
    rule: code === '1' || code === '2' ? 'x12/guide' : 'x12/envelope',
    severity: 'error' as const,
    message: `group ${g.gs[6] ?? ''}: ${g.messages[i] ?? ''}`,
    line: null,
    segment: code === '3' || code === '4' || code === '5' ? 'GE' : 'GS',
    element: null,
    position: { segmentIndex: null, byteOffset: g.byteOffset, fileSegmentIndex: g.fileIndex, loop: null },
    ack: `999:AK9*${g.ack};AK905*${code}`,
    source: `${BRIEF} §1.3, §4.3`,
  }));
  for (const s of g.sets) out.push(...setFindings(s));
  return out;
}

function setFindings(s: SetResult): Finding[] {
  const out: Finding[] = [];
  s.setErrors.forEach((code, i) => {
    if (code === '5') return; // summarises the segment errors listed below
    out.push({
      rule: code === '1' || code === '6' || code === 'I6' ? 'x12/guide' : 'x12/envelope',
      severity: 'error',
      message: `transaction ${s.st02}: ${s.messages[i] ?? ''}`,
      line: null,
      segment: code === '2' || code === '3' || code === '4' ? 'SE' : 'ST',
      element: null,
      position: { segmentIndex: 1, byteOffset: s.byteOffset, fileSegmentIndex: s.fileIndex, loop: null },
      ack: `999:IK5*R*${code}`,
      source: `${BRIEF} §1.4, §4.3`,
    });
  });
  for (const e of s.segmentErrors) if (e.claimId === null) out.push(...segmentFindings(e));
  return out;
}

/** One finding per element error, or one for the segment when it has none. */
export function segmentFindings(e: SegmentError): Finding[] {
  const position: FindingPosition = { segmentIndex: e.setIndex, byteOffset: e.byteOffset, fileSegmentIndex: e.fileIndex, loop: e.loopId };
  const ik3 = `999:IK3*${e.segmentId}*${e.setIndex}*${e.loopId === null || e.loopId === 'ST' ? '' : e.loopId}*${e.code}`;
  const base = { rule: e.rule, severity: 'error' as const, line: e.line, segment: e.segmentId, position, source: `${BRIEF} §2, §4.3` };
  if (e.elementErrors.length === 0) return [{ ...base, message: e.message, element: null, ack: ik3 }];
  return e.elementErrors.map((el) => ({
    ...base,
    message: el.message,
    element: elementName(e.segmentId, el),
    ack: `${ik3};IK4*${ik401(el)}*${el.dataElementRef ?? ''}*${el.code}`,
  }));
}

/** "SV101-2", "CLM02". */
export function elementName(segmentId: string, el: Pick<ElementError, 'element' | 'component'>): string {
  const n = `${segmentId}${String(el.element).padStart(2, '0')}`;
  return el.component === undefined ? n : `${n}-${el.component}`;
}

function ik401(el: ElementError): string {
  let v = String(el.element);
  if (el.component !== undefined || el.repetition !== undefined) v += `:${el.component ?? ''}`;
  if (el.repetition !== undefined) v += `:${el.repetition}`;
  return v;
}
