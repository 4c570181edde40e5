import { renderMarkdownTable } from './markdown-table';

describe('renderMarkdownTable', () => {
  it('right-aligns numeric columns and escapes pipes and newlines', () => {
    const text = renderMarkdownTable({
      title: 't',
      columns: ['N', 'mode'],
      rows: [
        [1, 'a|b'],
        [4, 'two\nlines'],
      ],
    });
    expect(text.split('\n')).toEqual(['| N | mode |', '| ---: | --- |', '| 1 | a\\|b |', '| 4 | two lines |']);
  });

  it('fills a short row with empty cells', () => {
    expect(renderMarkdownTable({ title: 't', columns: ['a', 'b'], rows: [['x']] })).toContain('| x |  |');
  });
});
