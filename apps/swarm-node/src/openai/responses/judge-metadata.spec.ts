import { judgeMetadataOf } from './judge-metadata';

describe('judgeMetadataOf', () => {
  it('is the judge report in snake_case', () => {
    expect(
      judgeMetadataOf({ source: 'local', model: 'smollm2', choice: 2, groupsShown: 3, replyTokens: 12, parsed: true, fallback: null }),
    ).toEqual({ source: 'local', model: 'smollm2', choice: 2, groups_shown: 3, reply_tokens: 12, parsed: true, fallback: null });
  });
});
