import { describe, expect, it } from 'vitest';
import type { LibraryChanged } from '../../shared/contract';
import { createEventFanout } from './eventFanout';
import type { EventMessage } from './ipcGuard';

const changed = (reason: LibraryChanged['reason']): EventMessage => ({
  event: 'library.changed',
  payload: { reason },
});

describe('createEventFanout', () => {
  it('delivers each message to the listeners of its event until they unsubscribe', () => {
    const fanout = createEventFanout();
    const a: string[] = [];
    const b: string[] = [];
    const offA = fanout.on('library.changed', (p) => void a.push(p.reason));
    fanout.on('library.changed', (p) => void b.push(p.reason));
    const progress: unknown[] = [];
    fanout.on('import.progress', (p) => void progress.push(p));
    fanout.deliver(changed('tags'));
    offA();
    offA();
    fanout.deliver(changed('import'));
    expect(a).toEqual(['tags']);
    expect(b).toEqual(['tags', 'import']);
    expect(progress).toEqual([]);
  });

  it('keeps going when a listener throws, and ignores malformed messages', () => {
    const errors: unknown[] = [];
    const fanout = createEventFanout((e) => void errors.push(e));
    const got: string[] = [];
    fanout.on('library.changed', () => {
      throw new Error('boom');
    });
    fanout.on('library.changed', (p) => void got.push(p.reason));
    fanout.deliver(changed('watch'));
    fanout.deliver(null as unknown as EventMessage);
    fanout.deliver({ event: 'nobody.listens' } as unknown as EventMessage);
    expect(got).toEqual(['watch']);
    expect(errors).toHaveLength(1);
  });

  it('lets a listener unsubscribe while an event is being delivered', () => {
    const fanout = createEventFanout();
    const got: number[] = [];
    const off = fanout.on('library.changed', () => {
      got.push(1);
      off();
    });
    fanout.on('library.changed', () => void got.push(2));
    fanout.deliver(changed('tags'));
    fanout.deliver(changed('tags'));
    expect(got).toEqual([1, 2, 2]);
  });
});
