import { pythonClientsInterpreter, runPythonCheck, type PythonCheckResult } from './support/run-python-check';
import { startSwarmNode, type StartedNode } from './support/swarm-node-process';

/**
 * The official Python clients against one real node on the real default model: the `openai`
 * package and `langchain-openai`, pinned in tools/pyclients/requirements.txt. Each check is a small
 * program in tools/pyclients that prints what the client observed; a check that raised reports
 * the error's type and message, which every `code: 0` expectation below shows when it fails.
 */
const CHECK_TIMEOUT_MS = 200_000;

let node: StartedNode | undefined;
let python: string;

beforeAll(async () => {
  python = await pythonClientsInterpreter();
  // Room for tool documentation and a tool round trip in the prompt.
  node = await startSwarmNode(['--instances', '2', '--context-size', '2048', '--max-queue', '8']);
}, 300_000);

afterAll(async () => {
  await node?.stop();
});

function check(script: string): Promise<PythonCheckResult> {
  if (node === undefined) throw new Error('the node did not start (see beforeAll)');
  return runPythonCheck(python, script, node.baseURL);
}

interface TokenLogprobShape {
  readonly token: string;
  readonly logprob: number;
  readonly top: readonly { readonly token: string; readonly logprob: number }[];
}

describe('official Python clients on the real model', () => {
  it('openai: the quickstart streaming loop reads choices[0] of every chunk to the end', async () => {
    const result = await check('check_stream_quickstart.py');
    expect(result).toMatchObject({ code: 0 });
    expect(result.observed['chunks']).toBeGreaterThan(0);
    expect(String(result.observed['text']).trim().length).toBeGreaterThan(0);
    expect(['stop', 'length']).toContain(result.observed['finish_reason']);
  }, CHECK_TIMEOUT_MS);

  it('openai: chat.completions.parse with a Pydantic model returns the parsed object', async () => {
    const result = await check('check_chat_parse.py');
    expect(result).toMatchObject({ code: 0, observed: { parsed_type: 'Sum', parsed: { answer: expect.any(Number) } } });
    expect(Number.isInteger((result.observed['parsed'] as { answer: number }).answer)).toBe(true);
  }, CHECK_TIMEOUT_MS);

  it('langchain: a named tool_choice gives a valid call, and its ToolMessage gives a text answer', async () => {
    const result = await check('check_langchain_tools.py');
    expect(result).toMatchObject({ code: 0, observed: { invalid_tool_calls: 0, answer_tool_calls: 0 } });
    const calls = result.observed['tool_calls'] as readonly { name: string; args: { city?: unknown }; id: unknown }[];
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.name).toBe('get_weather');
      expect(typeof call.args.city).toBe('string');
      expect(String(call.args.city).length).toBeGreaterThan(0);
      expect(typeof call.id).toBe('string');
    }
    expect(String(result.observed['answer_text']).trim().length).toBeGreaterThan(0);
  }, CHECK_TIMEOUT_MS);

  it('langchain: with_structured_output(PydanticModel) returns an instance of the model', async () => {
    const result = await check('check_langchain_structured.py');
    expect(result).toMatchObject({ code: 0, observed: { result_type: 'Colour', result: { name: expect.any(String) } } });
  }, CHECK_TIMEOUT_MS);

  it('openai: logprobs=True, top_logprobs=2 gives every returned token its logprob and two alternatives', async () => {
    const result = await check('check_chat_logprobs.py');
    expect(result).toMatchObject({ code: 0 });
    const entries = result.observed['logprobs'] as readonly TokenLogprobShape[] | null;
    expect(entries).not.toBeNull();
    expect(entries?.length).toBeGreaterThan(0);
    // One entry per token: together they spell the returned text.
    expect(entries?.map((entry) => entry.token).join('')).toBe(result.observed['content']);
    for (const entry of entries ?? []) {
      expect(entry.logprob).toBeLessThanOrEqual(0);
      expect(entry.top).toHaveLength(2);
      const [first, second] = entry.top;
      expect(first?.logprob).toBeGreaterThanOrEqual(second?.logprob ?? Number.POSITIVE_INFINITY);
      expect(second?.logprob).toBeLessThanOrEqual(0);
    }
  }, CHECK_TIMEOUT_MS);

  it('openai: embeddings.create over two inputs returns two finite vectors of one size', async () => {
    const result = await check('check_embeddings.py');
    expect(result).toMatchObject({ code: 0, observed: { object: 'list', indexes: [0, 1], all_finite: true, distinct: true } });
    const [first, second] = result.observed['dimensions'] as readonly number[];
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(first);
    expect(result.observed['prompt_tokens']).toBeGreaterThan(0);
  }, CHECK_TIMEOUT_MS);

  it('openai: responses.create returns output_text', async () => {
    const result = await check('check_responses.py');
    expect(result).toMatchObject({ code: 0, observed: { object: 'response' } });
    // A 16-token limit may cut the answer: OpenAI then says incomplete.
    expect(['completed', 'incomplete']).toContain(result.observed['status']);
    expect(result.observed['output_types']).toContain('message');
    expect(String(result.observed['output_text']).trim().length).toBeGreaterThan(0);
  }, CHECK_TIMEOUT_MS);
});
