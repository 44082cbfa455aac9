import { api, isDesktop } from '../api/client';

/** "Show in folder" for one sample: the desktop app only (a web page cannot open the file manager). */
export function RevealButton({ sampleId, className }: { sampleId: number; className: string }) {
  if (!isDesktop) return null;
  return (
    <button
      type="button"
      className={className}
      onClick={() => void api.invoke('platform.revealInFolder', { sampleId })}
    >
      Show in folder
    </button>
  );
}
