/**
 * LLM-assisted tagging: a background job that sends batches of sample metadata to the
 * router (task 'tag', JSON mode) and stores the answers as *suggested* tags, which the
 * user accepts or rejects. Its state lives in the settings table, so a job cut short
 * by a restart goes on from the last finished batch; a budget or provider refusal stops
 * it with the reason.
 */
import type { ChatTaggingJob } from '../../../../shared/contract/chat';
import { AppError } from '../../../../shared/result';
import type { Db } from '../../../library/db';
import { readSetting, writeSetting } from '../../../library/settings';
import { addSuggestedTags } from '../../../library/suggestedTags';
import type { AiRouter } from '../../routerTypes';
import type { ChatEmit } from '../chatEngine';
import { errorData, NO_PROVIDER_MESSAGE } from '../chatEngine';
import { countCandidates, nextCandidates } from './taggingCandidates';
import { readTaggingAnswer, taggingMessages } from './taggingPrompt';

const SETTINGS_KEY = 'chat.tagging.job';
const DEFAULT_BATCH = 8;
const DEFAULT_LIMIT = 500;

interface StoredJob extends ChatTaggingJob {
  cursor: number;
  sampleIds: number[] | null;
  batchSize: number;
  limit: number;
}

export interface TaggingStart {
  sampleIds?: number[];
  batchSize?: number;
  limit?: number;
  resume?: boolean;
}

const IDLE: StoredJob = {
  state: 'idle',
  startedAt: null,
  finishedAt: null,
  processed: 0,
  total: 0,
  suggested: 0,
  costUsd: 0,
  provider: null,
  model: null,
  error: null,
  cursor: 0,
  sampleIds: null,
  batchSize: DEFAULT_BATCH,
  limit: DEFAULT_LIMIT,
};

function publicJob(job: StoredJob): ChatTaggingJob {
  const { cursor: _c, sampleIds: _s, batchSize: _b, limit: _l, ...rest } = job;
  return rest;
}

export class TaggingJob {
  private job: StoredJob;
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly router: () => AiRouter | null,
    private readonly emit: ChatEmit,
    private readonly onTagsSuggested: (sampleIds: number[]) => void = () => {},
  ) {
    this.job = this.load();
  }

  private load(): StoredJob {
    const value = readSetting(this.db, SETTINGS_KEY);
    if (value === undefined) return { ...IDLE };
    try {
      return { ...IDLE, ...(JSON.parse(value) as Partial<StoredJob>) };
    } catch {
      return { ...IDLE };
    }
  }

  private save(): void {
    writeSetting(this.db, SETTINGS_KEY, JSON.stringify(this.job));
    this.emit('chat.tagging.progress', publicJob(this.job));
  }

  status(): ChatTaggingJob {
    const job = publicJob(this.job);
    // A job stored as running that no loop is running was cut short by a restart.
    return job.state === 'running' && !this.running ? { ...job, state: 'stopped' } : job;
  }

  /** Starts (or resumes) the job in the background; returns its state right away. */
  start(options: TaggingStart = {}): ChatTaggingJob {
    if (this.running) throw new AppError('CONFLICT', 'tagging is already running');
    if (!this.router()) throw new AppError('NO_PROVIDER', NO_PROVIDER_MESSAGE);
    const sampleIds = options.sampleIds
      ? [...new Set(options.sampleIds)].sort((a, b) => a - b)
      : null;
    const previous = this.job;
    const resumable =
      options.resume !== false &&
      ['running', 'stopped', 'cancelled', 'failed'].includes(previous.state) &&
      JSON.stringify(previous.sampleIds) === JSON.stringify(sampleIds);
    const limit = options.limit ?? (resumable ? previous.limit : DEFAULT_LIMIT);
    const batchSize = options.batchSize ?? (resumable ? previous.batchSize : DEFAULT_BATCH);
    this.job = resumable
      ? { ...previous, state: 'running', error: null, finishedAt: null, limit, batchSize }
      : {
          ...IDLE,
          state: 'running',
          startedAt: Date.now(),
          sampleIds,
          limit,
          batchSize,
          total: Math.min(limit, countCandidates(this.db, sampleIds)),
        };
    this.save();
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.run(controller.signal).finally(() => {
      this.running = null;
      this.controller = null;
    });
    return this.status();
  }

  cancel(): ChatTaggingJob {
    this.controller?.abort();
    return this.status();
  }

  /** Resolves when the running job (if any) has stopped. */
  async whenIdle(): Promise<void> {
    await this.running;
  }

  private finish(state: StoredJob['state'], error: StoredJob['error'] = null): void {
    this.job = { ...this.job, state, error, finishedAt: Date.now() };
    this.save();
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (this.job.processed < this.job.limit) {
      if (signal.aborted) return this.finish('cancelled');
      const size = Math.min(this.job.batchSize, this.job.limit - this.job.processed);
      const batch = nextCandidates(this.db, this.job.sampleIds, this.job.cursor, size);
      if (batch.length === 0) break;
      const router = this.router();
      if (!router)
        return this.finish('stopped', { code: 'NO_PROVIDER', message: NO_PROVIDER_MESSAGE });
      let text = '';
      let cost = 0;
      try {
        for await (const event of router.stream(
          {
            task: 'tag',
            json: true,
            needs: { json: true },
            messages: taggingMessages(batch),
            temperature: 0.2,
            maxOutputTokens: 80 * batch.length + 64,
          },
          signal,
        )) {
          if (event.type === 'text') text += event.text;
          else if (event.type === 'route') text = '';
          else if (event.type === 'done') {
            cost = event.outcome.costUsd;
            this.job.provider = event.outcome.provider;
            this.job.model = event.outcome.model;
          }
        }
      } catch (error) {
        if (signal.aborted) return this.finish('cancelled');
        if (error instanceof AppError) return this.finish('stopped', errorData(error));
        return this.finish('failed', {
          code: 'PROVIDER_ERROR',
          message: error instanceof Error ? error.message : String(error),
        });
      }
      let tagged = 0;
      let problem: string | null = null;
      try {
        const answer = readTaggingAnswer(text, new Set(batch.map((c) => c.id)));
        tagged = this.store(answer);
      } catch (error) {
        // One unreadable answer skips its batch; the job goes on with the next.
        problem = error instanceof Error ? error.message : String(error);
      }
      this.job = {
        ...this.job,
        cursor: batch[batch.length - 1]!.id,
        processed: this.job.processed + batch.length,
        suggested: this.job.suggested + tagged,
        costUsd: this.job.costUsd + cost,
        error:
          problem === null
            ? null
            : {
                code: 'PROVIDER_ERROR',
                message: `an answer was not the JSON asked for: ${problem.slice(0, 200)}`,
              },
      };
      this.save();
    }
    this.finish('done', this.job.error);
  }

  /** Stores suggested tags; never overrides the user's, automatic or rejected tags. */
  private store(answer: Map<number, string[]>): number {
    const changed = addSuggestedTags(this.db, answer, Date.now());
    if (changed.length > 0) this.onTagsSuggested(changed);
    return changed.length;
  }
}
