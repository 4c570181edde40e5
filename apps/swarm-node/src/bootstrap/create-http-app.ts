import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type pino from 'pino';
import { OpenAiExceptionFilter } from '../http/openai-exception.filter';
import { OpenAiValidationPipe } from '../http/openai-validation.pipe';
import { NestPinoLogger } from '../logging/app-logger';
import { REQUEST_ID_HEADER, requestIdFor } from '../observability/request-id';
import { privateNetworkOnly } from '../security/private-network-only.hook';

/** Bodies above this are refused with 413 before parsing (a long chat fits in far less). */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * The Nest app on Fastify, not listening yet: private-network clients only, request ids echoed,
 * OpenAI-shaped validation and errors, shutdown on SIGTERM/SIGINT, Swagger UI at /docs.
 */
export async function createHttpApp(root: DynamicModule, logger: pino.Logger, version: string): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    root,
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, genReqId: requestIdFor }),
    { logger: new NestPinoLogger(logger), abortOnError: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', privateNetworkOnly);
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
