import { describe, expect, it } from 'vitest';
import type { AiStatus } from '../../../shared/contract/ai';
import { missingForChat } from './missingForChat';

const status = (ollama: Partial<AiStatus['ollama']>): AiStatus =>
  ({
    localOnly: false,
    providers: [],
    ollama: {
      state: 'stopped',
      host: null,
      lastError: null,
      chatModel: 'qwen3:8b',
      chatModelInstalled: false,
      ...ollama,
    },
  }) as unknown as AiStatus;

describe('missingForChat', () => {
  it('says Ollama is not installed in the words Settings uses, not "not running (not installed)"', () => {
    const missing = missingForChat(
      status({
        state: 'unavailable',
        lastError: 'Ollama is not installed (no bundled binary, none on PATH)',
      }),
    );
    expect(missing?.ollama).toBe('Ollama is not installed (no bundled binary, none on PATH).');
  });

  it('says Ollama is not running when it was stopped', () => {
    expect(missingForChat(status({ state: 'stopped' }))?.ollama).toBe('Ollama is not running.');
  });
});
