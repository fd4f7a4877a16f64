import type { ClaimView, DiagnosisView, ServiceLineView } from '../../model/claim-view.ts';

/**
 * The diagnoses a line points at (SV107 → HI position), in pointer order, the line's primary
 * first. Pointers to no HI code are skipped here: claim/dx-pointer reports them.
 */
export function pointedDiagnoses(view: ClaimView, line: ServiceLineView): DiagnosisView[] {
  return line.pointers.flatMap((p) => {
    const dx = view.diagnoses[p - 1];
    return dx === undefined ? [] : [dx];
  });
}

/** The element reference of a diagnosis code, e.g. "HI01-2" (composite position, component 2). */
export function hiElement(dx: DiagnosisView): string {
  return `HI${String(dx.element).padStart(2, '0')}-2`;
}

/** The code as the tables key it: upper case, no decimal point (code/diagnosis reports a sent point). */
export function diagnosisKey(dx: DiagnosisView): string {
  return dx.code.replaceAll('.', '');
}
