import { describe, expect, it } from 'vitest';
import { ollamaHostFromEnv } from './envHost';

describe('ollamaHostFromEnv', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['  ', null],
    ['127.0.0.1', 'http://127.0.0.1:11434'],
    ['127.0.0.1:9', 'http://127.0.0.1:9'],
    ['0.0.0.0', 'http://127.0.0.1:11434'],
    ['0.0.0.0:8080', 'http://127.0.0.1:8080'],
    ['localhost:11500', 'http://localhost:11500'],
    ['http://gpu-box:11434/', 'http://gpu-box:11434'],
    ['https://ollama.example.org', 'https://ollama.example.org'],
    ['http://[::1]:7000', 'http://[::1]:7000'],
    ['http://exa mple', null],
  ])('reads %j as %j', (value, expected) => {
    expect(ollamaHostFromEnv(value)).toBe(expected);
  });
});
