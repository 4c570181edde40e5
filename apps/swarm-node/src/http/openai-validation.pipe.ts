import { Injectable, ValidationPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { OpenAiHttpError } from './openai-error';
import { validationErrorsToOpenAi } from './validation-error-to-openai';

/**
 * Validates request bodies against their class-validator DTOs and reports the first problem in
 * OpenAI's error shape. A body that is not a JSON object at all (missing, an array, a string) is
 * refused before class-validator, which would otherwise let `undefined` through.
 * Unknown fields are ignored, as OpenAI-compatible servers do: clients send many optional ones.
 */
@Injectable()
export class OpenAiValidationPipe implements PipeTransform<unknown> {
  private readonly inner = new ValidationPipe({
    transform: true,
    whitelist: false,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationErrorsToOpenAi(errors),
  });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body') return value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw OpenAiHttpError.invalidRequest('The request body must be a JSON object (send Content-Type: application/json).');
    }
    return this.inner.transform(value, metadata);
  }
}
