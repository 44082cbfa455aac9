/**
 * Computes one shard of the feature cache in its own process (train.ts starts one per
 * job so that feature extraction uses every core):
 *   npx tsx models/training/featureShard.ts <entries.jsonl> <extractor> <index> <count>
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { computeFeatures, EXTRACTORS } from './features';
import { parseManifestJsonl } from './manifest';

const [entriesPath, name, index, count] = process.argv.slice(2);
const extractor = EXTRACTORS[name ?? ''];
if (!entriesPath || !extractor || index === undefined || count === undefined) {
  console.error('usage: featureShard.ts <entries.jsonl> <engine|provisional> <index> <count>');
  process.exit(2);
}
const entries = parseManifestJsonl(readFileSync(entriesPath, 'utf8'));
await computeFeatures(
  entries,
  extractor,
  dirname(entriesPath),
  (m) => console.log(`[shard ${index}] ${m}`),
  {
    index: Number(index),
    count: Number(count),
  },
);
