import type { ChatActionInfo } from '../../../shared/contract';
import { useChat } from './chatStore';

const STATE_TEXT: Record<ChatActionInfo['state'], string> = {
  proposed: 'Waiting for you',
  applied: 'Done',
  dismissed: 'Dismissed',
  failed: 'Failed',
};

/** A change the assistant proposed: nothing happens until the user confirms it. */
export function ActionCard({ action }: { action: ChatActionInfo }) {
  const decide = useChat((s) => s.decide);
  const error =
    action.state === 'failed' && action.result && typeof action.result.error === 'object'
      ? String((action.result.error as { message?: unknown }).message ?? '')
      : null;
  return (
    <div
      className={`chat-action chat-action--${action.state}`}
      role="group"
      aria-label="Proposed change"
    >
      <div>{action.summary}</div>
      {action.state === 'proposed' ? (
        <div className="chat-action-buttons">
          <button type="button" onClick={() => void decide(action, true)}>
            Confirm
          </button>
          <button type="button" className="link" onClick={() => void decide(action, false)}>
            Dismiss
          </button>
        </div>
      ) : (
        <div className="muted small">
          {STATE_TEXT[action.state]}
          {error ? `: ${error}` : ''}
        </div>
      )}
    </div>
  );
}
