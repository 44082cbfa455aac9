/**
 * The user's side of proposed actions: confirm (the only way a write tool's change is
 * ever made) or dismiss.
 */
import type { ChatActionInfo } from '../../../shared/contract/chat';
import { AppError } from '../../../shared/result';
import type { ActionStore } from './actionStore';
import type { ChatEmit } from './chatEngine';
import type { LibraryCall } from './libraryCall';
import { findTool } from './tools/registry';

export class ActionService {
  private readonly inFlight = new Set<number>();

  constructor(
    private readonly actions: ActionStore,
    private readonly call: LibraryCall,
    private readonly emit: ChatEmit,
  ) {}

  async confirm(actionId: number): Promise<ChatActionInfo> {
    const action = this.actions.get(actionId);
    if (action.state !== 'proposed' || this.inFlight.has(actionId)) {
      throw new AppError(
        'CONFLICT',
        `action ${actionId} was already ${this.inFlight.has(actionId) ? 'confirmed' : action.state}`,
      );
    }
    const tool = findTool(action.tool);
    if (!tool || tool.kind !== 'write')
      throw new AppError('INTERNAL', `no write tool ${action.tool}`);
    this.inFlight.add(actionId);
    let outcome: { state: 'applied' | 'failed'; result: Record<string, unknown> };
    try {
      const args = tool.schema.parse(action.args);
      outcome = {
        state: 'applied',
        result: await tool.apply(args, { call: this.call, now: Date.now() }),
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      outcome = { state: 'failed', result: { error: { code, message } } };
    } finally {
      this.inFlight.delete(actionId);
    }
    const decided = this.actions.decide(actionId, outcome.state, outcome.result);
    this.emit('chat.action', decided);
    return decided;
  }

  dismiss(actionId: number): ChatActionInfo {
    if (this.inFlight.has(actionId))
      throw new AppError('CONFLICT', `action ${actionId} is being applied`);
    const decided = this.actions.decide(actionId, 'dismissed', null);
    this.emit('chat.action', decided);
    return decided;
  }
}
