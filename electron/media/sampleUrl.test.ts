import { describe, expect, it } from 'vitest';
import { sampleUrl } from '../../shared/wire';
import { parseSampleUrl } from './sampleUrl';

describe('parseSampleUrl', () => {
  it('accepts audio and peaks URLs with a plain id', () => {
    expect(parseSampleUrl('sample://audio/12')).toEqual({
      ok: true,
      resource: 'audio',
      sampleId: 12,
    });
    expect(parseSampleUrl('sample://peaks/1')).toEqual({
      ok: true,
      resource: 'peaks',
      sampleId: 1,
    });
  });

  it('treats the resource name case-insensitively and ignores a query or fragment', () => {
    expect(parseSampleUrl('sample://AUDIO/7')).toMatchObject({ ok: true, resource: 'audio' });
    expect(parseSampleUrl('sample://audio/7?t=3#x')).toMatchObject({ ok: true, sampleId: 7 });
  });

  it('accepts the largest safe id and refuses one past it', () => {
    expect(parseSampleUrl(`sample://audio/${Number.MAX_SAFE_INTEGER}`)).toMatchObject({
      ok: true,
      sampleId: Number.MAX_SAFE_INTEGER,
    });
    expect(parseSampleUrl('sample://audio/9007199254740993')).toEqual({
      ok: false,
      reason: 'sample id out of range',
    });
    expect(parseSampleUrl('sample://audio/12345678901234567')).toMatchObject({ ok: false });
  });

  it.each([
    ['sample://audio/0'],
    ['sample://audio/-1'],
    ['sample://audio/012'],
    ['sample://audio/1.5'],
    ['sample://audio/1e3'],
    ['sample://audio/0x10'],
    ['sample://audio/'],
    ['sample://audio'],
    ['sample://audio/12/'],
    ['sample://audio/12/extra'],
    ['sample://audio/%31%32'],
    ['sample://audio/12%00'],
    ['sample://audio/ 12'],
    ['sample://audio/abc'],
  ])('refuses a bad id: %s', (url) => {
    expect(parseSampleUrl(url).ok).toBe(false);
  });

  it.each([
    ['sample://audio/../../etc/passwd'],
    ['sample://audio/..%2f..%2fetc%2fpasswd'],
    ['sample://audio/%2e%2e/%2e%2e/etc/passwd'],
    ['sample://audio/12/../../../etc/passwd'],
    ['sample://audio//etc/passwd'],
    ['sample://audio/C:%5CWindows%5Cwin.ini'],
    ['sample://audio/..\\..\\etc\\passwd'],
    ['sample:///etc/passwd'],
    ['sample://etc/passwd'],
    ['sample://%2e%2e/12'],
  ])('refuses a traversal attempt: %s', (url) => {
    expect(parseSampleUrl(url).ok).toBe(false);
  });

  it('refuses other schemes, unknown resources, credentials and ports', () => {
    expect(parseSampleUrl('file:///etc/passwd')).toEqual({
      ok: false,
      reason: 'not a sample:// URL',
    });
    expect(parseSampleUrl('https://audio/12')).toMatchObject({ ok: false });
    expect(parseSampleUrl('sample://video/12')).toEqual({
      ok: false,
      reason: 'unknown resource "video"',
    });
    expect(parseSampleUrl('sample://user:pw@audio/12')).toMatchObject({ ok: false });
    expect(parseSampleUrl('sample://audio:8080/12')).toMatchObject({ ok: false });
  });

  it('refuses text that is not a URL', () => {
    expect(parseSampleUrl('')).toEqual({ ok: false, reason: 'not a URL' });
    expect(parseSampleUrl('audio/12')).toEqual({ ok: false, reason: 'not a URL' });
  });
});

describe('sampleUrl', () => {
  it('builds URLs that parse back to the same target', () => {
    for (const resource of ['audio', 'peaks'] as const) {
      for (const id of [1, 42, Number.MAX_SAFE_INTEGER]) {
        expect(parseSampleUrl(sampleUrl(resource, id))).toEqual({
          ok: true,
          resource,
          sampleId: id,
        });
      }
    }
  });

  it('refuses ids that are not positive safe integers', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => sampleUrl('audio', bad)).toThrow(RangeError);
    }
  });
});
