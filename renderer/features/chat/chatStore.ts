/**
 * The chat panel's own small zustand store (kept inside the feature so that the whole
 * panel is one lazily loaded chunk): conversations, the open conversation, the turn
 * being streamed, and the provider preference.
 */
import { create } from 'zustand';
import type {
  ChatActionInfo,
  ChatConversation,
  ChatConversationInfo,
} from '../../../shared/contract';
import type { AiProviderId } from '../../../shared/schemas/ai';
import { api } from '../../api/client';
import { applyTurnEvent, startTurn, type LiveTurn, type TurnEvent } from './turnState';

export type ProviderChoice = 'auto' | AiProviderId;

export interface ProviderOption {
  id: AiProviderId;
  label: string;
  usable: boolean;
  models: string[];
}

export interface ChatState {
  conversations: ChatConversationInfo[];
  current: ChatConversation | null;
  live: LiveTurn | null;
  sending: boolean;
  prefer: ProviderChoice;
  /** A model of the preferred provider (null: the router's choice). */
  preferModel: string | null;
  /** What each provider offers (from ai.status), for the picker; null until loaded. */
  providers: ProviderOption[] | null;
  error: string | null;
  /** ms from the first streamed text event to its paint (last turn). */
  firstPaintMs: number | null;
  loadConversations(): Promise<void>;
  open(conversationId: number | null): Promise<void>;
  send(text: string): Promise<void>;
  cancel(): Promise<void>;
  remove(conversationId: number): Promise<void>;
  exportMarkdown(conversationId: number): Promise<{ filename: string; markdown: string } | null>;
  decide(action: ChatActionInfo, confirm: boolean): Promise<void>;
  setPrefer(prefer: ProviderChoice): void;
  setPreferModel(model: string | null): void;
  loadProviders(): Promise<void>;
  onEvent(event: TurnEvent): void;
  actionChanged(action: ChatActionInfo): void;
  notePaint(ms: number): void;
}

let turnCounter = 0;

export const useChat = create<ChatState>()((set, get) => ({
  conversations: [],
  current: null,
  live: null,
  sending: false,
  prefer: 'auto',
  preferModel: null,
  providers: null,
  error: null,
  firstPaintMs: null,

  async loadConversations() {
    const r = await api.invoke('chat.list', {});
    if (r.ok) set({ conversations: r.value });
    else set({ error: r.error.message });
  },

  async open(conversationId) {
    if (conversationId === null) {
      set({ current: null, live: null, error: null });
      return;
    }
    const r = await api.invoke('chat.get', { conversationId });
    if (r.ok) set({ current: r.value, live: null, error: null });
    else set({ error: r.error.message });
  },

  async send(text) {
    const question = text.trim();
    if (!question || get().sending) return;
    const conversationId = get().current?.info.id ?? null;
    const turnId = `ui${Date.now().toString(36)}${(++turnCounter).toString(36)}`;
    set({ sending: true, error: null, live: startTurn(turnId, question, conversationId) });
    const { prefer, preferModel } = get();
    const r = await api.invoke('chat.send', {
      text: question,
      turnId,
      ...(conversationId !== null ? { conversationId } : {}),
      ...(prefer !== 'auto'
        ? { prefer: { provider: prefer, ...(preferModel ? { model: preferModel } : {}) } }
        : {}),
    });
    set({ sending: false });
    const id = r.ok ? r.value.conversationId : (get().live?.conversationId ?? conversationId);
    if (!r.ok) {
      const live = get().live;
      set({ live: live ? { ...live, done: true, error: live.error ?? r.error } : null });
    }
    await get().loadConversations();
    if (id !== null) {
      const conv = await api.invoke('chat.get', { conversationId: id });
      // A failed turn's question is stored: keep only its error (and fix) on screen.
      const failed = get().live;
      if (conv.ok) {
        set({
          current: conv.value,
          live: r.ok || !failed ? null : { ...failed, question: '', text: '', steps: [] },
        });
      }
    }
  },

  async cancel() {
    const id = get().live?.conversationId ?? get().current?.info.id;
    if (id !== undefined && id !== null) await api.invoke('chat.cancel', { conversationId: id });
  },

  async remove(conversationId) {
    await api.invoke('chat.delete', { conversationId });
    if (get().current?.info.id === conversationId) set({ current: null, live: null });
    await get().loadConversations();
  },

  async exportMarkdown(conversationId) {
    const r = await api.invoke('chat.export', { conversationId });
    return r.ok ? r.value : null;
  },

  async decide(action, confirm) {
    const r = confirm
      ? await api.invoke('chat.confirmAction', { actionId: action.id })
      : await api.invoke('chat.dismissAction', { actionId: action.id });
    if (r.ok) get().actionChanged(r.value);
    else set({ error: r.error.message });
  },

  setPrefer(prefer) {
    set({ prefer, preferModel: null });
  },

  setPreferModel(model) {
    set({ preferModel: model });
  },

  async loadProviders() {
    const r = await api.invoke('ai.status', {});
    if (!r.ok) return;
    set({
      providers: r.value.providers.map((p) => ({
        id: p.id,
        label: p.label,
        usable: p.enabled && p.configured && p.healthy !== false,
        models: p.models,
      })),
    });
  },

  onEvent(event) {
    const live = get().live;
    if (!live) return;
    const next = applyTurnEvent(live, event, performance.now());
    if (next !== live) set({ live: next });
  },

  actionChanged(action) {
    const { current, live } = get();
    if (current && current.info.id === action.conversationId) {
      const known = current.actions.some((a) => a.id === action.id);
      set({
        current: {
          ...current,
          actions: known
            ? current.actions.map((a) => (a.id === action.id ? action : a))
            : [...current.actions, action],
        },
      });
    }
    if (live && live.steps.some((s) => s.action?.id === action.id)) {
      set({
        live: {
          ...live,
          steps: live.steps.map((s) => (s.action?.id === action.id ? { ...s, action } : s)),
        },
      });
    }
  },

  notePaint(ms) {
    set({ firstPaintMs: ms });
  },
}));

/** Subscribes the store to the backend's chat events; returns the unsubscribe. */
export function subscribeChatEvents(): () => void {
  const s = useChat.getState();
  const offs = [
    api.on('chat.delta', (payload) => s.onEvent({ type: 'chat.delta', payload })),
    api.on('chat.route', (payload) => s.onEvent({ type: 'chat.route', payload })),
    api.on('chat.toolCall', (payload) => s.onEvent({ type: 'chat.toolCall', payload })),
    api.on('chat.done', (payload) => s.onEvent({ type: 'chat.done', payload })),
    api.on('chat.action', (payload) => s.actionChanged(payload)),
  ];
  return () => offs.forEach((off) => off());
}
