/**
 * Files built to break an importer or a decoder: special files, links, lying headers,
 * garbage under audio names, odd names. Each is written into `dir`; the list says what
 * was written (relative names).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tinyWav } from '../electron/library/fixtures/tinyWav';

export interface HostileFile {
  name: string;
  what: string;
}

const KIT = '/usr/share/hydrogen/data/drumkits/GMRockKit/Kick-Hard.wav';

function wavWith(edit: (b: Buffer) => void): Buffer {
  const b = Buffer.from(tinyWav({ seconds: 0.1 }));
  edit(b);
  return b;
}

function random(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    b[i] = s & 0xff;
  }
  return b;
}

export function writeHostileFiles(dir: string): HostileFile[] {
  mkdirSync(dir, { recursive: true });
  const out: HostileFile[] = [];
  const file = (name: string, what: string, bytes: Buffer | string): void => {
    writeFileSync(join(dir, name), bytes);
    out.push({ name, what });
  };
  const special = (name: string, what: string, make: (path: string) => void): void => {
    make(join(dir, name));
    out.push({ name, what });
  };
  special('fifo.wav', 'named pipe (FIFO)', (p) => execFileSync('mkfifo', [p]));
  special('socket.wav', 'unix socket', (p) =>
    execFileSync('python3', [
      '-c',
      `import socket;socket.socket(socket.AF_UNIX).bind(${JSON.stringify(p)})`,
    ]),
  );
  special('zero.wav', 'link to /dev/zero', (p) => symlinkSync('/dev/zero', p));
  special('urandom.flac', 'link to /dev/urandom', (p) => symlinkSync('/dev/urandom', p));
  special('passwd.wav', 'link to /etc/passwd', (p) => symlinkSync('/etc/passwd', p));
  special('dangling.wav', 'link to nothing', (p) => symlinkSync(join(dir, 'nowhere.wav'), p));
  special('self.wav', 'link to itself', (p) => symlinkSync(p, p));
  special('loop', 'folder link to its parent', (p) => symlinkSync(dir, p));
  special('folder.wav', 'folder named like audio', (p) => mkdirSync(p));
  special('sparse.wav', '3 GB sparse file of zeros', (p) => {
    writeFileSync(p, '');
    truncateSync(p, 3 * 1024 ** 3);
  });
  file('empty.wav', 'empty file', '');
  file('one-byte.wav', 'one byte', 'R');
  file('riff-only.wav', 'RIFF header only', 'RIFF\x24\x00\x00\x00WAVE');
  file(
    'huge-data.wav',
    'data chunk claims 4 GB',
    wavWith((b) => b.writeUInt32LE(0xffffffff, 40)),
  );
  file(
    'huge-riff.wav',
    'RIFF size claims 4 GB',
    wavWith((b) => b.writeUInt32LE(0xffffffff, 4)),
  );
  file(
    'zero-channels.wav',
    'fmt with 0 channels',
    wavWith((b) => b.writeUInt16LE(0, 22)),
  );
  file(
    'zero-rate.wav',
    'fmt with sample rate 0',
    wavWith((b) => b.writeUInt32LE(0, 24)),
  );
  file(
    'odd-bits.wav',
    'fmt with 7 bits per sample',
    wavWith((b) => b.writeUInt16LE(7, 34)),
  );
  file(
    'huge-fmt.wav',
    'fmt chunk claims 2 GB',
    wavWith((b) => b.writeUInt32LE(0x7fffffff, 16)),
  );
  file(
    'float-nan.wav',
    'float WAV full of NaN',
    (() => {
      const b = wavWith((x) => {
        x.writeUInt16LE(3, 20);
        x.writeUInt16LE(32, 34);
      });
      b.fill(0xff, 44);
      return b;
    })(),
  );
  file('garbage.wav', 'random bytes', random(50_000, 1));
  file('garbage.aiff', 'random bytes', random(50_000, 2));
  file('garbage.flac', 'random bytes', random(50_000, 3));
  file('garbage.mp3', 'random bytes', random(50_000, 4));
  file('garbage.ogg', 'random bytes', random(50_000, 5));
  file('text.mp3', 'text file', 'this is not audio\n'.repeat(500));
  file(
    'flac-magic.flac',
    'fLaC then garbage',
    Buffer.concat([Buffer.from('fLaC'), random(5000, 6)]),
  );
  file('ogg-magic.ogg', 'OggS then garbage', Buffer.concat([Buffer.from('OggS'), random(5000, 7)]));
  file(
    'id3-huge.mp3',
    'ID3 tag claiming 256 MB, then nothing',
    Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f]),
  );
  file(
    'aiff-huge.aiff',
    'AIFF COMM claims 2^31 frames',
    (() => {
      const comm = Buffer.alloc(26);
      comm.write('COMM', 0);
      comm.writeUInt32BE(18, 4);
      comm.writeUInt16BE(1, 8);
      comm.writeUInt32BE(0x7fffffff, 10);
      comm.writeUInt16BE(16, 14);
      comm.write('\x40\x0e\xac\x44', 16, 'latin1');
      const head = Buffer.alloc(12);
      head.write('FORM', 0);
      head.writeUInt32BE(4 + comm.length, 4);
      head.write('AIFF', 8);
      return Buffer.concat([head, comm]);
    })(),
  );
  const half = Buffer.from(tinyWav({ seconds: 1 }));
  file('truncated.wav', 'real WAV cut in half', half.subarray(0, half.length / 2));
  try {
    copyFileSync(KIT, join(dir, 'kick.wav'));
    out.push({ name: 'kick.wav', what: 'healthy hydrogen kick (control)' });
  } catch {
    file('kick.wav', 'healthy tone (control)', tinyWav({ seconds: 0.3 }));
  }
  const latin1 = Buffer.concat([
    Buffer.from(`${dir}/caf`),
    Buffer.from([0xe9]),
    Buffer.from('.wav'),
  ]);
  writeFileSync(latin1, tinyWav());
  out.push({ name: 'caf\ufffd.wav', what: 'Latin-1 file name (not UTF-8)' });
  file('\x1b]0;pwned\x07\x1b[2J.wav', 'control characters in the name', tinyWav());
  return out;
}
