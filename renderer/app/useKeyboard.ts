import { useEffect } from 'react';
import { commandFor, focusContextOf, type Command } from './keyboard';
import { audition } from '../audio/engine';
import { useStore } from '../store';

const PAGE = 15;

function run(cmd: Command): boolean {
  const s = useStore.getState();
  const ids = () => s.selectedIds();
  switch (cmd.type) {
    case 'focusSearch':
      document.getElementById('search')?.focus();
      return true;
    case 'move':
      if (s.view !== 'browser') return false;
      s.move(cmd.delta, cmd.extend);
      return true;
    case 'page':
      if (s.view !== 'browser') return false;
      s.move(cmd.direction * PAGE, cmd.extend);
      return true;
    case 'edge':
      if (s.view !== 'browser') return false;
      s.move(cmd.where === 'start' ? -1e9 : 1e9, cmd.extend);
      return true;
    case 'playToggle':
      s.togglePlay();
      return true;
    case 'openDetails':
      if (s.currentId !== null) s.audition(s.currentId);
      return true;
    case 'escape':
      if (s.tagEditorOpen) s.setTagEditorOpen(false);
      else if (document.activeElement?.id === 'search') {
        (document.querySelector('[data-list="samples"]') as HTMLElement | null)?.focus();
      } else if (s.playing) s.stop();
      else s.clearSelection();
      return true;
    case 'selectAll':
      s.selectAllRows();
      return true;
    case 'toggleLoop':
      s.setLoop(!s.loop);
      return true;
    case 'toggleFavorite': {
      if (!s.selection.all && s.selection.ids.size === 0) return false;
      const shown = s.selection.all ? s.rows : s.rows.filter((r) => s.selection.ids.has(r.id));
      const on = !shown.every((r) => r.favorite);
      void ids().then((sel) => s.setFavorite(sel, on));
      return true;
    }
    case 'rate':
      void ids().then((sel) => s.setRating(sel, cmd.stars));
      return true;
    case 'editTags':
      s.setTagEditorOpen(true);
      return true;
    case 'seek':
      audition().seekBy(cmd.seconds);
      return true;
    case 'toggleSync':
      s.setSync({ enabled: !s.sync.enabled });
      return true;
  }
}

/** The browser's keyboard: arrows move and play, space plays/stops, / searches, … */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      if (el?.closest('[role="dialog"]')) {
        if (e.key !== 'Escape') return;
      }
      const focus = focusContextOf({
        tagName: el?.tagName,
        type: (el as HTMLInputElement | null)?.type,
        isContentEditable: el?.isContentEditable,
        role: el?.closest('[data-list]') ? 'grid' : el?.getAttribute('role'),
        isSearch: el?.id === 'search',
      });
      const cmd = commandFor(e, focus);
      if (cmd && run(cmd)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
