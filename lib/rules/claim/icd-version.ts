import type { DiagnosisView } from '../../model/claim-view.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';
import { diagnosisAck } from '../support/icd10.ts';

/** ICD-10-CM replaced ICD-9-CM for services on and after this day (HIPAA ICD-10 final rule). */
const ICD10_FROM = '2015-10-01';

const ICD9 = new Set(['BK', 'BF']);
const ICD10 = new Set(['ABK', 'ABF']);

export const rule = defineRule({
  id: 'claim/icd-version',
  level: 4,
  defaultSeverity: 'error',
  // 277CA 254 principal / 255 other diagnosis (x12-837p-999-277ca §3.1 D1); set per finding.
  ack: { category: 'A7', status: '254' },
  source: 'x12-837p-999-277ca §3.1 D1 (005010X222A1 2300 HI qualifiers ABK/ABF vs BK/BF)',
  description: 'Diagnoses use ICD-10-CM qualifiers (ABK/ABF) for services on or after 2015-10-01 and ICD-9-CM (BK/BF) only before, never both kinds on one claim.',
  howToFix: 'Code services from 2015-10-01 in ICD-10-CM with HI qualifiers ABK (principal) and ABF; bill services before that date on a separate claim with BK/BF.',
  check(view) {
    const icd9 = view.diagnoses.filter((d) => ICD9.has(d.qualifier));
    const icd10 = view.diagnoses.filter((d) => ICD10.has(d.qualifier));
    if (icd9.length > 0 && icd10.length > 0) {
      // Point at the first code of the other kind than the principal's.
      const odd = (ICD9.has(view.diagnoses[0]?.qualifier ?? '') ? icd10 : icd9)[0]!;
      return [finding(odd, `HI qualifier ${odd.qualifier} mixes ICD-9-CM (BK/BF) and ICD-10-CM (ABK/ABF) codes on one claim`)];
    }
    const dates = view.datesOfService;
    const after = dates.find((d) => d >= ICD10_FROM);
    const before = dates.find((d) => d < ICD10_FROM);
    const findings: RuleFinding[] = [];
    if (icd9[0] !== undefined && after !== undefined) {
      findings.push(finding(icd9[0], `HI qualifier ${icd9[0].qualifier} (ICD-9-CM) is used for a service on ${after}; services on or after ${ICD10_FROM} are coded in ICD-10-CM (ABK/ABF)`));
    }
    if (icd10[0] !== undefined && before !== undefined) {
      findings.push(finding(icd10[0], `HI qualifier ${icd10[0].qualifier} (ICD-10-CM) is used for a service on ${before}; services before ${ICD10_FROM} are coded in ICD-9-CM (BK/BF)`));
    }
    return findings;
  },
});

function finding(dx: DiagnosisView, message: string): RuleFinding {
  return {
    message: `${message} (code ${dx.code})`,
    segment: dx.segment,
    element: `HI${String(dx.element).padStart(2, '0')}-1`,
    line: null,
    ack: diagnosisAck(dx),
  };
}
