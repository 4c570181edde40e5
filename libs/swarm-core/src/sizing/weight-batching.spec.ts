import { batchScalingOf, weightTypeName } from './weight-batching';

describe('weightTypeName', () => {
  it.each([
    [2, 'Q4_0'],
    [3, 'Q4_1'],
    [7, 'Q8_0'],
    [15, 'Q4_K_M'],
    [25, 'IQ4_NL'],
    [32, 'BF16'],
  ])('names GGUF file type %p %p', (fileType, name) => expect(weightTypeName(fileType)).toBe(name));

  it.each([[undefined], [999], [-1], ['3'], [Number.NaN]])('leaves %p unnamed (a header is untrusted)', (fileType) =>
    expect(weightTypeName(fileType)).toBeNull(),
  );
});

describe('batchScalingOf', () => {
  it.each(['Q4_0', 'IQ4_NL'])('%s is repacked for batched steps', (type) => expect(batchScalingOf(type, 576)).toBe('repacked'));

  it.each(['Q4_1', 'Q5_0', 'Q5_1', 'Q8_0', 'F16', 'BF16', 'F32'])('%s is not', (type) => expect(batchScalingOf(type, 4096)).toBe('unrepacked'));

  it('counts a K-quant as unrepacked only when its rows are not multiples of 256', () => {
    expect(batchScalingOf('Q4_K_M', 576)).toBe('unrepacked');
    expect(batchScalingOf('Q6_K', 576)).toBe('unrepacked');
    expect(batchScalingOf('Q4_K_M', 4096)).toBe('unknown');
    expect(batchScalingOf('Q4_K_M', null)).toBe('unknown');
  });

  it('knows nothing of an unnamed type', () => expect(batchScalingOf(null, 576)).toBe('unknown'));
});
