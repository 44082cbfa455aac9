import { describe, expect, it } from 'vitest';
import { isUserRequest } from './userRequest';

describe('isUserRequest', () => {
  it('counts what the user asks for, not status polls or the page refreshing by itself', () => {
    expect(isUserRequest('library.search', { origin: 'web' })).toBe(true);
    expect(isUserRequest('library.search', { origin: 'ipc' })).toBe(true);
    expect(isUserRequest('library.search', { origin: 'web', background: true })).toBe(false);
    expect(isUserRequest('library.listFolders', { origin: 'ipc', background: true })).toBe(false);
    expect(isUserRequest('analysis.status', { origin: 'web' })).toBe(false);
    expect(isUserRequest('app.info', { origin: 'web' })).toBe(false);
    expect(isUserRequest(42, { origin: 'web' })).toBe(false);
  });
});
