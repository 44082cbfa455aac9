import { isDesktop } from '../api/client';
import { ActionLink } from './ActionLink';

/** "Show in folder" for one sample: the desktop app only (a web page cannot open the file manager). */
export function RevealButton({ sampleId, className }: { sampleId: number; className: string }) {
  if (!isDesktop) return null;
  return (
    <ActionLink handler="platform.revealInFolder" input={{ sampleId }} className={className}>
      Show in folder
    </ActionLink>
  );
}
