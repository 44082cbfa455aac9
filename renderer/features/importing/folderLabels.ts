/**
 * Names for library folders that tell apart folders with the same name: "samples" alone
 * when it is the only one, else with as many parent folders as needed ("lmms/samples",
 * "sonic-pi/samples"). Keyed by the folder's path.
 */
export function distinctFolderLabels(paths: readonly string[]): Map<string, string> {
  const parts = new Map(paths.map((p) => [p, p.split(/[\\/]/).filter(Boolean)]));
  const depth = new Map(paths.map((p) => [p, 1]));
  const labelOf = (p: string) => {
    const segs = parts.get(p)!;
    const d = Math.min(depth.get(p)!, segs.length);
    return segs.length === 0 ? p : segs.slice(segs.length - d).join('/');
  };
  for (let round = 0; round < 64; round++) {
    const byLabel = new Map<string, string[]>();
    for (const p of paths) {
      const l = labelOf(p);
      byLabel.set(l, [...(byLabel.get(l) ?? []), p]);
    }
    let grew = false;
    for (const same of byLabel.values()) {
      if (same.length < 2) continue;
      for (const p of same) {
        if (depth.get(p)! < parts.get(p)!.length) {
          depth.set(p, depth.get(p)! + 1);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  return new Map(paths.map((p) => [p, labelOf(p)]));
}
