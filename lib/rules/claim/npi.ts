import { defineRule } from '../define-rule.ts';
import { isValidNpi } from '../support/npi.ts';

/** Plain names of the NM101 entities that carry an NPI in an 837P (x12-837p-999-277ca §5.5). */
const ENTITY_NAMES: Readonly<Record<string, string>> = {
  '85': 'billing provider',
  '82': 'rendering provider',
  DN: 'referring provider',
  P3: 'primary care provider',
  '77': 'service facility',
  DQ: 'supervising provider',
  DK: 'ordering provider',
};

export const rule = defineRule({
  id: 'claim/npi',
  level: 5,
  defaultSeverity: 'error',
  // 277CA 562 "entity's NPI" with the entity of the NM1 (x12-837p-999-277ca §3.1 N1); the
  // entity is set per finding.
  ack: { category: 'A7', status: '562', entity: '85' },
  source: 'x12-837p-999-277ca §3.1 N1 and §3.3 (NPI check digit)',
  description: 'Every NPI sent with NM108 XX (billing, rendering, referring, facility, supervising, ordering provider) must be 10 digits starting with 1 or 2 and pass the NPI check digit.',
  howToFix: 'Copy the NPI from NPPES (https://npiregistry.cms.hhs.gov) for that provider; a failed check digit is almost always a typing error.',
  check(view) {
    return view.npis.filter((id) => !isValidNpi(id.npi)).map((id) => {
      // An NM1 inside a 2420x loop belongs to the service line that holds it (277CA 2220D).
      const line = view.lines.find((l) => l.segments.includes(id.segment)) ?? null;
      const who = ENTITY_NAMES[id.entity] ?? `NM1*${id.entity} provider`;
      const why = /^[12]\d{9}$/.test(id.npi) ? 'fails the NPI check digit' : 'is not 10 digits starting with 1 or 2';
      return {
        message: `NM109 NPI '${id.npi}' of the ${who} (NM1*${id.entity}, loop ${id.segment.loopId}) ${why}`,
        segment: id.segment,
        element: 'NM109',
        line,
        ack: { category: 'A7', status: '562', entity: id.entity },
      };
    });
  },
});
