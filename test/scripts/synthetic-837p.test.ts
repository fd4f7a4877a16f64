import { describe, expect, it } from 'vitest';
import { readSegmentsSync, type LocatedSegment } from '../../lib/x12/reader.ts';
import { generate837p, type SyntheticOptions } from '../../scripts/lib/synthetic-837p.ts';

async function generate(options: SyntheticOptions): Promise<{ text: string; stats: Awaited<ReturnType<typeof generate837p>> }> {
  const chunks: string[] = [];
  const stats = await generate837p(options, (chunk) => {
    chunks.push(chunk);
  });
  return { text: chunks.join(''), stats };
}

function segmentsOf(text: string): LocatedSegment[] {
  const out: LocatedSegment[] = [];
  for (const event of readSegmentsSync(text)) {
    if (event.type === 'problem') throw new Error(`${event.problem.code}: ${event.problem.message}`);
    out.push(event.segment);
  }
  return out;
}

/** The same Luhn check as brief §3.3, written out again so the test does not trust the generator. */
function isValidNpi(npi: string): boolean {
  if (!/^[12]\d{9}$/.test(npi)) return false;
  const body = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

const cents = (value: string): number => {
  expect(value).toMatch(/^\d+(\.\d{1,2})?$/);
  return Math.round(Number(value) * 100);
};

describe('generate837p', () => {
  const target = 200_000;
  const options = { targetBytes: target, seed: 7, claimsPerSet: 60 };

  it('writes about the requested size, and its stats match the bytes', async () => {
    const { text, stats } = await generate(options);
    expect(stats.bytes).toBe(text.length);
    expect(text.length).toBeGreaterThanOrEqual(target);
    expect(text.length).toBeLessThan(target + 5_000);
    expect(stats.sets).toBeGreaterThan(1);
  });

  it('has correct envelope counts and control numbers', async () => {
    const { text, stats } = await generate(options);
    const segs = segmentsOf(text);
    expect(segs.map((s) => s.id).filter((id) => ['ISA', 'GS', 'GE', 'IEA'].includes(id))).toEqual(['ISA', 'GS', 'GE', 'IEA']);
    const isa = segs[0]!;
    const gs = segs[1]!;
    const ge = segs.at(-2)!;
    const iea = segs.at(-1)!;
    expect(iea.elements.slice(1)).toEqual(['1', isa.elements[13]]);
    expect(isa.elements[13]).toBe(stats.isa13);
    expect(gs.elements[8]).toBe('005010X222A1');

    const st02s: string[] = [];
    let start = -1;
    let claimsInSet = 0;
    segs.forEach((s, i) => {
      if (s.id === 'ST') {
        start = i;
        claimsInSet = 0;
        st02s.push(s.elements[2]!);
        expect(s.elements[3]).toBe('005010X222A1');
      }
      if (s.id === 'CLM') claimsInSet++;
      if (s.id === 'SE') {
        expect(s.elements[1], `SE01 of set ${st02s.at(-1)}`).toBe(String(i - start + 1));
        expect(s.elements[2]).toBe(st02s.at(-1));
        expect(claimsInSet).toBeLessThanOrEqual(options.claimsPerSet);
      }
    });
    expect(new Set(st02s).size).toBe(st02s.length);
    expect(ge.elements.slice(1)).toEqual([String(st02s.length), gs.elements[6]]);
    expect(st02s.length).toBe(stats.sets);
    expect(segs.filter((s) => s.id === 'CLM')).toHaveLength(stats.claims);
    expect(segs.filter((s) => s.id === 'LX')).toHaveLength(stats.lines);
    expect(segs).toHaveLength(stats.segments);
  });

  it('numbers HL loops 1..n per set, with parents of the right level and true child flags', async () => {
    const { text } = await generate(options);
    let hls: { id: string; parent: string; level: string; child: string }[] = [];
    const checkSet = (): void => {
      hls.forEach((hl, i) => {
        expect(hl.id).toBe(String(i + 1));
        const parent = hls.find((p) => p.id === hl.parent);
        const expectedParentLevel = { '20': undefined, '22': '20', '23': '22' }[hl.level];
        expect(parent?.level, `parent of HL ${hl.id}`).toBe(expectedParentLevel);
        if (parent !== undefined) expect(Number(parent.id)).toBeLessThan(Number(hl.id));
        const hasChild = hls.some((c) => c.parent === hl.id);
        expect(hl.child, `HL04 of HL ${hl.id}`).toBe(hasChild ? '1' : '0');
      });
    };
    const levels = new Set<string>();
    for (const s of segmentsOf(text)) {
      if (s.id === 'ST') hls = [];
      if (s.id === 'HL') {
        hls.push({ id: s.elements[1]!, parent: s.elements[2]!, level: s.elements[3]!, child: s.elements[4]! });
        levels.add(s.elements[3]!);
      }
      if (s.id === 'SE') checkSet();
    }
    expect([...levels].sort()).toEqual(['20', '22', '23']);
  });

  it('numbers LX 1..n per claim and balances CLM02 with the line charges, every line dated and controlled', async () => {
    const { text } = await generate(options);
    type Claim = { total: string; lines: { lx: string; charge: string; dtp: boolean; ref6r: boolean }[] };
    const claims: Claim[] = [];
    for (const s of segmentsOf(text)) {
      const claim = claims.at(-1);
      const line = claim?.lines.at(-1);
      if (s.id === 'CLM') claims.push({ total: s.elements[2]!, lines: [] });
      else if (s.id === 'LX') claim!.lines.push({ lx: s.elements[1]!, charge: '', dtp: false, ref6r: false });
      else if (s.id === 'SV1') line!.charge = s.elements[2]!;
      else if (s.id === 'DTP' && s.elements[1] === '472') line!.dtp = true;
      else if (s.id === 'REF' && s.elements[1] === '6R') line!.ref6r = true;
      else if (s.id === 'NM1' && s.elements[8] === 'XX') expect(isValidNpi(s.elements[9]!), s.elements[9]).toBe(true);
    }
    expect(claims.length).toBeGreaterThan(100);
    for (const claim of claims) {
      expect(claim.lines.length).toBeGreaterThanOrEqual(1);
      expect(claim.lines.length).toBeLessThanOrEqual(4);
      expect(claim.lines.map((l) => l.lx)).toEqual(claim.lines.map((_, i) => String(i + 1)));
      expect(claim.lines.every((l) => l.dtp && l.ref6r)).toBe(true);
      expect(claim.lines.reduce((sum, l) => sum + cents(l.charge), 0)).toBe(cents(claim.total));
    }
    expect(new Set(claims.map((c) => c.lines.length))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('gives the same bytes for the same seed, and other bytes for another seed', async () => {
    const a = await generate(options);
    const b = await generate(options);
    const c = await generate({ ...options, seed: 8 });
    expect(b.text).toBe(a.text);
    expect(c.text).not.toBe(a.text);
  });

  it('waits for a slow writer before writing more (backpressure)', async () => {
    let pending = false;
    let calls = 0;
    await generate837p({ targetBytes: 300_000, seed: 1 }, async () => {
      expect(pending).toBe(false);
      pending = true;
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 1));
      pending = false;
    });
    expect(calls).toBeGreaterThan(2);
  });
});
