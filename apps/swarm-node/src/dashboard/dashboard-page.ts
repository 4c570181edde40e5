import fastifyStatic from '@fastify/static';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DASHBOARD_OPTIONS, type DashboardOptions } from './dashboard.tokens';

/**
 * The page may load only what this node serves, never anything from outside the node, so it
 * works on a LAN without internet access.
 * Styles and scripts come from /assets; bars are sized through the CSSOM, which CSP allows.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of the page and its assets. */
export const DASHBOARD_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': DASHBOARD_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The static UI: `index.html` at `/` (read once) and `public/assets/*` at `/assets/*` through
 * @fastify/static. Registered on the Fastify instance at module init, before the server listens.
 */
@Injectable()
export class DashboardPage implements OnModuleInit {
  private html: Promise<string> | null = null;

  constructor(
    @Inject(DASHBOARD_OPTIONS) private readonly options: DashboardOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Queued, not awaited: awaiting here would load plugins before Nest installs its error
    // handling, and Fastify's default handler would then answer body-parse errors (not OpenAI-shaped).
    void fastify.register(fastifyStatic, {
      root: join(this.options.publicDir, 'assets'),
      prefix: '/assets/',
      // Swagger's UI registers @fastify/static too; only one may decorate the reply.
      decorateReply: false,
      index: false,
      list: false,
      // The page is small and changes with the node's version: always revalidate (ETag).
      cacheControl: true,
      maxAge: 0,
      setHeaders: (reply) => {
        void reply.header('x-content-type-options', 'nosniff');
      },
    });
  }

  /** index.html; read on first use and kept (it's a few KB). */
  indexHtml(): Promise<string> {
    this.html ??= readFile(join(this.options.publicDir, 'index.html'), 'utf8').catch((error: unknown) => {
      this.html = null;
      throw error;
    });
    return this.html;
  }
}
