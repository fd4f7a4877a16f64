/**
 * Groups the placed segments of one 837P transaction set into {@link Claim}s: the header and
 * the current billing provider (2000A), subscriber (2000B) and patient (2000C) are kept as
 * context; each 2300 with its 2310x/2320/2330x segments and its 2400 lines is emitted as soon
 * as its loop ends, so memory is bounded by one claim plus its context (brief §2.1).
 */
import type { LocatedSegment } from '../x12/reader.ts';
import type { SegmentError } from '../x12/results.ts';
import type { Claim, ClaimSink, LoopedSegment, ServiceLine } from './claim.ts';
import type { LoopNode } from './loop-walker.ts';
import { parseCents } from '../x12/amount.ts';

type Role = 'header' | 'billing' | 'subscriber' | 'patient' | 'claim' | 'line';

/** The loops that start a new piece of context or a claim; everything below inherits. */
const ROLE_OF_LOOP: Readonly<Record<string, Role>> = {
  '2000A': 'billing',
  '2000B': 'subscriber',
  '2000C': 'patient',
  '2300': 'claim',
  '2400': 'line',
};

const roles = new WeakMap<LoopNode, Role>();

function roleOf(loop: LoopNode): Role {
  let role = roles.get(loop);
  if (role === undefined) {
    role = ROLE_OF_LOOP[loop.id] ?? (loop.parent === null ? 'header' : roleOf(loop.parent));
    roles.set(loop, role);
  }
  return role;
}

export interface ClaimContext {
  readonly claimId: string | null;
  readonly line: number | null;
}

export interface ClaimAssembler {
  /** A segment was placed in `loop`; `starts` when it began a new iteration of `loop`. */
  placed(segment: LoopedSegment, loop: LoopNode, starts: boolean): void;
  /** A loop iteration ended: a 2300 ending emits its claim. */
  closed(loop: LoopNode): void;
  /** CLM01 and LX01 for an error found within `loop` now. */
  context(loop: LoopNode): ClaimContext;
  /** Files an error with the claim it belongs to, or with the context of the claims to come. */
  error(error: SegmentError, within: LoopNode): void;
  readonly claims: number;
  readonly serviceLines: number;
}

interface OpenLine {
  readonly lx: number | null;
  readonly segments: LoopedSegment[];
}

interface OpenClaim {
  readonly id: string;
  readonly chargeCents: number | null;
  /** The claim sits under a 2000C (else directly under the 2000B). */
  readonly underPatient: boolean;
  readonly segments: LoopedSegment[];
  readonly lines: OpenLine[];
  readonly errors: SegmentError[];
}

const NO_CONTEXT: ClaimContext = { claimId: null, line: null };

export function createClaimAssembler(st: LocatedSegment, onClaim: ClaimSink): ClaimAssembler {
  const header: LoopedSegment[] = [];
  const headerErrors: SegmentError[] = [];
  // A new context loop gets new arrays (never cleared in place): emitted claims share them.
  let billing: LoopedSegment[] = [];
  let billingErrors: SegmentError[] = [];
  let subscriber: LoopedSegment[] = [];
  let subscriberErrors: SegmentError[] = [];
  let patient: LoopedSegment[] = [];
  let patientErrors: SegmentError[] = [];
  let claim: OpenClaim | null = null;
  let line: OpenLine | null = null;
  let claims = 0;
  let serviceLines = 0;

  function start(role: Role, segment: LoopedSegment, loop: LoopNode): void {
    switch (role) {
      case 'billing':
        billing = [];
        billingErrors = [];
        break;
      case 'subscriber':
        subscriber = [];
        subscriberErrors = [];
        break;
      case 'patient':
        patient = [];
        patientErrors = [];
        break;
      case 'claim':
        claims++;
        claim = {
          id: segment.elements[1] ?? '',
          chargeCents: parseCents(segment.elements[2] ?? ''),
          underPatient: loop.parent !== null && roleOf(loop.parent) === 'patient',
          segments: [],
          lines: [],
          errors: [],
        };
        break;
      case 'line':
        serviceLines++;
        line = { lx: parseLineNumber(segment.elements[1] ?? ''), segments: [] };
        claim?.lines.push(line);
        break;
      case 'header':
        break;
    }
  }

  function segmentsOf(role: Role): LoopedSegment[] {
    switch (role) {
      case 'header': return header;
      case 'billing': return billing;
      case 'subscriber': return subscriber;
      case 'patient': return patient;
      case 'claim': return claim?.segments ?? subscriber;
      case 'line': return line?.segments ?? claim?.segments ?? subscriber;
    }
  }

  function errorsOf(role: Role): SegmentError[] {
    switch (role) {
      case 'header': return headerErrors;
      case 'billing': return billingErrors;
      case 'subscriber': return subscriberErrors;
      case 'patient': return patientErrors;
      // Claim-level errors arise only while the 2300 is open (the walker reports a loop's
      // problems before it closes); the fallback keeps a stray one as context.
      case 'claim':
      case 'line': return claim?.errors ?? subscriberErrors;
    }
  }

  function emit(done: OpenClaim): void {
    const claimPatient = done.underPatient ? patient : null;
    const contextErrors = [...headerErrors, ...billingErrors, ...subscriberErrors, ...(claimPatient === null ? [] : patientErrors)];
    const result: Claim = {
      transaction: st.st02 ?? '',
      isa13: st.isa13,
      gs06: st.gs06,
      id: done.id,
      chargeCents: done.chargeCents,
      header,
      billingProvider: billing,
      subscriber,
      patient: claimPatient,
      segments: done.segments,
      lines: done.lines satisfies readonly ServiceLine[],
      errors: done.errors,
      contextErrors,
    };
    onClaim(result);
  }

  return {
    placed(segment, loop, starts) {
      const role = roleOf(loop);
      if (starts && ROLE_OF_LOOP[loop.id] === role) start(role, segment, loop);
      segmentsOf(role).push(segment);
    },
    closed(loop) {
      const role = ROLE_OF_LOOP[loop.id];
      if (role === 'line') line = null;
      if (role === 'claim' && claim !== null) {
        const done = claim;
        claim = null;
        line = null;
        emit(done);
      }
    },
    context(loop) {
      const role = roleOf(loop);
      if (claim === null || (role !== 'claim' && role !== 'line')) return NO_CONTEXT;
      return { claimId: claim.id, line: role === 'line' ? (line?.lx ?? null) : null };
    },
    error(error, within) {
      errorsOf(roleOf(within)).push(error);
    },
    get claims() {
      return claims;
    },
    get serviceLines() {
      return serviceLines;
    },
  };
}

function parseLineNumber(value: string): number | null {
  return /^\d+$/.test(value) ? Number(value) : null;
}
