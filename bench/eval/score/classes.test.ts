import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreClasses } from './classes';

const empty = mkdtempSync(join(tmpdir(), 'sm-no-model-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('held-out class check', () => {
  it('scores the model in the folder it is given (--models), not the shipped one', async () => {
    // A folder without a model: the check must say so instead of using models/.
    const report = await scoreClasses([], new Map(), empty);
    expect(report.model).toBe('no model');
    expect(report.bySet).toEqual({});
  });
});
