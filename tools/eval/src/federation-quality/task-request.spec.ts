import { chatRequestBody, type TaskRequest } from './task-request';
import { sumTask } from './testing/fixtures';

describe('chatRequestBody', () => {
  const request: TaskRequest = { task: sumTask, maxTokens: 64, stop: [], temperature: 0.7, topP: 0.95, seed: 99, strategy: 'majority', choices: 1 };

  it("asks with the single-node eval's prompt, the sampling settings and the task's seed", () => {
    const body = chatRequestBody(request);
    expect(body).toMatchObject({ max_tokens: 64, temperature: 0.7, top_p: 0.95, seed: 99, strategy: 'majority' });
    const messages = body['messages'] as { role: string; content: string }[];
    expect(messages[messages.length - 1]).toEqual({ role: 'user', content: sumTask.question });
    expect(body).not.toHaveProperty('n');
    expect(body).not.toHaveProperty('stop');
  });

  it('passes stop strings on (the node forwards them to its peers)', () => {
    expect(chatRequestBody({ ...request, stop: ['\n', '. '] })).toMatchObject({ stop: ['\n', '. '] });
  });

  it('asks for n choices only when early exit is to be turned off', () => {
    expect(chatRequestBody({ ...request, choices: 3 })).toMatchObject({ n: 3 });
  });
});
