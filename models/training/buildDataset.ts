/**
 * Builds the labelled dataset: installs the Debian sound packages if missing, renders
 * the soundfont notes and loops (cached), sequences hydrogen loops, and writes the
 * manifest (JSONL) to models/training/.data/manifest.jsonl.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AVL_COPYRIGHT, AVL_KITS, AVL_LICENCE, AVL_PACKAGE } from './avlKits';
import { FREEPATS_PACKAGE, freepatsCandidates } from './freepats';
import { hydrogenCandidates, type HydrogenMappingRow } from './hydrogenKits';
import { hydrogenLoopCandidates } from './hydrogenLoops';
import { lmmsCandidates } from './lmmsSamples';
import { finaliseManifest, manifestToJsonl, type ManifestResult } from './manifest';
import type { Candidate } from './manifestTypes';
import { renderJob } from './render';
import {
  planAvlKit,
  planGmDrums,
  planLongNotes,
  planLoops,
  planMelodic,
  type RenderJob,
} from './renderPlan';
import { SONIC_PI_PACKAGE, sonicPiCandidates } from './sonicPiSamples';
import { SOUNDFONTS } from './soundfonts';
import { renderGroup } from './split';
import { synthDrumCandidates } from './synthDrums';
import { SPEECH_PACKAGES } from './speech/engines';
import { speechCandidates } from './speechVocals';
import { synthFxCandidates } from './synthFx';

export const DEBIAN_PACKAGES = [
  'hydrogen-drumkits',
  'hydrogen-data',
  'hydrogen-drumkits-effects',
  FREEPATS_PACKAGE,
  'lmms-common',
  'fluidsynth',
  'fluid-soundfont-gm',
  'timgm6mb-soundfont',
  'musescore-general-soundfont-small',
  AVL_PACKAGE,
  SONIC_PI_PACKAGE,
  'flite',
  ...SPEECH_PACKAGES,
];

/** Installs missing Debian packages with apt-get (when run as root); returns those still missing. */
export function ensureDebianPackages(
  packages: readonly string[],
  log: (m: string) => void,
): string[] {
  const missing = (pkgs: readonly string[]) =>
    pkgs.filter((p) => {
      try {
        execFileSync('dpkg', ['-s', p], { stdio: 'ignore' });
        return false;
      } catch {
        return true;
      }
    });
  const before = missing(packages);
  if (before.length > 0 && process.getuid?.() === 0) {
    log(`installing ${before.join(' ')} with apt-get`);
    try {
      execFileSync('apt-get', ['install', '-y', '-q', ...before], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      log('apt-get install failed; continuing with what is installed');
    }
  }
  return missing(packages);
}

/** SAMPLEMIND_VOICE_FX=1: the speech and synthesised-effect sources and the `space` augmentation. */
export function voiceFxEnabled(): boolean {
  return process.env.SAMPLEMIND_VOICE_FX === '1';
}

export interface DatasetBuild extends ManifestResult {
  hydrogenMapping: HydrogenMappingRow[];
  manifestPath: string;
}

async function renderedCandidates(
  jobs: readonly RenderJob[],
  root: string,
  meta: Pick<Candidate, 'source' | 'package' | 'licence' | 'copyright'>,
  group: (program: number | null) => string,
  log: (m: string) => void,
): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const job of jobs) {
    const t0 = Date.now();
    const rendered = await renderJob(job, root);
    log(`  ${job.id}: ${rendered.length}/${job.segments.length} samples (${Date.now() - t0} ms)`);
    for (const { segment, path } of rendered) {
      out.push({
        id: `render/${job.id}/${segment.name}`,
        path,
        ...meta,
        detail: segment.detail,
        kind: segment.kind,
        label: segment.label,
        group: group(segment.program),
      });
    }
  }
  return out;
}

/** Builds everything under `dataDir` and writes the manifest; returns it with its report. */
export async function buildDataset(
  dataDir: string,
  log: (m: string) => void = console.log,
): Promise<DatasetBuild> {
  mkdirSync(dataDir, { recursive: true });
  const stillMissing = ensureDebianPackages(DEBIAN_PACKAGES, log);
  if (stillMissing.length > 0)
    log(`missing packages (their data is skipped): ${stillMissing.join(' ')}`);
  const renderRoot = join(dataDir, 'render');

  const { candidates: hydrogen, mapping } = hydrogenCandidates();
  log(`hydrogen: ${hydrogen.length} one-shots`);
  const lmms = lmmsCandidates();
  log(`lmms: ${lmms.length} samples`);
  const freepats = freepatsCandidates(join(dataDir, 'freepats'), undefined, log);
  log(`freepats: ${freepats.length} one-shots`);
  const sonicPi = sonicPiCandidates();
  log(`sonic pi: ${sonicPi.length} samples`);
  // An experiment that hurt validation drums (README.md), so opt-in only.
  const synth =
    process.env.SAMPLEMIND_SYNTH_DRUMS === '1' ? synthDrumCandidates(join(dataDir, 'synth')) : [];
  if (synth.length > 0) log(`synthesised drums: ${synth.length} one-shots`);
  // Spoken vocals and synthesised effects: opt-in (README.md, 2026-12-08: not shipped yet).
  const voiceFx = voiceFxEnabled();
  const speech = voiceFx
    ? await speechCandidates(join(dataDir, 'speech'), undefined, undefined, log)
    : [];
  const synthFx = voiceFx ? synthFxCandidates(join(dataDir, 'synthfx')) : [];
  log(`speech: ${speech.length} vocal one-shots; synthesised fx: ${synthFx.length} one-shots`);
  const loops = await hydrogenLoopCandidates(hydrogen, join(dataDir, 'loops'));
  log(`hydrogen loops: ${loops.length}`);

  const rendered: Candidate[] = [];
  for (const sf of SOUNDFONTS) {
    if (!existsSync(sf.path)) continue;
    log(`rendering ${sf.id}`);
    const jobs = [
      ...planMelodic(sf.id, sf.path),
      planGmDrums(sf.id, sf.path),
      ...planLoops(sf.id, sf.path),
      // long notes only where they train; opt-in like the speech and effects
      ...(sf.role === 'train' && process.env.SAMPLEMIND_LONG_NOTES === '1'
        ? [planLongNotes(sf.id, sf.path)]
        : []),
    ];
    rendered.push(
      ...(await renderedCandidates(
        jobs,
        renderRoot,
        { source: sf.id, package: sf.package, licence: sf.licence, copyright: sf.copyright },
        (program) => renderGroup(sf.id, program),
        log,
      )),
    );
  }
  for (const kit of AVL_KITS) {
    if (!existsSync(kit.path)) continue;
    log(`rendering ${kit.id}`);
    rendered.push(
      ...(await renderedCandidates(
        [planAvlKit(kit)],
        renderRoot,
        { source: kit.id, package: AVL_PACKAGE, licence: AVL_LICENCE, copyright: AVL_COPYRIGHT },
        () => kit.group,
        log,
      )),
    );
  }

  const result = finaliseManifest([
    ...hydrogen,
    ...lmms,
    ...freepats,
    ...sonicPi,
    ...synth,
    ...speech,
    ...synthFx,
    ...loops,
    ...rendered,
  ]);
  const manifestPath = join(dataDir, 'manifest.jsonl');
  writeFileSync(manifestPath, manifestToJsonl(result.entries));
  log(
    `manifest: ${result.entries.length} entries, ${result.duplicates.length} exact duplicates dropped, ` +
      `${result.conflicts.length} conflicting copies dropped, ${result.merged.length} groups merged`,
  );
  return { ...result, hydrogenMapping: mapping, manifestPath };
}
