import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { ALL_CLASSES } from '../../../shared/taxonomy';
import { PITCH_CLASSES } from '../../../shared/music';
import { chipLabel, clearFilter, type FilterId, type FilterState } from '../../lib/searchQuery';
import { useStore } from '../../store';
import { useStoreFields } from '../../store/fields';
import { ToggleButton } from '../../lib/ToggleButton';
import { useDismiss } from '../../lib/useDismiss';

/** Chips whose active value already says what it is ("120–128 BPM", "★★★+"). */
const SELF_LABELLED: ReadonlySet<FilterId> = new Set([
  'bpm',
  'duration',
  'lufs',
  'tags',
  'minRating',
]);

function Chip({
  id,
  label,
  children,
}: {
  id: FilterId;
  label: string;
  children: (close: () => void) => ReactNode;
}) {
  const { filters, setFilters } = useStoreFields('filters', 'setFilters');
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const popId = useId();
  const active = chipLabel(filters, id);
  const close = useCallback(() => setOpen(false), []);
  const onKeyDown = useDismiss(ref, open, close);
  return (
    <div className="chip-wrap" ref={ref} onKeyDown={onKeyDown}>
      <button
        type="button"
        className={active ? 'chip chip--active' : 'chip'}
        aria-expanded={open}
        aria-controls={popId}
        data-filter={id}
        onClick={() => setOpen((o) => !o)}
      >
        {active ? (SELF_LABELLED.has(id) ? active : `${label}: ${active}`) : label}
        <span aria-hidden> ▾</span>
      </button>
      {active && (
        <button
          type="button"
          className="chip-clear"
          aria-label={`Clear ${label} filter`}
          onClick={() => setFilters(clearFilter(filters, id))}
        >
          ×
        </button>
      )}
      {open && (
        <div className="popover" id={popId} role="dialog" aria-label={`${label} filter`}>
          {children(close)}
        </div>
      )}
    </div>
  );
}

function useFilters(): [FilterState, (f: Partial<FilterState>) => void] {
  const { filters, setFilters } = useStoreFields('filters', 'setFilters');
  return [filters, (patch) => setFilters({ ...filters, ...patch })];
}

function num(v: string): number | undefined {
  const n = Number(v);
  return v.trim() === '' || !Number.isFinite(n) ? undefined : n;
}

const KIND_CHOICES: readonly (readonly [FilterState['kind'], string])[] = [
  [null, 'Any'],
  ['one-shot', 'One-shots'],
  ['loop', 'Loops'],
];
const RATING_CHOICES: readonly (readonly [number, string])[] = [0, 1, 2, 3, 4, 5].map(
  (n) => [n, n === 0 ? 'Any' : `${'★'.repeat(n)} or more`] as const,
);

/** A chip whose form is one radio group: picking a choice applies it and closes the form. */
function ChoiceChip<K extends 'kind' | 'minRating'>(props: {
  id: K;
  label: string;
  groupLabel: string;
  choices: readonly (readonly [FilterState[K], string])[];
}) {
  const [filters, patch] = useFilters();
  return (
    <Chip id={props.id} label={props.label}>
      {(close) => (
        <div className="popover-form" role="radiogroup" aria-label={props.groupLabel}>
          {props.choices.map(([v, l]) => (
            <label key={l} className="check">
              <input
                type="radio"
                name={props.id}
                checked={filters[props.id] === v}
                onChange={() => {
                  patch({ [props.id]: v });
                  close();
                }}
              />{' '}
              {l}
            </label>
          ))}
        </div>
      )}
    </Chip>
  );
}

/** The chips that filter by a numeric range. */
const RANGE_CHIPS = [
  { id: 'duration', label: 'Length', unit: 's' },
  { id: 'lufs', label: 'Loudness', unit: 'LUFS' },
] as const;

function RangeForm({
  label,
  unit,
  value,
  onApply,
  step = 'any',
}: {
  label: string;
  unit: string;
  value: { min?: number; max?: number } | null;
  onApply: (r: { min?: number; max?: number } | null) => void;
  step?: string;
}) {
  const [min, setMin] = useState(value?.min?.toString() ?? '');
  const [max, setMax] = useState(value?.max?.toString() ?? '');
  return (
    <form
      className="popover-form"
      onSubmit={(e) => {
        e.preventDefault();
        const r = {
          ...(num(min) !== undefined ? { min: num(min)! } : {}),
          ...(num(max) !== undefined ? { max: num(max)! } : {}),
        };
        onApply(r.min === undefined && r.max === undefined ? null : r);
      }}
    >
      <label>
        Min {label} ({unit})
        <input
          type="number"
          step={step}
          value={min}
          onChange={(e) => setMin(e.target.value)}
          autoFocus
        />
      </label>
      <label>
        Max {label} ({unit})
        <input type="number" step={step} value={max} onChange={(e) => setMax(e.target.value)} />
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

function BpmField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        min={20}
        max={999}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoFocus={props.autoFocus}
      />
    </label>
  );
}

function BpmForm({ close }: { close: () => void }) {
  const [filters, patch] = useFilters();
  const [min, setMin] = useState(String(filters.bpm?.min ?? ''));
  const [max, setMax] = useState(String(filters.bpm?.max ?? ''));
  const [hd, setHd] = useState(filters.bpm?.halfDouble ?? true);
  return (
    <form
      className="popover-form"
      onSubmit={(e) => {
        e.preventDefault();
        const a = num(min);
        const b = num(max) ?? a;
        patch({ bpm: a && b ? { min: a, max: b, halfDouble: hd } : null });
        close();
      }}
    >
      <BpmField label="From BPM" value={min} onChange={setMin} autoFocus />
      <BpmField label="To BPM" value={max} onChange={setMax} />
      <label className="check">
        <input type="checkbox" checked={hd} onChange={(e) => setHd(e.target.checked)} /> Include
        half and double tempo
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

function KeyForm({ close }: { close: () => void }) {
  const [filters, patch] = useFilters();
  const [tonic, setTonic] = useState(filters.key?.key.split(' ')[0] ?? 'A');
  const [mode, setMode] = useState(filters.key?.key.endsWith('major') ? 'major' : 'minor');
  const [relation, setRelation] = useState(filters.key?.relation ?? 'compatible');
  return (
    <form
      className="popover-form"
      onSubmit={(e) => {
        e.preventDefault();
        patch({ key: { key: `${tonic} ${mode}`, relation } });
        close();
      }}
    >
      <label>
        Key
        <select value={tonic} onChange={(e) => setTonic(e.target.value)} autoFocus>
          {PITCH_CLASSES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label>
        Mode
        <select value={mode} onChange={(e) => setMode(e.target.value)}>
          <option value="minor">minor</option>
          <option value="major">major</option>
        </select>
      </label>
      <label>
        Match
        <select value={relation} onChange={(e) => setRelation(e.target.value as typeof relation)}>
          <option value="exact">this key only</option>
          <option value="relative">+ relative key</option>
          <option value="compatible">+ compatible keys (Camelot neighbours)</option>
        </select>
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

function ClassForm() {
  const [filters, patch] = useFilters();
  return (
    <fieldset className="popover-grid">
      <legend>Instrument class</legend>
      {ALL_CLASSES.map((c) => (
        <label key={c} className="check">
          <input
            type="checkbox"
            checked={filters.classes.includes(c)}
            onChange={(e) =>
              patch({
                classes: e.target.checked
                  ? [...filters.classes, c]
                  : filters.classes.filter((x) => x !== c),
              })
            }
          />{' '}
          {c}
        </label>
      ))}
      <label className="check" title="Also match sounds whose class is only the model's guess">
        <input
          type="checkbox"
          checked={filters.classGuesses}
          onChange={(e) => patch({ classGuesses: e.target.checked })}
        />{' '}
        include guesses
      </label>
    </fieldset>
  );
}

function TagsForm() {
  const [filters, patch] = useFilters();
  const tags = useStore((s) => s.tags);
  const [q, setQ] = useState('');
  const shown = tags.filter((t) => t.name.includes(q.toLowerCase())).slice(0, 40);
  return (
    <div className="popover-form">
      <label>
        Find tag
        <input value={q} onChange={(e) => setQ(e.target.value)} autoFocus />
      </label>
      <div className="popover-grid">
        {shown.length === 0 && <p className="muted">No tags yet.</p>}
        {shown.map((t) => (
          <label key={t.name} className="check">
            <input
              type="checkbox"
              checked={filters.tags.includes(t.name)}
              onChange={(e) =>
                patch({
                  tags: e.target.checked
                    ? [...filters.tags, t.name]
                    : filters.tags.filter((x) => x !== t.name),
                })
              }
            />{' '}
            {t.name} <span className="muted">{t.count}</span>
          </label>
        ))}
      </div>
    </div>
  );
}

/** Filter chips: each opens a small form; active ones show their value and a clear button. */
export function FilterChips() {
  const [filters, patch] = useFilters();
  return (
    <div className="chips" role="toolbar" aria-label="Filters">
      <Chip id="classes" label="Class">
        {() => <ClassForm />}
      </Chip>
      <ChoiceChip id="kind" label="Kind" groupLabel="Kind" choices={KIND_CHOICES} />
      <Chip id="bpm" label="BPM">
        {(close) => <BpmForm close={close} />}
      </Chip>
      <Chip id="key" label="Key">
        {(close) => <KeyForm close={close} />}
      </Chip>
      {RANGE_CHIPS.map(({ id, label, unit }) => (
        <Chip key={id} id={id} label={label}>
          {(close) => (
            <RangeForm
              label={label.toLowerCase()}
              unit={unit}
              value={filters[id]}
              onApply={(r) => {
                patch({ [id]: r });
                close();
              }}
            />
          )}
        </Chip>
      ))}
      <Chip id="tags" label="Tags">
        {() => <TagsForm />}
      </Chip>
      <ChoiceChip
        id="minRating"
        label="Rating"
        groupLabel="Minimum rating"
        choices={RATING_CHOICES}
      />
      <ToggleButton
        pressed={filters.favorite}
        onToggle={(favorite) => patch({ favorite })}
        className="chip"
        pressedClassName="chip--active"
      >
        ♥ Favourites
      </ToggleButton>
    </div>
  );
}
