import fastifyCors from '@fastify/cors';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type pino from 'pino';
import { DEFAULT_NODE_CONFIG } from '../config';
import { registerJsonBodyParser } from '../http/json-body-parser';
import { OpenAiExceptionFilter } from '../http/openai-exception.filter';
import { OpenAiValidationPipe } from '../http/openai-validation.pipe';
import { serverLimits } from '../http/server-limits';
import { NestPinoLogger } from '../logging/app-logger';
import { REQUEST_ID_HEADER, requestIdFor } from '../observability/request-id';
import { corsOptionsFor } from '../security/cors-options';
import type { HttpSurfaceSettings } from '../security/http-surface-settings';
import { installRequestGuards } from '../security/install-request-guards';

/**
 * The Nest app on Fastify, not listening yet: trusted clients, this machine's names and its own
 * pages (or --cors-origin ones) only, JSON bodies only and bounded, request deadlines and a
 * connection cap, request ids echoed, OpenAI-shaped validation and errors, shutdown on
 * SIGTERM/SIGINT, Swagger UI at /docs.
 */
export async function createHttpApp(
  root: DynamicModule,
  logger: pino.Logger,
  version: string,
  surface: HttpSurfaceSettings = DEFAULT_NODE_CONFIG,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    root,
    new FastifyAdapter({ bodyLimit: surface.bodyLimit, genReqId: requestIdFor, ...serverLimits(surface.requestTimeoutMs) }),
    // bodyParser off: Nest would add a form parser; the node reads JSON only (registerJsonBodyParser).
    { logger: new NestPinoLogger(logger), abortOnError: false, bodyParser: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.server.maxConnections = surface.maxConnections;
  registerJsonBodyParser(fastify, surface.bodyLimit);
  installRequestGuards(fastify, surface);
  // Registered here, not with app.enableCors(): Nest runs that hook before every other one, and
  // a preflight from a refused origin must meet the origin rules first. Queued, not awaited, so
  // Nest's error handling is in place when it loads.
  if (surface.corsOrigins.length > 0) void fastify.register(fastifyCors, corsOptionsFor(surface.corsOrigins));
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.useGlobalPipes(new OpenAiValidationPipe());
  app.useGlobalFilters(new OpenAiExceptionFilter(logger));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Local Swarm')
      .setDescription('OpenAI-compatible API of a Local Swarm node; every answer is chosen by consensus.')
      .setVersion(version)
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
