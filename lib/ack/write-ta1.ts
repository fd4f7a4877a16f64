import type { Delimiters } from '../x12/delimiters.ts';
import type { InterchangeResult } from '../x12/results.ts';
import { ackDelimiters, writeInterchange, type AckContext, type WriteOptions } from './envelope-writer.ts';

/**
 * A TA1 is due when the sender asked for one (ISA14 = 1), and also for any envelope error even
 * when it did not: partners expect a negative TA1 for an interchange we could not process
 * (brief §1.7).
 */
export function ta1Due(interchange: InterchangeResult): boolean {
  return interchange.isa[14] === '1' || interchange.ta1.code !== '000';
}

/**
 * The TA1 in an interchange of its own: ISA, TA1, IEA*0 (brief §1.7). `delimiters` are the
 * inbound interchange's; when its ISA was unreadable there are none and ours are the defaults.
 */
export function writeTa1(interchange: InterchangeResult, ctx: AckContext, delimiters?: Delimiters | null, options: WriteOptions = {}): string {
  const isa = interchange.isa;
  const ta1 = ['TA1', legible(isa[13], 9, '000000000'), legible(isa[9], 6, '000101'), legible(isa[10], 4, '0000'), interchange.ta1.ack, interchange.ta1.code];
  return writeInterchange({ inboundIsa: isa, leading: [ta1], groups: [] }, ctx, ackDelimiters(delimiters), options);
}

/**
 * TA101–TA103 quote the inbound ISA13/09/10 so the sender can match the answer. A corrupt header
 * may not have them, or not in their N0 9 / DT 6 / TM 4 shape; the TA1 is still owed, so a
 * zero-filled placeholder of the right width stands in. The date placeholder is 000101
 * (2000-01-01) rather than 000000, whose month and day would make the TA1 itself invalid.
 */
function legible(value: string | undefined, digits: number, placeholder: string): string {
  return value !== undefined && value.length === digits && /^[0-9]+$/.test(value) ? value : placeholder;
}
