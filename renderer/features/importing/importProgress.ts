import type { FolderInfo, ImportJobInfo } from '../../../shared/contract';
import { formatClock, formatCount } from '../../lib/format';

export function isRunning(job: ImportJobInfo): boolean {
  return job.phase === 'queued' || job.phase === 'indexing' || job.phase === 'finishing';
}

/**
 * Files the job should see in all: known only when the folder was scanned before (a
 * rescan sees about as many files as the folder held). A first scan has no total.
 */
export function expectedTotal(job: ImportJobInfo, folder: FolderInfo | undefined): number | null {
  if (!folder || folder.lastScanAt === null) return null;
  const known = folder.sampleCount + folder.errorCount;
  return known > 0 ? Math.max(known, job.filesSeen) : null;
}

/** Seconds left, or null when there is no total or no rate yet. */
export function importEta(job: ImportJobInfo, total: number | null): number | null {
  if (total === null || !(job.filesPerSec > 0)) return null;
  return Math.max(0, (total - job.filesSeen) / job.filesPerSec);
}

/** "1,204 files · 3,100 files/s · ETA 0:04 · 3 problems" */
export function progressLine(job: ImportJobInfo, total: number | null): string {
  const parts = [
    total === null
      ? `${formatCount(job.filesSeen)} files`
      : `${formatCount(job.filesSeen)} / ${formatCount(total)} files`,
  ];
  if (job.filesAdded > 0) parts.push(`${formatCount(job.filesAdded)} new`);
  if (job.filesUpdated > 0) parts.push(`${formatCount(job.filesUpdated)} updated`);
  if (job.filesRemoved > 0) parts.push(`${formatCount(job.filesRemoved)} removed`);
  if (isRunning(job)) {
    if (job.filesPerSec > 0) parts.push(`${formatCount(job.filesPerSec)} files/s`);
    const eta = importEta(job, total);
    parts.push(eta === null ? 'ETA —' : `ETA ${formatClock(eta)}`);
  }
  if (job.errors > 0)
    parts.push(`${formatCount(job.errors)} problem${job.errors === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** 0..1 when a total is known, else null (indeterminate bar). */
export function progressFraction(job: ImportJobInfo, total: number | null): number | null {
  if (!isRunning(job)) return 1;
  if (total === null || total <= 0) return null;
  return Math.min(1, job.filesSeen / total);
}

export function phaseLabel(job: ImportJobInfo): string {
  switch (job.phase) {
    case 'queued':
      return 'Waiting to import';
    case 'indexing':
      return 'Importing';
    case 'finishing':
      return 'Finishing';
    case 'done':
      return 'Imported';
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return 'Import failed';
  }
}

/** Folder name for display: the last path segment. */
export function folderName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}
