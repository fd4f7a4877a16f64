import type { Day, ModifierEntry } from '../../codesets/types.ts';
import type { ServiceLineView } from '../../model/claim-view.ts';
import type { CodeTables } from '../../ports.ts';
import type { DatedLine } from './same-date.ts';

/** The line's modifiers of one kind in modifiers.json (in force on the date), in SV101 order. */
export function modifiersOfKind(line: ServiceLineView, dos: Day, tables: CodeTables, kind: ModifierEntry['kind']): string[] {
  return line.modifiers.filter((m) => {
    const found = tables.modifier(m, dos);
    return found.status === 'active' && found.entry.kind === kind;
  });
}

/**
 * Whether NCCI-associated modifiers let an indicator-1 PTP edit pass (pain-coding-rules §2.1,
 * §3): a distinct-service modifier (59, XE, XS, XP, XU: kind 'distinct') on either line, or
 * anatomic modifiers (LT/RT, F1–FA, T1–TA, E1–E4, LC/LD/RC …: kind 'side') on both lines that
 * name different sites (20611-RT with 20610-LT: two knees). A side on one line only is not a
 * different site: a TF ESI always carries LT/RT, and that does not make it distinct from the
 * midline 62323 the same day; the same side on both is the same site (20611-RT, 20610-RT).
 * 25 is the E/M bypass, judged by pm/em-modifier-25.
 */
export function ptpBypassed(a: DatedLine, b: DatedLine, tables: CodeTables): boolean {
  const distinct = (x: DatedLine): boolean => modifiersOfKind(x.line, x.dos, tables, 'distinct').length > 0;
  if (distinct(a) || distinct(b)) return true;
  const sites = (x: DatedLine): string => modifiersOfKind(x.line, x.dos, tables, 'side').sort().join(' ');
  const siteA = sites(a);
  const siteB = sites(b);
  return siteA !== '' && siteB !== '' && siteA !== siteB;
}
