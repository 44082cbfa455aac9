/**
 * samples.analysis_version is an integer: the analyser's semantic version packed as
 * major * 1_000_000 + minor * 1_000 + patch, so that "older than this build" is a
 * plain comparison in SQL.
 */
export function analyzerVersionCode(version: string): number {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) throw new Error(`not a semantic version: ${version}`);
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (minor >= 1000 || patch >= 1000) throw new Error(`version part too large: ${version}`);
  return major * 1_000_000 + minor * 1_000 + patch;
}
