import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { audition } from '../../audio/engine';
import { ActionLink } from '../../lib/ActionLink';
import { formatCount } from '../../lib/format';
import { useStore } from '../../store';
import { useStoreFields } from '../../store/fields';
import type { Theme } from '../../store/uiSlice';
import { AddFolder } from '../importing/AddFolder';
import { AiSettings } from './AiSettings';

type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

function AudioOutput() {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [sink, setSink] = useState('');
  const media = audition().media as SinkAudio;
  useEffect(() => {
    void navigator.mediaDevices
      ?.enumerateDevices()
      .then((d) => setDevices(d.filter((x) => x.kind === 'audiooutput')))
      .catch(() => setDevices([]));
  }, []);
  if (!media.setSinkId) return <p className="muted">This browser cannot choose an audio output.</p>;
  return (
    <label>
      Audio output
      <select
        value={sink}
        onChange={(e) => {
          setSink(e.target.value);
          void media.setSinkId?.(e.target.value);
        }}
      >
        <option value="">System default</option>
        {devices
          .filter((d) => d.deviceId && d.deviceId !== 'default')
          .map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || 'Output device'}
            </option>
          ))}
      </select>
    </label>
  );
}

function AnalysisControls() {
  const [paused, setPaused] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        const r = await api.invoke(paused ? 'analysis.resume' : 'analysis.pause', {});
        if (r.ok) setPaused(!paused);
      }}
    >
      {paused ? 'Resume analysis' : 'Pause analysis'}
    </button>
  );
}

const THEMES: readonly (readonly [Theme, string])[] = [
  ['dark', 'Dark'],
  ['light', 'Light'],
];

/** Library folders, analysis, theme, audio output, and where AI settings will live. */
export default function SettingsView() {
  const {
    folders,
    theme,
    setTheme,
    removeFolder,
    appInfo: info,
  } = useStoreFields('folders', 'theme', 'setTheme', 'removeFolder', 'appInfo');
  return (
    <section className="settings pad" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <fieldset>
        <legend>Library folders</legend>
        {folders.length === 0 && <p className="muted">No folders yet.</p>}
        <ul className="folder-list">
          {folders.map((f) => (
            <li key={f.id}>
              <code>{f.path}</code>
              <span className="muted">
                {formatCount(f.sampleCount)} samples
                {f.errorCount ? `, ${f.errorCount} unreadable` : ''}
                {f.watching ? ', watched' : ''}
              </span>
              {f.problem && <span className="error">{f.problem.message}</span>}
              <ActionLink handler="library.rescan" input={{ folderId: f.id }}>
                Rescan
              </ActionLink>
              <button
                type="button"
                className="link danger"
                onClick={() => {
                  if (
                    confirm(`Remove ${f.path} from the library? Files on disk stay where they are.`)
                  )
                    void removeFolder(f.id);
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <AddFolder />
      </fieldset>
      <fieldset>
        <legend>Analysis</legend>
        <AnalysisControls />
      </fieldset>
      <fieldset>
        <legend>Appearance</legend>
        {THEMES.map(([value, label]) => (
          <label key={value} className="check">
            <input
              type="radio"
              name="theme"
              checked={theme === value}
              onChange={() => setTheme(value)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Audio</legend>
        <AudioOutput />
      </fieldset>
      <fieldset>
        <legend>AI assistant</legend>
        <AiSettings />
        <p>
          <button
            type="button"
            className="link"
            onClick={() => useStore.getState().setChatOpen(true)}
          >
            Open the assistant
          </button>
        </p>
      </fieldset>
      {info && (
        <p className="muted small">
          {info.name} {info.version} · {info.mode} mode · library at <code>{info.dbPath}</code>
        </p>
      )}
    </section>
  );
}
