/** The chat domain's handlers: conversations, turns, proposed actions, assisted tagging. */
import type { ChatContract, ChatConversation } from '../../../shared/contract/chat';
import type { Handlers, HandlerMap } from '../../core/handlerTypes';
import type { Db } from '../../library/db';
import type { AiRouter } from '../routerTypes';
import { ActionService } from './actionService';
import { ActionStore } from './actionStore';
import { ChatEngine, type ChatEmit } from './chatEngine';
import { ConversationStore } from './conversationStore';
import { libraryCallOver, type LibraryCall } from './libraryCall';
import { conversationMarkdown } from './markdownExport';
import { chatRouterOf } from './routerSlot';
import { sampleRefs } from './sampleRefs';
import { decideSuggestions, listSuggestions } from './tagging/suggestions';
import { TaggingJob } from './tagging/taggingJob';

export interface ChatDeps {
  db: Db;
  emit: ChatEmit;
  /** The app's whole handler map (read when a tool runs, so it may be completed later). */
  handlers: () => Handlers;
  /** The app's AI router; one provided with provideChatRouter for this database wins. */
  router?: () => AiRouter | null;
  maxSteps?: number;
}

export interface ChatService {
  engine: ChatEngine;
  actions: ActionService;
  tagging: TaggingJob;
  conversations: ConversationStore;
  call: LibraryCall;
  conversation(id: number): Promise<ChatConversation>;
}

export function createChatService(deps: ChatDeps): ChatService {
  const router = (): AiRouter | null => {
    const provided = chatRouterOf(deps.db);
    return provided !== undefined ? provided : (deps.router?.() ?? null);
  };
  const call = libraryCallOver(deps.handlers, { origin: 'test' });
  const conversations = new ConversationStore(deps.db);
  const actionStore = new ActionStore(deps.db);
  const engine = new ChatEngine({
    conversations,
    actions: actionStore,
    call,
    router,
    emit: deps.emit,
    ...(deps.maxSteps !== undefined ? { maxSteps: deps.maxSteps } : {}),
  });
  const tagging = new TaggingJob(deps.db, router, deps.emit, (sampleIds) =>
    deps.emit('library.changed', { reason: 'tags', sampleIds }),
  );
  return {
    engine,
    actions: new ActionService(actionStore, call, deps.emit),
    tagging,
    conversations,
    call,
    async conversation(id) {
      const info = conversations.info(id);
      const messages = conversations.messages(id);
      const actions = actionStore.list({ conversationId: id });
      const ids = [...messages.flatMap((m) => m.sampleIds), ...actions.flatMap((a) => a.sampleIds)];
      return { info, messages, actions, samples: await sampleRefs(call, ids) };
    },
  };
}

const services = new WeakMap<Db, ChatService>();

/** The chat service of the app on `db` (created by createChatHandlers). */
export function chatServiceOf(db: Db): ChatService | null {
  return services.get(db) ?? null;
}

export function createChatHandlers(deps: ChatDeps): HandlerMap<ChatContract> {
  const chat = createChatService(deps);
  services.set(deps.db, chat);
  const actionStore = new ActionStore(deps.db);
  return {
    'chat.list': ({ limit }) => chat.conversations.list(limit),
    'chat.create': ({ title }) => chat.conversations.create(title ?? 'New conversation'),
    'chat.get': ({ conversationId }) => chat.conversation(conversationId),
    'chat.delete': ({ conversationId }) => {
      chat.engine.cancel(conversationId);
      return { deleted: chat.conversations.delete(conversationId) };
    },
    'chat.rename': ({ conversationId, title }) => chat.conversations.rename(conversationId, title),
    'chat.export': async ({ conversationId }) =>
      conversationMarkdown(await chat.conversation(conversationId)),
    'chat.send': (input) => chat.engine.send(input),
    'chat.cancel': ({ conversationId }) => ({ cancelled: chat.engine.cancel(conversationId) }),
    'chat.actions': (filter) => actionStore.list(filter),
    'chat.confirmAction': ({ actionId }) => chat.actions.confirm(actionId),
    'chat.dismissAction': ({ actionId }) => chat.actions.dismiss(actionId),
    'chat.tagging.start': (options) => chat.tagging.start(options),
    'chat.tagging.status': () => chat.tagging.status(),
    'chat.tagging.cancel': () => chat.tagging.cancel(),
    'chat.suggestions': ({ sampleIds, limit }) =>
      listSuggestions(deps.db, chat.call, sampleIds ?? null, limit ?? 500),
    'chat.acceptSuggestions': async ({ sampleIds, tags }) => ({
      changed: await decideSuggestions(deps.db, chat.call, 'accept', sampleIds, tags ?? null),
    }),
    'chat.rejectSuggestions': async ({ sampleIds, tags }) => ({
      changed: await decideSuggestions(deps.db, chat.call, 'reject', sampleIds, tags ?? null),
    }),
  };
}
