import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Event } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { decodeS3Key, inboundObjects } from '../../functions/validate-837/s3-event.ts';

const event = (name: string): S3Event => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'events', 's3', name), 'utf8')) as S3Event;

describe('decodeS3Key', () => {
  it.each([
    ['inbound/a+b.837', 'inbound/a b.837'],
    ['inbound/a%2Bb.837', 'inbound/a+b.837'],
    ['inbound/2026%2F12/x.837', 'inbound/2026/12/x.837'],
    ['inbound/caf%C3%A9.837', 'inbound/café.837'],
  ])('decodes %s as %s', (raw, decoded) => {
    expect(decodeS3Key(raw)).toBe(decoded);
  });
});

describe('inboundObjects', () => {
  it('takes the bucket, key and version id of a put', () => {
    expect(inboundObjects(event('put.json'))).toEqual([
      { bucket: 'claimcheck-claims-example', key: 'inbound/2026/12/clean-lumbar-esi.837', version: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY', receivedAt: '2026-12-04T15:30:00.000Z' },
    ]);
  });

  it('URL-decodes the key: + is a space, %2B a plus, %2F a slash', () => {
    expect(inboundObjects(event('decoded-key.json')).map((r) => r.key)).toEqual(['inbound/2026/12/Dr Lee+Partners/batch 7.837']);
  });

  it('keeps each inbound record of a multi-record event, with the ETag when there is no version id', () => {
    expect(inboundObjects(event('multi-record.json'))).toEqual([
      { bucket: 'claimcheck-claims-example', key: 'inbound/2026/12/batch-1.837', version: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY', receivedAt: '2026-12-04T15:30:00.000Z' },
      { bucket: 'claimcheck-claims-example', key: 'inbound/2026/12/batch-2.837', version: '9f86d081884c7d659a2feaa0c55ad015-4', receivedAt: '2026-12-04T15:30:00.000Z' },
      // inbound/processed/ (moved by the nightly run) and the folder placeholder are skipped.
    ]);
  });

  it('keeps the event time, which dates the acknowledgments', () => {
    expect(inboundObjects(event('put.json')).map((r) => r.receivedAt)).toEqual(['2026-12-04T15:30:00.000Z']);
  });

  it('ignores keys outside inbound/', () => {
    expect(inboundObjects(event('outside-inbound.json'))).toEqual([]);
  });

  it('ignores events other than ObjectCreated', () => {
    const removed = event('put.json');
    const record = { ...removed.Records[0]!, eventName: 'ObjectRemoved:Delete' };
    expect(inboundObjects({ Records: [record] })).toEqual([]);
  });
});
