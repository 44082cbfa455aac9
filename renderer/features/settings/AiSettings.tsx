import { useCallback, useEffect, useState } from 'react';
import type {
  AiEndpointChange,
  AiProviderInfo,
  AiStatus,
  AiUsage,
} from '../../../shared/contract/ai';
import { api } from '../../api/client';
import { formatUsd, budgetDraft, parseBudget } from './aiSettings';

type CloudId = Exclude<AiProviderInfo['id'], 'ollama'>;

function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * AI providers, keys, budgets and spend. Keys go to the backend only (OS keychain in
 * the desktop app); this view never sees one back, only whether one is set.
 */
export function AiSettings() {
  const [status, setStatus] = useState<AiStatus | null>(null);
  const [usage, setUsage] = useState<AiUsage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (refresh = false) => {
    const [s, u] = await Promise.all([
      api.invoke('ai.status', { refresh }),
      api.invoke('ai.usage', {}),
    ]);
    if (s.ok) setStatus(s.value);
    else setError(s.error.message);
    if (u.ok) setUsage(u.value);
  }, []);

  useEffect(() => {
    let live = true;
    void Promise.all([api.invoke('ai.status', {}), api.invoke('ai.usage', {})]).then(([s, u]) => {
      if (!live) return;
      if (s.ok) setStatus(s.value);
      else setError(s.error.message);
      if (u.ok) setUsage(u.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const act = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    const r = await run();
    setError(r.ok ? null : (r.error?.message ?? 'failed'));
    await load();
  };

  // A refused ai-models.json (e.g. a plain-http provider address) is an error, not "loading".
  if (!status)
    return error ? (
      <p role="alert" className="error">
        {error}
      </p>
    ) : (
      <p className="muted">Loading AI settings…</p>
    );
  const { keyStorage } = status;
  return (
    <div className="ai-settings" aria-label="AI providers">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {keyStorage.warning && <p className="warning">{keyStorage.warning}</p>}
      <EndpointChanges changes={status.endpointChanges} />
      <label>
        <input
          type="checkbox"
          checked={status.localOnly}
          onChange={(e) =>
            void act(() => api.invoke('ai.setProviderSettings', { localOnly: e.target.checked }))
          }
        />
        Local only — nothing leaves this machine (only a local Ollama answers)
      </label>
      <p className="muted small">
        Ollama: {status.ollama.state}
        {status.ollama.host ? ` at ${status.ollama.host}` : ''} · model {status.ollama.chatModel}
        {status.ollama.chatModelInstalled ? '' : ' (not installed)'}
        {status.ollama.lastError ? ` · ${status.ollama.lastError}` : ''}
      </p>
      <table className="ai-providers">
        <TableHead columns={['Provider', 'Status', 'Enabled', 'Key']} />
        <tbody>
          {status.providers.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.label}</th>
              <td>
                {p.configured ? (p.healthy === false ? 'unreachable' : 'ready') : 'not set up'}
                {p.lastError ? ` · ${p.lastError}` : ''}
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`use ${p.label}`}
                  checked={p.enabled}
                  onChange={(e) =>
                    void act(() =>
                      api.invoke('ai.setProviderSettings', {
                        providers: { [p.id]: { enabled: e.target.checked } },
                      }),
                    )
                  }
                />
              </td>
              <td>
                {p.id === 'ollama' ? (
                  <span className="muted">none needed</span>
                ) : (
                  <KeyField
                    provider={p as AiProviderInfo & { id: CloudId }}
                    writable={keyStorage.writable}
                    onSave={(key) =>
                      act(() => api.invoke('ai.setKey', { provider: p.id as CloudId, key }))
                    }
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Budgets
        usage={usage}
        onSet={(period, limitUsd) =>
          act(() => api.invoke('ai.setBudget', { scope: 'total', period, limitUsd }))
        }
      />
      {usage && <Spend usage={usage} />}
      <p className="muted small">Prices as of {status.pricesAsOf}.</p>
    </div>
  );
}

function KeyField(props: {
  provider: AiProviderInfo & { id: CloudId };
  writable: boolean;
  onSave: (key: string | null) => Promise<void>;
}) {
  const [draft, setDraft] = useState('');
  const { provider, writable } = props;
  if (!writable)
    return (
      <span className="muted">
        {provider.hasKey ? 'set' : 'not set'} (from the environment: {provider.id.toUpperCase()}
        _API_KEY)
      </span>
    );
  return (
    <form
      className="row-form"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSave(draft.trim()).then(() => setDraft(''));
      }}
    >
      <input
        type="password"
        autoComplete="off"
        aria-label={`${provider.label} API key`}
        placeholder={provider.hasKey ? '•••••••• (set)' : 'paste a key'}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" disabled={draft.trim().length === 0}>
        Save
      </button>
      {provider.hasKey && (
        <button type="button" onClick={() => void props.onSave(null)}>
          Remove
        </button>
      )}
    </form>
  );
}

function Budgets(props: {
  usage: AiUsage | null;
  onSet: (period: 'day' | 'month', limitUsd: number | null) => Promise<void>;
}) {
  const budgets = props.usage?.budgets ?? [];
  return (
    <div className="row-form" aria-label="Budgets">
      {(['day', 'month'] as const).map((period) => (
        <BudgetField
          key={`${period}:${budgetDraft(budgets, period)}`}
          period={period}
          initial={budgetDraft(budgets, period)}
          onSet={props.onSet}
        />
      ))}
    </div>
  );
}

function BudgetField(props: {
  period: 'day' | 'month';
  initial: string;
  onSet: (period: 'day' | 'month', limitUsd: number | null) => Promise<void>;
}) {
  const [draft, setDraft] = useState(props.initial);
  const parsed = parseBudget(draft);
  return (
    <label>
      {props.period === 'day' ? 'Daily cap (USD)' : 'Monthly cap (USD)'}{' '}
      <input
        inputMode="decimal"
        placeholder="no cap"
        value={draft}
        aria-invalid={parsed === 'invalid'}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (parsed !== 'invalid' && draft !== props.initial)
            void props.onSet(props.period, parsed);
        }}
      />
    </label>
  );
}

function Spend({ usage }: { usage: AiUsage }) {
  const m = usage.monthToDate;
  return (
    <div aria-label="AI spend">
      <p>
        This month: {formatUsd(m.costUsd)} over {m.calls} calls
        {m.savingsPct !== null &&
          ` — ${m.savingsPct.toFixed(0)} % less than ${formatUsd(m.baselineUsd)} on ${usage.baseline.model}`}
        . Today: {formatUsd(usage.today.costUsd)}.
      </p>
      {m.byProvider.length > 0 && (
        <table className="ai-spend">
          <TableHead columns={['Provider', 'Calls', 'Tokens in / out', 'Cost']} />
          <tbody>
            {m.byProvider.map((r) => (
              <tr key={r.provider}>
                <th scope="row">{r.provider}</th>
                <td>
                  {r.calls}
                  {r.failedCalls > 0 ? ` (${r.failedCalls} failed)` : ''}
                </td>
                <td>
                  {r.tokensIn} / {r.tokensOut}
                </td>
                <td>{formatUsd(r.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Provider addresses changed by <data dir>/ai-models.json: keys are sent there, so say so. */
function EndpointChanges({ changes }: { changes: AiEndpointChange[] }) {
  if (changes.length === 0) return null;
  return (
    <div className="warning" role="note" aria-label="Changed provider addresses">
      <p>
        The model table in your data folder (ai-models.json) sends these providers&apos; requests,
        keys included, somewhere else than usual:
      </p>
      <ul>
        {changes.map((c) => (
          <li key={c.provider} data-provider={c.provider}>
            {c.label}: <code>{c.baseURL}</code> <span className="muted">(usually {c.builtIn})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
