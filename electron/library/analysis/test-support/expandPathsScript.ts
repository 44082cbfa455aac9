// Prints what expandAudioPaths finds under the folders given, and the problems it reported,
// as JSON. Used by a test that must walk as a user without the right to read everything.
import type { ErrorData } from '../../../../shared/result';
import { expandAudioPaths } from '../audioPaths';

const problems: Array<{ path: string; error: ErrorData }> = [];
const paths = expandAudioPaths(process.argv.slice(2), (path, error) =>
  problems.push({ path, error }),
);
process.stdout.write(JSON.stringify({ paths, problems }));
