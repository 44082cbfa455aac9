import { describe, expect, it } from 'vitest';
import { commandFor, focusContextOf, type KeyInput } from './keyboard';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard commands', () => {
  it('drives the list: arrows, pages, edges, space, enter', () => {
    expect(commandFor(key('ArrowDown'), 'list')).toEqual({ type: 'move', delta: 1, extend: false });
    expect(commandFor(key('ArrowUp', { shiftKey: true }), 'list')).toEqual({
      type: 'move',
      delta: -1,
      extend: true,
    });
    expect(commandFor(key('PageDown'), 'list')).toEqual({
      type: 'page',
      direction: 1,
      extend: false,
    });
    expect(commandFor(key('PageUp'), 'list')?.type).toBe('page');
    expect(commandFor(key('Home'), 'list')).toEqual({
      type: 'edge',
      where: 'start',
      extend: false,
    });
    expect(commandFor(key('End', { shiftKey: true }), 'list')).toEqual({
      type: 'edge',
      where: 'end',
      extend: true,
    });
    expect(commandFor(key(' '), 'list')).toEqual({ type: 'playToggle' });
    expect(commandFor(key('Enter'), 'list')).toEqual({ type: 'openDetails' });
    expect(commandFor(key('Enter'), 'other')).toBeNull();
    expect(commandFor(key(' '), 'other')).toBeNull();
    expect(commandFor(key('ArrowLeft'), 'list')).toEqual({ type: 'seek', seconds: -1 });
    expect(commandFor(key('ArrowRight'), 'list')).toEqual({ type: 'seek', seconds: 1 });
  });

  it('has single-key shortcuts for search, loop, favourite, rating, tags and sync', () => {
    expect(commandFor(key('/'), 'list')).toEqual({ type: 'focusSearch' });
    expect(commandFor(key('k', { ctrlKey: true }), 'list')).toEqual({ type: 'focusSearch' });
    expect(commandFor(key('a', { metaKey: true }), 'list')).toEqual({ type: 'selectAll' });
    expect(commandFor(key('x', { ctrlKey: true }), 'list')).toBeNull();
    expect(commandFor(key('L'), 'list')).toEqual({ type: 'toggleLoop' });
    expect(commandFor(key('f'), 'list')).toEqual({ type: 'toggleFavorite' });
    expect(commandFor(key('4'), 'list')).toEqual({ type: 'rate', stars: 4 });
    expect(commandFor(key('0'), 'list')).toEqual({ type: 'rate', stars: 0 });
    expect(commandFor(key('9'), 'list')).toBeNull();
    expect(commandFor(key('t'), 'list')).toEqual({ type: 'editTags' });
    expect(commandFor(key('s'), 'list')).toEqual({ type: 'toggleSync' });
    expect(commandFor(key('a', { altKey: true }), 'list')).toBeNull();
  });

  it('leaves typing alone in text fields, except Escape and the search box arrows', () => {
    expect(commandFor(key('/'), 'text')).toBeNull();
    expect(commandFor(key('Escape'), 'text')).toEqual({ type: 'escape' });
    expect(commandFor(key(' '), 'search')).toBeNull();
    expect(commandFor(key('a', { ctrlKey: true }), 'search')).toBeNull();
    expect(commandFor(key('ArrowDown'), 'search')).toEqual({
      type: 'move',
      delta: 1,
      extend: false,
    });
    expect(commandFor(key('ArrowUp'), 'search')).toEqual({
      type: 'move',
      delta: -1,
      extend: false,
    });
    expect(commandFor(key('ArrowDown', { ctrlKey: true }), 'search')).toBeNull();
  });

  it('tells where the focus is from the target', () => {
    expect(focusContextOf({ tagName: 'INPUT', isSearch: true })).toBe('search');
    expect(focusContextOf({ tagName: 'INPUT', type: 'text' })).toBe('text');
    expect(focusContextOf({ tagName: 'INPUT' })).toBe('text');
    expect(focusContextOf({ tagName: 'INPUT', type: 'range' })).toBe('other');
    expect(focusContextOf({ tagName: 'TEXTAREA' })).toBe('text');
    expect(focusContextOf({ tagName: 'DIV', isContentEditable: true })).toBe('text');
    expect(focusContextOf({ tagName: 'DIV', role: 'grid' })).toBe('list');
    expect(focusContextOf({ tagName: 'BUTTON' })).toBe('other');
    expect(focusContextOf({ tagName: 'BODY' })).toBe('list');
  });
});
