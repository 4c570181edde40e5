import type { Candidate } from '@local-swarm/consensus';
import { FederatedSwarm } from '@local-swarm/federation';
import type { ConsensusRun, GenerationRequest } from '@local-swarm/swarm-core';
import { Inject, Injectable } from '@nestjs/common';
import type pino from 'pino';
import { APP_LOGGER, LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from '../core/core.tokens';
import { OpenAiHttpError, openAiErrorFromSwarmFailure } from '../http/openai-error';
import { RequestEvents } from '../observability/request-events';
import type { ChatCompletionRequestDto } from './dto/chat-completion-request.dto';
import type { CompletionRequestDto } from './dto/completion-request.dto';
import type { SamplingFieldsDto } from './dto/sampling-fields.dto';
import type { PreparedRequest } from './prepared-request';
import { resolveRequestOverrides, type SwarmHeaders } from './request-overrides';
import { chatRequestFields, type RequestFields } from './request-mapping/chat-request-fields';
import { textRequestFields } from './request-mapping/text-request-fields';
import type { AnswerShape } from './responses/answer-shape';

/**
 * Turns OpenAI requests into swarm requests, enforces the node's limits with OpenAI-shaped
 * errors, and runs consensus over the candidate sources. The controllers only do HTTP.
 */
@Injectable()
export class CompletionService {
  constructor(
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
    @Inject(NODE_SETTINGS) private readonly settings: NodeSettings,
    private readonly federatedSwarm: FederatedSwarm,
    private readonly events: RequestEvents,
    @Inject(APP_LOGGER) private readonly logger: pino.Logger,
  ) {}

  /**
   * A chat request mapped onto the swarm's request and checked against this node's limits; every
   * field it cannot honour is a 400 naming it. Other OpenAI-shaped routes that take chat messages
   * call this too.
   */
  prepareChat(body: ChatCompletionRequestDto, headers: SwarmHeaders): PreparedRequest {
    const { fields, answer } = chatRequestFields(body, this.swarm.vocabulary);
    return this.prepare(body, fields, body.max_completion_tokens ?? body.max_tokens, headers, answer, body.stream_options?.include_usage === true);
  }

  prepareText(body: CompletionRequestDto, headers: SwarmHeaders): PreparedRequest {
    const { fields, answer } = textRequestFields(body, this.swarm.vocabulary);
    return this.prepare(body, fields, body.max_tokens, headers, answer, body.stream_options?.include_usage === true);
  }

  /**
   * Runs the planned candidate sources and the vote, announcing the request's progress on
   * RequestEvents. Throws OpenAiHttpError for failures.
   */
  async run(prepared: PreparedRequest, signal: AbortSignal): Promise<ConsensusRun> {
    const requestId = prepared.generation.requestId ?? 'unknown';
    const startedAt = Date.now();
    const base = { requestId, strategy: prepared.strategy, mode: prepared.mode };
    this.events.emit('started', { ...base, at: startedAt });
    try {
      const run = await this.runPlan(prepared, signal, (candidate) => this.events.emit('candidate', { requestId, candidate }));
      const durationMs = Date.now() - startedAt;
      this.events.emit('finished', { ...base, startedAt, durationMs, run, choices: prepared.choices, error: null });
      this.logger.info(
        {
          requestId,
          strategy: run.verdict.strategy,
          mode: prepared.mode,
          durationMs,
          candidates: run.candidates.length,
          sources: run.sources.map((source) => `${source.id}:${source.ok ? source.candidates : 'failed'}`),
          agreement: run.verdict.agreement,
          winner: run.verdict.winner?.candidate.source ?? null,
        },
        'request answered',
      );
      return run;
    } catch (error) {
      const failure = error instanceof OpenAiHttpError ? error : new OpenAiHttpError(500, 'server_error', String(error));
      const { status, code, message } = failure;
      this.events.emit('finished', { ...base, startedAt, durationMs: Date.now() - startedAt, run: null, error: { status, code, message } });
      this.logger.info({ requestId, status, code }, 'request failed');
      throw error;
    }
  }

  private async runPlan(prepared: PreparedRequest, signal: AbortSignal, onCandidate: (candidate: Candidate) => void): Promise<ConsensusRun> {
    const outcome = await this.federatedSwarm.generateWithFederation(prepared.generation, {
      strategy: prepared.strategy,
      mode: prepared.mode,
      signal,
      onCandidate,
      weights: prepared.weights,
      // A client that asked for several choices wants several finished answers, not one winner
      // and the partial texts of candidates stopped once the vote was decided.
      earlyExit: prepared.choices === 1,
    });
    if (!outcome.ok) throw openAiErrorFromSwarmFailure(outcome.failure);
    if (outcome.run.candidates.every((candidate) => candidate.finishReason === 'error')) {
      throw new OpenAiHttpError(500, 'server_error', 'every candidate failed to generate; see the node log', null, 'engine_failed');
    }
    return outcome.run;
  }

  private prepare(
    body: SamplingFieldsDto,
    fields: RequestFields,
    requestedMaxTokens: number | undefined,
    headers: SwarmHeaders,
    answer: AnswerShape,
    includeUsage: boolean,
  ): PreparedRequest {
    const { strategy, mode, weights, minAgreement } = resolveRequestOverrides(body, headers, this.settings);
    const instances = this.swarm.info.instances;
    const choices = body.n ?? 1;
    if (choices > instances) {
      throw OpenAiHttpError.invalidRequest(`n must be at most ${instances} (this node's instances), got ${choices}`, 'n', 'n_too_large');
    }
    if (requestedMaxTokens !== undefined && requestedMaxTokens > this.settings.maxTokensLimit) {
      throw OpenAiHttpError.invalidRequest(
        `max_tokens must be at most ${this.settings.maxTokensLimit} on this node, got ${requestedMaxTokens}`,
        'max_tokens',
        'max_tokens_too_large',
      );
    }
    // Tokenized once, after the cheap checks (the swarm keeps the tokens for check and generate).
    const maxTokens = requestedMaxTokens ?? this.defaultMaxTokens(fields);
    const generation: GenerationRequest = {
      ...fields,
      maxTokens,
      candidates: instances,
      ...(headers.requestId !== undefined ? { requestId: headers.requestId } : {}),
      ...(headers.clientKey !== undefined ? { clientKey: headers.clientKey } : {}),
      ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
      ...(body.top_p !== undefined ? { topP: body.top_p } : {}),
      ...(body.seed !== undefined ? { seed: body.seed } : {}),
      ...(body.stop !== undefined ? { stop: typeof body.stop === 'string' ? [body.stop] : body.stop } : {}),
    };
    const checked = this.swarm.check(generation);
    if (!checked.ok) throw openAiErrorFromSwarmFailure(checked.failure);
    return { generation, strategy, mode, choices, stream: body.stream === true, includeUsage, answer, minAgreement, weights };
  }

  /**
   * A request without max_tokens gets the default, shrunk to what the context leaves after the
   * prompt; a prompt that cannot fit at all is refused here.
   */
  private defaultMaxTokens(fields: RequestFields): number {
    const measured = this.swarm.measurePrompt(fields.prompt, fields.tools);
    if (!measured.ok) throw openAiErrorFromSwarmFailure(measured.failure);
    const left = this.swarm.info.contextSize - measured.promptTokens;
    return Math.max(1, Math.min(this.settings.defaultMaxTokens, left));
  }
}
