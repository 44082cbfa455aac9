import { describe, expect, it } from 'vitest';
import type { FolderInfo, ImportJobInfo } from '../../../shared/contract';
import {
  expectedTotal,
  folderName,
  importEta,
  isRunning,
  phaseLabel,
  progressFraction,
  progressLine,
} from './importProgress';

const job: ImportJobInfo = {
  id: 1,
  folderId: 1,
  folderPath: '/music/Samples/Drums',
  phase: 'indexing',
  startedAt: 0,
  finishedAt: null,
  filesSeen: 1200,
  filesAdded: 1000,
  filesUpdated: 0,
  filesUnchanged: 200,
  filesRelinked: 0,
  filesRemoved: 0,
  errors: 3,
  filesPerSec: 400,
  error: null,
};
const folder: FolderInfo = {
  id: 1,
  path: '/music/Samples/Drums',
  addedAt: 0,
  lastScanAt: 5,
  watching: true,
  sampleCount: 1990,
  errorCount: 10,
  problem: null,
};

describe('import progress', () => {
  it('knows the total only for folders scanned before', () => {
    expect(expectedTotal(job, folder)).toBe(2000);
    expect(expectedTotal(job, { ...folder, lastScanAt: null })).toBeNull();
    expect(expectedTotal(job, undefined)).toBeNull();
    expect(expectedTotal({ ...job, filesSeen: 2500 }, folder)).toBe(2500);
    expect(expectedTotal(job, { ...folder, sampleCount: 0, errorCount: 0 })).toBeNull();
  });

  it('estimates the time left from the rate', () => {
    expect(importEta(job, 2000)).toBe(2);
    expect(importEta(job, null)).toBeNull();
    expect(importEta({ ...job, filesPerSec: 0 }, 2000)).toBeNull();
  });

  it('writes one line with counts, rate, ETA and problems', () => {
    expect(progressLine(job, 2000)).toBe(
      '1,200 / 2,000 files · 1,000 new · 400 files/s · ETA 0:02 · 3 problems',
    );
    expect(progressLine({ ...job, errors: 1 }, null)).toBe(
      '1,200 files · 1,000 new · 400 files/s · ETA — · 1 problem',
    );
    expect(
      progressLine({ ...job, phase: 'done', errors: 0, filesUpdated: 2, filesRemoved: 1 }, null),
    ).toBe('1,200 files · 1,000 new · 2 updated · 1 removed');
  });

  it('gives a fraction for the bar, or null for an indeterminate one', () => {
    expect(progressFraction(job, 2400)).toBe(0.5);
    expect(progressFraction(job, null)).toBeNull();
    expect(progressFraction({ ...job, phase: 'done' }, null)).toBe(1);
    expect(isRunning({ ...job, phase: 'queued' })).toBe(true);
    expect(isRunning({ ...job, phase: 'failed' })).toBe(false);
  });

  it('names phases and folders', () => {
    expect(
      (['queued', 'indexing', 'finishing', 'done', 'cancelled', 'failed'] as const).map((phase) =>
        phaseLabel({ ...job, phase }),
      ),
    ).toEqual([
      'Waiting to import',
      'Importing',
      'Finishing',
      'Imported',
      'Cancelled',
      'Import failed',
    ]);
    expect(folderName('/music/Samples/Drums/')).toBe('Drums');
    expect(folderName('C:\\Samples\\Kits')).toBe('Kits');
  });
});
