import { consensusCheckOf } from './consensus-options-for';

describe('consensusCheckOf: the question answers are grouped by', () => {
  it('is the last user message of a chat', () => {
    const check = consensusCheckOf({
      prompt: {
        kind: 'chat',
        messages: [
          { role: 'system', content: 'Answer briefly.' },
          { role: 'user', content: 'What is the capital of France?' },
          { role: 'assistant', content: 'Paris.' },
          { role: 'user', content: 'What is the capital of Iran?' },
        ],
      },
      maxTokens: 8, candidates: 2,
    });
    expect(check.question).toBe('What is the capital of Iran?');
  });

  it('is a text prompt whole, and absent when there is none', () => {
    expect(consensusCheckOf({ prompt: { kind: 'text', text: 'Q: 2+2?\nA:' }, maxTokens: 8, candidates: 2 }).question).toBe('Q: 2+2?\nA:');
    expect(consensusCheckOf({ prompt: { kind: 'chat', messages: [{ role: 'system', content: 'Hi' }] }, maxTokens: 8, candidates: 2 })).not.toHaveProperty('question');
  });
});
