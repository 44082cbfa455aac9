/**
 * A stand-in `ollama` executable for the supervisor tests: a small Node program that
 * serves the Ollama HTTP API (`ollama serve`) on $OLLAMA_HOST, keeps its "models" as
 * files under $OLLAMA_MODELS, pulls with progress lines, and misbehaves on request
 * (STANDIN_EXIT_AFTER_MS: exit with code 1 after that long; STANDIN_SLOW_START_MS).
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = String.raw`#!/usr/bin/env node
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
if (process.argv[2] !== 'serve') { console.error('usage: ollama serve'); process.exit(2); }
const [host, port] = (process.env.OLLAMA_HOST || '127.0.0.1:11434').split(':');
const dir = process.env.OLLAMA_MODELS;
if (!dir) { console.error('OLLAMA_MODELS not set'); process.exit(3); }
fs.mkdirSync(dir, { recursive: true });
if (process.env.STANDIN_PIDFILE) fs.writeFileSync(process.env.STANDIN_PIDFILE, String(process.pid));
const models = () => fs.readdirSync(dir).map((f) => decodeURIComponent(f));
const send = (res, status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
const server = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    const body = raw ? JSON.parse(raw) : {};
    if (req.url === '/api/version') return send(res, 200, { version: '0.0.0-standin' });
    if (req.url === '/api/tags') return send(res, 200, { models: models().map((name) => ({ name, model: name, modified_at: '2026-11-25T00:00:00Z', size: 1, digest: 'x', details: {} })) });
    if (req.url === '/api/pull') {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      const total = 1000;
      const lines = [{ status: 'pulling manifest' }, { status: 'pulling', total, completed: 0 }, { status: 'pulling', total, completed: 500 }, { status: 'pulling', total, completed: total }, { status: 'success' }];
      let i = 0;
      const next = () => {
        if (i === lines.length - 1) fs.writeFileSync(path.join(dir, encodeURIComponent(body.model || body.name)), '');
        if (i === lines.length) return res.end();
        res.write(JSON.stringify(lines[i++]) + '\n');
        setTimeout(next, 5);
      };
      return next();
    }
    if (req.url === '/api/chat') {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(JSON.stringify({ model: body.model, message: { role: 'assistant', content: 'stand-in says hi' }, done: false }) + '\n');
      return res.end(JSON.stringify({ model: body.model, message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', prompt_eval_count: 5, eval_count: 4 }) + '\n');
    }
    send(res, 404, { error: 'not found' });
  });
});
setTimeout(() => server.listen(Number(port), host), Number(process.env.STANDIN_SLOW_START_MS || 0));
if (process.env.STANDIN_EXIT_AFTER_MS) setTimeout(() => process.exit(1), Number(process.env.STANDIN_EXIT_AFTER_MS));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** Writes the stand-in as <temp dir>/ollama (executable) and returns the directory. */
export function writeStandInOllama(dir = mkdtempSync(join(tmpdir(), 'standin-ollama-'))): string {
  const file = join(dir, 'ollama');
  writeFileSync(file, SCRIPT);
  chmodSync(file, 0o755);
  return dir;
}
