import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChatConversation, ChatMessageInfo, ChatSampleRef } from '../../../shared/contract';
import { ActionCard } from './ActionCard';
import { subscribeChatEvents, useChat, type ProviderChoice } from './chatStore';
import { SampleRows } from './SampleRows';
import { TaggingSection } from './TaggingSection';
import { SetupCard } from './SetupCard';
import {
  errorHelp,
  formatCost,
  interleaveActions,
  PROVIDERS,
  toolLabel,
  type LiveTurn,
} from './turnState';
import './chat.css';

function samplesOf(ids: number[], conv: ChatConversation): ChatSampleRef[] {
  const byId = new Map(conv.samples.map((s) => [s.id, s]));
  return ids.flatMap((id) => {
    const s = byId.get(id);
    return s ? [s] : [];
  });
}

function toolSummary(m: ChatMessageInfo): string {
  try {
    const r = JSON.parse(m.content) as {
      ok?: boolean;
      data?: { returned?: number; samples?: unknown[] };
      error?: { message?: string };
    };
    if (r.ok === false) return `failed: ${r.error?.message ?? ''}`;
    if (r.data && Array.isArray(r.data.samples)) return `${r.data.samples.length} samples`;
  } catch {
    // not JSON: show the label only
  }
  return '';
}

function StoredMessage({ m, conv }: { m: ChatMessageInfo; conv: ChatConversation }) {
  if (m.role === 'user') return <div className="chat-msg chat-msg--user">{m.content}</div>;
  if (m.role === 'tool') {
    return (
      <div className="chat-step muted small">
        ✓ {toolLabel(m.toolName ?? '')}
        {toolSummary(m) ? ` — ${toolSummary(m)}` : ''}
      </div>
    );
  }
  // An assistant step that only called tools shows as its tool lines.
  if (!m.content.trim() && m.sampleIds.length === 0 && m.toolCalls.length > 0) return null;
  return (
    <div className="chat-msg chat-msg--assistant">
      {m.content && <div className="chat-text">{m.content}</div>}
      <SampleRows samples={samplesOf(m.sampleIds, conv)} />
      {m.provider && m.toolCalls.length === 0 && (
        <div className="chat-meta muted small">
          {m.provider}
          {m.model ? ` · ${m.model}` : ''} · {formatCost(m.costUsd ?? 0)}
        </div>
      )}
    </div>
  );
}

/**
 * The stored conversation. Memoised: while an answer streams the panel re-renders on
 * every delta, and the history (its rows included) must not be rebuilt each time.
 */
const StoredMessages = memo(function StoredMessages({ conv }: { conv: ChatConversation }) {
  return (
    <>
      {interleaveActions(conv.messages, conv.actions).map((item) =>
        item.type === 'message' ? (
          <StoredMessage key={`m${item.message.id}`} m={item.message} conv={conv} />
        ) : (
          <ActionCard key={`a${item.action.id}`} action={item.action} />
        ),
      )}
    </>
  );
});

function LiveAnswer({ live }: { live: LiveTurn }) {
  const notePaint = useChat((s) => s.notePaint);
  const measured = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (live.firstTextAt === null || measured.current === live.turnId) return;
    measured.current = live.turnId;
    const at = live.firstTextAt;
    requestAnimationFrame(() => notePaint(performance.now() - at));
  }, [live.firstTextAt, live.turnId, notePaint]);
  const samples = live.steps.flatMap((s) => s.samples);
  const unique = samples.filter((s, i) => samples.findIndex((x) => x.id === s.id) === i);
  return (
    <>
      {live.question && <div className="chat-msg chat-msg--user">{live.question}</div>}
      {live.steps.map((s) => (
        <div key={s.callId} className={`chat-step small chat-step--${s.state}`} aria-live="polite">
          {s.state === 'running' ? '…' : s.state === 'done' ? '✓' : '✗'} {toolLabel(s.name)}
          {s.summary ? ` — ${s.summary}` : ''}
        </div>
      ))}
      <div className="chat-msg chat-msg--assistant" aria-live="polite" aria-busy={!live.done}>
        {live.text && <div className="chat-text">{live.text}</div>}
        {!live.text && !live.done && !live.error && <div className="muted small">Thinking…</div>}
        {live.done && <SampleRows samples={unique} />}
        {live.steps.flatMap((s) =>
          s.action ? [<ActionCard key={s.action.id} action={s.action} />] : [],
        )}
        {live.error && (
          <div className="error chat-error" role="alert">
            {errorHelp(live.error)}
          </div>
        )}
      </div>
    </>
  );
}

/** The assistant: ask about the library, hear the samples it finds, confirm what it proposes. */
export function ChatPanel() {
  const s = useChat();
  const [text, setText] = useState('');
  /** A provider can answer: only then are example prompts offered. */
  const [ready, setReady] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const off = subscribeChatEvents();
    void useChat.getState().loadConversations();
    return off;
  }, []);
  const { current: shown, live: streaming } = s;
  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [shown, streaming]);
  const submit = () => {
    const q = text.trim();
    if (!q || s.sending) return;
    setText('');
    void s.send(q);
  };
  const conv = s.current;
  const provider = s.live?.provider ?? conv?.messages.findLast((m) => m.provider)?.provider ?? null;
  const model = s.live?.model ?? conv?.messages.findLast((m) => m.model)?.model ?? null;
  return (
    <section
      className="chat"
      aria-label="Assistant chat"
      data-first-paint-ms={s.firstPaintMs ?? undefined}
    >
      <header className="chat-head">
        <h2>Assistant</h2>
        <select
          aria-label="Conversation"
          className="chat-conv"
          value={conv?.info.id ?? ''}
          onChange={(e) => void s.open(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">New conversation</option>
          {s.conversations.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <select
          aria-label="Provider"
          value={s.prefer}
          onFocus={() => {
            if (!s.providers) void s.loadProviders();
          }}
          onChange={(e) => s.setPrefer(e.target.value as ProviderChoice)}
        >
          <option value="auto">auto</option>
          {PROVIDERS.map((p) => {
            const info = s.providers?.find((x) => x.id === p);
            return (
              <option key={p} value={p}>
                {info ? `${info.label}${info.usable ? '' : ' (not set up)'}` : p}
              </option>
            );
          })}
        </select>
        {s.prefer !== 'auto' &&
          (s.providers?.find((x) => x.id === s.prefer)?.models.length ?? 0) > 0 && (
            <select
              aria-label="Model"
              value={s.preferModel ?? ''}
              onChange={(e) => s.setPreferModel(e.target.value || null)}
            >
              <option value="">default model</option>
              {s
                .providers!.find((x) => x.id === s.prefer)!
                .models.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
            </select>
          )}
      </header>
      <div className="chat-status small muted" aria-label="Provider and cost">
        {provider ? `${provider}${model ? ` · ${model}` : ''}` : 'local first'}
        {conv ? ` · conversation ${formatCost(conv.info.costUsd)}` : ''}
        {conv && (
          <>
            {' · '}
            <button
              type="button"
              className="link"
              onClick={() =>
                void s.exportMarkdown(conv.info.id).then((md) => {
                  if (!md) return;
                  const url = URL.createObjectURL(
                    new Blob([md.markdown], { type: 'text/markdown' }),
                  );
                  const a = document.createElement('a');
                  a.href = url;
                  a.download = md.filename;
                  a.click();
                  URL.revokeObjectURL(url);
                })
              }
            >
              Export
            </button>
            {' · '}
            <button
              type="button"
              className="link danger"
              onClick={() => void s.remove(conv.info.id)}
            >
              Delete
            </button>
          </>
        )}
      </div>
      <TaggingSection />
      <div className="chat-log" ref={scroller}>
        {!conv && !s.live && <SetupCard onReady={setReady} />}
        {!conv && !s.live && ready && (
          <p className="muted small">
            Ask about your library: “find a dark 90 BPM drum loop and a bass in the same key”,
            “which of my kicks are clipped?”, “make a collection of airy pads”. Changes are only
            proposed — you confirm them.
          </p>
        )}
        {conv && <StoredMessages conv={conv} />}
        {s.live && <LiveAnswer live={s.live} />}
        {s.error && <p className="error">{s.error}</p>}
      </div>
      <form
        className="chat-input"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <textarea
          aria-label="Ask the assistant"
          placeholder="Ask about your samples…"
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
        />
        {s.sending ? (
          <button type="button" onClick={() => void s.cancel()}>
            Stop
          </button>
        ) : (
          <button type="submit" disabled={!text.trim()}>
            Send
          </button>
        )}
      </form>
    </section>
  );
}

export default ChatPanel;
