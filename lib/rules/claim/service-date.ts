import { day, type ServiceLineView } from '../../model/claim-view.ts';
import { elementAt } from '../../x12/segment.ts';
import { defineRule, type RuleContext, type RuleFinding } from '../define-rule.ts';

export const rule = defineRule({
  id: 'claim/service-date',
  level: 4,
  defaultSeverity: 'error',
  // 277CA 187 "date(s) of service", at the line (x12-837p-999-277ca §3.1 S3).
  ack: { category: 'A7', status: '187' },
  source: 'x12-837p-999-277ca §3.1 S3 (005010X222A1 2400 DTP*472)',
  description: 'Every service line needs a DTP*472 service date that is a calendar date (D8) or range (RD8, from not after to) and not in the future.',
  howToFix: 'Send DTP*472*D8*CCYYMMDD (or RD8*CCYYMMDD-CCYYMMDD with the earlier date first) with the real date the service was performed; claims are billed after the service.',
  check(view, ctx) {
    return view.lines.flatMap((line) => {
      const problem = dateProblem(line, ctx);
      return problem === null ? [] : [{ ...problem, line }];
    });
  },
});

function dateProblem(line: ServiceLineView, ctx: RuleContext): Omit<RuleFinding, 'line'> | null {
  const dtp = line.dtp472;
  if (dtp === null) return { message: 'The service line has no DTP*472 service date', segment: line.sv1, element: null };
  const at = { segment: dtp, element: 'DTP03' };
  if (line.dos === null) {
    const format = elementAt(dtp, 2);
    const value = elementAt(dtp, 3);
    if (format !== 'D8' && format !== 'RD8') return { ...at, element: 'DTP02', message: `DTP*472 date format '${format}' is not D8 (one date) or RD8 (a range)` };
    const parts = format === 'D8' ? [value] : value.split('-');
    if (parts.length !== (format === 'D8' ? 1 : 2)) return { ...at, message: `DTP*472 RD8 service date range '${value}' is not CCYYMMDD-CCYYMMDD` };
    const bad = parts.find((part) => day(part) === null) ?? value;
    return { ...at, message: `DTP*472 service date '${bad}' is not a calendar date (CCYYMMDD)${format === 'RD8' ? ` in the RD8 range '${value}'` : ''}` };
  }
  if (line.dos.from > line.dos.to) return { ...at, message: `DTP*472 service date range starts ${line.dos.from}, after it ends ${line.dos.to}` };
  // 277CA 510 "future date" says exactly what is wrong; 187 (dates of service) stays the default.
  if (line.dos.to > ctx.asOf) return { ...at, ack: { category: 'A7', status: '510' }, message: `DTP*472 service date ${line.dos.to} is in the future (today is ${ctx.asOf})` };
  return null;
}
