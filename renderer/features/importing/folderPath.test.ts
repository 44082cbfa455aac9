import { describe, expect, it } from 'vitest';
import { folderPathProblem } from './folderPath';

describe('folderPathProblem', () => {
  it('accepts absolute paths', () => {
    expect(folderPathProblem('/home/ana/Samples', 'linux')).toBeNull();
    expect(folderPathProblem('  /Volumes/Drums  ', 'darwin')).toBeNull();
    expect(folderPathProblem('D:\\Samples', 'win32')).toBeNull();
    expect(folderPathProblem('\\\\nas\\share', 'win32')).toBeNull();
  });

  it('refuses ~, variables and relative paths with what to type instead', () => {
    expect(folderPathProblem('~/Samples', 'linux')).toMatch(/“~” is not expanded.*\/home\/you/);
    expect(folderPathProblem('~', 'darwin')).toMatch(/\/Users\/you/);
    expect(folderPathProblem('~ana/x', 'linux')).toMatch(/not expanded/);
    expect(folderPathProblem('$HOME/x', 'linux')).toMatch(/Variables/);
    expect(folderPathProblem('Samples', 'linux')).toMatch(/“Samples” is a relative path/);
    expect(folderPathProblem('./drums', 'linux')).toMatch(/relative/);
    expect(folderPathProblem('Samples\\x', 'win32')).toMatch(/C:\\Users/);
    expect(folderPathProblem('/x', 'win32')).toMatch(/relative/);
    expect(folderPathProblem('   ', 'linux')).toMatch(/full path/);
  });
});
