import { describe, expect, it } from 'vitest';
import { escapeControls, escapeProgress } from './escape';

describe('control characters in human output', () => {
  it('shows them as escapes and keeps text, tabs and newlines', () => {
    expect(escapeControls('a\x1b]0;title\x07b\x1b[2J\u202etxt.wav\tx\n')).toBe(
      'a\\x1b]0;title\\x07b\\x1b[2J\\u202etxt.wav\tx\n',
    );
    expect(escapeControls('Kick – 808 ♪ 日本.wav')).toBe('Kick – 808 ♪ 日本.wav');
    expect(escapeControls('\x7f\x9b')).toBe('\\x7f\\x9b');
  });

  it('keeps only our own progress redraw', () => {
    expect(escapeProgress('\r\x1b[Kdone x\x1b[2J')).toBe('\r\x1b[Kdone x\\x1b[2J');
    expect(escapeProgress('x\r\x1b[K')).toBe('x\\x0d\\x1b[K');
  });
});
