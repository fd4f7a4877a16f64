import type { Rule } from './define-rule.ts';
import { rule as claimBalance } from './claim/balance.ts';
import { rule as claimDxPointer } from './claim/dx-pointer.ts';
import { rule as claimFrequencyCode } from './claim/frequency-code.ts';
import { rule as claimIcdVersion } from './claim/icd-version.ts';
import { rule as claimNpi } from './claim/npi.ts';
import { rule as claimServiceDate } from './claim/service-date.ts';
import { rule as codeDiagnosis } from './code/diagnosis.ts';
import { rule as codeModifier } from './code/modifier.ts';
import { rule as codePlaceOfService } from './code/place-of-service.ts';
import { rule as codeProcedure } from './code/procedure.ts';
import { rule as pmAddOnPrimary } from './pm/add-on-primary.ts';
import { rule as pmBilateral } from './pm/bilateral.ts';
import { rule as pmDiagnosisSupport } from './pm/diagnosis-support.ts';
import { rule as pmDiagnosticKx } from './pm/diagnostic-kx.ts';
import { rule as pmEmModifier25 } from './pm/em-modifier-25.ts';
import { rule as pmFrequency } from './pm/frequency.ts';
import { rule as pmImagingIncluded } from './pm/imaging-included.ts';
import { rule as pmLaterality } from './pm/laterality.ts';
import { rule as pmModifier59Column } from './pm/modifier-59-column.ts';
import { rule as pmMue } from './pm/mue.ts';
import { rule as pmNcciPtp } from './pm/ncci-ptp.ts';
import { rule as pmNewPatient } from './pm/new-patient.ts';
import { rule as pmPriorAuth } from './pm/prior-auth.ts';
import { rule as pmProlongedService } from './pm/prolonged-service.ts';
import { rule as pmRegionMismatch } from './pm/region-mismatch.ts';
import { rule as pmRfaPrerequisite } from './pm/rfa-prerequisite.ts';
import { rule as pmSessionLevels } from './pm/session-levels.ts';
import { rule as pmTelehealth } from './pm/telehealth.ts';
import { rule as pmTherapyModifier } from './pm/therapy-modifier.ts';
import { rule as pmTpiOneCode } from './pm/tpi-one-code.ts';
import { rule as pmUnlistedProcedure } from './pm/unlisted-procedure.ts';
import { rule as pmUnspecifiedDiagnosis } from './pm/unspecified-diagnosis.ts';

/**
 * Every coding rule (SNIP 3–7), in catalogue order. The parity test checks this list against
 * the rule catalogue, the rule files, their table tests and the README.
 */
export const RULES: readonly Rule[] = [
  claimBalance, claimDxPointer, claimServiceDate, claimNpi, claimFrequencyCode, claimIcdVersion,
  codeProcedure, codeDiagnosis, codeModifier, codePlaceOfService,
  pmImagingIncluded, pmNcciPtp, pmEmModifier25, pmAddOnPrimary, pmProlongedService, pmBilateral, pmLaterality,
  pmTelehealth, pmUnlistedProcedure, pmMue, pmTpiOneCode, pmPriorAuth, pmFrequency, pmDiagnosisSupport,
  pmUnspecifiedDiagnosis, pmModifier59Column, pmRegionMismatch, pmSessionLevels, pmTherapyModifier, pmDiagnosticKx,
  pmRfaPrerequisite, pmNewPatient,
];
