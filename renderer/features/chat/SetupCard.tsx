import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { AiStatus } from '../../../shared/contract/ai';
import { useStore } from '../../store';
import { missingForChat } from './missingForChat';

/**
 * The assistant with no provider: a card that says what is missing, how to start Ollama, and
 * a way to Settings, instead of example prompts that would only fail.
 */
export function SetupCard({ onReady }: { onReady: (ready: boolean) => void }) {
  const [status, setStatus] = useState<AiStatus | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('ai.status', {}).then((r) => {
      if (!live || !r.ok) return;
      setStatus(r.value);
      onReady(missingForChat(r.value) === null);
    });
    return () => {
      live = false;
    };
  }, [onReady]);
  if (!status) return null;
  const missing = missingForChat(status);
  if (!missing) return null;
  const model = status.ollama.chatModel;
  return (
    <section className="setup-card" aria-label="Set up the assistant">
      <h3>The assistant needs an AI provider</h3>
      <ul>
        <li>{missing.ollama}</li>
        <li>{missing.cloud}</li>
      </ul>
      <p className="small">
        <strong>Local, free, nothing leaves this machine:</strong> install Ollama, then run{' '}
        <code>ollama serve</code> and <code>ollama pull {model}</code>. SampleMind finds it on its
        own.
      </p>
      <p className="small">
        <strong>Or a cloud provider:</strong> add an API key in Settings (only the question and
        sample metadata are sent, never audio).
      </p>
      <button type="button" onClick={() => useStore.getState().setView('settings')}>
        Open AI settings
      </button>
    </section>
  );
}
