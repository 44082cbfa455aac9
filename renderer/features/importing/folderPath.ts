/**
 * Checks a typed library folder before it is sent: the backend takes absolute paths only,
 * and a path the user typed must never be resolved against the server's own folder.
 * Returns what is wrong (a sentence for the user), or null when the path is absolute.
 */
export function folderPathProblem(typed: string, platform: string | undefined): string | null {
  const path = typed.trim();
  if (!path) return 'Type the full path of a folder.';
  if (path === '~' || /^~[\\/]/.test(path) || /^~\w/.test(path))
    return `“~” is not expanded here: type the full path, e.g. ${example(platform)}.`;
  if (path.startsWith('$') || path.startsWith('%'))
    return `Variables are not expanded here: type the full path, e.g. ${example(platform)}.`;
  if (!isAbsolute(path, platform))
    return `“${path}” is a relative path: type the full path, e.g. ${example(platform)}.`;
  return null;
}

function isAbsolute(path: string, platform: string | undefined): boolean {
  if (platform === 'win32') return /^[a-zA-Z]:[\\/]/.test(path) || /^\\\\[^\\]/.test(path);
  return path.startsWith('/');
}

function example(platform: string | undefined): string {
  if (platform === 'win32') return 'C:\\Users\\you\\Samples';
  if (platform === 'darwin') return '/Users/you/Samples';
  return '/home/you/Samples';
}
