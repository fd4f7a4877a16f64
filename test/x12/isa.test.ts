import { describe, expect, it } from 'vitest';
import { ISA_LENGTH, parseIsa, printable, ta105ForIsaElement } from '../../lib/x12/isa.ts';

const FIELDS = ['ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'SENDER'.padEnd(15), 'ZZ', 'RECEIVER'.padEnd(15), '250115', '1101', '^', '00501', '000000042', '1', 'P', ':'];

function header(fields: readonly string[] = FIELDS, element = '*', terminator = '~'): string {
  return fields.join(element) + terminator;
}

function withField(n: number, value: string): string[] {
  const f = [...FIELDS];
  f[n] = value;
  return f;
}

describe('parseIsa', () => {
  it('reads the delimiters from offsets 3, 82, 104 and 105', () => {
    const text = header();
    expect(text).toHaveLength(ISA_LENGTH);
    const r = parseIsa(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.delimiters).toEqual({ element: '*', repetition: '^', component: ':', segment: '~' });
    expect(r.elements).toEqual(FIELDS);
    expect(r.note).toBeUndefined();
  });

  it('| ^ > ! land at offsets 3 / 82 / 104 / 105', () => {
    const text = header(withField(16, '>'), '|', '!');
    expect([text[3], text[82], text[104], text[105]]).toEqual(['|', '^', '>', '!']);
    const r = parseIsa(text);
    expect(r.ok && r.delimiters).toEqual({ element: '|', repetition: '^', component: '>', segment: '!' });
  });

  it('a newline terminator is taken from offset 105', () => {
    const r = parseIsa(header(FIELDS, '*', '\n'));
    expect(r.ok && r.delimiters.segment).toBe('\n');
  });

  it('ignores text after offset 105', () => {
    const r = parseIsa(header() + 'GS*HC*...~');
    expect(r.ok && r.elements[16]).toBe(':');
  });

  it('a wrong-width element gives the TA105 code of that element', () => {
    const widths = [0, 2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1];
    const expected = ['', '010', '011', '012', '013', '005', '006', '007', '008', '014', '015', '016', '017', '018', '019', '020'];
    for (let n = 1; n <= 15; n++) {
      const short = FIELDS[n]!.slice(0, widths[n]! - 1);
      const r = parseIsa(header(withField(n, short)) + 'GS*HC~');
      expect(r.ok, `ISA${n}`).toBe(false);
      if (r.ok) continue;
      expect(r.ta105, `ISA${n}`).toBe(expected[n]);
      expect(r.elements[0]).toBe('ISA');
      expect(r.elements[n]).toBe(short);
    }
  });

  it('ISA02 of 9 characters: 011, best-effort elements keep ISA13', () => {
    const r = parseIsa(header(withField(2, ' '.repeat(9))) + '\nGS*HC~');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.ta105).toBe('011');
    expect(r.message).toMatch(/ISA02/);
    expect(r.elements[13]).toBe('000000042');
    expect(r.elements[16]).toBe(':');
    expect(r.elements).toHaveLength(17);
  });

  it('shorter than 106 characters: 023 (premature end of file)', () => {
    for (const n of [0, 3, 50, 105]) {
      const r = parseIsa(header().slice(0, n));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.ta105).toBe('023');
    }
    const r = parseIsa('');
    expect(!r.ok && r.elements).toEqual(['ISA']);
  });

  it('alphanumeric or space delimiters and duplicates: 026 / 004 / 027', () => {
    const code = (text: string): string | null => {
      const r = parseIsa(text);
      return r.ok ? null : r.ta105;
    };
    expect(code(header(FIELDS, 'Q'))).toBe('026');
    expect(code(header(FIELDS, '*', 'B'))).toBe('004');
    expect(code(header(FIELDS, '*', '7'))).toBe('004');
    expect(code(header(FIELDS, '*', ' '))).toBe('004');
    expect(code(header(FIELDS, '*', '*'))).toBe('004');
    expect(code(header(FIELDS, '*', ':'))).toBe('004');
    expect(code(header(withField(16, 'X')))).toBe('027');
    expect(code(header(withField(16, ' ')))).toBe('027');
    expect(code(header(withField(16, '*')))).toBe('027');
  });

  it('ISA11: a letter, space or duplicate under 00501 is a non-fatal note (016) and no repetition separator', () => {
    for (const rep of ['U', ' ', '~', ':']) {
      const r = parseIsa(header(withField(11, rep)));
      expect(r.ok, rep).toBe(true);
      if (!r.ok) continue;
      expect(r.delimiters.repetition).toBeNull();
      expect(r.note?.ta105).toBe('016');
      expect(r.elements[11]).toBe(rep);
    }
  });

  it('ISA11 before 00402 is the standards id: no repetition separator, no note', () => {
    for (const rep of ['U', '^']) {
      const r = parseIsa(header(withField(12, '00401').map((v, i) => (i === 11 ? rep : v))));
      expect(r.ok && r.delimiters.repetition).toBeNull();
      expect(r.ok && r.note).toBeUndefined();
    }
    const r = parseIsa(header(withField(12, '00402')));
    expect(r.ok && r.delimiters.repetition).toBe('^');
  });

  it('ta105ForIsaElement and printable', () => {
    expect(ta105ForIsaElement(1)).toBe('010');
    expect(ta105ForIsaElement(11)).toBe('016');
    expect(ta105ForIsaElement(16)).toBe('027');
    expect(ta105ForIsaElement(99)).toBe('022');
    expect(printable('a\r\n\t\x00\xe9')).toBe('a\\r\\n\\t\\x00\\xe9');
  });
});
