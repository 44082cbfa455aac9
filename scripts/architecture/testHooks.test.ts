import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testHooksIn, testHooksUnder } from './testHooks';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('test hooks', () => {
  it('are not defined by the renderer', () => {
    expect(testHooksUnder(ROOT, 'renderer')).toEqual([]);
  });

  it('are found when a file defines one', () => {
    expect(
      testHooksIn(
        [
          "Object.defineProperty(window, '__samplemindAudition', { get: () => 1 });",
          '(window as unknown as { hook: number }).hook = 1;',
          "performance.mark('samplemind:voice');",
          'if ((window as Window).samplemind === undefined) {}',
        ].join('\n'),
      ),
    ).toEqual([
      'Object.defineProperty(window',
      '__samplemindAudition',
      '(window as unknown as { hook: number }).hook =',
    ]);
  });
});
